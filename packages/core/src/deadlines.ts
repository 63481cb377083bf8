/**
 * Ordering deadlines (docs/domain.md). A deadline is daily (the day
 * before the order date) or weekly (the latest given weekday strictly before the order date),
 * at its time of day. Ordering for a date is closed after its deadline or on a closed date;
 * unlike the legacy, closed dates count also when no deadline is configured.
 */
import { DEFAULT_TIME_ZONE, addDays, localDateTimeOf, secondsBetween, weekdayOf } from './calendar';
import { DeadlineType } from './enums';

/** The fields of a Deadline row that decide when it falls (entities.md). */
export interface DeadlineRule {
  deadlineType: DeadlineType;
  /** `'HH:MM:SS'` */
  deadlineTime: string;
  /** 0 = Monday … 6 = Sunday; weekly deadlines only. */
  weekday?: number | null;
}

/**
 * When ordering for `orderDate` closes, as a local date-time `'YYYY-MM-DD HH:MM:SS'`.
 * Daily: the day before at `deadlineTime`; weekly: the latest `weekday` strictly before
 * `orderDate` (1–7 days earlier) at `deadlineTime`.
 */
export function deadlineFor(deadline: DeadlineRule, orderDate: string): string {
  if (deadline.deadlineType === DeadlineType.Daily) {
    return localDateTimeOf(addDays(orderDate, -1), deadline.deadlineTime);
  }
  if (deadline.deadlineType === DeadlineType.Weekly) {
    const weekday = deadline.weekday;
    if (weekday == null || !Number.isInteger(weekday) || weekday < 0 || weekday > 6) {
      throw new RangeError(`A weekly deadline needs a weekday 0–6, got ${String(weekday)}`);
    }
    const daysBack = ((weekdayOf(orderDate) - weekday + 6) % 7) + 1;
    return localDateTimeOf(addDays(orderDate, -daysBack), deadline.deadlineTime);
  }
  throw new RangeError(`Unknown deadline type ${String(deadline.deadlineType)}`);
}

/** Input of `deadlineCountdownSeconds`. */
export interface DeadlineCountdownInput {
  deadline: DeadlineRule;
  orderDate: string;
  /** `'YYYY-MM-DD HH:MM:SS'`, the site's wall clock now. */
  now: string;
  timeZone?: string;
}

/**
 * Signed real seconds from `now` until the deadline for `orderDate` (negative once passed),
 * for the live countdown; daylight-saving days are 23 or 25 hours long.
 */
export function deadlineCountdownSeconds({
  deadline,
  orderDate,
  now,
  timeZone = DEFAULT_TIME_ZONE,
}: DeadlineCountdownInput): number {
  return secondsBetween(now, deadlineFor(deadline, orderDate), timeZone);
}

/** Input of `isOrderingClosed`. */
export interface OrderingClosedInput {
  /** The configured deadline, or `null` when none is set. */
  deadline: DeadlineRule | null;
  orderDate: string;
  /** Dates (`'YYYY-MM-DD'`) production has closed. */
  closedDates: Iterable<string>;
  /** `'YYYY-MM-DD HH:MM:SS'`, the site's wall clock now. */
  now: string;
  timeZone?: string;
}

/**
 * True when nobody may order for `orderDate`: it is a closed date (with or without a
 * deadline), or a deadline is set and `now` is strictly after it.
 */
export function isOrderingClosed({
  deadline,
  orderDate,
  closedDates,
  now,
  timeZone = DEFAULT_TIME_ZONE,
}: OrderingClosedInput): boolean {
  for (const closedDate of closedDates) {
    if (closedDate === orderDate) {
      return true;
    }
  }
  if (deadline === null) {
    return false;
  }
  return deadlineCountdownSeconds({ deadline, orderDate, now, timeZone }) < 0;
}
