/**
 * Migration 0005-password-change: a password someone else set (the site admin's new account or
 * reset) must be replaced by its owner at the next login (docs/operations.md, "Accounts").
 */
import type { RunnableMigration } from 'umzug';
import { column } from '../definitions';
import type { MigrationContext } from '../definitions';

const TABLE = 'users';

export const migration: RunnableMigration<MigrationContext> = {
  name: '0005-password-change',
  async up({ context: { queryInterface } }) {
    await queryInterface.addColumn(TABLE, 'must_change_password', column.boolean(false));
  },
  async down({ context: { queryInterface } }) {
    await queryInterface.removeColumn(TABLE, 'must_change_password');
  },
};
