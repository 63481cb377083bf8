/**
 * Single sign-on by the trusted reverse proxy: X-Tracer-User / X-Tracer-Role count only from
 * an address of TRUSTED_PROXY_IPS with the shared secret; otherwise the caller stays whoever
 * their cookie says (here: anonymous).
 */
import { UserGroup, UserSource } from '@tracershop/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { IncomingMessage } from 'node:http';
import { clientAddressOf, normalizeAddress, secretsMatch } from '../src/auth/trustedProxy';
import type { TestApi } from './testApi';
import { DEMO_PASSWORD, startTestApi } from './testApi';

const SECRET = 'a-long-shared-proxy-secret';

function proxyHeaders(user: string, role: string, secret: string | null = SECRET) {
  return {
    'x-tracer-user': user,
    'x-tracer-role': role,
    ...(secret === null ? {} : { 'x-tracer-proxy-secret': secret }),
  };
}

describe('[URS-ACC-013] trusted proxy sign-on (sqlite)', () => {
  let api: TestApi;
  let untrusted: TestApi;

  beforeAll(async () => {
    api = await startTestApi({
      dialect: 'sqlite',
      // The IPv4-mapped form names the same address as the socket's 127.0.0.1.
      config: { trustedProxyIps: ['10.1.2.3', '::ffff:127.0.0.1'], trustedProxySecret: SECRET },
    });
    untrusted = await startTestApi({
      dialect: 'sqlite',
      db: api.db,
      config: { trustedProxyIps: ['10.1.2.3'], trustedProxySecret: SECRET },
    });
  });

  afterAll(async () => {
    await untrusted?.close();
    await api?.close();
  });

  it('normalises addresses and compares secrets', () => {
    expect(normalizeAddress('::ffff:10.0.0.7')).toBe('10.0.0.7');
    expect(normalizeAddress('FE80::1')).toBe('fe80::1');
    expect(normalizeAddress('::ffff:zz')).toBe('::ffff:zz');
    expect(secretsMatch(SECRET, SECRET)).toBe(true);
    expect(secretsMatch(`${SECRET}x`, SECRET)).toBe(false);
    expect(secretsMatch('', SECRET)).toBe(false);
  });

  it('takes the client address from X-Forwarded-For only when a trusted proxy sends it', () => {
    const request = (socket: string, forwarded?: string) =>
      ({
        socket: { remoteAddress: socket },
        headers: forwarded === undefined ? {} : { 'x-forwarded-for': forwarded },
      }) as unknown as IncomingMessage;
    const proxies = ['10.1.2.3', '10.1.2.4'];
    // nginx appends the address it saw; what a client wrote before that is not believed.
    expect(clientAddressOf(request('10.1.2.3', '6.6.6.6, 192.168.7.20'), proxies)).toBe(
      '192.168.7.20',
    );
    // Two proxies in a row: the first address that is not a proxy, from the right.
    expect(clientAddressOf(request('::ffff:10.1.2.3', '192.168.7.20, 10.1.2.4'), proxies)).toBe(
      '192.168.7.20',
    );
    // From anybody else the header is ignored.
    expect(clientAddressOf(request('192.168.7.99', '192.168.7.20'), proxies)).toBe('192.168.7.99');
    // A trusted proxy that names nothing usable: its own address.
    expect(clientAddressOf(request('10.1.2.3', 'garbage'), proxies)).toBe('10.1.2.3');
    expect(clientAddressOf(request('10.1.2.3'), proxies)).toBe('10.1.2.3');
  });

  it('records the forwarded address of a login through the trusted proxy, never a forged one', async () => {
    const forwarded = { 'x-forwarded-for': '192.168.7.20' };
    await api.client({ headers: forwarded }).trpc.auth.login.mutate({
      username: 'shop-user',
      password: DEMO_PASSWORD,
    });
    await untrusted.client({ headers: forwarded }).trpc.auth.login.mutate({
      username: 'prod-user',
      password: DEMO_PASSWORD,
    });
    const addressOf = async (username: string) =>
      (
        await api.db.models.LoginEvent.findOne({
          where: { username, success: true },
          order: [['id', 'DESC']],
        })
      )?.remoteAddress;
    expect(await addressOf('shop-user')).toBe('192.168.7.20');
    expect(await addressOf('prod-user')).not.toBe('192.168.7.20');
  });

  it('signs the header user on from the trusted proxy and sets the session cookie', async () => {
    const client = api.client({ headers: proxyHeaders('kf-nurse', '3') });
    const me = await client.trpc.auth.whoami.query();
    expect(me.user).toMatchObject({ username: 'kf-nurse', userGroup: UserGroup.ProductionUser });
    expect(client.jar.header()).toMatch(/^tracershop_session=/);
    const row = await api.db.models.User.findOne({ where: { username: 'kf-nurse' } });
    expect(row?.source).toBe(UserSource.Proxy);
    expect(row?.passwordHash).toBeNull();
    const event = await api.db.models.LoginEvent.findOne({
      where: { username: 'kf-nurse' },
      order: [['id', 'DESC']],
    });
    expect(event).toMatchObject({ success: true, reason: 'proxy' });
    // The session goes on without the headers.
    const cookieOnly = api.client();
    cookieOnly.jar.store([`${client.jar.header()}; Path=/`]);
    expect((await cookieOnly.trpc.auth.whoami.query()).user?.username).toBe('kf-nurse');
    // And the user may do what the role allows.
    expect(await client.trpc.setup.printers.list.query()).toBeInstanceOf(Array);
  });

  it('takes the role from the header: a changed role ends the running session and starts a new one', async () => {
    const client = api.client({ headers: proxyHeaders('kf-lead', '3') });
    expect((await client.trpc.auth.whoami.query()).user?.userGroup).toBe(UserGroup.ProductionUser);
    const oldCookie = client.jar.header();
    const sessions = await api.db.models.Session.count();
    const promoted = api.client({ headers: proxyHeaders('kf-lead', '2') });
    promoted.jar.store([`${oldCookie}; Path=/`]);
    expect((await promoted.trpc.auth.whoami.query()).user?.userGroup).toBe(
      UserGroup.ProductionAdmin,
    );
    expect(promoted.jar.header()).not.toBe(oldCookie);
    expect(await api.db.models.Session.count()).toBe(sessions);
    // The session of the old role is over: never widened in place.
    const old = api.client();
    old.jar.store([`${oldCookie}; Path=/`]);
    expect((await old.trpc.auth.whoami.query()).user).toBeNull();
  });

  it('ignores roles other than 1–5', async () => {
    for (const role of ['6', '0', '', 'admin', '12', '-1', '2.0']) {
      const client = api.client({ headers: proxyHeaders('kf-guest', role) });
      expect((await client.trpc.auth.whoami.query()).user).toBeNull();
    }
    expect(await api.db.models.User.findOne({ where: { username: 'kf-guest' } })).toBeNull();
  });

  it('ignores the headers without the secret or with a wrong one', async () => {
    for (const secret of [null, 'wrong', `${SECRET}x`, '']) {
      const client = api.client({ headers: proxyHeaders('kf-intruder', '1', secret) });
      expect((await client.trpc.auth.whoami.query()).user).toBeNull();
    }
    expect(await api.db.models.User.findOne({ where: { username: 'kf-intruder' } })).toBeNull();
  });

  it('ignores the headers from an untrusted address, secret or not', async () => {
    const client = untrusted.client({ headers: proxyHeaders('kf-intruder', '1') });
    expect((await client.trpc.auth.whoami.query()).user).toBeNull();
    expect(client.jar.header()).toBe('');
    expect(await api.db.models.User.findOne({ where: { username: 'kf-intruder' } })).toBeNull();
  });

  it('never signs on or promotes a local account by header', async () => {
    const client = api.client({ headers: proxyHeaders('external', '1') });
    expect((await client.trpc.auth.whoami.query()).user).toBeNull();
    const row = await api.db.models.User.findOne({ where: { username: 'external' } });
    expect(row?.userGroup).toBe(UserGroup.ShopExternal);
  });

  it('leaves a password login alone when the proxy sends no headers', async () => {
    const client = await api.loginAs('prod-admin');
    expect((await client.trpc.auth.whoami.query()).user?.username).toBe('prod-admin');
  });
});
