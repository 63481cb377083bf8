import { describe, expect, it } from 'vitest';
import {
  overheadMultiplierFromPercent,
  overheadPercentOf,
  validateOverheadPercent,
} from './overhead';

describe('overheadMultiplierFromPercent', () => {
  it('[URS-PRD-003] turns a percentage into a multiplier (legacy: 44 saves 1.44)', () => {
    expect(overheadMultiplierFromPercent('44')).toBeCloseTo(1.44, 12);
    expect(overheadMultiplierFromPercent('12,5')).toBeCloseTo(1.125, 12);
    expect(overheadMultiplierFromPercent('0')).toBe(1);
    expect(overheadMultiplierFromPercent('150')).toBeCloseTo(2.5, 12);
  });

  it('[URS-PRD-003] reads an empty field as no overhead', () => {
    expect(overheadMultiplierFromPercent('')).toBe(1);
    expect(overheadMultiplierFromPercent('  ')).toBe(1);
  });

  it('[URS-PRD-003] refuses garbage and negative percentages (legacy: 4a4 is rejected)', () => {
    expect(overheadMultiplierFromPercent('4a4')).toBeNull();
    expect(overheadMultiplierFromPercent('-5')).toBeNull();
  });
});

describe('overheadPercentOf', () => {
  it('[URS-PRD-003] shows whole percent (legacy: 1.25 → 25, 1.5 → 50, 1.15 → 15)', () => {
    expect(overheadPercentOf(1.25)).toBe(25);
    expect(overheadPercentOf(1.5)).toBe(50);
    expect(overheadPercentOf(1.15)).toBe(15);
    expect(overheadPercentOf(1)).toBe(0);
    expect(overheadPercentOf(1.44)).toBe(44);
  });

  it('[URS-PRD-003] round-trips what was typed', () => {
    expect(overheadPercentOf(overheadMultiplierFromPercent('37') ?? Number.NaN)).toBe(37);
  });
});

describe('validateOverheadPercent', () => {
  it('[URS-PRD-003] gives the multiplier or a keyed issue', () => {
    expect(validateOverheadPercent('25')).toEqual({ ok: true, value: 1.25 });
    expect(validateOverheadPercent('4a4')).toEqual({
      ok: false,
      issue: { key: 'input.notANumber', field: 'overhead' },
    });
    expect(validateOverheadPercent('-1')).toEqual({
      ok: false,
      issue: { key: 'input.negative', field: 'overhead' },
    });
  });
});
