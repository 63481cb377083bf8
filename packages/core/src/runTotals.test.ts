import { describe, expect, it } from 'vitest';

import { OrderStatus } from './enums';
import { type RunSlot, type RunTotalsInput, summarizeRun } from './runTotals';
import type { SlotOrder } from './slotSummary';

const T = 3600;
const DATE = '2024-12-02';
const runA = { id: 1, productionTime: '07:00:00' };
const runB = { id: 2, productionTime: '10:00:00' };
const slots: RunSlot[] = [
  { id: 1, productionId: runA.id, deliveryTime: '08:00:00', endpointId: 1 },
  { id: 2, productionId: runA.id, deliveryTime: '09:00:00', endpointId: 1 },
  { id: 3, productionId: runB.id, deliveryTime: '11:00:00', endpointId: 1 },
  { id: 4, productionId: runA.id, deliveryTime: '08:00:00', endpointId: 2 },
];

function order(fields: Partial<SlotOrder> & Pick<SlotOrder, 'id'>): SlotOrder {
  return {
    orderedActivity: 1000,
    deliveryDate: DATE,
    status: OrderStatus.Accepted,
    orderedTimeSlotId: 1,
    movedToTimeSlotId: null,
    ...fields,
  };
}

function run(fields: Partial<RunTotalsInput>) {
  return summarizeRun({
    production: runA,
    date: DATE,
    slots,
    orders: [],
    halflifeSeconds: T,
    overheadByEndpoint: { 1: 1.25 },
    ...fields,
  });
}

describe('summarizeRun', () => {
  it('[URS-PRD-002] legacy derived example: run 07:00, 1000 MBq for 08:00, T 3600 s → X 2000, Y 2500', () => {
    const result = run({ orders: [order({ id: 1 })] });
    expect(result.orderedActivity).toBeCloseTo(2000, 6);
    expect(result.withOverhead).toBeCloseTo(2500, 6);
  });

  it('[URS-PRD-002] is zero for a date without orders', () => {
    expect(run({ orders: [order({ id: 1, deliveryDate: '2024-12-03' })] })).toEqual({
      orderedActivity: 0,
      withOverhead: 0,
    });
  });

  it('[URS-PRD-002] counts an order moved between two slots of the same run once (legacy counted it twice: 8000 → 4000)', () => {
    const moved = order({ id: 1, orderedTimeSlotId: 2, movedToTimeSlotId: 1 });
    const result = run({ orders: [moved] });
    // Decayed from the production time to the ORDERED slot's time: 07:00 → 09:00.
    expect(result.orderedActivity).toBeCloseTo(4000, 6);
    expect(result.withOverhead).toBeCloseTo(5000, 6);
  });

  it('[URS-PRD-002] counts an order moved to another run only in the run that delivers it', () => {
    const moved = order({ id: 1, orderedTimeSlotId: 3, movedToTimeSlotId: 1 });
    const inA = run({ orders: [moved] });
    const inB = run({ production: runB, orders: [moved] });
    // Run A at 07:00 makes it for its ordered time 11:00: 4 half-lives.
    expect(inA.orderedActivity).toBeCloseTo(16000, 6);
    expect(inA.withOverhead).toBeCloseTo(20000, 6);
    expect(inB.orderedActivity).toBe(0);
    expect(inB.withOverhead).toBe(0);
  });

  it('[URS-PRD-002] counts an order that stays in run B in run B only', () => {
    const stays = order({ id: 1, orderedTimeSlotId: 3 });
    expect(run({ production: runB, orders: [stays] }).orderedActivity).toBeCloseTo(2000, 6);
    expect(run({ orders: [stays] }).orderedActivity).toBe(0);
  });

  it('[URS-PRD-002][URS-ORD-015] counts a released delivery and an order placed after its release once each', () => {
    const releasedOrder = order({ id: 1, status: OrderStatus.Released, releasedWithId: 1 });
    const later = order({ id: 2, orderedActivity: 500 });
    const result = run({ orders: [releasedOrder, later] });
    // 07:00 → 08:00 is one half-life: (1000 + 500) · 2 = 3000, × 1.25 = 3750.
    expect(result.orderedActivity).toBeCloseTo(3000, 6);
    expect(result.withOverhead).toBeCloseTo(3750, 6);
  });

  it('[URS-PRD-002][URS-PRD-008] leaves out rejected and dead orders (legacy had no status filter)', () => {
    const result = run({
      orders: [
        order({ id: 1 }),
        order({ id: 2, status: OrderStatus.Rejected }),
        order({ id: 3, orderedActivity: 0.5 }),
      ],
    });
    expect(result.orderedActivity).toBeCloseTo(2000, 6);
  });

  it('[URS-PRD-002][URS-PRD-003] uses the overhead of the active slot endpoint, default 1', () => {
    const result = run({
      orders: [order({ id: 1 }), order({ id: 2, orderedTimeSlotId: 4 })],
      overheadByEndpoint: { 1: 1.5 },
    });
    expect(result.orderedActivity).toBeCloseTo(4000, 6);
    expect(result.withOverhead).toBeCloseTo(2000 * 1.5 + 2000, 6);
  });

  it('[URS-PRD-002] sums released and ordered orders of several slots', () => {
    const result = run({
      orders: [
        order({ id: 1, status: OrderStatus.Released }),
        order({ id: 2, status: OrderStatus.Ordered, orderedTimeSlotId: 2, orderedActivity: 500 }),
      ],
    });
    expect(result.orderedActivity).toBeCloseTo(2000 + 2000, 6);
    expect(result.withOverhead).toBeCloseTo(5000, 6);
  });

  it('[URS-PRD-002][URS-DAT-009] counts real seconds on a DST day: run 01:00 → slot 03:30 on 2025-03-30 is 1.5 h', () => {
    const result = summarizeRun({
      production: { id: 1, productionTime: '01:00:00' },
      date: '2025-03-30',
      slots: [{ id: 1, productionId: 1, deliveryTime: '03:30:00', endpointId: 1 }],
      orders: [order({ id: 1, deliveryDate: '2025-03-30' })],
      halflifeSeconds: T,
      overheadByEndpoint: {},
    });
    expect(result.orderedActivity).toBeCloseTo(1000 * 2 ** 1.5, 6);
    expect(result.withOverhead).toBeCloseTo(result.orderedActivity, 9);
  });

  it('[URS-PRD-002] throws when a counted order names an ordered slot that is not given', () => {
    const moved = order({ id: 1, orderedTimeSlotId: 99, movedToTimeSlotId: 1 });
    expect(() => run({ orders: [moved] })).toThrow(RangeError);
  });
});
