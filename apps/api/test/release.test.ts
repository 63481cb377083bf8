/**
 * Releases and corrections as electronic signatures (docs/domain.md): the logged-in user's own
 * password, an unexpired release right, all-or-nothing writes, a signature manifest in the
 * audit trail, and live events that tell the customer who released.
 */
import { OrderStatus, UserGroup, UserSource, addDays, lotDateCode } from '@tracershop/core';
import { hashPassword, verifyAuditChain } from '@tracershop/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { refusalOf } from './orderFixtures';
import { reasonOf } from './reasons';
import type { SlotInfo } from './releaseFixtures';
import { collectEvents, eventually, upsertedRows } from './liveClient';
import { ReleaseFixtures } from './releaseFixtures';
import type { TestApi } from './testApi';
import { DEMO_PASSWORD, TEST_DIALECTS, startTestApi } from './testApi';
import type { TestClient } from './testClient';

interface OrderRow {
  id: number;
  status: number;
  freedByName: string | null;
}

describe.each(TEST_DIALECTS)('release and correction (%s)', (dialect) => {
  let api: TestApi;
  let fixtures: ReleaseFixtures;
  let prodUser: TestClient;
  let prodUserId: number;
  let fdgPet1: SlotInfo;

  const models = () => api.db.models;

  async function statusesOf(ids: number[]): Promise<number[]> {
    const orders = await models().ActivityOrder.findAll({
      where: { id: ids },
      order: [['id', 'ASC']],
    });
    return orders.map((order) => order.status);
  }

  async function assignmentsOf(ids: number[]): Promise<(number | null)[]> {
    const vials = await models().Vial.findAll({ where: { id: ids }, order: [['id', 'ASC']] });
    return vials.map((vial) => vial.assignedToId);
  }

  beforeAll(async () => {
    api = await startTestApi({ dialect });
    fixtures = new ReleaseFixtures(api);
    prodUser = await api.loginAs('prod-user');
    prodUserId = await fixtures.userId('prod-user');
    fdgPet1 = await fixtures.slot('PET1', 'FDG');
  });

  afterAll(async () => {
    await api?.close();
  });

  it('[URS-REL-001][URS-REL-011] releases a delivery: signer on the orders, vials on the pivot, manifest, event', async () => {
    const date = fixtures.freshDate();
    const orders = await fixtures.activityOrders(fdgPet1, date, 2);
    const vials = await fixtures.deliveringVials(fdgPet1, date, orders);
    const [first, second] = orders.map((order) => order.id) as [number, number];
    const shop = collectEvents(await api.loginAs('shop-user'));
    const external = collectEvents(await api.loginAs('external'));
    await Promise.all([shop.started, external.started]);

    // The second order is named first: the pivot is the first order named.
    const result = await prodUser.trpc.release.activity.mutate({
      slotId: fdgPet1.slotId,
      deliveryDate: date,
      orderIds: [second, first],
      vialIds: vials.map((vial) => vial.id),
      password: DEMO_PASSWORD,
    });

    const now = api.clock.now().toISOString();
    expect(result.manifest).toEqual({
      signedBy: { id: prodUserId, name: 'Demo Production User' },
      signedAt: now,
      meaning: 'released',
      slotId: fdgPet1.slotId,
      deliveryDate: date,
      orderIds: [second, first],
      pivotOrderId: second,
      vials: vials.map((vial) => ({ id: vial.id, lotNumber: vial.lotNumber })),
      // Delivered what was required (ordered × overhead) at the 08:00 delivery.
      dispensing: {
        referenceTime: `${date} 08:00:00`,
        required: expect.closeTo(result.manifest.dispensing.delivered, 6) as number,
        delivered: expect.any(Number) as number,
        deviation: null,
      },
    });
    const stored = await models().ActivityOrder.findAll({ where: { id: [first, second] } });
    for (const order of stored) {
      expect(order.status).toBe(OrderStatus.Released);
      expect(order.freedById).toBe(prodUserId);
      expect(order.freedByName).toBe('Demo Production User');
      expect(order.freedAt?.toISOString()).toBe(now);
    }
    expect(await assignmentsOf(vials.map((vial) => vial.id))).toEqual([second, second]);

    const audit = await models().AuditEvent.findOne({
      where: { action: 'activityOrder.release', entityId: second },
    });
    expect(audit?.actorId).toBe(prodUserId);
    expect(JSON.parse(audit?.after ?? 'null')).toEqual(result.manifest);
    const before = JSON.parse(audit?.before ?? 'null') as { orders: OrderRow[] };
    expect(before.orders.map((order) => order.status)).toEqual([2, 2]);

    await eventually(() =>
      upsertedRows<OrderRow>(shop.events, 'ActivityOrder').some((row) => row.id === first),
    );
    const seen = upsertedRows<OrderRow>(shop.events, 'ActivityOrder').filter((row) =>
      [first, second].includes(row.id),
    );
    expect(seen.every((row) => row.status === OrderStatus.Released)).toBe(true);
    expect(seen.every((row) => row.freedByName === 'Demo Production User')).toBe(true);
    expect(upsertedRows<{ id: number }>(shop.events, 'Vial').map((row) => row.id)).toEqual(
      expect.arrayContaining(vials.map((vial) => vial.id)),
    );
    expect(
      upsertedRows<OrderRow>(external.events, 'ActivityOrder').some((row) =>
        [first, second].includes(row.id),
      ),
    ).toBe(false);
    shop.stop();
    external.stop();
  });

  it('[URS-REL-002] refuses a wrong password: nothing changes and the refusal is audited', async () => {
    const date = fixtures.freshDate();
    const orders = await fixtures.activityOrders(fdgPet1, date, 1);
    const vials = await fixtures.vials(fdgPet1, date, 1);
    const orderIds = orders.map((order) => order.id);
    expect(
      await reasonOf(
        prodUser.trpc.release.activity.mutate({
          slotId: fdgPet1.slotId,
          deliveryDate: date,
          orderIds,
          vialIds: vials.map((vial) => vial.id),
          password: 'not-my-password',
        }),
      ),
    ).toBe('INVALID_SIGNATURE');
    expect(await statusesOf(orderIds)).toEqual([OrderStatus.Accepted]);
    expect(await assignmentsOf(vials.map((vial) => vial.id))).toEqual([null]);
    const refused = await models().AuditEvent.findOne({
      where: { action: 'activityOrder.release.signatureRefused', entityId: orderIds[0] ?? 0 },
    });
    expect(refused?.actorId).toBe(prodUserId);
  });

  it("[URS-REL-003] refuses another user's valid password", async () => {
    await models().User.create({
      username: 'prod-other',
      displayName: 'Other Production User',
      userGroup: UserGroup.ProductionUser,
      active: true,
      passwordHash: await hashPassword('other-valid-password'),
      source: UserSource.Local,
    });
    const other = api.client();
    await other.trpc.auth.login.mutate({
      username: 'prod-other',
      password: 'other-valid-password',
    });

    const date = fixtures.freshDate();
    const orders = await fixtures.activityOrders(fdgPet1, date, 1);
    const vials = await fixtures.vials(fdgPet1, date, 1);
    expect(
      await reasonOf(
        prodUser.trpc.release.activity.mutate({
          slotId: fdgPet1.slotId,
          deliveryDate: date,
          orderIds: orders.map((order) => order.id),
          vialIds: vials.map((vial) => vial.id),
          password: 'other-valid-password',
        }),
      ),
    ).toBe('INVALID_SIGNATURE');
    expect(await statusesOf(orders.map((order) => order.id))).toEqual([OrderStatus.Accepted]);
  });

  it('[URS-REL-004] needs a release right for the tracer; an expired right does not count', async () => {
    const nafPet1 = await fixtures.slot('PET1', 'NaF');
    const date = fixtures.freshDate();
    const orders = await fixtures.activityOrders(nafPet1, date, 1);
    const vials = await fixtures.deliveringVials(nafPet1, date, orders);
    const release = () =>
      prodUser.trpc.release.activity.mutate({
        slotId: nafPet1.slotId,
        deliveryDate: date,
        orderIds: orders.map((order) => order.id),
        vialIds: vials.map((vial) => vial.id),
        password: DEMO_PASSWORD,
      });
    expect(await reasonOf(release())).toBe('RELEASE_RIGHT_MISSING');

    // A right ends at the start of its expiry date: expiring today is expired.
    const right = await models().ReleaseRight.create({
      userId: prodUserId,
      userName: 'Demo Production User',
      tracerId: nafPet1.tracerId,
      expiryDate: api.today,
    });
    expect(await reasonOf(release())).toBe('RELEASE_RIGHT_MISSING');
    expect(await statusesOf(orders.map((order) => order.id))).toEqual([OrderStatus.Accepted]);

    right.expiryDate = addDays(api.today, 1);
    await right.save();
    expect(await reasonOf(release())).toBe('no error');

    // The seed's FET right of prod-user expired a month ago.
    const fetPet1 = await fixtures.slot('PET1', 'FET');
    const fetDate = fixtures.freshDate();
    const fetOrders = await fixtures.activityOrders(fetPet1, fetDate, 1);
    const fetVials = await fixtures.deliveringVials(fetPet1, fetDate, fetOrders);
    expect(
      await reasonOf(
        prodUser.trpc.release.activity.mutate({
          slotId: fetPet1.slotId,
          deliveryDate: fetDate,
          orderIds: fetOrders.map((order) => order.id),
          vialIds: fetVials.map((vial) => vial.id),
          password: DEMO_PASSWORD,
        }),
      ),
    ).toBe('RELEASE_RIGHT_MISSING');

    // The site admin needs no right.
    const siteAdmin = await api.loginAs('site-admin');
    const adminResult = await siteAdmin.trpc.release.activity.mutate({
      slotId: fetPet1.slotId,
      deliveryDate: fetDate,
      orderIds: fetOrders.map((order) => order.id),
      vialIds: fetVials.map((vial) => vial.id),
      password: DEMO_PASSWORD,
    });
    expect(adminResult.manifest.signedBy.name).toBe('Demo Site Admin');
  });

  it('[URS-REL-006] refuses foreign or non-Accepted orders and unavailable vials, changing nothing', async () => {
    const date = fixtures.freshDate();
    const orders = await fixtures.activityOrders(fdgPet1, date, 1);
    const [order] = orders;
    const [vial] = await fixtures.deliveringVials(fdgPet1, date, orders);
    const [spare] = await fixtures.vials(fdgPet1, date, 1);
    const otherSlot = await fixtures.slot('PET2', 'FDG');
    const [foreign] = await fixtures.activityOrders(otherSlot, date, 1);
    const [ordered] = await fixtures.activityOrders(fdgPet1, date, 1, OrderStatus.Ordered);
    const [herlevVial] = await fixtures.vials(fdgPet1, date, 1, {
      customerId: await fixtures.customerId('Herlev NM'),
    });
    const [otherDayVial] = await fixtures.vials(fdgPet1, date, 1, {
      fillDate: addDays(date, -1),
    });
    if (!order || !vial || !spare || !foreign || !ordered || !herlevVial || !otherDayVial) {
      throw new Error('fixtures missing');
    }
    const attempt = (orderIds: number[], vialIds: number[]) =>
      reasonOf(
        prodUser.trpc.release.activity.mutate({
          slotId: fdgPet1.slotId,
          deliveryDate: date,
          orderIds,
          vialIds,
          password: DEMO_PASSWORD,
        }),
      );

    expect(await attempt([order.id, foreign.id], [vial.id])).toBe('ORDER_NOT_IN_DELIVERY');
    expect(await attempt([order.id, ordered.id], [vial.id])).toBe('INVALID_STATUS');
    expect(await attempt([order.id], [])).toBe('NO_VIALS');
    expect(await attempt([order.id], [vial.id, herlevVial.id])).toBe('VIAL_UNAVAILABLE');
    expect(await attempt([order.id], [vial.id, otherDayVial.id])).toBe('VIAL_UNAVAILABLE');
    expect(await attempt([order.id], [vial.id, 99_999_999])).toBe('NOT_FOUND');
    expect(await statusesOf([order.id, foreign.id])).toEqual([
      OrderStatus.Accepted,
      OrderStatus.Accepted,
    ]);
    expect(await assignmentsOf([vial.id, herlevVial.id])).toEqual([null, null]);

    // A vial assigned by an earlier release is not available to another.
    expect(await attempt([order.id], [vial.id])).toBe('no error');
    const [later] = await fixtures.activityOrders(fdgPet1, date, 1);
    expect(await attempt([later?.id ?? 0], [vial.id, spare.id])).toBe('VIAL_UNAVAILABLE');
    expect(await assignmentsOf([spare.id])).toEqual([null]);
    // Released already: strict, not silently skipped.
    expect(await attempt([order.id], [spare.id])).toBe('INVALID_STATUS');

    const shopAdmin = await api.loginAs('shop-admin');
    expect(
      await reasonOf(
        shopAdmin.trpc.release.activity.mutate({
          slotId: fdgPet1.slotId,
          deliveryDate: date,
          orderIds: [later?.id ?? 0],
          vialIds: [spare.id],
          password: DEMO_PASSWORD,
        }),
      ),
    ).toBe('FORBIDDEN_ROLE');
  });

  it('[URS-REL-007] refuses vials filled after the moment of release', async () => {
    // The clock stands at 06:00 on the seed's day; the delivery is at 08:00.
    const date = api.today;
    const orders = await fixtures.activityOrders(fdgPet1, date, 1);
    const [vial] = await fixtures.deliveringVials(fdgPet1, date, orders);
    await vial?.update({ fillTime: '07:10:00' });
    const refusal = await refusalOf(
      prodUser.trpc.release.activity.mutate({
        slotId: fdgPet1.slotId,
        deliveryDate: date,
        orderIds: orders.map((order) => order.id),
        vialIds: [vial?.id ?? 0],
        password: DEMO_PASSWORD,
      }),
    );
    expect(refusal).toMatchObject({
      reason: 'VIAL_FILLED_AFTER_RELEASE',
      params: { lots: vial?.lotNumber, releasedAt: '23/11/2026 06:00' },
    });
    expect(await statusesOf(orders.map((order) => order.id))).toEqual([OrderStatus.Accepted]);
  });

  it('[URS-REL-008] refuses a release more than the tracer’s lead time before the delivery', async () => {
    const date = api.today;
    const orders = await fixtures.activityOrders(fdgPet1, date, 1);
    const [vial] = await fixtures.deliveringVials(fdgPet1, date, orders);
    await vial?.update({ fillTime: '05:30:00' });
    // 06:00 is two hours before the 08:00 delivery: too early for a one-hour lead time.
    await models().Tracer.update({ releaseLeadHours: 1 }, { where: { id: fdgPet1.tracerId } });
    try {
      expect(
        await refusalOf(
          prodUser.trpc.release.activity.mutate({
            slotId: fdgPet1.slotId,
            deliveryDate: date,
            orderIds: orders.map((order) => order.id),
            vialIds: [vial?.id ?? 0],
            password: DEMO_PASSWORD,
          }),
        ),
      ).toMatchObject({
        reason: 'RELEASE_TOO_EARLY',
        params: { delivery: '23/11/2026 08:00', hours: '1' },
      });
    } finally {
      await models().Tracer.update({ releaseLeadHours: 12 }, { where: { id: fdgPet1.tracerId } });
    }
    // An injection order two days ahead.
    const injection = await fixtures.injectionOrder('PET1', 'Ga-PSMA', addDays(date, 2));
    expect(
      (
        await refusalOf(
          prodUser.trpc.release.injection.mutate({
            orderId: injection.id,
            lotNumber: `PSMA-${lotDateCode(addDays(date, 2))}-1`,
            maxInjectionVolume: 9,
            password: DEMO_PASSWORD,
          }),
        )
      ).reason,
    ).toBe('RELEASE_TOO_EARLY');
  });

  it('[URS-REL-009] needs a reason to release under-dispensed vials, and keeps it in the manifest', async () => {
    const date = fixtures.freshDate();
    const orders = await fixtures.activityOrders(fdgPet1, date, 2);
    const vials = await fixtures.deliveringVials(fdgPet1, date, orders);
    // Half of what the second order requires: the delivery is short by about a quarter.
    await vials[1]?.update({ activity: (vials[1]?.activity ?? 0) / 2 });
    const release = (deviationReason?: string) =>
      prodUser.trpc.release.activity.mutate({
        slotId: fdgPet1.slotId,
        deliveryDate: date,
        orderIds: orders.map((order) => order.id),
        vialIds: vials.map((vial) => vial.id),
        password: DEMO_PASSWORD,
        ...(deviationReason === undefined ? {} : { deviationReason }),
      });
    const refusal = await refusalOf(release());
    expect(refusal.reason).toBe('RELEASE_UNDER_DELIVERED');
    expect(refusal.params.deviation).toMatch(/^2\d,\d %$/);
    expect(await statusesOf(orders.map((order) => order.id))).toEqual([
      OrderStatus.Accepted,
      OrderStatus.Accepted,
    ]);

    const result = await release('Syntesen gav for lidt; afdelingen er orienteret');
    expect(result.manifest.dispensing.deviation).toMatchObject({
      kind: 'under',
      reason: 'Syntesen gav for lidt; afdelingen er orienteret',
    });
    expect(result.manifest.dispensing.deviation?.deviationPercent).toBeLessThan(-10);
    const audit = await models().AuditEvent.findOne({
      where: { action: 'activityOrder.release', entityId: orders[0]?.id ?? 0 },
    });
    expect(JSON.parse(audit?.after ?? '{}')).toMatchObject({
      dispensing: { deviation: { reason: 'Syntesen gav for lidt; afdelingen er orienteret' } },
    });
  });

  it('[URS-REL-012] releases one injection order with its lot and maximum volume', async () => {
    const date = fixtures.freshDate();
    const order = await fixtures.injectionOrder('PET1', 'Ga-PSMA', date);
    const lotNumber = `PSMA-${date.slice(2, 4)}${date.slice(5, 7)}${date.slice(8, 10)}-1`;
    expect(
      await reasonOf(
        prodUser.trpc.release.injection.mutate({
          orderId: order.id,
          lotNumber: 'PSMA-1-1',
          maxInjectionVolume: 8,
          password: DEMO_PASSWORD,
        }),
      ),
    ).toBe('INVALID_INPUT');
    const result = await prodUser.trpc.release.injection.mutate({
      orderId: order.id,
      lotNumber,
      maxInjectionVolume: 8,
      password: DEMO_PASSWORD,
    });
    expect(result.manifest).toMatchObject({ meaning: 'released', orderIds: [order.id], lotNumber });
    await order.reload();
    expect(order.status).toBe(OrderStatus.Released);
    expect(order.lotNumber).toBe(lotNumber);
    expect(order.maxInjectionVolume).toBe(8);
    expect(order.freedByName).toBe('Demo Production User');
    expect(
      await reasonOf(
        prodUser.trpc.release.injection.mutate({
          orderId: order.id,
          lotNumber,
          maxInjectionVolume: 8,
          password: DEMO_PASSWORD,
        }),
      ),
    ).toBe('INVALID_STATUS');
    const ordered = await fixtures.injectionOrder('PET1', 'Ga-PSMA', date, OrderStatus.Ordered);
    expect(
      await reasonOf(
        prodUser.trpc.release.injection.mutate({
          orderId: ordered.id,
          lotNumber,
          maxInjectionVolume: 8,
          password: DEMO_PASSWORD,
        }),
      ),
    ).toBe('INVALID_STATUS');
  });

  it('[URS-REL-012] releases several injection orders of one tracer under one lot, all or none', async () => {
    const date = fixtures.freshDate();
    const lotNumber = `PSMA-${date.slice(2, 4)}${date.slice(5, 7)}${date.slice(8, 10)}-2`;
    const psmaOne = await fixtures.injectionOrder('PET1', 'Ga-PSMA', date);
    const psmaTwo = await fixtures.injectionOrder('Herlev', 'Ga-PSMA', date);
    const dota = await fixtures.injectionOrder('PET1', 'Ga-DOTATOC', date);
    const ordered = await fixtures.injectionOrder('PET2', 'Ga-PSMA', date, OrderStatus.Ordered);
    const releaseMany = (orderIds: number[]) =>
      prodUser.trpc.release.injectionMany.mutate({
        orderIds,
        lotNumber,
        maxInjectionVolume: 10,
        password: DEMO_PASSWORD,
      });

    expect(await reasonOf(releaseMany([psmaOne.id, dota.id]))).toBe('INVALID_INPUT');
    expect(await reasonOf(releaseMany([psmaOne.id, ordered.id]))).toBe('INVALID_STATUS');
    await psmaOne.reload();
    expect(psmaOne.status).toBe(OrderStatus.Accepted);

    const result = await releaseMany([psmaOne.id, psmaTwo.id]);
    expect(result.orders.map((order) => order.status)).toEqual([3, 3]);
    expect(result.orders.every((order) => order.lotNumber === lotNumber)).toBe(true);
    const audit = await models().AuditEvent.findOne({
      where: { action: 'injectionOrder.releaseMany' },
      order: [['id', 'DESC']],
    });
    expect(JSON.parse(audit?.after ?? 'null')).toMatchObject({
      meaning: 'released',
      orderIds: [psmaOne.id, psmaTwo.id],
      lotNumber,
    });
  });

  it('[URS-REL-013] releases isotope orders strictly: every order Accepted, every vial undelivered', async () => {
    const date = fixtures.freshDate();
    const orders = await fixtures.isotopeOrders(date, 2);
    const [ordered] = await fixtures.isotopeOrders(date, 1, OrderStatus.Ordered);
    const vials = await fixtures.isotopeVials(date, 2);
    const [delivered] = await fixtures.isotopeVials(date, 1);
    const [stranger] = await fixtures.isotopeOrders(date, 1);
    if (!ordered || !delivered || !stranger) {
      throw new Error('fixtures missing');
    }
    delivered.deliveredWithId = stranger.id;
    await delivered.save();
    const orderIds = orders.map((order) => order.id);
    const vialIds = vials.map((vial) => vial.id);
    const release = (ids: number[], isotopeVialIds: number[]) =>
      prodUser.trpc.release.isotope.mutate({
        orderIds: ids,
        isotopeVialIds,
        password: DEMO_PASSWORD,
      });

    expect(await reasonOf(release([...orderIds, ordered.id], vialIds))).toBe('INVALID_STATUS');
    expect(await reasonOf(release(orderIds, [...vialIds, delivered.id]))).toBe('VIAL_UNAVAILABLE');
    const unchanged = await models().IsotopeVial.findAll({ where: { id: vialIds } });
    expect(unchanged.every((vial) => vial.deliveredWithId === null)).toBe(true);

    const result = await release(orderIds, vialIds);
    expect(result.manifest.pivotOrderId).toBe(orderIds[0]);
    expect(result.orders.every((order) => order.status === OrderStatus.Released)).toBe(true);
    expect(result.isotopeVials.every((vial) => vial.deliveredWithId === orderIds[0])).toBe(true);
  });

  it('[URS-REL-004][URS-REL-005] an isotope right granted in set-up lets a production user release the isotope', async () => {
    const prodAdmin = await api.loginAs('prod-admin');
    const { isotopeId } = await fixtures.copperDelivery();
    // The seed's Cu-64 right of prod-user goes first (revoked as the page does).
    const seeded = await models().ReleaseRight.findAll({
      where: { userId: prodUserId, isotopeId },
    });
    for (const right of seeded) {
      await prodAdmin.trpc.setup.releaseRights.delete.mutate({ id: right.id });
    }
    const date = fixtures.freshDate();
    const orders = await fixtures.isotopeOrders(date, 1);
    const vials = await fixtures.isotopeVials(date, 1);
    const orderIds = orders.map((order) => order.id);
    const release = () =>
      prodUser.trpc.release.isotope.mutate({
        orderIds,
        isotopeVialIds: vials.map((vial) => vial.id),
        password: DEMO_PASSWORD,
      });
    const isotopeStatuses = async () =>
      (await models().IsotopeOrder.findAll({ where: { id: orderIds } })).map(
        (order) => order.status,
      );

    // prod-user's tracer rights (FDG, Ga-PSMA) do not stand in for the isotope.
    expect(await reasonOf(release())).toBe('RELEASE_RIGHT_MISSING');
    expect(await isotopeStatuses()).toEqual([OrderStatus.Accepted]);

    const granted = await prodAdmin.trpc.setup.releaseRights.create.mutate({
      userId: prodUserId,
      isotopeId,
      expiryDate: addDays(api.today, 30),
    });
    expect(granted).toMatchObject({ userId: prodUserId, isotopeId, tracerId: null });

    // Its expiry counts: changed to today, the right has ended.
    await prodAdmin.trpc.setup.releaseRights.edit.mutate({
      id: granted.id,
      expiryDate: api.today,
    });
    expect(await reasonOf(release())).toBe('RELEASE_RIGHT_MISSING');
    await prodAdmin.trpc.setup.releaseRights.edit.mutate({ id: granted.id, expiryDate: null });

    const result = await release();
    expect(result.orders.map((order) => order.status)).toEqual([OrderStatus.Released]);
    expect(result.manifest.signedBy.name).toBe('Demo Production User');
    expect(await isotopeStatuses()).toEqual([OrderStatus.Released]);
  });

  it('[URS-REL-014] corrects all named orders or none, detaching vials, keeping freed fields', async () => {
    const date = fixtures.freshDate();
    const orders = await fixtures.activityOrders(fdgPet1, date, 2);
    const vials = await fixtures.deliveringVials(fdgPet1, date, orders);
    const orderIds = orders.map((order) => order.id);
    const vialIds = vials.map((vial) => vial.id);
    await prodUser.trpc.release.activity.mutate({
      slotId: fdgPet1.slotId,
      deliveryDate: date,
      orderIds,
      vialIds,
      password: DEMO_PASSWORD,
    });
    const injection = await fixtures.injectionOrder('PET1', 'Ga-PSMA', date);
    const lotNumber = `PSMA-${date.slice(2, 4)}${date.slice(5, 7)}${date.slice(8, 10)}-1`;
    await prodUser.trpc.release.injection.mutate({
      orderId: injection.id,
      lotNumber,
      maxInjectionVolume: 9,
      password: DEMO_PASSWORD,
    });
    const isotopeOrders = await fixtures.isotopeOrders(date, 1);
    const isotopeVials = await fixtures.isotopeVials(date, 1);
    await prodUser.trpc.release.isotope.mutate({
      orderIds: isotopeOrders.map((order) => order.id),
      isotopeVialIds: isotopeVials.map((vial) => vial.id),
      password: DEMO_PASSWORD,
    });
    const [notReleased] = await fixtures.activityOrders(fdgPet1, date, 1);

    // One order in the list is not released: nothing changes, of any kind.
    expect(
      await reasonOf(
        prodUser.trpc.release.correct.mutate({
          activityOrderIds: [...orderIds, notReleased?.id ?? 0],
          injectionOrderIds: [injection.id],
          password: DEMO_PASSWORD,
          reason: 'wrong vial',
        }),
      ),
    ).toBe('NOT_RELEASED');
    expect(await statusesOf(orderIds)).toEqual([OrderStatus.Released, OrderStatus.Released]);
    await injection.reload();
    expect(injection.status).toBe(OrderStatus.Released);
    expect(await assignmentsOf(vialIds)).toEqual([orderIds[0], orderIds[0]]);

    expect(
      await reasonOf(
        prodUser.trpc.release.correct.mutate({
          activityOrderIds: orderIds,
          password: 'wrong-password',
          reason: 'wrong vial',
        }),
      ),
    ).toBe('INVALID_SIGNATURE');
    expect(await statusesOf(orderIds)).toEqual([OrderStatus.Released, OrderStatus.Released]);

    // A correction always says why: without a reason it is refused before the signature.
    expect(
      await reasonOf(
        prodUser.trpc.release.correct.mutate({
          activityOrderIds: orderIds,
          password: DEMO_PASSWORD,
        }),
      ),
    ).toBe('CHANGE_REASON_NEEDED');
    expect(await statusesOf(orderIds)).toEqual([OrderStatus.Released, OrderStatus.Released]);

    // Correction needs no release right: the production admin corrects what prod-user released.
    const prodAdmin = await api.loginAs('prod-admin');
    const result = await prodAdmin.trpc.release.correct.mutate({
      activityOrderIds: orderIds,
      injectionOrderIds: [injection.id],
      isotopeOrderIds: isotopeOrders.map((order) => order.id),
      password: DEMO_PASSWORD,
      reason: 'Forkert hætteglas valgt',
    });
    expect(result.manifest).toMatchObject({
      meaning: 'corrected',
      signedBy: { name: 'Demo Production Admin' },
      detachedVialIds: vialIds,
      detachedIsotopeVialIds: isotopeVials.map((vial) => vial.id),
    });
    expect(await statusesOf(orderIds)).toEqual([OrderStatus.Accepted, OrderStatus.Accepted]);
    expect(await assignmentsOf(vialIds)).toEqual([null, null]);
    const corrected = await models().ActivityOrder.findAll({ where: { id: orderIds } });
    expect(corrected.every((order) => order.freedByName === 'Demo Production User')).toBe(true);
    await injection.reload();
    expect(injection.status).toBe(OrderStatus.Accepted);
    expect(injection.lotNumber).toBe(lotNumber);
    const isotopeVial = await models().IsotopeVial.findByPk(isotopeVials[0]?.id ?? 0);
    expect(isotopeVial?.deliveredWithId).toBeNull();

    const rows = await models().AuditEvent.findAll({
      where: { action: 'activityOrder.correct', entityId: orderIds },
    });
    expect(rows).toHaveLength(2);
    for (const row of rows) {
      const before = JSON.parse(row.before ?? 'null') as { order: OrderRow };
      const after = JSON.parse(row.after ?? 'null') as { meaning: string; order: OrderRow };
      expect(before.order.status).toBe(OrderStatus.Released);
      expect(after.order.status).toBe(OrderStatus.Accepted);
      expect(after.meaning).toBe('corrected');
      expect(row.reason).toBe('Forkert hætteglas valgt');
    }

    // Corrected orders can be released again with their vials.
    await prodUser.trpc.release.activity.mutate({
      slotId: fdgPet1.slotId,
      deliveryDate: date,
      orderIds,
      vialIds,
      password: DEMO_PASSWORD,
    });
    expect(await statusesOf(orderIds)).toEqual([OrderStatus.Released, OrderStatus.Released]);
  });

  it('[URS-REL-011] keeps the audit chain intact', async () => {
    const report = await verifyAuditChain(api.db.record);
    expect(report.ok).toBe(true);
    expect(report.checked).toBeGreaterThan(10);
  });
});
