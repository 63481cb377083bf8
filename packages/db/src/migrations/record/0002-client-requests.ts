/**
 * Idempotent creation (docs/domain.md): the client key of every creating mutation, with the
 * result it produced, so a retry with the same key returns that result instead of
 * creating again. Written in the same transaction as what it created.
 */
import type { RunnableMigration } from 'umzug';
import { column, createTables, dropTables } from '../definitions';
import type { MigrationContext, TableSpec } from '../definitions';

const tables: TableSpec[] = [
  {
    name: 'client_requests',
    columns: {
      client_key: { ...column.string(64), primaryKey: true },
      user_id: column.integer(),
      procedure: column.string(64),
      result: column.longText(),
      created_at: column.instant(),
    },
    indexes: [{ name: 'client_requests_created_at', columns: ['created_at'] }],
  },
];

export const migration: RunnableMigration<MigrationContext> = {
  name: '0002-client-requests',
  async up({ context: { queryInterface } }) {
    await createTables(queryInterface, tables);
  },
  async down({ context: { queryInterface } }) {
    await dropTables(queryInterface, tables);
  },
};
