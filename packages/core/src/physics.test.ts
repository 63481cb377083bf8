import { describe, expect, it } from 'vitest';

import { decayedActivity, decayFactor, requiredActivity } from './physics';

describe('decayFactor', () => {
  it('[URS-PRD-001] is one half after one half-life and one quarter after two', () => {
    expect(decayFactor(3600, 3600)).toBe(0.5);
    expect(decayFactor(3600, 7200)).toBe(0.25);
  });

  it('[URS-PRD-001] is one at zero elapsed time', () => {
    expect(decayFactor(6584, 0)).toBe(1);
  });

  it('[URS-PRD-001] is above one for negative elapsed time (going back in time)', () => {
    expect(decayFactor(3600, -3600)).toBe(2);
  });

  it('[URS-PRD-001] refuses a half-life that is not positive', () => {
    expect(() => decayFactor(0, 10)).toThrow(RangeError);
    expect(() => decayFactor(-1, 10)).toThrow(RangeError);
    expect(() => decayFactor(Number.NaN, 10)).toThrow(RangeError);
  });
});

describe('requiredActivity (legacy decayCorrect, minutes × 60 = seconds)', () => {
  it('[URS-PRD-001] decayCorrect(6584 s, 60 min, 300) = 438.24650136544807', () => {
    expect(requiredActivity(300, 6584, 60 * 60)).toBeCloseTo(438.24650136544807, 10);
  });

  it('[URS-PRD-001] is the activity itself at zero elapsed time', () => {
    expect(requiredActivity(300, 6584, 0)).toBe(300);
  });

  it('[URS-PRD-001] is associative: 60 min then 60 min equals 120 min (640.1999865…)', () => {
    const twice = requiredActivity(requiredActivity(300, 6584, 3600), 6584, 3600);
    const once = requiredActivity(300, 6584, 7200);
    expect(twice).toBeCloseTo(once, 9);
    expect(once).toBeCloseTo(640.1999865, 6);
  });

  it('[URS-PRD-001] python decay(3600, 60, 100) = 200', () => {
    expect(requiredActivity(100, 3600, 3600)).toBe(200);
  });

  it('[URS-PRD-001] real production 2021-08-03: 08:15 → 11:30 (195 min) of 1319 MBq plus 3653 ≈ 8173.49', () => {
    const total = requiredActivity(1319, 6584, 195 * 60) + 3653;
    expect(total).toBeCloseTo(8173.49, 1);
    expect(Math.abs(total - 8171)).toBeLessThanOrEqual(5);
  });

  it('[URS-PRD-001] with negative elapsed time performs forward decay', () => {
    expect(requiredActivity(200, 3600, -3600)).toBe(100);
  });
});

describe('decayedActivity', () => {
  it('[URS-PRD-001] a 1200 MBq vial filled 07:51 has ≈ 1081.50 MBq at 08:00 (T = 3600 s)', () => {
    expect(decayedActivity(1200, 3600, 9 * 60)).toBeCloseTo(1081.5, 2);
  });

  it('[URS-PRD-001] undoes requiredActivity', () => {
    expect(decayedActivity(requiredActivity(1000, 6586.2, 5400), 6586.2, 5400)).toBeCloseTo(
      1000,
      9,
    );
  });

  it('[URS-PRD-001] halves over one half-life', () => {
    expect(decayedActivity(1000, 6586.2, 6586.2)).toBeCloseTo(500, 9);
  });
});
