/**
 * A consistent, point-in-time view of one database while the api goes on writing to it
 * (docs/operations.md, "Backup and restore"):
 *
 * - SQLite: the file is copied with SQLite's online backup API in one step (one read
 *   transaction; in WAL mode the api's writers are not held up) into a private temporary
 *   file, and the rows are read from that copy at leisure.
 * - MySQL/MariaDB: a connection of its own opens a REPEATABLE READ transaction WITH
 *   CONSISTENT SNAPSHOT, READ ONLY, and reads every table inside it, streaming the rows.
 *   InnoDB serves the snapshot from its undo log; nobody waits for it.
 *
 * Each database is consistent in itself. The record and web databases are two databases:
 * their snapshots are taken one after the other, not at one common instant.
 */
import { access } from 'node:fs/promises';
import path from 'node:path';
import type { DatabaseName, DatabaseTarget } from '../config';
import { MIGRATIONS_TABLE } from '../migrate';
import { MysqlConnection, SqliteConnection, quoteIdentifier } from './directConnection';
import type { TableShape } from './tableShapes';
import {
  mysqlLastIssuedId,
  mysqlTableShapes,
  sqliteLastIssuedIds,
  sqliteTableShapes,
} from './tableShapes';

/** Rows per read from a SQLite copy. */
const SQLITE_PAGE_ROWS = 1000;

export interface DatabaseSnapshot {
  readonly database: DatabaseName;
  readonly dialect: 'sqlite' | 'mysql';
  /** When the snapshot was taken. */
  readonly takenAt: Date;
  /** Every table but the migrations' own, by name. */
  readonly tables: TableShape[];
  /** The migrations applied to the database at that moment, in order. */
  readonly migrations: string[];
  /** The largest id the table's counter had handed out (null: no counter, or never moved). */
  lastIssuedId(table: TableShape): Promise<number | null>;
  /** The table's rows in primary-key order, each as an array in the order of `table.columns`. */
  rows(table: TableShape): AsyncIterable<unknown[]>;
  /** Ends the snapshot (and removes nothing: the caller owns the work folder). */
  close(): Promise<void>;
}

function selectList(table: TableShape, dialect: 'sqlite' | 'mysql'): string {
  return table.columns.map((column) => quoteIdentifier(column.name, dialect)).join(', ');
}

function orderBy(table: TableShape, dialect: 'sqlite' | 'mysql'): string {
  return table.primaryKey.length === 0
    ? ''
    : ` ORDER BY ${table.primaryKey.map((key) => quoteIdentifier(key, dialect)).join(', ')}`;
}

async function sqliteSnapshot(
  database: DatabaseName,
  storage: string,
  workDir: string,
): Promise<DatabaseSnapshot> {
  try {
    await access(storage);
  } catch {
    throw new Error(`The ${database} database file ${storage} does not exist`);
  }
  const copyFile = path.join(workDir, `${database}.snapshot.sqlite`);
  const source = await SqliteConnection.open(storage, 'readWrite');
  const takenAt = new Date();
  try {
    await source.copyTo(copyFile);
  } finally {
    await source.close();
  }
  const copy = await SqliteConnection.open(copyFile, 'readWrite');
  try {
    const tables = await sqliteTableShapes(copy);
    const hasMigrations = await copy.all<{ name: string }>(
      "SELECT name FROM sqlite_master WHERE type = 'table' AND name = ?",
      [MIGRATIONS_TABLE],
    );
    const migrations =
      hasMigrations.length === 0
        ? []
        : (
            await copy.all<{ name: string }>(
              `SELECT name FROM ${quoteIdentifier(MIGRATIONS_TABLE, 'sqlite')} ORDER BY name`,
            )
          ).map((row) => row.name);
    const counters = await sqliteLastIssuedIds(copy);
    return {
      database,
      dialect: 'sqlite',
      takenAt,
      tables,
      migrations,
      lastIssuedId: (table) =>
        Promise.resolve(table.autoIncrement ? (counters.get(table.name) ?? null) : null),
      async *rows(table) {
        const columns = selectList(table, 'sqlite');
        const from = quoteIdentifier(table.name, 'sqlite');
        const names = table.columns.map((column) => column.name);
        if (table.withoutRowid) {
          // No rowid to page by: pages by offset in primary-key order (the copy does not change).
          for (let offset = 0; ; offset += SQLITE_PAGE_ROWS) {
            const rows = await copy.all<Record<string, unknown>>(
              `SELECT ${columns} FROM ${from}${orderBy(table, 'sqlite')} LIMIT ? OFFSET ?`,
              [SQLITE_PAGE_ROWS, offset],
            );
            for (const row of rows) {
              yield names.map((name) => row[name]);
            }
            if (rows.length < SQLITE_PAGE_ROWS) {
              return;
            }
          }
        }
        let after: number | null = null;
        for (;;) {
          const rows: Array<Record<string, unknown>> = await copy.all<Record<string, unknown>>(
            `SELECT rowid AS backup_rowid_, ${columns} FROM ${from}` +
              (after === null ? '' : ' WHERE rowid > ?') +
              ' ORDER BY rowid LIMIT ?',
            after === null ? [SQLITE_PAGE_ROWS] : [after, SQLITE_PAGE_ROWS],
          );
          for (const row of rows) {
            yield names.map((name) => row[name]);
          }
          if (rows.length < SQLITE_PAGE_ROWS) {
            return;
          }
          after = Number(rows[rows.length - 1]?.backup_rowid_);
        }
      },
      close: () => copy.close(),
    };
  } catch (error) {
    await copy.close();
    throw error;
  }
}

async function mysqlSnapshot(
  database: DatabaseName,
  target: Extract<DatabaseTarget, { dialect: 'mysql' }>,
): Promise<DatabaseSnapshot> {
  const connection = await MysqlConnection.open(target);
  try {
    await connection.run('SET TRANSACTION ISOLATION LEVEL REPEATABLE READ');
    await connection.run('START TRANSACTION WITH CONSISTENT SNAPSHOT, READ ONLY');
    const takenAt = new Date();
    const tables = await mysqlTableShapes(connection);
    const hasMigrations = await connection.all<{ found: number }>(
      `SELECT COUNT(*) AS found FROM information_schema.TABLES
        WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = ?`,
      [MIGRATIONS_TABLE],
    );
    const migrations =
      Number(hasMigrations[0]?.found ?? 0) === 0
        ? []
        : (
            await connection.all<{ name: string }>(
              `SELECT name FROM ${quoteIdentifier(MIGRATIONS_TABLE, 'mysql')} ORDER BY name`,
            )
          ).map((row) => row.name);
    return {
      database,
      dialect: 'mysql',
      takenAt,
      tables,
      migrations,
      lastIssuedId: (table) =>
        table.autoIncrement ? mysqlLastIssuedId(connection, table.name) : Promise.resolve(null),
      rows: (table) =>
        connection.stream(
          `SELECT ${selectList(table, 'mysql')} FROM ${quoteIdentifier(table.name, 'mysql')}` +
            orderBy(table, 'mysql'),
        ),
      async close() {
        try {
          if (connection.open) {
            await connection.run('ROLLBACK');
          }
        } finally {
          await connection.close();
        }
      },
    };
  } catch (error) {
    await connection.close();
    throw error;
  }
}

/**
 * Takes a snapshot of one database. `workDir` is a private folder for the SQLite copy; the
 * caller removes it.
 */
export function takeSnapshot(
  database: DatabaseName,
  target: DatabaseTarget,
  workDir: string,
): Promise<DatabaseSnapshot> {
  return target.dialect === 'sqlite'
    ? sqliteSnapshot(database, target.storage, workDir)
    : mysqlSnapshot(database, target);
}
