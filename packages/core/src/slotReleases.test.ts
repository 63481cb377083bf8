import { describe, expect, it } from 'vitest';

import { OrderStatus } from './enums';
import { releaseIdsOf, splitSlot } from './slotReleases';
import type { SlotOrder, SlotSummaryInput, SlotVial } from './slotSummary';
import { summarizeSlot } from './slotSummary';

// T = 3600 s, overhead 1.25, slot 1 08:00, slot 2 11:00 (as in slotSummary.test.ts).
const T = 3600;
const DATE = '2024-12-02';
const slot1 = { id: 1, deliveryTime: '08:00:00' };
const slot2 = { id: 2, deliveryTime: '11:00:00' };
const slots = [slot1, slot2];

function order(fields: Partial<SlotOrder> & Pick<SlotOrder, 'id'>): SlotOrder {
  return {
    orderedActivity: 1000,
    deliveryDate: DATE,
    status: OrderStatus.Ordered,
    orderedTimeSlotId: slot1.id,
    movedToTimeSlotId: null,
    releasedWithId: null,
    ...fields,
  };
}

function released(id: number, releasedWithId: number | null, fields: Partial<SlotOrder> = {}) {
  return order({ id, status: OrderStatus.Released, releasedWithId, ...fields });
}

/** A vial filled one half-life before 08:00: it delivers half its activity at 08:00. */
function vial(id: number, assignedToId: number, activity: number): SlotVial {
  return { id, fillDate: DATE, fillTime: '07:00:00', activity, assignedToId };
}

function input(fields: Partial<SlotSummaryInput>): SlotSummaryInput {
  return {
    slot: slot1,
    date: DATE,
    orders: [],
    slots,
    halflifeSeconds: T,
    overheadMultiplier: 1.25,
    vials: [],
    ...fields,
  };
}

describe('releaseIdsOf', () => {
  it('[URS-ORD-015] takes the release an order names', () => {
    const ids = releaseIdsOf([released(12, 12), released(13, 12), order({ id: 14 })], []);
    expect([...ids]).toEqual([
      [12, 12],
      [13, 12],
    ]);
  });

  it('[URS-ORD-015] groups Released orders naming no release per delivery, named by the order holding vials', () => {
    const orders = [
      released(20, null),
      released(21, null),
      released(22, null, { orderedTimeSlotId: slot2.id }),
      released(23, null, { deliveryDate: '2024-12-03' }),
    ];
    const ids = releaseIdsOf(orders, [vial(1, 21, 800)]);
    // Slot 1 on the date: 20 and 21, vials on 21. Slot 2 and the next day: their own releases.
    expect(ids.get(20)).toBe(21);
    expect(ids.get(21)).toBe(21);
    expect(ids.get(22)).toBe(22);
    expect(ids.get(23)).toBe(23);
    // Without vials the lowest id names the release.
    expect(releaseIdsOf(orders, []).get(21)).toBe(20);
  });

  it('[URS-ORD-015][URS-PRD-005] counts an order moved to another slot in the delivery of the slot it was moved to', () => {
    const moved = released(30, null, { orderedTimeSlotId: slot2.id, movedToTimeSlotId: slot1.id });
    expect(releaseIdsOf([released(29, null), moved], []).get(30)).toBe(29);
  });
});

describe('splitSlot', () => {
  it('[URS-ORD-015] a collection without a release is one part, summarized as the whole', () => {
    const orders = [order({ id: 8 }), order({ id: 9, status: OrderStatus.Accepted })];
    const parts = splitSlot(input({ orders }));
    expect(parts).toEqual([
      {
        releaseId: null,
        releaseNumber: null,
        afterRelease: false,
        orderIds: [8, 9],
        summary: summarizeSlot(input({ orders })),
      },
    ]);
  });

  it('[URS-ORD-015] an empty collection is one empty part', () => {
    const [part, ...rest] = splitSlot(input({}));
    expect(rest).toEqual([]);
    expect(part?.orderIds).toEqual([]);
    expect(part?.summary.status).toBeNull();
  });

  it('[URS-ORD-015] an order after a release is a later part: the release keeps status, ordered and delivered', () => {
    // Release 12 of orders 12 (1000 MBq) and 13 (500 MBq), one vial of 3000 MBq at 07:00 →
    // 1500 MBq at 08:00. Then order 14 of 400 MBq is placed for the same delivery.
    const orders = [
      released(12, 12),
      released(13, 12, { orderedActivity: 500 }),
      order({ id: 14, orderedActivity: 400 }),
    ];
    const vials = [vial(1, 12, 3000)];
    const [release, later, ...rest] = splitSlot(input({ orders, vials }));
    expect(rest).toEqual([]);

    expect(release?.releaseId).toBe(12);
    expect(release?.releaseNumber).toBe(1);
    expect(release?.afterRelease).toBe(false);
    expect(release?.orderIds).toEqual([12, 13]);
    expect(release?.summary.status).toBe(OrderStatus.Released);
    expect(release?.summary.orderedActivity).toBe(1500);
    expect(release?.summary.toDeliverActivity).toBeCloseTo(1875, 9);
    expect(release?.summary.deliveredActivity).toBeCloseTo(1500, 9);

    expect(later?.releaseId).toBeNull();
    expect(later?.releaseNumber).toBeNull();
    expect(later?.afterRelease).toBe(true);
    expect(later?.orderIds).toEqual([14]);
    expect(later?.summary.status).toBe(OrderStatus.Ordered);
    expect(later?.summary.orderedActivity).toBe(400);
    expect(later?.summary.toDeliverActivity).toBeCloseTo(500, 9);
    expect(later?.summary.deliveredActivity).toBe(0);

    // The whole collection would read "Ordered" with the release's vials: what the parts avoid.
    expect(summarizeSlot(input({ orders, vials })).status).toBe(OrderStatus.Ordered);
  });

  it('[URS-ORD-015] a later order released on its own is a second release with its own vials', () => {
    const orders = [
      released(12, 12),
      released(14, 14, { orderedActivity: 400 }),
      order({ id: 15, status: OrderStatus.Rejected }),
    ];
    const vials = [vial(1, 12, 3000), vial(2, 14, 1000)];
    const parts = splitSlot(input({ orders, vials }));
    expect(parts.map((part) => [part.releaseId, part.releaseNumber, part.orderIds])).toEqual([
      [12, 1, [12]],
      [14, 2, [14]],
      [null, null, [15]],
    ]);
    expect(parts[0]?.summary.deliveredActivity).toBeCloseTo(1500, 9);
    expect(parts[1]?.summary.deliveredActivity).toBeCloseTo(500, 9);
    expect(parts[1]?.summary.orderedActivity).toBe(400);
    // A rejected order placed after the releases stays apart, as rejected.
    expect(parts[2]?.summary.status).toBe(OrderStatus.Rejected);
    expect(parts[2]?.afterRelease).toBe(true);
  });

  it('[URS-ORD-015] a release naming no release id is one release of the delivery', () => {
    const orders = [released(20, null), released(21, null), order({ id: 22 })];
    const parts = splitSlot(input({ orders, vials: [vial(1, 20, 2000)] }));
    expect(parts.map((part) => [part.releaseId, part.orderIds])).toEqual([
      [20, [20, 21]],
      [null, [22]],
    ]);
    expect(parts[0]?.summary.deliveredActivity).toBeCloseTo(1000, 9);
  });

  it('[URS-ORD-015][URS-PRD-005] from the ordered slot, a release delivered by an earlier slot is moved away', () => {
    // Order 9 was ordered to 11:00, moved to 08:00 and released there with order 8; then
    // order 10 was placed for 11:00. At 11:00 the release is moved away and order 10 is not
    // after a release of that delivery.
    const orders = [
      released(8, 8),
      released(9, 8, { orderedTimeSlotId: slot2.id, movedToTimeSlotId: slot1.id }),
      order({ id: 10, orderedTimeSlotId: slot2.id }),
    ];
    const vials = [vial(1, 8, 4000)];
    const at11 = splitSlot(input({ slot: slot2, orders, vials }));
    expect(at11.map((part) => [part.releaseId, part.orderIds, part.summary.movedAway])).toEqual([
      [8, [9], true],
      [null, [10], false],
    ]);
    expect(at11[1]?.afterRelease).toBe(false);
    expect(at11[0]?.summary.deliveredActivity).toBe(0);

    const at08 = splitSlot(input({ orders, vials }));
    expect(at08.map((part) => [part.releaseId, part.orderIds])).toEqual([[8, [8, 9]]]);
    expect(at08[0]?.summary.deliveredActivity).toBeCloseTo(2000, 9);
  });

  it('[URS-ORD-015][URS-PRD-005] the ghost flag is the whole delivery’s, the same in each part', () => {
    const movedIn = { orderedTimeSlotId: slot2.id, movedToTimeSlotId: slot1.id };
    const ghostOnly = [released(9, 9, movedIn), order({ id: 11, ...movedIn })];
    const ghostParts = splitSlot(input({ orders: ghostOnly }));
    expect(ghostParts.map((part) => part.summary.isGhost)).toEqual([true, true]);

    // An order of the slot's own makes the delivery real, also for the moved-in release.
    const withOwn = [...ghostOnly, order({ id: 12 })];
    const parts = splitSlot(input({ orders: withOwn }));
    expect(parts.map((part) => [part.orderIds, part.summary.isGhost])).toEqual([
      [[9], false],
      [[11, 12], false],
    ]);
  });

  it('[URS-ORD-015][URS-PRD-008] a dead later order is listed in its part and left out of its totals', () => {
    const orders = [
      released(12, 12),
      order({ id: 14, orderedActivity: 400 }),
      order({ id: 15, orderedActivity: 0.5 }),
    ];
    const [, later] = splitSlot(input({ orders, vials: [vial(1, 12, 3000)] }));
    expect(later?.orderIds).toEqual([14, 15]);
    expect(later?.summary.deadOrderIds).toEqual([15]);
    expect(later?.summary.orderedActivity).toBe(400);
  });
});
