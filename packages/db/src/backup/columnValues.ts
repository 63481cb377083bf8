/**
 * Column values in a backup are dialect-neutral (docs/operations.md, "Backup and restore"):
 * each column has a logical kind, and each value is written in one JSON form per kind, so a
 * SQLite backup restores into MariaDB/MySQL and the other way round with every value intact.
 *
 * | kind      | JSON form                                   | SQLite column          | MySQL column          |
 * | --------- | ------------------------------------------- | ---------------------- | --------------------- |
 * | integer   | number (whole)                              | INTEGER, SMALLINT      | int, smallint, bigint |
 * | boolean   | true / false                                | TINYINT(1)             | tinyint(1)            |
 * | double    | number (finite, exact: shortest round trip) | DOUBLE PRECISION, REAL | double, float         |
 * | decimal   | text of the number, exact                   | DECIMAL, NUMERIC       | decimal               |
 * | text      | text                                        | VARCHAR, CHAR, TEXT    | varchar, char, *text  |
 * | date      | `YYYY-MM-DD`                                | DATE                   | date                  |
 * | time      | `HH:MM:SS`                                  | TIME                   | time                  |
 * | instant   | ISO-8601 UTC with milliseconds (`…T…Z`)     | DATETIME (text)        | datetime(3), UTC      |
 * | binary    | base64 text                                 | BLOB                   | blob, varbinary       |
 *
 * NULL is JSON null in every kind.
 */
export const COLUMN_KINDS = [
  'integer',
  'boolean',
  'double',
  'decimal',
  'text',
  'date',
  'time',
  'instant',
  'binary',
] as const;

export type ColumnKind = (typeof COLUMN_KINDS)[number];

/** A value as a backup part holds it. */
export type PortableValue = string | number | boolean | null;

/** Where a value sits, for messages. */
export interface ValuePlace {
  table: string;
  column: string;
}

export class ColumnValueError extends Error {
  constructor(place: ValuePlace, problem: string) {
    super(`Column ${place.table}.${place.column}: ${problem}`);
    this.name = 'ColumnValueError';
  }
}

/** The kind of a SQLite column from its declared type (as Sequelize declares them). */
export function columnKindOfSqliteType(declared: string): ColumnKind {
  const type = declared.trim().toUpperCase();
  if (type === 'TINYINT(1)' || type === 'BOOLEAN') {
    return 'boolean';
  }
  if (/^(DATETIME|TIMESTAMP)/.test(type)) {
    return 'instant';
  }
  if (type === 'DATE') {
    return 'date';
  }
  if (/^TIME\b/.test(type)) {
    return 'time';
  }
  if (/^(DECIMAL|NUMERIC)/.test(type)) {
    return 'decimal';
  }
  if (/^(DOUBLE|REAL|FLOAT)/.test(type)) {
    return 'double';
  }
  if (/INT/.test(type)) {
    return 'integer';
  }
  if (type === 'BLOB' || type === '') {
    return 'binary';
  }
  // VARCHAR, CHAR, TEXT, JSON, ENUM and whatever else has text affinity.
  return 'text';
}

/** The kind of a MySQL/MariaDB column from information_schema's DATA_TYPE and COLUMN_TYPE. */
export function columnKindOfMysqlType(dataType: string, columnType: string): ColumnKind {
  const data = dataType.toLowerCase();
  const full = columnType.toLowerCase();
  if (data === 'tinyint' && full.startsWith('tinyint(1)')) {
    return 'boolean';
  }
  if (data === 'bit' && full === 'bit(1)') {
    return 'boolean';
  }
  if (['tinyint', 'smallint', 'mediumint', 'int', 'integer', 'bigint', 'year'].includes(data)) {
    return 'integer';
  }
  if (['double', 'float', 'real'].includes(data)) {
    return 'double';
  }
  if (data === 'decimal' || data === 'numeric') {
    return 'decimal';
  }
  if (data === 'datetime' || data === 'timestamp') {
    return 'instant';
  }
  if (data === 'date') {
    return 'date';
  }
  if (data === 'time') {
    return 'time';
  }
  if (['blob', 'tinyblob', 'mediumblob', 'longblob', 'binary', 'varbinary', 'bit'].includes(data)) {
    return 'binary';
  }
  return 'text';
}

const DATE_PATTERN = /^\d{4}-\d{2}-\d{2}$/;
const TIME_PATTERN = /^-?\d{2,3}:\d{2}:\d{2}(\.\d{1,6})?$/;
const DECIMAL_PATTERN = /^-?\d+(\.\d+)?$/;
/** What the two dialects store for an instant: `YYYY-MM-DD HH:MM:SS[.fff][ +00:00]`, or ISO text. */
const STORED_INSTANT_PATTERN =
  /^(\d{4}-\d{2}-\d{2})[ T](\d{2}:\d{2}:\d{2})(?:\.(\d{1,6}))?\s*(Z|[+-]\d{2}:?\d{2})?$/i;
const PORTABLE_INSTANT_PATTERN = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2}:\d{2})\.(\d{3,6})Z$/;

function isUtcOffset(offset: string | undefined): boolean {
  return offset === undefined || /^(z|[+-]00:?00)$/i.test(offset);
}

/** A stored instant (UTC wall time by the databases' convention, docs/operations.md) as ISO text. */
function portableInstant(raw: unknown, place: ValuePlace): string {
  if (raw instanceof Date) {
    if (Number.isNaN(raw.getTime())) {
      throw new ColumnValueError(place, 'holds an invalid date-time');
    }
    return raw.toISOString();
  }
  const match = typeof raw === 'string' ? STORED_INSTANT_PATTERN.exec(raw.trim()) : null;
  if (match === null) {
    throw new ColumnValueError(place, `holds ${JSON.stringify(raw)}, which is not a date-time`);
  }
  const [, date, time, fraction = '', offset] = match;
  if (!isUtcOffset(offset)) {
    const parsed = new Date(`${date}T${time}${fraction === '' ? '' : `.${fraction}`}${offset}`);
    if (Number.isNaN(parsed.getTime())) {
      throw new ColumnValueError(place, `holds ${JSON.stringify(raw)}, which is not a date-time`);
    }
    return parsed.toISOString();
  }
  // Kept as text (not through Date) so that nothing beyond milliseconds is lost either.
  return `${date}T${time}.${fraction.padEnd(3, '0')}Z`;
}

function finiteNumber(raw: unknown, place: ValuePlace): number {
  const value = typeof raw === 'string' ? Number(raw) : typeof raw === 'bigint' ? Number(raw) : raw;
  if (typeof value !== 'number' || !Number.isFinite(value)) {
    throw new ColumnValueError(place, `holds ${String(raw)}, which is not a finite number`);
  }
  return value;
}

/** A value read from either database, in its backup form. */
export function toPortableValue(kind: ColumnKind, raw: unknown, place: ValuePlace): PortableValue {
  if (raw === null || raw === undefined) {
    return null;
  }
  switch (kind) {
    case 'integer': {
      if (typeof raw === 'bigint') {
        return Number.isSafeInteger(Number(raw)) ? Number(raw) : raw.toString();
      }
      if (typeof raw === 'string' && /^-?\d+$/.test(raw)) {
        return Number.isSafeInteger(Number(raw)) ? Number(raw) : raw;
      }
      const value = finiteNumber(raw, place);
      if (!Number.isInteger(value)) {
        throw new ColumnValueError(place, `holds ${value}, which is not a whole number`);
      }
      return value;
    }
    case 'boolean': {
      if (typeof raw === 'boolean') {
        return raw;
      }
      if (Buffer.isBuffer(raw)) {
        return raw.some((byte) => byte !== 0);
      }
      const value = finiteNumber(raw, place);
      if (value !== 0 && value !== 1) {
        throw new ColumnValueError(place, `holds ${value}, which is not a boolean (0 or 1)`);
      }
      return value === 1;
    }
    case 'double':
      return finiteNumber(raw, place);
    case 'decimal': {
      const text = String(raw);
      if (!DECIMAL_PATTERN.test(text) && !Number.isFinite(Number(text))) {
        throw new ColumnValueError(place, `holds ${text}, which is not a decimal number`);
      }
      return text;
    }
    case 'text':
      if (typeof raw === 'string') {
        return raw;
      }
      if (Buffer.isBuffer(raw)) {
        return raw.toString('utf8');
      }
      if (typeof raw === 'number' || typeof raw === 'bigint' || typeof raw === 'boolean') {
        return String(raw);
      }
      // A JSON column read by the driver as an object.
      return JSON.stringify(raw);
    case 'date': {
      const text = raw instanceof Date ? raw.toISOString().slice(0, 10) : String(raw);
      if (!DATE_PATTERN.test(text)) {
        throw new ColumnValueError(place, `holds ${JSON.stringify(raw)}, which is not a date`);
      }
      return text;
    }
    case 'time': {
      const text = String(raw);
      if (!TIME_PATTERN.test(text)) {
        throw new ColumnValueError(place, `holds ${JSON.stringify(raw)}, which is not a time`);
      }
      return text;
    }
    case 'instant':
      return portableInstant(raw, place);
    case 'binary':
      if (Buffer.isBuffer(raw)) {
        return raw.toString('base64');
      }
      if (raw instanceof Uint8Array) {
        return Buffer.from(raw).toString('base64');
      }
      return Buffer.from(String(raw), 'utf8').toString('base64');
  }
}

/** What a driver takes as a parameter. */
export type DriverValue = string | number | Buffer | null;

function expectType(
  value: PortableValue,
  type: 'string' | 'number' | 'boolean',
  place: ValuePlace,
  kind: ColumnKind,
): void {
  if (typeof value !== type) {
    throw new ColumnValueError(place, `${JSON.stringify(value)} is not a valid ${kind} value`);
  }
}

/**
 * A backup value as a parameter of an INSERT into `dialect`: instants as each dialect stores
 * them (SQLite as Sequelize writes them, `YYYY-MM-DD HH:MM:SS.fff +00:00`; MySQL as UTC
 * `YYYY-MM-DD HH:MM:SS.fff`), booleans as 1/0, binary as bytes.
 */
export function toDriverValue(
  kind: ColumnKind,
  value: PortableValue,
  dialect: 'sqlite' | 'mysql',
  place: ValuePlace,
): DriverValue {
  if (value === null) {
    return null;
  }
  switch (kind) {
    case 'integer':
      if (typeof value === 'string' && /^-?\d+$/.test(value)) {
        return value;
      }
      expectType(value, 'number', place, kind);
      if (!Number.isInteger(value)) {
        throw new ColumnValueError(place, `${String(value)} is not a whole number`);
      }
      return value as number;
    case 'boolean':
      expectType(value, 'boolean', place, kind);
      return value === true ? 1 : 0;
    case 'double':
      expectType(value, 'number', place, kind);
      return value as number;
    case 'decimal':
      expectType(value, 'string', place, kind);
      return value as string;
    case 'text':
      expectType(value, 'string', place, kind);
      return value as string;
    case 'date':
      expectType(value, 'string', place, kind);
      if (!DATE_PATTERN.test(value as string)) {
        throw new ColumnValueError(place, `${JSON.stringify(value)} is not a date`);
      }
      return value as string;
    case 'time':
      expectType(value, 'string', place, kind);
      if (!TIME_PATTERN.test(value as string)) {
        throw new ColumnValueError(place, `${JSON.stringify(value)} is not a time`);
      }
      return value as string;
    case 'instant': {
      expectType(value, 'string', place, kind);
      const match = PORTABLE_INSTANT_PATTERN.exec(value as string);
      if (match === null) {
        throw new ColumnValueError(place, `${JSON.stringify(value)} is not a UTC instant`);
      }
      const [, date, time, fraction] = match;
      return dialect === 'sqlite'
        ? `${date} ${time}.${fraction} +00:00`
        : `${date} ${time}.${fraction}`;
    }
    case 'binary':
      expectType(value, 'string', place, kind);
      return Buffer.from(value as string, 'base64');
  }
}
