import { normalizeDate } from '@tracershop/core';
import { describe, expect, it } from 'vitest';
import { withAutoSlashes } from './dateTyping';

/** Types `text` one character at a time, as a user would. */
function typed(text: string): string {
  let value = '';
  for (const character of text) {
    value = withAutoSlashes(value, value + character);
  }
  return value;
}

describe('withAutoSlashes', () => {
  it('[URS-DAT-007] inserts slashes after the day and the month while typing forwards', () => {
    expect(withAutoSlashes('15', '151')).toBe('15/1');
    expect(withAutoSlashes('15/10', '15/102')).toBe('15/10/2');
    expect(typed('15102023')).toBe('15/10/2023');
  });

  it('[URS-DAT-007] keeps slashes and dashes the user types', () => {
    expect(typed('15/10/2023')).toBe('15/10/2023');
    expect(typed('15-10-2023')).toBe('15-10-2023');
  });

  it('[URS-DAT-007] lets year-first dates be typed', () => {
    expect(typed('2023-10-15')).toBe('2023-10-15');
    expect(typed('2023/10/15')).toBe('2023/10/15');
  });

  it('[URS-DAT-007] leaves deleting and pasting alone', () => {
    expect(withAutoSlashes('15/1', '15/')).toBe('15/');
    expect(withAutoSlashes('', '2023-10-15')).toBe('2023-10-15');
    expect(withAutoSlashes('', '04112019')).toBe('04112019');
  });

  it('[URS-DAT-007] gives text core reads as a date in every accepted format', () => {
    for (const text of ['15102023', '15/10/2023', '15-10-2023', '2023-10-15', '2023/10/15']) {
      expect(normalizeDate(typed(text)), text).toBe('2023-10-15');
    }
  });
});
