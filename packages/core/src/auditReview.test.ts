import { describe, expect, it } from 'vitest';
import { isReviewed, reviewPeriodProblem } from './auditReview';

describe('reviewPeriodProblem', () => {
  it('[URS-AUD-008] accepts a past period, one day, and a period ending today', () => {
    expect(reviewPeriodProblem('2026-11-01', '2026-11-30', '2026-12-05')).toBeNull();
    expect(reviewPeriodProblem('2026-12-01', '2026-12-01', '2026-12-05')).toBeNull();
    expect(reviewPeriodProblem('2026-12-01', '2026-12-05', '2026-12-05')).toBeNull();
  });

  it('[URS-AUD-008] refuses a period that ends before it starts, or ends after today', () => {
    expect(reviewPeriodProblem('2026-11-30', '2026-11-01', '2026-12-05')).toBe('endsBeforeStart');
    expect(reviewPeriodProblem('2026-12-01', '2026-12-06', '2026-12-05')).toBe('inFuture');
  });
});

describe('isReviewed', () => {
  const reviews = [{ fromDate: '2026-11-01', toDate: '2026-11-30' }];

  it('[URS-AUD-008] counts both ends of a period as reviewed', () => {
    expect(isReviewed('2026-11-01', reviews)).toBe(true);
    expect(isReviewed('2026-11-30', reviews)).toBe(true);
    expect(isReviewed('2026-12-01', reviews)).toBe(false);
    expect(isReviewed('2026-10-31', [])).toBe(false);
  });
});
