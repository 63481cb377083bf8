/**
 * A backup taken while the api serves: 200 activity orders are created through the api by
 * logged-in shop users, and a backup is taken while they come in. Restored into new
 * databases, it holds every order acknowledged before the backup started (with its audit
 * event), nothing that was never created, an intact audit chain, and an api started on it
 * serves: users log in and read the orders.
 */
import { randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createBackup, openDatabases, restoreBackup } from '@tracershop/db';
import type { BackupResult, Databases, RestoreReport } from '@tracershop/db';
import { createTestSite } from '@tracershop/db/testing';
import type { TestSite } from '@tracershop/db/testing';
import { Op } from 'sequelize';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoIds } from './orderFixtures';
import type { TestApi } from './testApi';
import { TEST_DIALECTS, startTestApi } from './testApi';

const ORDERS = 200;
/** Orders sent at the same time (each client sends its next one once answered). */
const CLIENTS = 8;
/** The backup starts once this many orders have been acknowledged. */
const BACKUP_AFTER = 40;
const DELIVERY_DATE = '2026-12-01';

describe.each(TEST_DIALECTS)('a backup taken while orders come in (%s)', (dialect) => {
  let api: TestApi;
  let workDir: string;
  let target: TestSite;
  let restored: Databases;
  let restoredApi: TestApi | undefined;
  let backup: BackupResult;
  let report: RestoreReport;
  let slotId: number;
  let endpointId: number;
  let tracerId: number;
  /** Orders acknowledged before the backup started. */
  const acknowledgedBefore = new Set<number>();
  /** Every order the api acknowledged. */
  const acknowledged = new Set<number>();
  let acknowledgedDuring = 0;

  beforeAll(async () => {
    workDir = await mkdtemp(path.join(tmpdir(), 'tracershop-api-backup-'));
    api = await startTestApi({ dialect });
    const ids = await demoIds(api);
    slotId = ids.slot('PET1', 'FDG', 1, '08:00:00');
    endpointId = ids.endpoint('PET1');
    tracerId = ids.tracer('FDG');
    const clients = await Promise.all(
      Array.from({ length: CLIENTS }, (_, index) =>
        api.loginAs(index % 2 === 0 ? 'shop-user' : 'shop-admin'),
      ),
    );

    let sent = 0;
    let backupStarted = false;
    let startBackup: () => void = () => undefined;
    const backupMayStart = new Promise<void>((resolve) => {
      startBackup = resolve;
    });
    const sendOrders = async (client: (typeof clients)[number]) => {
      while (sent < ORDERS) {
        sent += 1;
        const order = await client.trpc.orders.activity.create.mutate({
          orderedTimeSlotId: slotId,
          deliveryDate: DELIVERY_DATE,
          orderedActivity: 100 + sent,
          clientKey: randomUUID(),
        });
        acknowledged.add(order.id);
        if (backupStarted) {
          acknowledgedDuring += 1;
        }
        if (acknowledged.size >= BACKUP_AFTER) {
          startBackup();
        }
      }
    };
    const ordering = Promise.all(clients.map(sendOrders));
    const backingUp = backupMayStart.then(() => {
      // Everything acknowledged so far is committed: the backup must hold it.
      for (const id of acknowledged) {
        acknowledgedBefore.add(id);
      }
      backupStarted = true;
      return createBackup({
        targets: api.db.targets,
        tracershopVersion: 'test',
        file: path.join(workDir, 'during-orders.tar.gz'),
      });
    });
    [, backup] = await Promise.all([ordering, backingUp]);

    target = await createTestSite(dialect);
    restored = await openDatabases(target.options);
    report = await restoreBackup({ backup: backup.file, databases: restored });
  });

  afterAll(async () => {
    await restoredApi?.close();
    await restored?.close();
    await target?.destroy();
    await api?.close();
    await rm(workDir, { recursive: true, force: true });
  });

  it('[URS-BAK-001] took the backup while orders were being created', () => {
    expect(acknowledged.size).toBe(ORDERS);
    expect(acknowledgedBefore.size).toBeGreaterThanOrEqual(BACKUP_AFTER);
    expect(acknowledgedBefore.size).toBeLessThan(ORDERS);
    expect(acknowledgedDuring).toBeGreaterThan(0);
  });

  it('holds every order acknowledged before it started, and no order never created', async () => {
    const { ActivityOrder } = restored.models;
    const inBackup = await ActivityOrder.findAll({
      where: { deliveryDate: DELIVERY_DATE, orderedTimeSlotId: slotId },
    });
    const ids = new Set(inBackup.map((order) => order.id));
    for (const id of acknowledgedBefore) {
      expect(ids.has(id), `order ${id}`).toBe(true);
    }
    for (const id of ids) {
      expect(acknowledged.has(id), `order ${id} was acknowledged`).toBe(true);
    }
    const originals = await api.db.models.ActivityOrder.findAll({
      where: { id: { [Op.in]: [...ids] } },
    });
    expect(inBackup.map((order) => order.get({ plain: true }))).toEqual(
      expect.arrayContaining(originals.map((order) => order.get({ plain: true }))),
    );
  });

  it('[URS-BAK-001] is consistent: each order in it has its audit event, and each event its order', async () => {
    const orders = await restored.models.ActivityOrder.findAll({
      where: { deliveryDate: DELIVERY_DATE, orderedTimeSlotId: slotId },
    });
    const events = await restored.models.AuditEvent.findAll({
      where: { action: 'activityOrder.create', entityId: { [Op.in]: [...acknowledged] } },
    });
    expect(new Set(events.map((event) => event.entityId))).toEqual(
      new Set(orders.map((order) => order.id)),
    );
  });

  it('[URS-BAK-006] restores with an intact audit chain ending at the backup head', () => {
    expect(report.audit.ok).toBe(true);
    expect(report.audit.lastHash).toBe(backup.manifest.audit.headHash);
    expect(report.audit.checked).toBe(backup.manifest.audit.events);
    expect(report.migrations.record.pending).toEqual([]);
    expect(report.migrations.web.pending).toEqual([]);
  });

  it('[URS-BAK-005] serves from the restored databases: users log in and read the orders', async () => {
    restoredApi = await startTestApi({ dialect, db: restored });
    const shop = await restoredApi.loginAs('shop-user');
    const day = await shop.trpc.orders.shopDay.query({ endpointId, date: DELIVERY_DATE });
    expect(JSON.stringify(day)).toContain(`"id":${[...acknowledgedBefore][0]}`);
    const production = await restoredApi.loginAs('prod-user');
    const productionDay = await production.trpc.orders.productionDay.query({
      date: DELIVERY_DATE,
      tracerId,
    });
    const shown = new Set(
      productionDay.slots.flatMap((card) => card.orders.map((line) => line.order.id)),
    );
    for (const id of acknowledgedBefore) {
      expect(shown.has(id), `order ${id} shown`).toBe(true);
    }
    const admin = await restoredApi.loginAs('site-admin');
    expect((await admin.trpc.admin.verifyAuditChain.query()).ok).toBe(true);
  });
});
