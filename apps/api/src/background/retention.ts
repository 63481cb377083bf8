/**
 * The nightly retention job (docs/operations.md, docs/domain.md): bookings are
 * personal data and go 7 days after their date; telemetry goes after 60 days. It runs each
 * night at 00:01 site time. The last run is kept in the record database (ServiceRun), so a
 * night missed while the service was down is caught up at start, and a restart the same night
 * does not run again. Logs and the audit row carry counts only, never personal data.
 */
import { addDays, instantOfLocalDateTime } from '@tracershop/core';
import { Op } from 'sequelize';
import { siteToday } from '../clock';
import { writeRecord } from '../recordWrites';
import type { ApiServices } from '../services';
import type { BackgroundService, BackgroundServiceStarter } from './backgroundService';

export const RETENTION_RUN_NAME = 'retention';
/** Bookings dated this many days before today or earlier are deleted. */
export const BOOKING_RETENTION_DAYS = 7;
/** Telemetry older than this many days is deleted. */
export const TELEMETRY_RETENTION_DAYS = 60;
/** The nightly run's site time. */
export const RETENTION_TIME_OF_DAY = '00:01:00';

/** The longest wait between two checks of whether a run is due (clock jumps, sleep). */
const MAX_CHECK_INTERVAL_MS = 10 * 60 * 1000;
const DAY_MS = 24 * 60 * 60 * 1000;

export interface RetentionResult {
  /** Bookings dated on or before this date were deleted. */
  bookingsUpTo: string;
  bookingsDeleted: number;
  /** Telemetry recorded at or before this instant was deleted. */
  telemetryBefore: string;
  telemetryDeleted: number;
}

/** The instant of `RETENTION_TIME_OF_DAY` on a site date. */
function scheduledInstant(services: ApiServices, date: string): Date {
  const instant = instantOfLocalDateTime(
    `${date} ${RETENTION_TIME_OF_DAY}`,
    services.config.timeZone,
  );
  return new Date(instant.epochMilliseconds);
}

/** The latest scheduled run at or before now. */
export function latestScheduledRun(services: ApiServices): Date {
  const today = siteToday(services.clock, services.config.timeZone);
  const todays = scheduledInstant(services, today);
  return todays.getTime() <= services.clock.now().getTime()
    ? todays
    : scheduledInstant(services, addDays(today, -1));
}

/** Deletes what is due now, records the run; returns the counts. */
export async function runRetentionOnce(services: ApiServices): Promise<RetentionResult> {
  const now = services.clock.now();
  const today = siteToday(services.clock, services.config.timeZone);
  const bookingsUpTo = addDays(today, -BOOKING_RETENTION_DAYS);
  const telemetryBefore = new Date(now.getTime() - TELEMETRY_RETENTION_DAYS * DAY_MS);
  const { TelemetryRecord } = services.db.models;
  const telemetryDeleted = await TelemetryRecord.destroy({
    where: { at: { [Op.lte]: telemetryBefore } },
  });
  const bookingsDeleted = await writeRecord({ services, user: null }, async (scope) => {
    const { Booking, ServiceRun } = services.db.models;
    const { transaction } = scope;
    const old = await Booking.findAll({
      attributes: ['id'],
      where: { startDate: { [Op.lte]: bookingsUpTo } },
      transaction,
    });
    const ids = old.map((booking) => booking.id);
    if (ids.length > 0) {
      await Booking.destroy({ where: { id: { [Op.in]: ids } }, transaction });
      scope.publish({ entity: 'Booking', op: 'delete', ids, visibility: { kind: 'production' } });
    }
    await scope.audit({
      action: 'booking.retention',
      entity: 'Booking',
      after: { deleted: ids.length, upTo: bookingsUpTo },
    });
    const details = JSON.stringify({
      bookingsDeleted: ids.length,
      telemetryDeleted,
      bookingsUpTo,
    });
    await ServiceRun.upsert({ name: RETENTION_RUN_NAME, lastRunAt: now, details }, { transaction });
    return ids.length;
  });
  const result: RetentionResult = {
    bookingsUpTo,
    bookingsDeleted,
    telemetryBefore: telemetryBefore.toISOString(),
    telemetryDeleted,
  };
  services.log.info({ service: 'retention', ...result }, 'retention run');
  return result;
}

/** When the job last ran (on any instance), or null when never. */
async function lastRetentionRun(services: ApiServices): Promise<Date | null> {
  const run = await services.db.models.ServiceRun.findByPk(RETENTION_RUN_NAME);
  return run?.lastRunAt ?? null;
}

function isDueAfter(services: ApiServices, lastRun: Date | null): boolean {
  return lastRun === null || lastRun.getTime() < latestScheduledRun(services).getTime();
}

/** Whether the latest scheduled run has not happened yet. */
export async function isRetentionDue(services: ApiServices): Promise<boolean> {
  return isDueAfter(services, await lastRetentionRun(services));
}

/**
 * Runs the job whenever a scheduled run is due: at start (a missed night) and each night.
 * Resolves once the start-up check (and a catch-up run) is done.
 */
export async function startRetentionSchedule(services: ApiServices): Promise<BackgroundService> {
  const log = services.log.child({ service: 'retention' });
  let timer: NodeJS.Timeout | null = null;
  let stopped = false;
  let running: Promise<void> = Promise.resolve();

  // The metric's last success is the recorded run, also when another instance or an earlier
  // start made it: a restart does not look like a missed night.
  const check = async () => {
    try {
      const lastRun = await lastRetentionRun(services);
      if (isDueAfter(services, lastRun)) {
        await runRetentionOnce(services);
        services.metrics.backgroundRun(RETENTION_RUN_NAME, true);
      } else if (lastRun !== null) {
        services.metrics.backgroundRun(RETENTION_RUN_NAME, true, lastRun);
      }
    } catch (error) {
      services.metrics.backgroundRun(RETENTION_RUN_NAME, false);
      log.error({ err: error }, 'retention run failed; retried at the next check');
    }
  };
  const schedule = () => {
    if (stopped) {
      return;
    }
    const nowMs = services.clock.now().getTime();
    const today = siteToday(services.clock, services.config.timeZone);
    const todays = scheduledInstant(services, today);
    const next = todays.getTime() > nowMs ? todays : scheduledInstant(services, addDays(today, 1));
    const wait = Math.min(Math.max(next.getTime() - nowMs, 1000), MAX_CHECK_INTERVAL_MS);
    timer = setTimeout(() => {
      running = check().then(schedule);
    }, wait);
    timer.unref();
  };

  running = check();
  await running;
  schedule();
  return {
    name: 'retention',
    async stop() {
      stopped = true;
      if (timer !== null) {
        clearTimeout(timer);
      }
      await running;
    },
  };
}

/** On unless `RETENTION_ENABLED=0`. */
export const startRetentionService: BackgroundServiceStarter = async (services, env, force) => {
  if (!force && env.RETENTION_ENABLED === '0') {
    return null;
  }
  return startRetentionSchedule(services);
};
