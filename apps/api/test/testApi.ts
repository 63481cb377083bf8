/**
 * A real api server on a random port over fresh, migrated and seeded databases (SQLite
 * always; MariaDB when TEST_MYSQL_URL is set), with a controllable clock.
 */
import { DEFAULT_TIME_ZONE, localDateTimeOfInstant } from '@tracershop/core';
import { migrateUp, openDatabases, seedDemoSite } from '@tracershop/db';
import type { DatabaseOptions, Databases } from '@tracershop/db';
import { createTestSite } from '@tracershop/db/testing';
import type { TestDialect } from '@tracershop/db/testing';
import pino from 'pino';
import type { Logger } from 'pino';
import type { Clock } from '../src/clock';
import type { ApiConfig } from '../src/config';
import type { ApiServer } from '../src/server';
import { startApiServer } from '../src/server';
import type { TestClient, TestClientOptions } from './testClient';
import { createTestClient } from './testClient';

export { TEST_DIALECTS } from '@tracershop/db/testing';
export type { TestDialect } from '@tracershop/db/testing';

/** A clock the test sets; starts at `start`. */
export class TestClock implements Clock {
  private current: Date;

  constructor(start: Date | string) {
    this.current = new Date(start);
  }

  now(): Date {
    return new Date(this.current);
  }

  set(instant: Date | string): void {
    this.current = new Date(instant);
  }
}

export interface TestApi {
  server: ApiServer;
  db: Databases;
  /** Where the databases are (for a second process); undefined when `db` was passed in. */
  databaseOptions: DatabaseOptions | undefined;
  clock: TestClock;
  /** The seed's "today" on the site calendar. */
  today: string;
  client(options?: TestClientOptions): TestClient;
  /** A client logged in as `username` (demo password). */
  loginAs(username: string, options?: TestClientOptions): Promise<TestClient>;
  /** Stops the server (as a crash or a restart would); the databases stay. */
  stop(): Promise<void>;
  /** Starts it again on the same port, over the same databases. */
  start(): Promise<void>;
  close(): Promise<void>;
}

export interface TestApiOptions {
  dialect: TestDialect;
  /** Site date the demo is seeded on; default the date of `now`, else 2026-11-23 (a Monday). */
  today?: string;
  /** Site clock start and seed moment; default `today` 06:00 Copenhagen. */
  now?: string;
  config?: Partial<ApiConfig>;
  /** Reuse these databases (a second instance on the same site). */
  db?: Databases;
  seed?: boolean;
  /** Start the background services the environment enables (default: none in tests). */
  backgroundServices?: boolean;
  /** Environment of the authenticators (LDAP_*) and background services; default process.env. */
  env?: NodeJS.ProcessEnv;
  /** The server's logger; default a silent one (or TEST_LOG_LEVEL). */
  logger?: Logger;
}

export const DEMO_PASSWORD = 'tracershop';

export async function startTestApi(options: TestApiOptions): Promise<TestApi> {
  const timeZone = options.config?.timeZone ?? DEFAULT_TIME_ZONE;
  const today =
    options.today ??
    (options.now === undefined
      ? '2026-11-23'
      : localDateTimeOfInstant(options.now, timeZone).slice(0, 10));
  const clock = new TestClock(options.now ?? `${today}T05:00:00Z`);
  let destroySite: (() => Promise<void>) | null = null;
  let databaseOptions: DatabaseOptions | undefined;
  let db = options.db;
  if (db === undefined) {
    const site = await createTestSite(options.dialect);
    destroySite = site.destroy;
    databaseOptions = site.options;
    db = await openDatabases(site.options);
    await migrateUp(db);
    if (options.seed !== false) {
      // The demo is true at the site clock's start: nothing in it happens after that moment.
      await seedDemoSite(db, { today, now: clock.now(), timeZone });
    }
  }
  const serverOptions = {
    db,
    clock,
    backgroundServices: options.backgroundServices ?? false,
    env: options.env,
    logger: options.logger ?? pino({ level: process.env.TEST_LOG_LEVEL ?? 'silent' }),
    config: { port: 0, host: '127.0.0.1', version: 'test', ...options.config },
  };
  let server: ApiServer | null = await startApiServer(serverOptions);
  const port = server.port;
  const baseUrl = server.url.replace('localhost', '127.0.0.1');
  const running = (): ApiServer => {
    if (server === null) {
      throw new Error('The test api is stopped');
    }
    return server;
  };
  const clients: TestClient[] = [];
  const databases = db;
  return {
    get server() {
      return running();
    },
    db: databases,
    databaseOptions,
    clock,
    today,
    client(clientOptions) {
      const client = createTestClient(baseUrl, clientOptions);
      clients.push(client);
      return client;
    },
    async loginAs(username, clientOptions) {
      const client = createTestClient(baseUrl, clientOptions);
      clients.push(client);
      await client.trpc.auth.login.mutate({ username, password: DEMO_PASSWORD });
      return client;
    },
    async stop() {
      await running().close();
      server = null;
    },
    async start() {
      server ??= await startApiServer({
        ...serverOptions,
        config: { ...serverOptions.config, port },
      });
    },
    async close() {
      await Promise.all(clients.map((client) => client.close()));
      await server?.close();
      if (destroySite !== null) {
        await databases.close();
        await destroySite();
      }
    },
  };
}
