/**
 * Driver connections of their own (sqlite3, mysql2), outside Sequelize's pool, for the backup
 * and the restore: a snapshot needs one connection holding one transaction from start to
 * end, and a restore loads rows with foreign-key checks off on its own connection only.
 */
import type { Readable } from 'node:stream';
import mysql from 'mysql2';
import type { Connection as MysqlCallbackConnection } from 'mysql2';
import type { Connection as MysqlPromiseConnection } from 'mysql2/promise';
import sqlite3 from 'sqlite3';
import type { MysqlTarget } from '../config';

/** How long a SQLite connection waits for the api's writers (as connection.ts does). */
const SQLITE_BUSY_TIMEOUT_MS = 5_000;

/** A table or column name that is safe to put between quotes in SQL. */
const IDENTIFIER_PATTERN = /^[A-Za-z_][A-Za-z0-9_]*$/;

export function quoteIdentifier(name: string, dialect: 'sqlite' | 'mysql'): string {
  if (!IDENTIFIER_PATTERN.test(name)) {
    throw new Error(`Not a table or column name Tracershop uses: ${JSON.stringify(name)}`);
  }
  return dialect === 'sqlite' ? `"${name}"` : `\`${name}\``;
}

export type SqlParameter = string | number | Buffer | null;

interface SqliteStatementHandle {
  run(params: SqlParameter[], callback: (error: Error | null) => void): void;
  finalize(callback: (error: Error | null) => void): void;
}

/** One prepared INSERT, run once per row. */
export interface SqliteStatement {
  run(params: SqlParameter[]): Promise<void>;
  finalize(): Promise<void>;
}

/** The online backup API of node-sqlite3 (`Database#backup`), which its typings leave out. */
interface SqliteBackupHandle {
  step(pages: number, callback: (error: Error | null) => void): void;
  finish(callback?: (error: Error | null) => void): void;
  readonly completed: boolean;
  readonly failed: boolean;
}

export class SqliteConnection {
  private constructor(private readonly database: sqlite3.Database) {}

  /** Opens an existing file (read-only, or read and write; never created). */
  static open(file: string, mode: 'readOnly' | 'readWrite'): Promise<SqliteConnection> {
    const flags = mode === 'readOnly' ? sqlite3.OPEN_READONLY : sqlite3.OPEN_READWRITE;
    return new Promise((resolve, reject) => {
      const database = new sqlite3.Database(file, flags, (error) => {
        if (error != null) {
          reject(new Error(`Cannot open the SQLite file ${file}: ${error.message}`));
          return;
        }
        database.configure('busyTimeout', SQLITE_BUSY_TIMEOUT_MS);
        resolve(new SqliteConnection(database));
      });
    });
  }

  all<T>(sql: string, params: SqlParameter[] = []): Promise<T[]> {
    return new Promise((resolve, reject) => {
      this.database.all<T>(sql, params, (error, rows) =>
        error == null ? resolve(rows) : reject(error),
      );
    });
  }

  /** Runs one statement; resolves with the number of rows it changed. */
  run(sql: string, params: SqlParameter[] = []): Promise<number> {
    return new Promise((resolve, reject) => {
      this.database.run(sql, params, function (this: { changes: number }, error: Error | null) {
        if (error != null) {
          reject(error);
          return;
        }
        resolve(this.changes);
      });
    });
  }

  prepare(sql: string): Promise<SqliteStatement> {
    return new Promise((resolve, reject) => {
      const statement = this.database.prepare(sql, (error: Error | null) => {
        if (error != null) {
          reject(error);
          return;
        }
        const handle = statement as unknown as SqliteStatementHandle;
        resolve({
          run: (params) =>
            new Promise<void>((done, fail) =>
              handle.run(params, (runError) => (runError == null ? done() : fail(runError))),
            ),
          finalize: () =>
            new Promise<void>((done, fail) =>
              handle.finalize((finalizeError) =>
                finalizeError == null ? done() : fail(finalizeError),
              ),
            ),
        });
      });
    });
  }

  /**
   * Copies the whole database into `file` with SQLite's online backup API, in one step: one
   * read transaction, so the copy is the database as of one moment. In WAL mode the api's
   * writers go on meanwhile (they append to the WAL; only checkpoints wait for the copy).
   */
  copyTo(file: string): Promise<void> {
    return new Promise((resolve, reject) => {
      const database = this.database as unknown as {
        backup(file: string, callback: (error: Error | null) => void): SqliteBackupHandle;
      };
      const handle: SqliteBackupHandle = database.backup(file, (error) => {
        if (error != null) {
          reject(new Error(`Cannot start the SQLite backup into ${file}: ${error.message}`));
          return;
        }
        handle.step(-1, (stepError) => {
          handle.finish(() => {
            if (stepError != null || !handle.completed || handle.failed) {
              const reason = stepError?.message ?? 'unknown reason';
              reject(new Error(`The SQLite backup into ${file} did not complete: ${reason}`));
              return;
            }
            resolve();
          });
        });
      });
    });
  }

  close(): Promise<void> {
    return new Promise((resolve, reject) => {
      this.database.close((error) => (error == null ? resolve() : reject(error)));
    });
  }
}

/** A mysql2 connection of its own; the promise side for statements, the core side for streams. */
export class MysqlConnection {
  /** Set when a stream was left before its end: the connection is closed, not reused. */
  private abandoned = false;
  /** Set when the server dropped the connection. */
  private lost: Error | null = null;

  private constructor(
    private readonly core: MysqlCallbackConnection,
    readonly promise: MysqlPromiseConnection,
  ) {}

  /**
   * Connects with the api's conventions: UTC session time zone (instants are UTC DATETIME(3)),
   * utf8mb4, and date-times, dates and big numbers as text so that nothing is converted.
   */
  static async open(target: MysqlTarget): Promise<MysqlConnection> {
    const core = mysql.createConnection({
      host: target.host,
      port: target.port,
      user: target.username,
      password: target.password,
      database: target.database,
      charset: 'utf8mb4',
      timezone: 'Z',
      dateStrings: true,
      supportBigNumbers: true,
      bigNumberStrings: true,
      decimalNumbers: false,
      multipleStatements: false,
    });
    const connection = new MysqlConnection(core, core.promise());
    // A connection the server drops between statements (a restart, a killed session, a
    // dropped database) reports it as an 'error' event: without a listener that would end
    // the whole process. The next statement on it is refused in words instead.
    core.on('error', (error: Error) => {
      connection.lost = error;
    });
    try {
      await connection.promise.query("SET SESSION time_zone = '+00:00'");
    } catch (error) {
      core.destroy();
      throw error;
    }
    return connection;
  }

  private usable(): void {
    if (this.abandoned) {
      throw new Error('The MySQL connection was closed when a read was left unfinished');
    }
    if (this.lost !== null) {
      throw new Error(`The MySQL connection was lost: ${this.lost.message}`);
    }
  }

  async all<T>(sql: string, params: unknown[] = []): Promise<T[]> {
    this.usable();
    const [rows] = await this.promise.query(sql, params);
    return rows as T[];
  }

  async run(sql: string, params: unknown[] = []): Promise<void> {
    this.usable();
    await this.promise.query(sql, params);
  }

  /**
   * The rows of a query as arrays in select order, streamed: the connection pauses while the
   * reader is busy, so a large table is never held in memory. A reader that stops early (an
   * error) leaves the rest of the result on the wire: the connection is then closed.
   */
  async *stream(sql: string): AsyncGenerator<unknown[]> {
    this.usable();
    const query = this.core.query({ sql, rowsAsArray: true });
    const rows = query.stream({ highWaterMark: 256 }) as Readable;
    let finished = false;
    try {
      for await (const row of rows) {
        yield row as unknown[];
      }
      finished = true;
    } finally {
      if (!finished) {
        this.abandoned = true;
        this.core.destroy();
      }
    }
  }

  /** Whether statements may still be sent (false after a stream was left unfinished). */
  get open(): boolean {
    return !this.abandoned && this.lost === null;
  }

  async close(): Promise<void> {
    if (this.abandoned) {
      return;
    }
    if (this.lost !== null) {
      this.core.destroy();
      return;
    }
    try {
      await this.promise.end();
    } catch {
      this.core.destroy();
    }
  }
}
