/**
 * Orders after a release: an order the shop places for a delivery that is already released
 * is a separate, later order. The released orders keep their status, vials, certificate and
 * totals; the day views show the release and the later order apart; production accepts and
 * releases the later order on its own, with its own vials and certificate; correcting one
 * release leaves the other intact; the run total counts every order once.
 *
 * F-18, T½ = 6586.2 s; RH KF's PET1 FDG delivery at 08:00 on Wednesday 21 April 2027, run
 * FDG1 at 06:30. The site has no activity deadline, so the shop may order on the day itself.
 *   release 1, orders A 500 + B 300 MBq (1 000 MBq with PET1's overhead 1.25), vials 1 000 MBq
 *   filled 07:10 and 300 MBq filled 07:20:
 *     1000 · 2^(−3000/6586.2) + 300 · 2^(−2400/6586.2) = 729.26 + 233.04 = 962.30 MBq at 08:00
 *   later order C 400 MBq, released alone with a vial of 500 MBq filled 07:50:
 *     500 · 2^(−600/6586.2) = 469.40 MBq at 08:00
 *   run total: (500 + 300 + 400) · 2^(5400/6586.2) = 1200 · 1.76528 = 2118.33 MBq
 */
import { DeadlineScope, OrderStatus } from '@tracershop/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DeliveryDay, LONG_SESSIONS } from './deliveryDay';
import { fetchDocument, pdfText } from './documentReaders';
import { reasonOf } from './reasons';
import type { TestApi } from './testApi';
import { DEMO_PASSWORD, TEST_DIALECTS, startTestApi } from './testApi';

const DATE = '2027-04-21';

describe.each(TEST_DIALECTS)('orders after a release (%s)', (dialect) => {
  let api: TestApi;
  let day: DeliveryDay;
  let a: number;
  let b: number;
  let c: number;
  let firstVials: number[];
  let laterVial: number;

  const statusesOf = async (ids: number[]) =>
    (await api.db.models.ActivityOrder.findAll({ where: { id: ids }, order: [['id', 'ASC']] })).map(
      (order) => order.status,
    );
  const holdersOf = async (ids: number[]) =>
    (await api.db.models.Vial.findAll({ where: { id: ids }, order: [['id', 'ASC']] })).map(
      (vial) => vial.assignedToId,
    );
  const certificate = async (releaseId: number) => {
    const document = await fetchDocument(api, day.shop, day.certificatePath(releaseId));
    return {
      status: document.status,
      text: document.status === 200 ? await pdfText(document.body) : '',
    };
  };

  beforeAll(async () => {
    api = await startTestApi({ dialect, config: LONG_SESSIONS });
    await api.db.models.Deadline.destroy({ where: { appliesTo: DeadlineScope.Activity } });
    day = await DeliveryDay.start(api, DATE);
    day.at('12:00:00', '2027-04-20');
    a = await day.shopOrders(500);
    b = await day.shopOrders(300);
    await day.accept([a, b]);
    day.at('07:40:00');
    firstVials = [await day.vial(1000, '07:10:00'), await day.vial(300, '07:20:00')];
    await day.release([a, b], firstVials);
    day.at('07:45:00');
    c = await day.shopOrders(400);
  });

  afterAll(async () => {
    await api?.close();
  });

  it('[URS-ORD-015] keeps the released orders released, with their vials and certificate', async () => {
    expect(await statusesOf([a, b, c])).toEqual([
      OrderStatus.Released,
      OrderStatus.Released,
      OrderStatus.Ordered,
    ]);
    expect(await holdersOf(firstVials)).toEqual([a, a]);
    const first = await certificate(a);
    expect(first.status).toBe(200);
    expect(first.text).toContain(`${a} 500 MBq @ 08:00`);
    expect(first.text).toContain(`${b} 300 MBq @ 08:00`);
    expect(first.text).not.toContain(`${c} 400 MBq`);
    expect(first.text).toContain('I alt bestilt: 800 MBq – i alt leveret kl. 08:00: 962 MBq');
    // The later order has no release and no certificate yet.
    expect((await certificate(c)).status).toBe(404);
  });

  it('[URS-ORD-015] shows the release and the later order apart in production and in the shop', async () => {
    const [released, later, ...rest] = await day.productionCards();
    expect(rest).toEqual([]);
    expect(released).toMatchObject({ releaseId: a, releaseNumber: 1, afterRelease: false });
    expect(released?.summary.status).toBe(OrderStatus.Released);
    expect(released?.summary.orderedActivity).toBe(800);
    expect(released?.summary.deliveredActivity).toBeCloseTo(962.3, 1);
    expect(released?.orders.map((line) => line.order.id)).toEqual([a, b]);
    expect(released?.vials.map((vial) => vial.id)).toEqual(firstVials);
    expect(later).toMatchObject({ releaseId: null, releaseNumber: null, afterRelease: true });
    expect(later?.summary.status).toBe(OrderStatus.Ordered);
    expect(later?.summary.orderedActivity).toBe(400);
    expect(later?.summary.deliveredActivity).toBe(0);
    expect(later?.orders.map((line) => line.order.id)).toEqual([c]);
    expect(later?.vials).toEqual([]);

    const [shopReleased, shopLater, ...shopRest] = await day.shopCards();
    expect(shopRest).toEqual([]);
    expect(shopReleased).toMatchObject({ releaseId: a, status: OrderStatus.Released });
    expect(shopReleased?.released?.deliveredActivity).toBeCloseTo(962.3, 1);
    expect(shopReleased?.orderedActivity).toBe(800);
    expect(shopLater).toMatchObject({
      releaseId: null,
      afterRelease: true,
      status: OrderStatus.Ordered,
      orderedActivity: 400,
      released: null,
    });
  });

  it('[URS-PRD-007] gives each order line its delivered activity: the pivot carries the release', async () => {
    const [released, later] = await day.productionCards();
    const lineOf = (id: number) =>
      [...(released?.orders ?? []), ...(later?.orders ?? [])].find((line) => line.order.id === id);
    // The release's vials hang on its pivot A: A's line carries the figure, B's names A.
    expect(lineOf(a)?.deliveredActivity).toBeCloseTo(962.3, 1);
    expect(lineOf(a)?.deliveredActivity).toBe(released?.summary.deliveredActivity);
    expect(lineOf(a)?.deliveredWithOrderId).toBeNull();
    expect(lineOf(b)).toMatchObject({ deliveredActivity: 0, deliveredWithOrderId: a });
    // Not released: nothing delivered yet.
    expect(lineOf(c)).toMatchObject({ deliveredActivity: null, deliveredWithOrderId: null });
  });

  it('[URS-ORD-015] accepts only the later order when production accepts the delivery', async () => {
    const result = await day.production.trpc.orders.activity.acceptSlot.mutate({
      slotId: day.slot.slotId,
      deliveryDate: DATE,
    });
    expect(result.orders.map((order) => order.id)).toEqual([c]);
    expect(await statusesOf([a, b, c])).toEqual([
      OrderStatus.Released,
      OrderStatus.Released,
      OrderStatus.Accepted,
    ]);
    const accepted = await api.db.models.AuditEvent.findAll({
      where: { action: 'activityOrder.accept', entityId: [a, b, c] },
    });
    // Each order accepted once: the released ones were not touched again.
    expect(accepted.map((event) => Number(event.entityId)).sort((x, y) => x - y)).toEqual([
      a,
      b,
      c,
    ]);
  });

  it('[URS-ORD-015] releases the later order on its own, with its own vials and certificate', async () => {
    day.at('07:55:00');
    laterVial = await day.vial(500, '07:50:00', 2);
    await day.release([c], [laterVial]);
    expect(await statusesOf([a, b, c])).toEqual([
      OrderStatus.Released,
      OrderStatus.Released,
      OrderStatus.Released,
    ]);
    expect(await holdersOf([...firstVials, laterVial])).toEqual([a, a, c]);

    const cards = await day.productionCards();
    expect(cards.map((card) => [card.releaseId, card.releaseNumber, card.summary.status])).toEqual([
      [a, 1, OrderStatus.Released],
      [c, 2, OrderStatus.Released],
    ]);
    expect(cards[0]?.summary.deliveredActivity).toBeCloseTo(962.3, 1);
    expect(cards[1]?.summary.deliveredActivity).toBeCloseTo(469.4, 1);
    expect((await day.shopCards()).map((card) => [card.releaseId, card.status])).toEqual([
      [a, OrderStatus.Released],
      [c, OrderStatus.Released],
    ]);

    const later = await certificate(c);
    expect(later.status).toBe(200);
    expect(later.text).toContain(`${c} 400 MBq @ 08:00`);
    expect(later.text).toContain(`FDG-270421-2 500 MBq 469 MBq`);
    expect(later.text).not.toContain(`${a} 500 MBq`);
    expect(later.text).toContain('I alt bestilt: 400 MBq – i alt leveret kl. 08:00: 469 MBq');
    const first = await certificate(a);
    expect(first.text).not.toContain(`${c} 400 MBq`);
    expect(first.text).toContain('i alt leveret kl. 08:00: 962 MBq (2 hætteglas)');
  });

  it('[URS-ORD-015] counts every order of the run once', async () => {
    const run = (
      await day.production.trpc.orders.productionDay.query({
        date: DATE,
        tracerId: day.slot.tracerId,
      })
    ).runs.find((candidate) => candidate.productionTime === '06:30:00');
    expect(run?.orderedActivity).toBeCloseTo(2118.33, 1);
  });

  it('[URS-REL-014] corrects one release whole and leaves the other intact', async () => {
    // A part of a release is refused, and nothing changes.
    expect(
      await reasonOf(
        day.production.trpc.release.correct.mutate({
          activityOrderIds: [b],
          password: DEMO_PASSWORD,
          reason: 'wrong vial',
        }),
      ),
    ).toBe('RELEASE_NOT_WHOLE');
    expect(await statusesOf([a, b])).toEqual([OrderStatus.Released, OrderStatus.Released]);

    await day.production.trpc.release.correct.mutate({
      activityOrderIds: [a, b],
      password: DEMO_PASSWORD,
      reason: 'wrong vial',
    });
    expect(await statusesOf([a, b, c])).toEqual([
      OrderStatus.Accepted,
      OrderStatus.Accepted,
      OrderStatus.Released,
    ]);
    expect(await holdersOf([...firstVials, laterVial])).toEqual([null, null, c]);
    expect((await certificate(a)).status).toBe(404);
    const later = await certificate(c);
    expect(later.status).toBe(200);
    expect(later.text).toContain('i alt leveret kl. 08:00: 469 MBq (1 hætteglas)');

    // The corrected orders wait for a release of their own; the later release stays first.
    const cards = await day.productionCards();
    expect(cards.map((card) => [card.releaseId, card.afterRelease, card.summary.status])).toEqual([
      [c, false, OrderStatus.Released],
      [null, true, OrderStatus.Accepted],
    ]);
    expect(cards[1]?.orders.map((line) => line.order.id)).toEqual([a, b]);
  });
  it('[URS-REL-015] deleting the pivot of one release passes it on within that release only', async () => {
    day.at('07:58:00');
    await day.release([a, b], firstVials);
    const siteAdmin = await api.loginAs('site-admin');
    await siteAdmin.trpc.orders.activity.productionDelete.mutate({
      id: a,
      reason: 'Bestilt to gange',
    });
    expect(await api.db.models.ActivityOrder.findByPk(a)).toBeNull();
    // B now holds the release's vials and names it; the later release is untouched.
    expect(await holdersOf([...firstVials, laterVial])).toEqual([b, b, c]);
    const [bRow, cRow] = await api.db.models.ActivityOrder.findAll({
      where: { id: [b, c] },
      order: [['id', 'ASC']],
    });
    expect(bRow?.releasedWithId).toBe(b);
    expect(cRow?.releasedWithId).toBe(c);
    const cards = await day.productionCards();
    expect(cards.map((card) => [card.releaseId, card.orders.map((line) => line.order.id)])).toEqual(
      [
        [b, [b]],
        [c, [c]],
      ],
    );
    expect((await certificate(b)).text).toContain('i alt leveret kl. 08:00: 962 MBq');
  });
});
