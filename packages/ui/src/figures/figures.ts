/**
 * Core's one display format (displayFormat.ts), bound to the user's language: every figure,
 * date and time on a screen goes through here, so both apps show them one way.
 */
import type { Locale } from '@tracershop/core';
import {
  DEFAULT_TIME_ZONE,
  formatActivity,
  formatCount,
  formatDanishDate,
  formatDanishDateTime,
  formatDecimal,
  formatInputNumber,
  formatShortTime,
  formatVolume,
  localDateTimeOfInstant,
} from '@tracershop/core';
import { useTranslation } from 'react-i18next';
import { localeOf } from '../i18n/i18n';

export interface Figures {
  /** `1 234 MBq` */
  activity(mbq: number): string;
  /** `6,50 ml` */
  volume(ml: number): string;
  /** `12,5`, grouped */
  decimal(value: number, decimals: number): string;
  /** `1 250` */
  count(value: number): string;
  /** `12,3 %` */
  percent(value: number): string;
  /** A stored number back into an input: `300,5` */
  input(value: number): string;
  /** `07/12/2026` */
  date(date: string): string;
  /** `07/12/2026 08:00` of a site wall-clock date-time */
  dateTime(localDateTime: string): string;
  /** `08:00` */
  time(time: string): string;
  /** `07/12/2026 08:00` of an instant, on the site clock */
  instant(instant: string | Date): string;
}

export function figuresFor(locale: Locale, timeZone: string = DEFAULT_TIME_ZONE): Figures {
  return {
    activity: (mbq) => formatActivity(mbq, locale),
    volume: (ml) => formatVolume(ml, locale),
    decimal: (value, decimals) => formatDecimal(value, decimals, locale),
    count: (value) => formatCount(value, locale),
    percent: (value) => `${formatDecimal(value, 1, locale)}\u00a0%`,
    input: (value) => formatInputNumber(value, locale),
    date: formatDanishDate,
    dateTime: (localDateTime) => formatDanishDateTime(localDateTime),
    time: formatShortTime,
    instant: (instant) =>
      formatDanishDateTime(
        localDateTimeOfInstant(
          typeof instant === 'string' ? instant : instant.toISOString(),
          timeZone,
        ),
      ),
  };
}

/** The formats in the user's current language. */
export function useFigures(timeZone: string = DEFAULT_TIME_ZONE): Figures {
  const { i18n } = useTranslation();
  return figuresFor(localeOf(i18n.language), timeZone);
}
