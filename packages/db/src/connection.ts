/**
 * Opening the two databases: one Sequelize instance each, with every model defined on it.
 */
import { Sequelize } from 'sequelize';
import type { Options } from 'sequelize';
import { databaseOptionsFromEnv, resolveTarget } from './config';
import type { DatabaseOptions, DatabaseTarget } from './config';
import { registerSchema } from './constraintErrors';
import { defineRecordModels } from './models/record';
import type { RecordModels } from './models/record';
import { defineWebModels } from './models/web';
import type { WebModels } from './models/web';

export type Models = RecordModels & WebModels;

export interface Databases {
  /** GMP records and the audit trail. */
  record: Sequelize;
  /** Accounts, sessions, settings, logs. */
  web: Sequelize;
  /** Every model of both databases, by entity name. */
  models: Models;
  targets: { record: DatabaseTarget; web: DatabaseTarget };
  close(): Promise<void>;
}

/** How long a SQLite connection waits for another writer (Sequelize retries SQLITE_BUSY 5 times). */
const SQLITE_BUSY_TIMEOUT_MS = 5_000;

interface SqliteConnection {
  configure(option: 'busyTimeout', value: number): void;
}

interface SqliteConnectionManager {
  getConnection(options?: object): Promise<SqliteConnection>;
}

/**
 * Sequelize opens a fresh sqlite3 connection for every transaction; each must wait for a busy
 * database instead of failing at once, so the timeout is set on every connection it hands out.
 */
function waitWhenSqliteIsBusy(sequelize: Sequelize): void {
  const manager = sequelize.connectionManager as unknown as SqliteConnectionManager;
  const getConnection = manager.getConnection.bind(manager);
  const configured = new WeakSet<SqliteConnection>();
  manager.getConnection = async (options?: object) => {
    const connection = await getConnection(options);
    if (!configured.has(connection)) {
      connection.configure('busyTimeout', SQLITE_BUSY_TIMEOUT_MS);
      configured.add(connection);
    }
    return connection;
  };
}

/** A Sequelize instance for one target, without models. */
export function createSequelize(
  target: DatabaseTarget,
  logging: DatabaseOptions['logging'] = false,
): Sequelize {
  const common: Options = {
    logging: logging === true ? (sql: string) => console.log(sql) : logging,
    // Tables are snake_case; no implicit createdAt/updatedAt (the audit trail records history).
    define: { underscored: true, timestamps: false },
  };
  if (target.dialect === 'sqlite') {
    const sequelize = new Sequelize({ ...common, dialect: 'sqlite', storage: target.storage });
    waitWhenSqliteIsBusy(sequelize);
    return sequelize;
  }
  return new Sequelize({
    ...common,
    dialect: 'mysql',
    host: target.host,
    port: target.port,
    database: target.database,
    username: target.username,
    password: target.password,
    // Instants are stored as UTC DATETIME(3): the session time zone is UTC.
    timezone: '+00:00',
    dialectOptions: { charset: 'utf8mb4' },
    pool: { max: 10, min: 0, idle: 10_000, acquire: 30_000 },
  });
}

async function prepare(sequelize: Sequelize): Promise<void> {
  await sequelize.authenticate();
  if (sequelize.getDialect() === 'sqlite') {
    // WAL lets readers go on while one writer commits; the mode is stored in the file.
    await sequelize.query('PRAGMA journal_mode = WAL');
  }
}

/**
 * Opens both databases (SQLite files in `dataDir` unless URLs are given) and defines every
 * model. It does not migrate: run `migrateUp` (or `tracershop db migrate`) for that.
 */
export async function openDatabases(
  options: DatabaseOptions = databaseOptionsFromEnv(),
): Promise<Databases> {
  const targets = {
    record: resolveTarget('record', options.recordUrl, options.dataDir),
    web: resolveTarget('web', options.webUrl, options.dataDir),
  };
  if (
    targets.record.dialect === 'sqlite' &&
    targets.web.dialect === 'sqlite' &&
    targets.record.storage === targets.web.storage
  ) {
    throw new Error('The record and web databases must be two different files');
  }
  const record = createSequelize(targets.record, options.logging);
  const web = createSequelize(targets.web, options.logging);
  try {
    await prepare(record);
    await prepare(web);
  } catch (error) {
    await Promise.allSettled([record.close(), web.close()]);
    throw error;
  }
  const recordModels = defineRecordModels(record);
  const webModels = defineWebModels(web);
  registerSchema(Object.values(recordModels));
  registerSchema(Object.values(webModels));
  return {
    record,
    web,
    models: { ...recordModels, ...webModels },
    targets,
    async close() {
      await Promise.all([record.close(), web.close()]);
    },
  };
}
