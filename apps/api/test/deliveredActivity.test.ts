/**
 * One delivered figure on every surface. A worked example, made through the real api, must
 * read the same on the production card, the shop card, the release certificate (its per-vial
 * column and its total, with the reference time beside it) and the monthly Excel export.
 *
 * F-18, T½ = 6586.2 s; RH KF's PET1 FDG delivery at 08:00 on Wednesday 14 April 2027:
 *   vial A, 650 MBq filled 07:25, 2100 s before 08:00: 650 · 2^(−2100/6586.2) = 650 · 0.80171 = 521.11
 *   vial B, 300 MBq filled 07:35, 1500 s before 08:00: 300 · 2^(−1500/6586.2) = 300 · 0.85397 = 256.19
 *   delivered at 08:00: 521.11 + 256.19 = 777.30 → 777 MBq (the vials' raw sum, 950, on none).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DeliveryDay, LONG_SESSIONS } from './deliveryDay';
import { fetchDocument, pdfText, sheetRows } from './documentReaders';
import type { TestApi } from './testApi';
import { TEST_DIALECTS, startTestApi } from './testApi';

const DATE = '2027-04-14';
const DELIVERED = 777.3;

describe.each(TEST_DIALECTS)('one delivered figure on every surface (%s)', (dialect) => {
  let api: TestApi;
  let day: DeliveryDay;
  let orderId: number;

  beforeAll(async () => {
    api = await startTestApi({ dialect, config: LONG_SESSIONS });
    day = await DeliveryDay.start(api, DATE);
    // The shop orders the day before, ahead of the 13:00 deadline; production releases at
    // 07:50 on the day, after both vials were filled.
    day.at('12:00:00', '2027-04-13');
    orderId = await day.shopOrders(600);
    await day.accept([orderId]);
    day.at('07:50:00');
    const vialIds = [await day.vial(650, '07:25:00'), await day.vial(300, '07:35:00')];
    await day.release([orderId], vialIds);
  });

  afterAll(async () => {
    await api?.close();
  });

  it('[URS-PRD-001][URS-PRD-007] the production card', async () => {
    const [card, ...others] = await day.productionCards();
    expect(others).toEqual([]);
    expect(card?.releaseId).toBe(orderId);
    expect(card?.summary.deliveredActivity).toBeCloseTo(DELIVERED, 1);
    expect(Math.floor(card?.summary.deliveredActivity ?? 0)).toBe(777);
  });

  it('[URS-PRD-007] the shop card', async () => {
    const [card, ...others] = await day.shopCards();
    expect(others).toEqual([]);
    expect(card?.released?.vialCount).toBe(2);
    expect(card?.released?.deliveredActivity).toBeCloseTo(DELIVERED, 1);
    expect(Math.floor(card?.released?.deliveredActivity ?? 0)).toBe(777);
  });

  it('[URS-PRD-001][URS-PRD-007] the release certificate: each vial and the total at 08:00', async () => {
    const document = await fetchDocument(api, day.shop, day.certificatePath(orderId));
    expect(document.status).toBe(200);
    const text = await pdfText(document.body);
    expect(text).toContain('Aktivitet kl. 08:00');
    expect(text).toContain('650 MBq 521 MBq');
    expect(text).toContain('300 MBq 256 MBq');
    expect(text).toContain(
      'I alt bestilt: 600 MBq – i alt leveret kl. 08:00: 777 MBq (2 hætteglas)',
    );
    expect(text).not.toContain('950 MBq');
  });

  it('[URS-PRD-007] the monthly Excel export', async () => {
    const prodAdmin = await api.loginAs('prod-admin');
    const document = await fetchDocument(api, prodAdmin, '/documents/monthly-export/2027-04.xlsx');
    expect(document.status).toBe(200);
    const row = (await sheetRows(document.body, 'RH KF')).find(
      (cells) => cells[0] === `A-${orderId}`,
    );
    expect(row?.[7]).toBeCloseTo(DELIVERED, 1);
    expect(Math.floor(Number(row?.[7]))).toBe(777);
  });
});
