/**
 * Migration 0003-backup-runs: one row per finished run of the scheduled backup
 * (docs/operations.md, "Scheduled backups"): when, the result, the file, its size, how long
 * it took, the row counts and the audit head, or the error. The schedule's moment is unique,
 * so that of several api instances only one records (and keeps) a scheduled run.
 */
import { DataTypes } from 'sequelize';
import type { RunnableMigration } from 'umzug';
import { column, createTables, dropTables } from '../definitions';
import type { MigrationContext, TableSpec } from '../definitions';

const tables: TableSpec[] = [
  {
    name: 'backup_runs',
    columns: {
      id: column.id(),
      scheduled_for: column.instant(true),
      started_at: column.instant(),
      finished_at: column.instant(true),
      result: column.string(16),
      file: column.string(1024, true),
      // Sizes beyond 2 GiB do not fit an INTEGER on MySQL.
      bytes: { type: DataTypes.BIGINT, allowNull: true },
      duration_ms: column.integer(true),
      row_counts: column.text(true),
      audit_events: column.integer(true),
      audit_head_hash: column.string(64, true),
      error: column.text(true),
      file_deleted_at: column.instant(true),
    },
    indexes: [
      { name: 'backup_runs_scheduled_for_unique', columns: ['scheduled_for'], unique: true },
      { name: 'backup_runs_started_at', columns: ['started_at'] },
    ],
  },
];

export const migration: RunnableMigration<MigrationContext> = {
  name: '0003-backup-runs',
  async up({ context: { queryInterface } }) {
    await createTables(queryInterface, tables);
  },
  async down({ context: { queryInterface } }) {
    await dropTables(queryInterface, tables);
  },
};
