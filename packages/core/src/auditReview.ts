/**
 * Periodic review of the audit trail (docs/domain.md, "Audit trail reviews"): a site admin
 * signs that they read the events of a period of site days. The period must be real: it
 * starts no later than it ends, and it has passed, or is passing, so no day after today.
 */

/** Why a review period cannot be signed (`reviewPeriodProblem` gives null when it can). */
export type ReviewPeriodProblem = 'endsBeforeStart' | 'inFuture';

/** Checks the period `fromDate`–`toDate` (`YYYY-MM-DD`, both included) on site day `today`. */
export function reviewPeriodProblem(
  fromDate: string,
  toDate: string,
  today: string,
): ReviewPeriodProblem | null {
  if (toDate < fromDate) {
    return 'endsBeforeStart';
  }
  if (toDate > today) {
    return 'inFuture';
  }
  return null;
}

/** Whether site day `date` lies in a reviewed period. */
export function isReviewed(
  date: string,
  reviews: readonly { fromDate: string; toDate: string }[],
): boolean {
  return reviews.some((review) => review.fromDate <= date && date <= review.toDate);
}
