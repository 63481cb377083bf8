/**
 * Migration 0003-service-runs: when each scheduled background job last ran, so a missed run is caught up at start.
 */
import type { RunnableMigration } from 'umzug';
import type { MigrationContext } from '../definitions';

export const migration: RunnableMigration<MigrationContext> = {
  name: '0003-service-runs',
  async up() {},
  async down() {},
};
