/**
 * Migration 0004-legacy-ids: which rows came from which legacy (old Tracershop) ids, so a
 * re-import updates instead of duplicating. One row per imported legacy row: the legacy table
 * and id (text: some legacy keys are composite) and the new entity and its id.
 */
import type { RunnableMigration } from 'umzug';
import { column, createTables, dropTables } from '../definitions';
import type { MigrationContext, TableSpec } from '../definitions';

const tables: TableSpec[] = [
  {
    name: 'legacy_ids',
    columns: {
      id: column.id(),
      legacy_table: column.string(64),
      legacy_id: column.string(64),
      entity: column.string(64),
      entity_id: column.integer(),
    },
    indexes: [
      {
        name: 'legacy_ids_legacy_table_legacy_id',
        columns: ['legacy_table', 'legacy_id'],
        unique: true,
      },
      { name: 'legacy_ids_entity_entity_id', columns: ['entity', 'entity_id'] },
    ],
  },
];

export const migration: RunnableMigration<MigrationContext> = {
  name: '0004-legacy-ids',
  async up({ context: { queryInterface } }) {
    await createTables(queryInterface, tables);
  },
  async down({ context: { queryInterface } }) {
    await dropTables(queryInterface, tables);
  },
};
