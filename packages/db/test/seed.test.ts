import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  DeadlineType,
  OrderStatus,
  TracerType,
  UserGroup,
  WeeklyRepeat,
  danishPublicHolidays,
} from '@tracershop/core';
import type { Model, ModelStatic } from 'sequelize';
import { verifyAuditChain } from '../src/audit';
import type { Databases } from '../src/connection';
import { verifyPassword } from '../src/passwords';
import { DEMO_PASSWORD, seedDemoSite } from '../src/seed';
import { TEST_DIALECTS, createMigratedTestSite } from '../src/testing';
import type { MigratedTestSite } from '../src/testing';

/** The Wednesday before Easter 2025: the next two days are closed, a good edge. */
const TODAY = '2025-04-16';

async function tableCounts(databases: Databases): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const [name, model] of Object.entries(databases.models) as [string, ModelStatic<Model>][]) {
    counts[name] = await model.count();
  }
  return counts;
}

describe.each(TEST_DIALECTS)('demo seed on %s', (dialect) => {
  let testSite: MigratedTestSite;
  let databases: Databases;

  beforeAll(async () => {
    testSite = await createMigratedTestSite(dialect);
    databases = testSite.databases;
  });

  afterAll(async () => {
    await testSite.destroy();
  });

  it('fills an empty site', async () => {
    const result = await seedDemoSite(databases, { today: TODAY });
    expect(result).toMatchObject({ record: 'seeded', web: 'seeded' });
  });

  it('has the six isotopes with real half-lives and the tracers of both kinds', async () => {
    const { models } = databases;
    const isotopes = await models.Isotope.findAll();
    const halflife = (letter: string, mass: number) =>
      isotopes.find((isotope) => isotope.atomicLetter === letter && isotope.atomicMass === mass)
        ?.halflifeSeconds;
    expect(halflife('F', 18)).toBeCloseTo(109.77 * 60, 0);
    expect(halflife('C', 11)).toBeCloseTo(20.364 * 60, 0);
    expect(halflife('Ga', 68)).toBeCloseTo(67.71 * 60, 0);
    expect(halflife('O', 15)).toBeCloseTo(122.24, 1);
    expect(halflife('N', 13)).toBeCloseTo(9.965 * 60, 0);
    expect(halflife('Cu', 64)).toBeCloseTo(12.701 * 3600, -1);
    const tracers = await models.Tracer.findAll();
    const activity = tracers.filter((tracer) => tracer.tracerType === TracerType.Activity);
    expect(activity.map((tracer) => tracer.shortname)).toContain('FDG');
    expect(activity.length).toBeGreaterThanOrEqual(3);
    expect(tracers.some((tracer) => tracer.tracerType === TracerType.Injection)).toBe(true);
  });

  it('has five customers with endpoints, catalog pages with overhead and a weekday schedule', async () => {
    const { models } = databases;
    const customers = await models.Customer.findAll({
      include: [{ model: models.DeliveryEndpoint, as: 'endpoints' }],
    });
    expect(customers).toHaveLength(5);
    expect(customers.every((customer) => (customer.endpoints ?? []).length > 0)).toBe(true);
    const pages = await models.TracerCatalogPage.findAll();
    expect(pages.some((page) => page.overheadMultiplier > 1)).toBe(true);
    const productions = await models.ActivityProduction.findAll();
    expect([...new Set(productions.map((production) => production.weekday))].sort()).toEqual([
      0, 1, 2, 3, 4,
    ]);
    const repeats = new Set(
      (await models.ActivityDeliveryTimeSlot.findAll()).map((slot) => slot.weeklyRepeat),
    );
    expect([...repeats].sort()).toEqual([
      WeeklyRepeat.EveryWeek,
      WeeklyRepeat.EvenWeeks,
      WeeklyRepeat.OddWeeks,
    ]);
  });

  it('has the global deadlines and the Danish holidays of this year and the next', async () => {
    const { models } = databases;
    const activity = await models.Deadline.findOne({ where: { appliesTo: 'activity' } });
    expect([activity?.deadlineType, activity?.deadlineTime]).toEqual([
      DeadlineType.Daily,
      '13:00:00',
    ]);
    const injection = await models.Deadline.findOne({ where: { appliesTo: 'injection' } });
    expect(injection?.deadlineType).toBe(DeadlineType.Weekly);
    const closed = (await models.ClosedDate.findAll()).map((row) => row.closeDate);
    for (const holiday of [...danishPublicHolidays(2025), ...danishPublicHolidays(2026)]) {
      expect(closed).toContain(holiday.date);
    }
  });

  it('has RIS locations, procedures and bookings from today on', async () => {
    const { models } = databases;
    expect(await models.Location.count()).toBeGreaterThan(1);
    expect(await models.ProcedureIdentifier.count()).toBeGreaterThan(1);
    expect(await models.Procedure.count()).toBeGreaterThan(1);
    const bookings = await models.Booking.findAll();
    const dates = [...new Set(bookings.map((booking) => booking.startDate))].sort();
    expect(dates[0]).toBe(TODAY);
    expect(dates.length).toBeGreaterThan(1);
  });

  it('has orders in every status around today, a moved order and vials', async () => {
    const { models } = databases;
    const orders = await models.ActivityOrder.findAll();
    expect([...new Set(orders.map((order) => order.status))].sort()).toEqual([
      OrderStatus.Ordered,
      OrderStatus.Accepted,
      OrderStatus.Released,
      OrderStatus.Rejected,
    ]);
    expect(orders.some((order) => order.movedToTimeSlotId !== null)).toBe(true);
    expect(orders.some((order) => order.deliveryDate < TODAY)).toBe(true);
    expect(orders.some((order) => order.deliveryDate > TODAY)).toBe(true);
    const released = orders.filter((order) => order.status === OrderStatus.Released);
    expect(released.every((order) => order.freedAt !== null && order.freedByName !== null)).toBe(
      true,
    );
    const injections = await models.InjectionOrder.findAll();
    expect(new Set(injections.map((order) => order.status)).size).toBeGreaterThanOrEqual(3);
    expect(await models.IsotopeOrder.count()).toBeGreaterThan(0);
    const vials = await models.Vial.findAll();
    expect(vials.some((vial) => vial.assignedToId !== null)).toBe(true);
    expect(vials.some((vial) => vial.assignedToId === null)).toBe(true);
    expect(await models.IsotopeVial.count()).toBeGreaterThan(0);
    expect(await models.ReleaseRight.count()).toBeGreaterThan(0);
  });

  it('has one demo user per role with the demo password, assigned to customers', async () => {
    const { models } = databases;
    const users = await models.User.findAll({
      include: [{ model: models.UserAssignment, as: 'assignments' }],
    });
    const byName = new Map(users.map((user) => [user.username, user]));
    expect(
      ['site-admin', 'prod-admin', 'prod-user', 'shop-admin', 'shop-user', 'external'].map(
        (username) => byName.get(username)?.userGroup,
      ),
    ).toEqual([
      UserGroup.Admin,
      UserGroup.ProductionAdmin,
      UserGroup.ProductionUser,
      UserGroup.ShopAdmin,
      UserGroup.ShopUser,
      UserGroup.ShopExternal,
    ]);
    for (const user of users) {
      expect(await verifyPassword(user.passwordHash ?? '', DEMO_PASSWORD)).toBe(true);
    }
    const panum = await models.Customer.findOne({ where: { shortName: 'KU Panum' } });
    expect(byName.get('external')?.assignments?.map((row) => row.customerId)).toEqual([panum?.id]);
    expect(byName.get('shop-user')?.assignments).toHaveLength(2);
    expect(byName.get('shop-admin')?.assignments).toHaveLength(2);
    const rights = await models.ReleaseRight.findAll({
      where: { userId: byName.get('prod-user')?.id ?? 0 },
    });
    expect(rights.length).toBeGreaterThan(0);
    const settings = await models.ServerSettings.findByPk(1);
    expect(settings?.activePrinterId).not.toBeNull();
  });

  it('records the seeding in an intact audit trail', async () => {
    expect(await verifyAuditChain(databases.record)).toMatchObject({ ok: true, checked: 1 });
  });

  it('changes nothing when seeded again', async () => {
    const before = await tableCounts(databases);
    const hashes = (await databases.models.User.findAll({ order: [['id', 'ASC']] })).map(
      (user) => user.passwordHash,
    );
    const result = await seedDemoSite(databases, { today: '2025-06-02' });
    expect(result).toEqual({ record: 'kept', web: 'kept', counts: {} });
    expect(await tableCounts(databases)).toEqual(before);
    expect(
      (await databases.models.User.findAll({ order: [['id', 'ASC']] })).map(
        (user) => user.passwordHash,
      ),
    ).toEqual(hashes);
  });
});

describe('demo seed on a weekend', () => {
  let testSite: MigratedTestSite;

  beforeAll(async () => {
    testSite = await createMigratedTestSite('sqlite');
  });

  afterAll(async () => {
    await testSite.destroy();
  });

  it('still shows every order status and bookings (Saturday 2024-12-07)', async () => {
    await seedDemoSite(testSite.databases, { today: '2024-12-07' });
    const orders = await testSite.databases.models.ActivityOrder.findAll();
    expect(new Set(orders.map((order) => order.status)).size).toBe(4);
    expect(await testSite.databases.models.Booking.count()).toBeGreaterThan(0);
    const closed = (await testSite.databases.models.ClosedDate.findAll()).map(
      (row) => row.closeDate,
    );
    expect(closed).toContain('2025-12-24');
  });
});
