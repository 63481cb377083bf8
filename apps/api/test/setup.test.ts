/**
 * Set-up over a real server: round trips per area with their audit rows, customer scoping of
 * the catalog and of live events, the rules of the set-up pages (archive, references, slot
 * times, global deadlines, release rights, access grants) and the database's own refusals.
 */
import {
  DeadlineScope,
  DeadlineType,
  TracerType,
  UserGroup,
  UserSource,
  WeeklyRepeat,
} from '@tracershop/core';
import { hashPassword } from '@tracershop/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ChangeEvent } from '../src/events/changeEvents';
import { reasonOf } from './reasons';
import type { TestApi } from './testApi';
import { DEMO_PASSWORD, TEST_DIALECTS, startTestApi } from './testApi';
import type { TestClient } from './testClient';

/** Waits until `check` returns a value (polling), or fails after `timeoutMs`. */
async function waitFor<T>(check: () => T | undefined, timeoutMs = 5000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = check();
    if (value !== undefined) {
      return value;
    }
    if (Date.now() > deadline) {
      throw new Error('timed out waiting');
    }
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

describe.each(TEST_DIALECTS)('set-up (%s)', (dialect) => {
  let api: TestApi;
  let siteAdmin: TestClient;
  let prodAdmin: TestClient;
  let prodUser: TestClient;
  let shopAdmin: TestClient;
  let shopUser: TestClient;
  let external: TestClient;

  beforeAll(async () => {
    api = await startTestApi({ dialect });
    siteAdmin = await api.loginAs('site-admin');
    prodAdmin = await api.loginAs('prod-admin');
    prodUser = await api.loginAs('prod-user');
    shopAdmin = await api.loginAs('shop-admin');
    shopUser = await api.loginAs('shop-user');
    external = await api.loginAs('external');
  });

  afterAll(async () => {
    await api?.close();
  });

  /** The audit actions recorded for one row, oldest first. */
  async function auditActions(entity: string, entityId: number): Promise<string[]> {
    const rows = await api.db.models.AuditEvent.findAll({
      where: { entity, entityId },
      order: [['id', 'ASC']],
    });
    return rows.map((row) => row.action);
  }

  async function idOf(
    kind: 'customer' | 'endpoint' | 'tracer' | 'isotope' | 'user',
    name: string,
  ): Promise<number> {
    const { Customer, DeliveryEndpoint, Tracer, Isotope, User } = api.db.models;
    const row =
      kind === 'customer'
        ? await Customer.findOne({ where: { shortName: name } })
        : kind === 'endpoint'
          ? await DeliveryEndpoint.findOne({ where: { name } })
          : kind === 'tracer'
            ? await Tracer.findOne({ where: { shortname: name } })
            : kind === 'isotope'
              ? await Isotope.findOne({ where: { atomicLetter: name } })
              : await User.findOne({ where: { username: name } });
    if (row === null) {
      throw new Error(`no ${kind} ${name}`);
    }
    return row.id;
  }

  describe('setup.catalog', () => {
    it('[URS-PRD-003] gives production every customer and the catalog with overhead', async () => {
      const catalog = await prodAdmin.trpc.setup.catalog.query();
      expect(catalog.customers.map((customer) => customer.shortName).sort()).toEqual(
        ['Glostrup', 'Herlev NM', 'Hillerød', 'KU Panum', 'RH KF'].sort(),
      );
      const pet1 = await idOf('endpoint', 'PET1');
      const fdg = await idOf('tracer', 'FDG');
      const page = catalog.catalogPages.find(
        (candidate) => candidate.endpointId === pet1 && candidate.tracerId === fdg,
      );
      expect(page?.overheadMultiplier).toBe(1.25);
      expect(catalog.tracers.some((tracer) => tracer.archived)).toBe(true);
      expect(catalog.globalDeadlines.activity).not.toBeNull();
      expect(catalog.globalDeadlines.injection).not.toBeNull();
      expect(catalog.procedureIdentifiers.some((identifier) => !identifier.isPet)).toBe(true);
    });

    it("[URS-ACC-002][URS-PRD-003] gives a shop user only their customers' rows and no overhead", async () => {
      const everything = await prodAdmin.trpc.setup.catalog.query();
      const catalog = await shopUser.trpc.setup.catalog.query();
      expect(catalog.customers.map((customer) => customer.shortName).sort()).toEqual([
        'Herlev NM',
        'RH KF',
      ]);
      expect(catalog.endpoints.map((endpoint) => endpoint.name).sort()).toEqual([
        'Herlev',
        'PET1',
        'PET2',
      ]);
      const endpointIds = new Set(catalog.endpoints.map((endpoint) => endpoint.id));
      for (const rows of [
        catalog.deliverySlots,
        catalog.isotopeDeliveries,
        catalog.catalogPages,
        catalog.procedures,
      ]) {
        expect(rows.length).toBeGreaterThan(0);
        expect(rows.every((row) => endpointIds.has(row.endpointId))).toBe(true);
      }
      expect(catalog.locations.every((row) => row.endpointId !== null)).toBe(true);
      expect(catalog.locations.every((row) => endpointIds.has(row.endpointId ?? 0))).toBe(true);
      expect(JSON.stringify(catalog)).not.toContain('overheadMultiplier');
      // Catalog data is everybody's.
      expect(catalog.tracers.length).toBe(everything.tracers.length);
      expect(catalog.isotopes.length).toBe(everything.isotopes.length);
      expect(catalog.productions.length).toBe(everything.productions.length);
      expect(catalog.deadlines.length).toBe(everything.deadlines.length);
    });

    it('[URS-ACC-002][URS-PRD-003] gives the external user only KU Panum', async () => {
      const catalog = await external.trpc.setup.catalog.query();
      expect(catalog.customers.map((customer) => customer.shortName)).toEqual(['KU Panum']);
      expect(catalog.endpoints.map((endpoint) => endpoint.name)).toEqual(['Panum']);
      expect(JSON.stringify(catalog)).not.toContain('overheadMultiplier');
    });

    it('sends the closed dates from today on, or around a given date', async () => {
      const future = await shopUser.trpc.setup.catalog.query();
      expect(future.closedDates.length).toBeGreaterThan(0);
      expect(future.closedDates.every((row) => row.closeDate >= api.today)).toBe(true);
      const around = await shopUser.trpc.setup.catalog.query({ date: '2026-04-05' });
      const dates = around.closedDates.map((row) => row.closeDate);
      expect(dates).toContain('2026-04-05');
      expect(dates).toContain('2026-04-06');
      // ±64 days (the demo's window): Christmas is too far.
      expect(dates).not.toContain('2026-12-25');
    });
  });

  describe('isotopes and tracers', () => {
    it('[URS-PRD-014] creates, edits and deletes an isotope, audited', async () => {
      const created = await prodAdmin.trpc.setup.isotopes.create.mutate({
        atomicNumber: 35,
        atomicMass: 76,
        atomicLetter: 'Br',
        halflifeSeconds: 58_320,
      });
      expect(created.metastable).toBe(false);
      const edited = await prodAdmin.trpc.setup.isotopes.edit.mutate({
        id: created.id,
        halflifeSeconds: 58_000,
      });
      expect(edited.halflifeSeconds).toBe(58_000);
      expect(edited.atomicLetter).toBe('Br');
      await prodAdmin.trpc.setup.isotopes.delete.mutate({ id: created.id });
      expect(await api.db.models.Isotope.findByPk(created.id)).toBeNull();
      expect(await auditActions('Isotope', created.id)).toEqual([
        'isotope.create',
        'isotope.edit',
        'isotope.delete',
      ]);
    });

    it('[URS-PRD-014] creates, edits, archives, restores and deletes a tracer, audited', async () => {
      const tracer = await prodAdmin.trpc.setup.tracers.create.mutate({
        shortname: 'FLT',
        clinicalName: 'Fluorothymidin (18F)',
        isotopeId: await idOf('isotope', 'F'),
        tracerType: TracerType.Activity,
        vialTag: 'FLT',
      });
      expect(tracer.archived).toBe(false);
      const edited = await prodAdmin.trpc.setup.tracers.edit.mutate({
        id: tracer.id,
        marketed: true,
      });
      expect(edited.marketed).toBe(true);
      const archived = await prodAdmin.trpc.setup.tracers.archive.mutate({
        id: tracer.id,
        archived: true,
      });
      expect(archived.archived).toBe(true);
      const restored = await prodAdmin.trpc.setup.tracers.archive.mutate({
        id: tracer.id,
        archived: false,
      });
      expect(restored.archived).toBe(false);
      await prodAdmin.trpc.setup.tracers.delete.mutate({ id: tracer.id });
      expect(await auditActions('Tracer', tracer.id)).toEqual([
        'tracer.create',
        'tracer.edit',
        'tracer.archive',
        'tracer.restore',
        'tracer.delete',
      ]);
    });

    it('[URS-PRD-014] refuses to delete an isotope in use with REFERENCED and changes nothing', async () => {
      const fluorine = await idOf('isotope', 'F');
      const auditRows = await api.db.models.AuditEvent.count();
      expect(await reasonOf(prodAdmin.trpc.setup.isotopes.delete.mutate({ id: fluorine }))).toBe(
        'REFERENCED',
      );
      expect(await api.db.models.Isotope.findByPk(fluorine)).not.toBeNull();
      expect(await api.db.models.AuditEvent.count()).toBe(auditRows);
    });

    it('[URS-PRD-014] refuses to delete a referenced tracer with REFERENCED and changes nothing', async () => {
      const fdg = await idOf('tracer', 'FDG');
      const auditRows = await api.db.models.AuditEvent.count();
      expect(await reasonOf(prodAdmin.trpc.setup.tracers.delete.mutate({ id: fdg }))).toBe(
        'REFERENCED',
      );
      expect(await api.db.models.Tracer.findByPk(fdg)).not.toBeNull();
      expect(await api.db.models.AuditEvent.count()).toBe(auditRows);
    });

    it('[URS-PRD-014] does not archive a tracer that endpoints may order', async () => {
      const fdg = await idOf('tracer', 'FDG');
      expect(
        await reasonOf(prodAdmin.trpc.setup.tracers.archive.mutate({ id: fdg, archived: true })),
      ).toBe('TRACER_IN_CATALOG');
      expect((await api.db.models.Tracer.findByPk(fdg))?.archived).toBe(false);
    });

    it('[URS-PRD-014] refuses shop users and production users', async () => {
      const input = {
        atomicNumber: 1,
        atomicMass: 3,
        atomicLetter: 'H',
        halflifeSeconds: 388_800_000,
      };
      expect(await reasonOf(shopAdmin.trpc.setup.isotopes.create.mutate(input))).toBe(
        'FORBIDDEN_ROLE',
      );
      expect(await reasonOf(prodUser.trpc.setup.isotopes.create.mutate(input))).toBe(
        'FORBIDDEN_ROLE',
      );
    });
  });

  describe('customers, endpoints and catalog pages', () => {
    it('[URS-PRD-014] round-trips a customer, an endpoint and a catalog page, audited', async () => {
      const customer = await prodAdmin.trpc.setup.customers.create.mutate({
        shortName: 'Odense NM',
        longName: 'Odense Universitetshospital',
      });
      expect(customer.dispenserId).toBeNull();
      const renamed = await prodAdmin.trpc.setup.customers.edit.mutate({
        id: customer.id,
        billingCity: 'Odense C',
      });
      expect(renamed.billingCity).toBe('Odense C');
      const endpoint = await prodAdmin.trpc.setup.endpoints.create.mutate({
        customerId: customer.id,
        name: 'OUH PET',
      });
      const endpointEdited = await prodAdmin.trpc.setup.endpoints.edit.mutate({
        id: endpoint.id,
        phone: '65411111',
      });
      expect(endpointEdited.phone).toBe('65411111');
      const page = await prodAdmin.trpc.setup.catalogPages.create.mutate({
        endpointId: endpoint.id,
        tracerId: await idOf('tracer', 'FDG'),
        overheadMultiplier: 1.2,
      });
      expect(page.overheadMultiplier).toBe(1.2);
      expect(page.maxInjections).toBe(0);
      const pageEdited = await prodAdmin.trpc.setup.catalogPages.edit.mutate({
        id: page.id,
        overheadMultiplier: 1.35,
      });
      expect(pageEdited.overheadMultiplier).toBe(1.35);
      expect(
        await reasonOf(prodAdmin.trpc.setup.endpoints.delete.mutate({ id: endpoint.id })),
      ).toBe('REFERENCED');
      await prodAdmin.trpc.setup.catalogPages.delete.mutate({ id: page.id });
      await prodAdmin.trpc.setup.endpoints.delete.mutate({ id: endpoint.id });
      expect(await auditActions('Customer', customer.id)).toEqual([
        'customer.create',
        'customer.edit',
      ]);
      expect(await auditActions('DeliveryEndpoint', endpoint.id)).toEqual([
        'deliveryEndpoint.create',
        'deliveryEndpoint.edit',
        'deliveryEndpoint.delete',
      ]);
      expect(await auditActions('TracerCatalogPage', page.id)).toEqual([
        'tracerCatalogPage.create',
        'tracerCatalogPage.edit',
        'tracerCatalogPage.delete',
      ]);
    });

    it('[URS-PRD-014] refuses a second catalog page for the same endpoint and tracer: ALREADY_EXISTS', async () => {
      const pet1 = await idOf('endpoint', 'PET1');
      const fdg = await idOf('tracer', 'FDG');
      const pages = await api.db.models.TracerCatalogPage.count();
      expect(
        await reasonOf(
          prodAdmin.trpc.setup.catalogPages.create.mutate({ endpointId: pet1, tracerId: fdg }),
        ),
      ).toBe('ALREADY_EXISTS');
      expect(await api.db.models.TracerCatalogPage.count()).toBe(pages);
    });

    it('[URS-PRD-014] does not put an archived tracer in a catalog', async () => {
      expect(
        await reasonOf(
          prodAdmin.trpc.setup.catalogPages.create.mutate({
            endpointId: await idOf('endpoint', 'PET2'),
            tracerId: await idOf('tracer', 'PiB'),
          }),
        ),
      ).toBe('TRACER_ARCHIVED');
    });

    it('says NOT_FOUND for a missing row', async () => {
      expect(
        await reasonOf(prodAdmin.trpc.setup.customers.edit.mutate({ id: 999_999, longName: 'x' })),
      ).toBe('NOT_FOUND');
    });
  });

  describe('[URS-PRD-014] the schedule', () => {
    it('keeps deliveries after their production and productions in use', async () => {
      const fdg = await idOf('tracer', 'FDG');
      const pet2 = await idOf('endpoint', 'PET2');
      const production = await prodAdmin.trpc.setup.productions.create.mutate({
        tracerId: fdg,
        weekday: 5,
        productionTime: '07:00:00',
      });
      const early = {
        endpointId: pet2,
        productionId: production.id,
        deliveryTime: '06:45:00',
        weeklyRepeat: WeeklyRepeat.EveryWeek,
      };
      expect(await reasonOf(prodAdmin.trpc.setup.deliverySlots.create.mutate(early))).toBe(
        'DELIVERY_BEFORE_PRODUCTION',
      );
      const slot = await prodAdmin.trpc.setup.deliverySlots.create.mutate({
        ...early,
        deliveryTime: '07:00:00',
      });
      expect(slot.expirationDate).toBeNull();
      const moved = await prodAdmin.trpc.setup.deliverySlots.edit.mutate({
        id: slot.id,
        deliveryTime: '08:30:00',
      });
      expect(moved.deliveryTime).toBe('08:30:00');
      expect(
        await reasonOf(
          prodAdmin.trpc.setup.productions.edit.mutate({
            id: production.id,
            productionTime: '09:00:00',
          }),
        ),
      ).toBe('DELIVERY_BEFORE_PRODUCTION');
      expect(
        await reasonOf(prodAdmin.trpc.setup.productions.delete.mutate({ id: production.id })),
      ).toBe('REFERENCED');
      await prodAdmin.trpc.setup.productions.edit.mutate({
        id: production.id,
        productionTime: '08:00:00',
      });
      await prodAdmin.trpc.setup.deliverySlots.delete.mutate({ id: slot.id });
      await prodAdmin.trpc.setup.productions.delete.mutate({ id: production.id });
      expect(await auditActions('ActivityProduction', production.id)).toEqual([
        'activityProduction.create',
        'activityProduction.edit',
        'activityProduction.delete',
      ]);
      expect(await auditActions('ActivityDeliveryTimeSlot', slot.id)).toEqual([
        'activityDeliveryTimeSlot.create',
        'activityDeliveryTimeSlot.edit',
        'activityDeliveryTimeSlot.delete',
      ]);
    });

    it('makes productions of activity tracers only', async () => {
      expect(
        await reasonOf(
          prodAdmin.trpc.setup.productions.create.mutate({
            tracerId: await idOf('tracer', 'Ga-PSMA'),
            weekday: 0,
            productionTime: '07:00:00',
          }),
        ),
      ).toBe('NOT_ACTIVITY_TRACER');
    });

    it('refuses a duplicate production run: ALREADY_EXISTS', async () => {
      expect(
        await reasonOf(
          prodAdmin.trpc.setup.productions.create.mutate({
            tracerId: await idOf('tracer', 'FDG'),
            weekday: 0,
            productionTime: '06:30:00',
          }),
        ),
      ).toBe('ALREADY_EXISTS');
    });

    it('round-trips an isotope production and delivery', async () => {
      const gallium = await idOf('isotope', 'Ga');
      const production = await prodAdmin.trpc.setup.isotopeProductions.create.mutate({
        isotopeId: gallium,
        weekday: 1,
        productionTime: '09:00:00',
      });
      const delivery = await prodAdmin.trpc.setup.isotopeDeliveries.create.mutate({
        isotopeProductionId: production.id,
        endpointId: await idOf('endpoint', 'Herlev'),
        deliveryTime: '11:00:00',
        weeklyRepeat: WeeklyRepeat.OddWeeks,
      });
      expect(
        await reasonOf(
          prodAdmin.trpc.setup.isotopeDeliveries.edit.mutate({
            id: delivery.id,
            deliveryTime: '08:00:00',
          }),
        ),
      ).toBe('DELIVERY_BEFORE_PRODUCTION');
      await prodAdmin.trpc.setup.isotopeDeliveries.edit.mutate({
        id: delivery.id,
        weeklyRepeat: WeeklyRepeat.EveryWeek,
      });
      await prodAdmin.trpc.setup.isotopeProductions.edit.mutate({
        id: production.id,
        expirationDate: '2027-06-30',
      });
      await prodAdmin.trpc.setup.isotopeDeliveries.delete.mutate({ id: delivery.id });
      await prodAdmin.trpc.setup.isotopeProductions.delete.mutate({ id: production.id });
      expect(await auditActions('IsotopeProduction', production.id)).toEqual([
        'isotopeProduction.create',
        'isotopeProduction.edit',
        'isotopeProduction.delete',
      ]);
      expect(await auditActions('IsotopeDelivery', delivery.id)).toEqual([
        'isotopeDelivery.create',
        'isotopeDelivery.edit',
        'isotopeDelivery.delete',
      ]);
    });
  });

  describe('deadlines and closed days', () => {
    it('[URS-DLN-004] moves the global role to a new deadline and keeps one per kind', async () => {
      const { Deadline } = api.db.models;
      const previous = await Deadline.findOne({ where: { appliesTo: DeadlineScope.Activity } });
      const created = await prodAdmin.trpc.setup.deadlines.create.mutate({
        deadlineType: DeadlineType.Weekly,
        deadlineTime: '10:00:00',
        weekday: 4,
        appliesTo: DeadlineScope.Activity,
      });
      expect(created.appliesTo).toBe('activity');
      expect(await Deadline.count({ where: { appliesTo: DeadlineScope.Activity } })).toBe(1);
      expect((await Deadline.findByPk(previous?.id ?? 0))?.appliesTo).toBeNull();
      expect(await reasonOf(prodAdmin.trpc.setup.deadlines.delete.mutate({ id: created.id }))).toBe(
        'GLOBAL_DEADLINE_LOCKED',
      );
      expect(
        await reasonOf(
          prodAdmin.trpc.setup.deadlines.edit.mutate({ id: created.id, appliesTo: null }),
        ),
      ).toBe('GLOBAL_DEADLINE_LOCKED');
      // Back to the demo's deadline, then the new one can go.
      await prodAdmin.trpc.setup.deadlines.edit.mutate({
        id: previous?.id ?? 0,
        appliesTo: DeadlineScope.Activity,
      });
      const daily = await prodAdmin.trpc.setup.deadlines.edit.mutate({
        id: created.id,
        deadlineType: DeadlineType.Daily,
      });
      expect(daily.weekday).toBeNull();
      await prodAdmin.trpc.setup.deadlines.delete.mutate({ id: created.id });
      expect(await auditActions('Deadline', created.id)).toEqual([
        'deadline.create',
        'deadline.edit',
        'deadline.edit',
        'deadline.delete',
      ]);
    });

    it('[URS-DLN-004] toggles a closed day', async () => {
      const date = '2026-12-02';
      const closed = await prodAdmin.trpc.setup.closedDates.toggle.mutate({ date });
      expect(closed.closed).toBe(true);
      const id = closed.closedDate?.id ?? 0;
      expect(await api.db.models.ClosedDate.count({ where: { closeDate: date } })).toBe(1);
      const opened = await prodAdmin.trpc.setup.closedDates.toggle.mutate({ date });
      expect(opened.closed).toBe(false);
      expect(await api.db.models.ClosedDate.count({ where: { closeDate: date } })).toBe(0);
      expect(await auditActions('ClosedDate', id)).toEqual([
        'closedDate.create',
        'closedDate.delete',
      ]);
    });
  });

  describe('release rights', () => {
    it('[URS-REL-005] grants, changes and revokes a right, audited', async () => {
      const right = await prodAdmin.trpc.setup.releaseRights.create.mutate({
        userId: await idOf('user', 'prod-user'),
        tracerId: await idOf('tracer', 'NaF'),
        expiryDate: '2027-06-30',
      });
      expect(right.userName).toBe('Demo Production User');
      const changed = await prodAdmin.trpc.setup.releaseRights.edit.mutate({
        id: right.id,
        expiryDate: null,
      });
      expect(changed.expiryDate).toBeNull();
      const listed = await prodUser.trpc.setup.releaseRights.list.query();
      expect(listed.some((row) => row.id === right.id)).toBe(true);
      await prodAdmin.trpc.setup.releaseRights.delete.mutate({ id: right.id });
      expect(await auditActions('ReleaseRight', right.id)).toEqual([
        'releaseRight.create',
        'releaseRight.edit',
        'releaseRight.delete',
      ]);
    });

    it('[URS-REL-005] never lets a production admin grant or change their own right', async () => {
      const self = await idOf('user', 'prod-admin');
      const rights = await api.db.models.ReleaseRight.count();
      expect(
        await reasonOf(
          prodAdmin.trpc.setup.releaseRights.create.mutate({
            userId: self,
            tracerId: await idOf('tracer', 'NaF'),
          }),
        ),
      ).toBe('SELF_GRANT');
      expect(await api.db.models.ReleaseRight.count()).toBe(rights);
      // The site admin may; the production admin still may not change it, but may give it up.
      const granted = await siteAdmin.trpc.setup.releaseRights.create.mutate({
        userId: self,
        isotopeId: await idOf('isotope', 'Ga'),
      });
      expect(
        await reasonOf(
          prodAdmin.trpc.setup.releaseRights.edit.mutate({
            id: granted.id,
            expiryDate: '2030-01-01',
          }),
        ),
      ).toBe('SELF_GRANT');
      await prodAdmin.trpc.setup.releaseRights.delete.mutate({ id: granted.id });
    });

    it('[URS-REL-005] grants rights to production members only', async () => {
      expect(
        await reasonOf(
          prodAdmin.trpc.setup.releaseRights.create.mutate({
            userId: await idOf('user', 'shop-user'),
            tracerId: await idOf('tracer', 'FDG'),
          }),
        ),
      ).toBe('GRANTEE_NOT_PRODUCTION');
      expect(
        await reasonOf(
          prodUser.trpc.setup.releaseRights.create.mutate({
            userId: await idOf('user', 'prod-user'),
            tracerId: await idOf('tracer', 'FDG'),
          }),
        ),
      ).toBe('FORBIDDEN_ROLE');
    });
  });

  describe('users and access', () => {
    it('[URS-ACC-009] creates an external user, changes their password and customer', async () => {
      const panum = await idOf('customer', 'KU Panum');
      const glostrup = await idOf('customer', 'Glostrup');
      const created = await prodAdmin.trpc.setup.externalUsers.create.mutate({
        username: 'ekstern-forsker',
        password: 'first-password',
        displayName: 'Ekstern Forsker',
        customerId: panum,
      });
      expect(created.user.userGroup).toBe(UserGroup.ShopExternal);
      expect(created.user.source).toBe(UserSource.Local);
      expect(JSON.stringify(created)).not.toContain('passwordHash');
      expect(JSON.stringify(created)).not.toContain('argon2');
      expect(created.assignment?.customerId).toBe(panum);

      const first = api.client();
      await first.trpc.auth.login.mutate({
        username: 'ekstern-forsker',
        password: 'first-password',
      });
      expect((await first.trpc.auth.whoami.query()).user?.customerIds).toEqual([panum]);

      await prodAdmin.trpc.setup.externalUsers.changePassword.mutate({
        userId: created.user.id,
        password: 'second-password',
      });
      expect((await first.trpc.auth.whoami.query()).user).toBeNull();
      const second = api.client();
      await second.trpc.auth.login.mutate({
        username: 'ekstern-forsker',
        password: 'second-password',
      });

      const moved = await prodAdmin.trpc.setup.externalUsers.assignCustomer.mutate({
        userId: created.user.id,
        customerId: glostrup,
      });
      expect(moved?.customerId).toBe(glostrup);
      expect((await second.trpc.auth.whoami.query()).user?.customerIds).toEqual([glostrup]);

      const cleared = await prodAdmin.trpc.setup.externalUsers.assignCustomer.mutate({
        userId: created.user.id,
        customerId: null,
      });
      expect(cleared).toBeNull();
      expect((await second.trpc.auth.whoami.query()).user?.customerIds).toEqual([]);
      expect(await auditActions('User', created.user.id)).toEqual([
        'user.create',
        'user.changePassword',
      ]);

      expect(
        await reasonOf(
          prodAdmin.trpc.setup.externalUsers.changePassword.mutate({
            userId: await idOf('user', 'shop-user'),
            password: 'not-for-you',
          }),
        ),
      ).toBe('NOT_EXTERNAL_USER');
      expect(
        await reasonOf(
          prodAdmin.trpc.setup.externalUsers.create.mutate({
            username: 'EKSTERN-forsker',
            password: 'whatever-1',
          }),
        ),
      ).toBe('ALREADY_EXISTS');
    });

    it("[URS-ACC-009] lets a shop admin grant and revoke access only to their own customers' colleagues", async () => {
      const { User, UserAssignment } = api.db.models;
      const colleague = await User.create({
        username: 'kollega',
        displayName: 'En Kollega',
        userGroup: UserGroup.ShopUser,
        passwordHash: await hashPassword(DEMO_PASSWORD),
        source: UserSource.Local,
      });
      const rhkf = await idOf('customer', 'RH KF');
      const glostrup = await idOf('customer', 'Glostrup');

      const granted = await shopAdmin.trpc.setup.userAssignments.create.mutate({
        username: 'KOLLEGA',
        customerId: rhkf,
      });
      expect(granted).toMatchObject({ userId: colleague.id, customerId: rhkf });
      expect(
        await reasonOf(
          shopAdmin.trpc.setup.userAssignments.create.mutate({
            username: 'kollega',
            customerId: rhkf,
          }),
        ),
      ).toBe('ALREADY_HAS_ACCESS');
      expect(await UserAssignment.count({ where: { userId: colleague.id } })).toBe(1);
      expect(
        await reasonOf(
          shopAdmin.trpc.setup.userAssignments.create.mutate({
            username: 'kollega',
            customerId: glostrup,
          }),
        ),
      ).toBe('NOT_ASSIGNED');
      expect(
        await reasonOf(
          shopAdmin.trpc.setup.userAssignments.create.mutate({
            username: 'external',
            customerId: rhkf,
          }),
        ),
      ).toBe('WRONG_USER_GROUP');
      expect(
        await reasonOf(
          shopAdmin.trpc.setup.userAssignments.create.mutate({
            username: 'prod-user',
            customerId: rhkf,
          }),
        ),
      ).toBe('WRONG_USER_GROUP');
      expect(
        await reasonOf(
          shopAdmin.trpc.setup.userAssignments.create.mutate({
            username: 'nobody-here',
            customerId: rhkf,
          }),
        ),
      ).toBe('NOT_FOUND');
      expect(
        await reasonOf(
          shopUser.trpc.setup.userAssignments.create.mutate({
            username: 'kollega',
            customerId: rhkf,
          }),
        ),
      ).toBe('FORBIDDEN_ROLE');

      const listed = await shopAdmin.trpc.setup.users.list.query();
      expect(listed.users.map((user) => user.username).sort()).toEqual([
        'kollega',
        'shop-admin',
        'shop-user',
      ]);
      expect(listed.users.every((user) => user.customerIds.every((id) => id !== glostrup))).toBe(
        true,
      );
      expect(JSON.stringify(listed)).not.toContain('passwordHash');
      const all = await prodAdmin.trpc.setup.users.list.query();
      expect(all.users.some((user) => user.username === 'external')).toBe(true);

      // The external user's assignment is not the shop admin's to take.
      const panumAssignment = await UserAssignment.findOne({
        where: { userId: await idOf('user', 'external') },
      });
      expect(
        await reasonOf(
          shopAdmin.trpc.setup.userAssignments.delete.mutate({ id: panumAssignment?.id ?? 0 }),
        ),
      ).toBe('NOT_ASSIGNED');

      await shopAdmin.trpc.setup.userAssignments.delete.mutate({ id: granted.id });
      expect(await UserAssignment.count({ where: { userId: colleague.id } })).toBe(0);
      expect(await auditActions('UserAssignment', granted.id)).toEqual([
        'userAssignment.create',
        'userAssignment.delete',
      ]);
    });
  });

  describe('settings, printers, service addresses and notices', () => {
    it('[URS-PRD-016] shows shop users only the public settings', async () => {
      const forShop = await shopUser.trpc.setup.settings.read.query();
      expect(Object.keys(forShop).sort()).toEqual(['adminEmail', 'adminPhone', 'dateRangeDays']);
      const forProduction = await prodUser.trpc.setup.settings.read.query();
      expect(forProduction.activePrinterId).not.toBeNull();
      const edited = await siteAdmin.trpc.setup.settings.edit.mutate({ adminPhone: '35450000' });
      expect(edited.adminPhone).toBe('35450000');
      expect(await reasonOf(prodAdmin.trpc.setup.settings.edit.mutate({ adminPhone: '1' }))).toBe(
        'FORBIDDEN_ROLE',
      );
    });

    it('[URS-INT-006] manages printers and refuses to delete an active one', async () => {
      const printer = await prodAdmin.trpc.setup.printers.create.mutate({
        name: 'Lab-Etiket',
        host: 'lab-labels.example.dk',
        port: 9100,
        labelPrinter: false,
      });
      expect(
        await reasonOf(
          prodAdmin.trpc.setup.printers.choose.mutate({ activeLabelPrinterId: printer.id }),
        ),
      ).toBe('NOT_LABEL_PRINTER');
      await prodAdmin.trpc.setup.printers.edit.mutate({ id: printer.id, labelPrinter: true });
      const settings = await prodAdmin.trpc.setup.printers.choose.mutate({
        activeLabelPrinterId: printer.id,
      });
      expect(settings.activeLabelPrinterId).toBe(printer.id);
      expect(await reasonOf(prodAdmin.trpc.setup.printers.delete.mutate({ id: printer.id }))).toBe(
        'REFERENCED',
      );
      expect(
        await reasonOf(
          prodAdmin.trpc.setup.printers.create.mutate({
            name: 'Lab-Etiket',
            host: 'other.example.dk',
            port: 9100,
          }),
        ),
      ).toBe('ALREADY_EXISTS');
      const previous = (await prodUser.trpc.setup.printers.list.query()).find(
        (candidate) => candidate.name === 'KF-Etiketter',
      );
      await prodAdmin.trpc.setup.printers.choose.mutate({
        activeLabelPrinterId: previous?.id ?? null,
      });
      await prodAdmin.trpc.setup.printers.delete.mutate({ id: printer.id });
      expect((await prodUser.trpc.setup.printers.list.query()).length).toBe(2);
    });

    it('manages service addresses (site admin)', async () => {
      const address = await siteAdmin.trpc.setup.serviceAddresses.create.mutate({
        kind: 'hl7',
        host: '10.0.0.5',
        port: 2576,
      });
      expect(
        await reasonOf(
          siteAdmin.trpc.setup.serviceAddresses.edit.mutate({ id: address.id, kind: 'dicom' }),
        ),
      ).toBe('INVALID_INPUT');
      const edited = await siteAdmin.trpc.setup.serviceAddresses.edit.mutate({
        id: address.id,
        kind: 'dicom',
        aeTitle: 'WORKLIST2',
      });
      expect(edited.aeTitle).toBe('WORKLIST2');
      await siteAdmin.trpc.setup.serviceAddresses.delete.mutate({ id: address.id });
      expect(await reasonOf(prodAdmin.trpc.setup.serviceAddresses.list.query())).toBe(
        'FORBIDDEN_ROLE',
      );
    });

    it("[URS-ORD-020] shows a notice to the named customers' users only", async () => {
      const rhkf = await idOf('customer', 'RH KF');
      const glostrup = await idOf('customer', 'Glostrup');
      const notice = await prodAdmin.trpc.setup.notices.create.mutate({
        message: 'Cyklotronen er til service fredag.',
        customerIds: [rhkf, glostrup],
      });
      const forShop = await shopUser.trpc.setup.notices.list.query();
      const seen = forShop.find((row) => row.id === notice.id);
      expect(seen?.customerIds).toEqual([rhkf]);
      expect(
        (await external.trpc.setup.notices.list.query()).some((row) => row.id === notice.id),
      ).toBe(false);
      await prodAdmin.trpc.setup.notices.edit.mutate({ id: notice.id, expiresOn: '2026-01-01' });
      expect(
        (await shopUser.trpc.setup.notices.list.query()).some((row) => row.id === notice.id),
      ).toBe(false);
      expect(
        await reasonOf(
          prodAdmin.trpc.setup.notices.create.mutate({ message: 'x', customerIds: [999_999] }),
        ),
      ).toBe('NOT_FOUND');
      await prodAdmin.trpc.setup.notices.delete.mutate({ id: notice.id });
    });
  });

  describe('RIS set-up', () => {
    it("[URS-ORD-017] lets a shop admin set up their own endpoints' locations and procedures", async () => {
      const { Location } = api.db.models;
      const pet1 = await idOf('endpoint', 'PET1');
      const pet2 = await idOf('endpoint', 'PET2');
      const glostrupEndpoint = await idOf('endpoint', 'Glostrup');
      const mine = await Location.findOne({ where: { locationCode: 'RGH-KF-PETCT1' } });
      const theirs = await Location.findOne({ where: { locationCode: 'GLO-KF-PETCT' } });
      const renamed = await shopAdmin.trpc.setup.locations.edit.mutate({
        id: mine?.id ?? 0,
        commonName: 'PET/CT 1 (ny)',
        endpointId: pet2,
      });
      expect(renamed).toMatchObject({ commonName: 'PET/CT 1 (ny)', endpointId: pet2 });
      expect(
        await reasonOf(
          shopAdmin.trpc.setup.locations.edit.mutate({ id: theirs?.id ?? 0, commonName: 'x' }),
        ),
      ).toBe('NOT_ASSIGNED');
      expect(
        await reasonOf(
          shopAdmin.trpc.setup.locations.edit.mutate({
            id: mine?.id ?? 0,
            endpointId: glostrupEndpoint,
          }),
        ),
      ).toBe('NOT_ASSIGNED');
      expect(
        await reasonOf(
          shopAdmin.trpc.setup.locations.edit.mutate({ id: mine?.id ?? 0, endpointId: null }),
        ),
      ).toBe('NOT_ASSIGNED');
      // The seed's creation, then the one edit that was allowed: refusals leave no trace.
      expect(await auditActions('Location', mine?.id ?? 0)).toEqual([
        'location.create',
        'location.edit',
      ]);

      const identifier = await siteAdmin.trpc.setup.procedureIdentifiers.create.mutate({
        code: 'WZCXNH3',
        description: 'PET/CT NH3 hjerte',
        isPet: true,
      });
      const notPet = await siteAdmin.trpc.setup.procedureIdentifiers.edit.mutate({
        id: identifier.id,
        isPet: false,
      });
      expect(notPet.isPet).toBe(false);
      expect(
        await reasonOf(
          shopAdmin.trpc.setup.procedures.create.mutate({
            procedureIdentifierId: identifier.id,
            endpointId: pet2,
            tracerId: await idOf('tracer', 'NH3'),
            tracerUnits: 1,
            delayMinutes: 0,
          }),
        ),
      ).toBe('NOT_IN_CATALOG');
      const created = await shopAdmin.trpc.setup.procedures.create.mutate({
        procedureIdentifierId: identifier.id,
        endpointId: pet1,
        tracerId: await idOf('tracer', 'NH3'),
        tracerUnits: 1,
        delayMinutes: 5,
      });
      const edited = await shopAdmin.trpc.setup.procedures.edit.mutate({
        id: created.id,
        delayMinutes: 10,
      });
      expect(edited.delayMinutes).toBe(10);
      expect(
        await reasonOf(
          shopAdmin.trpc.setup.procedures.create.mutate({
            procedureIdentifierId: identifier.id,
            endpointId: glostrupEndpoint,
            tracerId: await idOf('tracer', 'FDG'),
            tracerUnits: 300,
            delayMinutes: 60,
          }),
        ),
      ).toBe('NOT_ASSIGNED');
      expect(
        await reasonOf(
          siteAdmin.trpc.setup.procedureIdentifiers.delete.mutate({ id: identifier.id }),
        ),
      ).toBe('REFERENCED');
      await shopAdmin.trpc.setup.procedures.delete.mutate({ id: created.id });
      await siteAdmin.trpc.setup.procedureIdentifiers.delete.mutate({ id: identifier.id });
      expect(await auditActions('Procedure', created.id)).toEqual([
        'procedure.create',
        'procedure.edit',
        'procedure.delete',
      ]);
      expect(await auditActions('ProcedureIdentifier', identifier.id)).toEqual([
        'procedureIdentifier.create',
        'procedureIdentifier.edit',
        'procedureIdentifier.delete',
      ]);
    });

    it('[URS-ORD-017] lets a shop admin add a room at their own endpoint and remove one without bookings', async () => {
      const { Location } = api.db.models;
      const pet1 = await idOf('endpoint', 'PET1');
      const glostrupEndpoint = await idOf('endpoint', 'Glostrup');
      const room = { locationCode: 'RGH-KF-PETCT3', commonName: 'PET/CT 3', endpointId: pet1 };
      expect(
        await reasonOf(
          shopAdmin.trpc.setup.locations.create.mutate({ ...room, endpointId: glostrupEndpoint }),
        ),
      ).toBe('NOT_ASSIGNED');
      expect(
        await reasonOf(
          shopAdmin.trpc.setup.locations.create.mutate({ locationCode: room.locationCode }),
        ),
      ).toBe('NOT_ASSIGNED');
      expect(await reasonOf(shopUser.trpc.setup.locations.create.mutate(room))).toBe(
        'FORBIDDEN_ROLE',
      );
      expect(
        await reasonOf(
          shopAdmin.trpc.setup.locations.create.mutate({ ...room, locationCode: 'RGH-KF-PETCT1' }),
        ),
      ).toBe('ALREADY_EXISTS');
      expect(await Location.count({ where: { locationCode: room.locationCode } })).toBe(0);

      const created = await shopAdmin.trpc.setup.locations.create.mutate({
        ...room,
        locationCode: ` ${room.locationCode} `,
      });
      expect(created).toMatchObject(room);

      // A room the RIS has sent bookings from stays; another customer's room is not the admin's.
      const booked = await Location.findOne({ where: { locationCode: 'RGH-KF-PETCT1' } });
      expect(
        await reasonOf(shopAdmin.trpc.setup.locations.delete.mutate({ id: booked?.id ?? 0 })),
      ).toBe('REFERENCED');
      const theirs = await Location.findOne({ where: { locationCode: 'GLO-KF-PETCT' } });
      expect(
        await reasonOf(shopAdmin.trpc.setup.locations.delete.mutate({ id: theirs?.id ?? 0 })),
      ).toBe('NOT_ASSIGNED');
      expect(await Location.findByPk(booked?.id ?? 0)).not.toBeNull();
      expect(await Location.findByPk(theirs?.id ?? 0)).not.toBeNull();

      await shopAdmin.trpc.setup.locations.delete.mutate({ id: created.id });
      expect(await Location.findByPk(created.id)).toBeNull();
      expect(await auditActions('Location', created.id)).toEqual([
        'location.create',
        'location.delete',
      ]);
    });
  });

  describe('live events', () => {
    /** Subscribes `client` to change events; resolves once events flow (probe events skipped). */
    async function listen(client: TestClient): Promise<{ received: ChangeEvent[]; stop(): void }> {
      const received: ChangeEvent[] = [];
      let probed = false;
      const subscription = await new Promise<{ unsubscribe(): void }>((resolve, reject) => {
        const handle = client.trpc.events.onChange.subscribe(undefined, {
          onStarted: () => resolve(handle),
          onData: (event) => {
            const change = event.data;
            if (change.entity === 'resync') {
              return;
            }
            if (change.ids?.some((id) => String(id).startsWith('probe-')) === true) {
              probed = true;
            } else {
              received.push(change);
            }
          },
          onError: reject,
        });
      });
      // The stream may start listening a moment after `started`: probe until an event arrives.
      let probes = 0;
      await waitFor(() => {
        probes += 1;
        void api.server.services.events.publish([
          {
            entity: 'ClosedDate',
            op: 'delete',
            ids: [`probe-${probes}`],
            visibility: { kind: 'everyone' },
          },
        ]);
        return probed ? true : undefined;
      });
      return { received, stop: () => subscription.unsubscribe() };
    }

    it("delivers a change of the shop user's endpoint and not another customer's", async () => {
      const { received, stop } = await listen(await api.loginAs('shop-user'));
      const pet1 = await idOf('endpoint', 'PET1');
      const glostrup = await idOf('endpoint', 'Glostrup');
      await prodAdmin.trpc.setup.endpoints.edit.mutate({ id: glostrup, phone: '38631199' });
      await prodAdmin.trpc.setup.endpoints.edit.mutate({ id: pet1, phone: '35451199' });
      const page = await api.db.models.TracerCatalogPage.findOne({
        where: { endpointId: pet1, tracerId: await idOf('tracer', 'FDG') },
      });
      await prodAdmin.trpc.setup.catalogPages.edit.mutate({
        id: page?.id ?? 0,
        overheadMultiplier: 1.3,
      });
      const pageEvent = await waitFor(() =>
        received.find((event) => event.entity === 'TracerCatalogPage'),
      );
      const endpointEvents = received.filter((event) => event.entity === 'DeliveryEndpoint');
      expect(endpointEvents.map((event) => (event.rows?.[0] as { id: number }).id)).toEqual([pet1]);
      expect(pageEvent.rows?.[0]).toMatchObject({ id: page?.id, endpointId: pet1 });
      expect(JSON.stringify(pageEvent)).not.toContain('overheadMultiplier');
      expect(received.filter((event) => event.entity === 'TracerCatalogPage').length).toBe(1);
      stop();
    });

    it('lets a live subscription follow the access a shop admin grants and revokes', async () => {
      const { User } = api.db.models;
      await User.create({
        username: 'ny-kollega',
        displayName: 'Ny Kollega',
        userGroup: UserGroup.ShopUser,
        passwordHash: await hashPassword(DEMO_PASSWORD),
        source: UserSource.Local,
      });
      const { received, stop } = await listen(await api.loginAs('ny-kollega'));
      const pet1 = await idOf('endpoint', 'PET1');
      const granted = await shopAdmin.trpc.setup.userAssignments.create.mutate({
        username: 'ny-kollega',
        customerId: await idOf('customer', 'RH KF'),
      });
      await prodAdmin.trpc.setup.endpoints.edit.mutate({ id: pet1, phone: '35451198' });
      await waitFor(() => received.find((event) => event.entity === 'DeliveryEndpoint'));
      expect(received.map((event) => `${event.entity}.${event.op}`)).toEqual([
        'UserAssignment.upsert',
        'DeliveryEndpoint.upsert',
      ]);

      await shopAdmin.trpc.setup.userAssignments.delete.mutate({ id: granted.id });
      await waitFor(() => received.find((event) => event.op === 'delete'));
      await prodAdmin.trpc.setup.endpoints.edit.mutate({ id: pet1, phone: '35451197' });
      // A later event everyone receives shows that the endpoint change has been passed over.
      await prodAdmin.trpc.setup.closedDates.toggle.mutate({ date: '2026-12-03' });
      await waitFor(() => received.find((event) => event.entity === 'ClosedDate'));
      expect(received.map((event) => `${event.entity}.${event.op}`)).toEqual([
        'UserAssignment.upsert',
        'DeliveryEndpoint.upsert',
        'UserAssignment.delete',
        'ClosedDate.upsert',
      ]);
      stop();
    });
  });
});
