/**
 * Orders: activity (MBq into a delivery slot), injection (doses at a time) and isotope orders.
 * People are named by their web-database user id plus a snapshot of the name, so that the
 * record database stands alone for an inspector (docs/domain.md).
 */
import { OrderStatus, TracerUsage, enumValues } from '@tracershop/core';
import { DataTypes, Model } from 'sequelize';
import type {
  CreationOptional,
  InferAttributes,
  InferCreationAttributes,
  NonAttribute,
  Sequelize,
} from 'sequelize';
import {
  calendarDateColumn,
  doubleColumn,
  enumColumn,
  foreignIdColumn,
  idColumn,
  instantColumn,
  referenceColumn,
  stringColumn,
  timeOfDayColumn,
} from '../columns';
import type { DeliveryEndpoint, Tracer } from './catalog';
import type { ActivityDeliveryTimeSlot, IsotopeDelivery } from './schedule';

/** Length of a person's name snapshot (User.displayName). */
export const PERSON_NAME_LENGTH = 150;

export class ActivityOrder extends Model<
  InferAttributes<ActivityOrder>,
  InferCreationAttributes<ActivityOrder>
> {
  declare id: CreationOptional<number>;
  /** MBq at the ordered slot's delivery time, without overhead. */
  declare orderedActivity: number;
  declare deliveryDate: string;
  declare status: OrderStatus;
  declare comment: CreationOptional<string | null>;
  declare orderedTimeSlotId: number;
  declare movedToTimeSlotId: CreationOptional<number | null>;
  declare orderedById: CreationOptional<number | null>;
  declare orderedByName: CreationOptional<string | null>;
  declare freedAt: CreationOptional<Date | null>;
  declare freedById: CreationOptional<number | null>;
  declare freedByName: CreationOptional<string | null>;
  /**
   * While Released: the order holding the vials of the release this order belongs to (its
   * pivot; itself for the pivot). Null otherwise, and for orders released before a delivery
   * could be released more than once (one release per delivery).
   */
  declare releasedWithId: CreationOptional<number | null>;

  declare orderedTimeSlot?: NonAttribute<ActivityDeliveryTimeSlot>;
  declare movedToTimeSlot?: NonAttribute<ActivityDeliveryTimeSlot | null>;
}

export class InjectionOrder extends Model<
  InferAttributes<InjectionOrder>,
  InferCreationAttributes<InjectionOrder>
> {
  declare id: CreationOptional<number>;
  declare endpointId: number;
  declare tracerId: number;
  declare deliveryDate: string;
  declare deliveryTime: string;
  declare injections: number;
  declare tracerUsage: TracerUsage;
  declare status: OrderStatus;
  declare comment: CreationOptional<string | null>;
  declare lotNumber: CreationOptional<string | null>;
  declare maxInjectionVolume: CreationOptional<number | null>;
  declare orderedById: CreationOptional<number | null>;
  declare orderedByName: CreationOptional<string | null>;
  declare freedAt: CreationOptional<Date | null>;
  declare freedById: CreationOptional<number | null>;
  declare freedByName: CreationOptional<string | null>;

  declare endpoint?: NonAttribute<DeliveryEndpoint>;
  declare tracer?: NonAttribute<Tracer>;
}

export class IsotopeOrder extends Model<
  InferAttributes<IsotopeOrder>,
  InferCreationAttributes<IsotopeOrder>
> {
  declare id: CreationOptional<number>;
  declare isotopeDeliveryId: number;
  declare deliveryDate: string;
  declare orderedActivity: number;
  declare status: CreationOptional<OrderStatus>;
  declare comment: CreationOptional<string>;
  /** The legacy requires an ordering user for isotope orders. */
  declare orderedById: number;
  declare orderedByName: string;
  declare freedAt: CreationOptional<Date | null>;
  declare freedById: CreationOptional<number | null>;
  declare freedByName: CreationOptional<string | null>;

  declare isotopeDelivery?: NonAttribute<IsotopeDelivery>;
}

const orderStatusValues = enumValues(OrderStatus);

export function defineOrderModels(sequelize: Sequelize) {
  class ActivityOrderRow extends ActivityOrder {}
  ActivityOrderRow.init(
    {
      id: idColumn(),
      orderedActivity: { ...doubleColumn(), validate: { min: 0 } },
      deliveryDate: calendarDateColumn(),
      status: enumColumn(orderStatusValues),
      comment: stringColumn(800, true),
      orderedTimeSlotId: referenceColumn(),
      movedToTimeSlotId: referenceColumn(true),
      orderedById: foreignIdColumn(),
      orderedByName: stringColumn(PERSON_NAME_LENGTH, true),
      freedAt: instantColumn(true),
      freedById: foreignIdColumn(),
      freedByName: stringColumn(PERSON_NAME_LENGTH, true),
      releasedWithId: { ...referenceColumn(true), defaultValue: null },
    },
    {
      sequelize,
      modelName: 'ActivityOrder',
      tableName: 'activity_orders',
      indexes: [
        { name: 'activity_orders_delivery_date', fields: ['delivery_date'] },
        { name: 'activity_orders_released_with_id', fields: ['released_with_id'] },
        { name: 'activity_orders_ordered_time_slot', fields: ['ordered_time_slot_id'] },
        { name: 'activity_orders_moved_to_time_slot', fields: ['moved_to_time_slot_id'] },
      ],
    },
  );

  class InjectionOrderRow extends InjectionOrder {}
  InjectionOrderRow.init(
    {
      id: idColumn(),
      endpointId: referenceColumn(),
      tracerId: referenceColumn(),
      deliveryDate: calendarDateColumn(),
      deliveryTime: timeOfDayColumn(),
      injections: { type: DataTypes.SMALLINT, allowNull: false, validate: { min: 0 } },
      tracerUsage: enumColumn(enumValues(TracerUsage)),
      status: enumColumn(orderStatusValues),
      comment: stringColumn(800, true),
      lotNumber: stringColumn(32, true),
      maxInjectionVolume: doubleColumn(true),
      orderedById: foreignIdColumn(),
      orderedByName: stringColumn(PERSON_NAME_LENGTH, true),
      freedAt: instantColumn(true),
      freedById: foreignIdColumn(),
      freedByName: stringColumn(PERSON_NAME_LENGTH, true),
    },
    {
      sequelize,
      modelName: 'InjectionOrder',
      tableName: 'injection_orders',
      indexes: [
        { name: 'injection_orders_delivery_date', fields: ['delivery_date'] },
        { name: 'injection_orders_lot_number', fields: ['lot_number'] },
        { name: 'injection_orders_endpoint', fields: ['endpoint_id'] },
      ],
    },
  );

  class IsotopeOrderRow extends IsotopeOrder {}
  IsotopeOrderRow.init(
    {
      id: idColumn(),
      isotopeDeliveryId: referenceColumn(),
      deliveryDate: calendarDateColumn(),
      orderedActivity: { ...doubleColumn(), validate: { min: 0 } },
      status: enumColumn(orderStatusValues, { defaultValue: OrderStatus.Ordered }),
      comment: stringColumn(800, false, ''),
      orderedById: foreignIdColumn(false),
      orderedByName: stringColumn(PERSON_NAME_LENGTH),
      freedAt: instantColumn(true),
      freedById: foreignIdColumn(),
      freedByName: stringColumn(PERSON_NAME_LENGTH, true),
    },
    {
      sequelize,
      modelName: 'IsotopeOrder',
      tableName: 'isotope_orders',
      indexes: [{ name: 'isotope_orders_delivery_date', fields: ['delivery_date'] }],
    },
  );

  return {
    ActivityOrder: ActivityOrderRow as typeof ActivityOrder,
    InjectionOrder: InjectionOrderRow as typeof InjectionOrder,
    IsotopeOrder: IsotopeOrderRow as typeof IsotopeOrder,
  };
}
