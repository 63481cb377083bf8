/**
 * `monitoring.punctuality`: a month's accepted and released orders of one activity tracer
 * (judged at their active slot's time) or of all injection orders, counted by core's
 * punctuality rule (the user guides in docs/). March 2026 is far from the
 * seed's orders and holds the spring-forward day.
 */
import { OrderStatus } from '@tracershop/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { reasonOf } from './reasons';
import { ReleaseFixtures } from './releaseFixtures';
import type { TestApi } from './testApi';
import { TEST_DIALECTS, startTestApi } from './testApi';
import type { TestClient } from './testClient';

describe.each(TEST_DIALECTS)('monitoring.punctuality (%s)', (dialect) => {
  let api: TestApi;
  let fixtures: ReleaseFixtures;
  let prodAdmin: TestClient;
  let fdgId: number;

  beforeAll(async () => {
    api = await startTestApi({ dialect });
    fixtures = new ReleaseFixtures(api);
    prodAdmin = await api.loginAs('prod-admin');
    fdgId = (await fixtures.tracer('FDG')).id;
  });

  afterAll(async () => {
    await api?.close();
  });

  /** A seeded delivery slot of PET1 for `tracer` at `deliveryTime`. */
  async function slotAt(tracer: string, deliveryTime: string): Promise<{ slotId: number }> {
    const { models } = api.db;
    const { id: tracerId } = await fixtures.tracer(tracer);
    const productions = await models.ActivityProduction.findAll({ where: { tracerId } });
    const slot = await models.ActivityDeliveryTimeSlot.findOne({
      where: {
        endpointId: await fixtures.endpointId('PET1'),
        productionId: productions.map((production) => production.id),
        deliveryTime,
      },
    });
    if (slot === null) {
      throw new Error(`no ${tracer} slot at ${deliveryTime}`);
    }
    return { slotId: slot.id };
  }

  /** One activity order on `date` in `slot`, with its status and release instant. */
  async function activityOrder(
    slot: { slotId: number },
    date: string,
    status: OrderStatus,
    freedAt: string | null = null,
    movedToTimeSlotId: number | null = null,
  ): Promise<void> {
    const [order] = await fixtures.activityOrders(
      { slotId: slot.slotId, endpointId: 0, customerId: 0, tracerId: 0, vialTag: '' },
      date,
      1,
      status,
    );
    await order?.update({
      freedAt: freedAt === null ? null : new Date(freedAt),
      movedToTimeSlotId,
    });
  }

  async function injectionOrder(
    date: string,
    deliveryTime: string,
    status: OrderStatus,
    freedAt: string | null = null,
  ): Promise<void> {
    const order = await fixtures.injectionOrder('PET1', 'Ga-PSMA', date, status);
    await order.update({ deliveryTime, freedAt: freedAt === null ? null : new Date(freedAt) });
  }

  it('[URS-PRD-013] counts an activity tracer’s orders at their active (moved-to) slot time', async () => {
    const eight = await slotAt('FDG', '08:00:00');
    const halfPastNine = await slotAt('FDG', '09:30:00');
    const fet = await slotAt('FET', '09:00:00');
    // March 10th is winter time (UTC+1).
    await activityOrder(halfPastNine, '2026-03-10', OrderStatus.Released, '2026-03-10T08:00:00Z');
    // Moved to 08:00 and released 08:10: late against the slot it is delivered from.
    await activityOrder(
      halfPastNine,
      '2026-03-10',
      OrderStatus.Released,
      '2026-03-10T07:10:00Z',
      eight.slotId,
    );
    await activityOrder(halfPastNine, '2026-03-10', OrderStatus.Released, '2026-03-10T09:30:00Z');
    await activityOrder(eight, '2026-03-11', OrderStatus.Accepted);
    // Not counted: ordered, rejected, another tracer, another month.
    await activityOrder(eight, '2026-03-12', OrderStatus.Ordered);
    await activityOrder(eight, '2026-03-12', OrderStatus.Rejected);
    await activityOrder(fet, '2026-03-12', OrderStatus.Released, '2026-03-12T15:00:00Z');
    await activityOrder(eight, '2026-04-01', OrderStatus.Accepted);

    const report = await prodAdmin.trpc.monitoring.punctuality.query({
      month: '2026-03',
      product: { kind: 'tracer', tracerId: fdgId },
    });
    expect(report).toEqual({
      month: '2026-03',
      fromDate: '2026-03-01',
      toDate: '2026-03-31',
      counts: { total: 4, onTime: 1, late30: 1, lateMore: 1, notReleased: 1 },
    });
  });

  it('[URS-PRD-013] counts every injection order of the month at its delivery time (12:30 examples)', async () => {
    // March 31st is summer time (UTC+2): 12:00 local = 10:00Z.
    await injectionOrder('2026-03-31', '12:30:00', OrderStatus.Released, '2026-03-31T10:00:00Z');
    await injectionOrder('2026-03-31', '12:30:00', OrderStatus.Released, '2026-03-31T10:35:00Z');
    await injectionOrder('2026-03-31', '12:30:00', OrderStatus.Released, '2026-03-31T11:00:00Z');
    await injectionOrder('2026-03-31', '12:30:00', OrderStatus.Released, '2026-03-31T11:00:01Z');
    // The spring-forward day: 03:10 CEST is 01:10Z, so 00:50Z (01:50 CET) is early.
    await injectionOrder('2026-03-29', '03:10:00', OrderStatus.Released, '2026-03-29T00:50:00Z');
    await injectionOrder('2026-03-30', '12:30:00', OrderStatus.Accepted);
    await injectionOrder('2026-03-30', '12:30:00', OrderStatus.Ordered);

    const report = await prodAdmin.trpc.monitoring.punctuality.query({
      month: '2026-03',
      product: { kind: 'injection' },
    });
    expect(report.counts).toEqual({
      total: 6,
      onTime: 2,
      late30: 2,
      lateMore: 1,
      notReleased: 1,
    });
  });

  it('[URS-PRD-013] counts an accepted order as not released only once its date has passed', async () => {
    const eight = await slotAt('FDG', '08:00:00');
    const month = api.today.slice(0, 7);
    const before = await prodAdmin.trpc.monitoring.punctuality.query({
      month,
      product: { kind: 'tracer', tracerId: fdgId },
    });
    await activityOrder(eight, api.today, OrderStatus.Accepted);
    const after = await prodAdmin.trpc.monitoring.punctuality.query({
      month,
      product: { kind: 'tracer', tracerId: fdgId },
    });
    expect(after.counts).toEqual(before.counts);
  });

  it('refuses other roles, bad months and unknown tracers', async () => {
    const prodUser = await api.loginAs('prod-user');
    const input = { month: '2026-03', product: { kind: 'injection' as const } };
    expect(await reasonOf(prodUser.trpc.monitoring.punctuality.query(input))).toBe(
      'FORBIDDEN_ROLE',
    );
    for (const month of ['2026-13', '2026-3', '03-2026', '']) {
      expect(await reasonOf(prodAdmin.trpc.monitoring.punctuality.query({ ...input, month }))).toBe(
        'INVALID_INPUT',
      );
    }
    expect(
      await reasonOf(
        prodAdmin.trpc.monitoring.punctuality.query({
          month: '2026-03',
          product: { kind: 'tracer', tracerId: 99_999 },
        }),
      ),
    ).toBe('NOT_FOUND');
  });
});
