/**
 * Graceful shutdown: with live subscriptions and a request in flight, close() lets the
 * request finish, ends the sockets and resolves – also when a WebSocket peer never answers
 * the closing handshake (it is cut after a grace period instead of keeping the server open).
 * On SIGTERM the process first drains: /readyz answers `draining` for
 * TRACERSHOP_DRAIN_SECONDS while requests are still served, then it stops.
 */
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { once } from 'node:events';
import { mkdtemp, rm } from 'node:fs/promises';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { setTimeout as delay } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { collectEvents, eventually } from './liveClient';
import { startTestApi } from './testApi';

const apiRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

describe('[URS-PRF-003] graceful shutdown (sqlite)', () => {
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

  it('drains on SIGTERM: /readyz answers draining for TRACERSHOP_DRAIN_SECONDS, then it exits', async () => {
    const dataDir = await mkdtemp(path.join(tmpdir(), 'tracershop-drain-'));
    const output: string[] = [];
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
      cwd: apiRoot,
      env: {
        ...process.env,
        TRACERSHOP_DATA_DIR: dataDir,
        RECORD_DATABASE_URL: '',
        WEB_DATABASE_URL: '',
        REDIS_URL: '',
        PORT: '0',
        HOST: '127.0.0.1',
        LOG_LEVEL: 'warn',
        TRACERSHOP_DRAIN_SECONDS: '2',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    child.stdout.on('data', (chunk: Buffer) => output.push(chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => output.push(chunk.toString()));
    const exited = once(child, 'exit') as Promise<[number | null, NodeJS.Signals | null]>;
    const urlOf = () => /Tracershop is running at (http:\/\/\S+?)\/\s/.exec(output.join(''))?.[1];
    try {
      await eventually(() => urlOf() !== undefined || child.exitCode !== null, 60_000);
      const url = urlOf();
      expect(url, output.join('')).toBeDefined();
      expect((await fetch(`${url}/readyz`)).status).toBe(200);

      const signalled = Date.now();
      child.kill('SIGTERM');
      let ready = await fetch(`${url}/readyz`);
      while (ready.status === 200 && Date.now() - signalled < 1_500) {
        ready = await fetch(`${url}/readyz`);
      }
      expect(ready.status).toBe(503);
      expect(await ready.json()).toMatchObject({ status: 'draining', failing: ['draining'] });
      // Still serving while draining.
      expect((await fetch(`${url}/healthz`)).status).toBe(200);
      expect((await fetch(`${url}/trpc/auth.whoami`)).status).toBe(200);

      const [code] = await exited;
      expect(code, output.join('')).toBe(0);
      expect(Date.now() - signalled).toBeGreaterThanOrEqual(1_900);
      await expect(fetch(`${url}/healthz`)).rejects.toThrow();
    } finally {
      if (child.exitCode === null) {
        child.kill('SIGKILL');
      }
      await rm(dataDir, { recursive: true, force: true });
    }
  }, 90_000);
});
