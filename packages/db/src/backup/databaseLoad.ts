/**
 * Loading a backup's parts into one (empty, migrated) database, on a driver connection of
 * its own: one transaction for all its rows, foreign-key checks off on that connection only
 * (a self-referencing table such as activity_orders cannot always be loaded in id order),
 * ids kept as they are, and the auto-increment counters set so that no id is handed out
 * twice: SQLite's `sqlite_sequence` inside the transaction, MySQL's AUTO_INCREMENT after the
 * commit (ALTER TABLE commits on its own).
 */
import { createReadStream } from 'node:fs';
import { StringDecoder } from 'node:string_decoder';
import type { DatabaseName, DatabaseTarget } from '../config';
import type { BackupTableEntry } from './backupManifest';
import type { DriverValue, PortableValue } from './columnValues';
import { toDriverValue } from './columnValues';
import type { SqlParameter } from './directConnection';
import { MysqlConnection, SqliteConnection, quoteIdentifier } from './directConnection';
import type { TableShape } from './tableShapes';
import { mysqlTableShapes, sqliteTableShapes } from './tableShapes';

/** Rows per INSERT on MySQL, and the most text per INSERT (well inside max_allowed_packet). */
const MYSQL_BATCH_ROWS = 500;
const MYSQL_BATCH_BYTES = 1024 * 1024;

/**
 * Strict, so that a value the column cannot hold is an error instead of being cut; and an
 * explicit id 0 stays 0 (ids are kept as they are).
 */
const MYSQL_LOAD_SQL_MODE =
  'STRICT_ALL_TABLES,NO_ZERO_IN_DATE,NO_ZERO_DATE,ERROR_FOR_DIVISION_BY_ZERO,' +
  'NO_ENGINE_SUBSTITUTION,NO_AUTO_VALUE_ON_ZERO';

export interface DatabaseLoad {
  readonly database: DatabaseName;
  readonly dialect: 'sqlite' | 'mysql';
  /** The target's tables (every table but the migrations' own). */
  readonly tables: TableShape[];
  /** Rows a table holds now, inside the load's transaction. */
  countRows(table: string): Promise<number>;
  /** Removes the rows a migration put into a table (the settings and chain-head singletons). */
  clearTable(table: string): Promise<void>;
  /** Inserts a part's rows; returns how many. */
  loadTable(entry: BackupTableEntry, partFile: string): Promise<number>;
  /** The checks and counters that belong inside the transaction, then COMMIT. */
  commit(lastIssuedIds: Map<string, number | null>): Promise<void>;
  /** The counters that must wait for the commit (MySQL). */
  afterCommit(lastIssuedIds: Map<string, number | null>): Promise<void>;
  rollback(): Promise<void>;
  close(): Promise<void>;
}

/**
 * A part's lines, split by hand rather than by node:readline: with a consumer that awaits a
 * database write between lines, readline's iterator on Node 24 handed over a line cut in
 * two. Iterating the stream itself closes the file when the consumer stops early.
 */
async function* linesOf(file: string): AsyncGenerator<string> {
  const decoder = new StringDecoder('utf8');
  let rest = '';
  for await (const chunk of createReadStream(file)) {
    rest += decoder.write(chunk as Buffer);
    let start = 0;
    let end = rest.indexOf('\n', start);
    while (end !== -1) {
      yield rest.slice(start, end).replace(/\r$/, '');
      start = end + 1;
      end = rest.indexOf('\n', start);
    }
    rest = rest.slice(start);
  }
  rest += decoder.end();
  if (rest !== '') {
    yield rest.replace(/\r$/, '');
  }
}

/** The JSON arrays of a part, one per line. */
async function* partRows(entry: BackupTableEntry, partFile: string): AsyncGenerator<unknown[]> {
  let number = 0;
  for await (const line of linesOf(partFile)) {
    number += 1;
    if (line === '') {
      continue;
    }
    let values: unknown;
    try {
      values = JSON.parse(line);
    } catch {
      throw new Error(`Line ${number} of ${entry.part} is not JSON`);
    }
    if (!Array.isArray(values) || values.length !== entry.columns.length) {
      throw new Error(
        `Line ${number} of ${entry.part} does not hold ${entry.columns.length} values`,
      );
    }
    yield values;
  }
}

function driverRow(
  entry: BackupTableEntry,
  values: unknown[],
  dialect: 'sqlite' | 'mysql',
): DriverValue[] {
  return entry.columns.map((column, index) =>
    toDriverValue(column.kind, values[index] as PortableValue, dialect, {
      table: entry.name,
      column: column.name,
    }),
  );
}

/** The single integer id column of a table with a counter, if it has one. */
function counterColumn(table: TableShape): string | null {
  const [key, ...more] = table.primaryKey;
  return table.autoIncrement && key !== undefined && more.length === 0 ? key : null;
}

/**
 * The highest id each table with a counter has ever handed out, loaded rows and the original
 * site's counter (`lastIssuedIds`, ids since deleted) together; tables at 0 are left out. The
 * restored counters continue after it, so no id is handed out twice.
 */
async function countersAfterLoad(
  connection: Pick<SqliteConnection | MysqlConnection, 'all'>,
  dialect: 'sqlite' | 'mysql',
  tables: readonly TableShape[],
  lastIssuedIds: Map<string, number | null>,
): Promise<{ table: string; counter: number }[]> {
  const counters: { table: string; counter: number }[] = [];
  for (const table of tables) {
    const id = counterColumn(table);
    if (id === null) {
      continue;
    }
    const [row] = await connection.all<{ highest: number | string | null }>(
      `SELECT MAX(${quoteIdentifier(id, dialect)}) AS highest FROM ${quoteIdentifier(table.name, dialect)}`,
    );
    const counter = Math.max(Number(row?.highest ?? 0), lastIssuedIds.get(table.name) ?? 0);
    if (counter > 0) {
      counters.push({ table: table.name, counter });
    }
  }
  return counters;
}

class SqliteLoad implements DatabaseLoad {
  readonly dialect = 'sqlite' as const;

  private constructor(
    readonly database: DatabaseName,
    private readonly connection: SqliteConnection,
    readonly tables: TableShape[],
  ) {}

  static async open(database: DatabaseName, storage: string): Promise<SqliteLoad> {
    const connection = await SqliteConnection.open(storage, 'readWrite');
    try {
      // Off on this connection only (SQLite checks per connection); not changeable in a transaction.
      await connection.run('PRAGMA foreign_keys = OFF');
      await connection.run('BEGIN IMMEDIATE');
      return new SqliteLoad(database, connection, await sqliteTableShapes(connection));
    } catch (error) {
      await connection.close();
      throw error;
    }
  }

  async countRows(table: string): Promise<number> {
    const [row] = await this.connection.all<{ n: number }>(
      `SELECT COUNT(*) AS n FROM ${quoteIdentifier(table, 'sqlite')}`,
    );
    return Number(row?.n ?? 0);
  }

  async clearTable(table: string): Promise<void> {
    await this.connection.run(`DELETE FROM ${quoteIdentifier(table, 'sqlite')}`);
  }

  async loadTable(entry: BackupTableEntry, partFile: string): Promise<number> {
    const columns = entry.columns.map((column) => quoteIdentifier(column.name, 'sqlite'));
    const statement = await this.connection.prepare(
      `INSERT INTO ${quoteIdentifier(entry.name, 'sqlite')} (${columns.join(', ')}) ` +
        `VALUES (${columns.map(() => '?').join(', ')})`,
    );
    let rows = 0;
    try {
      for await (const values of partRows(entry, partFile)) {
        await statement.run(driverRow(entry, values, 'sqlite') as SqlParameter[]);
        rows += 1;
      }
    } finally {
      await statement.finalize();
    }
    return rows;
  }

  async commit(lastIssuedIds: Map<string, number | null>): Promise<void> {
    const broken = await this.connection.all<{ table: string; rowid: number; parent: string }>(
      'PRAGMA foreign_key_check',
    );
    if (broken.length > 0) {
      const examples = broken
        .slice(0, 5)
        .map((row) => `${row.table} row ${row.rowid} names a missing ${row.parent} row`);
      throw new Error(`The loaded rows break foreign keys: ${examples.join('; ')}`);
    }
    for (const { table, counter } of await countersAfterLoad(
      this.connection,
      'sqlite',
      this.tables,
      lastIssuedIds,
    )) {
      const changed = await this.connection.run(
        'UPDATE sqlite_sequence SET seq = ? WHERE name = ?',
        [counter, table],
      );
      if (changed === 0) {
        await this.connection.run('INSERT INTO sqlite_sequence (name, seq) VALUES (?, ?)', [
          table,
          counter,
        ]);
      }
    }
    await this.connection.run('COMMIT');
  }

  async afterCommit(): Promise<void> {
    // SQLite's counters were set inside the transaction.
  }

  async rollback(): Promise<void> {
    try {
      await this.connection.run('ROLLBACK');
    } catch {
      // No transaction left to roll back.
    }
  }

  close(): Promise<void> {
    return this.connection.close();
  }
}

class MysqlLoad implements DatabaseLoad {
  readonly dialect = 'mysql' as const;

  private constructor(
    readonly database: DatabaseName,
    private readonly connection: MysqlConnection,
    readonly tables: TableShape[],
  ) {}

  static async open(
    database: DatabaseName,
    target: Extract<DatabaseTarget, { dialect: 'mysql' }>,
  ): Promise<MysqlLoad> {
    const connection = await MysqlConnection.open(target);
    try {
      // Session variables: this connection only; the api's pool keeps its checks.
      await connection.run('SET SESSION foreign_key_checks = 0');
      await connection.run('SET SESSION sql_mode = ?', [MYSQL_LOAD_SQL_MODE]);
      const tables = await mysqlTableShapes(connection);
      await connection.run('START TRANSACTION');
      return new MysqlLoad(database, connection, tables);
    } catch (error) {
      await connection.close();
      throw error;
    }
  }

  async countRows(table: string): Promise<number> {
    const [row] = await this.connection.all<{ n: number | string }>(
      `SELECT COUNT(*) AS n FROM ${quoteIdentifier(table, 'mysql')}`,
    );
    return Number(row?.n ?? 0);
  }

  async clearTable(table: string): Promise<void> {
    await this.connection.run(`DELETE FROM ${quoteIdentifier(table, 'mysql')}`);
  }

  async loadTable(entry: BackupTableEntry, partFile: string): Promise<number> {
    const columns = entry.columns.map((column) => quoteIdentifier(column.name, 'mysql'));
    const insert = `INSERT INTO ${quoteIdentifier(entry.name, 'mysql')} (${columns.join(', ')}) VALUES ?`;
    let batch: DriverValue[][] = [];
    let batchBytes = 0;
    let rows = 0;
    const flush = async () => {
      if (batch.length > 0) {
        await this.connection.run(insert, [batch]);
        batch = [];
        batchBytes = 0;
      }
    };
    for await (const values of partRows(entry, partFile)) {
      const row = driverRow(entry, values, 'mysql');
      batch.push(row);
      batchBytes += row.reduce<number>(
        (sum, value) => sum + (value === null ? 4 : typeof value === 'number' ? 8 : value.length),
        0,
      );
      rows += 1;
      if (batch.length >= MYSQL_BATCH_ROWS || batchBytes >= MYSQL_BATCH_BYTES) {
        await flush();
      }
    }
    await flush();
    return rows;
  }

  async commit(): Promise<void> {
    await this.connection.run('COMMIT');
  }

  async afterCommit(lastIssuedIds: Map<string, number | null>): Promise<void> {
    for (const { table, counter } of await countersAfterLoad(
      this.connection,
      'mysql',
      this.tables,
      lastIssuedIds,
    )) {
      await this.connection.run(
        `ALTER TABLE ${quoteIdentifier(table, 'mysql')} AUTO_INCREMENT = ${counter + 1}`,
      );
    }
    await this.connection.run('SET SESSION foreign_key_checks = 1');
  }

  async rollback(): Promise<void> {
    try {
      await this.connection.run('ROLLBACK');
    } catch {
      // The connection is gone; the server rolled the transaction back.
    }
  }

  close(): Promise<void> {
    return this.connection.close();
  }
}

/** Opens a load of one database: its own connection, a transaction begun. */
export function openDatabaseLoad(
  database: DatabaseName,
  target: DatabaseTarget,
): Promise<DatabaseLoad> {
  return target.dialect === 'sqlite'
    ? SqliteLoad.open(database, target.storage)
    : MysqlLoad.open(database, target);
}
