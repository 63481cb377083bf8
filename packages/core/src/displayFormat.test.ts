import { describe, expect, it } from 'vitest';
import {
  FIGURE_SPACE,
  formatActivity,
  formatCount,
  formatDanishDate,
  formatDanishDateTime,
  formatDanishDecimal,
  formatDecimal,
  formatInputNumber,
  formatPhoneNumber,
  formatShortTime,
  formatVolume,
} from './displayFormat';

/** Reads a formatted figure with its no-break spaces as plain spaces. */
const plain = (text: string) => text.replaceAll(FIGURE_SPACE, ' ');

describe('formatDanishDecimal', () => {
  it('[URS-PRD-015] truncates toward zero with a decimal comma', () => {
    expect(formatDanishDecimal(13.449, 2)).toBe('13,44');
    expect(formatDanishDecimal(8173.9, 0)).toBe('8173');
    expect(formatDanishDecimal(2.5, 2)).toBe('2,50');
    expect(formatDanishDecimal(-13.449, 2)).toBe('-13,44');
    expect(formatDanishDecimal(-8173.9, 0)).toBe('-8173');
  });

  it('[URS-PRD-015] does not lose a digit to binary fractions (13.44, 0.29, 1.005)', () => {
    expect(formatDanishDecimal(13.44, 2)).toBe('13,44');
    expect(formatDanishDecimal(0.29, 2)).toBe('0,29');
    expect(formatDanishDecimal(1.005, 3)).toBe('1,005');
  });

  it('[URS-PRD-015] writes tiny and huge numbers without exponent', () => {
    expect(formatDanishDecimal(1.5e-7, 8)).toBe('0,00000015');
    expect(formatDanishDecimal(1.5e-7, 2)).toBe('0,00');
    expect(formatDanishDecimal(-0.001, 2)).toBe('0,00');
    expect(formatDanishDecimal(1.246e21, 0)).toBe('1246000000000000000000');
  });

  it('[URS-PRD-015] refuses non-finite values and bad decimals', () => {
    expect(() => formatDanishDecimal(Number.NaN, 2)).toThrow(RangeError);
    expect(() => formatDanishDecimal(1, -1)).toThrow(RangeError);
    expect(() => formatDanishDecimal(1, 1.5)).toThrow(RangeError);
  });
});

describe('formatActivity', () => {
  it('[URS-PRD-015] cuts to whole MBq, never rounding a figure up', () => {
    expect(plain(formatActivity(8173.49))).toBe('8 173 MBq');
    expect(plain(formatActivity(57343.619))).toBe('57 343 MBq');
    expect(plain(formatActivity(1677.99))).toBe('1 677 MBq');
    expect(plain(formatActivity(300))).toBe('300 MBq');
  });

  it('[URS-PRD-015] groups large figures by three and keeps the unit on the same line', () => {
    expect(formatActivity(999_999_999)).toBe('999\u00a0999\u00a0999\u00a0MBq');
    expect(plain(formatActivity(1_234_567, 'en'))).toBe('1 234 567 MBq');
  });

  it('[URS-PRD-015] keeps one decimal below 10 MBq, with the decimal mark of the language', () => {
    expect(plain(formatActivity(0.5))).toBe('0,5 MBq');
    expect(plain(formatActivity(0.5, 'en'))).toBe('0.5 MBq');
    expect(plain(formatActivity(9.99))).toBe('9,9 MBq');
    expect(plain(formatActivity(0))).toBe('0 MBq');
  });

  it('[URS-PRD-015] refuses what is not a number', () => {
    expect(() => formatActivity(Number.NaN)).toThrow(RangeError);
  });
});

describe('formatInputNumber', () => {
  it('[URS-DAT-007] echoes a typed number in the user’s language, as it would be typed', () => {
    expect(formatInputNumber(300.5)).toBe('300,5');
    expect(formatInputNumber(300.5, 'en')).toBe('300.5');
    expect(formatInputNumber(50_000)).toBe('50000');
    expect(formatInputNumber(12.25)).toBe('12,25');
    expect(formatInputNumber(0)).toBe('0');
  });
});

describe('formatDecimal, formatVolume, formatCount', () => {
  it('[URS-PRD-015] groups the whole part and uses the language’s decimal mark', () => {
    expect(plain(formatDecimal(1234567.891, 2))).toBe('1 234 567,89');
    expect(plain(formatDecimal(1234567.891, 2, 'en'))).toBe('1 234 567.89');
    expect(plain(formatDecimal(-1234.5, 1))).toBe('-1 234,5');
    expect(formatDecimal(300.5, 1)).toBe('300,5');
    expect(formatDecimal(300.5, 1, 'en')).toBe('300.5');
  });

  it('[URS-PRD-015] writes volumes with two decimals and counts whole', () => {
    expect(plain(formatVolume(6.5))).toBe('6,50 ml');
    expect(plain(formatVolume(7.891, 'en'))).toBe('7.89 ml');
    expect(plain(formatCount(1250))).toBe('1 250');
  });
});

describe('formatPhoneNumber', () => {
  it('groups exactly eight digits in pairs', () => {
    expect(formatPhoneNumber('35451234')).toBe('35 45 12 34');
    expect(formatPhoneNumber('3545 1234')).toBe('35 45 12 34');
    expect(formatPhoneNumber(' 35 45 12 34 ')).toBe('35 45 12 34');
  });

  it('refuses anything else', () => {
    expect(formatPhoneNumber('3545123')).toBeNull();
    expect(formatPhoneNumber('+4535451234')).toBeNull();
    expect(formatPhoneNumber('3545-1234')).toBeNull();
    expect(formatPhoneNumber('')).toBeNull();
  });
});

describe('formatDanishDateTime', () => {
  it('[URS-PRD-015] shows the site clock day first, to the minute unless seconds are asked for', () => {
    expect(formatDanishDateTime('2026-11-21 17:01:09')).toBe('21/11/2026 17:01');
    expect(formatDanishDateTime('2026-11-21 17:01:09', true)).toBe('21/11/2026 17:01:09');
    expect(formatDanishDateTime('2026-01-02 07:05')).toBe('02/01/2026 07:05');
  });

  it('[URS-PRD-015] refuses what is not a local date and time', () => {
    expect(() => formatDanishDateTime('21/11/2026 17:01')).toThrow(RangeError);
  });
});

describe('formatDanishDate, formatShortTime', () => {
  it('[URS-PRD-015] writes dates day first and times to the minute', () => {
    expect(formatDanishDate('2026-11-04')).toBe('04/11/2026');
    expect(formatDanishDate('2026-11-24 13:00:00')).toBe('24/11/2026');
    expect(formatShortTime('08:05:30')).toBe('08:05');
  });
});
