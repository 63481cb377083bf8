/**
 * Numbers, phone numbers, dates and times as Danish screens and documents show them
 * (legacy-business-rules.md §1.11): decimal comma, amounts truncated rather than rounded, MBq
 * floored, dates day first.
 */

const MAX_DECIMALS = 20;

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

/** An activity as shown everywhere: floored, `'8173 MBq'`. */
export function formatMBq(value: number): string {
  if (!Number.isFinite(value)) {
    throw new RangeError(`Cannot format ${value} MBq`);
  }
  return `${Math.floor(value) + 0} MBq`;
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
 * documents show it: `'24/11/2026'`.
 */
export function formatDanishDate(date: string): string {
  const [year = '', month = '', day = ''] = date.slice(0, 10).split('-');
  return `${day}/${month}/${year}`;
}

/** A date as the page headings show it ("Ordre for den …"): `'2026-11-04'` → `'4.11.2026'`. */
export function formatDottedDate(date: string): string {
  const [year = '', month = '', day = ''] = date.slice(0, 10).split('-');
  return `${Number(day)}.${Number(month)}.${year}`;
}

/** A time `'08:00:00'` to the minute: `'08:00'`. */
export function formatShortTime(time: string): string {
  return time.slice(0, 5);
}

/**
 * A site wall-clock time `'YYYY-MM-DD HH:MM[:SS]'` as the screens and documents show it:
 * `'21/11/2026 17:01'`, with the seconds when `withSeconds` (and the text has them).
 */
export function formatDanishDateTime(localDateTime: string, withSeconds = false): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})[ T](\d{2}:\d{2})(:\d{2})?/.exec(localDateTime);
  if (match === null) {
    throw new RangeError(`Not a local date and time: ${localDateTime}`);
  }
  const [, year, month, day, minutes, seconds = ''] = match;
  return `${formatDanishDate(`${year}-${month}-${day}`)} ${minutes}${withSeconds ? seconds : ''}`;
}
