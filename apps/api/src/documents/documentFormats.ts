/**
 * How documents write dates, times and amounts (legacy-business-rules.md §1.11): MBq
 * truncated to whole numbers, volumes with two decimals and a decimal comma, dates
 * `dd/mm/åååå`, times `tt:mm`, instants on the site's wall clock.
 */
import {
  formatDanishDate,
  formatDanishDecimal,
  formatShortTime,
  localDateTimeOfInstant,
  toPlainDate,
} from '@tracershop/core';

/** An activity truncated to whole MBq: `'2400 MBq'`. */
export function mbqText(activity: number): string {
  return `${formatDanishDecimal(activity, 0)} MBq`;
}

/** A volume with two decimals and a decimal comma: `'6,50 ml'`. */
export function mlText(volume: number): string {
  return `${formatDanishDecimal(volume, 2)} ml`;
}

/** An instant as `'tt:mm dd/mm/åååå'` on the site clock, or "Ukendt tidspunkt". */
export function instantText(instant: Date | null, timeZone: string): string {
  if (instant === null) {
    return 'Ukendt tidspunkt';
  }
  const local = localDateTimeOfInstant(instant.getTime(), timeZone);
  return `${formatShortTime(local.slice(11))} ${formatDanishDate(local.slice(0, 10))}`;
}

/** The site calendar date of an instant, `'YYYY-MM-DD'`. */
export function siteDateOf(instant: Date, timeZone: string): string {
  return localDateTimeOfInstant(instant.getTime(), timeZone).slice(0, 10);
}

/** Isotope name as the apps write it: `'F-18'`, `'Tc-99m'`. */
export function isotopeName(isotope: {
  atomicLetter: string;
  atomicMass: number;
  metastable?: boolean | null;
}): string {
  return `${isotope.atomicLetter}-${isotope.atomicMass}${isotope.metastable ? 'm' : ''}`;
}

/** Whether `text` is a real calendar date `YYYY-MM-DD`. */
export function isCalendarDate(text: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text)) {
    return false;
  }
  try {
    toPlainDate(text);
    return true;
  } catch {
    return false;
  }
}

/** A file-name part: letters, digits and dashes only (æøå spelled out). */
export function fileNamePart(text: string): string {
  return text
    .replace(/æ/g, 'ae')
    .replace(/ø/g, 'oe')
    .replace(/å/g, 'aa')
    .replace(/Æ/g, 'Ae')
    .replace(/Ø/g, 'Oe')
    .replace(/Å/g, 'Aa')
    .normalize('NFKD')
    .replace(/[^A-Za-z0-9-]+/g, '-')
    .replace(/-+/g, '-')
    .replace(/^-|-$/g, '');
}
