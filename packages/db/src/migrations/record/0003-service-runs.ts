/**
 * Migration 0003-service-runs: when each scheduled background job last ran, so a missed run is
 * caught up at start (the nightly retention job).
 */
import type { RunnableMigration } from 'umzug';
import { column, createTables, dropTables } from '../definitions';
import type { MigrationContext, TableSpec } from '../definitions';

const tables: TableSpec[] = [
  {
    name: 'service_runs',
    columns: {
      name: { ...column.string(64), primaryKey: true },
      last_run_at: column.instant(),
      details: column.text(true),
    },
  },
];

export const migration: RunnableMigration<MigrationContext> = {
  name: '0003-service-runs',
  async up({ context: { queryInterface } }) {
    await createTables(queryInterface, tables);
  },
  async down({ context: { queryInterface } }) {
    await dropTables(queryInterface, tables);
  },
};
