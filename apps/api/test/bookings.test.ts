/**
 * Bookings over the real server: the day's bookings per tracer (masked accession numbers for
 * shop users), the rooms × hours overview, and mass ordering — once per client key, all or
 * nothing, skipping bookings already ordered, held to the deadline of the tracer's type.
 */
import { BookingStatus, OrderStatus, TracerUsage, requiredActivity } from '@tracershop/core';
import type { AuditEvent } from '@tracershop/db';
import { randomUUID } from 'node:crypto';
import { Op } from 'sequelize';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DemoIds } from './orderFixtures';
import { collectEvents, eventually } from './liveClient';
import { demoIds, refusalOf } from './orderFixtures';
import { reasonOf } from './reasons';
import type { TestApi } from './testApi';
import { TEST_DIALECTS, startTestApi } from './testApi';
import type { TestClient } from './testClient';

/** Tuesday of ISO week 48: activity ordering open until today 13:00, injections until 14:00. */
const TUESDAY = '2026-11-24';
/** Monday 13:30 in Copenhagen: Tuesday's activity deadline has passed, the injection one not. */
const BETWEEN_DEADLINES = '2026-11-23T12:30:00Z';
/** Monday 14:30 in Copenhagen: both of Tuesday's deadlines have passed. */
const PAST_DEADLINES = '2026-11-23T13:30:00Z';
/** Wednesday of week 48, also with seeded bookings. */
const WEDNESDAY = '2026-11-25';
const F18_HALFLIFE = 6586.2;

function raw(value: unknown): never {
  return value as never;
}

describe.each(TEST_DIALECTS)('bookings (%s)', (dialect) => {
  let api: TestApi;
  let ids: DemoIds;
  let shop: TestClient;
  let siteAdmin: TestClient;

  beforeAll(async () => {
    api = await startTestApi({ dialect });
    ids = await demoIds(api);
    shop = await api.loginAs('shop-user');
    siteAdmin = await api.loginAs('site-admin');
  });

  afterAll(async () => {
    await api?.close();
  });

  /** A booking of PET1 on `date` by study description and start time. */
  async function bookingAt(date: string, description: string, startTime: string) {
    const booking = await api.db.models.Booking.findOne({
      where: { startDate: date, startTime, procedureIdentifierId: ids.study(description) },
    });
    if (booking === null) {
      throw new Error(`no booking ${description} ${startTime} on ${date}`);
    }
    return booking;
  }

  async function activityOrdersOf(date: string, endpoint: string) {
    const slots = await api.db.models.ActivityDeliveryTimeSlot.findAll({
      where: { endpointId: ids.endpoint(endpoint) },
    });
    return api.db.models.ActivityOrder.findAll({
      where: { deliveryDate: date, orderedTimeSlotId: slots.map((slot) => slot.id) },
    });
  }

  it('[URS-ORD-018] lists per tracer, masked for shop users, unconfigured studies apart', async () => {
    await api.db.models.Booking.create({
      accessionNumber: 'DKRGH261124999',
      locationId: ids.location('RGH-KF-PETCT1'),
      procedureIdentifierId: ids.study('Knoglescintigrafi'),
      startDate: TUESDAY,
      startTime: '12:00:00',
      status: BookingStatus.Initial,
    });
    const start = api.clock.now();
    api.clock.set(BETWEEN_DEADLINES);
    const day = await shop.trpc.bookings.byEndpointDate.query({
      endpointId: ids.endpoint('PET1'),
      date: TUESDAY,
    });
    api.clock.set(start);
    expect(day.tracers.map((group) => group.tracer.shortname)).toEqual([
      'FDG',
      'FET',
      'Ga-PSMA',
      'NaF',
    ]);
    const fdg = day.tracers.find((group) => group.tracer.shortname === 'FDG');
    expect(fdg?.bookings.map((booking) => [booking.startTime, booking.injectionTime])).toEqual([
      ['08:30:00', '09:30:00'],
      ['09:15:00', '10:15:00'],
      ['10:00:00', '10:30:00'],
    ]);
    // Each tracer follows the deadline of its type.
    expect(fdg?.ordering).toMatchObject({ closed: true, mayOrder: false });
    const psma = day.tracers.find((group) => group.tracer.shortname === 'Ga-PSMA');
    expect(psma?.ordering).toMatchObject({ closed: false, mayOrder: true });
    const all = day.tracers.flatMap((group) => group.bookings);
    expect(all.every((booking) => /^DKRGHX{5}\d{4}$/.test(booking.accessionNumber ?? ''))).toBe(
      true,
    );
    expect(day.unconfigured.studies).toEqual(['Knoglescintigrafi']);
    expect(day.unconfigured.bookings[0]?.accessionNumber).toBe('DKRGHXXXXX4999');
    expect(JSON.stringify(day)).not.toContain('261124');

    const unmasked = await siteAdmin.trpc.bookings.byEndpointDate.query({
      endpointId: ids.endpoint('PET1'),
      date: TUESDAY,
    });
    expect(unmasked.unconfigured.bookings[0]?.accessionNumber).toBe('DKRGH261124999');

    expect(
      await reasonOf(
        shop.trpc.bookings.byEndpointDate.query({
          endpointId: ids.endpoint('Glostrup'),
          date: TUESDAY,
        }),
      ),
    ).toBe('NOT_ASSIGNED');
    const external = await api.loginAs('external');
    expect(
      await reasonOf(
        external.trpc.bookings.byEndpointDate.query({
          endpointId: ids.endpoint('Panum'),
          date: TUESDAY,
        }),
      ),
    ).toBe('FORBIDDEN_ROLE');
  });

  it('[URS-ORD-018] lays the day out as rooms × hours', async () => {
    const overview = await shop.trpc.bookings.overview.query({
      endpointId: ids.endpoint('PET1'),
      date: WEDNESDAY,
    });
    expect(overview.rooms.map((room) => room.code)).toEqual(['RGH-KF-PETCT1', 'RGH-KF-PETCT2']);
    expect(overview.hours).toEqual([8, 9, 10, 11]);
    const nineOClock = overview.cells.find(
      (cell) => cell.locationId === ids.location('RGH-KF-PETCT2') && cell.hour === 9,
    );
    expect(nineOClock?.bookings[0]).toMatchObject({
      description: 'PET/CT NaF knogler',
      startTime: '09:00:00',
    });
    expect(nineOClock?.bookings[0]?.accessionNumber).toMatch(/^DKRGHX{5}\d{4}$/);
    expect(
      await reasonOf(
        shop.trpc.bookings.overview.query(raw({ endpointId: ids.endpoint('PET1'), date: 'x' })),
      ),
    ).toBe('INVALID_INPUT');
  });

  it('[URS-ORD-019] shows production what the not yet ordered bookings of a tracer would need, per slot', async () => {
    const production = await api.loginAs('prod-user');
    const input = { endpointId: ids.endpoint('PET1'), tracerId: ids.tracer('FDG'), date: TUESDAY };
    const preview = await production.trpc.bookings.productionPreview.query(input);
    const day = await siteAdmin.trpc.bookings.byEndpointDate.query({
      endpointId: input.endpointId,
      date: TUESDAY,
    });
    const waiting = (
      day.tracers.find((group) => group.tracer.shortname === 'FDG')?.bookings ?? []
    ).filter((booking) => booking.status === BookingStatus.Initial);
    expect(waiting.length).toBeGreaterThan(0);
    expect(preview.bookings).toBe(waiting.length);
    const placed = preview.slots.reduce((sum, slot) => sum + slot.bookings, 0);
    expect(placed + preview.unplaced).toBe(preview.bookings);
    // The two body scans (08:30, 09:15 + 30 min delay) come from the 09:30 slot, as mass ordering does.
    const slot0930 = preview.slots.find(
      (slot) => slot.slotId === ids.slot('PET1', 'FDG', 1, '09:30:00'),
    );
    expect(slot0930?.activity).toBeGreaterThanOrEqual(
      Math.floor(300 + requiredActivity(300, F18_HALFLIFE, 45 * 60)),
    );
    expect(await reasonOf(shop.trpc.bookings.productionPreview.query(input))).toBe(
      'FORBIDDEN_ROLE',
    );
  });

  it('[URS-ORD-011][URS-ORD-013][URS-ORD-014] mass orders once per client key, skips ordered bookings, publishes masked', async () => {
    const first = await bookingAt(TUESDAY, 'PET/CT FDG helkrop', '08:30:00');
    const second = await bookingAt(TUESDAY, 'PET/CT FDG helkrop', '09:15:00');
    const brain = await bookingAt(TUESDAY, 'PET/CT FDG hjerne', '10:00:00');
    const ordersBefore = (await activityOrdersOf(TUESDAY, 'PET1')).length;
    const auditBefore = (await api.db.models.AuditEvent.max<number, AuditEvent>('id')) ?? 0;
    const events = collectEvents(shop);
    await events.started;

    const request = {
      endpointId: ids.endpoint('PET1'),
      date: TUESDAY,
      decisions: { [`#${first.id}`]: true, [`#${second.id}`]: true, [`#${brain.id}`]: false },
      clientKey: randomUUID(),
    };
    const result = await shop.trpc.bookings.massOrder.mutate(request);
    // Both body scans take the 09:30 slot; the 09:15 one needs 45 minutes of decay more.
    expect(result.activityOrders).toHaveLength(1);
    expect(result.activityOrders[0]).toMatchObject({
      orderedTimeSlotId: ids.slot('PET1', 'FDG', 1, '09:30:00'),
      deliveryDate: TUESDAY,
      status: OrderStatus.Ordered,
      orderedByName: 'Demo Shop User',
      orderedActivity: Math.floor(300 + requiredActivity(300, F18_HALFLIFE, 45 * 60)),
    });
    expect(result.bookings.map((booking) => [booking.id, booking.status])).toEqual(
      expect.arrayContaining([
        [first.id, BookingStatus.Ordered],
        [second.id, BookingStatus.Ordered],
        [brain.id, BookingStatus.Rejected],
      ]),
    );
    expect(result.bookings.every((booking) => booking.accessionNumber?.includes('X'))).toBe(true);

    const retry = await shop.trpc.bookings.massOrder.mutate(request);
    expect(retry).toEqual(result);
    expect((await activityOrdersOf(TUESDAY, 'PET1')).length).toBe(ordersBefore + 1);

    // A new request for the same bookings: they are ordered already, nothing more is made.
    const again = await shop.trpc.bookings.massOrder.mutate({
      ...request,
      clientKey: randomUUID(),
    });
    expect(again.activityOrders).toEqual([]);
    expect(again.bookings).toEqual([]);
    expect((await activityOrdersOf(TUESDAY, 'PET1')).length).toBe(ordersBefore + 1);

    for (const booking of [first, second, brain]) {
      await booking.reload();
    }
    expect([first.status, second.status, brain.status]).toEqual([
      BookingStatus.Ordered,
      BookingStatus.Ordered,
      BookingStatus.Rejected,
    ]);
    const audit = await api.db.models.AuditEvent.findAll({
      where: { entity: 'Booking', id: { [Op.gt]: auditBefore } },
    });
    expect(audit.map((row) => row.action).sort()).toEqual([
      'booking.order',
      'booking.order',
      'booking.reject',
    ]);
    expect(audit.some((row) => `${row.before}${row.after}`.includes('DKRGH'))).toBe(false);

    await eventually(() =>
      events.events.some((event) => event.entity === 'Booking' && event.op === 'upsert'),
    );
    const bookingRows = events.events
      .filter((event) => event.entity === 'Booking')
      .flatMap((event) => ('rows' in event ? (event.rows ?? []) : []));
    expect(
      bookingRows.every((row) => /X/.test((row as { accessionNumber: string }).accessionNumber)),
    ).toBe(true);
    events.stop();
  });

  it('[URS-ORD-014] a mass order that cannot be delivered changes nothing', async () => {
    const early = await api.db.models.Booking.create({
      accessionNumber: 'DKRGH261125900',
      locationId: ids.location('RGH-KF-PETCT1'),
      procedureIdentifierId: ids.study('PET/CT FDG hjerne'),
      startDate: WEDNESDAY,
      startTime: '07:00:00',
      status: BookingStatus.Initial,
    });
    const body = await bookingAt(WEDNESDAY, 'PET/CT FDG helkrop', '08:30:00');
    const ordersBefore = (await activityOrdersOf(WEDNESDAY, 'PET1')).length;
    const auditBefore = await api.db.models.AuditEvent.count();
    const clientKey = randomUUID();

    const refused = await refusalOf(
      shop.trpc.bookings.massOrder.mutate({
        endpointId: ids.endpoint('PET1'),
        date: WEDNESDAY,
        decisions: { [`#${body.id}`]: true, [`#${early.id}`]: true },
        clientKey,
      }),
    );
    expect(refused.reason).toBe('MASS_ORDER_NO_SLOT');
    expect(refused.params).toMatchObject({
      injectionTime: '07:30',
      earliestSlotTime: '08:00',
      accessionNumber: 'DKRGHXXXXX5900',
    });
    expect((await activityOrdersOf(WEDNESDAY, 'PET1')).length).toBe(ordersBefore);
    await body.reload();
    await early.reload();
    expect([body.status, early.status]).toEqual([BookingStatus.Initial, BookingStatus.Initial]);
    expect(await api.db.models.AuditEvent.count()).toBe(auditBefore);
    expect(await api.db.models.ClientRequest.findByPk(clientKey)).toBeNull();

    // No NaF is delivered on Tuesdays at all.
    const naf = await bookingAt(TUESDAY, 'PET/CT NaF knogler', '09:00:00');
    const noDelivery = await refusalOf(
      shop.trpc.bookings.massOrder.mutate({
        endpointId: ids.endpoint('PET1'),
        date: TUESDAY,
        decisions: { [`#${naf.id}`]: true },
        clientKey: randomUUID(),
      }),
    );
    expect(noDelivery).toMatchObject({
      reason: 'MASS_ORDER_NO_DELIVERY',
      params: { tracer: 'NaF' },
    });

    // The same key works once the request is right: a failed request stored nothing.
    const fixed = await shop.trpc.bookings.massOrder.mutate({
      endpointId: ids.endpoint('PET1'),
      date: WEDNESDAY,
      decisions: { [`#${body.id}`]: true },
      clientKey,
    });
    expect(fixed.activityOrders).toHaveLength(1);
  });

  it('[URS-DLN-005] holds shop users to the deadline of the tracer type; the site admin is not', async () => {
    const psma = await bookingAt(TUESDAY, 'PET/CT Ga-68 PSMA', '11:00:00');
    const decisions = { [`#${psma.id}`]: true };
    // In the afternoon, after the morning's sessions have timed out.
    const start = api.clock.now();
    api.clock.set(PAST_DEADLINES);
    const lateShop = await api.loginAs('shop-user');
    const lateAdmin = await api.loginAs('site-admin');
    expect(
      await reasonOf(
        lateShop.trpc.bookings.massOrder.mutate({
          endpointId: ids.endpoint('PET1'),
          date: TUESDAY,
          decisions,
          clientKey: randomUUID(),
        }),
      ),
    ).toBe('DEADLINE_PASSED');
    await psma.reload();
    expect(psma.status).toBe(BookingStatus.Initial);
    // Real accession numbers name bookings too (for those who see them).
    const byAdmin = await lateAdmin.trpc.bookings.massOrder.mutate({
      endpointId: ids.endpoint('PET1'),
      date: TUESDAY,
      decisions: { [psma.accessionNumber ?? '']: true, 'NO-SUCH-BOOKING': false },
      clientKey: randomUUID(),
    });
    expect(byAdmin.injectionOrders).toHaveLength(1);
    expect(byAdmin.injectionOrders[0]).toMatchObject({
      tracerId: ids.tracer('Ga-PSMA'),
      deliveryTime: '11:00:00',
      injections: 1,
      tracerUsage: TracerUsage.Human,
      status: OrderStatus.Ordered,
      orderedByName: 'Demo Site Admin',
    });
    expect(byAdmin.unknownKeys).toEqual(['NO-SUCH-BOOKING']);
    api.clock.set(start);
  });

  it('refuses malformed mass orders with INVALID_INPUT', async () => {
    const good = {
      endpointId: ids.endpoint('PET1'),
      date: TUESDAY,
      decisions: { '#1': true },
      clientKey: randomUUID(),
    };
    const cases: unknown[] = [
      { ...good, decisions: {} },
      { ...good, decisions: { '#1': 'yes' } },
      { ...good, decisions: { ['x'.repeat(33)]: true } },
      { ...good, clientKey: undefined },
      { ...good, date: '2026-11-31' },
      { ...good, endpointId: '1' },
      { ...good, status: 1 },
    ];
    const before = await api.db.models.AuditEvent.count();
    for (const input of cases) {
      expect(await reasonOf(shop.trpc.bookings.massOrder.mutate(raw(input)))).toBe('INVALID_INPUT');
    }
    expect(await api.db.models.AuditEvent.count()).toBe(before);
  });
});
