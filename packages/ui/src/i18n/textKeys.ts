/**
 * Text keys built from values (a month, a weekday, a reason known only at run time). Typed keys
 * (`src/i18n/i18next.d.ts`) accept a template only when every value it can take has a text,
 * so numbers become the unions the texts are written for.
 */
import type { Weekday } from '@tracershop/core';
import type { i18n as I18n } from 'i18next';

/** 1 = January … 12 = December. */
export type MonthNumber = 1 | 2 | 3 | 4 | 5 | 6 | 7 | 8 | 9 | 10 | 11 | 12;

/** "januar" … "december" (`calendar.months`) of a month 1–12. */
export function monthNameKey(month: number): `calendar.months.${MonthNumber}` {
  if (!Number.isInteger(month) || month < 1 || month > 12) {
    throw new RangeError(`no month ${month}`);
  }
  return `calendar.months.${month as MonthNumber}`;
}

/** "Mandag" … "Søndag" (`calendar.weekdayNames`) of a weekday 0 (Monday) – 6 (Sunday). */
export function weekdayNameKey(weekday: number): `calendar.weekdayNames.${Weekday}` {
  if (!Number.isInteger(weekday) || weekday < 0 || weekday > 6) {
    throw new RangeError(`no weekday ${weekday}`);
  }
  return `calendar.weekdayNames.${weekday as Weekday}`;
}

/**
 * The text of a key made from a value the code cannot know in advance (a login refusal's
 * reason from the database, a refusal parameter's value), or null when there is none: the
 * caller then shows the value itself.
 */
export function runtimeText(
  i18n: I18n,
  key: string,
  options: { ns?: 'translation' | 'app' } = {},
): string | null {
  if (!i18n.exists(key, options)) {
    return null;
  }
  const translate = i18n.t as unknown as (key: string, options: object) => string;
  return translate(key, options);
}
