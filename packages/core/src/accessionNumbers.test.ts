import { describe, expect, it } from 'vitest';

import { maskAccessionNumber } from './accessionNumbers';

describe('maskAccessionNumber', () => {
  it.each([
    ['REGH02301111', 'REGHXXXX1111'],
    ['REGH00001111', 'REGHXXXX1111'],
    ['DKREGH0023459112', 'DKREGHXXXXXX9112'],
    ['12345', 'X2345'],
    ['REGH1234', 'REGH1234'],
    ['REGH12', 'REGH12'],
    ['AB-12-34-56', 'AB-XX-34-56'],
    ['ÆØÅ123456', 'ÆØÅXX3456'],
    ['REGH', 'REGH'],
    ['', ''],
  ])('[URS-ORD-018] masks %j as %j', (text, masked) => {
    expect(maskAccessionNumber(text)).toBe(masked);
  });

  it('[URS-ORD-018] keeps the length, so masked numbers still line up in a table', () => {
    const text = 'DKREGH0520210461';
    expect(maskAccessionNumber(text)).toHaveLength(text.length);
  });

  it('[URS-ORD-018] gives an empty text for a value that is not a string', () => {
    expect(maskAccessionNumber(null as unknown as string)).toBe('');
  });
});
