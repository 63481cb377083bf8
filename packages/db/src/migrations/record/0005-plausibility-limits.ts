/**
 * Migration 0005-plausibility-limits: each tracer's plausibility limits (highest activity per
 * order and per delivery, highest injections per order) and release guards (how long before
 * the delivery a release may come; the under- and over-dispensing tolerances). Existing
 * tracers get the values a new site starts with (core's DEFAULT_TRACER_LIMITS and
 * DEFAULT_RELEASE_GUARDS as they were when this migration was written).
 */
import type { RunnableMigration } from 'umzug';
import { column } from '../definitions';
import type { ColumnSpec, MigrationContext } from '../definitions';

const columns: Record<string, ColumnSpec> = {
  max_activity_per_order: column.double(false, 50_000),
  max_activity_per_delivery: column.double(false, 100_000),
  max_injections_per_order: column.integer(false, 20),
  release_lead_hours: column.double(false, 12),
  under_delivery_tolerance_percent: column.double(false, 10),
  over_delivery_tolerance_percent: column.double(false, 50),
};

export const migration: RunnableMigration<MigrationContext> = {
  name: '0005-plausibility-limits',
  async up({ context: { queryInterface } }) {
    for (const [name, spec] of Object.entries(columns)) {
      await queryInterface.addColumn('tracers', name, spec);
    }
  },
  async down({ context: { queryInterface } }) {
    // On SQLite, Sequelize's removeColumn rebuilds the table, which the other tables'
    // foreign keys to tracers refuse; SQLite drops a plain column in place.
    const sqlite = queryInterface.sequelize.getDialect() === 'sqlite';
    for (const name of Object.keys(columns).reverse()) {
      if (sqlite) {
        await queryInterface.sequelize.query(`ALTER TABLE tracers DROP COLUMN ${name}`);
      } else {
        await queryInterface.removeColumn('tracers', name);
      }
    }
  },
};
