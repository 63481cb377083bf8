/**
 * Dead orders (below 1 MBq ordered, nothing delivered: core `isDeadOrder`) through the api.
 * They no longer hold a delivery back: accepting leaves them Ordered and out of the slot's
 * status, the release signs the live orders and the delivery ends Released with its
 * certificate; production rejects or deletes a dead order on its own. The shop (and
 * production's phone order) can no longer create one: ORDER_BELOW_LIVE_MINIMUM.
 *
 * The api refuses dead orders now, so the tests write them straight into the database, as
 * legacy data and the old shop left them.
 *
 * F-18, T½ = 6586.2 s; RH KF's PET1 FDG delivery at 08:00 (overhead 1.25), no activity
 * deadline. A live order of 300 MBq needs 375 MBq at 08:00; its vial of 400 MBq filled 07:50
 * carries 400 · 2^(−600/6586.2) = 375.5 MBq at 08:00.
 */
import { randomUUID } from 'node:crypto';
import { DeadlineScope, OrderStatus } from '@tracershop/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DeliveryDay, LONG_SESSIONS } from './deliveryDay';
import { fetchDocument, pdfText } from './documentReaders';
import { reasonOf } from './reasons';
import type { TestApi } from './testApi';
import { TEST_DIALECTS, startTestApi } from './testApi';

/** Two Wednesdays: a delivery of only a dead order, and a mixed one. */
const ONLY_DEAD_DATE = '2027-04-21';
const MIXED_DATE = '2027-04-28';

describe.each(TEST_DIALECTS)('dead orders (%s)', (dialect) => {
  let api: TestApi;
  let onlyDeadDay: DeliveryDay;
  let mixedDay: DeliveryDay;

  const statusOf = async (id: number) =>
    (await api.db.models.ActivityOrder.findByPk(id))?.status ?? null;
  /** A 0.5 MBq Ordered order of the delivery, written straight into the database. */
  const deadOrder = async (day: DeliveryDay) =>
    (
      await api.db.models.ActivityOrder.create({
        orderedActivity: 0.5,
        deliveryDate: day.date,
        status: OrderStatus.Ordered,
        orderedTimeSlotId: day.slot.slotId,
      })
    ).id;

  beforeAll(async () => {
    api = await startTestApi({ dialect, config: LONG_SESSIONS });
    await api.db.models.Deadline.destroy({ where: { appliesTo: DeadlineScope.Activity } });
    onlyDeadDay = await DeliveryDay.start(api, ONLY_DEAD_DATE);
    mixedDay = await DeliveryDay.start(api, MIXED_DATE);
  });

  afterAll(async () => {
    await api?.close();
  });

  it('[URS-PRD-008][URS-PRD-004] a delivery of only a dead order has no status, is not accepted, and production rejects and deletes the order', async () => {
    const day = onlyDeadDay;
    day.at('12:00:00', '2027-04-20');
    const dead = await deadOrder(day);

    const [card, ...rest] = await day.productionCards();
    expect(rest).toEqual([]);
    expect(card?.summary).toMatchObject({
      status: null,
      onlyDead: true,
      deadOrderIds: [dead],
      orderedActivity: 0,
      toDeliverActivity: 0,
    });
    expect(card?.orders.map((line) => [line.order.id, line.dead])).toEqual([[dead, true]]);

    // Accepting the delivery, or the order itself, leaves the dead order as it is.
    const slotAccept = await day.production.trpc.orders.activity.acceptSlot.mutate({
      slotId: day.slot.slotId,
      deliveryDate: day.date,
    });
    expect(slotAccept.orders).toEqual([]);
    await day.accept([dead]);
    expect(await statusOf(dead)).toBe(OrderStatus.Ordered);
    expect(
      await api.db.models.AuditEvent.count({
        where: { action: 'activityOrder.accept', entityId: dead },
      }),
    ).toBe(0);

    // Production rejects it on its own; the delivery is then Rejected, no longer only dead.
    await day.production.trpc.orders.activity.reject.mutate({ orderIds: [dead] });
    expect(await statusOf(dead)).toBe(OrderStatus.Rejected);
    const [rejected] = await day.productionCards();
    expect(rejected?.summary).toMatchObject({ status: OrderStatus.Rejected, onlyDead: false });

    // … and deletes it (audited like every production delete).
    await day.production.trpc.orders.activity.productionDelete.mutate({ id: dead });
    expect(await statusOf(dead)).toBeNull();
    expect(
      await api.db.models.AuditEvent.count({
        where: { action: 'activityOrder.delete', entityId: dead },
      }),
    ).toBe(1);
  });

  it('[URS-PRD-008] a mixed delivery: accept leaves the dead order Ordered, the release signs the live one and the delivery ends Released with its certificate', async () => {
    const day = mixedDay;
    day.at('12:00:00', '2027-04-27');
    const live = await day.shopOrders(300);
    const dead = await deadOrder(day);

    const accepted = await day.production.trpc.orders.activity.acceptSlot.mutate({
      slotId: day.slot.slotId,
      deliveryDate: day.date,
    });
    expect(accepted.orders.map((order) => order.id)).toEqual([live]);
    expect(await statusOf(live)).toBe(OrderStatus.Accepted);
    expect(await statusOf(dead)).toBe(OrderStatus.Ordered);
    const [before] = await day.productionCards();
    // The dead Ordered order no longer keeps the delivery red.
    expect(before?.summary).toMatchObject({
      status: OrderStatus.Accepted,
      onlyDead: false,
      deadOrderIds: [dead],
      orderedActivity: 300,
    });

    day.at('07:55:00');
    const vial = await day.vial(400, '07:50:00');
    await day.release([live], [vial]);
    expect(await statusOf(live)).toBe(OrderStatus.Released);
    expect(await statusOf(dead)).toBe(OrderStatus.Ordered);

    // The release's card is Released with its certificate's facts; the dead order, never
    // released, stays apart on a card of only dead orders (no status to wait on).
    const [released, leftOver, ...rest] = await day.productionCards();
    expect(rest).toEqual([]);
    expect(released).toMatchObject({ releaseId: live, releaseNumber: 1, afterRelease: false });
    expect(released?.summary).toMatchObject({ status: OrderStatus.Released, onlyDead: false });
    expect(released?.summary.orderedActivity).toBe(300);
    expect(released?.summary.deliveredActivity).toBeCloseTo(375.5, 1);
    expect(released?.orders.map((line) => line.order.id)).toEqual([live]);
    expect(released?.vials.map((row) => row.id)).toEqual([vial]);
    expect(leftOver?.releaseId).toBeNull();
    expect(leftOver?.summary).toMatchObject({ status: null, onlyDead: true });
    expect(leftOver?.orders.map((line) => [line.order.id, line.dead])).toEqual([[dead, true]]);

    const certificate = await fetchDocument(api, day.shop, day.certificatePath(live));
    expect(certificate.status).toBe(200);
    const text = await pdfText(certificate.body);
    expect(text).toContain(`${live} 300 MBq @ 08:00`);
    expect(text).not.toContain(`${dead} `);
  });

  it('the shop cannot order, nor change an order to, less than 1 MBq; nor production by phone', async () => {
    const day = mixedDay;
    day.at('12:00:00', '2027-04-27');
    const order = {
      orderedTimeSlotId: day.slot.slotId,
      deliveryDate: day.date,
      orderedActivity: 0.5,
    };
    const before = await api.db.models.ActivityOrder.count();
    const refused = day.shop.trpc.orders.activity.create.mutate({
      ...order,
      clientKey: randomUUID(),
    });
    await expect(refused).rejects.toMatchObject({
      data: {
        reason: 'ORDER_BELOW_LIVE_MINIMUM',
        params: { minimum: '1\u00a0MBq', value: '0,5\u00a0MBq' },
      },
      message: 'En ordre under 1\u00a0MBq bærer ingen aktivitet; bestil mindst 1\u00a0MBq.',
    });
    expect(
      await reasonOf(
        day.production.trpc.orders.activity.createForCustomer.mutate({
          ...order,
          clientKey: randomUUID(),
        }),
      ),
    ).toBe('ORDER_BELOW_LIVE_MINIMUM');
    expect(await api.db.models.ActivityOrder.count()).toBe(before);

    const live = await day.shopOrders(1);
    expect(
      await reasonOf(
        day.shop.trpc.orders.activity.edit.mutate({ id: live, orderedActivity: 0.99 }),
      ),
    ).toBe('ORDER_BELOW_LIVE_MINIMUM');
    expect((await api.db.models.ActivityOrder.findByPk(live))?.orderedActivity).toBe(1);
  });
});
