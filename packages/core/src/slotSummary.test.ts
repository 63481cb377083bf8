import { describe, expect, it } from 'vitest';

import { OrderStatus } from './enums';
import {
  activeSlotIdOf,
  countsForStatusColour,
  isDeadOrder,
  MINIMUM_LIVE_ACTIVITY_MBQ,
  orderDeliveryActivity,
  type SlotOrder,
  type SlotSummaryInput,
  type SlotVial,
  summarizeSlot,
} from './slotSummary';

// docs/domain.md: T = 3600 s, overhead 1.25, slot 1 08:00, slot 2 11:00.
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
    ...fields,
  };
}

function summary(fields: Partial<SlotSummaryInput>) {
  return summarizeSlot({
    slot: slot1,
    date: DATE,
    orders: [],
    slots,
    halflifeSeconds: T,
    overheadMultiplier: 1.25,
    vials: [],
    ...fields,
  });
}

const order8Accepted = order({ id: 8, status: OrderStatus.Accepted });
const order9Moved = order({
  id: 9,
  status: OrderStatus.Accepted,
  orderedTimeSlotId: slot2.id,
  movedToTimeSlotId: slot1.id,
});

describe('activeSlotIdOf', () => {
  it('[URS-PRD-005] is the moved-to slot if set, else the ordered slot', () => {
    expect(activeSlotIdOf(order8Accepted)).toBe(1);
    expect(activeSlotIdOf(order9Moved)).toBe(1);
    expect(activeSlotIdOf({ orderedTimeSlotId: 2 })).toBe(2);
  });
});

describe('countsForStatusColour', () => {
  it('[URS-PRD-008] leaves out a dead order until it is released', () => {
    const { Ordered, Accepted, Released, Rejected } = OrderStatus;
    expect(countsForStatusColour({ orderedActivity: 300, status: Ordered })).toBe(true);
    expect(countsForStatusColour({ orderedActivity: 0.5, status: Ordered })).toBe(false);
    expect(countsForStatusColour({ orderedActivity: 0.5, status: Accepted })).toBe(false);
    expect(countsForStatusColour({ orderedActivity: 0.5, status: Rejected })).toBe(false);
    expect(countsForStatusColour({ orderedActivity: 0.5, status: Released })).toBe(true);
    expect(countsForStatusColour({ orderedActivity: 1, status: Ordered })).toBe(true);
  });
});

describe('isDeadOrder', () => {
  it('[URS-PRD-008] is dead only below 1 MBq ordered and below 1 MBq delivered', () => {
    expect(isDeadOrder({ orderedActivity: 0.5 })).toBe(true);
    expect(isDeadOrder({ orderedActivity: 0 }, 0.99)).toBe(true);
    expect(isDeadOrder({ orderedActivity: 0.5 }, 1)).toBe(false);
    expect(isDeadOrder({ orderedActivity: 1 })).toBe(false);
  });

  it('[URS-PRD-008] the minimum live activity is 1 MBq, the bound isDeadOrder uses', () => {
    expect(MINIMUM_LIVE_ACTIVITY_MBQ).toBe(1);
    expect(isDeadOrder({ orderedActivity: MINIMUM_LIVE_ACTIVITY_MBQ })).toBe(false);
    expect(isDeadOrder({ orderedActivity: MINIMUM_LIVE_ACTIVITY_MBQ - 0.001 })).toBe(true);
  });
});

describe('summarizeSlot: the status table', () => {
  it('[URS-PRD-002] #8 Ordered 1000 → slot 1: status Ordered, ordered 1000, not moved', () => {
    const result = summary({ orders: [order({ id: 8 })] });
    expect(result.status).toBe(OrderStatus.Ordered);
    expect(result.orderedActivity).toBe(1000);
    expect(result.toDeliverActivity).toBeCloseTo(1250, 6);
    expect(result.movedAway).toBe(false);
    expect(result.isGhost).toBe(false);
    expect(result.deadOrderIds).toEqual([]);
  });

  it('[URS-PRD-002][URS-PRD-003] #12 Released 1000 → slot 1: status Released, ordered 1000, deliver 1250', () => {
    const result = summary({ orders: [order({ id: 12, status: OrderStatus.Released })] });
    expect(result.status).toBe(OrderStatus.Released);
    expect(result.orderedActivity).toBe(1000);
    expect(result.toDeliverActivity).toBeCloseTo(1250, 6);
  });

  it('[URS-PRD-002] #8 Rejected only: status Rejected, every total 0', () => {
    const result = summary({ orders: [order({ id: 8, status: OrderStatus.Rejected })] });
    expect(result.status).toBe(OrderStatus.Rejected);
    expect(result.orderedActivity).toBe(0);
    expect(result.toDeliverActivity).toBe(0);
    expect(result.deliveredActivity).toBe(0);
    expect(result.movedAway).toBe(false);
    expect(result.isGhost).toBe(false);
  });

  it('[URS-PRD-002][URS-PRD-005] #8 on slot 1 + #9 moved from slot 2: ordered 1000, deliver 1250 + 8000·1.25 = 11250', () => {
    const result = summary({ orders: [order8Accepted, order9Moved] });
    expect(result.status).toBe(OrderStatus.Accepted);
    expect(result.orderedActivity).toBe(1000);
    expect(result.toDeliverActivity).toBeCloseTo(11250, 6);
    expect(result.movedAway).toBe(false);
    expect(result.isGhost).toBe(false);
  });

  it('[URS-PRD-002][URS-PRD-005] #9 seen from slot 2: moved away, still counted as ordered there, nothing to deliver', () => {
    const result = summary({ slot: slot2, orders: [order8Accepted, order9Moved] });
    expect(result.status).toBe(OrderStatus.Accepted);
    expect(result.movedAway).toBe(true);
    expect(result.isGhost).toBe(false);
    expect(result.orderedActivity).toBe(1000);
    expect(result.toDeliverActivity).toBe(0);
  });

  it('[URS-PRD-001][URS-PRD-007] vial 1200 MBq filled 07:51 for a released 08:00 order: 1200·2^(−540/3600) ≈ 1081.50', () => {
    const vial: SlotVial = {
      id: 1,
      fillDate: DATE,
      fillTime: '07:51:00',
      activity: 1200,
      assignedToId: 12,
    };
    const result = summary({
      orders: [order({ id: 12, status: OrderStatus.Released })],
      vials: [vial, { ...vial, id: 2, assignedToId: null }, { ...vial, id: 3, assignedToId: 99 }],
    });
    expect(result.deliveredActivity).toBeCloseTo(1081.5, 2);
    expect(result.deliveredActivity).toBeCloseTo(1200 * 2 ** -0.15, 9);
  });

  it('[URS-PRD-001] does not correct a vial filled after the slot time backwards', () => {
    const result = summary({
      orders: [order({ id: 12, status: OrderStatus.Released })],
      vials: [{ id: 1, fillDate: DATE, fillTime: '08:30:00', activity: 1200, assignedToId: 12 }],
    });
    expect(result.deliveredActivity).toBe(1200);
  });
});

describe('summarizeSlot: worked example', () => {
  it('[URS-PRD-002] per-order rows: #8 1000 / 1250, #9 8000 / 10000', () => {
    const row8 = orderDeliveryActivity({
      order: order8Accepted,
      slots,
      halflifeSeconds: T,
      overheadMultiplier: 1.25,
      date: DATE,
    });
    const row9 = orderDeliveryActivity({
      order: order9Moved,
      slots,
      halflifeSeconds: T,
      overheadMultiplier: 1.25,
      date: DATE,
    });
    expect(row8.withoutOverhead).toBeCloseTo(1000, 9);
    expect(row8.withOverhead).toBeCloseTo(1250, 9);
    expect(row9.withoutOverhead).toBeCloseTo(8000, 6);
    expect(row9.withOverhead).toBeCloseTo(10000, 6);
  });

  it('[URS-PRD-002] per-order figures are in seconds and unfloored (legacy floored minutes)', () => {
    const row = orderDeliveryActivity({
      order: order({ id: 1, orderedTimeSlotId: 3, movedToTimeSlotId: 1 }),
      slots: [...slots, { id: 3, deliveryTime: '08:00:30' }],
      halflifeSeconds: T,
      overheadMultiplier: 1,
      date: DATE,
    });
    // Legacy: 30 s → 0 whole minutes → exactly 1000.
    expect(row.withoutOverhead).toBeCloseTo(1000 * 2 ** (30 / 3600), 9);
    expect(row.withoutOverhead).toBeGreaterThan(1005);
  });
});

describe('summarizeSlot: empty, ghost, dead, isolation', () => {
  it('[URS-PRD-002] an empty collection has status null and zero totals', () => {
    const result = summary({ orders: [] });
    expect(result.status).toBeNull();
    expect(result.orderedActivity).toBe(0);
    expect(result.toDeliverActivity).toBe(0);
    expect(result.isGhost).toBe(false);
    expect(result.movedAway).toBe(false);
  });

  it('[URS-PRD-005] a slot that only receives moved orders is a ghost with ordered 0', () => {
    const result = summary({ orders: [order9Moved] });
    expect(result.isGhost).toBe(true);
    expect(result.orderedActivity).toBe(0);
    expect(result.toDeliverActivity).toBeCloseTo(10000, 6);
    expect(result.status).toBe(OrderStatus.Accepted);
  });

  it('[URS-PRD-005] a rejected order ordered to the slot does not stop it from being a ghost', () => {
    const result = summary({
      orders: [order({ id: 8, status: OrderStatus.Rejected }), order9Moved],
    });
    expect(result.isGhost).toBe(true);
    expect(result.status).toBe(OrderStatus.Accepted);
  });

  it('[URS-PRD-008] a dead order (0.5 MBq, no vial) is listed and left out of the totals', () => {
    const result = summary({ orders: [order({ id: 8 }), order({ id: 20, orderedActivity: 0.5 })] });
    expect(result.deadOrderIds).toEqual([20]);
    expect(result.orderedActivity).toBe(1000);
    expect(result.toDeliverActivity).toBeCloseTo(1250, 6);
  });

  it('[URS-PRD-008] a slot of one 0.5 MBq Ordered order has no status, only dead orders and zero totals', () => {
    const result = summary({ orders: [order({ id: 20, orderedActivity: 0.5 })] });
    expect(result.status).toBeNull();
    expect(result.onlyDead).toBe(true);
    expect(result.deadOrderIds).toEqual([20]);
    expect(result.orderedActivity).toBe(0);
    expect(result.toDeliverActivity).toBe(0);
    expect(result.deliveredActivity).toBe(0);
  });

  it('[URS-PRD-008] 300 MBq Released + 0.5 MBq Ordered: the dead order does not hold the slot back', () => {
    const result = summary({
      orders: [
        order({ id: 21, orderedActivity: 300, status: OrderStatus.Released }),
        order({ id: 22, orderedActivity: 0.5 }),
      ],
      vials: [{ id: 1, fillDate: DATE, fillTime: '08:00:00', activity: 400, assignedToId: 21 }],
    });
    expect(result.status).toBe(OrderStatus.Released);
    expect(result.onlyDead).toBe(false);
    expect(result.deadOrderIds).toEqual([22]);
    expect(result.orderedActivity).toBe(300);
    expect(result.toDeliverActivity).toBeCloseTo(375, 6);
    expect(result.deliveredActivity).toBe(400);
  });

  it('[URS-PRD-008] the status comes from the live orders: Rejected only if all of them are', () => {
    const rejectedLive = order({ id: 23, status: OrderStatus.Rejected });
    const dead = order({ id: 24, orderedActivity: 0.5 });
    const deadRejected = order({ id: 25, orderedActivity: 0.5, status: OrderStatus.Rejected });
    // Live ones all rejected, a dead one still open: only dead orders are left to handle.
    expect(summary({ orders: [rejectedLive, dead] })).toMatchObject({
      status: null,
      onlyDead: true,
    });
    // Live ones all rejected, the dead one too: Rejected.
    expect(summary({ orders: [rejectedLive, deadRejected] })).toMatchObject({
      status: OrderStatus.Rejected,
      onlyDead: false,
    });
    // Nothing but a rejected dead order: Rejected, not only dead.
    expect(summary({ orders: [deadRejected] })).toMatchObject({
      status: OrderStatus.Rejected,
      onlyDead: false,
    });
    // A live Accepted order and a dead Ordered one: Accepted.
    expect(
      summary({ orders: [order({ id: 26, status: OrderStatus.Accepted }), dead] }),
    ).toMatchObject({ status: OrderStatus.Accepted, onlyDead: false });
    expect(summary({ orders: [] }).onlyDead).toBe(false);
  });

  it('[URS-PRD-008] an order below 1 MBq with a vial assigned is not dead', () => {
    const result = summary({
      orders: [order({ id: 20, orderedActivity: 0.5, status: OrderStatus.Released })],
      vials: [{ id: 1, fillDate: DATE, fillTime: '08:00:00', activity: 500, assignedToId: 20 }],
    });
    expect(result.deadOrderIds).toEqual([]);
    expect(result.orderedActivity).toBe(0.5);
    expect(result.deliveredActivity).toBe(500);
  });

  it('[URS-PRD-002] orders of another date or another slot are ignored, also for the status (legacy "Isolation" quirk fixed)', () => {
    const result = summary({
      orders: [
        order({ id: 12, status: OrderStatus.Released }),
        order({ id: 13, status: OrderStatus.Accepted, orderedTimeSlotId: slot2.id }),
        order({ id: 14, status: OrderStatus.Ordered, deliveryDate: '2024-12-03' }),
      ],
    });
    expect(result.status).toBe(OrderStatus.Released);
    expect(result.orderedActivity).toBe(1000);
    expect(result.toDeliverActivity).toBeCloseTo(1250, 6);
  });

  it('[URS-PRD-005][URS-PRD-007] vials of a moved-away order count in the slot that delivers it, not in its ordered slot', () => {
    const vials: SlotVial[] = [
      { id: 1, fillDate: DATE, fillTime: '08:00:00', activity: 9000, assignedToId: 9 },
    ];
    const released9 = { ...order9Moved, status: OrderStatus.Released };
    expect(summary({ orders: [released9], vials }).deliveredActivity).toBe(9000);
    expect(summary({ slot: slot2, orders: [released9], vials }).deliveredActivity).toBe(0);
  });

  it('[URS-PRD-002] throws when a relevant order names a slot that is not given', () => {
    expect(() => summary({ orders: [order9Moved], slots: [slot1] })).toThrow(RangeError);
  });
});

describe('summarizeSlot: daylight saving', () => {
  // 2025-03-30: Copenhagen clocks jump 02:00 → 03:00, so 01:30 → 03:30 is one real hour.
  const early = { id: 1, deliveryTime: '01:30:00' };
  const late = { id: 2, deliveryTime: '03:30:00' };
  const dstDate = '2025-03-30';

  it('[URS-PRD-005][URS-DAT-009] a move across the jump scales by 1 hour elapsed (2000 MBq), not 2 (4000 with wall clocks)', () => {
    const moved = order({
      id: 1,
      deliveryDate: dstDate,
      orderedTimeSlotId: late.id,
      movedToTimeSlotId: early.id,
    });
    const result = summary({
      slot: early,
      date: dstDate,
      slots: [early, late],
      orders: [moved],
      overheadMultiplier: 1,
    });
    expect(result.toDeliverActivity).toBeCloseTo(2000, 6);
    expect(result.isGhost).toBe(true);
  });

  it('[URS-PRD-001][URS-DAT-009] a vial filled 01:30 is decayed by one half-life at 03:30', () => {
    const result = summary({
      slot: late,
      date: dstDate,
      slots: [early, late],
      orders: [order({ id: 5, deliveryDate: dstDate, orderedTimeSlotId: late.id })],
      vials: [{ id: 1, fillDate: dstDate, fillTime: '01:30:00', activity: 1000, assignedToId: 5 }],
    });
    expect(result.deliveredActivity).toBeCloseTo(500, 6);
  });
});
