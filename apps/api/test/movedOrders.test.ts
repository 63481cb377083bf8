/**
 * A moved order, released where production moved it: the department's card of the slot it
 * ordered to says where the order went and what it got there, the receiving slot's
 * certificate lists it, and only its customer may open that certificate.
 *
 * F-18, T½ = 6586.2 s; RH KF's PET1 FDG1 slots on Wednesday 19 May 2027. The shop orders
 * 400 MBq for 09:30; production moves it to 08:00, which has no orders of its own (a ghost
 * delivery), accepts it and releases it there at 07:45 with one vial of 1 150 MBq filled 07:20:
 *   1150 · 2^(−2400/6586.2) = 893.31 MBq at 08:00
 * (what production must deliver: 400 · 2^(5400/6586.2) · 1.25 = 882.64 MBq, within tolerance).
 */
import { randomUUID } from 'node:crypto';
import { DeadlineScope, OrderStatus, weekdayOf } from '@tracershop/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DeliveryDay, LONG_SESSIONS } from './deliveryDay';
import { fetchDocument, pdfText } from './documentReaders';
import { demoIds } from './orderFixtures';
import type { TestApi } from './testApi';
import { DEMO_PASSWORD, TEST_DIALECTS, startTestApi } from './testApi';

const DATE = '2027-05-19';
const DELIVERED = 893.31;

describe.each(TEST_DIALECTS)('a moved order released in a ghost slot (%s)', (dialect) => {
  let api: TestApi;
  /** The receiving delivery: PET1 FDG at 08:00. */
  let day: DeliveryDay;
  let ordered: number;
  let order: number;

  const shopCardOf = async () => {
    const shopDay = await day.shop.trpc.orders.shopDay.query({
      endpointId: day.slot.endpointId,
      date: DATE,
    });
    return {
      ordered: shopDay.slots.filter((card) => card.slot.id === ordered),
      receiving: shopDay.slots.filter((card) => card.slot.id === day.slot.slotId),
    };
  };

  beforeAll(async () => {
    api = await startTestApi({ dialect, config: LONG_SESSIONS });
    await api.db.models.Deadline.destroy({ where: { appliesTo: DeadlineScope.Activity } });
    day = await DeliveryDay.start(api, DATE);
    ordered = (await demoIds(api)).slot('PET1', 'FDG', weekdayOf(DATE), '09:30:00');
    day.at('12:00:00', '2027-05-18');
    order = (
      await day.shop.trpc.orders.activity.create.mutate({
        orderedTimeSlotId: ordered,
        deliveryDate: DATE,
        orderedActivity: 400,
        clientKey: randomUUID(),
      })
    ).id;
    day.at('06:00:00');
    await day.production.trpc.orders.activity.move.mutate({
      orderIds: [order],
      toSlotId: day.slot.slotId,
    });
    await day.accept([order]);
    day.at('07:45:00');
    await day.release([order], [await day.vial(1150, '07:20:00')]);
  });

  afterAll(async () => {
    await api?.close();
  });

  it('[URS-PRD-005] releases the moved order in the ghost delivery it was moved to', async () => {
    const row = await api.db.models.ActivityOrder.findByPk(order);
    expect(row).toMatchObject({
      status: OrderStatus.Released,
      orderedTimeSlotId: ordered,
      movedToTimeSlotId: day.slot.slotId,
    });
    const [ghost, ...rest] = await day.productionCards();
    expect(rest).toEqual([]);
    expect(ghost?.releaseId).toBe(order);
    expect(ghost?.summary).toMatchObject({ isGhost: true, status: OrderStatus.Released });
    expect(ghost?.summary.deliveredActivity).toBeCloseTo(DELIVERED, 2);
  });

  it('[URS-PRD-007][URS-REL-016] shows the department where the order went, what it got and when it was released', async () => {
    const { ordered: cards, receiving } = await shopCardOf();
    expect(cards).toHaveLength(1);
    const [card] = cards;
    expect(card).toMatchObject({
      status: OrderStatus.Released,
      movedAway: true,
      movedToTime: '08:00:00',
      movedTo: { slot: { id: day.slot.slotId, endpointId: day.slot.endpointId } },
      releaseId: order,
      orderedActivity: 400,
      released: { vialCount: 1, freedAt: '2027-05-19T05:45:00.000Z' },
    });
    expect(card?.movedTo?.slot.deliveryTime).toBe('08:00:00');
    // The figure production shows for the ghost delivery, and the certificate's.
    const [ghost] = await day.productionCards();
    expect(card?.released?.deliveredActivity).toBe(ghost?.summary.deliveredActivity);
    expect(card?.released?.deliveredActivity).toBeCloseTo(DELIVERED, 2);
    // The receiving slot has no order of the department's own: its card stays empty.
    expect(receiving.map((other) => [other.status, other.orders.length])).toEqual([[null, 0]]);
  });

  it('[URS-DOC-001][URS-DOC-003] the receiving release certificate lists the moved order, for its department only', async () => {
    const path = day.certificatePath(order);
    const document = await fetchDocument(api, day.shop, path);
    expect(document.status).toBe(200);
    const text = await pdfText(document.body);
    // Ordered for 09:30, delivered (and certified) at 08:00.
    expect(text).toContain(`${order} 400 MBq @ 09:30`);
    expect(text).toContain('Leveringstidspunkt 19/05/2027 08:00');
    expect(text).toContain(
      'I alt bestilt: 400 MBq – i alt leveret kl. 08:00: 893 MBq (1 hætteglas)',
    );

    const other = await api.loginAs('external');
    expect((await fetchDocument(api, other, path)).status).toBe(403);
    // The ordered slot has no certificate of its own: the release is the receiving slot's.
    const atOrdered = path.replace(`/${day.slot.slotId}/`, `/${ordered}/`);
    expect((await fetchDocument(api, day.shop, atOrdered)).status).toBe(404);
  });

  it('[URS-REL-014] corrects the ghost delivery’s release like any other', async () => {
    await day.production.trpc.release.correct.mutate({
      activityOrderIds: [order],
      password: DEMO_PASSWORD,
      reason: 'wrong vial',
    });
    const row = await api.db.models.ActivityOrder.findByPk(order);
    expect(row).toMatchObject({ status: OrderStatus.Accepted, movedToTimeSlotId: day.slot.slotId });
    expect((await fetchDocument(api, day.shop, day.certificatePath(order))).status).toBe(404);
    const [card] = (await shopCardOf()).ordered;
    expect(card).toMatchObject({
      status: OrderStatus.Accepted,
      movedAway: true,
      movedTo: { slot: { id: day.slot.slotId } },
      releaseId: null,
      released: null,
    });
  });
});
