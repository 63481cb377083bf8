import { describe, expect, it } from 'vitest';
import { monthGrid, shiftMonth } from './monthGrid';

describe('monthGrid', () => {
  it('starts on a Monday and ends on a Sunday, whole weeks only', () => {
    const weeks = monthGrid('2026-02-14');
    // February 2026 starts on a Sunday and ends on a Saturday.
    expect(weeks[0]![0]).toBe('2026-01-26');
    expect(weeks.at(-1)![6]).toBe('2026-03-01');
    expect(weeks.every((week) => week.length === 7)).toBe(true);
  });

  it('shows a month starting on Monday from its 1st', () => {
    expect(monthGrid('2027-03-10')[0]![0]).toBe('2027-03-01');
  });
});

describe('shiftMonth', () => {
  it('goes to the 1st of the next or previous month across years', () => {
    expect(shiftMonth('2026-12-23', 1)).toBe('2027-01-01');
    expect(shiftMonth('2026-01-31', -1)).toBe('2025-12-01');
  });
});
