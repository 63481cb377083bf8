/**
 * The weekly production schedule and what limits ordering: productions, delivery slots,
 * isotope productions and deliveries, deadlines and closed dates.
 */
import { DeadlineScope, DeadlineType, WeeklyRepeat, enumValues } from '@tracershop/core';
import { Model } from 'sequelize';
import type {
  CreationOptional,
  InferAttributes,
  InferCreationAttributes,
  NonAttribute,
  Sequelize,
} from 'sequelize';
import {
  calendarDateColumn,
  enumColumn,
  idColumn,
  referenceColumn,
  textEnumColumn,
  timeOfDayColumn,
  weekdayColumn,
} from '../columns';
import type { DeliveryEndpoint, Isotope, Tracer } from './catalog';

export class ActivityProduction extends Model<
  InferAttributes<ActivityProduction>,
  InferCreationAttributes<ActivityProduction>
> {
  declare id: CreationOptional<number>;
  declare tracerId: number;
  /** 0 = Monday … 6 = Sunday. */
  declare weekday: number;
  declare productionTime: string;

  declare tracer?: NonAttribute<Tracer>;
}

export class ActivityDeliveryTimeSlot extends Model<
  InferAttributes<ActivityDeliveryTimeSlot>,
  InferCreationAttributes<ActivityDeliveryTimeSlot>
> {
  declare id: CreationOptional<number>;
  declare endpointId: number;
  declare productionId: number;
  declare deliveryTime: string;
  declare weeklyRepeat: WeeklyRepeat;
  declare expirationDate: CreationOptional<string | null>;

  declare endpoint?: NonAttribute<DeliveryEndpoint>;
  declare production?: NonAttribute<ActivityProduction>;
}

export class IsotopeProduction extends Model<
  InferAttributes<IsotopeProduction>,
  InferCreationAttributes<IsotopeProduction>
> {
  declare id: CreationOptional<number>;
  declare isotopeId: number;
  declare weekday: number;
  declare productionTime: string;
  declare expirationDate: CreationOptional<string | null>;

  declare isotope?: NonAttribute<Isotope>;
}

export class IsotopeDelivery extends Model<
  InferAttributes<IsotopeDelivery>,
  InferCreationAttributes<IsotopeDelivery>
> {
  declare id: CreationOptional<number>;
  declare isotopeProductionId: number;
  declare endpointId: number;
  declare deliveryTime: string;
  declare weeklyRepeat: CreationOptional<WeeklyRepeat>;

  declare isotopeProduction?: NonAttribute<IsotopeProduction>;
  declare endpoint?: NonAttribute<DeliveryEndpoint>;
}

export class Deadline extends Model<InferAttributes<Deadline>, InferCreationAttributes<Deadline>> {
  declare id: CreationOptional<number>;
  declare deadlineType: DeadlineType;
  declare deadlineTime: CreationOptional<string | null>;
  /** Weekly deadlines only. */
  declare weekday: CreationOptional<number | null>;
  /** Which global deadline this is; unique, so each kind has at most one. */
  declare appliesTo: CreationOptional<DeadlineScope | null>;
}

export class ClosedDate extends Model<
  InferAttributes<ClosedDate>,
  InferCreationAttributes<ClosedDate>
> {
  declare id: CreationOptional<number>;
  declare closeDate: string;
}

export function defineScheduleModels(sequelize: Sequelize) {
  class ActivityProductionRow extends ActivityProduction {}
  ActivityProductionRow.init(
    {
      id: idColumn(),
      tracerId: referenceColumn(),
      weekday: weekdayColumn(),
      productionTime: timeOfDayColumn(),
    },
    {
      sequelize,
      modelName: 'ActivityProduction',
      tableName: 'activity_productions',
      indexes: [
        {
          name: 'activity_productions_time_weekday_tracer_unique',
          unique: true,
          fields: ['production_time', 'weekday', 'tracer_id'],
        },
      ],
    },
  );

  class ActivityDeliveryTimeSlotRow extends ActivityDeliveryTimeSlot {}
  ActivityDeliveryTimeSlotRow.init(
    {
      id: idColumn(),
      endpointId: referenceColumn(),
      productionId: referenceColumn(),
      deliveryTime: timeOfDayColumn(),
      weeklyRepeat: enumColumn(enumValues(WeeklyRepeat)),
      expirationDate: calendarDateColumn(true),
    },
    {
      sequelize,
      modelName: 'ActivityDeliveryTimeSlot',
      tableName: 'activity_delivery_time_slots',
      indexes: [
        {
          name: 'activity_delivery_time_slots_endpoint_time_production_unique',
          unique: true,
          fields: ['endpoint_id', 'delivery_time', 'production_id'],
        },
      ],
    },
  );

  class IsotopeProductionRow extends IsotopeProduction {}
  IsotopeProductionRow.init(
    {
      id: idColumn(),
      isotopeId: referenceColumn(),
      weekday: weekdayColumn(),
      productionTime: timeOfDayColumn(),
      expirationDate: calendarDateColumn(true),
    },
    { sequelize, modelName: 'IsotopeProduction', tableName: 'isotope_productions' },
  );

  class IsotopeDeliveryRow extends IsotopeDelivery {}
  IsotopeDeliveryRow.init(
    {
      id: idColumn(),
      isotopeProductionId: referenceColumn(),
      endpointId: referenceColumn(),
      deliveryTime: timeOfDayColumn(),
      weeklyRepeat: enumColumn(enumValues(WeeklyRepeat), { defaultValue: WeeklyRepeat.EveryWeek }),
    },
    { sequelize, modelName: 'IsotopeDelivery', tableName: 'isotope_deliveries' },
  );

  class DeadlineRow extends Deadline {}
  DeadlineRow.init(
    {
      id: idColumn(),
      deadlineType: enumColumn(enumValues(DeadlineType)),
      deadlineTime: timeOfDayColumn(true),
      weekday: weekdayColumn(true),
      appliesTo: textEnumColumn(enumValues(DeadlineScope), { allowNull: true }),
    },
    {
      sequelize,
      modelName: 'Deadline',
      tableName: 'deadlines',
      indexes: [{ name: 'deadlines_applies_to_unique', unique: true, fields: ['applies_to'] }],
    },
  );

  class ClosedDateRow extends ClosedDate {}
  ClosedDateRow.init(
    { id: idColumn(), closeDate: calendarDateColumn() },
    { sequelize, modelName: 'ClosedDate', tableName: 'closed_dates' },
  );

  return {
    ActivityProduction: ActivityProductionRow as typeof ActivityProduction,
    ActivityDeliveryTimeSlot: ActivityDeliveryTimeSlotRow as typeof ActivityDeliveryTimeSlot,
    IsotopeProduction: IsotopeProductionRow as typeof IsotopeProduction,
    IsotopeDelivery: IsotopeDeliveryRow as typeof IsotopeDelivery,
    Deadline: DeadlineRow as typeof Deadline,
    ClosedDate: ClosedDateRow as typeof ClosedDate,
  };
}
