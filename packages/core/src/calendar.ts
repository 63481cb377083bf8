/**
 * Calendar dates, times of day and local date-times of the site, through Temporal.
 *
 * Formats (docs/domain.md): date `'YYYY-MM-DD'`, time `'HH:MM:SS'`, localDateTime
 * `'YYYY-MM-DD HH:MM:SS'` — wall clock in the site time zone. Instants are ISO-8601 UTC.
 * Functions here throw a RangeError for text that is not in these formats; user input goes
 * through `normalizeDate` / `normalizeTime` first.
 */
import { Temporal } from 'temporal-polyfill';

/** The site time zone unless `TRACERSHOP_TIMEZONE` says otherwise (read by the api, not here). */
export const DEFAULT_TIME_ZONE = 'Europe/Copenhagen';

const DATE_PATTERN = /^\d{4}-\d{2}-\d{2}$/;
const TIME_PATTERN = /^\d{2}:\d{2}:\d{2}$/;
const LOCAL_DATE_TIME_PATTERN = /^(\d{4}-\d{2}-\d{2}) (\d{2}:\d{2}:\d{2})$/;

/** A `'YYYY-MM-DD'` text as a Temporal date; RangeError for anything else. */
export function toPlainDate(date: string): Temporal.PlainDate {
  if (!DATE_PATTERN.test(date)) {
    throw new RangeError(`Not a date (YYYY-MM-DD): ${JSON.stringify(date)}`);
  }
  return Temporal.PlainDate.from(date, { overflow: 'reject' });
}

/** A `'HH:MM:SS'` text as a Temporal time of day; RangeError for anything else. */
export function toPlainTime(time: string): Temporal.PlainTime {
  if (!TIME_PATTERN.test(time)) {
    throw new RangeError(`Not a time of day (HH:MM:SS): ${JSON.stringify(time)}`);
  }
  return Temporal.PlainTime.from(time, { overflow: 'reject' });
}

/** A `'YYYY-MM-DD HH:MM:SS'` text as a Temporal date-time; RangeError for anything else. */
export function toPlainDateTime(localDateTime: string): Temporal.PlainDateTime {
  const match = LOCAL_DATE_TIME_PATTERN.exec(localDateTime);
  if (!match) {
    throw new RangeError(
      `Not a local date-time (YYYY-MM-DD HH:MM:SS): ${JSON.stringify(localDateTime)}`,
    );
  }
  return toPlainDate(match[1] as string).toPlainDateTime(toPlainTime(match[2] as string));
}

/** A Temporal date as `'YYYY-MM-DD'`. */
export function formatDate(date: Temporal.PlainDate): string {
  return date.toString();
}

/** A Temporal time of day as `'HH:MM:SS'` (fractions of a second dropped). */
export function formatTime(time: Temporal.PlainTime): string {
  return time.toString({ smallestUnit: 'second' });
}

/** A Temporal date-time as `'YYYY-MM-DD HH:MM:SS'`. */
export function formatLocalDateTime(dateTime: Temporal.PlainDateTime): string {
  return `${formatDate(dateTime.toPlainDate())} ${formatTime(dateTime.toPlainTime())}`;
}

/** `'2024-12-02'`, `'08:00:00'` → `'2024-12-02 08:00:00'`. */
export function localDateTimeOf(date: string, time: string): string {
  return formatLocalDateTime(toPlainDate(date).toPlainDateTime(toPlainTime(time)));
}

/** The date part of a local date-time. */
export function dateOfLocalDateTime(localDateTime: string): string {
  return formatDate(toPlainDateTime(localDateTime).toPlainDate());
}

/** 0 = Monday … 6 = Sunday. */
export function weekdayOf(date: string): number {
  return toPlainDate(date).dayOfWeek - 1;
}

/** ISO-8601 week number (1–53); the week belongs to the year of its Thursday. */
export function isoWeekOf(date: string): number {
  const week = toPlainDate(date).weekOfYear;
  if (week === undefined) {
    throw new RangeError(`No ISO week for ${date}`);
  }
  return week;
}

/** `date` moved by `days` calendar days (negative goes back). */
export function addDays(date: string, days: number): string {
  return formatDate(toPlainDate(date).add({ days }));
}

/** Signed whole calendar days from `from` to `to`. */
export function daysBetween(from: string, to: string): number {
  return toPlainDate(from).until(toPlainDate(to), { largestUnit: 'days' }).days;
}

/** Negative, zero or positive as `a` is before, equal to or after `b` (dates, times or local date-times of one format). */
export function compareLocal(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * The instant of a local wall-clock date-time in `timeZone`: the earlier one of a repeated
 * hour, and for a skipped hour the instant the clock would show after the change.
 */
export function instantOfLocalDateTime(
  localDateTime: string,
  timeZone: string = DEFAULT_TIME_ZONE,
): Temporal.Instant {
  return toPlainDateTime(localDateTime)
    .toZonedDateTime(timeZone, { disambiguation: 'compatible' })
    .toInstant();
}

/**
 * Signed seconds `to − from` between two local wall-clock date-times, counting real elapsed
 * time: across the spring-forward night 02:00 → 04:00 is one hour.
 */
export function secondsBetween(
  fromLocalDateTime: string,
  toLocalDateTime: string,
  timeZone: string = DEFAULT_TIME_ZONE,
): number {
  const from = instantOfLocalDateTime(fromLocalDateTime, timeZone);
  const to = instantOfLocalDateTime(toLocalDateTime, timeZone);
  return (to.epochMilliseconds - from.epochMilliseconds) / 1000;
}

/** Signed seconds from one time of day to another on the same `date` (the day matters on DST days). */
export function secondsBetweenTimes(
  date: string,
  fromTime: string,
  toTime: string,
  timeZone: string = DEFAULT_TIME_ZONE,
): number {
  return secondsBetween(localDateTimeOf(date, fromTime), localDateTimeOf(date, toTime), timeZone);
}

/** The local wall-clock date-time of an instant (ISO-8601 text or epoch ms) in `timeZone`. */
export function localDateTimeOfInstant(
  instant: string | number,
  timeZone: string = DEFAULT_TIME_ZONE,
): string {
  const value =
    typeof instant === 'number'
      ? Temporal.Instant.fromEpochMilliseconds(instant)
      : Temporal.Instant.from(instant);
  return formatLocalDateTime(value.toZonedDateTimeISO(timeZone).toPlainDateTime());
}

/**
 * The site's calendar date of an instant (ISO-8601 text or epoch ms): "today" when the instant
 * is now. The date turns at local midnight, whatever the offset is that night.
 */
export function siteDateOf(instant: string | number, timeZone: string = DEFAULT_TIME_ZONE): string {
  return dateOfLocalDateTime(localDateTimeOfInstant(instant, timeZone));
}

/** The UTC ISO-8601 instant of a local wall-clock date-time in `timeZone`. */
export function instantTextOfLocalDateTime(
  localDateTime: string,
  timeZone: string = DEFAULT_TIME_ZONE,
): string {
  return instantOfLocalDateTime(localDateTime, timeZone).toString();
}

/** Numeric text parts of a wall-clock date-time, as file formats carry them. */
export interface DateTimeParts {
  year: string | undefined;
  month: string | undefined;
  day: string | undefined;
  hours: string | undefined;
  minutes: string | undefined;
  seconds?: string | undefined;
}

/**
 * `{ date: 'YYYY-MM-DD', time: 'HH:MM:SS' }` from text parts (one-digit parts padded, missing
 * seconds = 00), or null when they are not a real calendar date and time of day.
 */
export function dateAndTimeFromParts(parts: DateTimeParts): { date: string; time: string } | null {
  if ([parts.year, parts.month, parts.day, parts.hours, parts.minutes].includes(undefined)) {
    return null;
  }
  const pad = (part: string | undefined): string => (part ?? '0').padStart(2, '0');
  const [month, day, hours, minutes, seconds] = [
    parts.month,
    parts.day,
    parts.hours,
    parts.minutes,
    parts.seconds,
  ].map(pad) as [string, string, string, string, string];
  try {
    return {
      date: formatDate(toPlainDate(`${parts.year}-${month}-${day}`)),
      time: formatTime(toPlainTime(`${hours}:${minutes}:${seconds}`)),
    };
  } catch {
    return null;
  }
}
