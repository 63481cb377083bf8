/**
 * The demo site a new installation starts with, through the real api at the seed moment
 * (Monday 2026-11-23, 06:00 in Copenhagen): nothing released or filled after that moment, every
 * vial filled before its release, the next working day open for the shop's orders, and an
 * audit trail that verifies and names the seed's every record and release.
 */
import {
  OrderStatus,
  TracerUsage,
  instantOfLocalDateTime,
  localDateTimeOf,
} from '@tracershop/core';
import { SEED_ACTOR, runCommand } from '@tracershop/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoIds } from './orderFixtures';
import type { DemoIds } from './orderFixtures';
import type { TestApi } from './testApi';
import { TEST_DIALECTS, startTestApi } from './testApi';
import type { TestClient } from './testClient';

/** The working day after the seed's Monday. */
const NEXT_WORKING_DAY = '2026-11-24';

describe.each(TEST_DIALECTS)('the demo seed (%s)', (dialect) => {
  let api: TestApi;
  let ids: DemoIds;
  let shop: TestClient;

  beforeAll(async () => {
    api = await startTestApi({ dialect });
    ids = await demoIds(api);
    shop = await api.loginAs('shop-user');
  });

  afterAll(async () => {
    await api?.close();
  });

  it('[URS-DAT-005] releases nothing after the seed moment, and fills every vial before its release', async () => {
    const now = api.clock.now().getTime();
    const { models } = api.db;
    const released = [
      ...(await models.ActivityOrder.findAll({ where: { status: OrderStatus.Released } })),
      ...(await models.InjectionOrder.findAll({ where: { status: OrderStatus.Released } })),
      ...(await models.IsotopeOrder.findAll({ where: { status: OrderStatus.Released } })),
    ];
    expect(released.length).toBeGreaterThan(10);
    expect(released.filter((order) => (order.freedAt?.getTime() ?? Infinity) > now)).toEqual([]);
    expect(released.filter((order) => order.deliveryDate >= api.today)).toEqual([]);

    const freedAt = new Map(
      (await models.ActivityOrder.findAll()).map((order) => [order.id, order.freedAt]),
    );
    const vials = await models.Vial.findAll();
    expect(vials.length).toBeGreaterThan(10);
    for (const vial of vials) {
      const filled = instantOfLocalDateTime(
        localDateTimeOf(vial.fillDate, vial.fillTime),
      ).epochMilliseconds;
      expect(filled).toBeLessThanOrEqual(now);
      if (vial.assignedToId !== null) {
        expect(filled).toBeLessThan(freedAt.get(vial.assignedToId)?.getTime() ?? -Infinity);
      }
    }
  });

  it('leaves the next working day open: the shop places an injection and an activity order', async () => {
    const day = await shop.trpc.orders.shopDay.query({
      endpointId: ids.endpoint('PET1'),
      date: NEXT_WORKING_DAY,
    });
    expect(day.ordering.injection).toMatchObject({ closed: false, mayOrder: true });
    expect(day.ordering.activity).toMatchObject({ closed: false, mayOrder: true });

    const injection = await shop.trpc.orders.injection.create.mutate({
      endpointId: ids.endpoint('PET1'),
      tracerId: ids.tracer('Ga-PSMA'),
      deliveryDate: NEXT_WORKING_DAY,
      deliveryTime: '12:00:00',
      injections: 2,
      tracerUsage: TracerUsage.Human,
    });
    expect(injection).toMatchObject({
      status: OrderStatus.Ordered,
      orderedByName: 'Demo Shop User',
    });
    const activity = await shop.trpc.orders.activity.create.mutate({
      orderedTimeSlotId: ids.slot('PET1', 'FDG', 1, '12:00:00'),
      deliveryDate: NEXT_WORKING_DAY,
      orderedActivity: 400,
    });
    expect(activity.status).toBe(OrderStatus.Ordered);
  });

  it('[URS-DAT-005] starts an audit trail that verifies and names every seeded record and release', async () => {
    const siteAdmin = await api.loginAs('site-admin');
    const report = await siteAdmin.trpc.admin.verifyAuditChain.query();
    expect(report).toMatchObject({ ok: true, firstBroken: null });

    const { models } = api.db;
    const creates = await siteAdmin.trpc.admin.auditTrail.query({
      entity: 'ActivityOrder',
      action: 'activityOrder.create',
      pageSize: 1,
    });
    // Every seeded order's creation, and the shop's order of the test before.
    expect(creates.total).toBe(await models.ActivityOrder.count());
    const releases = await siteAdmin.trpc.admin.auditTrail.query({
      entity: 'ActivityOrder',
      action: 'activityOrder.release',
    });
    expect(releases.total).toBe(
      await models.ActivityOrder.count({ where: { status: OrderStatus.Released } }),
    );
    const [latest] = releases.rows;
    expect(latest?.actorName).toBe(SEED_ACTOR);
    expect(latest?.after).toMatchObject({
      meaning: 'released',
      signedBy: { name: expect.stringMatching(/^Demo Production (User|Admin)$/) as unknown },
      vials: [{ lotNumber: expect.stringMatching(/^[A-Z]+-\d{6}-\d$/) as unknown }],
    });

    // `tracershop audit verify` on the same databases.
    const lines: string[] = [];
    const code = await runCommand(
      ['audit', 'verify'],
      {},
      { out: (line) => lines.push(line), error: (line) => lines.push(line) },
      api.databaseOptions,
    );
    expect(code).toBe(0);
    expect(lines.join('\n')).toMatch(/Audit trail intact/);
  });
});
