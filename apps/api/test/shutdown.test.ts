/**
 * Graceful shutdown: with live subscriptions and a request in flight, close() lets the
 * request finish, ends the sockets and resolves.
 */
import { once } from 'node:events';
import { describe, expect, it } from 'vitest';
import { collectEvents } from './liveClient';
import { startTestApi } from './testApi';

describe('graceful shutdown (sqlite)', () => {
  it('finishes running requests, closes subscriptions and stops listening', async () => {
    const api = await startTestApi({ dialect: 'sqlite' });
    const subscriber = collectEvents(await api.loginAs('prod-user'));
    await subscriber.started;
    const client = await api.loginAs('shop-user');
    const arrived = once(api.server.http, 'request');
    const inFlight = client.trpc.orders.window.query({ centralDate: api.today });
    await arrived;
    const closing = api.server.close();
    await expect(inFlight).resolves.toBeDefined();
    await closing;
    await expect(fetch(`${api.server.url}/healthz`)).rejects.toThrow();
    subscriber.stop();
    await api.close();
  });
});
