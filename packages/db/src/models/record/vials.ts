/**
 * Dispensed vials: tracer vials (from the dispenser files, assigned on release to one pivot
 * activity order) and isotope vials (assigned on release to one pivot isotope order).
 */
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
  doubleColumn,
  idColumn,
  instantColumn,
  referenceColumn,
  stringColumn,
  timeOfDayColumn,
} from '../columns';
import type { Customer, Isotope, Tracer } from './catalog';
import type { ActivityOrder, IsotopeOrder } from './orders';

export class Vial extends Model<InferAttributes<Vial>, InferCreationAttributes<Vial>> {
  declare id: CreationOptional<number>;
  /** Found from the lot number's prefix (Tracer.vialTag); null when unknown. */
  declare tracerId: CreationOptional<number | null>;
  /** The owner; null for quality control vials. */
  declare customerId: CreationOptional<number | null>;
  declare lotNumber: string;
  declare fillDate: string;
  declare fillTime: string;
  /** MBq at fill time. */
  declare activity: number;
  /** ml */
  declare volume: number;
  /** The pivot activity order of the release that delivered this vial. */
  declare assignedToId: CreationOptional<number | null>;

  declare tracer?: NonAttribute<Tracer | null>;
  declare customer?: NonAttribute<Customer | null>;
  declare assignedTo?: NonAttribute<ActivityOrder | null>;
}

export class IsotopeVial extends Model<
  InferAttributes<IsotopeVial>,
  InferCreationAttributes<IsotopeVial>
> {
  declare id: CreationOptional<number>;
  declare isotopeId: number;
  declare batchNumber: string;
  declare calibratedAt: Date;
  /** MBq at calibration time. */
  declare activity: number;
  declare volume: number;
  /** The pivot isotope order of the release that delivered this vial. */
  declare deliveredWithId: CreationOptional<number | null>;

  declare isotope?: NonAttribute<Isotope>;
  declare deliveredWith?: NonAttribute<IsotopeOrder | null>;
}

export function defineVialModels(sequelize: Sequelize) {
  class VialRow extends Vial {}
  VialRow.init(
    {
      id: idColumn(),
      tracerId: referenceColumn(true),
      customerId: referenceColumn(true),
      lotNumber: stringColumn(32),
      fillDate: calendarDateColumn(),
      fillTime: timeOfDayColumn(),
      activity: doubleColumn(),
      volume: doubleColumn(),
      assignedToId: referenceColumn(true),
    },
    {
      sequelize,
      modelName: 'Vial',
      tableName: 'vials',
      indexes: [
        { name: 'vials_fill_date_fill_time', fields: ['fill_date', 'fill_time'] },
        { name: 'vials_lot_number', fields: ['lot_number'] },
        { name: 'vials_customer', fields: ['customer_id'] },
      ],
    },
  );

  class IsotopeVialRow extends IsotopeVial {}
  IsotopeVialRow.init(
    {
      id: idColumn(),
      isotopeId: referenceColumn(),
      batchNumber: stringColumn(128),
      calibratedAt: instantColumn(),
      activity: doubleColumn(),
      volume: doubleColumn(),
      deliveredWithId: referenceColumn(true),
    },
    {
      sequelize,
      modelName: 'IsotopeVial',
      tableName: 'isotope_vials',
      indexes: [
        { name: 'isotope_vials_calibrated_at', fields: ['calibrated_at'] },
        { name: 'isotope_vials_batch_number', fields: ['batch_number'] },
      ],
    },
  );

  return {
    Vial: VialRow as typeof Vial,
    IsotopeVial: IsotopeVialRow as typeof IsotopeVial,
  };
}
