/**
 * The dose calculator ("Dosislommeregner", docs/domain.md): several wanted
 * activities at times of one day become the one activity needed at the reference (delivery)
 * time. Elapsed time is real seconds across daylight-saving changes (docs/domain.md), not the
 * legacy floored minutes.
 */
import {
  DEFAULT_TIME_ZONE,
  dateOfLocalDateTime,
  localDateTimeOf,
  secondsBetween,
} from './calendar';
import { requiredActivity } from './physics';
import { validatePositiveNumber, validateTime } from './userInput';
import type { ValidationResult } from './validationMessages';

/** One calculator line: `activity` MBq wanted at `time` (`'HH:MM:SS'`) on the reference date. */
export interface CalculatorEntry {
  time: string;
  activity: number;
}

/** Input of `calculateActivity`: the reference time, the half-life and the wanted activities. */
export interface CalculateActivityInput {
  /** `'YYYY-MM-DD HH:MM:SS'`, usually the slot's delivery time on the chosen date. */
  referenceTime: string;
  halflifeSeconds: number;
  entries: readonly CalculatorEntry[];
  timeZone?: string;
}

/** Seconds from the reference time to `time` on the reference date (negative: earlier). */
function secondsFromReference(referenceTime: string, time: string, timeZone: string): number {
  const entryTime = localDateTimeOf(dateOfLocalDateTime(referenceTime), time);
  return secondsBetween(referenceTime, entryTime, timeZone);
}

/**
 * The activity (MBq, unrounded) needed at `referenceTime` so that every entry's activity
 * remains at its time: Σ requiredActivity(activity, T, seconds from reference to entry).
 * An empty list gives 0; an entry before the reference time, or a negative or non-finite
 * activity, throws a RangeError.
 */
export function calculateActivity({
  referenceTime,
  halflifeSeconds,
  entries,
  timeZone = DEFAULT_TIME_ZONE,
}: CalculateActivityInput): number {
  let total = 0;
  for (const entry of entries) {
    if (!Number.isFinite(entry.activity) || entry.activity < 0) {
      throw new RangeError(
        `Calculator activity must be a finite number ≥ 0, got ${entry.activity}`,
      );
    }
    const elapsed = secondsFromReference(referenceTime, entry.time, timeZone);
    if (elapsed < 0) {
      throw new RangeError(
        `Calculator entry ${entry.time} is before the reference ${referenceTime}`,
      );
    }
    total += requiredActivity(entry.activity, halflifeSeconds, elapsed);
  }
  return total;
}

/** Input of `validateCalculatorEntry`: one calculator line as typed. */
export interface CalculatorEntryInput {
  /** `'YYYY-MM-DD HH:MM:SS'` of the calculation. */
  referenceTime: string;
  /** The time as typed (`'9:15'`, `'09:15:00'`, …). */
  time: string;
  /** The activity as typed (Danish number). */
  activity: string;
  timeZone?: string;
}

/**
 * Checks one typed calculator line for the form: the time must be a time of day not before
 * the reference time (`input.timeBeforeReference`), the activity a positive number.
 */
export function validateCalculatorEntry({
  referenceTime,
  time,
  activity,
  timeZone = DEFAULT_TIME_ZONE,
}: CalculatorEntryInput): ValidationResult<CalculatorEntry> {
  const timeResult = validateTime(time, 'time');
  if (!timeResult.ok) {
    return timeResult;
  }
  if (secondsFromReference(referenceTime, timeResult.value, timeZone) < 0) {
    return { ok: false, issue: { key: 'input.timeBeforeReference', field: 'time' } };
  }
  const activityResult = validatePositiveNumber(activity, 'activity');
  if (!activityResult.ok) {
    return activityResult;
  }
  return { ok: true, value: { time: timeResult.value, activity: activityResult.value } };
}
