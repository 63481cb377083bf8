/**
 * The site's wall clock in the browser: "now" and "today" in the api's time zone (whoami), so
 * deadlines and calendar colours agree with the server whatever the PC's own zone.
 */
import { localDateTimeOfInstant } from '@tracershop/core';
import { useEffect, useState } from 'react';

/** `'YYYY-MM-DD HH:MM:SS'` on the site's clock. */
export function siteNow(timeZone: string, instant: number = Date.now()): string {
  return localDateTimeOfInstant(instant, timeZone);
}

export function siteToday(timeZone: string, instant: number = Date.now()): string {
  return siteNow(timeZone, instant).slice(0, 10);
}

/** The site's wall clock, updated every `intervalMs` (the deadline countdown ticks by the second). */
export function useSiteNow(timeZone: string, intervalMs = 1000): string {
  const [now, setNow] = useState(() => siteNow(timeZone));
  useEffect(() => {
    const timer = setInterval(() => setNow(siteNow(timeZone)), intervalMs);
    return () => clearInterval(timer);
  }, [timeZone, intervalMs]);
  return now;
}

/** `'2026-11-24'` → `'24/11/2026'`. */
export function danishDate(date: string): string {
  return `${date.slice(8, 10)}/${date.slice(5, 7)}/${date.slice(0, 4)}`;
}

/** `'2026-11-24'` → `'24.11.2026'` ("Ordre for den …"). */
export function dottedDate(date: string): string {
  return `${Number(date.slice(8, 10))}.${Number(date.slice(5, 7))}.${date.slice(0, 4)}`;
}
