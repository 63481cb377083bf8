import { describe, expect, it } from 'vitest';
import {
  formatDanishDate,
  formatDanishDateTime,
  formatDottedDate,
  formatShortTime,
  formatDanishDecimal,
  formatMBq,
  formatPhoneNumber,
} from './danishFormat';

describe('formatDanishDecimal', () => {
  it('truncates toward zero with a decimal comma', () => {
    expect(formatDanishDecimal(13.449, 2)).toBe('13,44');
    expect(formatDanishDecimal(8173.9, 0)).toBe('8173');
    expect(formatDanishDecimal(2.5, 2)).toBe('2,50');
    expect(formatDanishDecimal(-13.449, 2)).toBe('-13,44');
    expect(formatDanishDecimal(-8173.9, 0)).toBe('-8173');
  });

  it('does not lose a digit to binary fractions (13.44, 0.29, 1.005)', () => {
    expect(formatDanishDecimal(13.44, 2)).toBe('13,44');
    expect(formatDanishDecimal(0.29, 2)).toBe('0,29');
    expect(formatDanishDecimal(1.005, 3)).toBe('1,005');
  });

  it('writes tiny and huge numbers without exponent', () => {
    expect(formatDanishDecimal(1.5e-7, 8)).toBe('0,00000015');
    expect(formatDanishDecimal(1.5e-7, 2)).toBe('0,00');
    expect(formatDanishDecimal(-0.001, 2)).toBe('0,00');
    expect(formatDanishDecimal(1.246e21, 0)).toBe('1246000000000000000000');
  });

  it('refuses non-finite values and bad decimals', () => {
    expect(() => formatDanishDecimal(Number.NaN, 2)).toThrow(RangeError);
    expect(() => formatDanishDecimal(1, -1)).toThrow(RangeError);
    expect(() => formatDanishDecimal(1, 1.5)).toThrow(RangeError);
  });
});

describe('formatMBq', () => {
  it('floors the activity', () => {
    expect(formatMBq(8173.49)).toBe('8173 MBq');
    expect(formatMBq(57343.619)).toBe('57343 MBq');
    expect(formatMBq(0.99)).toBe('0 MBq');
    expect(formatMBq(300)).toBe('300 MBq');
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
  it('shows the site clock day first, to the minute unless seconds are asked for', () => {
    expect(formatDanishDateTime('2026-11-21 17:01:09')).toBe('21/11/2026 17:01');
    expect(formatDanishDateTime('2026-11-21 17:01:09', true)).toBe('21/11/2026 17:01:09');
    expect(formatDanishDateTime('2026-01-02 07:05')).toBe('02/01/2026 07:05');
  });

  it('refuses what is not a local date and time', () => {
    expect(() => formatDanishDateTime('21/11/2026 17:01')).toThrow(RangeError);
  });
});

describe('formatDanishDate, formatDottedDate, formatShortTime', () => {
  it('writes dates day first and times to the minute', () => {
    expect(formatDanishDate('2026-11-04')).toBe('04/11/2026');
    expect(formatDanishDate('2026-11-24 13:00:00')).toBe('24/11/2026');
    expect(formatDottedDate('2026-11-04')).toBe('4.11.2026');
    expect(formatShortTime('08:05:30')).toBe('08:05');
  });
});
