/**
 * Migration 0007-lot-indexes: a recall starts from a lot or batch number (docs/domain.md,
 * "Recall of a lot"), so the columns that hold one are indexed: the vials' lot number, the
 * injection orders' lot number and the isotope vials' batch number.
 */
import type { RunnableMigration } from 'umzug';
import type { MigrationContext } from '../definitions';

export const LOT_INDEXES = [
  { table: 'vials', column: 'lot_number', name: 'vials_lot_number' },
  { table: 'injection_orders', column: 'lot_number', name: 'injection_orders_lot_number' },
  { table: 'isotope_vials', column: 'batch_number', name: 'isotope_vials_batch_number' },
] as const;

export const migration: RunnableMigration<MigrationContext> = {
  name: '0007-lot-indexes',
  async up({ context: { queryInterface } }) {
    for (const { table, column, name } of LOT_INDEXES) {
      await queryInterface.addIndex(table, [column], { name });
    }
  },
  async down({ context: { queryInterface } }) {
    for (const { table, name } of LOT_INDEXES) {
      await queryInterface.removeIndex(table, name);
    }
  },
};
