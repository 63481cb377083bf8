/**
 * Scheduled backups with a controlled clock: a run writes a verified file and a run row;
 * retention keeps the newest KEEP files of this site and nothing else; a failing run is
 * recorded with its error; a missed moment is taken at start and only once, and by one
 * instance; the settings come from the environment; the site admin reads the runs, and the
 * last failure.
 */
import { mkdtemp, readdir, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { BACKUP_FILE_PATTERN, openBackupArchive, verifyAuditChain } from '@tracershop/db';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { BACKGROUND_SERVICES } from '../src/background';
import type { BackupSettings } from '../src/background/backups';
import {
  DEFAULT_BACKUP_KEEP,
  DEFAULT_BACKUP_SCHEDULE,
  backupSettingsFromEnv,
  runBackupOnce,
  startBackupSchedule,
} from '../src/background/backups';
import { parseSamples, sample } from './metricsText';
import { reasonOf } from './reasons';
import type { TestApi } from './testApi';
import { TEST_DIALECTS, startTestApi } from './testApi';

const TODAY = '2026-11-23';
const MINUTE_MS = 60_000;

describe('[URS-BAK-007] backupSettingsFromEnv', () => {
  const zone = 'Europe/Copenhagen';

  it('is off without TRACERSHOP_BACKUP_DIR and has defaults otherwise', () => {
    expect(backupSettingsFromEnv({}, zone)).toBeNull();
    expect(backupSettingsFromEnv({ TRACERSHOP_BACKUP_DIR: ' ' }, zone)).toBeNull();
    expect(backupSettingsFromEnv({ TRACERSHOP_BACKUP_DIR: '/srv/backups' }, zone)).toEqual({
      folder: '/srv/backups',
      schedule: DEFAULT_BACKUP_SCHEDULE,
      keep: DEFAULT_BACKUP_KEEP,
    });
    expect(
      backupSettingsFromEnv(
        {
          TRACERSHOP_BACKUP_DIR: '/srv/backups',
          TRACERSHOP_BACKUP_SCHEDULE: '0 */6 * * *',
          TRACERSHOP_BACKUP_KEEP: '30',
        },
        zone,
      ),
    ).toEqual({ folder: '/srv/backups', schedule: '0 */6 * * *', keep: 30 });
  });

  it('refuses, in words, a schedule or a count it cannot use', () => {
    const dir = { TRACERSHOP_BACKUP_DIR: '/srv/backups' };
    expect(() =>
      backupSettingsFromEnv({ ...dir, TRACERSHOP_BACKUP_SCHEDULE: '61 2 * * *' }, zone),
    ).toThrow(/TRACERSHOP_BACKUP_SCHEDULE "61 2 \* \* \*" is not usable/);
    expect(() => backupSettingsFromEnv({ ...dir, TRACERSHOP_BACKUP_KEEP: '0' }, zone)).toThrow(
      /TRACERSHOP_BACKUP_KEEP must be a whole number of at least 1/,
    );
    expect(() => backupSettingsFromEnv({ ...dir, TRACERSHOP_BACKUP_KEEP: 'ten' }, zone)).toThrow(
      /TRACERSHOP_BACKUP_KEEP must be a whole number/,
    );
  });
});

describe.each(TEST_DIALECTS)('[URS-BAK-007] scheduled backups (%s)', (dialect) => {
  let api: TestApi;
  let folder: string;
  let settings: BackupSettings;
  const folders: string[] = [];

  beforeAll(async () => {
    api = await startTestApi({ dialect, today: TODAY, now: `${TODAY}T05:00:00Z` });
  });

  beforeEach(async () => {
    folder = await mkdtemp(path.join(tmpdir(), 'tracershop-scheduled-backups-'));
    folders.push(folder);
    settings = { folder, schedule: '30 2 * * *', keep: 3 };
    await api.db.models.BackupRun.destroy({ where: {} });
  });

  afterAll(async () => {
    await api?.close();
    for (const made of folders) {
      await rm(made, { recursive: true, force: true });
    }
  });

  const tick = () => api.clock.set(new Date(api.clock.now().getTime() + MINUTE_MS));

  it('writes a backup file and records the run', async () => {
    const run = await runBackupOnce(api.server.services, settings);
    expect(run?.result).toBe('succeeded');
    const file = run?.file ?? '';
    expect(path.dirname(file)).toBe(folder);
    expect(BACKUP_FILE_PATTERN.test(path.basename(file))).toBe(true);
    expect(run?.bytes).toBe((await stat(file)).size);
    expect(run?.durationMs).toBeGreaterThanOrEqual(0);
    expect(run?.startedAt.toISOString()).toBe(api.clock.now().toISOString());
    expect(run?.finishedAt).not.toBeNull();
    expect(run?.error ?? null).toBeNull();
    const chain = await verifyAuditChain(api.db.record);
    expect(run?.auditEvents).toBe(chain.checked);
    expect(run?.auditHeadHash).toBe(chain.lastHash);
    expect(run?.rowCounts?.web.users).toBe(6);
    const stored = await api.db.models.BackupRun.findByPk(run?.id ?? 0);
    expect(stored?.rowCounts).toEqual(run?.rowCounts);
    const verified = await openBackupArchive(file);
    expect(verified.manifest.tracershopVersion).toBe('test');
    expect(verified.manifest.audit.headHash).toBe(chain.lastHash);
    await verified.close();
  });

  it('keeps only the newest KEEP files of this site and leaves other files alone', async () => {
    await writeFile(path.join(folder, 'tracershop-backup-20200101T000000Z.tar.gz'), 'manual');
    await writeFile(path.join(folder, 'notes.txt'), 'not a backup');
    const runs = [];
    for (let index = 0; index < 5; index += 1) {
      tick();
      runs.push(await runBackupOnce(api.server.services, settings));
    }
    const kept = runs.slice(-3).map((run) => path.basename(run?.file ?? ''));
    expect((await readdir(folder)).sort()).toEqual(
      [...kept, 'notes.txt', 'tracershop-backup-20200101T000000Z.tar.gz'].sort(),
    );
    const rows = await api.db.models.BackupRun.findAll({ order: [['id', 'ASC']] });
    expect(rows.map((row) => row.fileDeletedAt !== null)).toEqual([
      true,
      true,
      false,
      false,
      false,
    ]);
  });

  it('[URS-BAK-008] records a failing run with its error, and the admin sees it as the last failure', async () => {
    const notAFolder = path.join(folder, 'a-file');
    await writeFile(notAFolder, 'in the way');
    tick();
    const run = await runBackupOnce(api.server.services, { ...settings, folder: notAFolder });
    expect(run?.result).toBe('failed');
    expect(run?.error).toMatch(/The backup folder .*a-file does not exist or is not a folder/);
    expect(run?.finishedAt).not.toBeNull();
    expect(run?.bytes).toBeNull();
    expect(await readdir(folder)).toEqual(['a-file']);

    const admin = await api.loginAs('site-admin');
    const failed = await admin.trpc.admin.backupRuns.query();
    expect(failed.lastFailed).toBe(true);
    expect(failed.lastFailure?.error).toBe(run?.error);
    expect(failed.runs.map((row) => row.result)).toEqual(['failed']);

    tick();
    await runBackupOnce(api.server.services, settings);
    const recovered = await admin.trpc.admin.backupRuns.query({ limit: 10 });
    expect(recovered.lastFailed).toBe(false);
    expect(recovered.lastFailure).toBeNull();
    expect(recovered.runs.map((row) => row.result)).toEqual(['succeeded', 'failed']);
    expect(typeof recovered.runs[0]?.startedAt).toBe('string');

    const prodAdmin = await api.loginAs('prod-admin');
    expect(await reasonOf(prodAdmin.trpc.admin.backupRuns.query())).toBe('FORBIDDEN_ROLE');

    // Monitoring sees both: one failure, and the last success's time.
    const samples = parseSamples((await api.server.services.metrics.exposition()).text);
    expect(sample(samples, 'tracershop_backup_failures_total')).toBe(1);
    expect(sample(samples, 'tracershop_backup_last_success_timestamp_seconds')).toBe(
      api.clock.now().getTime() / 1000,
    );
  });

  it('takes a missed moment at start, once, and the next moment when it comes', async () => {
    // 05:00 UTC is 06:00 in Copenhagen: tonight's 02:30 run was missed.
    api.clock.set(`${TODAY}T05:00:00Z`);
    const first = await startBackupSchedule(api.server.services, settings);
    await first.whenIdle();
    await first.stop();
    const afterFirst = await api.db.models.BackupRun.findAll();
    expect(afterFirst.map((run) => [run.result, run.scheduledFor?.toISOString()])).toEqual([
      ['succeeded', `${TODAY}T01:30:00.000Z`],
    ]);

    api.clock.set(`${TODAY}T09:00:00Z`);
    const second = await startBackupSchedule(api.server.services, settings);
    await second.stop();
    expect(await api.db.models.BackupRun.count()).toBe(1);

    // The next night, 02:31 in Copenhagen.
    api.clock.set('2026-11-24T01:31:00Z');
    const third = await startBackupSchedule(api.server.services, settings);
    await third.stop();
    const moments = await api.db.models.BackupRun.findAll({ order: [['id', 'ASC']] });
    expect(moments.map((run) => run.scheduledFor?.toISOString())).toEqual([
      `${TODAY}T01:30:00.000Z`,
      '2026-11-24T01:30:00.000Z',
    ]);
  });

  it('lets one instance keep a scheduled moment and removes the other one’s file', async () => {
    const moment = new Date(`${TODAY}T01:30:00Z`);
    const first = await runBackupOnce(api.server.services, settings, moment);
    tick();
    const second = await runBackupOnce(api.server.services, settings, moment);
    expect(first?.result).toBe('succeeded');
    expect(second).toBeNull();
    expect(await readdir(folder)).toEqual([path.basename(first?.file ?? '')]);
    expect(await api.db.models.BackupRun.count()).toBe(1);
  });

  it('is started by the background services when TRACERSHOP_BACKUP_DIR is set', async () => {
    const starter = BACKGROUND_SERVICES.backups;
    expect(await starter(api.server.services, {}, false)).toBeNull();
    api.clock.set(`${TODAY}T09:00:00Z`);
    const service = await starter(api.server.services, { TRACERSHOP_BACKUP_DIR: folder }, false);
    expect(service?.name).toBe('backups');
    await service?.stop();
    expect(await api.db.models.BackupRun.count()).toBe(1);
  });
});
