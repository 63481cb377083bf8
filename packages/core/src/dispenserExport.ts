/**
 * Rows of the newer dispenser's CSV/XLSX export (docs/operations.md,
 * docs/domain.md). The api reads the file (cells as text or numbers) and
 * passes each row as a plain object keyed by the header; this module only interprets it.
 * Unlike the legacy, decimal commas (`'3,8'`) are accepted in dose and volume.
 */
import { dateAndTimeFromParts } from './calendar';

/** The columns an export must have; any others (CustomerAddress, DoseName, …) are ignored. */
export const DISPENSER_EXPORT_COLUMNS = [
  'BatchReference',
  'Customer',
  'DateTimeStamp',
  'DispensedDose',
  'RadVolumeDispensed',
  'ValueUnits',
] as const;

/** One required column of a dispenser export. */
export type DispenserExportColumn = (typeof DISPENSER_EXPORT_COLUMNS)[number];

/** One dispensed vial as read from an export row. */
export interface DispenserRecord {
  /** The lot number (BatchReference), trimmed. */
  batchReference: string;
  /** The customer's `shortName` as written; the caller matches it case-insensitively. */
  customerShortName: string;
  /** `'YYYY-MM-DD'`. */
  fillDate: string;
  /** `'HH:MM:SS'`. */
  fillTime: string;
  /** MBq, converted from ValueUnits. */
  activity: number;
  /** ml. */
  volume: number;
}

/** A readable row, or why it is not (a short English text naming the column). */
export type DispenserRecordResult =
  { ok: true; record: DispenserRecord } | { ok: false; reason: string };

/** What identifies a vial for duplicate detection (docs/domain.md). */
export interface DispenserDuplicateFields {
  activity: number;
  lotNumber: string;
  volume: number;
  fillDate: string;
  fillTime: string;
}

/** A lot number column is varchar(32) (docs/domain.md). */
const MAX_LOT_LENGTH = 32;

/** MBq per unit as a fraction [numerator, denominator] (lower-case unit names). */
const UNIT_FACTORS: ReadonlyMap<string, readonly [number, number]> = new Map([
  ['mbq', [1, 1]],
  ['gbq', [1000, 1]],
  ['kbq', [1, 1000]],
]);

/** `DD-MM-YYYY HH:MM[:SS]` with `-`, `.` or `/` between the date parts. */
const DAY_FIRST =
  /^(\d{1,2})[-./](\d{1,2})[-./](\d{4})[ T]+(\d{1,2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?$/;
/** `YYYY-MM-DD HH:MM[:SS]` (ISO order, unambiguous because of the four-digit year first). */
const YEAR_FIRST = /^(\d{4})-(\d{1,2})-(\d{1,2})[ T]+(\d{1,2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?$/;
const DECIMAL = /^\d+(?:[.,]\d+)?$|^[.,]\d+$/;

/** The required columns missing from a header row (compared trimmed and case-insensitively). */
export function missingDispenserColumns(headers: readonly string[]): DispenserExportColumn[] {
  const present = new Set(headers.map((header) => normalizeHeader(String(header))));
  return DISPENSER_EXPORT_COLUMNS.filter((column) => !present.has(normalizeHeader(column)));
}

/**
 * Reads one export row. Never throws. Headers are matched trimmed and case-insensitively
 * (a byte-order mark on the first header is ignored). Text columns must be strings; dose and
 * volume may be numbers or text with a decimal comma or point; DateTimeStamp is text
 * `DD-MM-YYYY HH:MM:SS` (or ISO `YYYY-MM-DD HH:MM:SS`) — a JavaScript Date is refused, because
 * its wall-clock fields would depend on the time zone of the process that made it.
 */
export function parseDispenserRecord(row: Record<string, unknown>): DispenserRecordResult {
  try {
    return parseRow(row);
  } catch {
    // A hostile object (a throwing getter or proxy) is still only a bad row.
    return { ok: false, reason: 'the row could not be read' };
  }
}

/**
 * The key under which two vials count as the same dispensing: identical activity, lot number,
 * volume, fill date and fill time. Compare keys of new rows with keys of stored vials.
 */
export function dispenserDuplicateKey(vial: DispenserDuplicateFields): string {
  return JSON.stringify([vial.activity, vial.lotNumber, vial.volume, vial.fillDate, vial.fillTime]);
}

function parseRow(row: Record<string, unknown>): DispenserRecordResult {
  if (typeof row !== 'object' || row === null || Array.isArray(row)) {
    return { ok: false, reason: 'the row is not an object' };
  }
  const cells = new Map<string, unknown>();
  for (const [key, value] of Object.entries(row)) {
    const header = normalizeHeader(key);
    if (!cells.has(header)) {
      cells.set(header, value);
    }
  }
  const cell = (column: DispenserExportColumn): unknown => cells.get(normalizeHeader(column));

  const batchReference = readText(cell('BatchReference'));
  if (batchReference === null) {
    return { ok: false, reason: 'BatchReference is missing' };
  }
  if (batchReference.length > MAX_LOT_LENGTH) {
    return { ok: false, reason: `BatchReference is longer than ${MAX_LOT_LENGTH} characters` };
  }
  const customerShortName = readText(cell('Customer'));
  if (customerShortName === null) {
    return { ok: false, reason: 'Customer is missing' };
  }
  const stamp = readTimestamp(cell('DateTimeStamp'));
  if (stamp === null) {
    return { ok: false, reason: 'DateTimeStamp is not a date and time DD-MM-YYYY HH:MM:SS' };
  }
  const units = readText(cell('ValueUnits'));
  const factor = units === null ? undefined : UNIT_FACTORS.get(units.toLowerCase());
  if (factor === undefined) {
    return { ok: false, reason: 'ValueUnits is not MBq, GBq or kBq' };
  }
  const dose = readPositiveNumber(cell('DispensedDose'));
  if (dose === null) {
    return { ok: false, reason: 'DispensedDose is not a positive number' };
  }
  const volume = readPositiveNumber(cell('RadVolumeDispensed'));
  if (volume === null) {
    return { ok: false, reason: 'RadVolumeDispensed is not a positive number' };
  }
  return {
    ok: true,
    record: {
      batchReference,
      customerShortName,
      fillDate: stamp.date,
      fillTime: stamp.time,
      activity: toMBq(dose, factor),
      volume,
    },
  };
}

function normalizeHeader(header: string): string {
  return header
    .replace(/^\uFEFF/, '')
    .trim()
    .toLowerCase();
}

function readText(value: unknown): string | null {
  if (typeof value !== 'string') {
    return null;
  }
  const text = value.trim();
  return text === '' ? null : text;
}

function readPositiveNumber(value: unknown): number | null {
  let number: number;
  if (typeof value === 'number') {
    number = value;
  } else if (typeof value === 'string' && DECIMAL.test(value.trim())) {
    number = Number(value.trim().replace(',', '.'));
  } else {
    return null;
  }
  return Number.isFinite(number) && number > 0 ? number : null;
}

/** Scales to MBq without binary noise (1.1 GBq is 1100 MBq, not 1100.0000000000002). */
function toMBq(value: number, [numerator, denominator]: readonly [number, number]): number {
  if (numerator === denominator) {
    return value;
  }
  return Number(((value * numerator) / denominator).toPrecision(12));
}

function readTimestamp(value: unknown): { date: string; time: string } | null {
  if (typeof value !== 'string') {
    return null;
  }
  const text = value.trim();
  const dayFirst = DAY_FIRST.exec(text);
  if (dayFirst) {
    const [, day, month, year, hours, minutes, seconds] = dayFirst;
    return dateAndTimeFromParts({ year, month, day, hours, minutes, seconds });
  }
  const yearFirst = YEAR_FIRST.exec(text);
  if (yearFirst) {
    const [, year, month, day, hours, minutes, seconds] = yearFirst;
    return dateAndTimeFromParts({ year, month, day, hours, minutes, seconds });
  }
  return null;
}
