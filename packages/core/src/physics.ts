/**
 * Radioactive decay. Half-life and elapsed time are in seconds, activity in MBq.
 * docs/domain.md: needed-earlier = A·2^(Δt/T), remaining-later = A·2^(−Δt/T).
 */

/** The fraction of activity left after `elapsedSeconds` (may be negative: then > 1). */
export function decayFactor(halflifeSeconds: number, elapsedSeconds: number): number {
  if (!(halflifeSeconds > 0)) {
    throw new RangeError(`halflifeSeconds must be positive, got ${halflifeSeconds}`);
  }
  return 0.5 ** (elapsedSeconds / halflifeSeconds);
}

/** What is left of `activity` `elapsedSeconds` later. */
export function decayedActivity(
  activity: number,
  halflifeSeconds: number,
  elapsedSeconds: number,
): number {
  return activity * decayFactor(halflifeSeconds, elapsedSeconds);
}

/** What must exist `elapsedSeconds` earlier so that `activity` remains. */
export function requiredActivity(
  activity: number,
  halflifeSeconds: number,
  elapsedSeconds: number,
): number {
  return activity / decayFactor(halflifeSeconds, elapsedSeconds);
}
