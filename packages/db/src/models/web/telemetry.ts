/**
 * Telemetry: one row per handled api call (latency, success), kept 60 days.
 */
import { DataTypes, Model } from 'sequelize';
import type {
  CreationOptional,
  InferAttributes,
  InferCreationAttributes,
  Sequelize,
} from 'sequelize';
import { booleanColumn, doubleColumn, idColumn, instantColumn, stringColumn } from '../columns';

export class TelemetryRecord extends Model<
  InferAttributes<TelemetryRecord>,
  InferCreationAttributes<TelemetryRecord>
> {
  declare id: CreationOptional<number>;
  declare at: CreationOptional<Date>;
  /** The api procedure, e.g. 'activityOrders.release'. */
  declare procedure: string;
  declare latencyMs: CreationOptional<number | null>;
  declare ok: boolean;
}

export function defineTelemetryModels(sequelize: Sequelize) {
  class TelemetryRecordRow extends TelemetryRecord {}
  TelemetryRecordRow.init(
    {
      id: idColumn(),
      at: { ...instantColumn(), defaultValue: DataTypes.NOW },
      procedure: stringColumn(120),
      latencyMs: doubleColumn(true),
      ok: booleanColumn(true),
    },
    {
      sequelize,
      modelName: 'TelemetryRecord',
      tableName: 'telemetry_records',
      indexes: [
        { name: 'telemetry_records_at', fields: ['at'] },
        { name: 'telemetry_records_procedure_at', fields: ['procedure', 'at'] },
      ],
    },
  );
  return { TelemetryRecord: TelemetryRecordRow as typeof TelemetryRecord };
}
