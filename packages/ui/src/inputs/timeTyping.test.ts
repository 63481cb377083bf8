import { normalizeTime } from '@tracershop/core';
import { describe, expect, it } from 'vitest';
import { withAutoColons } from './timeTyping';

describe('withAutoColons', () => {
  it('[URS-DAT-007] inserts colons after hours and minutes while typing forwards', () => {
    expect(withAutoColons('12', '123')).toBe('12:3');
    expect(withAutoColons('12:34', '12:345')).toBe('12:34:5');
    expect(withAutoColons('', '1345')).toBe('13:45');
  });

  it('[URS-DAT-007] leaves deleting and single-digit hours alone', () => {
    expect(withAutoColons('12:3', '12:')).toBe('12:');
    expect(withAutoColons('9:', '9:3')).toBe('9:3');
  });

  it('[URS-DAT-007] gives text core reads as a time', () => {
    expect(normalizeTime(withAutoColons('', '1345'))).toBe('13:45:00');
  });
});
