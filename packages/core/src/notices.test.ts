import { describe, expect, it } from 'vitest';

import { isNoticeCurrent } from './notices';

describe('isNoticeCurrent', () => {
  it('[URS-ORD-020] shows a notice up to and including its last day', () => {
    // "Lukket juleaften" written to be shown until 24 December 2026.
    expect(isNoticeCurrent('2026-12-24', '2026-12-06')).toBe(true);
    expect(isNoticeCurrent('2026-12-24', '2026-12-24')).toBe(true);
    expect(isNoticeCurrent('2026-12-24', '2026-12-25')).toBe(false);
    // Across a year's end, by the calendar rather than by the text.
    expect(isNoticeCurrent('2027-01-02', '2026-12-31')).toBe(true);
  });

  it('[URS-ORD-020] shows a notice without a last day until it is removed', () => {
    expect(isNoticeCurrent(null, '2026-12-06')).toBe(true);
    expect(isNoticeCurrent(null, '2099-12-31')).toBe(true);
  });
});
