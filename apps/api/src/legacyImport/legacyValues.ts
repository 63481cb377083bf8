/**
 * Reading legacy column values: text trimmed (empty → null), numbers from numbers or numeric
 * text, MySQL's zero dates (`0000-00-00`) as null, times padded to `HH:MM:SS`.
 */
import { toPlainDate } from '@tracershop/core';
import type { LegacyRow } from './legacySource';

export function textOf(row: LegacyRow, column: string): string | null {
  const value = row.get(column.toLowerCase());
  if (value === null || value === undefined) {
    return null;
  }
  const text = (Buffer.isBuffer(value) ? value.toString('latin1') : String(value)).trim();
  return text === '' ? null : text;
}

export function numberOf(row: LegacyRow, column: string): number | null {
  const value = row.get(column.toLowerCase());
  if (typeof value === 'number') {
    return Number.isFinite(value) ? value : null;
  }
  if (typeof value === 'bigint') {
    return Number(value);
  }
  if (typeof value === 'string' && /^\s*-?\d+(\.\d+)?\s*$/.test(value)) {
    return Number(value);
  }
  return null;
}

export function integerOf(row: LegacyRow, column: string): number | null {
  const value = numberOf(row, column);
  return value === null || !Number.isInteger(value) ? null : value;
}

/** The key of a row as legacy_ids stores it. */
export function keyOf(row: LegacyRow, column: string): string | null {
  const value = integerOf(row, column);
  return value === null ? textOf(row, column) : String(value);
}

function validDate(text: string): string | null {
  if (text.startsWith('0000') || !/^\d{4}-\d{2}-\d{2}$/.test(text)) {
    return null;
  }
  try {
    return toPlainDate(text).toString();
  } catch {
    return null;
  }
}

function validTime(text: string): string | null {
  const match = /^(\d{1,2}):(\d{2})(?::(\d{2}))?(?:\.\d+)?$/.exec(text);
  if (!match) {
    return null;
  }
  const [hours, minutes, seconds] = [match[1], match[2], match[3] ?? '0'].map(Number) as [
    number,
    number,
    number,
  ];
  if (hours > 23 || minutes > 59 || seconds > 59) {
    return null;
  }
  return [hours, minutes, seconds].map((part) => String(part).padStart(2, '0')).join(':');
}

/** `'YYYY-MM-DD'`, or null for a missing or zero date. */
export function dateOf(row: LegacyRow, column: string): string | null {
  const text = textOf(row, column);
  return text === null ? null : validDate(text.slice(0, 10));
}

/** `'HH:MM:SS'`, or null. */
export function timeOf(row: LegacyRow, column: string): string | null {
  const text = textOf(row, column);
  return text === null ? null : validTime(text);
}

/** A DATETIME as date and time of day (site wall clock), or null for a missing or zero one. */
export function dateTimeOf(row: LegacyRow, column: string): { date: string; time: string } | null {
  const text = textOf(row, column);
  const match = text === null ? null : /^(\S+)[ T](\S+)$/.exec(text);
  if (!match) {
    return null;
  }
  const date = validDate(match[1] as string);
  const time = validTime(match[2] as string);
  return date === null || time === null ? null : { date, time };
}

/** `text` cut to `length` characters (the new columns are narrower than some legacy ones). */
export function fitted(text: string | null, length: number): string | null {
  return text === null ? null : text.slice(0, length);
}
