import { TRPCClientError } from '@trpc/client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppRouter } from '../src/routers';
import { ReleaseFixtures } from './releaseFixtures';
import type { TestApi } from './testApi';
import { DEMO_PASSWORD, TEST_DIALECTS, startTestApi } from './testApi';

/** The `reason` of a refused call. */
export async function reasonOf(call: Promise<unknown>): Promise<string> {
  try {
    await call;
  } catch (error) {
    if (error instanceof TRPCClientError) {
      return String((error.data as { reason?: string } | undefined)?.reason);
    }
    throw error;
  }
  return 'no error';
}

describe.each(TEST_DIALECTS)('sessions and login (%s)', (dialect) => {
  let api: TestApi;

  beforeAll(async () => {
    api = await startTestApi({ dialect, config: { maxFailedAttempts: 10, lockSeconds: 600 } });
  });

  afterAll(async () => {
    await api?.close();
  });

  it('[URS-PRF-001] GET /healthz answers; GET /readyz reports both databases', async () => {
    const health = await fetch(`${api.server.url}/healthz`);
    expect(health.status).toBe(200);
    expect(await health.text()).toBe('ok');
    const ready = await fetch(`${api.server.url}/readyz`);
    expect(ready.status).toBe(200);
    const body = (await ready.json()) as {
      status: string;
      checks: { record: { ok: boolean }; web: { ok: boolean } };
    };
    expect(body.status).toBe('ready');
    expect(body.checks.record.ok).toBe(true);
    expect(body.checks.web.ok).toBe(true);
  });

  it('[URS-ACC-003][URS-ACC-004] auth.login returns the user and sets an HttpOnly, SameSite=Strict session cookie', async () => {
    const response = await fetch(`${api.server.url}/trpc/auth.login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'prod-user', password: DEMO_PASSWORD }),
    });
    expect(response.status).toBe(200);
    const body = (await response.json()) as { result: { data: { user: { username: string } } } };
    expect(body.result.data.user.username).toBe('prod-user');
    const [cookie] = response.headers.getSetCookie();
    expect(cookie).toMatch(/^tracershop_session=[A-Za-z0-9_-]{43};/);
    expect(cookie).toContain('HttpOnly');
    expect(cookie).toContain('SameSite=Strict');
    expect(cookie).not.toContain('Secure');
  });

  it('whoami knows the logged-in user until logout', async () => {
    const client = await api.loginAs('shop-user');
    const me = await client.trpc.auth.whoami.query();
    expect(me.user?.username).toBe('shop-user');
    expect(me.user?.customerIds.length).toBe(2);
    await client.trpc.auth.logout.mutate();
    expect((await client.trpc.auth.whoami.query()).user).toBeNull();
  });

  it('[URS-ACC-004] stores only the hash of the session token', async () => {
    const client = await api.loginAs('prod-admin');
    const token = client.jar.header().split('=')[1] ?? '';
    const sessions = await api.db.models.Session.findAll();
    expect(sessions.some((session) => session.id === token)).toBe(false);
    expect(sessions.every((session) => /^[0-9a-f]{64}$/.test(session.id))).toBe(true);
  });

  it('[URS-ACC-003][URS-AUD-010] refuses a wrong password and records the attempt', async () => {
    const client = api.client();
    expect(
      await reasonOf(client.trpc.auth.login.mutate({ username: 'shop-admin', password: 'nope' })),
    ).toBe('LOGIN_FAILED');
    const events = await api.db.models.LoginEvent.findAll({ where: { username: 'shop-admin' } });
    expect(events.some((event) => !event.success && event.reason === 'wrong-password')).toBe(true);
    expect((await client.trpc.auth.whoami.query()).user).toBeNull();
  });

  it('[URS-ACC-005] ends an idle session', async () => {
    const client = await api.loginAs('external');
    expect((await client.trpc.auth.whoami.query()).user?.username).toBe('external');
    const before = api.clock.now();
    api.clock.set(new Date(before.getTime() + 9 * 3_600_000));
    expect((await client.trpc.auth.whoami.query()).user).toBeNull();
    api.clock.set(before);
  });

  it('[URS-ACC-007] changing the password needs the current one and ends the other sessions', async () => {
    const first = await api.loginAs('shop-admin');
    const second = await api.loginAs('shop-admin');
    expect(
      await reasonOf(
        first.trpc.auth.changePassword.mutate({
          currentPassword: 'wrong-one',
          newPassword: 'a-new-password',
        }),
      ),
    ).toBe('WRONG_PASSWORD');
    // The user name is no password, in any case (core's newPasswordProblem), and nothing ends.
    expect(
      await reasonOf(
        first.trpc.auth.changePassword.mutate({
          currentPassword: DEMO_PASSWORD,
          newPassword: 'Shop-Admin',
        }),
      ),
    ).toBe('NEW_PASSWORD_REFUSED');
    expect((await second.trpc.auth.whoami.query()).user?.username).toBe('shop-admin');
    await first.trpc.auth.changePassword.mutate({
      currentPassword: DEMO_PASSWORD,
      newPassword: 'a-new-password',
    });
    expect((await first.trpc.auth.whoami.query()).user?.username).toBe('shop-admin');
    expect((await second.trpc.auth.whoami.query()).user).toBeNull();
    await first.trpc.auth.changePassword.mutate({
      currentPassword: 'a-new-password',
      newPassword: DEMO_PASSWORD,
    });
  });

  it('[URS-ACC-006] locks a user name after ten wrong passwords and says so', async () => {
    const client = api.client();
    for (let attempt = 0; attempt < 10; attempt += 1) {
      expect(
        await reasonOf(client.trpc.auth.login.mutate({ username: 'prod-admin', password: 'x' })),
      ).toBe('LOGIN_FAILED');
    }
    expect(
      await reasonOf(
        client.trpc.auth.login.mutate({ username: 'prod-admin', password: DEMO_PASSWORD }),
      ),
    ).toBe('LOCKED_OUT');
    const events = await api.db.models.LoginEvent.findAll({ where: { username: 'prod-admin' } });
    expect(events.some((event) => event.reason === 'locked')).toBe(true);
  });

  it('[URS-PRF-008] tells an app of another version to reload', async () => {
    const client = api.client({ version: 'old-build' });
    expect(await reasonOf(client.trpc.auth.whoami.query())).toBe('VERSION_MISMATCH');
    const current = api.client({ version: 'test' });
    expect((await current.trpc.auth.whoami.query()).version).toBe('test');
  });

  it('[URS-ACC-010] refuses mutations from a foreign origin', async () => {
    const client = api.client({ headers: { origin: 'https://evil.example' } });
    expect(
      await reasonOf(
        client.trpc.auth.login.mutate({ username: 'prod-user', password: DEMO_PASSWORD }),
      ),
    ).toBe('ORIGIN_REFUSED');
    const own = api.client({
      headers: { origin: api.server.url.replace('localhost', '127.0.0.1') },
    });
    const result = await own.trpc.auth.login.mutate({
      username: 'prod-user',
      password: DEMO_PASSWORD,
    });
    expect(result.user.username).toBe('prod-user');
  });

  it('[URS-ACC-010] refuses a WebSocket upgrade from a foreign origin', async () => {
    const { default: WebSocket } = await import('ws');
    const url = `${api.server.url.replace(/^http/, 'ws').replace('localhost', '127.0.0.1')}/trpc`;
    const status = await new Promise<number>((resolve) => {
      const socket = new WebSocket(url, { headers: { origin: 'https://evil.example' } });
      socket.on('unexpected-response', (_request, response) => resolve(response.statusCode ?? 0));
      socket.on('open', () => {
        socket.close();
        resolve(101);
      });
      socket.on('error', () => undefined);
    });
    expect(status).toBe(403);
  });

  it('[URS-DAT-001] refuses malformed input with a clear error and the field issues', async () => {
    const client = api.client();
    const cases: unknown[] = [
      { username: 12, password: 'x' },
      { username: 'prod-user', password: 'x', extra: true },
      { username: 'x'.repeat(1_000_000), password: 'x' },
      {},
    ];
    for (const input of cases) {
      const reason = await reasonOf(
        client.trpc.auth.login.mutate(input as { username: string; password: string }),
      );
      expect(['INVALID_INPUT']).toContain(reason);
    }
  });

  it('[URS-ACC-006][URS-ACC-007] refuses a password change while the user is locked out, and audits every refused try', async () => {
    const client = await api.loginAs('shop-user');
    // Wrong current passwords count toward the same lock as failed logins.
    for (let attempt = 0; attempt < 10; attempt += 1) {
      expect(
        await reasonOf(
          client.trpc.auth.changePassword.mutate({
            currentPassword: 'not-it',
            newPassword: 'a-new-password',
          }),
        ),
      ).toBe('WRONG_PASSWORD');
    }
    const locked = await client.trpc.auth.changePassword
      .mutate({ currentPassword: DEMO_PASSWORD, newPassword: 'a-new-password' })
      .then(() => null)
      .catch((error: unknown) => error);
    expect(locked).toBeInstanceOf(TRPCClientError);
    const { data, message } = locked as TRPCClientError<AppRouter>;
    expect(data?.reason).toBe('LOCKED_OUT');
    expect(data?.httpStatus).toBe(429);
    expect(message).toMatch(/For mange forkerte forsøg/);
    // The lock covers the login too.
    expect(
      await reasonOf(
        api.client().trpc.auth.login.mutate({ username: 'shop-user', password: DEMO_PASSWORD }),
      ),
    ).toBe('LOCKED_OUT');
    const user = await api.db.models.User.findOne({ where: { username: 'shop-user' } });
    const refused = await api.db.models.AuditEvent.findAll({
      where: { action: 'user.changePassword.refused', entityId: user?.id ?? 0 },
      order: [['id', 'ASC']],
    });
    const because = refused.map(
      (event) => (JSON.parse(event.after ?? '{}') as { refusedBecause: string }).refusedBecause,
    );
    expect(because).toEqual([...Array<string>(10).fill('wrongPassword'), 'locked']);
    // The password did not change.
    const check = await api.db.models.User.findOne({ where: { username: 'shop-user' } });
    expect(check?.passwordHash).toBe(user?.passwordHash);
  });

  it('[URS-DAT-008] answers requests no client of ours sends with a 4xx reason, never INTERNAL', async () => {
    const base = api.server.url.replace('localhost', '127.0.0.1');
    const cases: [string, RequestInit, number, string][] = [
      ['GET on a mutation', { method: 'GET' }, 405, 'METHOD_NOT_SUPPORTED'],
      [
        'a text/plain POST',
        { method: 'POST', headers: { 'content-type': 'text/plain' }, body: '{}' },
        415,
        'UNSUPPORTED_MEDIA_TYPE',
      ],
      [
        'an unreadable JSON body',
        { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"json":' },
        400,
        'INVALID_INPUT',
      ],
    ];
    for (const [, init, status, reason] of cases) {
      const response = await fetch(`${base}/trpc/auth.login`, init);
      expect(response.status).toBe(status);
      const body = (await response.json()) as {
        error: { message: string; data: { reason: string } };
      };
      expect(body.error.data.reason).toBe(reason);
      expect(body.error.message).not.toMatch(/procedure|Unsupported/);
    }
    const missing = await fetch(`${base}/trpc/auth.noSuchThing`);
    expect(missing.status).toBe(404);
    expect(
      ((await missing.json()) as { error: { data: { reason: string } } }).error.data.reason,
    ).toBe('NO_SUCH_PROCEDURE');
  });

  it('[URS-ACC-006] audits signature attempts refused because of the lock like wrong passwords', async () => {
    const fixtures = new ReleaseFixtures(api);
    const slot = await fixtures.slot('PET1', 'FDG');
    const date = fixtures.freshDate();
    const orderIds = (await fixtures.activityOrders(slot, date, 1)).map((order) => order.id);
    const vialIds = (await fixtures.vials(slot, date, 1)).map((vial) => vial.id);
    const signer = await api.loginAs('prod-user');
    const release = (password: string) =>
      reasonOf(
        signer.trpc.release.activity.mutate({
          slotId: slot.slotId,
          deliveryDate: date,
          orderIds,
          vialIds,
          password,
        }),
      );
    for (let attempt = 0; attempt < 10; attempt += 1) {
      expect(await release('not-my-password')).toBe('INVALID_SIGNATURE');
    }
    expect(await release(DEMO_PASSWORD)).toBe('LOCKED_OUT');
    const refused = await api.db.models.AuditEvent.findAll({
      where: { action: 'activityOrder.release.signatureRefused', entityId: orderIds[0] ?? 0 },
      order: [['id', 'ASC']],
    });
    expect(
      refused.map(
        (event) => (JSON.parse(event.after ?? '{}') as { refusedBecause: string }).refusedBecause,
      ),
    ).toEqual([...Array<string>(10).fill('wrongPassword'), 'locked']);
  });
});
