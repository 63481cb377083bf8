import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  DeadlineType,
  OrderStatus,
  TracerType,
  UserGroup,
  WeeklyRepeat,
  danishPublicHolidays,
  instantOfLocalDateTime,
  isOrderingClosed,
  localDateTimeOf,
  localDateTimeOfInstant,
} from '@tracershop/core';
import type { DeadlineRule } from '@tracershop/core';
import type { Model, ModelStatic } from 'sequelize';
import { verifyAuditChain } from '../src/audit';
import type { Databases } from '../src/connection';
import { verifyPassword } from '../src/passwords';
import { DEMO_PASSWORD, SEED_ACTOR, seedDemoSite } from '../src/seed';
import { TEST_DIALECTS, createMigratedTestSite } from '../src/testing';
import type { MigratedTestSite } from '../src/testing';

/** The Wednesday before Easter 2025: the next two days are closed, a good edge. */
const TODAY = '2025-04-16';
const TIME_ZONE = 'Europe/Copenhagen';

/** The record database's tables that hold no GMP record of their own. */
const NOT_SEEDED = new Set([
  'SequelizeMeta',
  'AuditEvent',
  'AuditChainHead',
  'ClientRequest',
  'LegacyId',
  'ServiceRun',
]);

async function tableCounts(databases: Databases): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const [name, model] of Object.entries(databases.models) as [string, ModelStatic<Model>][]) {
    counts[name] = await model.count();
  }
  return counts;
}

const instant = (date: string, time: string) =>
  instantOfLocalDateTime(localDateTimeOf(date, time), TIME_ZONE).epochMilliseconds;

/**
 * Everything the demo says must be true at the seed moment `now`: releases and vials in the
 * past only, vials filled before their release, releases before the delivery, the days to come
 * open, an Accepted order only once its deadline has passed, and a trail that verifies.
 */
async function expectTrueAt(databases: Databases, now: Date): Promise<void> {
  const { models } = databases;
  const nowMs = now.getTime();
  const localNow = localDateTimeOfInstant(nowMs, TIME_ZONE);
  const today = localNow.slice(0, 10);
  const deadlineOf = async (appliesTo: string): Promise<DeadlineRule | null> => {
    const row = await models.Deadline.findOne({ where: { appliesTo } });
    return row === null || row.deadlineTime === null
      ? null
      : { deadlineType: row.deadlineType, deadlineTime: row.deadlineTime, weekday: row.weekday };
  };
  const activityDeadline = await deadlineOf('activity');
  const injectionDeadline = await deadlineOf('injection');
  const closedFor = (deadline: DeadlineRule | null, orderDate: string) =>
    isOrderingClosed({ deadline, orderDate, closedDates: [], now: localNow, timeZone: TIME_ZONE });

  const slots = new Map(
    (await models.ActivityDeliveryTimeSlot.findAll()).map((slot) => [slot.id, slot]),
  );
  const activityOrders = await models.ActivityOrder.findAll();
  const ordersById = new Map(activityOrders.map((order) => [order.id, order]));
  for (const order of activityOrders) {
    const slot = slots.get(order.movedToTimeSlotId ?? order.orderedTimeSlotId);
    const delivery = instant(order.deliveryDate, slot?.deliveryTime ?? '00:00:00');
    if (order.status === OrderStatus.Released) {
      const freedAt = order.freedAt?.getTime() ?? Infinity;
      expect(freedAt, `order ${order.id} released after the seed moment`).toBeLessThanOrEqual(
        nowMs,
      );
      expect(freedAt, `order ${order.id} released after its delivery`).toBeLessThanOrEqual(
        delivery,
      );
      expect(order.freedByName).not.toBeNull();
    } else {
      expect(order.freedAt).toBeNull();
    }
    if (order.deliveryDate < today) {
      expect([OrderStatus.Released, OrderStatus.Rejected]).toContain(order.status);
    }
    if (order.status === OrderStatus.Accepted) {
      expect(
        closedFor(activityDeadline, order.deliveryDate),
        `order ${order.id} accepted early`,
      ).toBe(true);
    }
  }
  // Every released delivery has its vials; every vial was filled before the seed moment and
  // before the release of the order it is assigned to.
  for (const vial of await models.Vial.findAll()) {
    const filled = instant(vial.fillDate, vial.fillTime);
    expect(filled, `vial ${vial.id} filled after the seed moment`).toBeLessThanOrEqual(nowMs);
    if (vial.assignedToId !== null) {
      const order = ordersById.get(vial.assignedToId);
      expect(order?.status).toBe(OrderStatus.Released);
      expect(filled, `vial ${vial.id} filled after its release`).toBeLessThan(
        order?.freedAt?.getTime() ?? -Infinity,
      );
    }
  }
  const released = activityOrders.filter((order) => order.status === OrderStatus.Released);
  const withVials = new Set(
    (await models.Vial.findAll()).map((vial) => vial.assignedToId).filter((id) => id !== null),
  );
  expect(released.every((order) => withVials.has(order.id))).toBe(true);

  for (const order of await models.InjectionOrder.findAll()) {
    if (order.status === OrderStatus.Released) {
      const freedAt = order.freedAt?.getTime() ?? Infinity;
      expect(freedAt).toBeLessThanOrEqual(nowMs);
      expect(freedAt).toBeLessThanOrEqual(instant(order.deliveryDate, order.deliveryTime));
      expect(order.lotNumber).not.toBeNull();
    }
    if (order.deliveryDate < today) {
      expect([OrderStatus.Released, OrderStatus.Rejected]).toContain(order.status);
    }
    if (order.status === OrderStatus.Accepted) {
      expect(closedFor(injectionDeadline, order.deliveryDate)).toBe(true);
    }
  }
  const isotopeOrders = new Map(
    (await models.IsotopeOrder.findAll()).map((order) => [order.id, order]),
  );
  for (const order of isotopeOrders.values()) {
    if (order.status === OrderStatus.Released) {
      expect(order.freedAt?.getTime() ?? Infinity).toBeLessThanOrEqual(nowMs);
    }
    if (order.deliveryDate < today) {
      expect(order.status).toBe(OrderStatus.Released);
    }
  }
  for (const vial of await models.IsotopeVial.findAll()) {
    expect(vial.calibratedAt.getTime()).toBeLessThanOrEqual(nowMs);
    if (vial.deliveredWithId !== null) {
      const order = isotopeOrders.get(vial.deliveredWithId);
      expect(vial.calibratedAt.getTime()).toBeLessThan(order?.freedAt?.getTime() ?? -Infinity);
    }
  }

  // The trail verifies, ends with the seed's summary, and names every seeded record's creation
  // and every release with its signature manifest.
  const report = await verifyAuditChain(databases.record);
  expect(report).toMatchObject({ ok: true, firstBroken: null });
  const events = await models.AuditEvent.findAll({ order: [['id', 'ASC']] });
  expect(events.every((event) => event.actorName === SEED_ACTOR && event.actorId === null)).toBe(
    true,
  );
  expect(events.every((event) => event.at.getTime() === nowMs)).toBe(true);
  expect(events.at(-1)?.action).toBe('site.seedDemo');
  // Accession numbers are personal data and never enter the append-only trail.
  expect(events.some((event) => `${event.before}${event.after}`.includes('DKRGH'))).toBe(false);
  const created = new Set(
    events
      .filter((event) => event.action.endsWith('.create'))
      .map((event) => `${event.entity}#${String(event.entityId)}`),
  );
  const recordModels = Object.entries(databases.record.models).filter(
    ([name]) => !NOT_SEEDED.has(name),
  );
  expect(recordModels.length).toBeGreaterThan(15);
  for (const [name, model] of [
    ...recordModels,
    ['User', models.User],
    ['UserAssignment', models.UserAssignment],
  ] as [string, ModelStatic<Model & { id: number }>][]) {
    const rows = await model.findAll();
    const missing = rows.filter((row) => !created.has(`${name}#${row.id}`));
    expect(
      missing.map((row) => row.id),
      `${name} rows without a create event`,
    ).toEqual([]);
  }
  const releases = events.filter((event) => event.action === 'activityOrder.release');
  expect(releases.map((event) => event.entityId).sort()).toEqual(
    released.map((order) => order.id).sort(),
  );
  for (const event of releases) {
    const manifest = JSON.parse(event.after ?? 'null') as {
      signedAt: string;
      meaning: string;
      orderIds: number[];
      vials: { id: number; lotNumber: string }[];
    };
    const order = ordersById.get(event.entityId ?? 0);
    expect(manifest.meaning).toBe('released');
    expect(manifest.signedAt).toBe(order?.freedAt?.toISOString());
    expect(manifest.orderIds).toEqual([order?.id]);
    expect(manifest.vials).toHaveLength(1);
  }
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

  it('[URS-DAT-005] fills an empty site at 06:00 on the given day', async () => {
    const result = await seedDemoSite(databases, { today: TODAY });
    expect(result).toMatchObject({ record: 'seeded', web: 'seeded', today: TODAY });
    expect(result.now.toISOString()).toBe('2025-04-16T04:00:00.000Z');
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

  it('has daily deadlines and the Danish holidays of this year and the next', async () => {
    const { models } = databases;
    const activity = await models.Deadline.findOne({ where: { appliesTo: 'activity' } });
    expect([activity?.deadlineType, activity?.deadlineTime]).toEqual([
      DeadlineType.Daily,
      '13:00:00',
    ]);
    const injection = await models.Deadline.findOne({ where: { appliesTo: 'injection' } });
    expect([injection?.deadlineType, injection?.deadlineTime]).toEqual([
      DeadlineType.Daily,
      '14:00:00',
    ]);
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
    const injections = await models.InjectionOrder.findAll();
    expect(new Set(injections.map((order) => order.status)).size).toBeGreaterThanOrEqual(3);
    expect(await models.IsotopeOrder.count()).toBeGreaterThan(0);
    const vials = await models.Vial.findAll();
    expect(vials.some((vial) => vial.assignedToId !== null)).toBe(true);
    // The quality-control samples of the past days belong to nobody.
    expect(vials.some((vial) => vial.assignedToId === null && vial.customerId === null)).toBe(true);
    expect(await models.IsotopeVial.count()).toBeGreaterThan(0);
    expect(await models.ReleaseRight.count()).toBeGreaterThan(0);
  });

  it('[URS-DAT-005] releases the past, nothing after 06:00, and starts a trail that verifies', async () => {
    await expectTrueAt(databases, new Date('2025-04-16T04:00:00Z'));
    // At 06:00 nothing of today has been dispensed; the morning run's orders are accepted,
    // the afternoon run's not yet; the coming days are open.
    const { models } = databases;
    const todays = await models.ActivityOrder.findAll({ where: { deliveryDate: TODAY } });
    expect(todays.every((order) => order.status !== OrderStatus.Released)).toBe(true);
    expect(new Set(todays.map((order) => order.status))).toEqual(
      new Set([OrderStatus.Accepted, OrderStatus.Ordered]),
    );
    expect(await models.Vial.count({ where: { fillDate: TODAY } })).toBe(0);
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
    // No password hash in the trail.
    const userEvents = await models.AuditEvent.findAll({ where: { entity: 'User' } });
    expect(userEvents).toHaveLength(users.length);
    expect(userEvents.some((event) => (event.after ?? '').includes('passwordHash'))).toBe(false);
  });

  it('[URS-DAT-005] changes nothing when seeded again', async () => {
    const before = await tableCounts(databases);
    const hashes = (await databases.models.User.findAll({ order: [['id', 'ASC']] })).map(
      (user) => user.passwordHash,
    );
    const result = await seedDemoSite(databases, { today: '2025-06-02' });
    expect(result).toMatchObject({ record: 'kept', web: 'kept', counts: {} });
    expect(await tableCounts(databases)).toEqual(before);
    expect(
      (await databases.models.User.findAll({ order: [['id', 'ASC']] })).map(
        (user) => user.passwordHash,
      ),
    ).toEqual(hashes);
  });
});

describe('[URS-DAT-005] the demo seed tells the truth at any moment', () => {
  let testSite: MigratedTestSite | undefined;

  afterAll(async () => {
    await testSite?.destroy();
  });

  async function seedAt(now: string) {
    await testSite?.destroy();
    testSite = await createMigratedTestSite('sqlite');
    const result = await seedDemoSite(testSite.databases, { now: new Date(now) });
    await expectTrueAt(testSite.databases, result.now);
    return { databases: testSite.databases, today: result.today };
  }

  it('between the morning run’s fill and its release: dispensed, waiting for release', async () => {
    // Monday 07:15 in Copenhagen: FDG1 was filled at 07:10 and is released at 07:25.
    const { databases, today } = await seedAt('2026-11-23T06:15:00Z');
    const { models } = databases;
    const waiting = await models.Vial.findAll({ where: { fillDate: today, assignedToId: null } });
    expect(waiting.filter((vial) => vial.customerId !== null).length).toBeGreaterThan(0);
    expect(waiting.every((vial) => vial.fillTime <= '07:15:00')).toBe(true);
    expect(
      await models.ActivityOrder.count({
        where: { deliveryDate: today, status: OrderStatus.Released },
      }),
    ).toBe(0);
  });

  it('in the afternoon: today released, tomorrow’s deadline passed and accepted', async () => {
    const { databases, today } = await seedAt('2026-11-24T14:30:00Z');
    const { models } = databases;
    const todays = await models.ActivityOrder.findAll({ where: { deliveryDate: today } });
    expect(todays.length).toBeGreaterThan(0);
    expect(todays.every((order) => order.status === OrderStatus.Released)).toBe(true);
    const tomorrows = await models.ActivityOrder.findAll({ where: { deliveryDate: '2026-11-25' } });
    expect(tomorrows.some((order) => order.status === OrderStatus.Accepted)).toBe(true);
  });

  it('on a weekend: the past released, the next working day still open', async () => {
    const { databases } = await seedAt('2024-12-07T09:00:00Z');
    const { models } = databases;
    const orders = await models.ActivityOrder.findAll();
    expect(new Set(orders.map((order) => order.status))).toEqual(
      new Set([OrderStatus.Released, OrderStatus.Ordered, OrderStatus.Rejected]),
    );
    const monday = orders.filter((order) => order.deliveryDate === '2024-12-09');
    expect(monday.length).toBeGreaterThan(0);
    expect(monday.every((order) => order.status !== OrderStatus.Accepted)).toBe(true);
    expect(await models.Booking.count()).toBeGreaterThan(0);
    const closed = (await models.ClosedDate.findAll()).map((row) => row.closeDate);
    expect(closed).toContain('2025-12-24');
  });

  it('on the day daylight saving time starts', async () => {
    await seedAt('2026-03-30T10:00:00Z');
  });

  it('refuses a moment that is not on the given day', async () => {
    const site = await createMigratedTestSite('sqlite');
    try {
      await expect(
        seedDemoSite(site.databases, {
          today: '2026-11-23',
          now: new Date('2026-11-23T23:30:00Z'),
        }),
      ).rejects.toThrow(/falls on 2026-11-24/);
      expect(await site.databases.models.User.count()).toBe(0);
    } finally {
      await site.destroy();
    }
  });
});
