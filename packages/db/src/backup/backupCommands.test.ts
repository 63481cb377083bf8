/**
 * `tracershop backup` and `tracershop restore`: options, output, exit codes (0 done,
 * 1 failed, 2 usage), and a restore of the command's own backup into a new site.
 */
import { access, mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { alteredBackup, flipOneByte } from '../../test/backupFixtures';
import { runCommand } from '../commandLine';
import type { CommandIo } from '../commandLine';
import { TEST_DIALECTS, createTestSite } from '../testing';
import type { TestSite } from '../testing';
import { openBackupArchive } from './backupArchive';

function capture(): CommandIo & { lines: string[]; errors: string[] } {
  const lines: string[] = [];
  const errors: string[] = [];
  return { lines, errors, out: (line) => lines.push(line), error: (line) => errors.push(line) };
}

describe.each(TEST_DIALECTS)('tracershop backup and restore on %s', (dialect) => {
  let site: TestSite;
  let empty: TestSite;
  let workDir: string;
  let backupFile: string;
  const env = { TRACERSHOP_TIMEZONE: 'Europe/Copenhagen' };

  const runOn = async (target: TestSite, ...argv: string[]) => {
    const io = capture();
    const code = await runCommand(argv, env, io, target.options, { tracershopVersion: '9.9.9' });
    return { code, out: io.lines.join('\n'), err: io.errors.join('\n') };
  };
  const run = (...argv: string[]) => runOn(site, ...argv);

  beforeAll(async () => {
    workDir = await mkdtemp(path.join(tmpdir(), 'tracershop-backup-commands-'));
    site = await createTestSite(dialect);
    empty = await createTestSite(dialect);
    expect((await run('db', 'migrate')).code).toBe(0);
    expect((await run('db', 'seed', '--today', '2026-11-23')).code).toBe(0);
  });

  afterAll(async () => {
    await site?.destroy();
    await empty?.destroy();
    await rm(workDir, { recursive: true, force: true });
  });

  it('refuses options it does not take, with the usage', async () => {
    const both = await run('backup', '--to', 'a.tar.gz', '--dir', workDir);
    expect(both.code).toBe(2);
    expect(both.err).toMatch(/Give either --to or --dir, not both/);
    expect(both.err).toMatch(/tracershop backup \[--to FILE \| --dir DIR\]/);
    const unknown = await run('backup', '--from', 'a.tar.gz');
    expect(unknown.code).toBe(2);
    expect(unknown.err).toMatch(/Unknown option '--from'/);
    const noFrom = await run('restore');
    expect(noFrom.code).toBe(2);
    expect(noFrom.err).toMatch(/restore needs --from FILE/);
    expect((await run('db', 'backup')).code).toBe(2);
  });

  it('[URS-BAK-001] writes a backup into a folder and says what it holds', async () => {
    const result = await run('backup', '--dir', workDir);
    expect(result.err).toBe('');
    expect(result.code).toBe(0);
    const [name] = await readdir(workDir);
    expect(name).toMatch(/^tracershop-backup-\d{8}T\d{6}Z\.tar\.gz$/);
    backupFile = path.join(workDir, name ?? '');
    expect(result.out).toContain(`Backup written: ${backupFile}`);
    expect(result.out).toMatch(/size: {3}[\d,]+ bytes/);
    expect(result.out).toMatch(/record: \d+ rows in \d+ tables: .*audit_events \d+/);
    expect(result.out).toMatch(/web: {4}\d+ rows in \d+ tables: .*users 6/);
    expect(result.out).toMatch(/audit trail: \d{3,} events, head [0-9a-f]{64}/);
    const verified = await openBackupArchive(backupFile);
    expect(verified.manifest.tracershopVersion).toBe('9.9.9');
    await verified.close();
  });

  it('[URS-BAK-002] never overwrites a file and needs an existing folder', async () => {
    const again = await run('backup', '--to', backupFile);
    expect(again.code).toBe(1);
    expect(again.err).toMatch(/exists already; a backup never overwrites a file/);
    const noFolder = await run('backup', '--dir', path.join(workDir, 'missing'));
    expect(noFolder.code).toBe(1);
    expect(noFolder.err).toMatch(/the folder .*missing does not exist/);
    const named = path.join(workDir, 'named.tar.gz');
    expect((await run('backup', '--to', named)).code).toBe(0);
    await access(named);
  });

  it('refuses to restore into the site it came from (not empty)', async () => {
    const result = await run('restore', '--from', backupFile, '--yes');
    expect(result.code).toBe(1);
    expect(result.err).toMatch(/the target record database is not empty: .*audit_events/);
  });

  it('[URS-BAK-003] refuses a damaged file', async () => {
    const damaged = path.join(workDir, 'damaged.tar.gz');
    await alteredBackup(backupFile, damaged, (folder) =>
      flipOneByte(path.join(folder, 'record/activity_orders.ndjson')),
    );
    const result = await runOn(empty, 'restore', '--from', damaged, '--yes');
    expect(result.code).toBe(1);
    expect(result.err).toMatch(
      /the part record\/activity_orders\.ndjson does not match its SHA-256/,
    );
  });

  it(
    dialect === 'mysql'
      ? 'needs --yes for a MySQL target, then restores into an empty site'
      : 'restores into an empty site',
    async () => {
      if (dialect === 'mysql') {
        const unconfirmed = await runOn(empty, 'restore', '--from', backupFile);
        expect(unconfirmed.code).toBe(1);
        expect(unconfirmed.err).toMatch(/without --yes/);
      }
      const result = await runOn(empty, 'restore', '--from', backupFile, '--yes');
      expect(result.err).toBe('');
      expect(result.code).toBe(0);
      expect(result.out).toMatch(/Verified .*: made .* by Tracershop 9\.9\.9/);
      expect(result.out).toMatch(/Restored .*tracershop-backup-/);
      expect(result.out).toMatch(/web: {4}\d+ rows in \d+ tables: .*users 6/);
      expect(result.out).toMatch(/audit trail intact: \d{3,} events, last hash [0-9a-f]{64}/);
      const verify = await runOn(empty, 'audit', 'verify');
      expect(verify.code).toBe(0);
      const status = await runOn(empty, 'db', 'status');
      expect(status.out).toMatch(/web: applied \[[^\]]+\], pending \[\]/);
    },
  );
});
