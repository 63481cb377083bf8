import { describe, expect, it } from 'vitest';
import { formatInstant, instantWindowOf } from './adminTime';

describe('instantWindowOf', () => {
  it('[URS-AUD-007] covers whole days on the site clock, the last day included', () => {
    expect(instantWindowOf('2026-12-01', '2026-12-02', 'Europe/Copenhagen')).toEqual({
      from: '2026-11-30T23:00:00Z',
      to: '2026-12-02T23:00:00Z',
    });
  });

  it('[URS-AUD-007] leaves an end open without its day', () => {
    expect(instantWindowOf(null, null, 'Europe/Copenhagen')).toEqual({});
    expect(instantWindowOf('2026-07-01', null, 'Europe/Copenhagen')).toEqual({
      from: '2026-06-30T22:00:00Z',
    });
  });
});

describe('formatInstant', () => {
  it('[URS-AUD-006] shows the site clock in Danish date order', () => {
    expect(formatInstant('2026-12-02T07:05:09.123Z', 'Europe/Copenhagen')).toBe(
      '02/12/2026 08:05:09',
    );
  });
});
