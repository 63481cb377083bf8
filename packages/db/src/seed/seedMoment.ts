/**
 * The moment the demo is seeded at. Everything the seed writes is true at that moment: what
 * happened before it (orders released, vials filled) is in the records, nothing after it is.
 */
import {
  DEFAULT_TIME_ZONE,
  addDays,
  dateOfLocalDateTime,
  instantOfLocalDateTime,
  localDateTimeOf,
  localDateTimeOfInstant,
  toPlainDate,
  toPlainTime,
} from '@tracershop/core';

/**
 * The wall-clock time the demo is seeded at when only a date is given: the start of a working
 * day, before the first production run.
 */
export const DEFAULT_SEED_TIME = '06:00:00';

export interface SeedMomentInput {
  /** The site's calendar date ('YYYY-MM-DD'); default the date of `now` in the site zone. */
  today?: string;
  /** The seed moment; default `today` at DEFAULT_SEED_TIME, or the current time without `today`. */
  now?: Date;
  /** The site time zone; default Europe/Copenhagen. */
  timeZone?: string;
}

export interface SeedMoment {
  today: string;
  now: Date;
  timeZone: string;
  /** `now` on the site's wall clock, 'YYYY-MM-DD HH:MM:SS'. */
  localNow: string;
  /** The instant of a wall-clock time on a date in the site zone. */
  instantOf(date: string, time: string): Date;
  /** Whether the wall-clock time on `date` is at or before the seed moment. */
  hasHappened(date: string, time: string): boolean;
}

/**
 * The seed moment of the options: both given must agree (`now` falls on `today` in the site
 * zone), else a RangeError.
 */
export function seedMomentOf(input: SeedMomentInput): SeedMoment {
  const timeZone = input.timeZone ?? DEFAULT_TIME_ZONE;
  const instantOf = (date: string, time: string) =>
    new Date(instantOfLocalDateTime(localDateTimeOf(date, time), timeZone).epochMilliseconds);
  let now: Date;
  if (input.now !== undefined) {
    now = input.now;
  } else if (input.today !== undefined) {
    toPlainDate(input.today);
    now = instantOf(input.today, DEFAULT_SEED_TIME);
  } else {
    now = new Date();
  }
  if (Number.isNaN(now.getTime())) {
    throw new RangeError('The seed moment is not a valid instant');
  }
  const localNow = localDateTimeOfInstant(now.getTime(), timeZone);
  const today = dateOfLocalDateTime(localNow);
  if (input.today !== undefined && input.today !== today) {
    throw new RangeError(
      `The seed moment ${now.toISOString()} falls on ${today} in ${timeZone}, not on ${input.today}`,
    );
  }
  return {
    today,
    now,
    timeZone,
    localNow,
    instantOf,
    hasHappened: (date, time) => instantOf(date, time).getTime() <= now.getTime(),
  };
}

/** `time` moved by whole minutes on the same day (the demo's times never cross midnight). */
export function timePlusMinutes(time: string, minutes: number): string {
  const moved = toPlainTime(time).add({ minutes });
  return moved.toString({ smallestUnit: 'second' });
}

/** `count` dates from `date` on (inclusive) that pass `keep`, going forward or (step -1) back. */
export function datesFrom(
  date: string,
  count: number,
  step: 1 | -1,
  keep: (day: string) => boolean,
): string[] {
  const days: string[] = [];
  for (let day = date; days.length < count; day = addDays(day, step)) {
    if (keep(day)) {
      days.push(day);
    }
  }
  return days;
}
