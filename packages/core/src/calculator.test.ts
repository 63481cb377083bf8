import { describe, expect, it } from 'vitest';
import { calculateActivity, validateCalculatorEntry } from './calculator';
import { messageFor } from './validationMessages';

const LEGACY_REFERENCE = '2012-06-12 08:15:30';
const LEGACY_HALFLIFE = 6543;

describe('calculateActivity', () => {
  it('[URS-ORD-012] gives 57 343.62 MBq for the legacy example, counting real seconds (3570 s, 7170 s) instead of the legacy floored minutes (60, 120 → 57 526.15)', () => {
    const result = calculateActivity({
      referenceTime: LEGACY_REFERENCE,
      halflifeSeconds: LEGACY_HALFLIFE,
      entries: [
        { time: '09:15:00', activity: 10000 },
        { time: '10:15:00', activity: 20000 },
      ],
    });
    // 10000·2^(3570/6543) + 20000·2^(7170/6543) = 14 596.488 + 42 747.131
    expect(result).toBeCloseTo(57343.619, 2);
    expect(result).toBeLessThan(57526.15);
  });

  it('[URS-ORD-012] matches the legacy value when the reference has no seconds (whole minutes)', () => {
    const result = calculateActivity({
      referenceTime: '2012-06-12 08:15:00',
      halflifeSeconds: LEGACY_HALFLIFE,
      entries: [
        { time: '09:15:00', activity: 10000 },
        { time: '10:15:00', activity: 20000 },
      ],
    });
    expect(result).toBeCloseTo(57526.154, 2);
  });

  it('[URS-ORD-012] returns the activity itself for an entry at the reference time', () => {
    const result = calculateActivity({
      referenceTime: '2024-12-02 08:00:00',
      halflifeSeconds: 6586.2,
      entries: [{ time: '08:00:00', activity: 5000 }],
    });
    expect(result).toBe(5000);
  });

  it('[URS-ORD-012] doubles the activity one half-life later', () => {
    const result = calculateActivity({
      referenceTime: '2024-12-02 08:00:00',
      halflifeSeconds: 3600,
      entries: [{ time: '09:00:00', activity: 100 }],
    });
    expect(result).toBeCloseTo(200, 10);
  });

  it('[URS-ORD-012] returns 0 for no entries', () => {
    expect(
      calculateActivity({ referenceTime: LEGACY_REFERENCE, halflifeSeconds: 6543, entries: [] }),
    ).toBe(0);
  });

  it('[URS-ORD-012] throws a RangeError for an entry before the reference time, also by seconds only', () => {
    expect(() =>
      calculateActivity({
        referenceTime: LEGACY_REFERENCE,
        halflifeSeconds: LEGACY_HALFLIFE,
        entries: [{ time: '01:15:00', activity: 300 }],
      }),
    ).toThrow(RangeError);
    expect(() =>
      calculateActivity({
        referenceTime: LEGACY_REFERENCE,
        halflifeSeconds: LEGACY_HALFLIFE,
        entries: [{ time: '08:15:00', activity: 300 }],
      }),
    ).toThrow(RangeError);
  });

  it('[URS-ORD-012] throws a RangeError for a negative activity', () => {
    expect(() =>
      calculateActivity({
        referenceTime: LEGACY_REFERENCE,
        halflifeSeconds: LEGACY_HALFLIFE,
        entries: [{ time: '09:00:00', activity: -1 }],
      }),
    ).toThrow(RangeError);
  });

  it('[URS-ORD-012][URS-DAT-009] counts one real hour from 01:30 to 03:30 on the spring-forward day 2025-03-30', () => {
    const result = calculateActivity({
      referenceTime: '2025-03-30 01:30:00',
      halflifeSeconds: 3600,
      entries: [{ time: '03:30:00', activity: 100 }],
    });
    expect(result).toBeCloseTo(200, 10);
  });
});

describe('validateCalculatorEntry', () => {
  it('[URS-ORD-012] normalises a valid line', () => {
    expect(
      validateCalculatorEntry({ referenceTime: LEGACY_REFERENCE, time: '9:15', activity: '10000' }),
    ).toEqual({ ok: true, value: { time: '09:15:00', activity: 10000 } });
  });

  it('[URS-ORD-012] refuses a time before the reference, including 08:15 against 08:15:30', () => {
    for (const time of ['01:15', '08:15']) {
      const result = validateCalculatorEntry({
        referenceTime: LEGACY_REFERENCE,
        time,
        activity: '300',
      });
      expect(result).toEqual({
        ok: false,
        issue: { key: 'input.timeBeforeReference', field: 'time' },
      });
    }
  });

  it('[URS-ORD-012] passes the activity through the positive-number rules', () => {
    const result = validateCalculatorEntry({
      referenceTime: LEGACY_REFERENCE,
      time: '10:00',
      activity: 'helloworld',
    });
    expect(result.ok ? null : messageFor(result.issue)).toBe('Aktivitet er ikke et tal');
    const zero = validateCalculatorEntry({
      referenceTime: LEGACY_REFERENCE,
      time: '10:00',
      activity: '0',
    });
    expect(zero.ok ? null : zero.issue.key).toBe('input.zero');
  });

  it('[URS-ORD-012] reports a malformed time before looking at the activity', () => {
    const result = validateCalculatorEntry({
      referenceTime: LEGACY_REFERENCE,
      time: '10:70',
      activity: '',
    });
    expect(result.ok ? null : result.issue.key).toBe('input.notATime');
  });
});
