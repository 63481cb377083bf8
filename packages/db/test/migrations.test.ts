import type { Model, ModelStatic } from 'sequelize';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabases } from '../src/connection';
import type { Databases } from '../src/connection';
import { MIGRATIONS_TABLE, migrateDown, migrateUp, migrationStatus } from '../src/migrate';
import { TEST_DIALECTS, createTestSite } from '../src/testing';
import type { TestSite } from '../src/testing';

const RECORD_TABLES = [
  'activity_delivery_time_slots',
  'activity_orders',
  'activity_productions',
  'audit_chain_head',
  'audit_events',
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
  'locations',
  'procedure_identifiers',
  'procedures',
  'release_rights',
  'tracer_catalog_pages',
  'tracers',
  'vials',
];

const WEB_TABLES = [
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

describe.each(TEST_DIALECTS)('migrations on %s', (dialect) => {
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
      record: ['0001-initial', '0002-client-requests'],
      web: ['0001-initial'],
    });
    expect(await tablesOf(databases.record)).toEqual(RECORD_TABLES);
    expect(await tablesOf(databases.web)).toEqual(WEB_TABLES);
    expect(await migrationStatus(databases)).toEqual({
      record: { executed: ['0001-initial', '0002-client-requests'], pending: [] },
      web: { executed: ['0001-initial'], pending: [] },
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

  it('goes down one step, then up again', async () => {
    const reverted = await migrateDown(databases);
    expect(reverted).toEqual({ record: ['0002-client-requests'], web: ['0001-initial'] });
    expect(await tablesOf(databases.record)).toEqual(
      RECORD_TABLES.filter((table) => table !== 'client_requests'),
    );
    expect(await tablesOf(databases.web)).toEqual([]);
    expect(await migrateDown(databases)).toEqual({ record: ['0001-initial'], web: [] });
    expect(await tablesOf(databases.record)).toEqual([]);

    expect(await migrateUp(databases)).toEqual({
      record: ['0001-initial', '0002-client-requests'],
      web: ['0001-initial'],
    });
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
