/**
 * A backup restores every table and value exactly, on each dialect and across them (a
 * SQLite site moved to MariaDB and back): the manifest counts every row and names the audit
 * head, ids are kept, the counters go on after the highest id ever handed out, the audit
 * chain verifies.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { QueryTypes } from 'sequelize';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { everyRow, fillSite, fillDemoSite } from '../../test/backupFixtures';
import { verifyAuditChain } from '../audit';
import { openDatabases } from '../connection';
import type { AuditEvent } from '../models/record/audit';
import type { Databases } from '../connection';
import { MIGRATIONS, migrateDown, migrationStatus } from '../migrate';
import { TEST_DIALECTS, createMigratedTestSite, createTestSite } from '../testing';
import type { MigratedTestSite, TestDialect, TestSite } from '../testing';
import type { BackupResult } from './createBackup';
import { BACKUP_FILE_PATTERN, backupFileName, createBackup } from './createBackup';
import type { RestoreReport } from './restore';
import { restoreBackup } from './restore';

const PAIRS: Array<[TestDialect, TestDialect]> = TEST_DIALECTS.includes('mysql')
  ? [
      ['sqlite', 'sqlite'],
      ['mysql', 'mysql'],
      ['sqlite', 'mysql'],
      ['mysql', 'sqlite'],
    ]
  : [['sqlite', 'sqlite']];

async function tableCounts(databases: Databases, name: 'record' | 'web') {
  const counts: Record<string, number> = {};
  const sequelize = databases[name];
  const tables = (await sequelize.getQueryInterface().showAllTables()) as unknown[];
  for (const table of tables) {
    const tableName =
      typeof table === 'string' ? table : (table as { tableName: string }).tableName;
    if (tableName === 'schema_migrations' || tableName.startsWith('sqlite_')) {
      continue;
    }
    const [row] = await sequelize.query<{ n: number | string }>(
      `SELECT COUNT(*) AS n FROM ${sequelize.getQueryInterface().quoteIdentifier(tableName)}`,
      { type: QueryTypes.SELECT },
    );
    counts[tableName] = Number(row?.n);
  }
  return counts;
}

describe('backupFileName', () => {
  it('names a backup by its UTC moment', () => {
    const name = backupFileName(new Date('2026-11-23T01:30:05.123Z'));
    expect(name).toBe('tracershop-backup-20261123T013005Z.tar.gz');
    expect(BACKUP_FILE_PATTERN.test(name)).toBe(true);
  });
});

describe.each(PAIRS)('a backup of %s restored into %s', (from, to) => {
  let source: MigratedTestSite;
  let target: TestSite;
  let restored: Databases;
  let workDir: string;
  let backup: BackupResult;
  let report: RestoreReport;
  let deletedLocationId: number;

  beforeAll(async () => {
    workDir = await mkdtemp(path.join(tmpdir(), 'tracershop-backup-roundtrip-'));
    source = await createMigratedTestSite(from);
    ({ deletedLocationId } = await fillSite(source.databases));
    backup = await createBackup({
      targets: source.databases.targets,
      tracershopVersion: '1.2.3-test',
      file: path.join(workDir, 'site.tar.gz'),
    });
    target = await createTestSite(to);
    restored = await openDatabases(target.options);
    report = await restoreBackup({ backup: backup.file, databases: restored });
  });

  afterAll(async () => {
    await restored?.close();
    await target?.destroy();
    await source?.destroy();
    await rm(workDir, { recursive: true, force: true });
  });

  it('[URS-BAK-001] writes a manifest that counts every row and names the audit head', async () => {
    const { manifest } = backup;
    expect(manifest).toMatchObject({
      format: 'tracershop-backup',
      formatVersion: 1,
      tracershopVersion: '1.2.3-test',
    });
    for (const database of ['record', 'web'] as const) {
      expect(manifest.databases[database].dialect).toBe(from);
      expect(manifest.databases[database].migrations).toEqual(
        MIGRATIONS[database].map((migration) => migration.name),
      );
      expect(backup.rows[database]).toEqual(await tableCounts(source.databases, database));
    }
    const events = await source.databases.models.AuditEvent.findAll({ order: [['id', 'ASC']] });
    expect(manifest.audit.events).toBe(events.length);
    expect(manifest.audit.headHash).toBe(events[events.length - 1]?.hash);
    expect(manifest.audit.lastEventId).toBe(events[events.length - 1]?.id);
    const chain = await verifyAuditChain(source.databases.record);
    expect(manifest.audit.headHash).toBe(chain.lastHash);
    expect(backup.bytes).toBeGreaterThan(0);
  });

  it('[URS-BAK-005] restores every row of every table with every value exactly', async () => {
    const original = await everyRow(source.databases);
    const copy = await everyRow(restored);
    expect(Object.keys(copy)).toEqual(Object.keys(original));
    for (const [model, rows] of Object.entries(original)) {
      expect(copy[model], model).toEqual(rows);
    }
    for (const database of ['record', 'web'] as const) {
      expect(await tableCounts(restored, database)).toEqual(backup.rows[database]);
      expect(report.rows[database]).toEqual(backup.rows[database]);
    }
  });

  it('[URS-BAK-005] keeps the values that are hard to carry across', async () => {
    const vials = await restored.models.Vial.findAll({ where: { lotNumber: 'FDG-240331-9' } });
    expect(vials.map((vial) => vial.activity)).toContain(0.1 + 0.2);
    expect(vials.map((vial) => vial.activity)).toContain(123.456789012345);
    const instants = await restored.models.IsotopeVial.findAll({ order: [['id', 'ASC']] });
    expect(instants.map((vial) => vial.calibratedAt.toISOString())).toEqual(
      expect.arrayContaining(['2024-03-31T00:59:59.999Z', '2038-01-19T03:14:08.123Z']),
    );
    const run = await restored.models.BackupRun.findOne();
    expect(run?.bytes).toBe(5_000_000_123);
    const session = await restored.models.Session.findByPk('f'.repeat(64));
    expect(session?.expiresAt.toISOString()).toBe('2026-11-24T13:00:00.001Z');
    const found = await restored.models.ActivityOrder.count({
      where: { freedAt: new Date('2024-10-27T00:30:00.500Z') },
    });
    expect(found).toBe(1);
  });

  it('[URS-BAK-005] keeps ids and goes on after the highest id ever handed out', async () => {
    const sourceNext = await source.databases.models.Location.create({ locationCode: 'next-a' });
    const restoredNext = await restored.models.Location.create({ locationCode: 'next-b' });
    expect(sourceNext.id).toBe(deletedLocationId + 1);
    expect(restoredNext.id).toBe(deletedLocationId + 1);
    const lastEvent = await restored.models.AuditEvent.max<number, AuditEvent>('id');
    expect(lastEvent).toBe(backup.manifest.audit.lastEventId);
  });

  it('[URS-BAK-006] verifies the audit chain and reports the migrations', async () => {
    expect(report.audit).toMatchObject({
      ok: true,
      checked: backup.manifest.audit.events,
      lastHash: backup.manifest.audit.headHash,
    });
    expect((await verifyAuditChain(restored.record)).ok).toBe(true);
    expect(report.upgradedWith).toEqual({ record: [], web: [] });
    expect(report.migrations).toEqual(await migrationStatus(restored));
    expect(report.migrations.record.pending).toEqual([]);
    expect(report.migrations.web.pending).toEqual([]);
  });

  it('[URS-BAK-006] keeps the audit trail append-only after the restore', async () => {
    for (const statement of [
      "UPDATE audit_events SET actor_name = 'someone else' WHERE id = 1",
      'DELETE FROM audit_events WHERE id = 1',
    ]) {
      const error: unknown = await restored.record.query(statement).then(
        () => null,
        (reason: unknown) => reason,
      );
      // SQLite's message is the driver's (Sequelize wraps it as a validation error).
      expect((error as { parent?: Error } | null)?.parent?.message ?? String(error)).toMatch(
        /append-only/,
      );
    }
  });
});

describe.each(TEST_DIALECTS)('an upgrade restore on %s', (dialect) => {
  it('[URS-BAK-005] loads a backup of an older schema and applies the newer migrations after', async () => {
    const workDir = await mkdtemp(path.join(tmpdir(), 'tracershop-backup-upgrade-'));
    const source = await createMigratedTestSite(dialect);
    const target = await createTestSite(dialect);
    const restored = await openDatabases(target.options);
    try {
      await fillDemoSite(source.databases);
      // The source as an older Tracershop left it: without the last migration of each database.
      const reverted = await migrateDown(source.databases, { steps: 1 });
      const newest = MIGRATIONS.web[MIGRATIONS.web.length - 1]?.name ?? '';
      const newestRecord = MIGRATIONS.record[MIGRATIONS.record.length - 1]?.name ?? '';
      expect(reverted).toEqual({ record: [newestRecord], web: [newest] });
      const backup = await createBackup({
        targets: source.databases.targets,
        tracershopVersion: 'older',
        file: path.join(workDir, 'older.tar.gz'),
      });
      expect(backup.manifest.databases.web.migrations).not.toContain(newest);
      const report = await restoreBackup({ backup: backup.file, databases: restored });
      expect(report.upgradedWith).toEqual({ record: [newestRecord], web: [newest] });
      expect(report.migrations.web.pending).toEqual([]);
      expect(report.audit.ok).toBe(true);
      expect(await restored.models.User.count()).toBe(backup.rows.web.users);
    } finally {
      await restored.close();
      await target.destroy();
      await source.destroy();
      await rm(workDir, { recursive: true, force: true });
    }
  });
});
