/**
 * `tracershop legacy-import`: an old Tracershop MySQL database (test/fixtures/legacySchema.sql,
 * filled here) is copied into a fresh record database; importing again updates instead of
 * duplicating, never changes a released record, and a step that fails leaves nothing of itself.
 * Needs MariaDB for the legacy database (TEST_MYSQL_URL); the record database is SQLite and,
 * with TEST_MYSQL_URL, MariaDB too.
 */
import { randomBytes } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { OrderStatus, TracerType, TracerUsage, WeeklyRepeat } from '@tracershop/core';
import { migrateUp, openDatabases, verifyAuditChain } from '@tracershop/db';
import type { Databases } from '@tracershop/db';
import { createTestSite, missingTestPeers } from '@tracershop/db/testing';
import type { TestSite } from '@tracershop/db/testing';
import mysql from 'mysql2/promise';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { importLegacyDatabase, runLegacyImport } from '../src/legacyImport';
import type { LegacyImportSummary, TableSummary } from '../src/legacyImport';
import { LegacySource } from '../src/legacyImport/legacySource';
import { TEST_DIALECTS } from './testApi';

const LEGACY_ROWS = `
INSERT INTO isotopes (id, name, halflife) VALUES
  (1, 'F-18', 6586), (2, 'Tc-99m', 21624), (3, 'Ga-68', 4062), (4, 'bogus', 10);
INSERT INTO tracer_types (id, description) VALUES (1, 'Activity Tracer'), (2, 'Dose Tracer');
INSERT INTO Tracers (id, name, isotope, in_use, n_injections, order_block, tracer_type, longName)
VALUES
  (6, 'FDG', 1, 1, -1, 0, 1, 'Fluorodeoxyglucose'),
  (7, 'NaF', 1, 1, 2, 0, 2, 'Natriumfluorid'),
  (8, 'MAA', 2, 0, 2, 0, 2, NULL),
  (9, 'Orphan', 55, 1, 1, 0, 2, NULL);
INSERT INTO Users (Id, Username, Realname, overhead, kundenr, addr1, addr2) VALUES
  (1, 'jens', 'Jens Hansen', NULL, NULL, NULL, NULL),
  (2, 'RH', 'Rigshospitalet', 25, 1, 'Blegdamsvej 9', '2100 København Ø'),
  (3, 'Herlev', 'Herlev Hospital', NULL, 2, 'Herlev Ringvej 75', '2730 Herlev'),
  (4, 'Glostrup', 'Glostrup Hospital', 10, 3, 'Valdemar Hansens Vej 1', '2600 Glostrup');
INSERT INTO UserRoles (Id_User, Id_Role) VALUES (1, 6), (1, 1), (2, 4), (3, 4), (4, 4);
INSERT INTO TracerCustomer (ID, tracer_id, customer_id) VALUES (1, 7, 2), (2, 8, 3), (3, 6, 2), (4, 7, 77);
INSERT INTO productionTimes (PTID, day, ptime, run, max) VALUES
  (1, 1, '07:00:00', 1, 0), (2, 1, '10:00:00', 2, 0), (3, 2, '07:00:00', 1, 0), (4, 9, '07:00:00', 1, 0);
INSERT INTO deliverTimes (DTID, BID, day, repeat_t, dtime, max, run) VALUES
  (1, 2, 1, 1, '08:00:00', 0, 1),
  (2, 2, 1, 1, '11:00:00', 0, 2),
  (3, 3, 1, 2, '09:00:00', 0, 1),
  (4, 2, 2, 3, '08:30:00', 0, 1),
  (5, 99, 1, 1, '08:00:00', 0, 1);
INSERT INTO blockDeliverDate (BDID, ddate) VALUES (1, '2023-12-24'), (2, '2023-12-25'), (3, '0000-00-00');
INSERT INTO orders (OID, BID, amount, deliver_datetime, status, batchnr, run, COID, total_amount,
  frigivet_amount, frigivet_datetime, amount_o, total_amount_o, frigivet_af, tracer, volume,
  comment, userName) VALUES
  (100, 2, 500, '2023-05-01 08:00:00', 2, '', 1, -1, 500, NULL, '0000-00-00 00:00:00', 125, 125, NULL, 6, NULL, 'Første', 'rh-user'),
  (101, 2, 300, '2023-05-01 11:00:00', 3, 'FDG-230501-1', 2, -1, 300, 13000, '2023-05-01 10:45:00', 75, 75, 1, 6, 7.50, NULL, 'rh-user'),
  (102, 2, 200, '2023-05-01 11:00:00', 2, '', 2, 100, 200, NULL, '0000-00-00 00:00:00', 50, 50, NULL, 6, NULL, NULL, NULL),
  (103, 3, 150, '2023-05-01 09:00:00', 7, '', 1, -1, 150, NULL, NULL, 0, 0, NULL, 6, NULL, NULL, NULL),
  (104, 2, 100, '2023-05-07 08:00:00', 1, '', 1, -1, 100, NULL, NULL, 0, 0, NULL, 6, NULL, NULL, NULL),
  (105, 2, 100, NULL, 1, '', 1, -1, 100, NULL, NULL, 0, 0, NULL, 6, NULL, NULL, NULL),
  (106, 2, 400, '2023-05-02 08:30:00', 1, '', 5, -1, 400, NULL, NULL, 0, 0, NULL, 6, NULL, NULL, NULL);
INSERT INTO t_orders (OID, BID, deliver_datetime, status, batchnr, run, COID, frigivet_datetime,
  frigivet_af, tracer, n_injections, anvendelse, comment, userName) VALUES
  (200, 3, '2023-05-02 10:30:00', 3, 'NAF-230502-1', 1, -1, '2023-05-02 09:15:00', 1, 7, 4, 'Human', NULL, 'herlev-user'),
  (201, 4, '2023-05-03 12:00:00', 1, '', 1, -1, NULL, NULL, 8, 2, 'Dyr', 'Mus', NULL),
  (202, 4, '2023-05-03 12:00:00', 1, '', 1, -1, NULL, NULL, 55, 2, 'Human', NULL, NULL);
INSERT INTO VAL (ID, customer, charge, depotpos, filldate, filltime, volume, gros, tare, net,
  product, activity, order_id) VALUES
  (1, '1', 'FDG-230501-1', 0, '2023-05-01', '10:30:00', 7.50, 0, 0, 0, '18F', 13000.50, 101),
  (2, '1', 'FDG-230501-1', 0, '2023-05-01', '10:32:00', 6.25, 0, 0, 0, '18F', 9000.00, NULL),
  (3, '99', 'FDG-230501-2', 0, '2023-05-01', '12:00:00', 1.00, 0, 0, 0, '18F', 500.00, NULL),
  (4, '2', NULL, 0, '2023-05-01', '12:00:00', 1.00, 0, 0, 0, '18F', 500.00, NULL);
INSERT INTO VialMapping (Order_id, VAL_id) VALUES (101, 2);
`;

function serverConfig(): mysql.ConnectionOptions {
  const url = new URL(process.env.TEST_MYSQL_URL ?? '');
  return {
    host: url.hostname,
    port: url.port === '' ? 3306 : Number(url.port),
    user: decodeURIComponent(url.username || 'root'),
    password: decodeURIComponent(url.password),
  };
}

function legacyUrl(database: string): string {
  const url = new URL(process.env.TEST_MYSQL_URL ?? '');
  url.pathname = `/${database}`;
  return url.toString();
}

function tableOf(summary: LegacyImportSummary, label: string): TableSummary {
  const table = summary.tables.find((entry) => entry.table === label);
  if (table === undefined) {
    throw new Error(`no step ${label}`);
  }
  return table;
}

function counts(table: TableSummary): [number, number, number, number] {
  const skipped = Object.values(table.skipped).reduce((total, entry) => total + entry.count, 0);
  return [table.created, table.updated, table.unchanged, skipped];
}

/** A fresh legacy database with the fixture schema and rows; returns its name. */
async function createLegacyDatabase(legacy: mysql.Connection): Promise<string> {
  const name = `legacy_${randomBytes(5).toString('hex')}`;
  await legacy.query(`CREATE DATABASE \`${name}\` CHARACTER SET latin1`);
  await legacy.query(`USE \`${name}\``);
  // The old server ran without strict mode: zero dates were common.
  await legacy.query("SET SESSION sql_mode = ''");
  const schema = await readFile(new URL('./fixtures/legacySchema.sql', import.meta.url), 'utf8');
  await legacy.query(schema);
  await legacy.query(LEGACY_ROWS);
  return name;
}

describe.skipIf(missingTestPeers(['mariadb']) !== undefined)('[URS-INT-010] legacy import', () => {
  let legacy: mysql.Connection;

  beforeAll(async () => {
    legacy = await mysql.createConnection({ ...serverConfig(), multipleStatements: true });
  });

  afterAll(async () => {
    await legacy?.end();
  });

  describe.each(TEST_DIALECTS)('into a %s record database', (dialect) => {
    let site: TestSite;
    let db: Databases;
    let source: LegacySource;
    let legacyDatabase: string;
    const models = () => db.models;
    const at = new Date('2026-11-21T12:00:00Z');
    const runImport = () =>
      importLegacyDatabase(db, source, { timeZone: 'Europe/Copenhagen', now: () => at });

    async function entityCounts() {
      const m = models();
      return {
        isotopes: await m.Isotope.count(),
        tracers: await m.Tracer.count(),
        customers: await m.Customer.count(),
        endpoints: await m.DeliveryEndpoint.count(),
        catalogPages: await m.TracerCatalogPage.count(),
        productions: await m.ActivityProduction.count(),
        slots: await m.ActivityDeliveryTimeSlot.count(),
        closedDates: await m.ClosedDate.count(),
        activityOrders: await m.ActivityOrder.count(),
        injectionOrders: await m.InjectionOrder.count(),
        vials: await m.Vial.count(),
        legacyIds: await m.LegacyId.count(),
      };
    }

    async function newIdOf(legacyTable: string, legacyId: string): Promise<number> {
      const row = await models().LegacyId.findOne({ where: { legacyTable, legacyId } });
      if (row === null) {
        throw new Error(`${legacyTable} ${legacyId} was not imported`);
      }
      return row.entityId;
    }

    beforeAll(async () => {
      site = await createTestSite(dialect);
      db = await openDatabases(site.options);
      await migrateUp(db);
      legacyDatabase = await createLegacyDatabase(legacy);
      source = await LegacySource.open(legacyUrl(legacyDatabase));
    });

    afterAll(async () => {
      await source?.close();
      if (legacyDatabase !== undefined) {
        await legacy.query(`DROP DATABASE IF EXISTS \`${legacyDatabase}\``);
      }
      await db?.close();
      await site?.destroy();
    });

    it('rolls back a step that fails and runs none after it', async () => {
      let step = '';
      let ticks = 0;
      const summary = await importLegacyDatabase(db, source, {
        timeZone: 'Europe/Copenhagen',
        progress: {
          start: (label) => {
            step = label;
            ticks = 0;
          },
          stop: () => undefined,
          tick: () => {
            ticks += 1;
            // At the third order, two orders are written in the step's transaction.
            if (step === 'orders' && ticks === 3) {
              throw new Error('connection lost');
            }
          },
        },
      });
      expect(summary.ok).toBe(false);
      expect(tableOf(summary, 'orders').failed).toBe('connection lost');
      expect(tableOf(summary, 't_orders').failed).toContain('not run');
      expect(tableOf(summary, 'VAL').failed).toContain('not run');
      expect(await models().ActivityOrder.count()).toBe(0);
      expect(await models().LegacyId.count({ where: { legacyTable: 'orders' } })).toBe(0);
      expect(await models().Customer.count()).toBe(3);
    });

    it('imports the legacy database', async () => {
      const summary = await runImport();
      expect(summary.ok).toBe(true);
      // Done by the failed run already: unchanged now.
      expect(counts(tableOf(summary, 'isotopes'))).toEqual([0, 0, 3, 1]);
      expect(counts(tableOf(summary, 'TracerCustomer'))).toEqual([0, 0, 3, 1]);
      expect(counts(tableOf(summary, 'orders'))).toEqual([5, 0, 0, 2]);
      expect(tableOf(summary, 'orders').skipped).toMatchObject({
        'no deliver_datetime': { count: 1, examples: ['105'] },
        'the customer has no delivery time on that weekday': { count: 1, examples: ['104'] },
      });
      expect(counts(tableOf(summary, 't_orders'))).toEqual([2, 0, 0, 1]);
      expect(counts(tableOf(summary, 'VAL'))).toEqual([3, 0, 0, 1]);
      expect(await entityCounts()).toEqual({
        isotopes: 3,
        tracers: 3,
        customers: 3,
        endpoints: 3,
        catalogPages: 5,
        productions: 3,
        slots: 4,
        closedDates: 2,
        activityOrders: 5,
        injectionOrders: 2,
        vials: 3,
        legacyIds: 37,
      });
    });

    it('maps the catalogue and the schedule', async () => {
      const m = models();
      const technetium = await m.Isotope.findByPk(await newIdOf('isotopes', '2'));
      expect(technetium?.get({ plain: true })).toMatchObject({
        atomicLetter: 'Tc',
        atomicMass: 99,
        atomicNumber: 43,
        metastable: true,
        halflifeSeconds: 21624,
      });
      const fdg = await m.Tracer.findByPk(await newIdOf('Tracers', '6'));
      expect(fdg?.get({ plain: true })).toMatchObject({
        shortname: 'FDG',
        clinicalName: 'Fluorodeoxyglucose',
        tracerType: TracerType.Activity,
        vialTag: '',
        archived: false,
      });
      const maa = await m.Tracer.findByPk(await newIdOf('Tracers', '8'));
      expect(maa).toMatchObject({ tracerType: TracerType.Injection, archived: true });
      const rh = await m.Customer.findByPk(await newIdOf('Users', '2'));
      expect(rh?.get({ plain: true })).toMatchObject({
        shortName: 'RH',
        longName: 'Rigshospitalet',
        dispenserId: 1,
        billingAddress: 'Blegdamsvej 9',
        billingCity: '2100 København Ø',
      });
      const rhEndpoint = await newIdOf('Users/endpoint', '2');
      expect(await m.DeliveryEndpoint.findByPk(rhEndpoint)).toMatchObject({
        customerId: rh?.id,
        name: 'RH',
        address: 'Blegdamsvej 9',
      });
      const overheads = await m.TracerCatalogPage.findAll({ where: { tracerId: fdg?.id ?? 0 } });
      expect(overheads.map((page) => page.overheadMultiplier).sort()).toEqual([1, 1.1, 1.25]);
      expect(await newIdOf('TracerCustomer', '3')).toBe(await newIdOf('Users/overhead', '2'));

      const slot = async (dtid: string) =>
        m.ActivityDeliveryTimeSlot.findByPk(await newIdOf('deliverTimes', dtid));
      const production = async (ptid: string) => newIdOf('productionTimes', ptid);
      expect(await m.ActivityProduction.findByPk(await production('2'))).toMatchObject({
        tracerId: fdg?.id,
        weekday: 0,
        productionTime: '10:00:00',
      });
      expect(await slot('1')).toMatchObject({
        endpointId: rhEndpoint,
        deliveryTime: '08:00:00',
        productionId: await production('1'),
        weeklyRepeat: WeeklyRepeat.EveryWeek,
      });
      expect(await slot('2')).toMatchObject({ productionId: await production('2') });
      expect(await slot('3')).toMatchObject({ weeklyRepeat: WeeklyRepeat.EvenWeeks });
      expect(await slot('4')).toMatchObject({
        productionId: await production('3'),
        weeklyRepeat: WeeklyRepeat.OddWeeks,
      });
      const closed = await m.ClosedDate.findAll({ order: [['closeDate', 'ASC']] });
      expect(closed.map((row) => row.closeDate)).toEqual(['2023-12-24', '2023-12-25']);
    });

    it('[URS-AUD-009] maps orders: moved, released with its vials, rejected, and injection orders', async () => {
      const m = models();
      const slotOf = (dtid: string) => newIdOf('deliverTimes', dtid);
      const order = async (oid: string) =>
        (await m.ActivityOrder.findByPk(await newIdOf('orders', oid)))?.get({ plain: true });
      expect(await order('100')).toMatchObject({
        orderedActivity: 500,
        deliveryDate: '2023-05-01',
        status: OrderStatus.Accepted,
        orderedTimeSlotId: await slotOf('1'),
        movedToTimeSlotId: null,
        comment: 'Første',
        orderedByName: 'rh-user',
        freedAt: null,
      });
      const released = await order('101');
      expect(released).toMatchObject({
        status: OrderStatus.Released,
        orderedTimeSlotId: await slotOf('2'),
        freedByName: 'jens',
        freedById: null,
      });
      expect(released?.freedAt?.toISOString()).toBe('2023-05-01T08:45:00.000Z');
      expect(await order('102')).toMatchObject({
        orderedTimeSlotId: await slotOf('2'),
        movedToTimeSlotId: await slotOf('1'),
      });
      expect(await order('103')).toMatchObject({
        status: OrderStatus.Rejected,
        orderedTimeSlotId: await slotOf('3'),
      });
      expect(await order('106')).toMatchObject({
        status: OrderStatus.Ordered,
        orderedTimeSlotId: await slotOf('4'),
      });

      const vials = await m.Vial.findAll({ order: [['fillTime', 'ASC']] });
      const rh = await newIdOf('Users', '2');
      expect(vials.map((vial) => vial.get({ plain: true }))).toMatchObject([
        {
          lotNumber: 'FDG-230501-1',
          fillDate: '2023-05-01',
          fillTime: '10:30:00',
          activity: 13000.5,
          volume: 7.5,
          customerId: rh,
          assignedToId: released?.id,
          tracerId: null,
        },
        { fillTime: '10:32:00', activity: 9000, customerId: rh, assignedToId: released?.id },
        { lotNumber: 'FDG-230501-2', customerId: null, assignedToId: null },
      ]);

      const injection = await m.InjectionOrder.findByPk(await newIdOf('t_orders', '200'));
      expect(injection?.get({ plain: true })).toMatchObject({
        endpointId: await newIdOf('Users/endpoint', '3'),
        tracerId: await newIdOf('Tracers', '7'),
        deliveryDate: '2023-05-02',
        deliveryTime: '10:30:00',
        injections: 4,
        tracerUsage: TracerUsage.Human,
        status: OrderStatus.Released,
        lotNumber: 'NAF-230502-1',
        freedByName: 'jens',
        orderedByName: 'herlev-user',
      });
      expect(injection?.freedAt?.toISOString()).toBe('2023-05-02T07:15:00.000Z');
      const animal = await m.InjectionOrder.findByPk(await newIdOf('t_orders', '201'));
      expect(animal).toMatchObject({ tracerUsage: TracerUsage.Animal, comment: 'Mus' });

      const audit = await m.AuditEvent.findOne({
        where: { action: 'legacy.import', entity: 'ActivityOrder', entityId: released?.id ?? 0 },
      });
      expect(audit?.actorName).toBe('legacy-import');
      expect(JSON.parse(audit?.after ?? 'null')).toMatchObject({
        legacySource: {
          table: 'orders',
          id: '101',
          frigivet_amount: 13000,
          batchnr: 'FDG-230501-1',
        },
      });
    });

    it('imports again: updates, adds, keeps hand-filled fields and released records', async () => {
      const m = models();
      const fdgId = await newIdOf('Tracers', '6');
      await m.Tracer.update({ vialTag: 'FDG', clinicalName: '[18F]FDG' }, { where: { id: fdgId } });
      await legacy.query(`
        USE \`${legacyDatabase}\`;
        UPDATE orders SET amount = 600 WHERE OID = 100;
        UPDATE orders SET amount = 999 WHERE OID = 101;
        INSERT INTO orders (OID, BID, amount, deliver_datetime, status, run, COID, tracer)
          VALUES (107, 3, 50, '2023-05-01 09:00:00', 1, 1, -1, 6);
      `);
      const before = await entityCounts();
      const summary = await runImport();
      expect(summary.ok).toBe(true);
      expect(counts(tableOf(summary, 'orders'))).toEqual([1, 1, 3, 3]);
      expect(tableOf(summary, 'orders').skipped).toMatchObject({
        'released in the record database, which is not changed': { count: 1, examples: ['101'] },
      });
      for (const label of ['isotopes', 'Tracers', 'Users (customers)', 'deliverTimes', 'VAL']) {
        expect(tableOf(summary, label)).toMatchObject({ created: 0, updated: 0 });
      }
      expect(await entityCounts()).toEqual({
        ...before,
        activityOrders: before.activityOrders + 1,
        legacyIds: before.legacyIds + 1,
      });
      expect(await m.ActivityOrder.findByPk(await newIdOf('orders', '100'))).toMatchObject({
        orderedActivity: 600,
      });
      expect(await m.ActivityOrder.findByPk(await newIdOf('orders', '101'))).toMatchObject({
        orderedActivity: 300,
      });
      expect(await m.Tracer.findByPk(fdgId)).toMatchObject({
        vialTag: 'FDG',
        clinicalName: '[18F]FDG',
      });
      const updated = await m.AuditEvent.findOne({
        where: { action: 'legacy.import', entityId: await newIdOf('orders', '100') },
        order: [['id', 'DESC']],
      });
      expect(JSON.parse(updated?.before ?? 'null')).toMatchObject({ orderedActivity: 500 });
    });

    it('runs as a command, and a third import changes nothing', async () => {
      const saved = { ...process.env };
      const before = await entityCounts();
      const printed = vi.spyOn(console, 'log').mockImplementation(() => undefined);
      const complained = vi.spyOn(console, 'error').mockImplementation(() => undefined);
      try {
        delete process.env.RECORD_DATABASE_URL;
        delete process.env.WEB_DATABASE_URL;
        delete process.env.TRACERSHOP_DATA_DIR;
        Object.assign(
          process.env,
          site.options.dataDir === undefined ? {} : { TRACERSHOP_DATA_DIR: site.options.dataDir },
          site.options.recordUrl === undefined
            ? {}
            : {
                RECORD_DATABASE_URL: site.options.recordUrl,
                WEB_DATABASE_URL: site.options.webUrl,
              },
        );
        expect(await runLegacyImport([])).toBe(2);
        expect(await runLegacyImport(['--from'])).toBe(2);
        expect(await runLegacyImport(['--from', 'mysql://x', '--fdg'])).toBe(2);
        expect(await runLegacyImport(['--from', legacyUrl(legacyDatabase)])).toBe(0);
        expect(complained.mock.calls[0]?.[0]).toContain('Usage: tracershop legacy-import');
        expect(printed.mock.calls.at(-1)?.[0]).toContain('orders: 8 rows → 0 / 0 / 5 / 3');
      } finally {
        process.env = saved;
        printed.mockRestore();
        complained.mockRestore();
      }
      expect(await entityCounts()).toEqual(before);
      const audit = await verifyAuditChain(db.record);
      expect(audit.ok).toBe(true);
    });
  });
});
