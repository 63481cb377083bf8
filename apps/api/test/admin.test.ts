/**
 * Site administration over a real server: the audit trail (filters, pages, chain check),
 * login events, telemetry, role assignment, new accounts and password resets.
 */
import { UserGroup, UserSource } from '@tracershop/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { reasonOf } from './reasons';
import type { TestApi } from './testApi';
import { TEST_DIALECTS, startTestApi } from './testApi';
import type { TestClient } from './testClient';

describe.each(TEST_DIALECTS)('site administration (%s)', (dialect) => {
  let api: TestApi;
  let siteAdmin: TestClient;
  let prodAdmin: TestClient;

  beforeAll(async () => {
    api = await startTestApi({ dialect });
    siteAdmin = await api.loginAs('site-admin');
    prodAdmin = await api.loginAs('prod-admin');
  });

  afterAll(async () => {
    await api?.close();
  });

  it('[URS-AUD-007] pages through the audit trail, newest first, with filters', async () => {
    // The demo seed created its isotopes at the clock's start; these come a minute later.
    const seeded = await siteAdmin.trpc.admin.auditTrail.query({
      entity: 'Isotope',
      action: 'isotope.create',
    });
    expect(seeded.total).toBeGreaterThan(0);
    api.clock.set(new Date(api.clock.now().getTime() + 60_000));
    const isotopes: number[] = [];
    for (const [letter, mass] of [
      ['Rb', 82],
      ['Zr', 89],
      ['Sc', 44],
    ] as const) {
      const isotope = await prodAdmin.trpc.setup.isotopes.create.mutate({
        atomicNumber: 40,
        atomicMass: mass,
        atomicLetter: letter,
        halflifeSeconds: 1000,
      });
      isotopes.push(isotope.id);
    }
    const first = await siteAdmin.trpc.admin.auditTrail.query({
      entity: 'Isotope',
      action: 'isotope.create',
      pageSize: 2,
    });
    expect(first.total).toBe(seeded.total + 3);
    expect(first.rows.map((row) => row.entityId)).toEqual([isotopes[2], isotopes[1]]);
    expect(first.rows[0]?.actorName).toBe('Demo Production Admin');
    expect(first.rows[0]?.before).toBeNull();
    expect(first.rows[0]?.after).toMatchObject({ atomicLetter: 'Sc', atomicMass: 44 });
    const second = await siteAdmin.trpc.admin.auditTrail.query({
      entity: 'Isotope',
      action: 'isotope.create',
      pageSize: 2,
      page: 2,
    });
    expect(second.rows[0]?.entityId).toBe(isotopes[0]);

    const byRow = await siteAdmin.trpc.admin.auditTrail.query({
      entity: 'Isotope',
      entityId: isotopes[1],
    });
    expect(byRow.rows.map((row) => row.action)).toEqual(['isotope.create']);
    const actor = (await prodAdmin.trpc.auth.whoami.query()).user?.id ?? 0;
    const byActor = await siteAdmin.trpc.admin.auditTrail.query({ actorId: actor });
    expect(byActor.total).toBe(3);

    const now = api.clock.now();
    const inWindow = await siteAdmin.trpc.admin.auditTrail.query({
      entity: 'Isotope',
      from: new Date(now.getTime() - 1000).toISOString(),
      to: new Date(now.getTime() + 1000).toISOString(),
    });
    expect(inWindow.total).toBe(3);
    const before = await siteAdmin.trpc.admin.auditTrail.query({
      entity: 'Isotope',
      to: new Date(now.getTime() - 1000).toISOString(),
    });
    expect(before.total).toBe(seeded.total);
    expect((await siteAdmin.trpc.admin.auditTrail.query()).rows.length).toBeGreaterThan(3);
  });

  it('[URS-AUD-004] verifies the audit chain', async () => {
    const report = await siteAdmin.trpc.admin.verifyAuditChain.query();
    expect(report.ok).toBe(true);
    expect(report.firstBroken).toBeNull();
    expect(report.checked).toBe(await api.db.models.AuditEvent.count());
  });

  it('[URS-AUD-010] lists login events', async () => {
    const failed = api.client();
    expect(
      await reasonOf(failed.trpc.auth.login.mutate({ username: 'prod-user', password: 'wrong' })),
    ).toBe('LOGIN_FAILED');
    const events = await siteAdmin.trpc.admin.loginEvents.query({ username: 'prod-user' });
    expect(events.rows.some((row) => !row.success && row.reason === 'wrong-password')).toBe(true);
    const successes = await siteAdmin.trpc.admin.loginEvents.query({
      success: true,
      pageSize: 1,
    });
    expect(successes.rows).toHaveLength(1);
    expect(successes.total).toBeGreaterThanOrEqual(2);
  });

  it('[URS-PRF-009] summarizes telemetry per procedure', async () => {
    for (let call = 0; call < 4; call += 1) {
      await prodAdmin.trpc.setup.catalog.query();
    }
    await reasonOf(prodAdmin.trpc.setup.isotopes.delete.mutate({ id: 999_999 }));
    await api.server.services.telemetry.flush();
    const summary = await siteAdmin.trpc.admin.telemetry.query();
    const catalog = summary.procedures.find((row) => row.procedure === 'setup.catalog');
    expect(catalog?.calls).toBeGreaterThanOrEqual(4);
    expect(catalog?.failures).toBe(0);
    expect(catalog?.meanMs).toBeGreaterThan(0);
    expect(catalog?.p95Ms).toBeGreaterThan(0);
    const failing = summary.procedures.find((row) => row.procedure === 'setup.isotopes.delete');
    expect(failing).toMatchObject({ calls: 1, failures: 1 });
    const later = new Date(api.clock.now().getTime() + 60_000).toISOString();
    const empty = await siteAdmin.trpc.admin.telemetry.query({ from: later });
    expect(empty.procedures).toEqual([]);
    expect(await reasonOf(prodAdmin.trpc.admin.telemetry.query())).toBe('FORBIDDEN_ROLE');
  });

  it("[URS-ACC-008] changes a user's role, audited, and ends their sessions", async () => {
    const user = await api.db.models.User.create({
      username: 'rolle-skift',
      displayName: 'Rolle Skift',
      userGroup: UserGroup.ProductionUser,
      source: UserSource.Ldap,
    });
    await api.server.services.sessions.create(user.id);
    const edited = await siteAdmin.trpc.admin.editUser.mutate({
      id: user.id,
      userGroup: UserGroup.ProductionAdmin,
    });
    expect(edited.userGroup).toBe(UserGroup.ProductionAdmin);
    expect(JSON.stringify(edited)).not.toContain('passwordHash');
    expect(await api.db.models.Session.count({ where: { userId: user.id } })).toBe(0);
    const audit = await siteAdmin.trpc.admin.auditTrail.query({
      entity: 'User',
      entityId: user.id,
    });
    expect(audit.rows.map((row) => row.action)).toEqual(['user.edit']);
    expect(audit.rows[0]?.before).toMatchObject({ userGroup: UserGroup.ProductionUser });
    expect(audit.rows[0]?.after).toMatchObject({ userGroup: UserGroup.ProductionAdmin });

    const self = (await siteAdmin.trpc.auth.whoami.query()).user?.id ?? 0;
    expect(await reasonOf(siteAdmin.trpc.admin.editUser.mutate({ id: self, active: false }))).toBe(
      'OWN_ACCOUNT',
    );
    expect(
      await reasonOf(prodAdmin.trpc.admin.editUser.mutate({ id: user.id, active: false })),
    ).toBe('FORBIDDEN_ROLE');
  });
  it('[URS-ACC-017] creates local accounts of every role; the first password must be replaced', async () => {
    const [customer] = await api.db.models.Customer.findAll({ order: [['id', 'ASC']], limit: 1 });
    const customerId = customer?.id ?? 0;
    const created = await siteAdmin.trpc.admin.createUser.mutate({
      username: 'ny.bruger',
      displayName: 'Ny Bruger',
      userGroup: UserGroup.ShopUser,
      password: 'første kodeord',
      customerIds: [customerId],
    });
    expect(created).toMatchObject({ username: 'ny.bruger', mustChangePassword: true });
    expect(JSON.stringify(created)).not.toContain('passwordHash');
    const production = await siteAdmin.trpc.admin.createUser.mutate({
      username: 'ny.producent',
      userGroup: UserGroup.ProductionUser,
      password: 'første kodeord',
      customerIds: [],
    });
    expect(production.userGroup).toBe(UserGroup.ProductionUser);

    // The rules: customers fit the role, the password is no guess, the name is free.
    const attempt = (
      changes: Partial<Parameters<typeof siteAdmin.trpc.admin.createUser.mutate>[0]>,
    ) =>
      reasonOf(
        siteAdmin.trpc.admin.createUser.mutate({
          username: 'afvist',
          userGroup: UserGroup.ShopAdmin,
          password: 'første kodeord',
          customerIds: [customerId],
          ...changes,
        }),
      );
    expect(await attempt({ customerIds: [] })).toBe('CUSTOMERS_NEEDED');
    expect(await attempt({ userGroup: UserGroup.ProductionAdmin })).toBe('CUSTOMERS_NOT_USED');
    expect(await attempt({ username: 'afvist.nu', password: 'AFVIST.NU' })).toBe(
      'NEW_PASSWORD_REFUSED',
    );
    expect(await attempt({ userGroup: UserGroup.Anon, customerIds: [] })).toBe('WRONG_USER_GROUP');
    expect(await attempt({ username: 'NY.BRUGER' })).toBe('ALREADY_EXISTS');
    expect(await attempt({ customerIds: [999_999] })).toBe('NOT_FOUND');
    expect(await api.db.models.User.count({ where: { usernameKey: 'afvist' } })).toBe(0);
    expect(
      await reasonOf(
        prodAdmin.trpc.admin.createUser.mutate({
          username: 'afvist',
          userGroup: UserGroup.ProductionUser,
          password: 'første kodeord',
          customerIds: [],
        }),
      ),
    ).toBe('FORBIDDEN_ROLE');

    // The new user logs in, may do nothing but replace the password, then works.
    const user = api.client();
    const login = await user.trpc.auth.login.mutate({
      username: 'ny.bruger',
      password: 'første kodeord',
    });
    expect(login.user.mustChangePassword).toBe(true);
    const endpoint = await api.db.models.DeliveryEndpoint.findOne({ where: { customerId } });
    const day = { endpointId: endpoint?.id ?? 0, date: api.today };
    expect(await reasonOf(user.trpc.orders.shopDay.query(day))).toBe('PASSWORD_CHANGE_REQUIRED');
    const document = await fetch(`${api.server.url}/documents/injection-release/1.pdf`, {
      headers: { cookie: user.jar.header() },
    });
    expect(await document.json()).toMatchObject({ error: 'PASSWORD_CHANGE_REQUIRED' });
    await user.trpc.auth.changePassword.mutate({
      currentPassword: 'første kodeord',
      newPassword: 'mit eget kodeord',
    });
    expect((await user.trpc.auth.whoami.query()).user?.mustChangePassword).toBe(false);
    await user.trpc.orders.shopDay.query(day);

    const audit = await siteAdmin.trpc.admin.auditTrail.query({
      entity: 'User',
      entityId: created.id,
    });
    expect(audit.rows.map((row) => row.action).sort()).toEqual([
      'user.changePassword',
      'user.create',
    ]);
    const assignments = await siteAdmin.trpc.admin.auditTrail.query({
      entity: 'UserAssignment',
      action: 'userAssignment.create',
    });
    expect(assignments.rows[0]?.after).toMatchObject({ userId: created.id, customerId });
  });

  it('[URS-ACC-017] resets a local password: sessions end, the owner must replace it', async () => {
    const user = await siteAdmin.trpc.admin.createUser.mutate({
      username: 'glemsom.bruger',
      userGroup: UserGroup.ProductionUser,
      password: 'første kodeord',
      customerIds: [],
    });
    const owner = api.client();
    await owner.trpc.auth.login.mutate({ username: 'glemsom.bruger', password: 'første kodeord' });
    await owner.trpc.auth.changePassword.mutate({
      currentPassword: 'første kodeord',
      newPassword: 'glemt igen',
    });
    await owner.trpc.setup.catalog.query();

    const reset = await siteAdmin.trpc.admin.resetPassword.mutate({
      id: user.id,
      password: 'nyt midlertidigt',
    });
    expect(reset.mustChangePassword).toBe(true);
    expect(await reasonOf(owner.trpc.setup.catalog.query())).toBe('UNAUTHENTICATED');
    const again = api.client();
    await again.trpc.auth.login.mutate({
      username: 'glemsom.bruger',
      password: 'nyt midlertidigt',
    });
    expect(await reasonOf(again.trpc.setup.catalog.query())).toBe('PASSWORD_CHANGE_REQUIRED');
    const audit = await siteAdmin.trpc.admin.auditTrail.query({
      entity: 'User',
      entityId: user.id,
      action: 'user.resetPassword',
    });
    expect(audit.total).toBe(1);

    const self = (await siteAdmin.trpc.auth.whoami.query()).user?.id ?? 0;
    expect(
      await reasonOf(
        siteAdmin.trpc.admin.resetPassword.mutate({ id: self, password: 'x'.repeat(9) }),
      ),
    ).toBe('OWN_ACCOUNT');
    const directory = await api.db.models.User.create({
      username: 'katalog',
      userGroup: UserGroup.ProductionUser,
      source: UserSource.Ldap,
    });
    expect(
      await reasonOf(
        siteAdmin.trpc.admin.resetPassword.mutate({ id: directory.id, password: 'x'.repeat(9) }),
      ),
    ).toBe('DIRECTORY_ACCOUNT');
    expect(
      await reasonOf(
        siteAdmin.trpc.admin.resetPassword.mutate({ id: user.id, password: 'Glemsom.Bruger' }),
      ),
    ).toBe('NEW_PASSWORD_REFUSED');
    expect(
      await reasonOf(
        prodAdmin.trpc.admin.resetPassword.mutate({ id: user.id, password: 'x'.repeat(9) }),
      ),
    ).toBe('FORBIDDEN_ROLE');
  });
});
