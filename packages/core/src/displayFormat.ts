/**
 * Every figure, date and time as screens, documents and messages show them — one way,
 * in Danish and English (docs/domain.md, "Figures and dates"):
 * - activity `1 234 567 MBq`: whole MBq, cut down, never rounded up (a delivered figure is
 *   never overstated); below 10 MBq one decimal (`0,5 MBq`), nothing as `0 MBq`;
 * - digits grouped by three with a no-break space in both languages (SI style: a point or a
 *   comma as a group mark means the opposite in the other language), the decimal mark a
 *   comma in Danish and a point in English; a no-break space before the unit, so a figure
 *   never breaks over two lines;
 * - volumes with two decimals (`6,50 ml`);
 * - dates day first `07/12/2026`, date-times `07/12/2026 08:00`, times of day `08:00`,
 *   never seconds.
 */
import type { Locale } from './validationMessages';

const MAX_DECIMALS = 20;

/** The group mark and the space before a unit: a no-break space (also in PDF fonts). */
export const FIGURE_SPACE = '\u00a0';

/**
 * The plain decimal digits of a finite number (no exponent), from JavaScript's shortest
 * round-trip text, so 13.44 is `'13.44'` and not its binary neighbour 13.4399999….
 */
function plainDecimal(value: number): string {
  const text = String(Math.abs(value));
  const match = /^(\d+)(?:\.(\d+))?e([+-]\d+)$/.exec(text);
  if (!match) {
    return text;
  }
  const digits = `${match[1]}${match[2] ?? ''}`;
  const point = (match[1] as string).length + Number(match[3]);
  if (point <= 0) {
    return `0.${'0'.repeat(-point)}${digits}`;
  }
  if (point >= digits.length) {
    return digits + '0'.repeat(point - digits.length);
  }
  return `${digits.slice(0, point)}.${digits.slice(point)}`;
}

/**
 * `value` cut (toward zero, never rounded) to `decimals` decimals with a decimal comma:
 * (13.449, 2) → `'13,44'`, (8173.9, 0) → `'8173'`, (2.5, 2) → `'2,50'`.
 */
export function formatDanishDecimal(value: number, decimals: number): string {
  if (!Number.isFinite(value)) {
    throw new RangeError(`Cannot format ${value}`);
  }
  if (!Number.isInteger(decimals) || decimals < 0 || decimals > MAX_DECIMALS) {
    throw new RangeError(`decimals must be a whole number 0–${MAX_DECIMALS}, got ${decimals}`);
  }
  const [whole = '0', fraction = ''] = plainDecimal(value).split('.');
  const kept = fraction.slice(0, decimals).padEnd(decimals, '0');
  const isZero = /^0*$/.test(whole + kept);
  const sign = value < 0 && !isZero ? '-' : '';
  return decimals === 0 ? `${sign}${whole}` : `${sign}${whole},${kept}`;
}

/**
 * `value` cut to `decimals` decimals (never rounded), its digits grouped by three with a
 * no-break space, with the decimal mark of `locale`: (1234567.89, 1) → `'1 234 567,8'`.
 */
export function formatDecimal(value: number, decimals: number, locale: Locale = 'da'): string {
  const text = formatDanishDecimal(value, decimals);
  const [signedWhole = '', fraction] = text.split(',');
  const sign = signedWhole.startsWith('-') ? '-' : '';
  const whole = signedWhole.replace('-', '').replace(/\B(?=(\d{3})+$)/g, FIGURE_SPACE);
  const mark = locale === 'da' ? ',' : '.';
  return fraction === undefined ? `${sign}${whole}` : `${sign}${whole}${mark}${fraction}`;
}

/** Below this many MBq an activity keeps one decimal (a 0,5 MBq order is not "0 MBq"). */
const WHOLE_MBQ_FROM = 10;

/** The number of an activity without its unit: `'1 234 567'`, `'0,5'`. */
export function formatActivityNumber(mbq: number, locale: Locale = 'da'): string {
  if (!Number.isFinite(mbq)) {
    throw new RangeError(`Cannot format ${mbq} MBq`);
  }
  const small = mbq !== 0 && Math.abs(mbq) < WHOLE_MBQ_FROM;
  return formatDecimal(mbq, small ? 1 : 0, locale);
}

/** An activity as shown everywhere: `'1 234 567 MBq'`, `'0,5 MBq'` (cut, never rounded up). */
export function formatActivity(mbq: number, locale: Locale = 'da'): string {
  return `${formatActivityNumber(mbq, locale)}${FIGURE_SPACE}MBq`;
}

/** A volume: `'6,50 ml'`. */
export function formatVolume(ml: number, locale: Locale = 'da'): string {
  return `${formatDecimal(ml, 2, locale)}${FIGURE_SPACE}ml`;
}

/**
 * A stored number put back into an input as the user would type it in `locale`: no
 * grouping, the language's decimal mark, no trailing zeros: 300.5 → `'300,5'` (da),
 * `'300.5'` (en); 50000 → `'50000'`. Core's `parseDanishNumber` reads both marks back.
 */
export function formatInputNumber(value: number, locale: Locale = 'da'): string {
  const text = formatDanishDecimal(value, 6).replace(/,?0+$/, '');
  return locale === 'da' ? text : text.replace(',', '.');
}

/** A whole count with its digits grouped: `'1 250'`. */
export function formatCount(value: number, locale: Locale = 'da'): string {
  return formatDecimal(value, 0, locale);
}

/** A Danish phone number as `'NN NN NN NN'` when it is exactly 8 digits (spaces ignored), else `null`. */
export function formatPhoneNumber(text: string): string | null {
  const digits = text.replace(/\s/g, '');
  if (!/^\d{8}$/.test(digits)) {
    return null;
  }
  return (digits.match(/\d{2}/g) as string[]).join(' ');
}

/**
 * A date `'2026-11-24'` (or the date of `'2026-11-24 13:00:00'`) as screens, messages and
 * documents show it, in both languages: `'24/11/2026'`.
 */
export function formatDanishDate(date: string): string {
  const [year = '', month = '', day = ''] = date.slice(0, 10).split('-');
  return `${day}/${month}/${year}`;
}

/** A time `'08:00:00'` to the minute: `'08:00'`. */
export function formatShortTime(time: string): string {
  return time.slice(0, 5);
}

/**
 * A site wall-clock time `'YYYY-MM-DD HH:MM[:SS]'` as the screens and documents show it:
 * `'21/11/2026 17:01'` (the seconds only in the audit trail's exact times).
 */
export function formatDanishDateTime(localDateTime: string, withSeconds = false): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})[ T](\d{2}:\d{2})(:\d{2})?/.exec(localDateTime);
  if (match === null) {
    throw new RangeError(`Not a local date and time: ${localDateTime}`);
  }
  const [, year, month, day, minutes, seconds = ''] = match;
  return `${formatDanishDate(`${year}-${month}-${day}`)} ${minutes}${withSeconds ? seconds : ''}`;
}
