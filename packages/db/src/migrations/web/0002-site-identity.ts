/**
 * Migration 0002-site-identity: the site's name and address for documents (unit name, address).
 */
import type { RunnableMigration } from 'umzug';
import { column } from '../definitions';
import type { MigrationContext } from '../definitions';

const TABLE = 'server_settings';

export const migration: RunnableMigration<MigrationContext> = {
  name: '0002-site-identity',
  async up({ context: { queryInterface } }) {
    await queryInterface.addColumn(TABLE, 'unit_name', column.string(128, true));
    await queryInterface.addColumn(TABLE, 'unit_address', column.string(256, true));
  },
  async down({ context: { queryInterface } }) {
    await queryInterface.removeColumn(TABLE, 'unit_address');
    await queryInterface.removeColumn(TABLE, 'unit_name');
  },
};
