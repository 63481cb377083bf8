/**
 * Lot (batch) numbers `TAG-YYMMDD-N` (docs/domain.md): TAG is the tracer's
 * vial tag, YYMMDD the production date, N ≥ 1 the batch of the day. Unlike the legacy, the
 * pattern must match the whole text (docs/domain.md).
 */
import { toPlainDate } from './calendar';

const LOT_NUMBER = /^([A-Za-z0-9]+)-\d{6}-[1-9]\d*$/;
const VIAL_TAG = /^[A-Za-z0-9]+$/;

/** True when the whole text is `TAG-YYMMDD-N` (letters/digits, six digits, N without leading zero). */
export function isValidLotNumber(text: string): boolean {
  return LOT_NUMBER.test(text);
}

/** The `YYMMDD` code of a date: `'2024-12-02'` → `'241202'`, always a two-digit year. */
export function lotDateCode(date: string): string {
  const day = toPlainDate(date);
  return [day.year % 100, day.month, day.day].map((part) => String(part).padStart(2, '0')).join('');
}

/**
 * The proposed lot number for a vial tag on a date: `'FDGF'`, `'2024-12-02'` →
 * `'FDGF-241202-1'`; `null` when the tag is empty or cannot form a valid lot number.
 */
export function suggestLotNumber(
  vialTag: string,
  date: string,
  sequence: number = 1,
): string | null {
  if (!Number.isInteger(sequence) || sequence < 1) {
    throw new RangeError(`Lot sequence must be a positive integer, got ${sequence}`);
  }
  const tag = vialTag.trim();
  if (!VIAL_TAG.test(tag)) {
    return null;
  }
  return `${tag}-${lotDateCode(date)}-${sequence}`;
}

/** The TAG part of a valid lot number (`'FDGF-241202-1'` → `'FDGF'`), else `null`. */
export function lotTagOf(lotNumber: string): string | null {
  const match = LOT_NUMBER.exec(lotNumber);
  return match ? (match[1] as string) : null;
}
