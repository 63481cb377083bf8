import { describe, expect, it } from 'vitest';
import { isValidLotNumber, lotDateCode, lotTagOf, suggestLotNumber } from './lotNumbers';

describe('isValidLotNumber', () => {
  it.each(['abcdef-123234-9', 'a-937232-123456', 'a-999999-9', 'FDGF-240124-1', 'FDGF-240124-10'])(
    '[URS-VIA-006] accepts %j',
    (text) => {
      expect(isValidLotNumber(text)).toBe(true);
    },
  );

  it.each([
    'not Even close',
    'a-99999-9',
    'a-999999',
    '999999-9',
    'asæd1230213',
    'FDGF-240124-0',
    'FDGF-240124-01',
    'FDGF-2401245-1',
    ' FDGF-240124-1',
    'FDGF-240124-1\n',
  ])('[URS-VIA-006] refuses %j', (text) => {
    expect(isValidLotNumber(text)).toBe(false);
  });

  it('[URS-VIA-006] refuses asæd-123021-3, which the legacy accepted by matching the substring d-123021-3', () => {
    expect(isValidLotNumber('asæd-123021-3')).toBe(false);
    expect(isValidLotNumber('x FDGF-240124-1 y')).toBe(false);
  });
});

describe('lotDateCode', () => {
  it('[URS-VIA-006] writes YYMMDD with a two-digit year', () => {
    expect(lotDateCode('2024-12-02')).toBe('241202');
    expect(lotDateCode('2024-01-24')).toBe('240124');
  });

  it('[URS-VIA-006] keeps six digits for years before 2010 (the legacy gave five)', () => {
    expect(lotDateCode('2005-01-01')).toBe('050101');
    expect(lotDateCode('2000-10-09')).toBe('001009');
  });
});

describe('suggestLotNumber', () => {
  it('[URS-VIA-005] builds TAG-YYMMDD-N, batch 1 by default', () => {
    expect(suggestLotNumber('FDGF', '2024-12-02')).toBe('FDGF-241202-1');
    expect(suggestLotNumber(' FDGF ', '2024-12-02', 3)).toBe('FDGF-241202-3');
  });

  it('[URS-VIA-005] proposes nothing without a usable vial tag', () => {
    expect(suggestLotNumber('', '2024-12-02')).toBeNull();
    expect(suggestLotNumber('   ', '2024-12-02')).toBeNull();
    expect(suggestLotNumber('FDG F', '2024-12-02')).toBeNull();
  });

  it('[URS-VIA-005] refuses a batch number below 1', () => {
    expect(() => suggestLotNumber('FDGF', '2024-12-02', 0)).toThrow(RangeError);
  });

  it('[URS-VIA-005][URS-VIA-006] always proposes a valid lot number', () => {
    const lot = suggestLotNumber('Ga68', '2009-07-31', 12);
    expect(lot).toBe('Ga68-090731-12');
    expect(isValidLotNumber(lot ?? '')).toBe(true);
  });
});

describe('lotTagOf', () => {
  it('[URS-VIA-001] returns the vial tag of a valid lot number', () => {
    expect(lotTagOf('FDGF-241202-1')).toBe('FDGF');
    expect(lotTagOf('a-937232-123456')).toBe('a');
  });

  it('[URS-VIA-001] returns null for text that is not a lot number', () => {
    expect(lotTagOf('asæd-123021-3')).toBeNull();
    expect(lotTagOf('FDGF')).toBeNull();
  });
});
