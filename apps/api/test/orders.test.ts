/**
 * Orders over the real server: the shop's writes and their limits (scope, status, deadline,
 * closed day, schedule, catalog), production's actions (accept, reject, un-reject, move,
 * restore, delete), idempotent creation, the reads (window, shop day, production day), live
 * events per customer, and malformed input refused with nothing written.
 */
import { OrderStatus, TracerUsage, requiredActivity } from '@tracershop/core';
import { randomUUID } from 'node:crypto';
import { Op } from 'sequelize';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { DemoIds } from './orderFixtures';
import { collectEvents, eventually } from './liveClient';
import { demoIds, receivedIds, refusalOf } from './orderFixtures';
import { reasonOf } from './reasons';
import type { TestApi } from './testApi';
import { TEST_DIALECTS, startTestApi } from './testApi';
import type { TestClient } from './testClient';

/** The seed's Monday, 06:00 Copenhagen. */
const START = '2026-11-23T05:00:00Z';
const TODAY = '2026-11-23';
/** Tuesday of ISO week 48 (even): ordering closes today 13:00. */
const TUESDAY = '2026-11-24';
/** Tuesday and Wednesday of ISO week 49 (odd), without seeded orders. */
const NEXT_TUESDAY = '2026-12-01';
const NEXT_WEDNESDAY = '2026-12-02';
/** Wednesday of week 48 (even): PET1's odd-week isotope delivery does not run. */
const WEDNESDAY = '2026-11-25';
/** A Tuesday of ISO week 50 with no orders at all: the moves' own day. */
const MOVE_DAY = '2026-12-08';
/** A Tuesday of ISO week 51 with no orders at all: the rejections' own day. */
const REJECT_DAY = '2026-12-15';
/** Juleaftensdag, a Thursday, closed in the seed. */
const CHRISTMAS_EVE = '2026-12-24';
const F18_HALFLIFE = 6586.2;

/** Malformed input as the client would send it (the types are what is being tested). */
function raw(value: unknown): never {
  return value as never;
}

describe.each(TEST_DIALECTS)('orders (%s)', (dialect) => {
  let api: TestApi;
  let ids: DemoIds;
  let shop: TestClient;
  let external: TestClient;
  let prodUser: TestClient;
  let prodAdmin: TestClient;
  let siteAdmin: TestClient;
  let shopUserId: number;

  beforeAll(async () => {
    api = await startTestApi({ dialect });
    ids = await demoIds(api);
    shop = await api.loginAs('shop-user');
    external = await api.loginAs('external');
    prodUser = await api.loginAs('prod-user');
    prodAdmin = await api.loginAs('prod-admin');
    siteAdmin = await api.loginAs('site-admin');
    shopUserId = (await shop.trpc.auth.whoami.query()).user?.id ?? -1;
  });

  afterEach(() => {
    api.clock.set(START);
  });

  afterAll(async () => {
    await api?.close();
  });

  const pet1 = (weekday: number, time: string) => ids.slot('PET1', 'FDG', weekday, time);

  async function auditActions(entity: string, entityId: number): Promise<string[]> {
    const rows = await api.db.models.AuditEvent.findAll({
      where: { entity, entityId },
      order: [['id', 'ASC']],
    });
    return rows.map((row) => row.action);
  }

  async function releasedActivityOrder() {
    const order = await api.db.models.ActivityOrder.findOne({
      where: { status: OrderStatus.Released },
      order: [['id', 'ASC']],
    });
    if (order === null) {
      throw new Error('the seed has no released activity order');
    }
    return order;
  }

  it('[URS-ORD-001] shop creates, edits and deletes an activity order; server stamps, audits', async () => {
    const created = await shop.trpc.orders.activity.create.mutate({
      orderedTimeSlotId: pet1(1, '08:00:00'),
      deliveryDate: NEXT_TUESDAY,
      orderedActivity: 500,
      comment: '  Ring ved levering ',
    });
    expect(created.status).toBe(OrderStatus.Ordered);
    expect(created.orderedById).toBe(shopUserId);
    expect(created.orderedByName).toBe('Demo Shop User');
    expect(created.comment).toBe('Ring ved levering');
    expect(created.freedById ?? null).toBeNull();

    const edited = await shop.trpc.orders.activity.edit.mutate({
      id: created.id,
      orderedActivity: 750,
      comment: '',
    });
    expect(edited.orderedActivity).toBe(750);
    expect(edited.comment).toBeNull();
    expect(edited.status).toBe(OrderStatus.Ordered);

    expect(await shop.trpc.orders.activity.delete.mutate({ id: created.id })).toEqual({
      id: created.id,
    });
    expect(await api.db.models.ActivityOrder.findByPk(created.id)).toBeNull();

    const audit = await api.db.models.AuditEvent.findAll({
      where: { entity: 'ActivityOrder', entityId: created.id },
      order: [['id', 'ASC']],
    });
    expect(audit.map((row) => row.action)).toEqual([
      'activityOrder.create',
      'activityOrder.edit',
      'activityOrder.delete',
    ]);
    expect(audit.every((row) => row.actorName === 'Demo Shop User')).toBe(true);
    expect(JSON.parse(audit[1]?.before ?? '{}')).toMatchObject({ orderedActivity: 500 });
    expect(JSON.parse(audit[1]?.after ?? '{}')).toMatchObject({ orderedActivity: 750 });
    expect(audit[2]?.after).toBeNull();
  });

  it('[URS-ORD-002] injection and isotope orders follow the same life in the shop', async () => {
    const injection = await shop.trpc.orders.injection.create.mutate({
      endpointId: ids.endpoint('PET1'),
      tracerId: ids.tracer('Ga-PSMA'),
      deliveryDate: NEXT_TUESDAY,
      deliveryTime: '10:45:00',
      injections: 2,
      tracerUsage: TracerUsage.Human,
    });
    expect(injection.status).toBe(OrderStatus.Ordered);
    expect(injection.orderedByName).toBe('Demo Shop User');
    const editedInjection = await shop.trpc.orders.injection.edit.mutate({
      id: injection.id,
      injections: 3,
      deliveryTime: '11:15:00',
    });
    expect(editedInjection).toMatchObject({ injections: 3, deliveryTime: '11:15:00' });
    await shop.trpc.orders.injection.delete.mutate({ id: injection.id });
    expect(await auditActions('InjectionOrder', injection.id)).toEqual([
      'injectionOrder.create',
      'injectionOrder.edit',
      'injectionOrder.delete',
    ]);

    const isotope = await shop.trpc.orders.isotope.create.mutate({
      isotopeDeliveryId: ids.isotopeDelivery('PET1'),
      deliveryDate: NEXT_WEDNESDAY,
      orderedActivity: 1500,
    });
    expect(isotope).toMatchObject({ status: OrderStatus.Ordered, comment: '' });
    const editedIsotope = await shop.trpc.orders.isotope.edit.mutate({
      id: isotope.id,
      orderedActivity: 1800,
      comment: 'Til forsøg',
    });
    expect(editedIsotope).toMatchObject({ orderedActivity: 1800, comment: 'Til forsøg' });
    await shop.trpc.orders.isotope.delete.mutate({ id: isotope.id });
    expect(await auditActions('IsotopeOrder', isotope.id)).toEqual([
      'isotopeOrder.create',
      'isotopeOrder.edit',
      'isotopeOrder.delete',
    ]);
  });

  it('[URS-ORD-003][URS-DLN-008] refuses days the slot does not deliver and tracers outside the catalog', async () => {
    // A Tuesday slot on a Wednesday; an even-week slot in an odd week (ISO week parity).
    expect(
      await reasonOf(
        shop.trpc.orders.activity.create.mutate({
          orderedTimeSlotId: pet1(1, '08:00:00'),
          deliveryDate: NEXT_WEDNESDAY,
          orderedActivity: 300,
        }),
      ),
    ).toBe('NOT_DELIVERED');
    expect(
      await reasonOf(
        shop.trpc.orders.activity.create.mutate({
          orderedTimeSlotId: ids.slot('Herlev', 'FDG', 1, '13:00:00'),
          deliveryDate: NEXT_TUESDAY,
          orderedActivity: 300,
        }),
      ),
    ).toBe('NOT_DELIVERED');
    // PET1's Cu-64 delivery runs on Wednesdays of odd weeks only.
    expect(
      await reasonOf(
        shop.trpc.orders.isotope.create.mutate({
          isotopeDeliveryId: ids.isotopeDelivery('PET1'),
          deliveryDate: WEDNESDAY,
          orderedActivity: 1000,
        }),
      ),
    ).toBe('NOT_DELIVERED');
    // Herlev has no Ga-DOTATOC; FDG is no injection tracer.
    for (const tracer of ['Ga-DOTATOC', 'FDG']) {
      expect(
        await reasonOf(
          shop.trpc.orders.injection.create.mutate({
            endpointId: ids.endpoint('Herlev'),
            tracerId: ids.tracer(tracer),
            deliveryDate: NEXT_TUESDAY,
            deliveryTime: '10:00:00',
            injections: 1,
            tracerUsage: TracerUsage.Human,
          }),
        ),
      ).toBe('NOT_IN_CATALOG');
    }
  });

  it('[URS-ORD-004] a client can never set the status or who ordered', async () => {
    const before = await api.db.models.ActivityOrder.count();
    for (const extra of [
      { status: OrderStatus.Released },
      { orderedById: 1 },
      { orderedByName: 'Someone' },
      { freedById: 1 },
    ]) {
      expect(
        await reasonOf(
          shop.trpc.orders.activity.create.mutate(
            raw({
              orderedTimeSlotId: pet1(1, '08:00:00'),
              deliveryDate: NEXT_TUESDAY,
              orderedActivity: 300,
              ...extra,
            }),
          ),
        ),
      ).toBe('INVALID_INPUT');
    }
    const accepted = await prodUser.trpc.orders.activity.createForCustomer.mutate({
      orderedTimeSlotId: pet1(1, '09:30:00'),
      deliveryDate: NEXT_TUESDAY,
      orderedActivity: 300,
    });
    expect(
      await reasonOf(
        prodAdmin.trpc.orders.activity.editDose.mutate(
          raw({ id: accepted.id, status: OrderStatus.Released }),
        ),
      ),
    ).toBe('INVALID_INPUT');
    expect((await api.db.models.ActivityOrder.findByPk(accepted.id))?.status).toBe(
      OrderStatus.Accepted,
    );
    expect(await api.db.models.ActivityOrder.count()).toBe(before + 1);
  });

  it('[URS-ORD-016][URS-DLN-001][URS-DLN-002][URS-DLN-003] past the deadline and on closed days: shop refused, production acts', async () => {
    // Ordering for today closed yesterday at 13:00.
    expect(
      await reasonOf(
        shop.trpc.orders.activity.create.mutate({
          orderedTimeSlotId: pet1(0, '08:00:00'),
          deliveryDate: TODAY,
          orderedActivity: 400,
        }),
      ),
    ).toBe('DEADLINE_PASSED');
    const late = await prodUser.trpc.orders.activity.createForCustomer.mutate({
      orderedTimeSlotId: pet1(0, '08:00:00'),
      deliveryDate: TODAY,
      orderedActivity: 400,
    });
    expect(late).toMatchObject({ status: OrderStatus.Accepted, comment: 'Lavet af produktionen' });
    expect(late.orderedByName).toBe('Demo Production User');

    // The site admin acts like production: past the deadline, but still created Ordered.
    const byAdmin = await siteAdmin.trpc.orders.activity.create.mutate({
      orderedTimeSlotId: pet1(0, '08:00:00'),
      deliveryDate: TODAY,
      orderedActivity: 100,
    });
    expect(byAdmin.status).toBe(OrderStatus.Ordered);

    // Christmas Eve is closed, whatever the time.
    const closed = await refusalOf(
      shop.trpc.orders.activity.create.mutate({
        orderedTimeSlotId: pet1(3, '08:00:00'),
        deliveryDate: CHRISTMAS_EVE,
        orderedActivity: 400,
      }),
    );
    expect(closed).toEqual({ reason: 'CLOSED_DAY', params: { date: '24/12/2026' } });
    expect(
      (
        await prodAdmin.trpc.orders.activity.createForCustomer.mutate({
          orderedTimeSlotId: pet1(3, '08:00:00'),
          deliveryDate: CHRISTMAS_EVE,
          orderedActivity: 400,
        })
      ).status,
    ).toBe(OrderStatus.Accepted);

    // An order placed in time can no longer be changed by the shop once the deadline passes.
    const placed = await shop.trpc.orders.activity.create.mutate({
      orderedTimeSlotId: pet1(1, '08:00:00'),
      deliveryDate: TUESDAY,
      orderedActivity: 600,
    });
    api.clock.set('2026-11-23T12:00:01Z'); // 13:00:01 Copenhagen
    expect(
      await reasonOf(
        shop.trpc.orders.activity.edit.mutate({ id: placed.id, orderedActivity: 700 }),
      ),
    ).toBe('DEADLINE_PASSED');
    expect(await reasonOf(shop.trpc.orders.activity.delete.mutate({ id: placed.id }))).toBe(
      'DEADLINE_PASSED',
    );
    expect(
      await reasonOf(
        shop.trpc.orders.activity.create.mutate({
          orderedTimeSlotId: pet1(1, '08:00:00'),
          deliveryDate: TUESDAY,
          orderedActivity: 600,
        }),
      ),
    ).toBe('DEADLINE_PASSED');
    const accepted = await prodUser.trpc.orders.activity.accept.mutate({ orderIds: [placed.id] });
    expect(accepted.orders[0]?.status).toBe(OrderStatus.Accepted);

    const day = await shop.trpc.orders.shopDay.query({
      endpointId: ids.endpoint('PET1'),
      date: TUESDAY,
    });
    expect(day.ordering.activity).toMatchObject({
      deadline: '2026-11-23 13:00:00',
      closed: true,
      closedDate: false,
      mayOrder: false,
    });
    const christmas = await shop.trpc.orders.shopDay.query({
      endpointId: ids.endpoint('PET1'),
      date: CHRISTMAS_EVE,
    });
    expect(christmas.ordering.injection).toMatchObject({ closedDate: true, closed: true });
  });

  it('[URS-DLN-003] without a configured deadline the shop still cannot order for days gone by', async () => {
    const deadline = await api.db.models.Deadline.findOne({ where: { appliesTo: 'activity' } });
    if (deadline === null) {
      throw new Error('the seed has no activity deadline');
    }
    const saved = deadline.get({ plain: true });
    await deadline.destroy();
    try {
      expect(
        await reasonOf(
          shop.trpc.orders.activity.create.mutate({
            orderedTimeSlotId: pet1(0, '08:00:00'),
            deliveryDate: '2026-11-16',
            orderedActivity: 100,
          }),
        ),
      ).toBe('DEADLINE_PASSED');
      const today = await shop.trpc.orders.activity.create.mutate({
        orderedTimeSlotId: pet1(0, '08:00:00'),
        deliveryDate: TODAY,
        orderedActivity: 100,
      });
      expect(today.status).toBe(OrderStatus.Ordered);
      const day = await shop.trpc.orders.shopDay.query({
        endpointId: ids.endpoint('PET1'),
        date: TODAY,
      });
      expect(day.ordering.activity).toMatchObject({ deadline: null, closed: false });
    } finally {
      await api.db.models.Deadline.create(saved);
    }
  });

  it('[URS-ACC-002] a shop user acts and reads only for their own customers', async () => {
    const panumSlot = ids.slot('Panum', 'FDG', 1, '12:30:00');
    const refused = await refusalOf(
      shop.trpc.orders.activity.create.mutate({
        orderedTimeSlotId: panumSlot,
        deliveryDate: TUESDAY,
        orderedActivity: 300,
      }),
    );
    expect(refused.reason).toBe('NOT_ASSIGNED');
    const panumOrder = await external.trpc.orders.activity.create.mutate({
      orderedTimeSlotId: panumSlot,
      deliveryDate: TUESDAY,
      orderedActivity: 300,
    });
    expect(
      await reasonOf(
        shop.trpc.orders.activity.edit.mutate({ id: panumOrder.id, orderedActivity: 1 }),
      ),
    ).toBe('NOT_ASSIGNED');
    expect(await reasonOf(shop.trpc.orders.activity.delete.mutate({ id: panumOrder.id }))).toBe(
      'NOT_ASSIGNED',
    );
    expect(
      await reasonOf(
        shop.trpc.orders.shopDay.query({ endpointId: ids.endpoint('Panum'), date: TUESDAY }),
      ),
    ).toBe('NOT_ASSIGNED');
    expect(
      await reasonOf(
        shop.trpc.orders.window.query({
          centralDate: TODAY,
          endpointIds: [ids.endpoint('Panum')],
        }),
      ),
    ).toBe('NOT_ASSIGNED');

    const own = [...ids.endpointsOf('RH KF'), ...ids.endpointsOf('Herlev NM')];
    const ownSlots = (
      await api.db.models.ActivityDeliveryTimeSlot.findAll({ where: { endpointId: own } })
    ).map((slot) => slot.id);
    const ownDeliveries = (
      await api.db.models.IsotopeDelivery.findAll({ where: { endpointId: own } })
    ).map((delivery) => delivery.id);
    const window = await shop.trpc.orders.window.query({ centralDate: TODAY });
    expect(window.activityOrders.length).toBeGreaterThan(10);
    expect(window.activityOrders.every((order) => ownSlots.includes(order.orderedTimeSlotId))).toBe(
      true,
    );
    expect(window.activityOrders.some((order) => order.id === panumOrder.id)).toBe(false);
    expect(window.injectionOrders.length).toBeGreaterThan(0);
    expect(window.injectionOrders.every((order) => own.includes(order.endpointId))).toBe(true);
    expect(
      window.isotopeOrders.every((order) => ownDeliveries.includes(order.isotopeDeliveryId)),
    ).toBe(true);

    const panumWindow = await external.trpc.orders.window.query({ centralDate: TODAY });
    expect(panumWindow.activityOrders.map((order) => order.id)).toContain(panumOrder.id);
    expect(panumWindow.isotopeOrders.length).toBeGreaterThan(0);
    const panumSlots = (
      await api.db.models.ActivityDeliveryTimeSlot.findAll({
        where: { endpointId: ids.endpointsOf('KU Panum') },
      })
    ).map((slot) => slot.id);
    expect(
      panumWindow.activityOrders.every((order) => panumSlots.includes(order.orderedTimeSlotId)),
    ).toBe(true);

    const everything = await prodUser.trpc.orders.productionWindow.query({ centralDate: TODAY });
    expect(everything.activityOrders.length).toBeGreaterThan(window.activityOrders.length);
    expect(everything.fromDate).toBe('2026-09-20');
    expect(everything.toDate).toBe('2027-01-26');
  });

  it('[URS-ORD-005] keeps to the status machine', async () => {
    const accepted = await prodAdmin.trpc.orders.activity.createForCustomer.mutate({
      orderedTimeSlotId: pet1(1, '12:00:00'),
      deliveryDate: NEXT_TUESDAY,
      orderedActivity: 800,
    });
    expect(
      await reasonOf(
        shop.trpc.orders.activity.edit.mutate({ id: accepted.id, orderedActivity: 900 }),
      ),
    ).toBe('INVALID_STATUS');
    expect(await reasonOf(shop.trpc.orders.activity.delete.mutate({ id: accepted.id }))).toBe(
      'INVALID_STATUS',
    );

    const released = await releasedActivityOrder();
    expect(
      await reasonOf(prodUser.trpc.orders.activity.unreject.mutate({ orderIds: [released.id] })),
    ).toBe('INVALID_STATUS');
    expect(
      await reasonOf(prodUser.trpc.orders.activity.reject.mutate({ orderIds: [released.id] })),
    ).toBe('ORDER_RELEASED');
    expect(
      await reasonOf(
        prodUser.trpc.orders.activity.editDose.mutate({ id: released.id, orderedActivity: 1 }),
      ),
    ).toBe('ORDER_RELEASED');
    expect(
      await reasonOf(prodAdmin.trpc.orders.activity.productionDelete.mutate({ id: released.id })),
    ).toBe('ORDER_RELEASED');
    expect((await api.db.models.ActivityOrder.findByPk(released.id))?.status).toBe(
      OrderStatus.Released,
    );

    // Ordered → Accepted → Rejected → Accepted, each step audited.
    const ordered = await shop.trpc.orders.activity.create.mutate({
      orderedTimeSlotId: pet1(1, '12:00:00'),
      deliveryDate: NEXT_TUESDAY,
      orderedActivity: 200,
    });
    // All or nothing: one released order among them and no order changes.
    expect(
      await reasonOf(
        prodUser.trpc.orders.activity.reject.mutate({ orderIds: [ordered.id, released.id] }),
      ),
    ).toBe('ORDER_RELEASED');
    expect((await api.db.models.ActivityOrder.findByPk(ordered.id))?.status).toBe(
      OrderStatus.Ordered,
    );
    await prodUser.trpc.orders.activity.accept.mutate({ orderIds: [ordered.id] });
    const rejected = await prodUser.trpc.orders.activity.reject.mutate({
      orderIds: [ordered.id, accepted.id],
    });
    expect(rejected.orders.map((order) => order.status)).toEqual([
      OrderStatus.Rejected,
      OrderStatus.Rejected,
    ]);
    expect(
      await reasonOf(prodUser.trpc.orders.activity.accept.mutate({ orderIds: [ordered.id] })),
    ).toBe('INVALID_STATUS');
    const back = await prodUser.trpc.orders.activity.unreject.mutate({ orderIds: [ordered.id] });
    expect(back.orders[0]?.status).toBe(OrderStatus.Accepted);
    expect(await auditActions('ActivityOrder', ordered.id)).toEqual([
      'activityOrder.create',
      'activityOrder.accept',
      'activityOrder.reject',
      'activityOrder.unreject',
    ]);
    expect(
      await reasonOf(prodUser.trpc.orders.activity.accept.mutate({ orderIds: [999_999] })),
    ).toBe('NOT_FOUND');

    // Accepting a (slot, date) accepts every Ordered order of it.
    const first = await shop.trpc.orders.activity.create.mutate({
      orderedTimeSlotId: pet1(1, '09:30:00'),
      deliveryDate: NEXT_TUESDAY,
      orderedActivity: 100,
    });
    const second = await shop.trpc.orders.activity.create.mutate({
      orderedTimeSlotId: pet1(1, '09:30:00'),
      deliveryDate: NEXT_TUESDAY,
      orderedActivity: 150,
    });
    const slotAccept = await prodUser.trpc.orders.activity.acceptSlot.mutate({
      slotId: pet1(1, '09:30:00'),
      deliveryDate: NEXT_TUESDAY,
    });
    expect(slotAccept.orders.map((order) => order.id)).toEqual(
      expect.arrayContaining([first.id, second.id]),
    );
    expect(slotAccept.orders.every((order) => order.status === OrderStatus.Accepted)).toBe(true);

    // Injection and isotope orders: the same machine.
    const injection = await prodUser.trpc.orders.injection.createForCustomer.mutate({
      endpointId: ids.endpoint('Herlev'),
      tracerId: ids.tracer('Ga-PSMA'),
      deliveryDate: TODAY,
      deliveryTime: '12:00:00',
      injections: 1,
      tracerUsage: TracerUsage.Other,
    });
    expect(injection.status).toBe(OrderStatus.Ordered);
    await prodUser.trpc.orders.injection.accept.mutate({ orderIds: [injection.id] });
    expect(
      await reasonOf(
        prodUser.trpc.orders.injection.productionEdit.mutate({ id: injection.id, injections: 2 }),
      ),
    ).toBe('CHANGE_REASON_NEEDED');
    const editedInjection = await prodUser.trpc.orders.injection.productionEdit.mutate({
      id: injection.id,
      injections: 2,
      reason: 'second patient booked',
    });
    expect(editedInjection).toMatchObject({ injections: 2, status: OrderStatus.Accepted });
    await prodUser.trpc.orders.injection.reject.mutate({ orderIds: [injection.id] });
    await prodUser.trpc.orders.injection.productionDelete.mutate({ id: injection.id });
    expect(await auditActions('InjectionOrder', injection.id)).toEqual([
      'injectionOrder.create',
      'injectionOrder.accept',
      'injectionOrder.edit',
      'injectionOrder.reject',
      'injectionOrder.delete',
    ]);
    const isotope = await prodUser.trpc.orders.isotope.createForCustomer.mutate({
      isotopeDeliveryId: ids.isotopeDelivery('Panum'),
      deliveryDate: NEXT_WEDNESDAY,
      orderedActivity: 2500,
    });
    await prodUser.trpc.orders.isotope.accept.mutate({ orderIds: [isotope.id] });
    const dose = await prodUser.trpc.orders.isotope.editDose.mutate({
      id: isotope.id,
      orderedActivity: 3000,
      reason: 'as agreed by phone',
    });
    expect(dose).toMatchObject({ orderedActivity: 3000, status: OrderStatus.Accepted });
    expect(
      await reasonOf(shop.trpc.orders.isotope.edit.mutate({ id: isotope.id, orderedActivity: 1 })),
    ).toBe('NOT_ASSIGNED');
    expect(
      await reasonOf(
        external.trpc.orders.isotope.edit.mutate({ id: isotope.id, orderedActivity: 1 }),
      ),
    ).toBe('INVALID_STATUS');
  });

  it('[URS-PRD-006][URS-ORD-005] production edits an injection order: ordered freely, accepted with a reason, never once released or rejected', async () => {
    const order = await prodUser.trpc.orders.injection.createForCustomer.mutate({
      endpointId: ids.endpoint('PET1'),
      tracerId: ids.tracer('Ga-PSMA'),
      deliveryDate: NEXT_TUESDAY,
      deliveryTime: '11:00:00',
      injections: 1,
      tracerUsage: TracerUsage.Human,
    });
    // Ordered: the department's request, changed without a reason.
    const ordered = await prodUser.trpc.orders.injection.productionEdit.mutate({
      id: order.id,
      deliveryTime: '11:30:00',
      tracerUsage: TracerUsage.Animal,
      comment: 'Ring først',
    });
    expect(ordered).toMatchObject({
      deliveryTime: '11:30:00',
      tracerUsage: TracerUsage.Animal,
      comment: 'Ring først',
      injections: 1,
      status: OrderStatus.Ordered,
    });
    const [orderedEdit] = await api.db.models.AuditEvent.findAll({
      where: { entity: 'InjectionOrder', entityId: order.id, action: 'injectionOrder.edit' },
    });
    expect(orderedEdit?.reason).toBeNull();

    // Accepted: the reason is needed, and kept with the edit.
    await prodUser.trpc.orders.injection.accept.mutate({ orderIds: [order.id] });
    expect(
      await reasonOf(
        prodUser.trpc.orders.injection.productionEdit.mutate({ id: order.id, comment: null }),
      ),
    ).toBe('CHANGE_REASON_NEEDED');
    const accepted = await prodUser.trpc.orders.injection.productionEdit.mutate({
      id: order.id,
      comment: null,
      reason: 'Kommentaren gælder ikke mere',
    });
    expect(accepted).toMatchObject({ comment: null, status: OrderStatus.Accepted });
    const edits = await api.db.models.AuditEvent.findAll({
      where: { entity: 'InjectionOrder', entityId: order.id, action: 'injectionOrder.edit' },
      order: [['id', 'ASC']],
    });
    expect(edits.map((event) => event.reason)).toEqual([null, 'Kommentaren gælder ikke mere']);

    // Rejected and released orders are not production's to edit, with or without a reason.
    await prodUser.trpc.orders.injection.reject.mutate({ orderIds: [order.id] });
    expect(
      await reasonOf(
        prodUser.trpc.orders.injection.productionEdit.mutate({
          id: order.id,
          injections: 2,
          reason: 'Ekstra patient',
        }),
      ),
    ).toBe('INVALID_STATUS');
    const released = await api.db.models.InjectionOrder.findOne({
      where: { status: OrderStatus.Released },
      order: [['id', 'ASC']],
    });
    if (released === null) {
      throw new Error('the seed has no released injection order');
    }
    expect(
      await reasonOf(
        prodAdmin.trpc.orders.injection.productionEdit.mutate({
          id: released.id,
          injections: released.injections + 1,
          reason: 'Ekstra patient',
        }),
      ),
    ).toBe('ORDER_RELEASED');
    expect((await api.db.models.InjectionOrder.findByPk(released.id))?.injections).toBe(
      released.injections,
    );
  });

  it('[URS-PRD-004] the production day says who rejected an order and when, from the audit trail', async () => {
    const slotId = pet1(1, '12:00:00');
    const first = await prodUser.trpc.orders.activity.createForCustomer.mutate({
      orderedTimeSlotId: slotId,
      deliveryDate: REJECT_DAY,
      orderedActivity: 400,
    });
    const second = await prodUser.trpc.orders.activity.createForCustomer.mutate({
      orderedTimeSlotId: slotId,
      deliveryDate: REJECT_DAY,
      orderedActivity: 600,
    });
    const linesOf = async () => {
      const day = await prodUser.trpc.orders.productionDay.query({
        date: REJECT_DAY,
        tracerId: ids.tracer('FDG'),
      });
      const lines = day.slots.flatMap((card) => card.orders);
      return (id: number) => lines.find((line) => line.order.id === id);
    };

    api.clock.set('2026-11-23T09:41:07Z');
    await prodUser.trpc.orders.activity.reject.mutate({ orderIds: [first.id] });
    let lineOf = await linesOf();
    expect(lineOf(first.id)).toMatchObject({
      rejectedBy: 'Demo Production User',
      rejectedAt: '2026-11-23T09:41:07.000Z',
    });
    expect(lineOf(second.id)).toMatchObject({ rejectedBy: null, rejectedAt: null });

    // Un-rejected it is no longer rejected by anyone; rejected again, the latest rejection counts.
    await prodUser.trpc.orders.activity.unreject.mutate({ orderIds: [first.id] });
    lineOf = await linesOf();
    expect(lineOf(first.id)).toMatchObject({ rejectedBy: null, rejectedAt: null });
    api.clock.set('2026-11-23T10:02:00Z');
    await prodAdmin.trpc.orders.activity.reject.mutate({ orderIds: [first.id, second.id] });
    lineOf = await linesOf();
    for (const id of [first.id, second.id]) {
      expect(lineOf(id)).toMatchObject({
        rejectedBy: 'Demo Production Admin',
        rejectedAt: '2026-11-23T10:02:00.000Z',
      });
    }
  });

  it('[URS-PRD-005][URS-PRD-006] moves only to an earlier slot, shows the ghost, and restores', async () => {
    const from = pet1(1, '09:30:00');
    const earlier = pet1(1, '08:00:00');
    const order = await prodUser.trpc.orders.activity.createForCustomer.mutate({
      orderedTimeSlotId: from,
      deliveryDate: MOVE_DAY,
      orderedActivity: 1000,
    });
    const cases: [number, string][] = [
      [pet1(1, '12:00:00'), 'later-slot'],
      [ids.slot('PET2', 'FDG', 1, '08:15:00'), 'other-endpoint'],
      [pet1(2, '08:00:00'), 'other-weekday'],
      [ids.slot('PET1', 'FET', 1, '09:00:00'), 'other-tracer'],
    ];
    for (const [toSlotId, refusal] of cases) {
      const result = await refusalOf(
        prodUser.trpc.orders.activity.move.mutate({ orderIds: [order.id], toSlotId }),
      );
      expect(result.reason).toBe('MOVE_REFUSED');
      expect(result.params.refusal).toBe(refusal);
    }
    const released = await releasedActivityOrder();
    const releasedMove = await refusalOf(
      prodUser.trpc.orders.activity.move.mutate({ orderIds: [released.id], toSlotId: earlier }),
    );
    expect(releasedMove.params.refusal).toBe('released');
    expect(
      (await refusalOf(prodUser.trpc.orders.activity.restore.mutate({ orderIds: [released.id] })))
        .params.refusal,
    ).toBe('released');

    // The order is accepted (production made it): its move needs a reason.
    expect(
      (
        await refusalOf(
          prodUser.trpc.orders.activity.move.mutate({ orderIds: [order.id], toSlotId: earlier }),
        )
      ).reason,
    ).toBe('CHANGE_REASON_NEEDED');
    const moved = await prodUser.trpc.orders.activity.move.mutate({
      orderIds: [order.id],
      toSlotId: earlier,
      reason: 'the 09:30 run is cancelled',
    });
    expect(moved.orders[0]?.movedToTimeSlotId).toBe(earlier);

    const day = await prodUser.trpc.orders.productionDay.query({
      date: MOVE_DAY,
      tracerId: ids.tracer('FDG'),
    });
    const ghost = day.slots.find((card) => card.slot.id === earlier);
    const origin = day.slots.find((card) => card.slot.id === from);
    const ninetyMinutes = requiredActivity(1000, F18_HALFLIFE, 90 * 60);
    expect(ghost?.summary).toMatchObject({ isGhost: true, movedAway: false, orderedActivity: 0 });
    expect(ghost?.summary.toDeliverActivity).toBeCloseTo(ninetyMinutes * 1.25, 6);
    expect(ghost?.overheadMultiplier).toBe(1.25);
    const line = ghost?.orders.find((candidate) => candidate.order.id === order.id);
    expect(line?.withoutOverhead).toBeCloseTo(ninetyMinutes, 6);
    expect(line?.movedToTime).toBe('08:00:00');
    expect(origin?.summary).toMatchObject({
      isGhost: false,
      movedAway: true,
      orderedActivity: 1000,
    });
    expect(origin?.moveTargetSlotId).toBe(earlier);
    // The run line counts the order once, from the ordered slot's time back to 06:30.
    const run = day.runs.find((candidate) => candidate.productionTime === '06:30:00');
    expect(run?.orderedActivity).toBeCloseTo(requiredActivity(1000, F18_HALFLIFE, 3 * 3600), 6);
    expect(day.productionWeekdays).toEqual([0, 1, 2, 3, 4]);

    // The shop sees the order as moved, and no production figures at all.
    const shopDay = await shop.trpc.orders.shopDay.query({
      endpointId: ids.endpoint('PET1'),
      date: MOVE_DAY,
    });
    const card = shopDay.slots.find((candidate) => candidate.slot.id === from);
    expect(card).toMatchObject({ movedAway: true, movedToTime: '08:00:00', orderedActivity: 1000 });
    expect(card?.orders[0]?.movedToTime).toBe('08:00:00');
    const text = JSON.stringify(shopDay);
    expect(text).not.toMatch(/overhead|toDeliver/i);

    const restored = await prodUser.trpc.orders.activity.restore.mutate({
      orderIds: [order.id],
      reason: 'the 09:30 run is on again',
    });
    expect(restored.orders[0]?.movedToTimeSlotId).toBeNull();
    const after = await prodUser.trpc.orders.productionDay.query({
      date: MOVE_DAY,
      tracerId: ids.tracer('FDG'),
    });
    expect(after.slots.find((candidate) => candidate.slot.id === earlier)?.summary).toMatchObject({
      isGhost: false,
      status: null,
    });
    expect(await auditActions('ActivityOrder', order.id)).toEqual([
      'activityOrder.create',
      'activityOrder.move',
      'activityOrder.restore',
    ]);
  });

  it('[URS-PRD-002] the production day carries core figures, injection and isotope deliveries', async () => {
    const day = await prodAdmin.trpc.orders.productionDay.query({
      date: TODAY,
      tracerId: ids.tracer('FDG'),
    });
    expect(day.runs.map((run) => run.productionTime)).toEqual(['06:30:00', '10:30:00']);
    expect(day.slots.length).toBeGreaterThan(5);
    for (const card of day.slots) {
      const active = card.orders.filter((line) => line.activeSlotId === card.slot.id);
      const expected = active
        .filter((line) => line.order.status !== OrderStatus.Rejected && !line.dead)
        .reduce((sum, line) => sum + line.withOverhead, 0);
      expect(card.summary.toDeliverActivity).toBeCloseTo(expected, 6);
    }
    expect(day.injectionOrders.every((order) => order.deliveryDate === TODAY)).toBe(true);
    const wednesday = await prodAdmin.trpc.orders.productionDay.query({
      date: WEDNESDAY,
      tracerId: ids.tracer('FDG'),
    });
    const copper = wednesday.isotopes.deliveries.find(
      (card) => card.endpoint.id === ids.endpoint('Panum'),
    );
    expect(copper?.isotope.name).toBe('Cu-64');
    expect(copper?.summary.orderedActivity).toBe(2000);
    expect(wednesday.isotopes.runs[0]?.orderedActivity).toBeGreaterThanOrEqual(2000);
    expect(
      await reasonOf(prodAdmin.trpc.orders.productionDay.query({ date: TODAY, tracerId: 999_999 })),
    ).toBe('NOT_FOUND');
  });

  it('[URS-REL-015][URS-PRD-006][URS-AUD-005] only the site admin deletes a released order, with a reason; its vials pass on', async () => {
    const released = await api.db.models.ActivityOrder.findOne({
      where: { status: OrderStatus.Released, deliveryDate: { [Op.lt]: TODAY } },
      order: [['id', 'DESC']],
    });
    if (released === null) {
      throw new Error('no released order');
    }
    const vials = await api.db.models.Vial.findAll({ where: { assignedToId: released.id } });
    expect(vials.length).toBeGreaterThan(0);
    expect(
      await reasonOf(prodAdmin.trpc.orders.activity.productionDelete.mutate({ id: released.id })),
    ).toBe('ORDER_RELEASED');
    // The production admin's reason changes nothing: the role decides first.
    expect(
      await reasonOf(
        prodAdmin.trpc.orders.activity.productionDelete.mutate({
          id: released.id,
          reason: 'Bestilt to gange',
        }),
      ),
    ).toBe('ORDER_RELEASED');
    // The site admin says why, or nothing is written.
    expect(
      await reasonOf(siteAdmin.trpc.orders.activity.productionDelete.mutate({ id: released.id })),
    ).toBe('CHANGE_REASON_NEEDED');
    expect((await api.db.models.ActivityOrder.findByPk(released.id))?.status).toBe(
      OrderStatus.Released,
    );
    expect(
      await api.db.models.AuditEvent.count({
        where: { entity: 'ActivityOrder', entityId: released.id, action: 'activityOrder.delete' },
      }),
    ).toBe(0);
    await siteAdmin.trpc.orders.activity.productionDelete.mutate({
      id: released.id,
      reason: 'Bestilt to gange',
    });
    expect(await api.db.models.ActivityOrder.findByPk(released.id)).toBeNull();
    for (const vial of vials) {
      await vial.reload();
      expect(vial.assignedToId).not.toBe(released.id);
    }
    const audit = await api.db.models.AuditEvent.findAll({
      where: { entity: 'ActivityOrder', entityId: released.id, action: 'activityOrder.delete' },
    });
    expect(audit).toHaveLength(1);
    expect(audit[0]?.actorName).toBe('Demo Site Admin');
    expect(audit[0]?.reason).toBe('Bestilt to gange');
    // The vials' own events of the delete keep the same reason.
    const vialEvents = await api.db.models.AuditEvent.findAll({
      where: {
        entity: 'Vial',
        entityId: vials.map((vial) => vial.id),
        action: ['vial.reassign', 'vial.detach'],
      },
    });
    expect(vialEvents.length).toBeGreaterThanOrEqual(vials.length);
    expect(new Set(vialEvents.map((event) => event.reason))).toEqual(new Set(['Bestilt to gange']));
  });

  it('[URS-PRD-006][URS-AUD-005] production deletes an accepted order of each kind only with a reason, kept in the trail; an ordered one without', async () => {
    const activity = await shop.trpc.orders.activity.create.mutate({
      orderedTimeSlotId: pet1(1, '12:00:00'),
      deliveryDate: NEXT_TUESDAY,
      orderedActivity: 210,
    });
    const injection = await prodUser.trpc.orders.injection.createForCustomer.mutate({
      endpointId: ids.endpoint('PET1'),
      tracerId: ids.tracer('Ga-PSMA'),
      deliveryDate: NEXT_TUESDAY,
      deliveryTime: '10:30:00',
      injections: 1,
      tracerUsage: TracerUsage.Human,
    });
    const isotope = await prodUser.trpc.orders.isotope.createForCustomer.mutate({
      isotopeDeliveryId: ids.isotopeDelivery('Panum'),
      deliveryDate: NEXT_WEDNESDAY,
      orderedActivity: 1500,
    });
    await prodUser.trpc.orders.activity.accept.mutate({ orderIds: [activity.id] });
    await prodUser.trpc.orders.injection.accept.mutate({ orderIds: [injection.id] });
    await prodUser.trpc.orders.isotope.accept.mutate({ orderIds: [isotope.id] });
    const { orders } = prodUser.trpc;
    const deletes = [
      ['ActivityOrder', activity.id, orders.activity.productionDelete],
      ['InjectionOrder', injection.id, orders.injection.productionDelete],
      ['IsotopeOrder', isotope.id, orders.isotope.productionDelete],
    ] as const;
    for (const [entity, id, productionDelete] of deletes) {
      expect(await reasonOf(productionDelete.mutate({ id })), entity).toBe('CHANGE_REASON_NEEDED');
      expect(await reasonOf(productionDelete.mutate({ id, reason: 'x' })), entity).toBe(
        'INVALID_INPUT',
      );
      const model = api.db.models[entity] as unknown as {
        findByPk(id: number): Promise<{ status: OrderStatus } | null>;
      };
      expect((await model.findByPk(id))?.status, entity).toBe(OrderStatus.Accepted);
      await productionDelete.mutate({ id, reason: `Kunden aflyste ${entity}` });
      expect(await model.findByPk(id), entity).toBeNull();
      const [event] = await api.db.models.AuditEvent.findAll({
        where: { entity, entityId: id, action: { [Op.like]: '%.delete' } },
      });
      expect(event?.reason, entity).toBe(`Kunden aflyste ${entity}`);
      expect(event?.actorName, entity).toBe('Demo Production User');
    }

    // An order still Ordered is the department's request: no reason asked.
    const ordered = await shop.trpc.orders.activity.create.mutate({
      orderedTimeSlotId: pet1(1, '12:00:00'),
      deliveryDate: NEXT_TUESDAY,
      orderedActivity: 220,
    });
    await prodUser.trpc.orders.activity.productionDelete.mutate({ id: ordered.id });
    const [event] = await api.db.models.AuditEvent.findAll({
      where: { entity: 'ActivityOrder', entityId: ordered.id, action: 'activityOrder.delete' },
    });
    expect(event?.reason).toBeNull();
  });

  it('[URS-ORD-011] creates once per client key', async () => {
    const clientKey = randomUUID();
    const input = {
      orderedTimeSlotId: pet1(1, '12:00:00'),
      deliveryDate: NEXT_TUESDAY,
      orderedActivity: 321,
      clientKey,
    };
    const count = () =>
      api.db.models.ActivityOrder.count({
        where: { orderedTimeSlotId: input.orderedTimeSlotId, deliveryDate: NEXT_TUESDAY },
      });
    const before = await count();
    const first = await shop.trpc.orders.activity.create.mutate(input);
    const retry = await shop.trpc.orders.activity.create.mutate(input);
    expect(retry).toEqual(first);
    expect(await count()).toBe(before + 1);
    // Another user cannot reuse the key.
    const shopAdmin = await api.loginAs('shop-admin');
    expect(await reasonOf(shopAdmin.trpc.orders.activity.create.mutate(input))).toBe(
      'INVALID_INPUT',
    );
    expect(await count()).toBe(before + 1);

    const injectionKey = randomUUID();
    const injection = {
      endpointId: ids.endpoint('PET1'),
      tracerId: ids.tracer('NH3'),
      deliveryDate: NEXT_TUESDAY,
      deliveryTime: '13:00:00',
      injections: 4,
      tracerUsage: TracerUsage.Animal,
      clientKey: injectionKey,
    };
    const once = await shop.trpc.orders.injection.create.mutate(injection);
    expect((await shop.trpc.orders.injection.create.mutate(injection)).id).toBe(once.id);
  });

  it("[URS-ACC-002] a shop subscription receives its own orders, not another customer's", async () => {
    const shopEvents = collectEvents(shop);
    const externalEvents = collectEvents(external);
    await Promise.all([shopEvents.started, externalEvents.started]);
    const theirs = await external.trpc.orders.activity.create.mutate({
      orderedTimeSlotId: ids.slot('Panum', 'FDG', 1, '12:30:00'),
      deliveryDate: TUESDAY,
      orderedActivity: 111,
    });
    const mine = await shop.trpc.orders.activity.create.mutate({
      orderedTimeSlotId: pet1(1, '08:00:00'),
      deliveryDate: TUESDAY,
      orderedActivity: 222,
    });
    await eventually(() => receivedIds(shopEvents.events, 'ActivityOrder').includes(mine.id));
    await eventually(() => receivedIds(externalEvents.events, 'ActivityOrder').includes(theirs.id));
    // Events arrive in order: the other customer's, published first, was never sent.
    expect(receivedIds(shopEvents.events, 'ActivityOrder')).not.toContain(theirs.id);
    await shop.trpc.orders.activity.delete.mutate({ id: mine.id });
    await eventually(() =>
      shopEvents.events.some(
        (event) => event.op === 'delete' && 'ids' in event && event.ids?.includes(mine.id) === true,
      ),
    );
    expect(receivedIds(externalEvents.events, 'ActivityOrder')).not.toContain(mine.id);
    expect(
      externalEvents.events.some((event) => 'ids' in event && event.ids?.includes(mine.id)),
    ).toBe(false);
    shopEvents.stop();
    externalEvents.stop();
  });

  it('[URS-DAT-001] refuses malformed input with INVALID_INPUT and writes nothing', async () => {
    const counts = async () => ({
      activity: await api.db.models.ActivityOrder.count(),
      injection: await api.db.models.InjectionOrder.count(),
      isotope: await api.db.models.IsotopeOrder.count(),
      audit: await api.db.models.AuditEvent.count(),
    });
    const before = await counts();
    const slot = pet1(1, '08:00:00');
    const good = { orderedTimeSlotId: slot, deliveryDate: NEXT_TUESDAY, orderedActivity: 300 };
    const activityCases: unknown[] = [
      { ...good, orderedActivity: '300' },
      { ...good, orderedActivity: -5 },
      { ...good, orderedActivity: 0 },
      { ...good, orderedActivity: Number.MAX_VALUE },
      { ...good, orderedTimeSlotId: 'one' },
      { ...good, orderedTimeSlotId: 1.5 },
      { ...good, deliveryDate: '2026-02-30' },
      { ...good, deliveryDate: '01/12/2026' },
      { ...good, deliveryDate: '2026-12-01T00:00:00Z' },
      { ...good, comment: 'x'.repeat(1_000_000) },
      { ...good, comment: 'x'.repeat(801) },
      { ...good, clientKey: 'not-a-uuid' },
      { ...good, unknown: true },
      { orderedActivity: 300 },
      [],
      null,
    ];
    for (const input of activityCases) {
      expect(await reasonOf(shop.trpc.orders.activity.create.mutate(raw(input)))).toBe(
        'INVALID_INPUT',
      );
    }
    const injection = {
      endpointId: ids.endpoint('PET1'),
      tracerId: ids.tracer('Ga-PSMA'),
      deliveryDate: NEXT_TUESDAY,
      deliveryTime: '10:00:00',
      injections: 1,
      tracerUsage: TracerUsage.Human,
    };
    const injectionCases: unknown[] = [
      { ...injection, injections: 1.5 },
      { ...injection, injections: 0 },
      { ...injection, deliveryTime: '24:00:00' },
      { ...injection, deliveryTime: '10:00' },
      { ...injection, tracerUsage: 7 },
      { ...injection, status: OrderStatus.Accepted },
    ];
    for (const input of injectionCases) {
      expect(await reasonOf(shop.trpc.orders.injection.create.mutate(raw(input)))).toBe(
        'INVALID_INPUT',
      );
    }
    const isotope = {
      isotopeDeliveryId: ids.isotopeDelivery('PET1'),
      deliveryDate: NEXT_WEDNESDAY,
      orderedActivity: 100,
    };
    for (const input of [
      { ...isotope, orderedActivity: 100.5 },
      { ...isotope, comment: 'x'.repeat(501) },
    ]) {
      expect(await reasonOf(shop.trpc.orders.isotope.create.mutate(raw(input)))).toBe(
        'INVALID_INPUT',
      );
    }
    expect(
      await reasonOf(shop.trpc.orders.activity.edit.mutate(raw({ id: 'x', orderedActivity: 1 }))),
    ).toBe('INVALID_INPUT');
    expect(
      await reasonOf(
        prodUser.trpc.orders.activity.move.mutate(raw({ orderIds: [], toSlotId: slot })),
      ),
    ).toBe('INVALID_INPUT');
    expect(
      await reasonOf(
        prodUser.trpc.orders.activity.accept.mutate(
          raw({ orderIds: Array.from({ length: 501 }, (_, index) => index + 1) }),
        ),
      ),
    ).toBe('INVALID_INPUT');
    expect(await reasonOf(shop.trpc.orders.window.query(raw({ centralDate: '2026-13-01' })))).toBe(
      'INVALID_INPUT',
    );
    expect(
      await reasonOf(prodUser.trpc.orders.productionDay.query(raw({ date: TODAY, tracerId: -1 }))),
    ).toBe('INVALID_INPUT');
    expect(
      await reasonOf(shop.trpc.orders.shopDay.query(raw({ endpointId: 1, date: TODAY, extra: 1 }))),
    ).toBe('INVALID_INPUT');
    expect(await counts()).toEqual(before);
  });
});
