/**
 * `/readyz` (docs/operations.md, "Monitoring"): 200 naming every check when the databases
 * answer, no migration is pending and Redis (when configured) is connected; 503 naming the
 * failing check otherwise, and `draining` during the drain period before a stop, while the
 * instance still serves requests. The record database and Redis are "stopped" by closing a
 * TCP proxy between them and the api.
 */
import { randomUUID } from 'node:crypto';
import { migrateDown, migrateUp, openDatabases } from '@tracershop/db';
import type { Databases } from '@tracershop/db';
import { createMigratedTestSite, createTestSite, missingTestPeers } from '@tracershop/db/testing';
import type { MigratedTestSite, TestSite } from '@tracershop/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ReadinessReport } from '../src/health/readiness';
import type { TcpProxy } from './tcpProxy';
import { startTcpProxy } from './tcpProxy';
import type { TestApi } from './testApi';
import { startTestApi } from './testApi';

const mysqlUrl = process.env.TEST_MYSQL_URL;
const redisUrl = process.env.TEST_REDIS_URL;

async function readiness(api: TestApi): Promise<{ status: number; body: ReadinessReport }> {
  const response = await fetch(`${api.server.url}/readyz`);
  return { status: response.status, body: (await response.json()) as ReadinessReport };
}

/** Probes until the answer has `status` (a load balancer probes every few seconds). */
async function readinessBecomes(
  api: TestApi,
  status: number,
): Promise<{ status: number; body: ReadinessReport }> {
  const deadline = Date.now() + 10_000;
  let answer = await readiness(api);
  while (answer.status !== status && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 100));
    answer = await readiness(api);
  }
  return answer;
}

describe('[URS-PRF-001] /readyz and /healthz (sqlite)', () => {
  let api: TestApi;

  beforeAll(async () => {
    api = await startTestApi({ dialect: 'sqlite', config: { drainSeconds: 1 } });
  });

  afterAll(async () => {
    await api?.close();
  });

  it('is ready, naming every check (no Redis check without REDIS_URL)', async () => {
    const { status, body } = await readiness(api);
    expect(status).toBe(200);
    expect(body).toEqual({
      status: 'ready',
      failing: [],
      checks: { record: { ok: true }, web: { ok: true }, migrations: { ok: true } },
    });
    const health = await fetch(`${api.server.url}/healthz`);
    expect(health.status).toBe(200);
    expect(await health.text()).toBe('ok');
  });

  it('answers draining for the drain period while it still serves requests, then closes', async () => {
    const client = await api.loginAs('shop-user');
    const started = Date.now();
    const drained = api.server.drain();

    const { status, body } = await readiness(api);
    expect(status).toBe(503);
    expect(body.status).toBe('draining');
    expect(body.failing).toEqual(['draining']);
    // Everything else is served as before; keep-alive clients are asked to reconnect.
    const health = await fetch(`${api.server.url}/healthz`);
    expect(health.status).toBe(200);
    expect(health.headers.get('connection')).toBe('close');
    await expect(client.trpc.auth.whoami.query()).resolves.toMatchObject({
      user: { username: 'shop-user' },
    });

    await drained;
    expect(Date.now() - started).toBeGreaterThanOrEqual(950);
    expect((await readiness(api)).body.status).toBe('draining');
    await api.server.close();
    await expect(fetch(`${api.server.url}/readyz`)).rejects.toThrow();
  });
});

describe('[URS-PRF-001] /readyz with a pending migration (sqlite)', () => {
  let site: MigratedTestSite;
  let api: TestApi;

  beforeAll(async () => {
    site = await createMigratedTestSite('sqlite');
    // The build knows a migration the database has not had (an upgrade not yet migrated).
    await migrateDown(site.databases, { steps: 1 });
    api = await startTestApi({ dialect: 'sqlite', db: site.databases, seed: false });
  });

  afterAll(async () => {
    await api?.close();
    await site?.destroy();
  });

  it('is not ready while one is pending, and ready once it is applied', async () => {
    const pending = await readiness(api);
    expect(pending.status).toBe(503);
    expect(pending.body.failing).toEqual(['migrations']);
    expect(pending.body.checks.migrations?.problem).toMatch(/^pending: record\/\d{4}-/);
    expect(pending.body.checks.record).toEqual({ ok: true });

    await migrateUp(site.databases);
    const ready = await readiness(api);
    expect(ready.status).toBe(200);
    expect(ready.body.failing).toEqual([]);
  });
});

describe.skipIf(missingTestPeers(['mariadb']) !== undefined)(
  '[URS-PRF-001] /readyz when the record database stops (mysql)',
  () => {
    let site: TestSite;
    let proxy: TcpProxy;
    let db: Databases;
    let api: TestApi;

    beforeAll(async () => {
      site = await createTestSite('mysql');
      const server = new URL(mysqlUrl ?? '');
      proxy = await startTcpProxy({
        host: server.hostname,
        port: server.port === '' ? 3306 : Number(server.port),
      });
      // The record database through the proxy, the web database directly.
      const recordUrl = new URL(site.options.recordUrl ?? '');
      recordUrl.hostname = proxy.host;
      recordUrl.port = String(proxy.port);
      db = await openDatabases({ ...site.options, recordUrl: recordUrl.toString() });
      await migrateUp(db);
      api = await startTestApi({ dialect: 'mysql', db, seed: false });
    });

    afterAll(async () => {
      await proxy?.start();
      await api?.close();
      await db?.close();
      await proxy?.stop();
      await site?.destroy();
    });

    it('is ready, goes 503 naming the record database when it stops, and ready again after', async () => {
      expect((await readiness(api)).status).toBe(200);

      await proxy.stop();
      const stopped = await readinessBecomes(api, 503);
      expect(stopped.status).toBe(503);
      expect(stopped.body.status).toBe('not ready');
      expect(stopped.body.failing).toContain('record');
      expect(stopped.body.failing).not.toContain('web');
      expect(stopped.body.checks.record?.ok).toBe(false);
      expect(stopped.body.checks.record?.problem).toBeTruthy();
      expect(stopped.body.checks.web).toEqual({ ok: true });
      // Liveness does not depend on the database.
      expect((await fetch(`${api.server.url}/healthz`)).status).toBe(200);

      await proxy.start();
      const back = await readinessBecomes(api, 200);
      expect(back.status).toBe(200);
      expect(back.body.failing).toEqual([]);
    });
  },
);

describe.skipIf(missingTestPeers(['redis']) !== undefined)(
  '[URS-PRF-001] /readyz when Redis stops (sqlite)',
  () => {
    let proxy: TcpProxy;
    let api: TestApi;

    beforeAll(async () => {
      const server = new URL(redisUrl ?? '');
      proxy = await startTcpProxy({
        host: server.hostname,
        port: server.port === '' ? 6379 : Number(server.port),
      });
      api = await startTestApi({
        dialect: 'sqlite',
        config: {
          redisUrl: `redis://${proxy.host}:${proxy.port}`,
          redisPrefix: `test-${randomUUID()}`,
        },
      });
    });

    afterAll(async () => {
      await proxy?.start();
      await api?.close();
      await proxy?.stop();
    });

    it('checks the event bus, goes 503 naming redis when it stops, and ready again after', async () => {
      const ready = await readiness(api);
      expect(ready.status).toBe(200);
      expect(ready.body.checks.redis).toEqual({ ok: true });

      await proxy.stop();
      const stopped = await readinessBecomes(api, 503);
      expect(stopped.status).toBe(503);
      expect(stopped.body.failing).toEqual(['redis']);

      await proxy.start();
      const back = await readinessBecomes(api, 200);
      expect(back.status).toBe(200);
    });
  },
);
