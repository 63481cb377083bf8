/**
 * Shared field schemas for the entity and input schemas (zod 4).
 *
 * MESSAGE CONVENTION: every issue these schemas raise has as its `message` a key of
 * `validationMessages` (`'input.tooLong'`, `'input.notATime'`, …), never an English sentence.
 * The api and the apps translate it with `messageFor`; `toValidationIssues(error)` turns a
 * `ZodError` into `ValidationIssue`s (with the form field name and `{ max }` for schemaLimits).
 * A missing value gives `'input.empty'`, a value of the wrong type the key of the expected
 * kind (`'input.notANumber'`, `'input.notADate'`, …), and anything without a more precise key
 * `'input.invalid'` (also unknown fields of a strict object). Schemas built elsewhere from
 * these parts must keep to the convention: pass `{ error: key }` to every check.
 *
 * Every string schema is length-bounded, and the length check runs (and aborts) before any
 * pattern, so a huge string is refused cheaply.
 */
import {
  AE_TITLE_CHARACTERS_PATTERN,
  EMAIL_PATTERN,
  HIGHEST_PORT,
  HIGHEST_REGISTERED_PORT,
  PRINTER_NAME_PATTERN,
} from '../fieldFormats';
import { z } from 'zod';

import {
  BookingStatus,
  DeadlineScope,
  DeadlineType,
  OrderStatus,
  ServiceAddressKind,
  TracerType,
  TracerUsage,
  UserGroup,
  UserSource,
  WeeklyRepeat,
  Weekday,
} from '../enums';
import { isValidLotNumber } from '../lotNumbers';
import { validationMessages } from '../validationMessages';
import type { FieldName, ValidationIssue, ValidationMessageKey } from '../validationMessages';

// ---------------------------------------------------------------------------------------------
// Limits

/** The length and size limits of the schemas (docs/domain.md column sizes). */
export const schemaLimits = {
  comment: 800,
  isotopeComment: 500,
  shortName: 32,
  clinicalName: 256,
  vialTag: 32,
  lotNumber: 32,
  batchNumber: 128,
  atomicLetter: 3,
  longText: 128,
  phone: 32,
  zipCode: 8,
  email: 254,
  adminEmail: 64,
  unitName: 128,
  unitAddress: 256,
  username: 150,
  apiTokenName: 60,
  personName: 256,
  password: 1024,
  newPasswordMin: 8,
  locationCode: 120,
  procedureCode: 128,
  procedureDescription: 255,
  accessionNumber: 32,
  printerName: 48,
  host: 253,
  uri: 2048,
  aeTitle: 16,
  description: 120,
  noticeMessage: 8000,
  idList: 500,
  massOrderDecisions: 2000,
  activityMBq: 1e9,
  volumeMl: 10_000,
  injections: 1000,
  overheadMultiplier: 100,
  delayMinutes: 1440,
  dateRangeDays: 366,
  dispenserId: 32_767,
  overrideReason: 500,
  /** A reason for a change of a GMP record (kept with its audit event). */
  changeReason: 500,
  releaseLeadHours: 24 * 14,
  tolerancePercent: 1000,
} as const;

// ---------------------------------------------------------------------------------------------
// Messages

type Key = ValidationMessageKey;

/** The error option of a check: its issue's message is `key`. */
export function keyed(key: Key): { error: Key } {
  return { error: key };
}

/**
 * The error option of a schema's own type check: a missing value (`undefined`) is
 * `'input.empty'`, a value of the wrong type or format is `wrongType`.
 */
export function typeError(wrongType: Key): { error: (issue: { input?: unknown }) => Key } {
  return { error: (issue) => (issue.input === undefined ? 'input.empty' : wrongType) };
}

/** True when `text` is a key of `validationMessages`. */
export function isValidationMessageKey(text: string): text is Key {
  return Object.hasOwn(validationMessages.da, text);
}

/** Which form field (of `fieldNames`) a schema property is shown as. */
const fieldOfProperty: Readonly<Record<string, FieldName>> = {
  orderedActivity: 'activity',
  activity: 'activity',
  injections: 'injections',
  deliveryTime: 'time',
  productionTime: 'time',
  deadlineTime: 'time',
  fillTime: 'time',
  startTime: 'time',
  deliveryDate: 'date',
  fillDate: 'date',
  date: 'date',
  centralDate: 'date',
  closeDate: 'date',
  expiryDate: 'date',
  expirationDate: 'date',
  month: 'month',
  volume: 'volume',
  lotNumber: 'lotNumber',
  batchNumber: 'batchNumber',
  comment: 'comment',
  maxInjectionVolume: 'maxInjectionVolume',
  overheadMultiplier: 'overhead',
  port: 'port',
  host: 'ipAddress',
  aeTitle: 'aeTitle',
  billingEmail: 'email',
  adminEmail: 'email',
  shortName: 'shortName',
  shortname: 'shortName',
  name: 'name',
  tracerUnits: 'tracerUnits',
  delayMinutes: 'delayMinutes',
};

/**
 * The issues of a failed parse as `ValidationIssue`s for `messageFor`: the key from the issue
 * message (`'input.invalid'` if it is not a key), the field from the innermost named property
 * when it is a form field, and `{ max }` or `{ min }` for schemaLimits.
 */
export function toValidationIssues(error: z.ZodError): ValidationIssue[] {
  return error.issues.map((issue) => {
    const result: ValidationIssue = {
      key: isValidationMessageKey(issue.message) ? issue.message : 'input.invalid',
    };
    const property = [...issue.path].reverse().find((part) => typeof part === 'string');
    const field = typeof property === 'string' ? fieldOfProperty[property] : undefined;
    if (field !== undefined) {
      result.field = field;
    }
    if (issue.code === 'too_big') {
      result.params = { max: Number(issue.maximum) };
    } else if (issue.code === 'too_small') {
      result.params = { min: Number(issue.minimum) };
    }
    return result;
  });
}

// ---------------------------------------------------------------------------------------------
// Builders

/**
 * Text of at most `max` characters, trimmed first unless `trim: false`; `min` (after
 * trimming) gives `'input.empty'`. With `trim: false` the text is checked as it is.
 */
export function boundedText(
  max: number,
  options: { min?: number; trim?: boolean; tooLong?: Key; tooShort?: Key } = {},
): z.ZodString {
  let schema = z.string(typeError('input.invalid'));
  if (options.trim !== false) {
    schema = schema.trim();
  }
  schema = schema.max(max, { error: options.tooLong ?? 'input.tooLong', abort: true });
  if (options.min !== undefined && options.min > 0) {
    schema = schema.min(options.min, { error: options.tooShort ?? 'input.empty', abort: true });
  }
  return schema;
}

/** Text of 1 to `max` characters after trimming. */
export function requiredText(max: number): z.ZodString {
  return boundedText(max, { min: 1 });
}

/** A finite number (`NaN` and `±Infinity` are refused by zod). */
function finiteNumber(): z.ZodNumber {
  return z.number(typeError('input.notANumber'));
}

/** A number above zero and at most `max`: 0 → `'input.zero'`, below → `'input.negative'`. */
export function positiveNumber(max: number): z.ZodNumber {
  return finiteNumber()
    .min(0, { error: 'input.negative', abort: true })
    .refine((value) => value !== 0, { error: 'input.zero', abort: true })
    .max(max, keyed('input.invalid'));
}

/** A number of zero or more and at most `max`. */
export function nonNegativeNumber(max: number = Number.MAX_VALUE): z.ZodNumber {
  return finiteNumber()
    .min(0, { error: 'input.negative', abort: true })
    .max(max, keyed('input.invalid'));
}

/** A whole number from `min` (0 or 1) to `max`. */
export function wholeNumber(min: 0 | 1, max: number): z.ZodNumber {
  let schema = finiteNumber()
    .int({ error: 'input.notWholeNumber', abort: true })
    .min(0, { error: 'input.negative', abort: true });
  if (min === 1) {
    schema = schema.refine((value) => value !== 0, { error: 'input.zero', abort: true });
  }
  return schema.max(max, keyed('input.invalid'));
}

/** A boolean flag. */
export function booleanFlag(): z.ZodBoolean {
  return z.boolean(typeError('input.invalid'));
}

// ---------------------------------------------------------------------------------------------
// Ids, dates, times

/** A database id: a positive (safe) integer. */
export const id = z
  .number(typeError('input.invalid'))
  .int({ error: 'input.invalid', abort: true })
  .positive(keyed('input.invalid'));

/** 1 to 500 ids (`'input.empty'` when none, `'input.tooLong'` when more). */
export const idList = z
  .array(id, typeError('input.invalid'))
  .min(1, keyed('input.empty'))
  .max(schemaLimits.idList, keyed('input.tooLong'));

/** 0 to 500 ids. */
export const optionalIdList = z
  .array(id, typeError('input.invalid'))
  .max(schemaLimits.idList, keyed('input.tooLong'));

/** A real calendar date `'YYYY-MM-DD'` (`'2024-02-30'` is refused). */
export const dateText = z.iso.date(typeError('input.notADate'));

/** A time of day `'HH:MM:SS'`, 00:00:00–23:59:59, no fractions. */
export const timeText = z.iso.time({ precision: 0, ...typeError('input.notATime') });

/** An instant: ISO-8601 in UTC with `Z` (`'2024-01-24T07:12:00Z'`, fractions allowed). */
export const instantText = z.iso.datetime(typeError('input.invalid'));

/** A client-made idempotency key (RFC 9562 UUID, e.g. from `crypto.randomUUID()`). */
export const clientKey = z.uuid(typeError('input.invalid'));

// ---------------------------------------------------------------------------------------------
// Amounts

/** Activity in MBq: finite, above 0, at most 1e9. */
export const activityMBq = positiveNumber(schemaLimits.activityMBq);

/** Activity in whole MBq (isotope orders): 1 to 1e9. */
export const wholeActivityMBq = wholeNumber(1, schemaLimits.activityMBq);

/** Volume in ml: finite, above 0, at most 10 000. */
export const volumeMl = positiveNumber(schemaLimits.volumeMl);

/** Number of injections of an order: 1 to 1000. */
export const injectionCount = wholeNumber(1, schemaLimits.injections);

/** Overhead as a multiplier: 1 (no overhead, legacy 0 %) to 100; below 1 is a negative percent. */
export const overheadMultiplier = finiteNumber()
  .min(1, { error: 'input.negative', abort: true })
  .max(schemaLimits.overheadMultiplier, keyed('input.invalid'));

// ---------------------------------------------------------------------------------------------
// Texts

/** An order comment: trimmed, at most 800 characters (empty allowed). */
export const comment = boundedText(schemaLimits.comment);

/** An isotope order comment: trimmed, at most 500 characters (empty allowed). */
export const isotopeComment = boundedText(schemaLimits.isotopeComment);

/** A short name (customer, tracer): 1 to 32 characters after trimming. */
export const shortName = requiredText(schemaLimits.shortName);

/** A lot number `TAG-YYMMDD-N` (whole text, trimmed), at most 32 characters. */
export const lotNumberText = z
  .string(typeError('input.badLotNumber'))
  .trim()
  .max(schemaLimits.lotNumber, { error: 'input.tooLong', abort: true })
  .refine((text) => isValidLotNumber(text), keyed('input.badLotNumber'));

/** A tracer's vial tag (the TAG of its lot numbers): letters and digits, may be empty. */
export const vialTagText = boundedText(schemaLimits.vialTag).regex(
  /^[A-Za-z0-9]*$/,
  keyed('input.badLotNumber'),
);

/** A user name to log in with or to create: 1 to 150 characters. */
export const usernameText = requiredText(schemaLimits.username);

/** A password as typed (login, signature): 1 to 1024 characters, not trimmed. */
export const passwordText = boundedText(schemaLimits.password, { min: 1, trim: false });

/** A new password: 8 to 1024 characters, not trimmed. */
export const newPasswordText = boundedText(schemaLimits.password, {
  min: schemaLimits.newPasswordMin,
  trim: false,
  tooShort: 'input.tooShort',
});

/** An e-mail address of at most `max` characters; empty is allowed. */
export function emailText(max: number = schemaLimits.email): z.ZodString {
  return boundedText(max).refine(
    (text) => text === '' || EMAIL_PATTERN.test(text),
    keyed('input.badEmail'),
  );
}

/** A RIS accession number: 1 to 32 characters. */
export const accessionNumberText = requiredText(schemaLimits.accessionNumber);

/** A SHA-256 digest in lower-case hex. */
export const sha256Hex = z
  .string(typeError('input.invalid'))
  .max(64, { error: 'input.invalid', abort: true })
  .regex(/^[0-9a-f]{64}$/, keyed('input.invalid'));

// ---------------------------------------------------------------------------------------------
// Network

const hostnameSchema = z.hostname();
const ipv6Schema = z.ipv6();
const printerUrlSchema = z.url({ protocol: /^(ipps?|https?)$/ });

/** A host name, IPv4 or IPv6 address, at most 253 characters. */
export const hostText = requiredText(schemaLimits.host).refine(
  (text) => hostnameSchema.safeParse(text).success || ipv6Schema.safeParse(text).success,
  keyed('input.badIpAddress'),
);

/** A TCP port: whole, 1 to 49151 (dynamic ports are refused). */
export const portNumber = z
  .number(typeError('input.portNotPositiveInteger'))
  .int({ error: 'input.portNotPositiveInteger', abort: true })
  .min(0, { error: 'input.portNotPositiveInteger', abort: true })
  .refine((port) => port !== 0, { error: 'input.portZero', abort: true })
  .max(HIGHEST_PORT, { error: 'input.portTooLarge', abort: true })
  .max(HIGHEST_REGISTERED_PORT, keyed('input.portDynamic'));

/** A DICOM AE title: 1 to 16 printable ASCII characters without backslash (trimmed). */
export const aeTitleText = boundedText(schemaLimits.aeTitle, {
  min: 1,
  tooLong: 'input.badAeTitle',
  tooShort: 'input.badAeTitle',
}).regex(AE_TITLE_CHARACTERS_PATTERN, keyed('input.badAeTitleCharacters'));

/** A printer name: 1 to 48 letters (æøå included), digits and dashes. */
export const printerNameText = requiredText(schemaLimits.printerName).regex(
  PRINTER_NAME_PATTERN,
  keyed('input.badPrinterName'),
);

/** A printer URI (`ipp://…`, `ipps://…`, `http(s)://…`), at most 2048 characters. */
export const printerUri = requiredText(schemaLimits.uri).refine(
  (text) => printerUrlSchema.safeParse(text).success,
  keyed('input.invalid'),
);

// ---------------------------------------------------------------------------------------------
// Enumerations

// Enumerations as schemas, from the const enums of `enums.ts` (numeric values kept).

/** `OrderStatus` as a schema. */
export const orderStatusSchema = z.enum(OrderStatus, typeError('input.invalid'));
/** `BookingStatus` as a schema. */
export const bookingStatusSchema = z.enum(BookingStatus, typeError('input.invalid'));
/** `TracerType` as a schema. */
export const tracerTypeSchema = z.enum(TracerType, typeError('input.invalid'));
/** `TracerUsage` as a schema. */
export const tracerUsageSchema = z.enum(TracerUsage, typeError('input.invalid'));
/** `WeeklyRepeat` as a schema. */
export const weeklyRepeatSchema = z.enum(WeeklyRepeat, typeError('input.invalid'));
/** `DeadlineType` as a schema. */
export const deadlineTypeSchema = z.enum(DeadlineType, typeError('input.invalid'));
/** `UserGroup` as a schema. */
export const userGroupSchema = z.enum(UserGroup, typeError('input.invalid'));
/** `DeadlineScope` as a schema. */
export const deadlineScopeSchema = z.enum(DeadlineScope, typeError('input.invalid'));
/** `UserSource` as a schema. */
export const userSourceSchema = z.enum(UserSource, typeError('input.invalid'));
/** `ServiceAddressKind` as a schema. */
export const serviceAddressKindSchema = z.enum(ServiceAddressKind, typeError('input.invalid'));
/** `Weekday` as a schema: 0 = Monday … 6 = Sunday. */
export const weekdaySchema = z.enum(Weekday, typeError('input.invalid'));
