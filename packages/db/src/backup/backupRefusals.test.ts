/**
 * A restore refuses, in words and before it writes anything, a file that is damaged or was
 * altered (a byte of a part changed, a part removed or added, not an archive), a format or
 * migrations it does not know, and a target that holds data or is migrated past the backup.
 */
import { appendFile, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { alteredBackup, fillSite, flipOneByte } from '../../test/backupFixtures';
import { openDatabases } from '../connection';
import type { Databases } from '../connection';
import { migrateUp } from '../migrate';
import { TEST_DIALECTS, createMigratedTestSite, createTestSite } from '../testing';
import type { MigratedTestSite, TestSite } from '../testing';
import { BackupRefusedError } from './backupErrors';
import { createBackup } from './createBackup';
import { restoreBackup } from './restore';

async function tablesOf(databases: Databases): Promise<string[]> {
  const names: string[] = [];
  for (const sequelize of [databases.record, databases.web]) {
    const tables = (await sequelize.getQueryInterface().showAllTables()) as unknown[];
    names.push(
      ...tables.map((table) =>
        typeof table === 'string' ? table : (table as { tableName: string }).tableName,
      ),
    );
  }
  return names.filter((name) => !name.startsWith('sqlite_'));
}

async function editManifest(folder: string, edit: (manifest: Record<string, unknown>) => void) {
  const file = path.join(folder, 'manifest.json');
  const manifest = JSON.parse(await readFile(file, 'utf8')) as Record<string, unknown>;
  edit(manifest);
  await writeFile(file, JSON.stringify(manifest));
}

describe.each(TEST_DIALECTS)('a restore into %s refuses', (dialect) => {
  let source: MigratedTestSite;
  let workDir: string;
  let good: string;

  beforeAll(async () => {
    workDir = await mkdtemp(path.join(tmpdir(), 'tracershop-backup-refusals-'));
    source = await createMigratedTestSite('sqlite');
    await fillSite(source.databases);
    good = path.join(workDir, 'good.tar.gz');
    await createBackup({ targets: source.databases.targets, tracershopVersion: 't', file: good });
  });

  afterAll(async () => {
    await source?.destroy();
    await rm(workDir, { recursive: true, force: true });
  });

  /** Restores `file` into new empty databases; returns the refusal and what the target holds. */
  async function refusalOf(file: string) {
    const target: TestSite = await createTestSite(dialect);
    const databases = await openDatabases(target.options);
    try {
      const error: unknown = await restoreBackup({ backup: file, databases }).then(
        () => null,
        (reason: unknown) => reason,
      );
      return { error, tables: await tablesOf(databases) };
    } finally {
      await databases.close();
      await target.destroy();
    }
  }

  async function altered(name: string, change: (folder: string) => Promise<void>) {
    const file = path.join(workDir, `${dialect}-${name}.tar.gz`);
    await alteredBackup(good, file, change);
    return file;
  }

  it.each([
    [
      'a part with one byte changed',
      (folder: string) => flipOneByte(path.join(folder, 'record/audit_events.ndjson')),
      /the part record\/audit_events\.ndjson does not match its SHA-256 in the manifest/,
    ],
    [
      'a part removed',
      (folder: string) => rm(path.join(folder, 'web/users.ndjson')),
      /the part web\/users\.ndjson is missing/,
    ],
    [
      'a part added',
      (folder: string) => writeFile(path.join(folder, 'record/extra.ndjson'), '[1]\n'),
      /the part record\/extra\.ndjson is not in the manifest/,
    ],
    [
      'a row appended to a part',
      (folder: string) => appendFile(path.join(folder, 'record/vials.ndjson'), '[1]\n'),
      /the part record\/vials\.ndjson does not match its SHA-256/,
    ],
    [
      'another format version',
      (folder: string) =>
        editManifest(folder, (manifest) => {
          manifest.formatVersion = 2;
        }),
      /backup format version 2; this Tracershop reads version 1 only/,
    ],
    [
      'a malformed manifest',
      (folder: string) =>
        editManifest(folder, (manifest) => {
          delete manifest.audit;
        }),
      /manifest\.json is malformed \(audit: /,
    ],
    [
      'migrations this code does not know',
      (folder: string) =>
        editManifest(folder, (manifest) => {
          const databases = manifest.databases as Record<string, { migrations: string[] }>;
          databases.record?.migrations.push('0099-from-the-future');
        }),
      /record migrations 0099-from-the-future are not known to this Tracershop/,
    ],
  ])('[URS-BAK-003] %s, and writes nothing', async (name, change, message) => {
    const { error, tables } = await refusalOf(await altered(name.replace(/\W+/g, '-'), change));
    expect(error).toBeInstanceOf(BackupRefusedError);
    expect((error as Error).message).toMatch(message);
    expect((error as Error).message).toMatch(/Nothing was restored/);
    expect(tables).toEqual([]);
  });

  it('[URS-BAK-003] a file that is not a backup archive', async () => {
    const file = path.join(workDir, `${dialect}-not-an-archive.tar.gz`);
    await writeFile(file, 'this is not gzip');
    const { error, tables } = await refusalOf(file);
    expect(error).toBeInstanceOf(BackupRefusedError);
    expect((error as Error).message).toMatch(/it is not a complete \.tar\.gz archive/);
    expect(tables).toEqual([]);
    const missing = await refusalOf(path.join(workDir, 'no-such-file.tar.gz'));
    expect((missing.error as Error).message).toMatch(/there is no such file/);
  });

  it('[URS-BAK-004] a target that holds data, naming its tables, and changes nothing', async () => {
    const target = await createMigratedTestSite(dialect);
    try {
      const { models } = target.databases;
      await models.Location.create({ locationCode: 'already-here' });
      await models.User.create({ username: 'someone', usernameKey: 'someone' });
      const error: unknown = await restoreBackup({
        backup: good,
        databases: target.databases,
      }).then(
        () => null,
        (reason: unknown) => reason,
      );
      expect(error).toBeInstanceOf(BackupRefusedError);
      expect((error as Error).message).toMatch(
        /the target record database is not empty: locations \(1 row\); the target web database is not empty: users \(1 row\)/,
      );
      expect(await models.Location.count()).toBe(1);
      expect(await models.AuditEvent.count()).toBe(0);
      expect(await models.User.count()).toBe(1);
    } finally {
      await target.destroy();
    }
  });

  it('[URS-BAK-004] a target migrated past the backup', async () => {
    const file = await altered('older-migrations', (folder) =>
      editManifest(folder, (manifest) => {
        const databases = manifest.databases as Record<string, { migrations: string[] }>;
        databases.web?.migrations.pop();
      }),
    );
    const target = await createTestSite(dialect);
    const databases = await openDatabases(target.options);
    try {
      await migrateUp(databases);
      const error: unknown = await restoreBackup({ backup: file, databases }).then(
        () => null,
        (reason: unknown) => reason,
      );
      expect(error).toBeInstanceOf(BackupRefusedError);
      expect((error as Error).message).toMatch(
        /the target web database is migrated past the backup/,
      );
    } finally {
      await databases.close();
      await target.destroy();
    }
  });

  it('[URS-BAK-004] nothing after a refusal: the good file then restores into the same target', async () => {
    const bad = await altered('then-good', (folder) =>
      flipOneByte(path.join(folder, 'web/users.ndjson')),
    );
    const target = await createTestSite(dialect);
    const databases = await openDatabases(target.options);
    try {
      await expect(restoreBackup({ backup: bad, databases })).rejects.toThrow(BackupRefusedError);
      const report = await restoreBackup({ backup: good, databases });
      expect(report.audit.ok).toBe(true);
      expect(await databases.models.User.count()).toBe(await source.databases.models.User.count());
    } finally {
      await databases.close();
      await target.destroy();
    }
  });
});
