/**
 * Reading what people type: times, dates and Danish numbers, and the field validators that
 * forms and the api share (docs/domain.md). Validators return a
 * `ValidationResult` whose issue is shown with `messageFor`.
 */
import {
  AE_TITLE_CHARACTERS_PATTERN,
  AE_TITLE_MAX_LENGTH,
  EMAIL_PATTERN,
  HIGHEST_PORT,
  HIGHEST_REGISTERED_PORT,
  PRINTER_NAME_PATTERN,
} from './fieldFormats';
import { toPlainDate } from './calendar';
import { isValidLotNumber } from './lotNumbers';
import type {
  FieldName,
  ValidationIssue,
  ValidationMessageKey,
  ValidationResult,
} from './validationMessages';

const TIME_INPUT = /^(\d{1,2}):(\d{2})(?::(\d{2})?)?$/;
const DATE_INPUTS: readonly { pattern: RegExp; year: number; month: number; day: number }[] = [
  { pattern: /^(\d{4})-(\d{2})-(\d{2})$/, year: 1, month: 2, day: 3 },
  { pattern: /^(\d{4})\/(\d{2})\/(\d{2})$/, year: 1, month: 2, day: 3 },
  { pattern: /^(\d{2})\/(\d{2})\/(\d{4})$/, year: 3, month: 2, day: 1 },
  { pattern: /^(\d{2})-(\d{2})-(\d{4})$/, year: 3, month: 2, day: 1 },
];
// Plain decimal with comma or point, optional exponent; no hex, no 'Infinity', no separators.
const DANISH_NUMBER = /^[+-]?(?:\d+(?:[.,]\d*)?|[.,]\d+)(?:[eE][+-]?\d+)?$/;
const PORT_DIGITS = /^\d+$/;
const IPV4 = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/;

function ok<T>(value: T): ValidationResult<T> {
  return { ok: true, value };
}

function fail<T>(
  key: ValidationMessageKey,
  field: FieldName | undefined,
  params?: Record<string, string | number>,
): ValidationResult<T> {
  const issue: ValidationIssue = { key };
  if (field !== undefined) {
    issue.field = field;
  }
  if (params !== undefined) {
    issue.params = params;
  }
  return { ok: false, issue };
}

/**
 * `'H:MM'`, `'HH:MM'`, `'H:MM:'`, `'HH:MM:'`, `'H:MM:SS'`, `'HH:MM:SS'` → `'HH:MM:SS'`
 * (hour 00–23, minute and second 00–59); anything else → `null`.
 */
export function normalizeTime(text: string): string | null {
  const match = TIME_INPUT.exec(text.trim());
  if (!match) {
    return null;
  }
  const hour = Number(match[1]);
  const minute = Number(match[2]);
  const second = match[3] === undefined ? 0 : Number(match[3]);
  if (hour > 23 || minute > 59 || second > 59) {
    return null;
  }
  return [hour, minute, second].map((part) => String(part).padStart(2, '0')).join(':');
}

/**
 * `'YYYY-MM-DD'`, `'YYYY/MM/DD'`, `'DD/MM/YYYY'`, `'DD-MM-YYYY'` → `'YYYY-MM-DD'`, for real
 * calendar dates only; anything else → `null`.
 */
export function normalizeDate(text: string): string | null {
  const trimmed = text.trim();
  for (const format of DATE_INPUTS) {
    const match = format.pattern.exec(trimmed);
    if (match) {
      const date = `${match[format.year]}-${match[format.month]}-${match[format.day]}`;
      try {
        return toPlainDate(date).toString();
      } catch {
        return null;
      }
    }
  }
  return null;
}

/**
 * A number typed the Danish way or the English way (`'13,44'` and `'13.44'` → 13.44,
 * `'1.246e10'` ok); empty, garbage, `'1,2,3'` or a non-finite result → `null`.
 */
export function parseDanishNumber(text: string): number | null {
  const trimmed = text.trim();
  if (!DANISH_NUMBER.test(trimmed)) {
    return null;
  }
  const value = Number(trimmed.replace(',', '.'));
  return Number.isFinite(value) ? value : null;
}

/** A required number: empty → `input.empty`, unreadable → `input.notANumber`. */
function readNumber(text: string, field: FieldName): ValidationResult<number> {
  if (text.trim() === '') {
    return fail('input.empty', field);
  }
  const value = parseDanishNumber(text);
  return value === null ? fail('input.notANumber', field) : ok(value);
}

/** A number above zero (orders, vial activity and volume, max injection volume). */
export function validatePositiveNumber(text: string, field: FieldName): ValidationResult<number> {
  const result = readNumber(text, field);
  if (!result.ok) {
    return result;
  }
  if (result.value === 0) {
    return fail('input.zero', field);
  }
  if (result.value < 0) {
    return fail('input.negative', field);
  }
  return result;
}

/** A number of zero or more (overhead percent, isotope vials). */
export function validateNonNegativeNumber(
  text: string,
  field: FieldName,
): ValidationResult<number> {
  const result = readNumber(text, field);
  if (!result.ok) {
    return result;
  }
  if (result.value < 0) {
    return fail('input.negative', field);
  }
  // '-0' reads as negative zero; hand back a plain 0.
  return ok(result.value === 0 ? 0 : result.value);
}

/** A whole number above zero (injections, isotope MBq). */
export function validateWholePositiveNumber(
  text: string,
  field: FieldName,
): ValidationResult<number> {
  const result = validatePositiveNumber(text, field);
  if (!result.ok) {
    return result;
  }
  return Number.isInteger(result.value) ? result : fail('input.notWholeNumber', field);
}

/** A time of day as typed, normalised to `'HH:MM:SS'`. */
export function validateTime(text: string, field: FieldName = 'time'): ValidationResult<string> {
  if (text.trim() === '') {
    return fail('input.empty', field);
  }
  const time = normalizeTime(text);
  return time === null ? fail('input.notATime', field) : ok(time);
}

/** A calendar date as typed, normalised to `'YYYY-MM-DD'`. */
export function validateDate(text: string, field: FieldName = 'date'): ValidationResult<string> {
  if (text.trim() === '') {
    return fail('input.empty', field);
  }
  const date = normalizeDate(text);
  return date === null ? fail('input.notADate', field) : ok(date);
}

/** A lot number `TAG-YYMMDD-N`, the whole (trimmed) text. */
export function validateLotNumber(
  text: string,
  field: FieldName = 'lotNumber',
): ValidationResult<string> {
  const trimmed = text.trim();
  if (trimmed === '') {
    return fail('input.empty', field);
  }
  return isValidLotNumber(trimmed) ? ok(trimmed) : fail('input.badLotNumber', field);
}

/** Free text (comments, names) trimmed and at most `max` characters; empty is allowed. */
export function validateMaxLength(
  text: string,
  max: number,
  field: FieldName,
): ValidationResult<string> {
  const trimmed = text.trim();
  return trimmed.length > max ? fail('input.tooLong', field, { max }) : ok(trimmed);
}

/** A network port: digits only, 1–49151 (dynamic ports 49152–65535 are refused). */
export function validatePort(text: string, field: FieldName = 'port'): ValidationResult<number> {
  const trimmed = text.trim();
  if (trimmed === '') {
    return fail('input.empty', field);
  }
  if (!PORT_DIGITS.test(trimmed)) {
    return fail('input.portNotPositiveInteger', field);
  }
  const port = Number(trimmed);
  if (port === 0) {
    return fail('input.portZero', field);
  }
  if (port > HIGHEST_PORT) {
    return fail('input.portTooLarge', field);
  }
  if (port > HIGHEST_REGISTERED_PORT) {
    return fail('input.portDynamic', field);
  }
  return ok(port);
}

/** A dotted-quad IPv4 address, each part 0–255 (leading zeros allowed, kept as typed). */
export function validateIpv4(
  text: string,
  field: FieldName = 'ipAddress',
): ValidationResult<string> {
  const trimmed = text.trim();
  if (trimmed === '') {
    return fail('input.empty', field);
  }
  const match = IPV4.exec(trimmed);
  if (!match || match.slice(1).some((part) => Number(part) > 255)) {
    return fail('input.badIpAddress', field);
  }
  return ok(trimmed);
}

/** A DICOM AE title: 1–16 printable ASCII characters, no backslash (outer spaces dropped). */
export function validateAeTitle(
  text: string,
  field: FieldName = 'aeTitle',
): ValidationResult<string> {
  const trimmed = text.trim();
  if (trimmed === '') {
    return fail('input.empty', field);
  }
  if (trimmed.length > AE_TITLE_MAX_LENGTH) {
    return fail('input.badAeTitle', field);
  }
  return AE_TITLE_CHARACTERS_PATTERN.test(trimmed)
    ? ok(trimmed)
    : fail('input.badAeTitleCharacters', field);
}

/** A printer name: letters (including æøå), digits and dashes only. */
export function validatePrinterName(
  text: string,
  field: FieldName = 'printerName',
): ValidationResult<string> {
  const trimmed = text.trim();
  if (trimmed === '') {
    return fail('input.empty', field);
  }
  return PRINTER_NAME_PATTERN.test(trimmed) ? ok(trimmed) : fail('input.badPrinterName', field);
}

/** An optional e-mail address: empty is allowed, otherwise `name@domain.tld`. */
export function validateEmail(text: string, field: FieldName = 'email'): ValidationResult<string> {
  const trimmed = text.trim();
  if (trimmed === '') {
    return ok('');
  }
  return EMAIL_PATTERN.test(trimmed) ? ok(trimmed) : fail('input.badEmail', field);
}
