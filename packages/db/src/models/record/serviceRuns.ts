/**
 * ServiceRun: when a scheduled background job (e.g. the nightly retention) last ran, so that a
 * run missed while the service was down is caught up at start, and a restart does not repeat it.
 */
import { DataTypes, Model } from 'sequelize';
import type {
  CreationOptional,
  InferAttributes,
  InferCreationAttributes,
  Sequelize,
} from 'sequelize';
import { instantColumn } from '../columns';

export class ServiceRun extends Model<
  InferAttributes<ServiceRun>,
  InferCreationAttributes<ServiceRun>
> {
  /** The job, e.g. 'retention'. */
  declare name: string;
  declare lastRunAt: Date;
  /** What the last run did (JSON text, no personal data). */
  declare details: CreationOptional<string | null>;
}

export function defineServiceRunModels(sequelize: Sequelize) {
  class ServiceRunRow extends ServiceRun {}
  ServiceRunRow.init(
    {
      name: { type: DataTypes.STRING(64), primaryKey: true, allowNull: false },
      lastRunAt: instantColumn(),
      details: { type: DataTypes.TEXT, allowNull: true },
    },
    { sequelize, modelName: 'ServiceRun', tableName: 'service_runs' },
  );
  return { ServiceRun: ServiceRunRow as typeof ServiceRun };
}
