import { describe, expect, it } from 'vitest';
import { deliveredActivity, vialActivityAtDelivery } from './deliveredActivity';
import { formatActivity } from './displayFormat';

// F-18: half-life 6586.2 s. A delivery at 08:00 on a winter day (CET, no DST change).
const F18 = 6586.2;
const reference = { date: '2026-12-07', deliveryTime: '08:00:00', halflifeSeconds: F18 };

describe('vialActivityAtDelivery', () => {
  it('[URS-PRD-001][URS-PRD-007] decays a vial filled before the delivery forward to the delivery time', () => {
    // Filled 07:10: 3000 s before 08:00 → 2257 · 2^(−3000/6586.2) = 1 645.94 MBq.
    const vial = { activity: 2257, fillDate: '2026-12-07', fillTime: '07:10:00' };
    expect(vialActivityAtDelivery(vial, reference)).toBeCloseTo(1645.94, 2);
  });

  it('[URS-PRD-001][URS-PRD-007] counts a vial filled after the delivery time as filled, never corrected backwards', () => {
    const vial = { activity: 500, fillDate: '2026-12-07', fillTime: '08:30:00' };
    expect(vialActivityAtDelivery(vial, reference)).toBe(500);
  });

  it('[URS-PRD-001][URS-DAT-009] counts real seconds across the spring-forward night', () => {
    // 2026-03-29 01:30 → 04:30 local is two real hours in Copenhagen, not three.
    const vial = { activity: 1000, fillDate: '2026-03-29', fillTime: '01:30:00' };
    const value = vialActivityAtDelivery(vial, {
      date: '2026-03-29',
      deliveryTime: '04:30:00',
      halflifeSeconds: 3600,
    });
    expect(value).toBeCloseTo(250, 6);
  });
});

describe('deliveredActivity', () => {
  it('[URS-PRD-007] adds the vials, each decayed from its own fill time', () => {
    const vials = [
      { activity: 1200, fillDate: '2026-12-07', fillTime: '07:10:00' },
      { activity: 1057, fillDate: '2026-12-07', fillTime: '07:40:00' },
    ];
    // 1200 · 2^(−3000/6586.2) + 1057 · 2^(−1200/6586.2) = 875.11 + 931.60 = 1 806.71 MBq.
    expect(deliveredActivity(vials, reference)).toBeCloseTo(1806.71, 2);
  });

  it('[URS-PRD-007] gives the figure every surface shows for the guide’s worked example', () => {
    // docs/domain.md, "Delivered activity": 430 MBq filled 07:45 → 391.14 MBq at 08:00, shown
    // as "391 MBq" on the cards, the certificate and the export.
    const vials = [{ activity: 430, fillDate: '2026-12-07', fillTime: '07:45:00' }];
    const delivered = deliveredActivity(vials, reference);
    expect(delivered).toBeCloseTo(391.14, 2);
    expect(formatActivity(delivered)).toBe('391\u00a0MBq');
  });

  it('[URS-PRD-007] is 0 without vials', () => {
    expect(deliveredActivity([], reference)).toBe(0);
  });
});
