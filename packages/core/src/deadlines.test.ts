import { describe, expect, it } from 'vitest';
import { deadlineCountdownSeconds, deadlineFor, isOrderingClosed } from './deadlines';
import type { DeadlineRule } from './deadlines';
import { DeadlineType, Weekday } from './enums';

const daily13: DeadlineRule = { deadlineType: DeadlineType.Daily, deadlineTime: '13:00:00' };

function weekly(weekday: number, deadlineTime = '13:00:00'): DeadlineRule {
  return { deadlineType: DeadlineType.Weekly, deadlineTime, weekday };
}

describe('deadlineFor', () => {
  it('[URS-DLN-001] puts a daily deadline on the day before (legacy: order 2018-03-21)', () => {
    expect(deadlineFor(daily13, '2018-03-21')).toBe('2018-03-20 13:00:00');
  });

  it('[URS-DLN-001] puts a weekly Thursday deadline on the Thursday of the week before (legacy)', () => {
    expect(deadlineFor(weekly(Weekday.Thursday), '2018-03-21')).toBe('2018-03-15 13:00:00');
  });

  it('[URS-DLN-001] uses the latest weekday strictly before the order date, a full week back on that weekday', () => {
    expect(deadlineFor(weekly(Weekday.Monday), '2024-12-09')).toBe('2024-12-02 13:00:00');
    expect(deadlineFor(weekly(Weekday.Sunday), '2024-12-09')).toBe('2024-12-08 13:00:00');
    expect(deadlineFor(weekly(Weekday.Monday), '2024-12-08')).toBe('2024-12-02 13:00:00');
    expect(deadlineFor(weekly(Weekday.Tuesday), '2024-12-09')).toBe('2024-12-03 13:00:00');
  });

  it('[URS-DLN-001] crosses the year boundary', () => {
    expect(deadlineFor(daily13, '2025-01-01')).toBe('2024-12-31 13:00:00');
    expect(deadlineFor(weekly(Weekday.Friday, '09:30:00'), '2025-01-02')).toBe(
      '2024-12-27 09:30:00',
    );
  });

  it('[URS-DLN-001] keeps the seconds of the deadline time', () => {
    expect(deadlineFor({ ...daily13, deadlineTime: '12:59:30' }, '2024-03-01')).toBe(
      '2024-02-29 12:59:30',
    );
  });

  it('[URS-DLN-001] refuses a weekly deadline without a weekday', () => {
    expect(() =>
      deadlineFor({ deadlineType: DeadlineType.Weekly, deadlineTime: '13:00:00' }, '2024-12-09'),
    ).toThrow(RangeError);
    expect(() => deadlineFor(weekly(7), '2024-12-09')).toThrow(RangeError);
  });
});

describe("isOrderingClosed (the legacy's cases)", () => {
  it('[URS-DLN-001] is closed on the order date itself after a daily deadline', () => {
    expect(
      isOrderingClosed({
        deadline: daily13,
        orderDate: '2018-03-12',
        closedDates: [],
        now: '2018-03-12 10:15:42',
      }),
    ).toBe(true);
  });

  it('[URS-DLN-001] is open the day before, before 13:00', () => {
    expect(
      isOrderingClosed({
        deadline: daily13,
        orderDate: '2018-03-12',
        closedDates: [],
        now: '2018-03-11 10:15:42',
      }),
    ).toBe(false);
  });

  it('[URS-DLN-001][URS-DLN-003] is open for a date years ahead, unless it is a closed date', () => {
    const input = { deadline: daily13, orderDate: '2023-07-12', now: '2018-03-12 10:15:42' };
    expect(isOrderingClosed({ ...input, closedDates: ['2023-07-11'] })).toBe(false);
    expect(isOrderingClosed({ ...input, closedDates: ['2023-07-11', '2023-07-12'] })).toBe(true);
  });

  it('[URS-DLN-001] is closed the afternoon before (order 2023-08-29, now 2023-08-28 15:04)', () => {
    expect(
      isOrderingClosed({
        deadline: daily13,
        orderDate: '2023-08-29',
        closedDates: [],
        now: '2023-08-28 15:04:00',
      }),
    ).toBe(true);
  });
});

describe('isOrderingClosed (our decisions)', () => {
  it('[URS-DLN-001] is still open at exactly the deadline and closed one second later', () => {
    const input = { deadline: daily13, orderDate: '2024-12-03', closedDates: [] };
    expect(isOrderingClosed({ ...input, now: '2024-12-02 13:00:00' })).toBe(false);
    expect(isOrderingClosed({ ...input, now: '2024-12-02 13:00:01' })).toBe(true);
  });

  it('[URS-DLN-003] honours closed dates also when no deadline is configured (legacy ignored them)', () => {
    expect(
      isOrderingClosed({
        deadline: null,
        orderDate: '2024-12-24',
        closedDates: new Set(['2024-12-24']),
        now: '2024-01-01 00:00:00',
      }),
    ).toBe(true);
    expect(
      isOrderingClosed({
        deadline: null,
        orderDate: '2024-12-23',
        closedDates: new Set(['2024-12-24']),
        now: '2024-12-23 23:00:00',
      }),
    ).toBe(false);
  });

  it('[URS-DLN-001] applies a weekly deadline', () => {
    const input = { deadline: weekly(Weekday.Thursday), orderDate: '2018-03-21', closedDates: [] };
    expect(isOrderingClosed({ ...input, now: '2018-03-15 12:59:59' })).toBe(false);
    expect(isOrderingClosed({ ...input, now: '2018-03-16 08:00:00' })).toBe(true);
  });
});

describe('deadlineCountdownSeconds', () => {
  it('[URS-DLN-006] counts down to the deadline and goes negative after it', () => {
    const input = { deadline: daily13, orderDate: '2024-12-03' };
    expect(deadlineCountdownSeconds({ ...input, now: '2024-12-02 11:59:30' })).toBe(3630);
    expect(deadlineCountdownSeconds({ ...input, now: '2024-12-02 13:00:00' })).toBe(0);
    expect(deadlineCountdownSeconds({ ...input, now: '2024-12-02 13:00:10' })).toBe(-10);
  });

  it('[URS-DLN-006][URS-DAT-009] counts 23 hours over the spring-forward night of 2025-03-30', () => {
    expect(
      deadlineCountdownSeconds({
        deadline: daily13,
        orderDate: '2025-03-31',
        now: '2025-03-29 13:00:00',
      }),
    ).toBe(23 * 3600);
    expect(
      deadlineCountdownSeconds({
        deadline: daily13,
        orderDate: '2025-03-31',
        now: '2025-03-30 01:00:00',
      }),
    ).toBe(11 * 3600);
  });

  it('[URS-DLN-006][URS-DAT-009] counts 25 hours over the fall-back night of 2025-10-26', () => {
    expect(
      deadlineCountdownSeconds({
        deadline: daily13,
        orderDate: '2025-10-27',
        now: '2025-10-25 13:00:00',
      }),
    ).toBe(25 * 3600);
  });

  it('[URS-DLN-006][URS-DAT-009] follows the given time zone (no DST in UTC)', () => {
    expect(
      deadlineCountdownSeconds({
        deadline: daily13,
        orderDate: '2025-10-27',
        now: '2025-10-25 13:00:00',
        timeZone: 'UTC',
      }),
    ).toBe(24 * 3600);
  });
});
