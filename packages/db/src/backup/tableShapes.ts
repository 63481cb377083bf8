/**
 * The tables of a database as a backup sees them: name, columns with their kinds
 * (columnValues.ts), primary key, and whether ids come from an auto-increment counter.
 * Read from the database itself (not from the models), so that a backup holds every table
 * and column the migrations made.
 */
import { MIGRATIONS_TABLE } from '../migrate';
import type { ColumnKind } from './columnValues';
import { columnKindOfMysqlType, columnKindOfSqliteType } from './columnValues';
import type { MysqlConnection, SqliteConnection } from './directConnection';
import { quoteIdentifier } from './directConnection';

export interface ColumnShape {
  name: string;
  kind: ColumnKind;
}

export interface TableShape {
  name: string;
  columns: ColumnShape[];
  primaryKey: string[];
  /** Whether the table's id is handed out by an auto-increment counter. */
  autoIncrement: boolean;
  /** SQLite tables declared WITHOUT ROWID (none of Tracershop's are). */
  withoutRowid: boolean;
}

/** Tables a backup leaves out: the migrations' own list (the manifest names them instead). */
export function isBackedUpTable(name: string): boolean {
  return name !== MIGRATIONS_TABLE && !name.startsWith('sqlite_');
}

function byName<T extends { name: string }>(items: T[]): T[] {
  return [...items].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}

export async function sqliteTableShapes(connection: SqliteConnection): Promise<TableShape[]> {
  const tables = await connection.all<{ name: string; sql: string | null }>(
    "SELECT name, sql FROM sqlite_master WHERE type = 'table'",
  );
  const shapes: TableShape[] = [];
  for (const table of tables.filter((t) => isBackedUpTable(t.name))) {
    const columns = await connection.all<{ name: string; type: string; pk: number }>(
      `PRAGMA table_info(${quoteIdentifier(table.name, 'sqlite')})`,
    );
    const sql = (table.sql ?? '').toUpperCase();
    shapes.push({
      name: table.name,
      columns: columns.map((column) => ({
        name: column.name,
        kind: columnKindOfSqliteType(column.type),
      })),
      primaryKey: columns
        .filter((column) => column.pk > 0)
        .sort((a, b) => a.pk - b.pk)
        .map((column) => column.name),
      autoIncrement: sql.includes('AUTOINCREMENT'),
      withoutRowid: /WITHOUT\s+ROWID/.test(sql),
    });
  }
  return byName(shapes);
}

/** SQLite's counters: the largest id each AUTOINCREMENT table ever handed out. */
export async function sqliteLastIssuedIds(
  connection: SqliteConnection,
): Promise<Map<string, number>> {
  const exists = await connection.all<{ name: string }>(
    "SELECT name FROM sqlite_master WHERE type = 'table' AND name = 'sqlite_sequence'",
  );
  if (exists.length === 0) {
    return new Map();
  }
  const rows = await connection.all<{ name: string; seq: number }>(
    'SELECT name, seq FROM sqlite_sequence',
  );
  return new Map(rows.map((row) => [row.name, Number(row.seq)]));
}

interface MysqlColumnRow {
  tableName: string;
  columnName: string;
  dataType: string;
  columnType: string;
  extra: string;
}

export async function mysqlTableShapes(connection: MysqlConnection): Promise<TableShape[]> {
  const tables = await connection.all<{ tableName: string }>(
    `SELECT TABLE_NAME AS tableName FROM information_schema.TABLES
      WHERE TABLE_SCHEMA = DATABASE() AND TABLE_TYPE = 'BASE TABLE'`,
  );
  const columns = await connection.all<MysqlColumnRow>(
    `SELECT TABLE_NAME AS tableName, COLUMN_NAME AS columnName, DATA_TYPE AS dataType,
            COLUMN_TYPE AS columnType, EXTRA AS extra
       FROM information_schema.COLUMNS
      WHERE TABLE_SCHEMA = DATABASE()
      ORDER BY TABLE_NAME, ORDINAL_POSITION`,
  );
  const keys = await connection.all<{ tableName: string; columnName: string }>(
    `SELECT TABLE_NAME AS tableName, COLUMN_NAME AS columnName
       FROM information_schema.KEY_COLUMN_USAGE
      WHERE TABLE_SCHEMA = DATABASE() AND CONSTRAINT_NAME = 'PRIMARY'
      ORDER BY TABLE_NAME, ORDINAL_POSITION`,
  );
  const shapes = tables
    .map((table) => table.tableName)
    .filter(isBackedUpTable)
    .map((name) => {
      const own = columns.filter((column) => column.tableName === name);
      return {
        name,
        columns: own.map((column) => ({
          name: column.columnName,
          kind: columnKindOfMysqlType(column.dataType, column.columnType),
        })),
        primaryKey: keys.filter((key) => key.tableName === name).map((key) => key.columnName),
        autoIncrement: own.some((column) => /auto_increment/i.test(column.extra)),
        withoutRowid: false,
      };
    });
  return byName(shapes);
}

/**
 * The largest id an auto-increment table handed out so far (its counter minus one), from
 * SHOW CREATE TABLE, which reads the live counter (information_schema may be cached on
 * MySQL 8). Null when the counter was never moved.
 */
export async function mysqlLastIssuedId(
  connection: MysqlConnection,
  table: string,
): Promise<number | null> {
  const rows = await connection.all<Record<string, string>>(
    `SHOW CREATE TABLE ${quoteIdentifier(table, 'mysql')}`,
  );
  const statement = rows[0]?.['Create Table'] ?? '';
  const match = /\bAUTO_INCREMENT=(\d+)/.exec(statement);
  return match === null ? null : Number(match[1]) - 1;
}
