/**
 * The api's one source of "now", so tests can set the time (deadlines, expiry, retention).
 */
import { localDateTimeOfInstant, siteDateOf } from '@tracershop/core';

export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };

/** `'YYYY-MM-DD HH:MM:SS'` on the site wall clock. */
export function siteNow(clock: Clock, timeZone: string): string {
  return localDateTimeOfInstant(clock.now().getTime(), timeZone);
}

/** `'YYYY-MM-DD'`: today on the site wall clock (core's `siteDateOf` of the clock's now). */
export function siteToday(clock: Clock, timeZone: string): string {
  return siteDateOf(clock.now().getTime(), timeZone);
}
