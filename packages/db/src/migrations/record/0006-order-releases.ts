/**
 * Migration 0006-order-releases: which release a released activity order belongs to. A
 * delivery (slot, date) can be released more than once (an order placed after a release is
 * released on its own), so each Released order names its release by the order that holds
 * the release's vials (the pivot). Orders released earlier keep null: they form one release
 * per delivery, as before.
 */
import type { RunnableMigration } from 'umzug';
import { column } from '../definitions';
import type { MigrationContext } from '../definitions';

const TABLE = 'activity_orders';
const COLUMN = 'released_with_id';
const INDEX = 'activity_orders_released_with_id';
const FOREIGN_KEY = 'activity_orders_released_with_id_fk';

export const migration: RunnableMigration<MigrationContext> = {
  name: '0006-order-releases',
  async up({ context: { queryInterface } }) {
    await queryInterface.addColumn(TABLE, COLUMN, column.integer(true));
    await queryInterface.addIndex(TABLE, [COLUMN], { name: INDEX });
    // SQLite adds a constraint only by rebuilding the table (losing its indexes) and cannot
    // drop a constrained column again; there the api alone keeps the link (it re-points a
    // release whose pivot is deleted).
    if (queryInterface.sequelize.getDialect() !== 'sqlite') {
      await queryInterface.addConstraint(TABLE, {
        type: 'foreign key',
        name: FOREIGN_KEY,
        fields: [COLUMN],
        references: { table: TABLE, field: 'id' },
        onDelete: 'RESTRICT',
        onUpdate: 'RESTRICT',
      });
    }
  },
  async down({ context: { queryInterface } }) {
    const sqlite = queryInterface.sequelize.getDialect() === 'sqlite';
    if (!sqlite) {
      await queryInterface.removeConstraint(TABLE, FOREIGN_KEY);
    }
    await queryInterface.removeIndex(TABLE, INDEX);
    if (sqlite) {
      // Sequelize would rebuild the table and lose its other indexes; SQLite drops in place.
      await queryInterface.sequelize.query(`ALTER TABLE ${TABLE} DROP COLUMN ${COLUMN}`);
    } else {
      await queryInterface.removeColumn(TABLE, COLUMN);
    }
  },
};
