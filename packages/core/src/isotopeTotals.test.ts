import { describe, expect, it } from 'vitest';

import { OrderStatus } from './enums';
import {
  type IsotopeTotalsInput,
  type IsotopeTotalsOrder,
  type IsotopeTotalsVial,
  summarizeIsotopeDelivery,
} from './isotopeTotals';

const T = 6586.2;
const DATE = '2024-12-02';
const delivery = { id: 1, deliveryTime: '12:00:00' };

function order(fields: Partial<IsotopeTotalsOrder> & Pick<IsotopeTotalsOrder, 'id'>) {
  return {
    isotopeDeliveryId: delivery.id,
    deliveryDate: DATE,
    orderedActivity: 1000,
    status: OrderStatus.Accepted,
    ...fields,
  };
}

// 10:00 in Copenhagen in December (UTC+1).
const vial: IsotopeTotalsVial = {
  id: 1,
  calibratedAt: '2024-12-02T09:00:00Z',
  activity: 1000,
  deliveredWithId: 1,
};

function totals(fields: Partial<IsotopeTotalsInput>) {
  return summarizeIsotopeDelivery({
    delivery,
    date: DATE,
    orders: [],
    vials: [],
    halflifeSeconds: T,
    ...fields,
  });
}

describe('summarizeIsotopeDelivery', () => {
  it('[URS-PRD-011][URS-PRD-001] decays vials FORWARD: 1000 MBq calibrated 10:00, delivered 12:00, T 6586.2 s → 468.72 (legacy sign bug gave 2133.46)', () => {
    const result = totals({
      orders: [order({ id: 1, status: OrderStatus.Released })],
      vials: [vial],
    });
    expect(result.deliveredActivity).toBeCloseTo(468.72, 2);
    expect(result.deliveredActivity).not.toBeCloseTo(2133.46, 0);
    expect(result.status).toBe(OrderStatus.Released);
    expect(result.orderedActivity).toBe(1000);
  });

  it('[URS-PRD-011][URS-DAT-009] reads the calibration instant as UTC: 10:00 Copenhagen summer time is 08:00Z', () => {
    const result = totals({
      date: '2024-06-03',
      orders: [order({ id: 1, deliveryDate: '2024-06-03' })],
      vials: [{ ...vial, calibratedAt: '2024-06-03T08:00:00Z' }],
    });
    expect(result.deliveredActivity).toBeCloseTo(468.72, 2);
  });

  it('[URS-PRD-011][URS-PRD-001] does not correct a vial calibrated after the delivery time', () => {
    const result = totals({
      orders: [order({ id: 1 })],
      vials: [{ ...vial, calibratedAt: '2024-12-02T12:00:00Z' }],
    });
    expect(result.deliveredActivity).toBe(1000);
  });

  it('[URS-PRD-011][URS-DAT-009] counts real elapsed time across the DST jump (2025-03-30 01:30 → 03:30 is one hour)', () => {
    const result = totals({
      date: '2025-03-30',
      delivery: { id: 1, deliveryTime: '03:30:00' },
      orders: [order({ id: 1, deliveryDate: '2025-03-30' })],
      vials: [{ ...vial, calibratedAt: '2025-03-30T00:30:00Z' }],
    });
    expect(result.deliveredActivity).toBeCloseTo(1000 * 2 ** (-3600 / T), 6);
    expect(result.deliveredActivity).toBeCloseTo(684.63, 2);
  });

  it('[URS-PRD-011] sums non-rejected orders of this delivery and date only; status is their lowest', () => {
    const result = totals({
      orders: [
        order({ id: 1, orderedActivity: 300, status: OrderStatus.Released }),
        order({ id: 2, orderedActivity: 200, status: OrderStatus.Ordered }),
        order({ id: 3, orderedActivity: 5000, status: OrderStatus.Rejected }),
        order({ id: 4, orderedActivity: 7000, isotopeDeliveryId: 2, status: OrderStatus.Ordered }),
        order({ id: 5, orderedActivity: 9000, deliveryDate: '2024-12-03' }),
      ],
    });
    expect(result.orderedActivity).toBe(500);
    expect(result.status).toBe(OrderStatus.Ordered);
  });

  it('[URS-PRD-011] counts only vials delivered with the counted orders', () => {
    const result = totals({
      orders: [order({ id: 1 }), order({ id: 3, status: OrderStatus.Rejected })],
      vials: [
        vial,
        { ...vial, id: 2, deliveredWithId: 3 },
        { ...vial, id: 3, deliveredWithId: null },
        { ...vial, id: 4, deliveredWithId: 77 },
      ],
    });
    expect(result.deliveredActivity).toBeCloseTo(468.72, 2);
  });

  it('[URS-PRD-011] has status null and zero totals without orders; Rejected when all are rejected', () => {
    expect(totals({ vials: [vial] })).toEqual({
      status: null,
      orderedActivity: 0,
      deliveredActivity: 0,
    });
    const rejected = totals({
      orders: [order({ id: 1, status: OrderStatus.Rejected })],
      vials: [vial],
    });
    expect(rejected).toEqual({
      status: OrderStatus.Rejected,
      orderedActivity: 0,
      deliveredActivity: 0,
    });
  });
});
