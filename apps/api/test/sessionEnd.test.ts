/**
 * A session that ends ends on every open WebSocket, on this instance and on another one
 * sharing Redis: for each way a session ends (logout, idle expiry, absolute expiry, a
 * password change, deactivation, demotion), a query and a mutation sent over a socket that
 * was opened before are refused within a second and write nothing, the session's live
 * subscription is closed, and an HTTP request with the old cookie is refused.
 *
 * The second instance runs when TEST_REDIS_URL is set (CI sets it).
 */
import { randomUUID } from 'node:crypto';
import { UserGroup, UserSource } from '@tracershop/core';
import { hashPassword } from '@tracershop/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { missingTestPeers } from '@tracershop/db/testing';
import { hashToken } from '../src/auth/sessions';
import { SESSION_COOKIE, readCookie } from '../src/auth/cookies';
import { eventually } from './liveClient';
import { demoIds, refusalOf } from './orderFixtures';
import type { TestApi } from './testApi';
import { TEST_DIALECTS, startTestApi } from './testApi';
import type { TestClient } from './testClient';

const redisUrl = process.env.TEST_REDIS_URL;
const withRedis = missingTestPeers(['redis']) === undefined;

const IDLE_MINUTES = 30;
const ABSOLUTE_HOURS = 2;
const PASSWORD = 'a-Long-enough-test-password-1';
/** A delivering slot and an open date of the demo site (seeded around Monday 2026-11-23). */
const DELIVERY_DATE = '2026-12-01';

describe.each(TEST_DIALECTS)('[URS-ACC-005] a session that ends (%s)', (dialect) => {
  let first: TestApi;
  let second: TestApi | null = null;
  let shopSlotId: number;
  let shopCustomerId: number;
  let closedDay = 0;

  beforeAll(async () => {
    const config = {
      sessionIdleMinutes: IDLE_MINUTES,
      sessionAbsoluteHours: ABSOLUTE_HOURS,
      ...(withRedis ? { redisUrl: redisUrl ?? null, redisPrefix: `test-${randomUUID()}` } : {}),
    };
    first = await startTestApi({ dialect, config });
    if (withRedis) {
      second = await startTestApi({ dialect, db: first.db, config });
    }
    const ids = await demoIds(first);
    shopSlotId = ids.slot('PET1', 'FDG', 1, '08:00:00');
    shopCustomerId = ids.customer('RH KF');
  });

  afterAll(async () => {
    await second?.close();
    await first?.close();
  });

  const instances = (): [string, TestApi][] =>
    second === null
      ? [['the same instance', first]]
      : [
          ['the same instance', first],
          ['another instance', second],
        ];

  /** Both instances' clocks (each has its own) moved `minutes` ahead. */
  function advanceClocks(minutes: number): void {
    const next = new Date(first.clock.now().getTime() + minutes * 60_000);
    first.clock.set(next);
    second?.clock.set(next);
  }

  /** A new local account of `group` (assigned to the shop customer when shop-scoped). */
  async function newUser(group: UserGroup): Promise<string> {
    const username = `user-${randomUUID().slice(0, 8)}`;
    const user = await first.db.models.User.create({
      username,
      displayName: username,
      userGroup: group,
      active: true,
      passwordHash: await hashPassword(PASSWORD),
      source: UserSource.Local,
    });
    if (group >= UserGroup.ShopAdmin) {
      await first.db.models.UserAssignment.create({ userId: user.id, customerId: shopCustomerId });
    }
    return username;
  }

  interface OpenSocket {
    /** Every call but the login goes over the socket. */
    socket: TestClient;
    /** Another tab of the same session, over HTTP. */
    tab: TestClient;
    sessionId: string;
    api: TestApi;
    /** A mutation that writes when allowed; `written()` counts what it writes. */
    mutate(): Promise<unknown>;
    written(): Promise<number>;
  }

  /** Logs `username` in and opens a socket on `api` with a live subscription. */
  async function openSocket(api: TestApi, username: string, group: UserGroup): Promise<OpenSocket> {
    const socket = api.client({ allOverWebSocket: true });
    await socket.trpc.auth.login.mutate({ username, password: PASSWORD });
    const token = readCookie(socket.jar.header(), SESSION_COOKIE) ?? '';
    const tab = first.client();
    tab.jar.store([`${SESSION_COOKIE}=${token}`]);
    const sessionId = hashToken(token);
    await new Promise<void>((resolve, reject) => {
      socket.trpc.events.onChange.subscribe(undefined, {
        onStarted: () => resolve(),
        onError: reject,
        onData: () => undefined,
      });
    });
    await eventually(() => api.server.services.sessionSockets.socketsOf(sessionId) === 1);
    const { models } = first.db;
    const shop = group >= UserGroup.ShopAdmin;
    const mutate = shop
      ? () =>
          socket.trpc.orders.activity.create.mutate({
            orderedTimeSlotId: shopSlotId,
            deliveryDate: DELIVERY_DATE,
            orderedActivity: 321,
          })
      : () => {
          closedDay += 1;
          return socket.trpc.setup.closedDates.toggle.mutate({
            date: `2027-03-${String(closedDay).padStart(2, '0')}`,
          });
        };
    const written = shop ? () => models.ActivityOrder.count() : () => models.ClosedDate.count();
    // The socket works before the session ends: a query and a mutation.
    expect((await socket.trpc.setup.catalog.query()).tracers.length).toBeGreaterThan(0);
    const before = await written();
    await mutate();
    expect(await written()).toBe(before + 1);
    return { socket, tab, sessionId, api, mutate, written };
  }

  /**
   * A call over the socket of an ended session: refused as unauthenticated, or, when the
   * server closed the socket for the ended session while the call was on its way, failed
   * with the closed connection. Either way nothing runs.
   */
  async function refusedOverSocket(call: Promise<unknown>): Promise<void> {
    const { reason } = await refusalOf(call);
    expect(['UNAUTHENTICATED', 'undefined']).toContain(reason);
  }

  /** After the session ended: refused within a second over the socket, nothing written. */
  async function expectEnded(open: OpenSocket, endedAt: number): Promise<void> {
    const before = await open.written();
    await refusedOverSocket(open.socket.trpc.setup.catalog.query());
    await refusedOverSocket(open.mutate());
    expect(Date.now() - endedAt).toBeLessThan(1000);
    expect(await open.written()).toBe(before);
    await eventually(
      () => open.api.server.services.sessionSockets.socketsOf(open.sessionId) === 0,
      1000,
    );
    expect(Date.now() - endedAt).toBeLessThan(1100);
    expect((await refusalOf(open.tab.trpc.setup.catalog.query())).reason).toBe('UNAUTHENTICATED');
    await open.socket.close();
  }

  it('ends at logout', async () => {
    for (const [, api] of instances()) {
      const open = await openSocket(api, await newUser(UserGroup.ShopUser), UserGroup.ShopUser);
      await open.tab.trpc.auth.logout.mutate();
      await expectEnded(open, Date.now());
    }
  });

  it('ends after the idle limit', async () => {
    for (const [, api] of instances()) {
      const open = await openSocket(api, await newUser(UserGroup.ShopUser), UserGroup.ShopUser);
      advanceClocks(IDLE_MINUTES + 1);
      await expectEnded(open, Date.now());
    }
  });

  it('ends at the absolute expiry, however busy the session is', async () => {
    for (const [, api] of instances()) {
      const open = await openSocket(api, await newUser(UserGroup.ShopUser), UserGroup.ShopUser);
      // Used every 25 minutes in another tab: never idle; 100 minutes on it still runs.
      for (let used = 0; used < 4; used += 1) {
        advanceClocks(25);
        await open.tab.trpc.setup.catalog.query();
      }
      expect(api.server.services.sessionSockets.socketsOf(open.sessionId)).toBe(1);
      advanceClocks(ABSOLUTE_HOURS * 60 - 100 + 1);
      await expectEnded(open, Date.now());
    }
  });

  it("ends when the user changes their password in another session, and only the others'", async () => {
    for (const [, api] of instances()) {
      const username = await newUser(UserGroup.ShopAdmin);
      const open = await openSocket(api, username, UserGroup.ShopAdmin);
      const other = first.client();
      await other.trpc.auth.login.mutate({ username, password: PASSWORD });
      await other.trpc.auth.changePassword.mutate({
        currentPassword: PASSWORD,
        newPassword: `${PASSWORD}-new`,
      });
      await expectEnded(open, Date.now());
      expect((await other.trpc.setup.catalog.query()).tracers.length).toBeGreaterThan(0);
    }
  });

  it('ends when the site admin deactivates the user', async () => {
    for (const [, api] of instances()) {
      const username = await newUser(UserGroup.ProductionAdmin);
      const open = await openSocket(api, username, UserGroup.ProductionAdmin);
      const user = await first.db.models.User.findOne({ where: { username } });
      const admin = await first.loginAs('site-admin');
      await admin.trpc.admin.editUser.mutate({ id: user?.id ?? 0, active: false });
      await expectEnded(open, Date.now());
    }
  });

  it('ends when the site admin demotes the user to an external shop user', async () => {
    for (const [, api] of instances()) {
      const username = await newUser(UserGroup.ProductionAdmin);
      const open = await openSocket(api, username, UserGroup.ProductionAdmin);
      const user = await first.db.models.User.findOne({ where: { username } });
      const admin = await first.loginAs('site-admin');
      await admin.trpc.admin.editUser.mutate({
        id: user?.id ?? 0,
        userGroup: UserGroup.ShopExternal,
      });
      await expectEnded(open, Date.now());
      // A new login gets the narrower role, never the old one.
      const again = api.client({ allOverWebSocket: true });
      await again.trpc.auth.login.mutate({ username, password: PASSWORD });
      expect(
        (await refusalOf(again.trpc.setup.closedDates.toggle.mutate({ date: '2027-04-01' })))
          .reason,
      ).toBe('FORBIDDEN_ROLE');
      await again.close();
    }
  });
});
