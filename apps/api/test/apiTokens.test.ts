/**
 * API tokens of scripts (docs/scripts.md, "Tokens"): created by the site admin (every working
 * role) and production admins (production roles), shown once, stored hashed, listed with their
 * last use. A read-only token cannot change anything; a customer-scoped token sees only its
 * customer's rows and live events; an expired or revoked token is refused over HTTP and its
 * already-open WebSocket is closed within a second; a write with a token is audited as the
 * token's name and its owner; a token never signs, never manages tokens and never goes with a
 * cookie; it needs no Origin of ours.
 */
import { UserGroup } from '@tracershop/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashToken } from '../src/auth/sessions';
import { SESSION_COOKIE, readCookie } from '../src/auth/cookies';
import type { LiveEvent } from '../src/routers/events';
import { collectEvents, eventually } from './liveClient';
import { demoIds, refusalOf } from './orderFixtures';
import type { TestApi } from './testApi';
import { TEST_DIALECTS, startTestApi } from './testApi';
import type { TestClient } from './testClient';

/** A Tuesday the demo site delivers FDG on and still takes orders for. */
const DELIVERY_DATE = '2026-12-01';
/** Herlev's FDG comes on Tuesdays of the other weeks. */
const HERLEV_DATE = '2026-12-08';

describe.each(TEST_DIALECTS)('[URS-ACC-015] API tokens of scripts (%s)', (dialect) => {
  let api: TestApi;
  let admin: TestClient;
  let ids: Awaited<ReturnType<typeof demoIds>>;
  let rhSlot: number;
  let herlevSlot: number;
  let rhCustomer: number;
  const clients: TestClient[] = [];

  beforeAll(async () => {
    api = await startTestApi({ dialect });
    admin = await api.loginAs('site-admin');
    ids = await demoIds(api);
    rhSlot = ids.slot('PET1', 'FDG', 1, '08:00:00');
    herlevSlot = ids.slot('Herlev', 'FDG', 1, '13:00:00');
    rhCustomer = ids.customer('RH KF');
  });

  afterAll(async () => {
    await Promise.all(clients.map((client) => client.close()));
    await api?.close();
  });

  /** A client that signs in with `token` only (no cookie jar use), like a script. */
  function tokenClient(token: string, options: { overWebSocket?: boolean } = {}): TestClient {
    const client = api.client({
      headers: { authorization: `Bearer ${token}` },
      allOverWebSocket: options.overWebSocket ?? false,
    });
    clients.push(client);
    return client;
  }

  let tokenCount = 0;
  async function newToken(
    creator: TestClient,
    options: {
      userGroup?: UserGroup;
      access?: 'read' | 'write';
      customerIds?: number[];
      expiresOn?: string;
    } = {},
  ) {
    tokenCount += 1;
    return creator.trpc.admin.apiTokens.create.mutate({
      name: `script-${tokenCount}`,
      userGroup: options.userGroup ?? UserGroup.ProductionUser,
      access: options.access ?? 'read',
      customerIds: options.customerIds ?? [],
      expiresOn: options.expiresOn ?? '2027-06-30',
    });
  }

  const orderAt = (slotId: number, activity: number, deliveryDate = DELIVERY_DATE) => ({
    orderedTimeSlotId: slotId,
    deliveryDate,
    orderedActivity: activity,
  });

  it('is shown once, stored only as its hash, and listed with its scope and last use', async () => {
    const { token, listing } = await newToken(admin);
    expect(token).toMatch(/^tsk_[A-Za-z0-9_-]{43}$/);
    expect(JSON.stringify(listing)).not.toContain(token);
    const row = await api.db.models.ApiToken.findByPk(listing.id);
    expect(row?.tokenHash).toBe(hashToken(token));
    expect(JSON.stringify(row?.toJSON())).not.toContain(token.slice(4));
    // Valid through its last day: midnight after it, site time.
    expect(listing.expiresAt).toBe('2027-06-30T22:00:00.000Z');

    const script = tokenClient(token);
    const day = await script.trpc.orders.productionDay.query({
      date: DELIVERY_DATE,
      tracerId: ids.tracer('FDG'),
    });
    expect(day).toBeDefined();
    const listed = (await admin.trpc.admin.apiTokens.list.query()).find(
      (entry) => entry.id === listing.id,
    );
    expect(listed).toMatchObject({
      name: listing.name,
      ownerName: expect.any(String),
      userGroup: UserGroup.ProductionUser,
      access: 'read',
      revokedAt: null,
      lastUsedAt: api.clock.now().toISOString(),
      lastUsedFrom: '127.0.0.1',
    });
    expect(JSON.stringify(listed)).not.toContain('tokenHash');
    // Its use is in the sign-in log, as its owner's, by the token's name.
    const signIn = await api.db.models.LoginEvent.findOne({
      where: { reason: `apiToken:${listing.name}` },
    });
    expect(signIn).toMatchObject({
      username: 'site-admin',
      success: true,
      remoteAddress: '127.0.0.1',
    });
  });

  it('read only: reads over HTTP and WebSocket, and every change is refused', async () => {
    const { token } = await newToken(admin, {
      userGroup: UserGroup.ShopUser,
      customerIds: [rhCustomer],
    });
    const before = await api.db.models.ActivityOrder.count();
    for (const overWebSocket of [false, true]) {
      const script = tokenClient(token, { overWebSocket });
      expect((await script.trpc.setup.catalog.query()).tracers.length).toBeGreaterThan(0);
      expect(
        (await refusalOf(script.trpc.orders.activity.create.mutate(orderAt(rhSlot, 300)))).reason,
      ).toBe('TOKEN_READ_ONLY');
    }
    expect(await api.db.models.ActivityOrder.count()).toBe(before);
  });

  it("customer-scoped: sees and receives only its customer's rows", async () => {
    const { token } = await newToken(admin, {
      userGroup: UserGroup.ShopUser,
      access: 'write',
      customerIds: [rhCustomer],
    });
    const script = tokenClient(token);
    const live = collectEvents(script);
    await live.started;
    const production = await api.loginAs('prod-admin');
    const ours = await script.trpc.orders.activity.create.mutate(orderAt(rhSlot, 310));
    const theirs = await production.trpc.orders.activity.createForCustomer.mutate(
      orderAt(herlevSlot, 320, HERLEV_DATE),
    );
    // Another customer's order: not on its pages, not in its stream, not writable.
    expect(
      (
        await refusalOf(
          script.trpc.orders.activity.create.mutate(orderAt(herlevSlot, 330, HERLEV_DATE)),
        )
      ).reason,
    ).toBe('NOT_ASSIGNED');
    expect(
      (
        await refusalOf(
          script.trpc.orders.shopDay.query({
            endpointId: ids.endpoint('Herlev'),
            date: HERLEV_DATE,
          }),
        )
      ).reason,
    ).toBe('NOT_ASSIGNED');
    const idsOf = (events: readonly LiveEvent[]) =>
      events.flatMap((event) =>
        event.entity === 'ActivityOrder' && 'rows' in event && event.rows
          ? (event.rows as { id: number }[]).map((row) => row.id)
          : [],
      );
    await eventually(() => idsOf(live.events).includes(ours.id));
    // The stream is ordered: an event published before ours' would have come first.
    const sentinel = await script.trpc.orders.activity.create.mutate(orderAt(rhSlot, 340));
    await eventually(() => idsOf(live.events).includes(sentinel.id));
    expect(idsOf(live.events)).not.toContain(theirs.id);
    live.stop();
    await production.close();
  });

  it("audits a token's write as the token's name and its owner", async () => {
    const { token, listing } = await newToken(admin, {
      userGroup: UserGroup.ShopUser,
      access: 'write',
      customerIds: [rhCustomer],
    });
    const order = await tokenClient(token).trpc.orders.activity.create.mutate(orderAt(rhSlot, 350));
    const event = await api.db.models.AuditEvent.findOne({
      where: { entity: 'ActivityOrder', entityId: order.id, action: 'activityOrder.create' },
    });
    const siteAdmin = await api.db.models.User.findOne({ where: { username: 'site-admin' } });
    expect(event?.actorId).toBe(siteAdmin?.id);
    expect(event?.actorName).toBe(`API-nøgle »${listing.name}« (${listing.ownerName})`);
    const created = await api.db.models.AuditEvent.findOne({
      where: { entity: 'ApiToken', entityId: listing.id, action: 'apiToken.create' },
    });
    expect(created?.actorId).toBe(siteAdmin?.id);
  });

  it('never signs, changes a password or manages tokens: that takes a person', async () => {
    const { token } = await newToken(admin, {
      userGroup: UserGroup.ProductionAdmin,
      access: 'write',
    });
    const script = tokenClient(token);
    const release = script.trpc.release.activity.mutate({
      slotId: rhSlot,
      deliveryDate: DELIVERY_DATE,
      orderIds: [1],
      vialIds: [1],
      password: 'tracershop',
    });
    expect((await refusalOf(release)).reason).toBe('PERSON_REQUIRED');
    expect(
      (
        await refusalOf(
          script.trpc.auth.changePassword.mutate({
            currentPassword: 'tracershop',
            newPassword: 'another-Long-password-2',
          }),
        )
      ).reason,
    ).toBe('PERSON_REQUIRED');
    expect((await refusalOf(newToken(script))).reason).toBe('PERSON_REQUIRED');
  });

  it('goes without a cookie and needs no Origin of ours', async () => {
    const { token } = await newToken(admin, {
      userGroup: UserGroup.ShopUser,
      access: 'write',
      customerIds: [rhCustomer],
    });
    const withCookie = api.client({ headers: { authorization: `Bearer ${token}` } });
    clients.push(withCookie);
    withCookie.jar.store(['tracershop_other=1']);
    expect((await refusalOf(withCookie.trpc.setup.catalog.query())).reason).toBe(
      'TOKEN_WITH_COOKIE',
    );
    const elsewhere = api.client({
      headers: { authorization: `Bearer ${token}`, origin: 'https://scripts.example' },
    });
    clients.push(elsewhere);
    const order = await elsewhere.trpc.orders.activity.create.mutate(orderAt(rhSlot, 360));
    expect(order.id).toBeGreaterThan(0);
    // A browser's cookie sent from a foreign page still is refused.
    const shopUser = await api.loginAs('shop-user');
    const browser = api.client({ headers: { origin: 'https://scripts.example' } });
    browser.jar.store([`${SESSION_COOKIE}=${readCookie(shopUser.jar.header(), SESSION_COOKIE)}`]);
    expect(
      (await refusalOf(browser.trpc.orders.activity.create.mutate(orderAt(rhSlot, 370)))).reason,
    ).toBe('ORIGIN_REFUSED');
    await shopUser.close();
    await browser.close();
    expect((await refusalOf(tokenClient('tsk_unknown').trpc.setup.catalog.query())).reason).toBe(
      'TOKEN_REFUSED',
    );
  });

  it('follows core: roles the creator may give, customers of shop roles, a year at most', async () => {
    const production = await api.loginAs('prod-admin');
    expect(
      (await refusalOf(newToken(production, { userGroup: UserGroup.Admin }))).params.problem,
    ).toBe('roleNotGrantable');
    const own = await newToken(production, { userGroup: UserGroup.ProductionUser });
    expect(
      (await refusalOf(newToken(admin, { userGroup: UserGroup.ShopUser }))).params.problem,
    ).toBe('customersNeeded');
    expect((await refusalOf(newToken(admin, { expiresOn: '2028-12-31' }))).params.problem).toBe(
      'expiryTooFar',
    );
    const shopAdmin = await api.loginAs('shop-admin');
    expect((await refusalOf(newToken(shopAdmin))).reason).toBe('FORBIDDEN_ROLE');
    // A production admin lists their own tokens; the site admin every token.
    const theirs = await production.trpc.admin.apiTokens.list.query();
    expect(theirs.map((entry) => entry.id)).toEqual([own.listing.id]);
    expect((await admin.trpc.admin.apiTokens.list.query()).length).toBeGreaterThan(1);
    await production.close();
    await shopAdmin.close();
  });

  /** A token's socket with a live subscription; resolves once it is registered. */
  async function openTokenSocket(token: string) {
    const script = tokenClient(token, { overWebSocket: true });
    const live = collectEvents(script);
    await live.started;
    const sessionId = `token:${hashToken(token)}`;
    await eventually(() => api.server.services.sessionSockets.socketsOf(sessionId) === 1);
    return { script, sessionId };
  }

  /** Refused over HTTP and over the socket opened before; the socket closed within a second. */
  async function expectEnded(token: string, open: { script: TestClient; sessionId: string }) {
    const endedAt = Date.now();
    await eventually(
      () => api.server.services.sessionSockets.socketsOf(open.sessionId) === 0,
      1000,
    );
    expect(Date.now() - endedAt).toBeLessThan(1100);
    expect(['TOKEN_REFUSED', 'undefined']).toContain(
      (await refusalOf(open.script.trpc.setup.catalog.query())).reason,
    );
    expect((await refusalOf(tokenClient(token).trpc.setup.catalog.query())).reason).toBe(
      'TOKEN_REFUSED',
    );
  }

  it('revoked: refused over HTTP, its open WebSocket closed within a second, and audited', async () => {
    const { token, listing } = await newToken(admin);
    const open = await openTokenSocket(token);
    await admin.trpc.admin.apiTokens.revoke.mutate({ id: listing.id });
    await expectEnded(token, open);
    const listed = (await admin.trpc.admin.apiTokens.list.query()).find(
      (entry) => entry.id === listing.id,
    );
    expect(listed?.revokedAt).not.toBeNull();
    expect(listed?.revokedByName).toBeTruthy();
    expect(
      await api.db.models.AuditEvent.count({
        where: { entity: 'ApiToken', entityId: listing.id, action: 'apiToken.revoke' },
      }),
    ).toBe(1);
  });

  it('stops when its owner is deactivated or may no longer give it', async () => {
    const production = await api.loginAs('prod-admin');
    const { token } = await newToken(production, { userGroup: UserGroup.ProductionAdmin });
    expect((await tokenClient(token).trpc.setup.catalog.query()).tracers.length).toBeGreaterThan(0);
    const owner = await api.db.models.User.findOne({ where: { username: 'prod-admin' } });
    await admin.trpc.admin.editUser.mutate({
      id: owner?.id ?? 0,
      userGroup: UserGroup.ProductionUser,
    });
    expect((await refusalOf(tokenClient(token).trpc.setup.catalog.query())).reason).toBe(
      'TOKEN_REFUSED',
    );
    await admin.trpc.admin.editUser.mutate({
      id: owner?.id ?? 0,
      userGroup: UserGroup.ProductionAdmin,
    });
    expect((await tokenClient(token).trpc.setup.catalog.query()).tracers.length).toBeGreaterThan(0);
    await production.close();
  });

  // Last: it moves the site clock past the expiry.
  it('expired: refused over HTTP and its open WebSocket closed within a second', async () => {
    const { token } = await newToken(admin, { expiresOn: '2026-11-30' });
    const open = await openTokenSocket(token);
    api.clock.set('2026-11-30T23:00:01Z');
    await expectEnded(token, open);
  });
});
