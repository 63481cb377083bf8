/**
 * The GMP day through the real api, as the people do it: the shop orders, production
 * accepts, moves an order to an earlier slot, dispenses and releases with its signature,
 * the shop sees the release live; wrong and borrowed signatures, an expired release right
 * and a partial correction change nothing; the audit trail verifies at the end.
 */
import { OrderStatus, suggestLotNumber } from '@tracershop/core';
import { hashPassword, verifyAuditChain } from '@tracershop/db';
import { Op } from 'sequelize';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { collectEvents, eventually, upsertedRows } from './liveClient';
import { demoIds } from './orderFixtures';
import { reasonOf } from './reasons';
import type { TestApi } from './testApi';
import { DEMO_PASSWORD, TEST_DIALECTS, startTestApi } from './testApi';

/** A Wednesday two weeks after the seed's Monday, beyond the seeded orders. */
const DAY = '2026-12-09';

describe.each(TEST_DIALECTS)('the GMP day (%s)', (dialect) => {
  let api: TestApi;

  beforeAll(async () => {
    // The story spans sixteen days of the api's clock with the shop's live subscription open
    // throughout; sessions that short would end (and close it) half-way.
    api = await startTestApi({
      dialect,
      config: { sessionIdleMinutes: 60 * 24 * 30, sessionAbsoluteHours: 24 * 30 },
    });
  });

  afterAll(async () => {
    await api?.close();
  });

  it('[URS-PRD-006][URS-AUD-001] goes from shop order to signed release and correction, audited', async () => {
    const ids = await demoIds(api);
    const early = ids.slot('PET1', 'FDG', 2, '08:00:00');
    const late = ids.slot('PET1', 'FDG', 2, '09:30:00');
    const fdg = await api.db.models.Tracer.findByPk(ids.tracer('FDG'));

    // The shop orders on Monday morning and watches its orders live.
    const shop = await api.loginAs('shop-user');
    const watch = collectEvents(shop);
    await watch.started;
    const first = await shop.trpc.orders.activity.create.mutate({
      orderedTimeSlotId: early,
      deliveryDate: DAY,
      orderedActivity: 500,
    });
    const second = await shop.trpc.orders.activity.create.mutate({
      orderedTimeSlotId: late,
      deliveryDate: DAY,
      orderedActivity: 300,
      comment: 'to be moved',
    });
    const orderIds = [first.id, second.id];

    // Production on the day: accept both, move the later one to the 08:00 delivery.
    api.clock.set(`${DAY}T05:30:00Z`);
    const production = await api.loginAs('prod-user');
    await production.trpc.orders.activity.accept.mutate({ orderIds });
    // An accepted order is production's record: moving it needs a reason, kept in the trail.
    expect(
      await reasonOf(
        production.trpc.orders.activity.move.mutate({ orderIds: [second.id], toSlotId: early }),
      ),
    ).toBe('CHANGE_REASON_NEEDED');
    await production.trpc.orders.activity.move.mutate({
      orderIds: [second.id],
      toSlotId: early,
      reason: 'PET2 is down; one delivery',
    });
    const moveEvent = await api.db.models.AuditEvent.findOne({
      where: { action: 'activityOrder.move', entityId: second.id },
    });
    expect(moveEvent?.reason).toBe('PET2 is down; one delivery');
    const day = await production.trpc.orders.productionDay.query({
      date: DAY,
      tracerId: ids.tracer('FDG'),
    });
    const earlyCard = day.slots.find((card) => card.slot.id === early);
    const lateCard = day.slots.find((card) => card.slot.id === late);
    expect(earlyCard?.summary.status).toBe(OrderStatus.Accepted);
    expect(earlyCard?.summary.orderedActivity).toBe(500);
    expect(lateCard?.summary.movedAway).toBe(true);

    // Dispense one vial for the customer.
    const vial = await production.trpc.vials.create.mutate({
      tracerId: ids.tracer('FDG'),
      customerId: ids.customer('RH KF'),
      lotNumber: suggestLotNumber(fdg?.vialTag ?? 'FDGF', DAY) ?? 'FDGF-261125-1',
      fillDate: DAY,
      fillTime: '07:10:00',
      activity: 1600,
      volume: 6.5,
    });
    const release = {
      slotId: early,
      deliveryDate: DAY,
      orderIds,
      vialIds: [vial.id],
    };
    // Dispensed at 07:10; production signs at 07:45, a quarter before the delivery.
    api.clock.set(`${DAY}T06:45:00Z`);
    const statuses = async () =>
      (await api.db.models.ActivityOrder.findAll({ where: { id: orderIds } })).map(
        (order) => order.status,
      );

    // A wrong password changes nothing and is audited.
    expect(
      await reasonOf(production.trpc.release.activity.mutate({ ...release, password: 'wrong' })),
    ).toBe('INVALID_SIGNATURE');
    expect(await statuses()).toEqual([OrderStatus.Accepted, OrderStatus.Accepted]);
    const refused = await api.db.models.AuditEvent.count({
      where: { action: { [Op.like]: '%signatureRefused' } },
    });
    expect(refused).toBe(1);

    // Another user's valid password is not the signer's.
    await api.db.models.User.update(
      { passwordHash: await hashPassword('admins-own-secret') },
      { where: { username: 'prod-admin' } },
    );
    expect(
      await reasonOf(
        production.trpc.release.activity.mutate({ ...release, password: 'admins-own-secret' }),
      ),
    ).toBe('INVALID_SIGNATURE');
    expect(await statuses()).toEqual([OrderStatus.Accepted, OrderStatus.Accepted]);

    // An expired release right refuses the release.
    const me = await production.trpc.auth.whoami.query();
    const right = await api.db.models.ReleaseRight.findOne({
      where: { userId: me.user?.id ?? 0, tracerId: ids.tracer('FDG') },
    });
    expect(right).not.toBeNull();
    const expiry = right?.expiryDate ?? null;
    await right?.update({ expiryDate: DAY });
    expect(
      await reasonOf(
        production.trpc.release.activity.mutate({ ...release, password: DEMO_PASSWORD }),
      ),
    ).toBe('RELEASE_RIGHT_MISSING');
    expect(await statuses()).toEqual([OrderStatus.Accepted, OrderStatus.Accepted]);
    await right?.update({ expiryDate: expiry });

    // The signed release; the shop sees it live with the releaser's name.
    const released = await production.trpc.release.activity.mutate({
      ...release,
      password: DEMO_PASSWORD,
    });
    expect(released.manifest.meaning).toBe('released');
    expect(await statuses()).toEqual([OrderStatus.Released, OrderStatus.Released]);
    await eventually(() =>
      upsertedRows<{ id: number; status: number }>(watch.events, 'ActivityOrder').some(
        (row) => row.id === first.id && row.status === OrderStatus.Released,
      ),
    );
    const seen = upsertedRows<{ id: number; status: number; freedByName: string | null }>(
      watch.events,
      'ActivityOrder',
    ).filter((row) => row.status === OrderStatus.Released);
    expect(seen.every((row) => row.freedByName === 'Demo Production User')).toBe(true);

    // A correction naming a not-released order changes nothing; the full one returns both.
    const other = await shop.trpc.orders.activity.create
      .mutate({ orderedTimeSlotId: late, deliveryDate: '2026-12-16', orderedActivity: 100 })
      .catch(() => null);
    const notReleasedId = other?.id ?? first.id + 1000;
    expect(
      await reasonOf(
        production.trpc.release.correct.mutate({
          activityOrderIds: [first.id, notReleasedId],
          password: DEMO_PASSWORD,
          reason: 'wrong vial',
        }),
      ),
    ).not.toBe('no error');
    expect(await statuses()).toEqual([OrderStatus.Released, OrderStatus.Released]);
    await production.trpc.release.correct.mutate({
      activityOrderIds: orderIds,
      password: DEMO_PASSWORD,
      reason: 'wrong vial',
    });
    expect(await statuses()).toEqual([OrderStatus.Accepted, OrderStatus.Accepted]);
    const vialRow = await api.db.models.Vial.findByPk(vial.id);
    expect(vialRow?.assignedToId).toBeNull();

    // Every step is in the audit trail, and the chain holds.
    const actions = (await api.db.models.AuditEvent.findAll()).map((event) => event.action);
    for (const action of [
      'activityOrder.create',
      'activityOrder.accept',
      'activityOrder.move',
      'vial.create',
      'activityOrder.release',
      'activityOrder.correct',
    ]) {
      expect(actions).toContain(action);
    }
    expect((await verifyAuditChain(api.db.record)).ok).toBe(true);
    watch.stop();
  });
});
