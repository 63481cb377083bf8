/**
 * The api's one source of "now", so tests can set the time (deadlines, expiry, retention).
 */
import { localDateTimeOfInstant } from '@tracershop/core';

export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };

/** `'YYYY-MM-DD HH:MM:SS'` on the site wall clock. */
export function siteNow(clock: Clock, timeZone: string): string {
  return localDateTimeOfInstant(clock.now().getTime(), timeZone);
}

/** `'YYYY-MM-DD'` on the site wall clock. */
export function siteToday(clock: Clock, timeZone: string): string {
  return siteNow(clock, timeZone).slice(0, 10);
}
