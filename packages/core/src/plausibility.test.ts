import { describe, expect, it } from 'vitest';
import {
  DEFAULT_TRACER_LIMITS,
  activityOrderBreaches,
  injectionOrderBreaches,
} from './plausibility';

const limits = { maxActivityPerOrder: 20_000, maxActivityPerDelivery: 50_000 };

describe('activityOrderBreaches', () => {
  it('[URS-ORD-006] allows an order up to and exactly at the limit', () => {
    expect(activityOrderBreaches({ limits, orderedActivity: 300, otherOrders: [] })).toEqual([]);
    expect(activityOrderBreaches({ limits, orderedActivity: 20_000, otherOrders: [] })).toEqual([]);
  });

  it('[URS-ORD-006][URS-ORD-007] refuses 999 999 999 MBq: above the order and the delivery limit', () => {
    expect(
      activityOrderBreaches({ limits, orderedActivity: 999_999_999, otherOrders: [] }),
    ).toEqual([
      { limit: 'activityPerOrder', max: 20_000, value: 999_999_999 },
      { limit: 'activityPerDelivery', max: 50_000, value: 999_999_999 },
    ]);
  });

  it('[URS-ORD-007] adds the delivery’s other orders, but not rejected or dead ones', () => {
    const otherOrders = [
      { orderedActivity: 18_000, rejected: false },
      { orderedActivity: 15_000, rejected: false },
      { orderedActivity: 19_000, rejected: true },
      { orderedActivity: 0.5, rejected: false },
    ];
    // 18 000 + 15 000 + 17 000 = 50 000: exactly the limit.
    expect(activityOrderBreaches({ limits, orderedActivity: 17_000, otherOrders })).toEqual([]);
    // 18 000 + 15 000 + 17 001 = 50 001.
    expect(activityOrderBreaches({ limits, orderedActivity: 17_001, otherOrders })).toEqual([
      { limit: 'activityPerDelivery', max: 50_000, value: 50_001 },
    ]);
  });

  it('[URS-ORD-010] starts a new site with limits above real orders and below typing slips', () => {
    expect(DEFAULT_TRACER_LIMITS.maxActivityPerOrder).toBeGreaterThan(10_000);
    expect(DEFAULT_TRACER_LIMITS.maxActivityPerDelivery).toBeGreaterThanOrEqual(
      DEFAULT_TRACER_LIMITS.maxActivityPerOrder,
    );
    expect(
      activityOrderBreaches({
        limits: DEFAULT_TRACER_LIMITS,
        orderedActivity: 999_999_999,
        otherOrders: [],
      }),
    ).toHaveLength(2);
  });
});

describe('injectionOrderBreaches', () => {
  it('[URS-ORD-008] allows up to the limit and refuses one more', () => {
    expect(injectionOrderBreaches({ maxInjectionsPerOrder: 12 }, 12)).toEqual([]);
    expect(injectionOrderBreaches({ maxInjectionsPerOrder: 12 }, 13)).toEqual([
      { limit: 'injectionsPerOrder', max: 12, value: 13 },
    ]);
  });
});
