import type { Model, ModelStatic } from 'sequelize';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabases } from '../src/connection';
import type { Databases } from '../src/connection';
import {
  MIGRATIONS,
  MIGRATIONS_TABLE,
  migrateDown,
  migrateUp,
  migrationStatus,
} from '../src/migrate';

const RECORD_MIGRATIONS = MIGRATIONS.record.map((migration) => migration.name);
const WEB_MIGRATIONS = MIGRATIONS.web.map((migration) => migration.name);
import { TEST_DIALECTS, createTestSite } from '../src/testing';
import type { TestSite } from '../src/testing';

const RECORD_TABLES = [
  'activity_delivery_time_slots',
  'activity_orders',
  'activity_productions',
  'audit_chain_head',
  'audit_events',
  'audit_reviews',
  'bookings',
  'client_requests',
  'closed_dates',
  'customers',
  'deadlines',
  'delivery_endpoints',
  'injection_orders',
  'isotope_deliveries',
  'isotope_orders',
  'isotope_productions',
  'isotope_vials',
  'isotopes',
  'legacy_ids',
  'locations',
  'procedure_identifiers',
  'procedures',
  'release_rights',
  'service_runs',
  'tracer_catalog_pages',
  'tracers',
  'vials',
];

const WEB_TABLES = [
  'api_tokens',
  'backup_runs',
  'customer_notices',
  'login_events',
  'printers',
  'server_settings',
  'service_addresses',
  'sessions',
  'telemetry_records',
  'user_assignments',
  'users',
];

async function tablesOf(sequelize: Databases['record']): Promise<string[]> {
  const tables = (await sequelize.getQueryInterface().showAllTables()) as unknown[];
  return tables
    .map((table) =>
      typeof table === 'string' ? table : (table as { tableName: string }).tableName,
    )
    .filter((name) => name !== MIGRATIONS_TABLE && !name.startsWith('sqlite_'))
    .sort();
}

async function indexNamesOf(sequelize: Databases['record'], table: string): Promise<string[]> {
  const indexes = (await sequelize.getQueryInterface().showIndex(table)) as { name: string }[];
  return indexes.map((index) => index.name);
}

describe.each(TEST_DIALECTS)('[URS-DAT-004] migrations on %s', (dialect) => {
  let site: TestSite;
  let databases: Databases;

  beforeAll(async () => {
    site = await createTestSite(dialect);
    databases = await openDatabases(site.options);
  });

  afterAll(async () => {
    await databases.close();
    await site.destroy();
  });

  it('creates every table of both databases', async () => {
    const applied = await migrateUp(databases);
    expect(applied).toEqual({
      record: RECORD_MIGRATIONS,
      web: WEB_MIGRATIONS,
    });
    expect(await tablesOf(databases.record)).toEqual(RECORD_TABLES);
    expect(await tablesOf(databases.web)).toEqual(WEB_TABLES);
    expect(await migrationStatus(databases)).toEqual({
      record: { executed: RECORD_MIGRATIONS, pending: [] },
      web: { executed: WEB_MIGRATIONS, pending: [] },
    });
  });

  it('is a no-op when nothing is pending', async () => {
    expect(await migrateUp(databases)).toEqual({ record: [], web: [] });
  });

  it('creates a column for every model attribute and every declared index', async () => {
    for (const model of Object.values(databases.models) as ModelStatic<Model>[]) {
      const sequelize = model.sequelize;
      if (sequelize === undefined) {
        throw new Error(`${model.name} has no Sequelize instance`);
      }
      const table = model.getTableName() as string;
      const columns = await sequelize.getQueryInterface().describeTable(table);
      for (const [attribute, definition] of Object.entries(model.getAttributes())) {
        expect(Object.keys(columns), `${model.name}.${attribute}`).toContain(
          definition.field ?? attribute,
        );
        if (definition.primaryKey !== true) {
          expect(
            columns[definition.field ?? attribute]?.allowNull,
            `${model.name}.${attribute} nullability`,
          ).toBe(definition.allowNull !== false);
        }
      }
      const indexNames = await indexNamesOf(sequelize, table);
      for (const index of model.options.indexes ?? []) {
        expect(indexNames, `${table} index`).toContain(index.name);
      }
    }
  });

  it('creates the server settings singleton and the audit chain head', async () => {
    const settings = await databases.models.ServerSettings.findAll();
    expect(settings.map((row) => [row.id, row.dateRangeDays])).toEqual([[1, 64]]);
    const head = await databases.models.AuditChainHead.findAll();
    expect(head.map((row) => row.lastHash)).toEqual(['0'.repeat(64)]);
  });

  it('goes down one step at a time, then up again', async () => {
    for (
      let step = 1;
      step <= Math.max(RECORD_MIGRATIONS.length, WEB_MIGRATIONS.length);
      step += 1
    ) {
      const reverted = await migrateDown(databases);
      const last = (names: string[]) => names.slice(names.length - step, names.length - step + 1);
      expect(reverted).toEqual({
        record: step <= RECORD_MIGRATIONS.length ? last(RECORD_MIGRATIONS) : [],
        web: step <= WEB_MIGRATIONS.length ? last(WEB_MIGRATIONS) : [],
      });
    }
    expect(await tablesOf(databases.record)).toEqual([]);
    expect(await tablesOf(databases.web)).toEqual([]);

    expect(await migrateUp(databases)).toEqual({ record: RECORD_MIGRATIONS, web: WEB_MIGRATIONS });
    expect(await tablesOf(databases.record)).toEqual(RECORD_TABLES);
    expect(await tablesOf(databases.web)).toEqual(WEB_TABLES);
    const isotope = await databases.models.Isotope.create({
      atomicNumber: 9,
      atomicMass: 18,
      atomicLetter: 'F',
      halflifeSeconds: 6586.2,
    });
    expect(isotope.id).toBeGreaterThan(0);
  });
});
