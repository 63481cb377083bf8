import { describe, expect, it } from 'vitest';

import { parseValFile } from './valFile';

/** The example of the legacy tests (lib/tests/tests_parsing.py), incl. the ignored keys. */
const LEGACY_EXAMPLE = [
  'customer:   1-Rigshospitalet1',
  'part:       0',
  'charge:     FDGF-240124-1',
  'depotpos:   0',
  'filldate:   24.01.24',
  'filltime:   08:45:05',
  'activity:   13233 MBq;',
  'volume:     7.89 ml',
  'gros:       0 g',
  'tare:       0 g',
  'net:        0 g',
  'product:    18F',
  'use_before: 24/01/24 17:30',
  'dispenser:  UK465',
];

const ALL_NULL = {
  dispenserId: null,
  lotNumber: null,
  fillDate: null,
  fillTime: null,
  activity: null,
  volume: null,
};

/** A VAL text whose `key` line says `value`, the others as in the legacy example. */
function withLine(key: string, value: string): string {
  return LEGACY_EXAMPLE.map((line) =>
    line.startsWith(`${key}:`) ? `${key}: ${value}` : line,
  ).join('\n');
}

describe('parseValFile', () => {
  it('[URS-VIA-001] reads the legacy example', () => {
    expect(parseValFile(LEGACY_EXAMPLE.join('\n'))).toEqual({
      dispenserId: 1,
      lotNumber: 'FDGF-240124-1',
      fillDate: '2024-01-24',
      fillTime: '08:45:05',
      activity: 13233,
      volume: 7.89,
    });
  });

  it('[URS-VIA-001] reads CRLF and CR line endings, a byte-order mark and extra spaces the same way', () => {
    const expected = parseValFile(LEGACY_EXAMPLE.join('\n'));
    expect(parseValFile(LEGACY_EXAMPLE.join('\r\n'))).toEqual(expected);
    expect(parseValFile(LEGACY_EXAMPLE.join('\r'))).toEqual(expected);
    expect(parseValFile(`\uFEFF${LEGACY_EXAMPLE.join('\r\n')}\r\n`)).toEqual(expected);
    const spaced = LEGACY_EXAMPLE.map((line) => `  ${line.replace(':', ' :\t')}   `).join('\n');
    expect(parseValFile(spaced)).toEqual(expected);
  });

  it.each([
    ['1-Rigshospitalet1', 1],
    ['16-petf2', 16],
    ['24-petq', 24],
    ['99 - QC', 99],
    ['Rigshospitalet', null],
    ['16', null],
    ['-16-petf2', null],
  ])('[URS-VIA-001] reads the dispenser id of customer %j as %j', (customer, dispenserId) => {
    expect(parseValFile(withLine('customer', customer)).dispenserId).toBe(dispenserId);
  });

  it.each([
    ['24.01.24', '2024-01-24'],
    ['29.02.24', '2024-02-29'],
    ['1/2/25', '2025-02-01'],
    ['29.02.23', null],
    ['32.01.24', null],
    ['24.13.24', null],
    ['2024-01-24', null],
    ['', null],
  ])('[URS-VIA-001] reads filldate %j as %j', (filldate, fillDate) => {
    expect(parseValFile(withLine('filldate', filldate)).fillDate).toBe(fillDate);
  });

  it.each([
    ['08:45:05', '08:45:05'],
    ['8:45:05', '08:45:05'],
    ['23:59:59', '23:59:59'],
    ['24:00:00', null],
    ['10:70:00', null],
    ['084505', null],
  ])('[URS-VIA-001] reads filltime %j as %j', (filltime, fillTime) => {
    expect(parseValFile(withLine('filltime', filltime)).fillTime).toBe(fillTime);
  });

  it.each([
    ['13233 MBq;', 13233],
    ['13233 MBq', 13233],
    ['13233,5 MBq;', 13233.5],
    ['1.5 mbq;', 1.5],
    ['13 GBq;', null],
    ['-5 MBq;', null],
    ['many MBq;', null],
  ])('[URS-VIA-001] reads activity %j as %j MBq', (activity, expected) => {
    expect(parseValFile(withLine('activity', activity)).activity).toBe(expected);
  });

  it.each([
    ['7.89 ml', 7.89],
    ['7,89 ml', 7.89],
    ['12 ML', 12],
    ['7.89', null],
    ['7.89 l', null],
  ])('[URS-VIA-001] reads volume %j as %j ml', (volume, expected) => {
    expect(parseValFile(withLine('volume', volume)).volume).toBe(expected);
  });

  it('[URS-VIA-001] refuses a charge with spaces or longer than a lot number column', () => {
    expect(parseValFile(withLine('charge', 'FDGF 240124 1')).lotNumber).toBeNull();
    expect(parseValFile(withLine('charge', `FDGF-240124-${'1'.repeat(30)}`)).lotNumber).toBeNull();
    expect(parseValFile(withLine('charge', 'fdg-200504-1')).lotNumber).toBe('fdg-200504-1');
  });

  it('[URS-VIA-001] leaves missing keys null and ignores unknown keys and lines without a key', () => {
    const text = 'charge: FDGF-240124-1\nno key here\nweight: 5 kg\n::::\n';
    expect(parseValFile(text)).toEqual({ ...ALL_NULL, lotNumber: 'FDGF-240124-1' });
  });

  it('[URS-VIA-001] takes the first occurrence of a repeated key', () => {
    expect(parseValFile('charge: A-240124-1\ncharge: B-240124-1').lotNumber).toBe('A-240124-1');
  });

  it.each([
    ['empty', ''],
    ['whitespace', ' \n\r\n\t'],
    ['prose', 'This is not a VAL file at all.'],
    ['binary junk', String.fromCharCode(...Array.from({ length: 256 }, (_, i) => i))],
    ['lone surrogates', '\uD800customer: \uDC00'],
    ['a huge line', 'customer: '.padEnd(100_000, '9')],
  ])('[URS-VIA-001] never throws and reads nothing from %s', (_name, text) => {
    expect(parseValFile(text)).toEqual(ALL_NULL);
  });

  it('[URS-VIA-001] never throws for a value that is not a string', () => {
    expect(parseValFile(undefined as unknown as string)).toEqual(ALL_NULL);
    expect(parseValFile(42 as unknown as string)).toEqual(ALL_NULL);
  });
});
