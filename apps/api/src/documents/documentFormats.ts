/**
 * How documents write dates, times and amounts: the same way as the screens, through
 * core's display formats (docs/domain.md, "Figures and dates") — activities cut to whole
 * MBq with grouped digits, volumes with two decimals and a decimal comma, date-times
 * `dd/mm/åååå tt:mm` on the site's wall clock.
 */
import {
  formatActivity,
  formatDanishDateTime,
  formatVolume,
  localDateTimeOfInstant,
  siteDateOf as siteDateOfInstant,
  toPlainDate,
} from '@tracershop/core';

/** An activity as every surface shows it: `'2 400 MBq'`. */
export function mbqText(activity: number): string {
  return formatActivity(activity, 'da');
}

/** A volume with two decimals and a decimal comma: `'6,50 ml'`. */
export function mlText(volume: number): string {
  return formatVolume(volume, 'da');
}

/** An instant as `'dd/mm/åååå tt:mm'` on the site clock, or "Ukendt tidspunkt". */
export function instantText(instant: Date | null, timeZone: string): string {
  if (instant === null) {
    return 'Ukendt tidspunkt';
  }
  return formatDanishDateTime(localDateTimeOfInstant(instant.getTime(), timeZone));
}

/** The site calendar date of an instant, `'YYYY-MM-DD'`. */
export function siteDateOf(instant: Date, timeZone: string): string {
  return siteDateOfInstant(instant.getTime(), timeZone);
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
