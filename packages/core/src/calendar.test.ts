import { describe, expect, it } from 'vitest';

import {
  addDays,
  compareLocal,
  dateOfLocalDateTime,
  daysBetween,
  instantTextOfLocalDateTime,
  isoWeekOf,
  localDateTimeOf,
  localDateTimeOfInstant,
  secondsBetween,
  siteDateOf,
  secondsBetweenTimes,
  toPlainDate,
  toPlainDateTime,
  toPlainTime,
  weekdayOf,
} from './calendar';

describe('weekdayOf (0 = Monday … 6 = Sunday)', () => {
  it.each([
    ['2024-12-02', 0],
    ['2018-03-13', 1],
    ['2018-03-21', 2],
    ['2020-06-11', 3],
    ['2024-12-06', 4],
    ['2024-12-07', 5],
    ['2024-12-08', 6],
  ])('[URS-DLN-008] %s is weekday %i', (date, weekday) => {
    expect(weekdayOf(date)).toBe(weekday);
  });
});

describe('isoWeekOf', () => {
  it.each([
    ['2018-03-12', 11],
    ['2018-03-15', 11],
    ['2021-01-09', 1],
    ['2021-01-10', 1],
    ['2020-12-31', 53],
    ['2021-01-03', 53],
    ['2021-01-04', 1],
    ['2024-12-30', 1],
    ['2026-01-01', 1],
    ['2026-12-31', 53],
  ])('[URS-DLN-008] %s is ISO week %i', (date, week) => {
    expect(isoWeekOf(date)).toBe(week);
  });

  it('[URS-DLN-008] is monotone within a week where the legacy formula was not (Sat 2021-01-09 vs Sun 01-10)', () => {
    expect(isoWeekOf('2021-01-09')).toBe(isoWeekOf('2021-01-10'));
  });
});

describe('secondsBetween (wall clock in Europe/Copenhagen)', () => {
  it('[URS-DAT-009] counts an ordinary hour as 3600 s', () => {
    expect(secondsBetween('2024-12-02 07:00:00', '2024-12-02 08:00:00')).toBe(3600);
  });

  it('[URS-DAT-009] is signed', () => {
    expect(secondsBetween('2024-12-02 08:00:00', '2024-12-02 07:00:00')).toBe(-3600);
  });

  it('[URS-DAT-009] keeps the seconds (legacy floored minutes)', () => {
    expect(secondsBetween('2024-12-02 08:00:30', '2024-12-02 11:00:00')).toBe(10770);
  });

  it('[URS-DAT-009] spring-forward day 2025-03-30: 01:00 → 04:00 is two real hours', () => {
    expect(secondsBetween('2025-03-30 01:00:00', '2025-03-30 04:00:00')).toBe(7200);
  });

  it('[URS-DAT-009] fall-back day 2025-10-26: 01:00 → 04:00 is four real hours', () => {
    expect(secondsBetween('2025-10-26 01:00:00', '2025-10-26 04:00:00')).toBe(14400);
  });

  it('[URS-DAT-009] crosses midnight and the year boundary', () => {
    expect(secondsBetween('2024-12-31 23:30:00', '2025-01-01 00:30:00')).toBe(3600);
  });

  it('[URS-DAT-009] takes another time zone', () => {
    expect(secondsBetween('2025-03-30 01:00:00', '2025-03-30 04:00:00', 'UTC')).toBe(10800);
  });

  it('[URS-DAT-009] secondsBetweenTimes uses the date for DST', () => {
    expect(secondsBetweenTimes('2025-03-30', '01:30:00', '03:30:00')).toBe(3600);
    expect(secondsBetweenTimes('2025-03-31', '01:30:00', '03:30:00')).toBe(7200);
  });
});

describe('dates and date-times', () => {
  it('[URS-DAT-009] adds days across month, year and DST boundaries', () => {
    expect(addDays('2024-12-31', 1)).toBe('2025-01-01');
    expect(addDays('2024-03-01', -1)).toBe('2024-02-29');
    expect(addDays('2025-03-29', 1)).toBe('2025-03-30');
  });

  it('[URS-DAT-009] counts calendar days between dates', () => {
    expect(daysBetween('2025-03-29', '2025-03-31')).toBe(2);
    expect(daysBetween('2025-01-01', '2024-12-25')).toBe(-7);
  });

  it('[URS-DAT-009] joins and splits local date-times', () => {
    expect(localDateTimeOf('2024-12-02', '08:00:00')).toBe('2024-12-02 08:00:00');
    expect(dateOfLocalDateTime('2024-12-02 08:00:00')).toBe('2024-12-02');
  });

  it('[URS-DAT-009] compares texts of one format', () => {
    expect(compareLocal('07:59:59', '08:00:00')).toBe(-1);
    expect(compareLocal('2024-12-02', '2024-12-02')).toBe(0);
    expect(compareLocal('2024-12-03 00:00:00', '2024-12-02 23:59:59')).toBe(1);
  });

  it('[URS-DAT-009] converts instants to the local wall clock, summer and winter', () => {
    expect(localDateTimeOfInstant('2024-01-24T07:12:00Z')).toBe('2024-01-24 08:12:00');
    expect(localDateTimeOfInstant('2024-07-24T07:12:00Z')).toBe('2024-07-24 09:12:00');
    expect(localDateTimeOfInstant(Date.UTC(2024, 0, 24, 7, 12))).toBe('2024-01-24 08:12:00');
  });

  it('[URS-DAT-009] gives the site date of an instant, turning at local midnight in summer and winter', () => {
    // Winter (UTC+1): midnight in Copenhagen is 23:00 UTC the day before.
    expect(siteDateOf('2024-01-24T22:59:59Z', 'Europe/Copenhagen')).toBe('2024-01-24');
    expect(siteDateOf('2024-01-24T23:00:00Z', 'Europe/Copenhagen')).toBe('2024-01-25');
    // Summer (UTC+2): midnight is 22:00 UTC the day before.
    expect(siteDateOf('2024-07-24T21:59:59Z', 'Europe/Copenhagen')).toBe('2024-07-24');
    expect(siteDateOf(Date.UTC(2024, 6, 24, 22, 0, 0), 'Europe/Copenhagen')).toBe('2024-07-25');
    // The days the clocks change: the date still turns at the local midnight before and after.
    expect(siteDateOf('2025-03-29T22:59:59Z', 'Europe/Copenhagen')).toBe('2025-03-29');
    expect(siteDateOf('2025-03-29T23:00:00Z', 'Europe/Copenhagen')).toBe('2025-03-30');
    expect(siteDateOf('2025-03-30T21:59:59Z', 'Europe/Copenhagen')).toBe('2025-03-30');
    expect(siteDateOf('2025-03-30T22:00:00Z', 'Europe/Copenhagen')).toBe('2025-03-31');
    expect(siteDateOf('2025-10-25T21:59:59Z', 'Europe/Copenhagen')).toBe('2025-10-25');
    expect(siteDateOf('2025-10-25T22:00:00Z', 'Europe/Copenhagen')).toBe('2025-10-26');
    expect(siteDateOf('2025-10-26T22:59:59Z', 'Europe/Copenhagen')).toBe('2025-10-26');
    expect(siteDateOf('2025-10-26T23:00:00Z', 'Europe/Copenhagen')).toBe('2025-10-27');
    // Another zone, and the default (Copenhagen).
    expect(siteDateOf('2024-01-24T23:00:00Z', 'UTC')).toBe('2024-01-24');
    expect(siteDateOf('2024-01-24T23:00:00Z')).toBe('2024-01-25');
  });

  it('[URS-DAT-009] converts a local date-time to its UTC instant, the earlier one in the repeated hour', () => {
    expect(instantTextOfLocalDateTime('2024-01-24 08:12:00')).toBe('2024-01-24T07:12:00Z');
    expect(instantTextOfLocalDateTime('2025-10-26 02:30:00')).toBe('2025-10-26T00:30:00Z');
  });

  it('[URS-DAT-009] refuses text that is not in the stored formats', () => {
    expect(() => toPlainDate('2024-02-30')).toThrow(RangeError);
    expect(() => toPlainDate('02/12/2024')).toThrow(RangeError);
    expect(() => toPlainTime('8:00:00')).toThrow(RangeError);
    expect(() => toPlainTime('24:00:00')).toThrow(RangeError);
    expect(() => toPlainDateTime('2024-12-02T08:00:00')).toThrow(RangeError);
    expect(() => weekdayOf('garbage')).toThrow(RangeError);
  });
});
