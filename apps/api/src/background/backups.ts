/**
 * Scheduled backups (docs/operations.md, "Scheduled backups"): with TRACERSHOP_BACKUP_DIR set,
 * the api backs up both databases into that folder on the cron schedule
 * TRACERSHOP_BACKUP_SCHEDULE (default 02:30 each night), evaluated in the site time zone, and
 * after each successful run deletes the files of this site's older runs beyond
 * TRACERSHOP_BACKUP_KEEP (default 14). Only files recorded as runs of this site are ever
 * deleted; other files in the folder are left alone.
 *
 * Every run, success or failure, is a row of the web database when it ends (BackupRun: file,
 * size, duration, row counts and audit head, or the error), shown to the site admin, and a
 * log line (counts only). A run missed while the api was down is taken at the next start (the
 * latest missed one only). The schedule's moment is unique among the runs, so of several api
 * instances with the variable set only one keeps each run; still, set it on one instance.
 */
import { rm, unlink } from 'node:fs/promises';
import path from 'node:path';
import type { BackupResult, BackupRowCounts, BackupRun } from '@tracershop/db';
import { backupFileName, createBackup } from '@tracershop/db';
import { Cron } from 'croner';
import { Op, UniqueConstraintError } from 'sequelize';
import type { InferCreationAttributes } from 'sequelize';
import { z } from 'zod';
import type { ApiServices } from '../services';
import type { BackgroundService, BackgroundServiceStarter } from './backgroundService';

export const DEFAULT_BACKUP_SCHEDULE = '30 2 * * *';
export const DEFAULT_BACKUP_KEEP = 14;

/** The longest wait between two checks of whether a run is due (clock jumps, sleep). */
const MAX_CHECK_INTERVAL_MS = 10 * 60 * 1000;
/** How much of a failure's message a run row keeps. */
const ERROR_LENGTH = 2000;

export interface BackupSettings {
  /** The folder the backup files go to; it must exist. */
  folder: string;
  /** Cron expression (5 or 6 fields), in the site time zone. */
  schedule: string;
  /** How many of this site's backup files to keep. */
  keep: number;
}

const settingsSchema = z.object({
  TRACERSHOP_BACKUP_DIR: z.string().trim().optional(),
  TRACERSHOP_BACKUP_SCHEDULE: z.string().trim().optional(),
  TRACERSHOP_BACKUP_KEEP: z
    .string()
    .trim()
    .regex(/^\d*$/, 'TRACERSHOP_BACKUP_KEEP must be a whole number of at least 1')
    .optional(),
});

/** The cron schedule in the site time zone; refuses an expression or zone it cannot read. */
function cronOf(schedule: string, timeZone: string): Cron {
  try {
    const cron = new Cron(schedule, { paused: true, timezone: timeZone });
    cron.nextRun();
    return cron;
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new Error(
      `TRACERSHOP_BACKUP_SCHEDULE ${JSON.stringify(schedule)} is not usable: ${reason}`,
      { cause: error },
    );
  }
}

/**
 * The settings of the environment; null when TRACERSHOP_BACKUP_DIR is unset (backups off).
 * Throws, in words, on a value it cannot use, so that a mistake stops the api at start.
 */
export function backupSettingsFromEnv(
  env: NodeJS.ProcessEnv,
  timeZone: string,
): BackupSettings | null {
  const parsed = settingsSchema.safeParse(env);
  if (!parsed.success) {
    throw new Error(parsed.error.issues.map((issue) => issue.message).join('; '));
  }
  const values = parsed.data;
  if (values.TRACERSHOP_BACKUP_DIR === undefined || values.TRACERSHOP_BACKUP_DIR === '') {
    return null;
  }
  const schedule = values.TRACERSHOP_BACKUP_SCHEDULE || DEFAULT_BACKUP_SCHEDULE;
  cronOf(schedule, timeZone);
  const keep =
    values.TRACERSHOP_BACKUP_KEEP === undefined || values.TRACERSHOP_BACKUP_KEEP === ''
      ? DEFAULT_BACKUP_KEEP
      : Number(values.TRACERSHOP_BACKUP_KEEP);
  if (keep < 1) {
    throw new Error('TRACERSHOP_BACKUP_KEEP must be a whole number of at least 1');
  }
  return { folder: path.resolve(values.TRACERSHOP_BACKUP_DIR), schedule, keep };
}

function totalRows(counts: BackupRowCounts): Record<'record' | 'web', number> {
  const sum = (rows: Record<string, number>) => Object.values(rows).reduce((a, b) => a + b, 0);
  return { record: sum(counts.record), web: sum(counts.web) };
}

/**
 * Deletes the files of this site's successful runs in the folder beyond the newest `keep`,
 * and notes the deletion on their rows. Returns how many files went.
 */
export async function deleteOldBackups(
  services: ApiServices,
  settings: BackupSettings,
): Promise<number> {
  const { BackupRun } = services.db.models;
  const runs = await BackupRun.findAll({
    where: { result: 'succeeded', fileDeletedAt: null, file: { [Op.ne]: null } },
    order: [
      ['startedAt', 'DESC'],
      ['id', 'DESC'],
    ],
  });
  const inFolder = runs.filter(
    (run) => run.file !== null && path.dirname(run.file) === settings.folder,
  );
  let deleted = 0;
  for (const run of inFolder.slice(settings.keep)) {
    try {
      await unlink(run.file ?? '');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') {
        throw error;
      }
    }
    await run.update({ fileDeletedAt: services.clock.now() });
    deleted += 1;
  }
  return deleted;
}

/**
 * One backup now: writes the file, records the run (success or failure) and applies the
 * retention. `scheduledFor` is the schedule's moment it stands for (null: asked for
 * otherwise). The run is recorded when it ends; should another instance have recorded the
 * same moment meanwhile, this one's file is removed and it resolves with null.
 */
export async function runBackupOnce(
  services: ApiServices,
  settings: BackupSettings,
  scheduledFor: Date | null = null,
): Promise<BackupRun | null> {
  const log = services.log.child({ service: 'backups' });
  const { BackupRun } = services.db.models;
  const startedAt = services.clock.now();
  const file = path.join(settings.folder, backupFileName(startedAt));
  const started = performance.now();
  let outcome: Partial<InferCreationAttributes<BackupRun>>;
  let written: BackupResult | null = null;
  try {
    written = await createBackup({
      targets: services.db.targets,
      tracershopVersion: services.config.version,
      file,
      now: () => services.clock.now(),
    });
    outcome = {
      result: 'succeeded',
      bytes: written.bytes,
      rowCounts: written.rows,
      auditEvents: written.manifest.audit.events,
      auditHeadHash: written.manifest.audit.headHash,
    };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    outcome = { result: 'failed', error: message.slice(0, ERROR_LENGTH) };
  }
  let run: BackupRun;
  try {
    run = await BackupRun.create({
      result: 'failed',
      ...outcome,
      scheduledFor,
      startedAt,
      finishedAt: services.clock.now(),
      file,
      durationMs: Math.round(performance.now() - started),
    });
  } catch (error) {
    if (error instanceof UniqueConstraintError) {
      // Another instance recorded this moment first: its backup stands, this one goes.
      await rm(file, { force: true });
      log.info({ scheduledFor }, 'another instance took this scheduled backup');
      return null;
    }
    log.error({ err: error, file }, 'the backup run could not be recorded');
    throw error;
  }
  // /metrics: the backup's age and failures, and the service's runs (docs/operations.md).
  const finishedAt = run.finishedAt ?? services.clock.now();
  services.metrics.backupRun(written !== null, finishedAt);
  services.metrics.backgroundRun('backups', written !== null, finishedAt);
  if (written === null) {
    log.error({ file, error: run.error }, 'backup failed');
    return run;
  }
  log.info(
    {
      file,
      bytes: written.bytes,
      durationMs: run.durationMs,
      rows: totalRows(written.rows),
      auditEvents: written.manifest.audit.events,
    },
    'backup written',
  );
  try {
    const deleted = await deleteOldBackups(services, settings);
    if (deleted > 0) {
      log.info({ deleted, keep: settings.keep }, 'old backups deleted');
    }
  } catch (error) {
    log.error({ err: error }, 'deleting old backups failed; tried again after the next run');
  }
  return run;
}

/** A running schedule; `whenIdle` resolves once no run or check is under way (tests). */
export interface BackupService extends BackgroundService {
  whenIdle(): Promise<void>;
}

/**
 * Runs a backup whenever a scheduled moment has passed without a run: at start (a missed
 * night, or the first start with backups on) and at each moment of the schedule. Returns at
 * once; the start-up check runs in the background.
 */
export async function startBackupSchedule(
  services: ApiServices,
  settings: BackupSettings,
): Promise<BackupService> {
  const log = services.log.child({ service: 'backups' });
  const cron = cronOf(settings.schedule, services.config.timeZone);
  const { BackupRun } = services.db.models;
  let timer: NodeJS.Timeout | null = null;
  let stopped = false;
  let running: Promise<void> = Promise.resolve();

  /** The latest moment of the schedule at or before now. */
  const latestMoment = (): Date | null =>
    // croner counts strictly before its reference, to the second.
    cron.previousRuns(1, new Date(services.clock.now().getTime() + 1000))[0] ?? null;

  const check = async () => {
    try {
      const moment = latestMoment();
      if (moment === null) {
        return;
      }
      const taken = await BackupRun.count({ where: { scheduledFor: { [Op.gte]: moment } } });
      if (taken === 0) {
        await runBackupOnce(services, settings, moment);
      }
    } catch (error) {
      log.error({ err: error }, 'backup check failed; retried at the next check');
    }
  };
  const schedule = () => {
    if (stopped) {
      return;
    }
    const now = services.clock.now();
    const next = cron.nextRun(now);
    const wait =
      next === null
        ? MAX_CHECK_INTERVAL_MS
        : Math.min(Math.max(next.getTime() - now.getTime(), 1000), MAX_CHECK_INTERVAL_MS);
    timer = setTimeout(() => {
      running = check().then(schedule);
    }, wait);
    timer.unref();
  };

  // The last backup recorded before this start (by any instance) is the age /metrics shows.
  const last = await BackupRun.findOne({
    where: { result: 'succeeded' },
    order: [['finishedAt', 'DESC']],
  });
  if (last?.finishedAt != null) {
    services.metrics.backupRun(true, last.finishedAt);
  }
  running = check().then(schedule);
  log.info(
    { folder: settings.folder, schedule: settings.schedule, keep: settings.keep },
    'scheduled backups on',
  );
  return {
    name: 'backups',
    async whenIdle() {
      let current: Promise<void>;
      do {
        current = running;
        await current;
      } while (current !== running);
    },
    async stop() {
      stopped = true;
      if (timer !== null) {
        clearTimeout(timer);
      }
      cron.stop();
      await running;
    },
  };
}

/** On when TRACERSHOP_BACKUP_DIR is set. */
export const startBackupService: BackgroundServiceStarter = async (services, env) => {
  const settings = backupSettingsFromEnv(env, services.config.timeZone);
  return settings === null ? null : startBackupSchedule(services, settings);
};
