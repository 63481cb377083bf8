/**
 * `orders.isotopeDay` over the real server: one isotope's delivery cards and runs, the same
 * as the production page's isotope part for that isotope; delivered vials count whatever day
 * they were calibrated on; unknown isotopes and malformed input refused.
 */
import { OrderStatus, addDays, lotDateCode, summarizeIsotopeDelivery } from '@tracershop/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { reasonOf } from './reasons';
import { ReleaseFixtures } from './releaseFixtures';
import type { TestApi } from './testApi';
import { TEST_DIALECTS, startTestApi } from './testApi';
import type { TestClient } from './testClient';

/** Malformed input as the client would send it. */
function raw(value: unknown): never {
  return value as never;
}

describe.each(TEST_DIALECTS)('orders.isotopeDay (%s)', (dialect) => {
  let api: TestApi;
  let fixtures: ReleaseFixtures;
  let prodUser: TestClient;
  let copper: { deliveryId: number; isotopeId: number };

  beforeAll(async () => {
    api = await startTestApi({ dialect });
    fixtures = new ReleaseFixtures(api);
    prodUser = await api.loginAs('prod-user');
    copper = await fixtures.copperDelivery();
  });

  afterAll(async () => {
    await api?.close();
  });

  it("[URS-PRD-011] shows one isotope's cards and runs, as the production page does", async () => {
    const fdg = await api.db.models.Tracer.findOne({ where: { shortname: 'FDG' } });
    let daysWithRuns = 0;
    for (let offset = 0; offset < 14; offset += 1) {
      const date = addDays(api.today, offset);
      const day = await prodUser.trpc.orders.isotopeDay.query({
        date,
        isotopeId: copper.isotopeId,
      });
      expect(day.isotope).toMatchObject({ id: copper.isotopeId, name: 'Cu-64' });
      expect(day.deliveries.every((card) => card.isotope.id === copper.isotopeId)).toBe(true);
      expect(day.runs.every((run) => run.isotopeId === copper.isotopeId)).toBe(true);
      for (const run of day.runs) {
        const ordered = day.deliveries
          .filter((card) => card.production.id === run.productionId)
          .reduce((sum, card) => sum + card.summary.orderedActivity, 0);
        expect(run.orderedActivity).toBe(ordered);
      }
      daysWithRuns += day.runs.length > 0 ? 1 : 0;

      const page = await prodUser.trpc.orders.productionDay.query({ date, tracerId: fdg?.id ?? 0 });
      expect(day.deliveries).toEqual(
        page.isotopes.deliveries.filter((card) => card.isotope.id === copper.isotopeId),
      );
      expect(new Set(day.runs)).toEqual(
        new Set(page.isotopes.runs.filter((run) => run.isotopeId === copper.isotopeId)),
      );
    }
    expect(daysWithRuns).toBeGreaterThan(0);
  });

  it('[URS-PRD-001][URS-PRD-011] counts a delivered vial calibrated on the previous day', async () => {
    const date = fixtures.freshDate();
    const [first, second] = await fixtures.isotopeOrders(date, 2, OrderStatus.Released);
    if (first === undefined || second === undefined) {
      throw new Error('no orders');
    }
    const { models } = api.db;
    const vial = (batch: string, calibratedAt: string, deliveredWithId: number | null) =>
      models.IsotopeVial.create({
        isotopeId: copper.isotopeId,
        batchNumber: batch,
        calibratedAt: new Date(calibratedAt),
        activity: 2500,
        volume: 1.5,
        deliveredWithId,
      });
    const yesterday = addDays(date, -1);
    const early = await vial(
      `CU64-${lotDateCode(yesterday)}-9`,
      `${yesterday}T20:00:00Z`,
      first.id,
    );
    const sameDay = await vial(`CU64-${lotDateCode(date)}-9`, `${date}T06:00:00Z`, second.id);
    await vial(`CU64-${lotDateCode(date)}-8`, `${date}T06:30:00Z`, null);

    const day = await prodUser.trpc.orders.isotopeDay.query({
      date,
      isotopeId: copper.isotopeId,
    });
    const card = day.deliveries.find((candidate) => candidate.delivery.id === copper.deliveryId);
    expect(card?.orders.map((order) => order.id)).toEqual([first.id, second.id]);
    expect(card?.vials.map((row) => row.id)).toEqual([early.id, sameDay.id]);
    expect(card?.summary.status).toBe(OrderStatus.Released);
    expect(card?.summary.orderedActivity).toBe(first.orderedActivity + second.orderedActivity);

    const sameDayOnly = summarizeIsotopeDelivery({
      delivery: { id: copper.deliveryId, deliveryTime: card?.delivery.deliveryTime ?? '' },
      date,
      orders: [first, second].map((order) => ({
        id: order.id,
        isotopeDeliveryId: order.isotopeDeliveryId,
        deliveryDate: order.deliveryDate,
        orderedActivity: order.orderedActivity,
        status: order.status,
      })),
      vials: [
        {
          id: sameDay.id,
          calibratedAt: sameDay.calibratedAt.toISOString(),
          activity: sameDay.activity,
          deliveredWithId: sameDay.deliveredWithId,
        },
      ],
      halflifeSeconds: day.isotope.halflifeSeconds,
      timeZone: 'Europe/Copenhagen',
    });
    expect(card?.summary.deliveredActivity).toBeGreaterThan(sameDayOnly.deliveredActivity);
  });

  it('refuses an unknown isotope and malformed input', async () => {
    expect(
      await reasonOf(
        prodUser.trpc.orders.isotopeDay.query({ date: api.today, isotopeId: 999_999 }),
      ),
    ).toBe('NOT_FOUND');
    expect(
      await reasonOf(
        prodUser.trpc.orders.isotopeDay.query(raw({ date: '2026-13-01', isotopeId: 1 })),
      ),
    ).toBe('INVALID_INPUT');
    expect(
      await reasonOf(
        prodUser.trpc.orders.isotopeDay.query(raw({ date: api.today, isotopeId: 1, tracerId: 1 })),
      ),
    ).toBe('INVALID_INPUT');
  });
});
