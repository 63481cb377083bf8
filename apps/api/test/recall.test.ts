/**
 * The recall trace of a lot (`recall.trace` and `/documents/recall/<lot>.pdf|xlsx`): RH KF's
 * PET1 FDG delivery at 08:00 on Wednesday 21 April 2027 is released twice – order A with the
 * vial of lot FDG-270421-1, the later order B with the vial of lot FDG-270421-2. The trace of
 * lot 1 names A's release, its customer and endpoint, the signer, the vial, and the RIS
 * bookings of PET1 on that day for an FDG study; not B, not another day's booking, not a
 * study given with another tracer. The exports carry the same and are audited with the
 * SHA-256 of the file.
 */
import { createHash } from 'node:crypto';
import { DeadlineScope } from '@tracershop/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DeliveryDay, LONG_SESSIONS } from './deliveryDay';
import { fetchDocument, pdfText, sheetRows } from './documentReaders';
import { reasonOf } from './reasons';
import type { TestApi } from './testApi';
import { TEST_DIALECTS, startTestApi } from './testApi';

const DATE = '2027-04-21';
const LOT_1 = 'FDG-270421-1';
const LOT_2 = 'FDG-270421-2';

describe.each(TEST_DIALECTS)('recall trace of a lot (%s)', (dialect) => {
  let api: TestApi;
  let day: DeliveryDay;
  let a: number;
  let b: number;
  let vial1: number;

  /** A booking at a PET1 room on `date` for a study given with `tracer` at PET1. */
  async function booking(accessionNumber: string, date: string, tracer: string) {
    const { models } = api.db;
    const tracerRow = await models.Tracer.findOne({ where: { shortname: tracer } });
    const procedure = await models.Procedure.findOne({
      where: { endpointId: day.slot.endpointId, tracerId: tracerRow?.id ?? 0 },
    });
    const location = await models.Location.findOne({ where: { endpointId: day.slot.endpointId } });
    if (procedure === null || location === null) {
      throw new Error(`the seed has no ${tracer} study at a PET1 room`);
    }
    await models.Booking.create({
      accessionNumber,
      locationId: location.id,
      procedureIdentifierId: procedure.procedureIdentifierId,
      startDate: date,
      startTime: '09:15:00',
    });
  }

  beforeAll(async () => {
    api = await startTestApi({ dialect, config: LONG_SESSIONS });
    await api.db.models.Deadline.destroy({ where: { appliesTo: DeadlineScope.Activity } });
    day = await DeliveryDay.start(api, DATE);
    day.at('12:00:00', '2027-04-20');
    a = await day.shopOrders(300);
    await day.accept([a]);
    day.at('07:40:00');
    vial1 = await day.vial(560, '07:10:00', 1);
    await day.release([a], [vial1]);
    day.at('07:45:00');
    b = await day.shopOrders(200);
    await day.accept([b]);
    await day.release([b], [await day.vial(300, '07:42:00', 2)]);
    await booking('RECALL-1', DATE, 'FDG');
    await booking('OTHER-DAY', '2027-04-22', 'FDG');
    await booking('OTHER-TRACER', DATE, 'NaF');
  });

  afterAll(async () => {
    await api?.close();
  });

  it('[URS-PRD-009] traces the lot to its release, customer, signer, vial and the day’s FDG studies', async () => {
    const trace = await day.production.trpc.recall.trace.query({ lot: LOT_1 });
    expect(trace.customers).toEqual(['RH KF']);
    expect(trace.vials).toEqual([
      expect.objectContaining({ id: vial1, lotNumber: LOT_1, activity: 560, deliveredWithId: a }),
    ]);
    expect(trace.activityDeliveries).toHaveLength(1);
    const [delivery] = trace.activityDeliveries;
    expect(delivery).toMatchObject({
      releaseId: a,
      customer: 'RH KF',
      endpoint: 'PET1',
      tracer: 'FDG',
      deliveryDate: DATE,
      deliveryTime: '08:00:00',
      vialIds: [vial1],
      releasedAt: `${DATE} 07:40:00`,
      releasedBy: 'Demo Production User',
    });
    expect(delivery?.orders.map((order) => order.id)).toEqual([a]);
    expect(delivery?.bookings.map((row) => row.accessionNumber)).toEqual(['RECALL-1']);
    expect(trace.injectionOrders).toEqual([]);
    expect(trace.isotopeOrders).toEqual([]);
  });

  it('[URS-PRD-009] keeps the other lot’s release apart', async () => {
    const trace = await day.production.trpc.recall.trace.query({ lot: LOT_2 });
    expect(trace.activityDeliveries.map((delivery) => delivery.releaseId)).toEqual([b]);
    expect(trace.activityDeliveries[0]?.orders.map((order) => order.id)).toEqual([b]);
  });

  it('[URS-PRD-010] starts from an order: the lots it went out with', async () => {
    const lotsOf = (kind: 'activity' | 'injection' | 'isotope', id: number) =>
      day.production.trpc.recall.lotsOfOrder.query({ kind, id });
    expect(await lotsOf('activity', a)).toEqual([LOT_1]);
    expect(await lotsOf('activity', b)).toEqual([LOT_2]);
    const open = await day.shopOrders(100);
    expect(await lotsOf('activity', open)).toEqual([]);
    expect(await reasonOf(lotsOf('activity', 999_999))).toBe('NOT_FOUND');
    expect(
      await reasonOf(day.shop.trpc.recall.lotsOfOrder.query({ kind: 'activity', id: a })),
    ).toBe('FORBIDDEN_ROLE');
  });

  it('[URS-PRD-009] answers a lot nothing was made with by an empty trace', async () => {
    const trace = await day.production.trpc.recall.trace.query({ lot: 'FDG-270421-9' });
    expect(trace).toMatchObject({ vials: [], activityDeliveries: [], customers: [] });
  });

  it('[URS-DOC-006] exports the trace as PDF and Excel, each export audited with its hash', async () => {
    const pdf = await fetchDocument(api, day.production, `/documents/recall/${LOT_1}.pdf`);
    expect(pdf.status).toBe(200);
    const text = await pdfText(pdf.body);
    for (const expected of [
      'TILBAGEKALDELSE',
      LOT_1,
      'RH KF – PET1',
      '21/04/2027 08:00',
      '560 MBq',
      'Demo Production User',
      'RECALL-1',
    ]) {
      expect(text).toContain(expected);
    }
    expect(text).not.toContain('OTHER-DAY');
    expect(text).not.toContain('OTHER-TRACER');

    const xlsx = await fetchDocument(api, day.production, `/documents/recall/${LOT_1}.xlsx`);
    expect(xlsx.status).toBe(200);
    const deliveries = await sheetRows(xlsx.body, 'Leveringer af aktivitet');
    expect(deliveries[0]).toEqual([
      'Kunde – leveringssted',
      'Tracer',
      'Levering',
      'Ordrer',
      'Frigivet',
      'Frigivet af',
    ]);
    expect(deliveries.slice(1)).toEqual([
      [
        'RH KF – PET1',
        'FDG',
        '21/04/2027 08:00',
        `${a} (300\u00a0MBq)`,
        '21/04/2027 07:40',
        'Demo Production User',
      ],
    ]);

    const exports = await api.db.models.AuditEvent.findAll({
      where: { action: 'recall.export' },
      order: [['id', 'ASC']],
    });
    const recorded = exports.map((row) => JSON.parse(row.after ?? 'null') as { sha256: string });
    expect(recorded.map((row) => row.sha256)).toEqual([
      createHash('sha256').update(pdf.body).digest('hex'),
      createHash('sha256').update(xlsx.body).digest('hex'),
    ]);
    expect(exports.map((row) => row.actorName)).toEqual([
      'Demo Production User',
      'Demo Production User',
    ]);
  });

  it('is production’s: the shop is refused the trace and its export', async () => {
    expect(await reasonOf(day.shop.trpc.recall.trace.query({ lot: LOT_1 }))).toBe('FORBIDDEN_ROLE');
    const pdf = await fetchDocument(api, day.shop, `/documents/recall/${LOT_1}.pdf`);
    expect(pdf.status).toBe(403);
  });
});
