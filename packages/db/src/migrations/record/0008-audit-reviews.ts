/**
 * Migration 0008-audit-reviews: the periodic reviews of the audit trail (docs/domain.md,
 * "Audit trail reviews"): who reviewed which period of site days, when, with what comment,
 * and whether the chain verified at that moment.
 */
import type { RunnableMigration } from 'umzug';
import { column, createTables, dropTables } from '../definitions';
import type { MigrationContext, TableSpec } from '../definitions';

const tables: TableSpec[] = [
  {
    name: 'audit_reviews',
    columns: {
      id: column.id(),
      from_date: column.date(),
      to_date: column.date(),
      reviewed_at: column.instant(),
      reviewer_id: column.integer(),
      reviewer_name: column.string(150),
      comment: column.string(1000),
      chain_ok: column.boolean(false),
      events_checked: column.integer(),
    },
    indexes: [{ name: 'audit_reviews_period', columns: ['from_date', 'to_date'] }],
  },
];

export const migration: RunnableMigration<MigrationContext> = {
  name: '0008-audit-reviews',
  async up({ context: { queryInterface } }) {
    await createTables(queryInterface, tables);
  },
  async down({ context: { queryInterface } }) {
    await dropTables(queryInterface, tables);
  },
};
