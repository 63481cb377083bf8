/**
 * `@tracershop/db/testing`: databases for integration tests (this package's and the api's): a fresh SQLite folder always, and a fresh pair of
 * MariaDB/MySQL databases (`ts_test_<random>_record|web`) when TEST_MYSQL_URL is set.
 * Each test file creates its own and drops them in afterAll.
 */
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import mysql from 'mysql2/promise';
import { openDatabases } from './connection';
import type { Databases } from './connection';
import type { DatabaseOptions } from './config';
import { migrateUp } from './migrate';
import { missingTestPeers } from './testPeers';

export {
  MissingTestPeerError,
  announceTestPeers,
  missingTestPeers,
  testPeersRequired,
} from './testPeers';
export type { TestPeerName } from './testPeers';

export type TestDialect = 'sqlite' | 'mysql';

/**
 * The dialects this run covers: SQLite always, MySQL/MariaDB with TEST_MYSQL_URL (required
 * where TRACERSHOP_TEST_PEERS=required: testPeers.ts).
 */
export const TEST_DIALECTS: TestDialect[] =
  missingTestPeers(['mariadb']) === undefined ? ['sqlite', 'mysql'] : ['sqlite'];

export interface TestSite {
  dialect: TestDialect;
  options: DatabaseOptions;
  /** Removes the files or drops the databases. */
  destroy(): Promise<void>;
}

function serverUrl(): URL {
  const url = new URL(process.env.TEST_MYSQL_URL ?? '');
  url.pathname = '/';
  return url;
}

async function withServer<T>(work: (connection: mysql.Connection) => Promise<T>): Promise<T> {
  const url = serverUrl();
  const connection = await mysql.createConnection({
    host: url.hostname,
    port: url.port === '' ? 3306 : Number(url.port),
    user: decodeURIComponent(url.username || 'root'),
    password: decodeURIComponent(url.password),
  });
  try {
    return await work(connection);
  } finally {
    await connection.end();
  }
}

/** Empty databases (nothing migrated). */
export async function createTestSite(dialect: TestDialect): Promise<TestSite> {
  if (dialect === 'sqlite') {
    const dataDir = await mkdtemp(path.join(tmpdir(), 'tracershop-db-test-'));
    return {
      dialect,
      options: { dataDir },
      destroy: () => rm(dataDir, { recursive: true, force: true }),
    };
  }
  const prefix = `ts_test_${randomBytes(6).toString('hex')}`;
  const names = { record: `${prefix}_record`, web: `${prefix}_web` };
  await withServer(async (connection) => {
    for (const name of Object.values(names)) {
      await connection.query(
        `CREATE DATABASE \`${name}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_bin`,
      );
    }
  });
  const urlOf = (database: string) => {
    const url = serverUrl();
    url.pathname = `/${database}`;
    return url.toString();
  };
  return {
    dialect,
    options: { recordUrl: urlOf(names.record), webUrl: urlOf(names.web) },
    destroy: () =>
      withServer(async (connection) => {
        for (const name of Object.values(names)) {
          await connection.query(`DROP DATABASE IF EXISTS \`${name}\``);
        }
      }),
  };
}

export interface MigratedTestSite extends TestSite {
  databases: Databases;
}

/** A test site with both databases opened and migrated. */
export async function createMigratedTestSite(dialect: TestDialect): Promise<MigratedTestSite> {
  const site = await createTestSite(dialect);
  const databases = await openDatabases(site.options);
  await migrateUp(databases);
  return {
    ...site,
    databases,
    async destroy() {
      await databases.close();
      await site.destroy();
    },
  };
}
