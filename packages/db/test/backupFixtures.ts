/**
 * Helpers of the backup tests: a demo site with values that are hard to carry across
 * (instants around DST with milliseconds, doubles that are not short decimals, text with
 * every kind of character, NULLs, big numbers), a deleted last row (its id must never be
 * handed out again), and a reader that lists every row of every model for comparison.
 */
import { mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { OrderStatus } from '@tracershop/core';
import type { Model, ModelStatic } from 'sequelize';
import * as tar from 'tar';
import { appendAudit } from '../src/audit';
import type { Databases } from '../src/connection';
import { seedDemoSite } from '../src/seed';
import { withTransaction } from '../src/transactions';

export const TRICKY_TEXT = 'æøå ÆØÅ — "quoted" \\ back\nslash\ttab 🧪 \u0000nul \u2028 end';
export const TRICKY_DOUBLES = [
  0.1 + 0.2,
  123.456789012345,
  1e-7,
  6.02214076e23,
  2 ** 53 + 2,
  1 / 3,
];
export const TRICKY_INSTANTS = [
  '2024-03-31T00:59:59.999Z',
  '2024-03-31T01:00:00.000Z',
  '2024-10-27T00:30:00.500Z',
  '2024-10-27T01:30:00.250Z',
  '1999-12-31T23:59:59.999Z',
  '2038-01-19T03:14:08.123Z',
];

/** The demo site plus the hard values; returns the id of the deleted last location. */
export async function fillSite(databases: Databases): Promise<{ deletedLocationId: number }> {
  const { models } = databases;
  await seedDemoSite(databases, { today: '2026-11-23', timeZone: 'Europe/Copenhagen' });
  const slot = await models.ActivityDeliveryTimeSlot.findOne({ order: [['id', 'ASC']] });
  const isotope = await models.Isotope.findOne({ order: [['id', 'ASC']] });
  for (const [index, instant] of TRICKY_INSTANTS.entries()) {
    await models.ActivityOrder.create({
      orderedActivity: TRICKY_DOUBLES[index % TRICKY_DOUBLES.length] ?? 1,
      deliveryDate: '2024-02-29',
      status: OrderStatus.Released,
      orderedTimeSlotId: slot?.id ?? 0,
      comment: index === 0 ? TRICKY_TEXT : null,
      freedAt: new Date(instant),
      freedByName: 'Ærø Øster-Åby',
    });
    await models.IsotopeVial.create({
      isotopeId: isotope?.id ?? 0,
      batchNumber: `BATCH-${index}`,
      calibratedAt: new Date(instant),
      activity: TRICKY_DOUBLES[index % TRICKY_DOUBLES.length] ?? 1,
      volume: 0.1 * (index + 1),
    });
  }
  for (const activity of TRICKY_DOUBLES) {
    await models.Vial.create({
      lotNumber: 'FDG-240331-9',
      fillDate: '2024-03-31',
      fillTime: '02:30:00',
      activity,
      volume: activity / 3,
    });
  }
  await models.CustomerNotice.create({ message: TRICKY_TEXT.repeat(50), customerIds: [3, 1] });
  await models.CustomerNotice.create({
    message: 'short',
    customerIds: [],
    expiresOn: '2099-12-31',
  });
  await models.Location.create({ locationCode: 'RGH-KF-PÉTCT1', commonName: null });
  const last = await models.Location.create({ locationCode: 'to-be-deleted' });
  await last.destroy();
  await models.ServiceRun.upsert({
    name: 'retention',
    lastRunAt: new Date('2026-11-23T23:01:00.007Z'),
    details: JSON.stringify({ bookingsDeleted: 3, nested: { list: [1, 2.5, null] } }),
  });
  await models.Session.create({
    id: 'f'.repeat(64),
    userId: 1,
    expiresAt: new Date('2026-11-24T13:00:00.001Z'),
  });
  await models.LoginEvent.create({
    username: 'site-admin',
    success: false,
    reason: 'wrong-password',
    remoteAddress: '::ffff:10.0.0.5',
  });
  await models.TelemetryRecord.create({
    procedure: 'test.backup',
    latencyMs: 0.1 + 0.2,
    ok: false,
  });
  await models.BackupRun.create({
    startedAt: new Date('2026-11-22T01:30:00.000Z'),
    finishedAt: new Date('2026-11-22T01:30:04.321Z'),
    result: 'succeeded',
    file: '/backups/tracershop-backup-20261122T013000Z.tar.gz',
    bytes: 5_000_000_123,
    durationMs: 4321,
    rowCounts: { record: { audit_events: 541 }, web: { users: 6 } },
    auditEvents: 541,
    auditHeadHash: 'a'.repeat(64),
  });
  await withTransaction(databases.record, (transaction) =>
    appendAudit(transaction, {
      action: 'vial.edit',
      entity: 'Vial',
      entityId: 1,
      actorId: 3,
      actorName: 'Demo Production User',
      before: { activity: 0.1 + 0.2, note: TRICKY_TEXT },
      after: { activity: 123.456789012345, note: null },
      reason: `Korrektion: ${TRICKY_TEXT}`,
      at: new Date('2026-11-23T05:00:00.001Z'),
    }),
  );
  return { deletedLocationId: last.id };
}

/** The demo site alone: rows every schema version has (for a source migrated down). */
export async function fillDemoSite(databases: Databases): Promise<void> {
  await seedDemoSite(databases, { today: '2026-11-23', timeZone: 'Europe/Copenhagen' });
}

/** Every row of every model, in primary-key order, as plain values. */
export async function everyRow(databases: Databases): Promise<Record<string, unknown[]>> {
  const rows: Record<string, unknown[]> = {};
  for (const model of Object.values(databases.models) as ModelStatic<Model>[]) {
    const keys = model.primaryKeyAttributes;
    const found = await model.findAll({ order: keys.map((key) => [key, 'ASC']) });
    rows[model.name] = found.map((row) => row.get({ plain: true }));
  }
  return rows;
}

/** Unpacks a backup file into a new folder; returns the folder. */
export async function unpackBackup(file: string): Promise<string> {
  const folder = await mkdtemp(path.join(tmpdir(), 'tracershop-backup-test-'));
  await tar.x({ file, cwd: folder });
  return folder;
}

/** Packs a folder (as unpackBackup made it) into `file`. */
export async function packBackup(folder: string, file: string): Promise<void> {
  const entries = ['manifest.json'];
  for (const database of ['record', 'web']) {
    for (const name of await readdir(path.join(folder, database)).catch(() => [] as string[])) {
      entries.push(`${database}/${name}`);
    }
  }
  await tar.c({ gzip: true, file, cwd: folder, portable: true }, entries);
}

/** A copy of a backup file changed by `change` (which edits the unpacked folder). */
export async function alteredBackup(
  file: string,
  target: string,
  change: (folder: string) => Promise<void>,
): Promise<void> {
  const folder = await unpackBackup(file);
  try {
    await change(folder);
    await packBackup(folder, target);
  } finally {
    await rm(folder, { recursive: true, force: true });
  }
}

/** Changes one byte in the middle of a file. */
export async function flipOneByte(file: string): Promise<void> {
  const bytes = await readFile(file);
  const at = Math.floor(bytes.length / 2);
  bytes[at] = (bytes[at] ?? 0) ^ 0x01;
  await writeFile(file, bytes);
}
