/**
 * Where the two databases live. SQLite files in a data folder by default; MySQL/MariaDB when a
 * URL is given (`mysql://user:pass@host:3306/name`).
 */
import path from 'node:path';

export type DatabaseName = 'record' | 'web';

export interface SqliteTarget {
  dialect: 'sqlite';
  /** Absolute path of the database file. */
  storage: string;
}

export interface MysqlTarget {
  dialect: 'mysql';
  host: string;
  port: number;
  database: string;
  username: string;
  password: string;
}

export type DatabaseTarget = SqliteTarget | MysqlTarget;

/** How to reach the two databases; everything optional, the defaults make an embedded site. */
export interface DatabaseOptions {
  /** `mysql://…` (or `mariadb://…`, or `sqlite:<file>`); unset = `<dataDir>/record.sqlite`. */
  recordUrl?: string | undefined;
  /** `mysql://…` (or `mariadb://…`, or `sqlite:<file>`); unset = `<dataDir>/web.sqlite`. */
  webUrl?: string | undefined;
  /** Folder of the SQLite files; default `./data` (relative to the working directory). */
  dataDir?: string | undefined;
  /** Print every SQL statement (a function receives them instead). */
  logging?: boolean | ((sql: string) => void) | undefined;
}

export const DEFAULT_DATA_DIR = './data';
export const SQLITE_FILE_NAMES: Record<DatabaseName, string> = {
  record: 'record.sqlite',
  web: 'web.sqlite',
};

function nonEmpty(value: string | undefined): string | undefined {
  return value === undefined || value.trim() === '' ? undefined : value.trim();
}

/** The options the environment asks for: RECORD_DATABASE_URL, WEB_DATABASE_URL, TRACERSHOP_DATA_DIR. */
export function databaseOptionsFromEnv(env: NodeJS.ProcessEnv = process.env): DatabaseOptions {
  return {
    recordUrl: nonEmpty(env.RECORD_DATABASE_URL),
    webUrl: nonEmpty(env.WEB_DATABASE_URL),
    dataDir: nonEmpty(env.TRACERSHOP_DATA_DIR),
  };
}

/** `mysql://user:pass@host:3306/name` → connection fields; user and password are URL-decoded. */
export function parseMysqlUrl(url: string): MysqlTarget {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new Error(`Not a database URL: ${redactUrl(url)}`);
  }
  if (parsed.protocol !== 'mysql:' && parsed.protocol !== 'mariadb:') {
    throw new Error(`Unsupported database URL scheme ${parsed.protocol} (use mysql://)`);
  }
  const database = decodeURIComponent(parsed.pathname.replace(/^\//, ''));
  if (database === '' || database.includes('/')) {
    throw new Error(`The database URL must name one database: ${redactUrl(url)}`);
  }
  return {
    dialect: 'mysql',
    host: parsed.hostname === '' ? '127.0.0.1' : parsed.hostname,
    port: parsed.port === '' ? 3306 : Number(parsed.port),
    database,
    username: decodeURIComponent(parsed.username === '' ? 'root' : parsed.username),
    password: decodeURIComponent(parsed.password),
  };
}

/** The URL with its password replaced, for messages and logs. */
export function redactUrl(url: string): string {
  return url.replace(/\/\/([^:/@]*):[^@/]*@/, '//$1:***@');
}

/** Where one database lives, given its URL (if any) and the data folder. */
export function resolveTarget(
  name: DatabaseName,
  url: string | undefined,
  dataDir: string | undefined,
): DatabaseTarget {
  if (url !== undefined && url !== '') {
    if (url.startsWith('sqlite:')) {
      const file = url.slice('sqlite:'.length).replace(/^\/\//, '');
      return { dialect: 'sqlite', storage: path.resolve(file) };
    }
    return parseMysqlUrl(url);
  }
  return {
    dialect: 'sqlite',
    storage: path.resolve(dataDir ?? DEFAULT_DATA_DIR, SQLITE_FILE_NAMES[name]),
  };
}

/** A short human description of a target (no password), for the command line. */
export function describeTarget(target: DatabaseTarget): string {
  return target.dialect === 'sqlite'
    ? `SQLite ${target.storage}`
    : `MySQL ${target.username}@${target.host}:${target.port}/${target.database}`;
}
