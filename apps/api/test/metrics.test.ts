/**
 * `/metrics` (docs/operations.md, "Monitoring"): only with the bearer token on the main port,
 * without one on the TRACERSHOP_METRICS_BIND listener, not at all when neither is set; the
 * text passes Prometheus' own parser, and the counters move with what the server does.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { missingTestPeers } from '@tracershop/db/testing';
import { apiConfigFromEnv } from '../src/config';
import { collectEvents, eventually } from './liveClient';
import type { Samples } from './metricsText';
import { parseSamples, promtoolCheck, sample } from './metricsText';
import type { TestApi } from './testApi';
import { TEST_DIALECTS, startTestApi } from './testApi';

const TOKEN = 'metrics-token-of-this-test-0123456789';
const BIND = { host: '127.0.0.1', port: 0 };
const redisUrl = process.env.TEST_REDIS_URL;

async function scrape(api: TestApi): Promise<{ text: string; samples: Samples }> {
  const response = await fetch(`${api.server.metricsUrl ?? ''}/metrics`);
  expect(response.status).toBe(200);
  const text = await response.text();
  return { text, samples: parseSamples(text) };
}

/** Scrapes until `holds` (gauges follow sockets and subscriptions a moment later). */
async function scrapeUntil(api: TestApi, holds: (samples: Samples) => boolean): Promise<Samples> {
  const deadline = Date.now() + 5_000;
  let { samples } = await scrape(api);
  while (!holds(samples) && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 50));
    ({ samples } = await scrape(api));
  }
  return samples;
}

function counted(samples: Samples, name: string, labels: Record<string, string>): number {
  return sample(samples, name, labels) ?? 0;
}

describe.each(TEST_DIALECTS)('[URS-PRF-002] /metrics (%s)', (dialect) => {
  let api: TestApi;

  beforeAll(async () => {
    api = await startTestApi({ dialect, config: { metricsToken: TOKEN, metricsBind: BIND } });
  });

  afterAll(async () => {
    await api?.close();
  });

  it('answers on the main port only with the bearer token', async () => {
    const url = `${api.server.url}/metrics`;
    const missing = await fetch(url);
    expect(missing.status).toBe(401);
    expect(missing.headers.get('www-authenticate')).toMatch(/^Bearer/);
    for (const authorization of [
      `Bearer ${TOKEN}x`,
      `Bearer ${TOKEN.slice(1)}`,
      `Basic ${TOKEN}`,
    ]) {
      expect((await fetch(url, { headers: { authorization } })).status).toBe(401);
    }
    const allowed = await fetch(url, { headers: { authorization: `Bearer ${TOKEN}` } });
    expect(allowed.status).toBe(200);
    expect(allowed.headers.get('content-type')).toMatch(/^text\/plain; version=0\.0\.4/);
    expect(await allowed.text()).toContain('tracershop_trpc_request_duration_seconds');
  });

  it('answers on the TRACERSHOP_METRICS_BIND listener without a token, and only /metrics', async () => {
    expect(api.server.metricsUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    const { samples } = await scrape(api);
    expect(sample(samples, 'tracershop_build_info', { version: 'test' })).toBe(1);
    expect(sample(samples, 'process_cpu_user_seconds_total')).toBeGreaterThan(0);
    for (const path of ['/healthz', '/readyz', '/trpc/auth.whoami', '/']) {
      expect((await fetch(`${api.server.metricsUrl ?? ''}${path}`)).status).toBe(404);
    }
  });

  it.skipIf(missingTestPeers(['promtool']) !== undefined)(
    'passes `promtool check metrics` (Prometheus’ parser; lint-clean but for prom-client’s own process metrics)',
    async () => {
      // Something in every family: a call, a refusal, a query, a subscription.
      const client = await api.loginAs('shop-user');
      await client.trpc.auth.whoami.query();
      await api.client().trpc.auth.whoami.query();
      await fetch(`${api.server.url}/trpc/no.such.procedure`);
      const { text } = await scrape(api);
      const verdict = promtoolCheck(text);
      expect(verdict.parsed, verdict.output).toBe(true);
      expect(verdict.lintProblems.filter((line) => line.includes('tracershop_'))).toEqual([]);
    },
  );

  it('counts calls per procedure and refusals per reason, each once', async () => {
    const before = (await scrape(api)).samples;
    const client = await api.loginAs('shop-user');
    for (let call = 0; call < 3; call += 1) {
      await client.trpc.auth.whoami.query();
    }
    const anonymous = api.client();
    await expect(anonymous.trpc.orders.window.query({ centralDate: api.today })).rejects.toThrow();
    await expect(
      anonymous.trpc.auth.login.mutate({ username: 'shop-user', password: 'wrong' }),
    ).rejects.toThrow();
    expect((await fetch(`${api.server.url}/trpc/no.such.procedure`)).status).toBe(404);
    const after = (await scrape(api)).samples;

    const delta = (name: string, labels: Record<string, string>) =>
      counted(after, name, labels) - counted(before, name, labels);
    const calls = 'tracershop_trpc_request_duration_seconds_count';
    const errors = 'tracershop_trpc_errors_total';
    expect(delta(calls, { procedure: 'auth.whoami', type: 'query' })).toBe(3);
    expect(delta(calls, { procedure: 'auth.login', type: 'mutation' })).toBe(2);
    expect(
      delta('tracershop_trpc_request_duration_seconds_bucket', {
        procedure: 'auth.whoami',
        type: 'query',
        le: '+Inf',
      }),
    ).toBe(3);
    expect(delta(errors, { procedure: 'orders.window', reason: 'UNAUTHENTICATED' })).toBe(1);
    expect(delta(errors, { procedure: 'auth.login', reason: 'LOGIN_FAILED' })).toBe(1);
    expect(delta(errors, { procedure: '(none)', reason: 'NO_SUCH_PROCEDURE' })).toBe(1);
    expect(delta(errors, { procedure: 'auth.whoami', reason: 'UNAUTHENTICATED' })).toBe(0);
  });

  it('follows sockets, subscriptions and the fan-out of events', async () => {
    const before = (await scrape(api)).samples;
    const watcher = collectEvents(await api.loginAs('shop-user'));
    await watcher.started;
    let now = await scrapeUntil(
      api,
      (samples) => sample(samples, 'tracershop_live_subscriptions') === 1,
    );
    expect(sample(now, 'tracershop_websockets_open')).toBe(1);
    expect(sample(now, 'tracershop_live_subscriptions')).toBe(1);

    const admin = await api.loginAs('prod-admin');
    await admin.trpc.setup.closedDates.toggle.mutate({ date: '2027-03-04' });
    await eventually(() => watcher.events.some((event) => event.entity === 'ClosedDate'));
    now = (await scrape(api)).samples;
    const lag = 'tracershop_event_fanout_lag_seconds_count';
    expect(counted(now, lag, { source: 'local' })).toBeGreaterThan(
      counted(before, lag, { source: 'local' }),
    );

    watcher.stop();
    now = await scrapeUntil(
      api,
      (samples) => sample(samples, 'tracershop_live_subscriptions') === 0,
    );
    expect(sample(now, 'tracershop_live_subscriptions')).toBe(0);
  });

  it('reports the pools and the query times of both databases', async () => {
    const { samples } = await scrape(api);
    for (const database of ['record', 'web']) {
      expect(sample(samples, 'tracershop_db_pool_size', { database })).toBeGreaterThanOrEqual(1);
      expect(sample(samples, 'tracershop_db_pool_in_use', { database })).toBeGreaterThanOrEqual(0);
      expect(
        sample(samples, 'tracershop_db_query_duration_seconds_count', { database }),
      ).toBeGreaterThan(0);
      if (dialect === 'mysql') {
        expect(sample(samples, 'tracershop_db_pool_max', { database })).toBe(10);
        expect(sample(samples, 'tracershop_db_pool_waiting', { database })).toBe(0);
      } else {
        // SQLite has no pool to wait for: no series rather than a misleading 0.
        expect(sample(samples, 'tracershop_db_pool_max', { database })).toBeUndefined();
        expect(sample(samples, 'tracershop_db_pool_waiting', { database })).toBeUndefined();
      }
    }
  });

  it('[URS-BAK-008] reports background runs and backups as they are reported', async () => {
    const { metrics } = api.server.services;
    let { samples } = await scrape(api);
    expect(sample(samples, 'tracershop_backup_failures_total')).toBe(0);
    expect(sample(samples, 'tracershop_backup_last_success_timestamp_seconds')).toBeUndefined();

    metrics.backgroundServiceStarted('worklist');
    metrics.backgroundRun('worklist', true, new Date('2026-11-23T06:15:00Z'));
    metrics.backgroundRun('worklist', false);
    metrics.backupRun(false);
    metrics.backupRun(true, new Date('2026-11-23T02:00:00Z'));
    ({ samples } = await scrape(api));
    expect(
      sample(samples, 'tracershop_background_last_success_timestamp_seconds', {
        service: 'worklist',
      }),
    ).toBe(Date.parse('2026-11-23T06:15:00Z') / 1000);
    expect(sample(samples, 'tracershop_background_failures_total', { service: 'worklist' })).toBe(
      1,
    );
    expect(sample(samples, 'tracershop_backup_failures_total')).toBe(1);
    expect(sample(samples, 'tracershop_backup_last_success_timestamp_seconds')).toBe(
      Date.parse('2026-11-23T02:00:00Z') / 1000,
    );
  });
});

describe('[URS-PRF-002] /metrics of the background services, without a token (sqlite)', () => {
  let api: TestApi;

  beforeAll(async () => {
    // Retention is on unless switched off, and due at start on a fresh site.
    api = await startTestApi({
      dialect: 'sqlite',
      backgroundServices: true,
      env: {},
      config: { metricsBind: BIND },
    });
  });

  afterAll(async () => {
    await api?.close();
  });

  it('is not served on the main port without TRACERSHOP_METRICS_TOKEN', async () => {
    expect((await fetch(`${api.server.url}/metrics`)).status).toBe(404);
    const bearer = { authorization: `Bearer ${TOKEN}` };
    expect((await fetch(`${api.server.url}/metrics`, { headers: bearer })).status).toBe(404);
  });

  it('shows the retention run and no failures', async () => {
    const { samples } = await scrape(api);
    const labels = { service: 'retention' };
    const lastSuccess = sample(
      samples,
      'tracershop_background_last_success_timestamp_seconds',
      labels,
    );
    expect(lastSuccess).toBeGreaterThan(Date.now() / 1000 - 600);
    expect(sample(samples, 'tracershop_background_failures_total', labels)).toBe(0);
  });
});

describe.skipIf(missingTestPeers(['redis']) !== undefined)(
  '[URS-PRF-002] /metrics of two instances sharing Redis (sqlite)',
  () => {
    let first: TestApi;
    let second: TestApi;

    beforeAll(async () => {
      const config = {
        redisUrl: redisUrl ?? null,
        redisPrefix: `test-${randomUUID()}`,
        metricsBind: BIND,
      };
      first = await startTestApi({ dialect: 'sqlite', config });
      second = await startTestApi({ dialect: 'sqlite', db: first.db, config });
    });

    afterAll(async () => {
      await second?.close();
      await first?.close();
    });

    it('measures the fan-out lag of events that came through Redis', async () => {
      const watcher = collectEvents(await second.loginAs('shop-user'));
      await watcher.started;
      const admin = await first.loginAs('prod-admin');
      await admin.trpc.setup.closedDates.toggle.mutate({ date: '2027-03-05' });
      await eventually(() => watcher.events.some((event) => event.entity === 'ClosedDate'));
      const { samples } = await scrape(second);
      expect(
        sample(samples, 'tracershop_event_fanout_lag_seconds_count', { source: 'redis' }),
      ).toBeGreaterThanOrEqual(1);
      expect(
        sample(samples, 'tracershop_event_fanout_lag_seconds_bucket', {
          source: 'redis',
          le: '5',
        }),
      ).toBeGreaterThanOrEqual(1);
      watcher.stop();
    });
  },
);

describe('[URS-PRF-002] monitoring settings', () => {
  it('reads TRACERSHOP_METRICS_TOKEN, TRACERSHOP_METRICS_BIND and TRACERSHOP_DRAIN_SECONDS', () => {
    expect(apiConfigFromEnv({})).toMatchObject({
      metricsToken: null,
      metricsBind: null,
      drainSeconds: 5,
    });
    expect(
      apiConfigFromEnv({
        TRACERSHOP_METRICS_TOKEN: ` ${TOKEN} `,
        TRACERSHOP_METRICS_BIND: '10.0.0.5:9464',
        TRACERSHOP_DRAIN_SECONDS: '0',
      }),
    ).toMatchObject({
      metricsToken: TOKEN,
      metricsBind: { host: '10.0.0.5', port: 9464 },
      drainSeconds: 0,
    });
    expect(apiConfigFromEnv({ TRACERSHOP_METRICS_BIND: '[::1]:9464' }).metricsBind).toEqual({
      host: '::1',
      port: 9464,
    });
    expect(apiConfigFromEnv({ TRACERSHOP_METRICS_TOKEN: '' }).metricsToken).toBeNull();
  });

  it('refuses values that would silently do something else', () => {
    for (const [name, value] of [
      ['TRACERSHOP_METRICS_TOKEN', 'short'],
      ['TRACERSHOP_METRICS_BIND', '9464'],
      ['TRACERSHOP_METRICS_BIND', 'monitor:70000'],
      ['TRACERSHOP_DRAIN_SECONDS', '-1'],
      ['TRACERSHOP_DRAIN_SECONDS', '2.5'],
      ['TRACERSHOP_DRAIN_SECONDS', '601'],
    ] as const) {
      expect(() => apiConfigFromEnv({ [name]: value }), `${name}=${value}`).toThrow(name);
    }
  });
});
