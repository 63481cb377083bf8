/**
 * Plausibility limits through the real api: production sets a tracer's limits in set-up
 * (audited); the shop's creates and edits above them are refused in words naming the limit,
 * and the shop cannot override; production's are refused too, unless it states a reason,
 * which the audit trail keeps next to the order.
 */
import { TracerUsage } from '@tracershop/core';
import { TRPCClientError } from '@trpc/client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DemoIds } from './orderFixtures';
import { demoIds, refusalOf } from './orderFixtures';
import type { TestApi } from './testApi';
import { TEST_DIALECTS, startTestApi } from './testApi';
import type { TestClient } from './testClient';

/** A Tuesday the seed leaves empty, still open for ordering on the test clock. */
const TUESDAY = '2026-12-01';

/** The refusal's message with its no-break spaces as plain spaces. */
async function messageOf(call: Promise<unknown>): Promise<string> {
  try {
    await call;
  } catch (error) {
    if (error instanceof TRPCClientError) {
      return error.message.replaceAll('\u00a0', ' ');
    }
    throw error;
  }
  return 'no error';
}

describe.each(TEST_DIALECTS)('plausibility limits (%s)', (dialect) => {
  let api: TestApi;
  let ids: DemoIds;
  let shop: TestClient;
  let production: TestClient;
  let slotId: number;

  const auditRows = (action: string, entityId: number) =>
    api.db.models.AuditEvent.findAll({ where: { action, entityId } });

  beforeAll(async () => {
    api = await startTestApi({ dialect });
    ids = await demoIds(api);
    slotId = ids.slot('PET1', 'FDG', 1, '08:00:00');
    shop = await api.loginAs('shop-user');
    production = await api.loginAs('prod-admin');
  });

  afterAll(async () => {
    await api?.close();
  });

  it('[URS-ORD-010] starts every tracer with the defaults and lets production set its own, audited', async () => {
    const fdg = await api.db.models.Tracer.findByPk(ids.tracer('FDG'));
    expect(fdg?.maxActivityPerOrder).toBe(50_000);
    expect(fdg?.maxActivityPerDelivery).toBe(100_000);
    expect(fdg?.maxInjectionsPerOrder).toBe(20);
    expect(
      (
        await refusalOf(
          shop.trpc.setup.tracers.edit.mutate({ id: ids.tracer('FDG'), maxActivityPerOrder: 1 }),
        )
      ).reason,
    ).toBe('FORBIDDEN_ROLE');
    const edited = await production.trpc.setup.tracers.edit.mutate({
      id: ids.tracer('FDG'),
      maxActivityPerOrder: 2_000,
      maxActivityPerDelivery: 3_000,
    });
    expect(edited).toMatchObject({ maxActivityPerOrder: 2_000, maxActivityPerDelivery: 3_000 });
    const [audit] = await auditRows('tracer.edit', ids.tracer('FDG'));
    expect(JSON.parse(audit?.before ?? '{}')).toMatchObject({ maxActivityPerOrder: 50_000 });
    expect(JSON.parse(audit?.after ?? '{}')).toMatchObject({ maxActivityPerOrder: 2_000 });
  });

  it('[URS-ORD-006] refuses the shop an order above the order limit, in words naming the limit', async () => {
    const before = await api.db.models.ActivityOrder.count();
    expect(
      await messageOf(
        shop.trpc.orders.activity.create.mutate({
          orderedTimeSlotId: slotId,
          deliveryDate: TUESDAY,
          orderedActivity: 999_999_999,
        }),
      ),
    ).toBe('FDG kan højst bestilles med 2 000 MBq pr. ordre; ordren er på 999 999 999 MBq.');
    expect(await api.db.models.ActivityOrder.count()).toBe(before);
  });

  it('[URS-ORD-007] counts the delivery’s other orders against the delivery limit, at the limit allowed', async () => {
    const first = await shop.trpc.orders.activity.create.mutate({
      orderedTimeSlotId: slotId,
      deliveryDate: TUESDAY,
      orderedActivity: 2_000,
    });
    const second = await shop.trpc.orders.activity.create.mutate({
      orderedTimeSlotId: slotId,
      deliveryDate: TUESDAY,
      orderedActivity: 1_000,
    });
    const third = refusalOf(
      shop.trpc.orders.activity.create.mutate({
        orderedTimeSlotId: slotId,
        deliveryDate: TUESDAY,
        orderedActivity: 1,
      }),
    );
    expect(await third).toMatchObject({
      reason: 'LIMIT_ACTIVITY_PER_DELIVERY',
      params: { tracer: 'FDG', max: '3\u00a0000\u00a0MBq', value: '3\u00a0001\u00a0MBq' },
    });
    // An edit counts the other orders but not the order's own old figure.
    expect(
      (
        await refusalOf(
          shop.trpc.orders.activity.edit.mutate({ id: second.id, orderedActivity: 1_001 }),
        )
      ).reason,
    ).toBe('LIMIT_ACTIVITY_PER_DELIVERY');
    await shop.trpc.orders.activity.edit.mutate({ id: second.id, orderedActivity: 900 });
    // A comment alone is no figure: allowed on an order whose figure is at the limit.
    await shop.trpc.orders.activity.edit.mutate({ id: first.id, comment: 'Til kl. 8' });
  });

  it('[URS-ORD-009] never lets the shop override a limit', async () => {
    expect(
      (
        await refusalOf(
          shop.trpc.orders.activity.create.mutate({
            orderedTimeSlotId: slotId,
            deliveryDate: TUESDAY,
            orderedActivity: 5_000,
            // @ts-expect-error the shop's input has no override
            limitOverride: { reason: 'Vi har travlt' },
          }),
        )
      ).reason,
    ).toBe('INVALID_INPUT');
  });

  it('[URS-ORD-009] refuses production too, unless it states a reason, which is audited', async () => {
    const order = {
      orderedTimeSlotId: ids.slot('PET1', 'FDG', 1, '09:30:00'),
      deliveryDate: TUESDAY,
      orderedActivity: 2_500,
    };
    expect(
      (await refusalOf(production.trpc.orders.activity.createForCustomer.mutate(order))).reason,
    ).toBe('LIMIT_ACTIVITY_PER_ORDER');
    const created = await production.trpc.orders.activity.createForCustomer.mutate({
      ...order,
      limitOverride: { reason: 'To scannere i drift i dag' },
    });
    const [override] = await auditRows('activityOrder.limitOverride', created.id);
    expect(override?.actorName).toBe('Demo Production Admin');
    expect(JSON.parse(override?.after ?? '{}')).toEqual({
      reason: 'To scannere i drift i dag',
      breaches: [{ limit: 'activityPerOrder', max: 2_000, value: 2_500 }],
    });

    expect(
      (
        await refusalOf(
          production.trpc.orders.activity.editDose.mutate({
            id: created.id,
            orderedActivity: 2_600,
          }),
        )
      ).reason,
    ).toBe('LIMIT_ACTIVITY_PER_ORDER');
    await production.trpc.orders.activity.editDose.mutate({
      id: created.id,
      orderedActivity: 2_600,
      limitOverride: { reason: 'Ekstra patient' },
      reason: 'Kunden ringede',
    });
    expect(await auditRows('activityOrder.limitOverride', created.id)).toHaveLength(2);
  });

  it('[URS-ORD-008] limits the injections of an injection order', async () => {
    const order = {
      endpointId: ids.endpoint('PET1'),
      tracerId: ids.tracer('Ga-PSMA'),
      deliveryDate: TUESDAY,
      deliveryTime: '10:45:00',
      injections: 21,
      tracerUsage: TracerUsage.Human,
    };
    expect(await messageOf(shop.trpc.orders.injection.create.mutate(order))).toBe(
      'Ga-PSMA kan højst bestilles med 20 injektioner pr. ordre; ordren er på 21.',
    );
    const ordered = await shop.trpc.orders.injection.create.mutate({ ...order, injections: 20 });
    expect(
      (await refusalOf(shop.trpc.orders.injection.edit.mutate({ id: ordered.id, injections: 21 })))
        .reason,
    ).toBe('LIMIT_INJECTIONS_PER_ORDER');
    const overridden = await production.trpc.orders.injection.createForCustomer.mutate({
      ...order,
      limitOverride: { reason: 'Forsøgsdag' },
    });
    expect(await auditRows('injectionOrder.limitOverride', overridden.id)).toHaveLength(1);
  });
});
