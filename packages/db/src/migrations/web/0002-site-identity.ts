/**
 * Migration 0002-site-identity: the site's name and address for documents (unit name, address).
 */
import type { RunnableMigration } from 'umzug';
import type { MigrationContext } from '../definitions';

export const migration: RunnableMigration<MigrationContext> = {
  name: '0002-site-identity',
  async up() {},
  async down() {},
};
