import { describe, expect, it } from 'vitest';
import { isoWeekOf } from './calendar';
import { WeeklyRepeat, Weekday } from './enums';
import { isDeliveryAfterProduction, slotDeliversOn, validateDeliveryTime } from './schedule';

const every = (weekday: number) => ({ weekday, weeklyRepeat: WeeklyRepeat.EveryWeek });
const even = (weekday: number) => ({ weekday, weeklyRepeat: WeeklyRepeat.EvenWeeks });
const odd = (weekday: number) => ({ weekday, weeklyRepeat: WeeklyRepeat.OddWeeks });

describe('slotDeliversOn', () => {
  it('[URS-DLN-008] matches Monday 2018-03-12 (ISO week 11, odd)', () => {
    expect(isoWeekOf('2018-03-12')).toBe(11);
    expect(slotDeliversOn(every(Weekday.Monday), '2018-03-12')).toBe(true);
    expect(slotDeliversOn(odd(Weekday.Monday), '2018-03-12')).toBe(true);
    expect(slotDeliversOn(even(Weekday.Monday), '2018-03-12')).toBe(false);
    expect(slotDeliversOn(every(Weekday.Tuesday), '2018-03-12')).toBe(false);
  });

  it('[URS-DLN-008] agrees with the legacy mask example for that week (Tue even, Wed odd)', () => {
    expect(slotDeliversOn(even(Weekday.Tuesday), '2018-03-13')).toBe(false);
    expect(slotDeliversOn(odd(Weekday.Wednesday), '2018-03-14')).toBe(true);
    expect(slotDeliversOn(even(Weekday.Tuesday), '2018-03-20')).toBe(true);
  });

  it('[URS-DLN-008] uses ISO weeks where the legacy formula was not monotone (Thu 2018-03-15 is week 11)', () => {
    expect(slotDeliversOn(odd(Weekday.Thursday), '2018-03-15')).toBe(true);
    expect(slotDeliversOn(even(Weekday.Thursday), '2018-03-15')).toBe(false);
  });

  it('[URS-DLN-008] treats ISO week 53 (2020-12-31) and week 1 (2021-01-04) as two odd weeks in a row', () => {
    expect(isoWeekOf('2020-12-31')).toBe(53);
    expect(slotDeliversOn(odd(Weekday.Thursday), '2020-12-31')).toBe(true);
    expect(slotDeliversOn(even(Weekday.Thursday), '2020-12-31')).toBe(false);
    expect(isoWeekOf('2021-01-04')).toBe(1);
    expect(slotDeliversOn(odd(Weekday.Monday), '2021-01-04')).toBe(true);
    expect(slotDeliversOn(even(Weekday.Monday), '2021-01-04')).toBe(false);
  });

  it('[URS-DLN-008] puts Monday 2024-12-30 in ISO week 1 of 2025 (odd), after even week 52', () => {
    expect(slotDeliversOn(odd(Weekday.Monday), '2024-12-30')).toBe(true);
    expect(slotDeliversOn(even(Weekday.Monday), '2024-12-30')).toBe(false);
    expect(slotDeliversOn(even(Weekday.Monday), '2024-12-23')).toBe(true);
  });

  it('[URS-DLN-008] handles Sunday as weekday 6 in the week it ends', () => {
    expect(slotDeliversOn(every(Weekday.Sunday), '2024-12-29')).toBe(true);
    expect(slotDeliversOn(even(Weekday.Sunday), '2024-12-29')).toBe(true);
    expect(slotDeliversOn(odd(Weekday.Sunday), '2024-12-29')).toBe(false);
    expect(slotDeliversOn(every(Weekday.Saturday), '2024-12-29')).toBe(false);
  });
});

describe('isDeliveryAfterProduction', () => {
  it('[URS-PRD-014] allows delivery at or after production', () => {
    expect(isDeliveryAfterProduction('08:00:00', '08:00:00')).toBe(true);
    expect(isDeliveryAfterProduction('08:00:00', '11:30:00')).toBe(true);
    expect(isDeliveryAfterProduction('08:00:00', '07:59:59')).toBe(false);
  });

  it('[URS-PRD-014] throws a RangeError for times not in HH:MM:SS', () => {
    expect(() => isDeliveryAfterProduction('8:00', '09:00:00')).toThrow(RangeError);
  });
});

describe('validateDeliveryTime', () => {
  it('[URS-PRD-014] normalises a typed delivery time after production', () => {
    expect(validateDeliveryTime('07:30:00', '8:15')).toEqual({ ok: true, value: '08:15:00' });
  });

  it('[URS-PRD-014] refuses a delivery before production and malformed times', () => {
    expect(validateDeliveryTime('07:30:00', '07:15')).toEqual({
      ok: false,
      issue: { key: 'input.deliveryBeforeProduction', field: 'time' },
    });
    const malformed = validateDeliveryTime('07:30:00', '7.45');
    expect(malformed.ok ? null : malformed.issue.key).toBe('input.notATime');
  });
});
