/**
 * Dates the site admin types ("Fra", "Til", whole days on the site's clock) as the api's
 * instant window, and instants shown on the site's clock as the legacy showed dates
 * (`DD/MM/YYYY HH:MM:SS`).
 */
import {
  addDays,
  formatDanishDateTime,
  instantTextOfLocalDateTime,
  localDateTimeOfInstant,
} from '@tracershop/core';

/**
 * `from` = the start of the first day, `to` = the start of the day after the last (the api's
 * window is half open), each as an ISO-8601 instant; a missing day leaves its end open.
 */
export function instantWindowOf(
  fromDate: string | null,
  toDate: string | null,
  timeZone: string,
): { from?: string; to?: string } {
  return {
    ...(fromDate === null
      ? {}
      : { from: instantTextOfLocalDateTime(`${fromDate} 00:00:00`, timeZone) }),
    ...(toDate === null
      ? {}
      : { to: instantTextOfLocalDateTime(`${addDays(toDate, 1)} 00:00:00`, timeZone) }),
  };
}

/** `DD/MM/YYYY HH:MM:SS` on the site's clock. */
export function formatInstant(instant: string, timeZone: string): string {
  return formatDanishDateTime(localDateTimeOfInstant(instant, timeZone), true);
}
