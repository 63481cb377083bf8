/**
 * Migration 0004-legacy-ids: which rows came from which legacy (old Tracershop) ids, so a re-import updates instead of duplicating.
 */
import type { RunnableMigration } from 'umzug';
import type { MigrationContext } from '../definitions';

export const migration: RunnableMigration<MigrationContext> = {
  name: '0004-legacy-ids',
  async up() {},
  async down() {},
};
