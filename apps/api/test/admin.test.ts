/**
 * Site administration over a real server: the audit trail (filters, pages, chain check),
 * login events, telemetry and role assignment.
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
});
