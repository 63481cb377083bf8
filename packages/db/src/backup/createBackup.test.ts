/**
 * A backup that cannot be taken says why in words and leaves nothing behind: no backup file,
 * no partial file beside it, no staging folder.
 */
import { mkdir, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resolveTarget } from '../config';
import { openDatabases } from '../connection';
import { createMigratedTestSite } from '../testing';
import type { MigratedTestSite } from '../testing';
import { createBackup } from './createBackup';

describe('a backup that cannot be taken', () => {
  let site: MigratedTestSite;
  let folder: string;
  let workDir: string;

  beforeAll(async () => {
    site = await createMigratedTestSite('sqlite');
    folder = await mkdtemp(path.join(tmpdir(), 'tracershop-backup-failures-'));
    workDir = path.join(folder, 'work');
    await mkdir(workDir);
  });

  afterAll(async () => {
    await site?.destroy();
    await rm(folder, { recursive: true, force: true });
  });

  const listing = async () => ({
    folder: (await readdir(folder)).sort(),
    work: await readdir(workDir),
  });

  it('leaves nothing behind when a database file is missing', async () => {
    const targets = {
      record: site.databases.targets.record,
      web: resolveTarget('web', `sqlite:${path.join(folder, 'missing.sqlite')}`, undefined),
    };
    await expect(
      createBackup({
        targets,
        tracershopVersion: 't',
        file: path.join(folder, 'backup.tar.gz'),
        workDir,
      }),
    ).rejects.toThrow(/The web database file .*missing\.sqlite does not exist/);
    expect(await listing()).toEqual({ folder: ['work'], work: [] });
  });

  it('refuses a database that is not migrated', async () => {
    const empty = path.join(folder, 'empty.sqlite');
    const databases = await openDatabases({
      recordUrl: `sqlite:${empty}`,
      webUrl: `sqlite:${path.join(folder, 'empty-web.sqlite')}`,
    });
    await databases.close();
    await expect(
      createBackup({
        targets: databases.targets,
        tracershopVersion: 't',
        file: path.join(folder, 'backup.tar.gz'),
        workDir,
      }),
    ).rejects.toThrow(/The record database is not migrated: run `tracershop db migrate` first/);
    expect((await listing()).work).toEqual([]);
    expect((await listing()).folder.filter((name) => name.includes('backup'))).toEqual([]);
  });

  it('[URS-BAK-002] refuses an existing file or a missing folder before it reads anything', async () => {
    const existing = path.join(folder, 'taken.tar.gz');
    await writeFile(existing, 'someone else’s');
    await expect(
      createBackup({
        targets: site.databases.targets,
        tracershopVersion: 't',
        file: existing,
        workDir,
      }),
    ).rejects.toThrow(/taken\.tar\.gz exists already; a backup never overwrites a file/);
    await expect(
      createBackup({
        targets: site.databases.targets,
        tracershopVersion: 't',
        file: path.join(folder, 'nowhere', 'backup.tar.gz'),
        workDir,
      }),
    ).rejects.toThrow(/The backup folder .*nowhere does not exist or is not a folder/);
    expect((await listing()).work).toEqual([]);
  });
});
