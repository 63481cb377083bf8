/**
 * The dialect-neutral form of column values: read from either database, written back to
 * either, unchanged; and a value that is not of its column's kind is named in words.
 */
import { describe, expect, it } from 'vitest';
import {
  columnKindOfMysqlType,
  columnKindOfSqliteType,
  toDriverValue,
  toPortableValue,
} from './columnValues';
import type { ColumnKind, PortableValue } from './columnValues';

const place = { table: 'vials', column: 'activity' };

describe('column kinds', () => {
  it.each([
    ['INTEGER', 'integer'],
    ['SMALLINT', 'integer'],
    ['TINYINT(1)', 'boolean'],
    ['DOUBLE PRECISION', 'double'],
    ['DECIMAL(10,4)', 'decimal'],
    ['VARCHAR(32)', 'text'],
    ['CHAR(64)', 'text'],
    ['TEXT', 'text'],
    ['DATE', 'date'],
    ['TIME', 'time'],
    ['DATETIME', 'instant'],
    ['BLOB', 'binary'],
  ] as const)('SQLite %s is %s', (declared, kind) => {
    expect(columnKindOfSqliteType(declared)).toBe(kind);
  });

  it.each([
    ['int', 'int(11)', 'integer'],
    ['bigint', 'bigint(20)', 'integer'],
    ['tinyint', 'tinyint(1)', 'boolean'],
    ['tinyint', 'tinyint(4)', 'integer'],
    ['double', 'double', 'double'],
    ['decimal', 'decimal(10,4)', 'decimal'],
    ['longtext', 'longtext', 'text'],
    ['date', 'date', 'date'],
    ['time', 'time', 'time'],
    ['datetime', 'datetime(3)', 'instant'],
    ['varbinary', 'varbinary(16)', 'binary'],
  ] as const)('MySQL %s (%s) is %s', (dataType, columnType, kind) => {
    expect(columnKindOfMysqlType(dataType, columnType)).toBe(kind);
  });
});

describe('portable values', () => {
  it.each<[ColumnKind, unknown, PortableValue]>([
    ['instant', '2024-03-31 01:30:00.001 +00:00', '2024-03-31T01:30:00.001Z'],
    ['instant', '2024-03-31 01:30:00.001', '2024-03-31T01:30:00.001Z'],
    ['instant', '2024-03-31 01:30:00', '2024-03-31T01:30:00.000Z'],
    ['instant', '2024-03-31 03:30:00.250 +02:00', '2024-03-31T01:30:00.250Z'],
    ['instant', new Date('2038-01-19T03:14:08.123Z'), '2038-01-19T03:14:08.123Z'],
    ['boolean', 1, true],
    ['boolean', 0, false],
    ['boolean', Buffer.from([1]), true],
    ['double', 0.1 + 0.2, 0.30000000000000004],
    ['double', '123.456789012345', 123.456789012345],
    ['decimal', '12345678901234567890.123456789', '12345678901234567890.123456789'],
    ['integer', '9007199254740993', '9007199254740993'],
    ['integer', 42, 42],
    ['text', 'æøå 🧪', 'æøå 🧪'],
    ['text', { customerIds: [1, 2] }, '{"customerIds":[1,2]}'],
    ['date', '2024-02-29', '2024-02-29'],
    ['time', '02:30:00', '02:30:00'],
    ['binary', Buffer.from([0, 255, 16]), 'AP8Q'],
    ['text', null, null],
  ])('reads %s %j as %j', (kind, raw, portable) => {
    expect(toPortableValue(kind, raw, place)).toEqual(portable);
  });

  it.each<[ColumnKind, PortableValue, unknown, unknown]>([
    [
      'instant',
      '2024-03-31T01:30:00.001Z',
      '2024-03-31 01:30:00.001 +00:00',
      '2024-03-31 01:30:00.001',
    ],
    ['boolean', true, 1, 1],
    ['double', 0.30000000000000004, 0.30000000000000004, 0.30000000000000004],
    ['decimal', '1.50', '1.50', '1.50'],
    ['binary', 'AP8Q', Buffer.from([0, 255, 16]), Buffer.from([0, 255, 16])],
    ['date', null, null, null],
  ])('writes %s %j for SQLite and MySQL', (kind, portable, sqlite, mysql) => {
    expect(toDriverValue(kind, portable, 'sqlite', place)).toEqual(sqlite);
    expect(toDriverValue(kind, portable, 'mysql', place)).toEqual(mysql);
  });

  it('names a value that is not of its column kind', () => {
    expect(() => toPortableValue('double', Infinity, place)).toThrow(
      'Column vials.activity: holds Infinity, which is not a finite number',
    );
    expect(() => toPortableValue('boolean', 2, place)).toThrow(/which is not a boolean/);
    expect(() => toPortableValue('instant', 'yesterday', place)).toThrow(
      /holds "yesterday", which is not a date-time/,
    );
    expect(() => toDriverValue('integer', 1.5, 'mysql', place)).toThrow(/is not a whole number/);
    expect(() => toDriverValue('instant', '2024-03-31 01:30', 'sqlite', place)).toThrow(
      /is not a UTC instant/,
    );
  });
});
