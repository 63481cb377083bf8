/**
 * The nightly retention job with a controlled clock: bookings go 7 days after their date and
 * telemetry after 60 days, recent ones stay; a missed night runs at start; a second start the
 * same night does nothing; the audit row carries the count only.
 */
import { BookingStatus, addDays } from '@tracershop/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  RETENTION_RUN_NAME,
  runRetentionOnce,
  startRetentionService,
} from '../src/background/retention';
import type { TestApi } from './testApi';
import { TEST_DIALECTS, startTestApi } from './testApi';

const TODAY = '2026-11-23';
const DAY_MS = 24 * 60 * 60 * 1000;

describe.each(TEST_DIALECTS)('[URS-INT-004] retention (%s)', (dialect) => {
  let api: TestApi;
  let locationId: number;
  let studyId: number;

  beforeAll(async () => {
    api = await startTestApi({ dialect, today: TODAY, now: `${TODAY}T05:00:00Z` });
    const location = await api.db.models.Location.findOne();
    const study = await api.db.models.ProcedureIdentifier.findOne();
    locationId = location?.id ?? 0;
    studyId = study?.id ?? 0;
  });

  afterAll(async () => {
    await api?.close();
  });

  async function booking(accessionNumber: string, startDate: string) {
    return api.db.models.Booking.create({
      accessionNumber,
      locationId,
      procedureIdentifierId: studyId,
      startDate,
      startTime: '09:00:00',
      status: BookingStatus.Ordered,
    });
  }

  async function telemetry(procedure: string, at: Date) {
    return api.db.models.TelemetryRecord.create({ procedure, at, latencyMs: 3, ok: true });
  }

  const bookingExists = async (accessionNumber: string) =>
    (await api.db.models.Booking.count({ where: { accessionNumber } })) === 1;
  const telemetryCount = (procedure: string) =>
    api.db.models.TelemetryRecord.count({ where: { procedure } });
  const retentionAudits = () =>
    api.db.models.AuditEvent.findAll({
      where: { action: 'booking.retention' },
      order: [['id', 'ASC']],
    });

  it('[URS-AUD-009] deletes bookings 7 days after their date and telemetry after 60 days', async () => {
    const now = api.clock.now();
    await booking('RET-OLD-8', addDays(TODAY, -8));
    await booking('RET-OLD-7', addDays(TODAY, -7));
    await booking('RET-KEEP-5', addDays(TODAY, -5));
    await telemetry('test.retention.old', new Date(now.getTime() - 61 * DAY_MS));
    await telemetry('test.retention.recent', new Date(now.getTime() - 59 * DAY_MS));

    const result = await runRetentionOnce(api.server.services);
    expect(result).toMatchObject({ bookingsUpTo: addDays(TODAY, -7), bookingsDeleted: 2 });
    expect(result.telemetryDeleted).toBeGreaterThanOrEqual(1);
    expect(await bookingExists('RET-OLD-8')).toBe(false);
    expect(await bookingExists('RET-OLD-7')).toBe(false);
    expect(await bookingExists('RET-KEEP-5')).toBe(true);
    expect(await telemetryCount('test.retention.old')).toBe(0);
    expect(await telemetryCount('test.retention.recent')).toBe(1);
    // The seeded bookings of today and the coming days stay.
    expect(await api.db.models.Booking.count({ where: { startDate: TODAY } })).toBeGreaterThan(0);

    const audits = await retentionAudits();
    expect(audits).toHaveLength(1);
    const audit = audits[0];
    expect(audit?.actorName).toBe('system');
    expect(JSON.stringify(audit?.get({ plain: true }))).not.toContain('RET-');
    expect(JSON.parse(String(audit?.after))).toEqual({ deleted: 2, upTo: addDays(TODAY, -7) });

    const run = await api.db.models.ServiceRun.findByPk(RETENTION_RUN_NAME);
    expect(run?.lastRunAt.toISOString()).toBe(now.toISOString());
    expect(JSON.parse(run?.details ?? '{}')).toMatchObject({ bookingsDeleted: 2 });
  });

  it('catches up a missed night at start, and a second start the same night does nothing', async () => {
    // The next night, 00:30 site time: the 00:01 run was missed (the service was down).
    const nextDay = addDays(TODAY, 1);
    api.clock.set(`${nextDay}T00:30:00+01:00`);
    await booking('RET-NOW-OLD', addDays(nextDay, -7));
    const auditsBefore = (await retentionAudits()).length;

    const first = await startRetentionService(api.server.services, {}, false);
    expect(first?.name).toBe('retention');
    await first?.stop();
    expect(await bookingExists('RET-NOW-OLD')).toBe(false);
    expect(await bookingExists('RET-KEEP-5')).toBe(true);
    expect(await retentionAudits()).toHaveLength(auditsBefore + 1);
    const run = await api.db.models.ServiceRun.findByPk(RETENTION_RUN_NAME);
    expect(run?.lastRunAt.toISOString()).toBe(new Date(`${nextDay}T00:30:00+01:00`).toISOString());

    // Restarted later the same night: already done.
    api.clock.set(`${nextDay}T03:00:00+01:00`);
    await booking('RET-LATE', addDays(nextDay, -7));
    const second = await startRetentionService(api.server.services, {}, false);
    await second?.stop();
    expect(await bookingExists('RET-LATE')).toBe(true);
    expect(await retentionAudits()).toHaveLength(auditsBefore + 1);
    const unchanged = await api.db.models.ServiceRun.findByPk(RETENTION_RUN_NAME);
    expect(unchanged?.lastRunAt.toISOString()).toBe(run?.lastRunAt.toISOString());

    // Before 00:01 the previous night's run still counts; after it, the night is due.
    api.clock.set(`${addDays(nextDay, 1)}T00:00:30+01:00`);
    const early = await startRetentionService(api.server.services, {}, false);
    await early?.stop();
    expect(await bookingExists('RET-LATE')).toBe(true);
    api.clock.set(`${addDays(nextDay, 1)}T00:02:00+01:00`);
    const due = await startRetentionService(api.server.services, {}, false);
    await due?.stop();
    expect(await bookingExists('RET-LATE')).toBe(false);
  });

  it('is off with RETENTION_ENABLED=0', async () => {
    expect(
      await startRetentionService(api.server.services, { RETENTION_ENABLED: '0' }, false),
    ).toBeNull();
  });
});
