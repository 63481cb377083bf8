/**
 * Graceful shutdown: with live subscriptions and a request in flight, close() lets the
 * request finish, ends the sockets and resolves – also when a WebSocket peer never answers
 * the closing handshake (it is cut after a grace period instead of keeping the server open).
 */
import { randomBytes } from 'node:crypto';
import { once } from 'node:events';
import { connect } from 'node:net';
import { setTimeout as delay } from 'node:timers/promises';
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

  it('closes even when a WebSocket peer never answers the closing handshake', async () => {
    const api = await startTestApi({ dialect: 'sqlite' });
    // A peer that completes the upgrade and then reads nothing and answers nothing (a frozen
    // tab, a half-dead network path).
    const peer = connect(api.server.port, '127.0.0.1');
    await once(peer, 'connect');
    peer.write(
      [
        'GET /trpc HTTP/1.1',
        `Host: 127.0.0.1:${api.server.port}`,
        'Upgrade: websocket',
        'Connection: Upgrade',
        `Sec-WebSocket-Key: ${randomBytes(16).toString('base64')}`,
        'Sec-WebSocket-Version: 13',
        '',
        '',
      ].join('\r\n'),
    );
    const [answer] = (await once(peer, 'data')) as [Buffer];
    expect(answer.toString('latin1')).toMatch(/^HTTP\/1\.1 101 /);
    peer.pause();
    const outcome = await Promise.race([
      api.server.close().then(() => 'closed'),
      delay(20_000).then(() => 'still open'),
    ]);
    expect(outcome).toBe('closed');
    peer.destroy();
    await api.close();
  });
});
