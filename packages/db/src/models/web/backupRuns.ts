/**
 * BackupRun: one finished run of the scheduled backup (docs/operations.md, "Scheduled
 * backups"), kept for the site admin's page and for retention, which deletes only files of
 * runs recorded here. A run is recorded when it ends, so a backup never holds a half-done row
 * of itself.
 */
import { DataTypes, Model } from 'sequelize';
import type {
  CreationOptional,
  InferAttributes,
  InferCreationAttributes,
  Sequelize,
} from 'sequelize';
import { idColumn, instantColumn, stringColumn, textEnumColumn } from '../columns';

export const BACKUP_RUN_RESULTS = ['succeeded', 'failed'] as const;
export type BackupRunResult = (typeof BACKUP_RUN_RESULTS)[number];

/** Rows per table, per database. */
export type BackupRowCounts = Record<'record' | 'web', Record<string, number>>;

export class BackupRun extends Model<
  InferAttributes<BackupRun>,
  InferCreationAttributes<BackupRun>
> {
  declare id: CreationOptional<number>;
  /** The schedule's moment the run was for (unique); null for a run asked for otherwise. */
  declare scheduledFor: CreationOptional<Date | null>;
  declare startedAt: Date;
  declare finishedAt: CreationOptional<Date | null>;
  declare result: BackupRunResult;
  /** The backup file's full path (also of a failed run: the file it was to write). */
  declare file: CreationOptional<string | null>;
  declare bytes: CreationOptional<number | null>;
  declare durationMs: CreationOptional<number | null>;
  declare rowCounts: CreationOptional<BackupRowCounts | null>;
  declare auditEvents: CreationOptional<number | null>;
  declare auditHeadHash: CreationOptional<string | null>;
  /** Why a run failed, in words. */
  declare error: CreationOptional<string | null>;
  /** When retention deleted the file. */
  declare fileDeletedAt: CreationOptional<Date | null>;
}

function parseRowCounts(text: unknown): BackupRowCounts | null {
  if (typeof text !== 'string' || text === '') {
    return null;
  }
  return JSON.parse(text) as BackupRowCounts;
}

export function defineBackupRunModels(sequelize: Sequelize) {
  class BackupRunRow extends BackupRun {}
  BackupRunRow.init(
    {
      id: idColumn(),
      scheduledFor: instantColumn(true),
      startedAt: instantColumn(),
      finishedAt: instantColumn(true),
      result: textEnumColumn(BACKUP_RUN_RESULTS),
      file: stringColumn(1024, true),
      bytes: {
        type: DataTypes.BIGINT,
        allowNull: true,
        get(this: BackupRunRow): number | null {
          const value = this.getDataValue('bytes') as unknown;
          return value === null || value === undefined ? null : Number(value);
        },
      },
      durationMs: { type: DataTypes.INTEGER, allowNull: true },
      rowCounts: {
        type: DataTypes.TEXT,
        allowNull: true,
        get(this: BackupRunRow): BackupRowCounts | null {
          return parseRowCounts(this.getDataValue('rowCounts') as unknown);
        },
        set(this: BackupRunRow, counts: BackupRowCounts | null) {
          this.setDataValue(
            'rowCounts',
            (counts === null ? null : JSON.stringify(counts)) as unknown as BackupRowCounts,
          );
        },
      },
      auditEvents: { type: DataTypes.INTEGER, allowNull: true },
      auditHeadHash: stringColumn(64, true),
      error: { type: DataTypes.TEXT, allowNull: true },
      fileDeletedAt: instantColumn(true),
    },
    {
      sequelize,
      modelName: 'BackupRun',
      tableName: 'backup_runs',
      indexes: [
        { name: 'backup_runs_scheduled_for_unique', fields: ['scheduled_for'], unique: true },
        { name: 'backup_runs_started_at', fields: ['started_at'] },
      ],
    },
  );
  return { BackupRun: BackupRunRow as typeof BackupRun };
}
