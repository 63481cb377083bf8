/**
 * The site's wall clock in the browser: "now" and "today" in the api's time zone (whoami's `timeZone`),
 * so deadlines and countdowns agree with the server whatever the PC's own zone.
 */
import { localDateTimeOfInstant, siteDateOf } from '@tracershop/core';
import { useEffect, useState } from 'react';

/** `'YYYY-MM-DD HH:MM:SS'` on the site's clock. */
export function siteNow(timeZone: string, instant: number = Date.now()): string {
  return localDateTimeOfInstant(instant, timeZone);
}

/** `'YYYY-MM-DD'`: today on the site's clock. */
export function siteToday(timeZone: string, instant: number = Date.now()): string {
  return siteDateOf(instant, timeZone);
}

/**
 * The site's wall clock, renewed every `intervalMs` (the deadline countdown ticks by the
 * second). `enabled: false` stops the timer (a caller that passes its own clock).
 */
export function useSiteNow(timeZone: string, intervalMs = 1000, enabled = true): string {
  const [now, setNow] = useState(() => siteNow(timeZone));
  useEffect(() => {
    if (!enabled) {
      return undefined;
    }
    const timer = setInterval(() => setNow(siteNow(timeZone)), intervalMs);
    return () => clearInterval(timer);
  }, [timeZone, intervalMs, enabled]);
  return now;
}
