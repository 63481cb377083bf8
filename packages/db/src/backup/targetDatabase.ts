/**
 * What a restore's target database holds before anything is written: its tables with their
 * row counts and its applied migrations. A restore goes only into empty databases: no table
 * may hold rows, except the one row a migration itself puts into a singleton table.
 */
import type { DatabaseName, DatabaseTarget } from '../config';
import { MIGRATIONS_TABLE } from '../migrate';
import { MysqlConnection, SqliteConnection, quoteIdentifier } from './directConnection';
import { mysqlTableShapes, sqliteTableShapes } from './tableShapes';

/**
 * Rows the migrations themselves create (web 0001: the server settings; record 0001: the
 * audit chain head at its genesis hash). A table holding no more than these is empty; the
 * restore replaces them with the backup's rows.
 */
export const MIGRATION_ROWS: Record<DatabaseName, Readonly<Record<string, number>>> = {
  record: { audit_chain_head: 1 },
  web: { server_settings: 1 },
};

export interface TargetState {
  /** Rows per table (every table but the migrations' own). */
  rows: Map<string, number>;
  /** Applied migrations, in order; empty when the database has no tables yet. */
  migrations: string[];
}

/** Tables that hold rows a restore may not overwrite, as `name (n rows)`. */
export function tablesWithData(database: DatabaseName, state: TargetState): string[] {
  return [...state.rows.entries()]
    .filter(([table, rows]) => rows > (MIGRATION_ROWS[database][table] ?? 0))
    .map(([table, rows]) => `${table} (${rows} ${rows === 1 ? 'row' : 'rows'})`);
}

export async function readTargetState(target: DatabaseTarget): Promise<TargetState> {
  const dialect = target.dialect;
  const connection =
    target.dialect === 'sqlite'
      ? await SqliteConnection.open(target.storage, 'readWrite')
      : await MysqlConnection.open(target);
  try {
    const shapes =
      connection instanceof SqliteConnection
        ? await sqliteTableShapes(connection)
        : await mysqlTableShapes(connection);
    const rows = new Map<string, number>();
    for (const shape of shapes) {
      const [row] = await connection.all<{ n: number | string }>(
        `SELECT COUNT(*) AS n FROM ${quoteIdentifier(shape.name, dialect)}`,
      );
      rows.set(shape.name, Number(row?.n ?? 0));
    }
    const present =
      connection instanceof SqliteConnection
        ? await connection.all<{ name: string }>(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name = ?",
            [MIGRATIONS_TABLE],
          )
        : await connection.all<{ name: string }>(
            `SELECT TABLE_NAME AS name FROM information_schema.TABLES
              WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = ?`,
            [MIGRATIONS_TABLE],
          );
    const migrations =
      present.length === 0
        ? []
        : (
            await connection.all<{ name: string }>(
              `SELECT name FROM ${quoteIdentifier(MIGRATIONS_TABLE, dialect)} ORDER BY name`,
            )
          ).map((row) => row.name);
    return { rows, migrations };
  } finally {
    await connection.close();
  }
}
