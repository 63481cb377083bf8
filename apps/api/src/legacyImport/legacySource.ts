/**
 * Reading the old Tracershop MySQL database (`TracerShop`, docs/domain.md). Rows come
 * back as plain objects whose column names are matched case-insensitively (the old schema
 * spells `ID`, `Id` and `id` as it pleases), with dates, times and date-times as the text
 * MySQL stores — naive wall-clock values of the site — and decimals as numbers.
 */
import mysql from 'mysql2/promise';
import type { RowDataPacket } from 'mysql2/promise';

/** One legacy row, its column names lower-cased. */
export type LegacyRow = ReadonlyMap<string, unknown>;

export class LegacySource {
  private constructor(
    private readonly connection: mysql.Connection,
    private readonly tables: ReadonlySet<string>,
  ) {}

  /** Connects to `mysql://user:password@host:port/TracerShop` (read only use). */
  static async open(url: string): Promise<LegacySource> {
    const parsed = new URL(url);
    if (parsed.protocol !== 'mysql:' && parsed.protocol !== 'mariadb:') {
      throw new Error(`Not a mysql:// URL: ${parsed.protocol}`);
    }
    const database = decodeURIComponent(parsed.pathname.replace(/^\//, ''));
    if (database === '') {
      throw new Error('The URL must name the legacy database, e.g. mysql://host/TracerShop');
    }
    const connection = await mysql.createConnection({
      host: parsed.hostname === '' ? '127.0.0.1' : parsed.hostname,
      port: parsed.port === '' ? 3306 : Number(parsed.port),
      user: decodeURIComponent(parsed.username === '' ? 'root' : parsed.username),
      password: decodeURIComponent(parsed.password),
      database,
      dateStrings: true,
      decimalNumbers: true,
      supportBigNumbers: true,
      charset: 'utf8mb4',
    });
    const [rows] = await connection.query<RowDataPacket[]>(
      'SELECT TABLE_NAME AS name FROM information_schema.TABLES WHERE TABLE_SCHEMA = DATABASE()',
    );
    return new LegacySource(connection, new Set(rows.map((row) => String(row.name))));
  }

  hasTable(table: string): boolean {
    return this.tables.has(table);
  }

  /** Every row of `table` (a name of the legacy schema, never user input), in key order. */
  async rows(table: string, orderBy: string): Promise<LegacyRow[]> {
    const [rows] = await this.connection.query<RowDataPacket[]>(
      `SELECT * FROM \`${table}\` ORDER BY ${orderBy}`,
    );
    return rows.map(
      (row) => new Map(Object.entries(row).map(([column, value]) => [column.toLowerCase(), value])),
    );
  }

  async close(): Promise<void> {
    await this.connection.end();
  }
}
