/**
 * Vials: production's reads and hand-made vials, immutable once a release assigned them; the
 * shop's read of what was delivered; isotope vials likewise.
 */
import { OrderStatus, lotDateCode } from '@tracershop/core';
import { verifyAuditChain } from '@tracershop/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { reasonOf } from './reasons';
import type { SlotInfo } from './releaseFixtures';
import { collectEvents, eventually, upsertedRows } from './liveClient';
import { ReleaseFixtures } from './releaseFixtures';
import type { TestApi } from './testApi';
import { DEMO_PASSWORD, TEST_DIALECTS, startTestApi } from './testApi';
import type { TestClient } from './testClient';

describe.each(TEST_DIALECTS)('vials (%s)', (dialect) => {
  let api: TestApi;
  let fixtures: ReleaseFixtures;
  let prodUser: TestClient;
  let shopUser: TestClient;
  let fdgPet1: SlotInfo;

  const models = () => api.db.models;

  beforeAll(async () => {
    api = await startTestApi({ dialect });
    fixtures = new ReleaseFixtures(api);
    prodUser = await api.loginAs('prod-user');
    shopUser = await api.loginAs('shop-user');
    fdgPet1 = await fixtures.slot('PET1', 'FDG');
  });

  afterAll(async () => {
    await api?.close();
  });

  it('[URS-VIA-005] creates a vial by hand, audited, its tracer found from the lot when not given', async () => {
    const date = fixtures.freshDate();
    const shop = collectEvents(shopUser);
    await shop.started;
    const lotNumber = `FDG-${lotDateCode(date)}-3`;
    const vial = await prodUser.trpc.vials.create.mutate({
      customerId: fdgPet1.customerId,
      lotNumber,
      fillDate: date,
      fillTime: '11:33:44',
      activity: 13665,
      volume: 13.44,
    });
    expect(vial).toMatchObject({
      tracerId: fdgPet1.tracerId,
      customerId: fdgPet1.customerId,
      lotNumber,
      fillDate: date,
      fillTime: '11:33:44',
      activity: 13665,
      volume: 13.44,
      assignedToId: null,
    });
    const audit = await models().AuditEvent.findOne({
      where: { action: 'vial.create', entityId: vial.id },
    });
    expect(JSON.parse(audit?.after ?? 'null')).toEqual(vial);
    await eventually(() =>
      upsertedRows<{ id: number }>(shop.events, 'Vial').some((row) => row.id === vial.id),
    );

    // A quality-control vial (no owner) is production's only.
    const control = await prodUser.trpc.vials.create.mutate({
      tracerId: fdgPet1.tracerId,
      customerId: null,
      lotNumber,
      fillDate: date,
      fillTime: '07:05:00',
      activity: 35,
      volume: 0.2,
    });
    expect(control.customerId).toBeNull();
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(
      upsertedRows<{ id: number }>(shop.events, 'Vial').some((row) => row.id === control.id),
    ).toBe(false);
    shop.stop();

    expect(
      await reasonOf(
        prodUser.trpc.vials.create.mutate({
          lotNumber: 'FDG-2611-1',
          fillDate: date,
          fillTime: '07:05:00',
          activity: 35,
          volume: 0.2,
        }),
      ),
    ).toBe('INVALID_INPUT');
    expect(
      await reasonOf(
        prodUser.trpc.vials.create.mutate({
          tracerId: 99_999,
          lotNumber,
          fillDate: date,
          fillTime: '07:05:00',
          activity: 35,
          volume: 0.2,
        }),
      ),
    ).toBe('NOT_FOUND');
  });

  it('[URS-PRD-006][URS-VIA-005] edits unassigned vials (audited); assigned ones only after a correction', async () => {
    const date = fixtures.freshDate();
    const orders = await fixtures.activityOrders(fdgPet1, date, 1);
    const [vial] = await fixtures.vials(fdgPet1, date, 1);
    if (vial === undefined) {
      throw new Error('fixtures missing');
    }
    // A vial is a measured record: its edit says why (and one that changes nothing needs none).
    expect(await reasonOf(prodUser.trpc.vials.edit.mutate({ id: vial.id, activity: 8000 }))).toBe(
      'CHANGE_REASON_NEEDED',
    );
    expect(
      await reasonOf(prodUser.trpc.vials.edit.mutate({ id: vial.id, activity: vial.activity })),
    ).toBe('no error');
    const edited = await prodUser.trpc.vials.edit.mutate({
      id: vial.id,
      activity: 8000,
      volume: 10,
      reason: 'measured again',
    });
    expect(edited).toMatchObject({
      id: vial.id,
      activity: 8000,
      volume: 10,
      lotNumber: vial.lotNumber,
    });
    const audit = await models().AuditEvent.findOne({
      where: { action: 'vial.edit', entityId: vial.id },
    });
    expect(JSON.parse(audit?.before ?? 'null')).toMatchObject({ activity: 9000, volume: 12.5 });
    expect(JSON.parse(audit?.after ?? 'null')).toMatchObject({ activity: 8000, volume: 10 });
    expect(audit?.reason).toBe('measured again');

    const orderIds = orders.map((order) => order.id);
    await prodUser.trpc.release.activity.mutate({
      slotId: fdgPet1.slotId,
      deliveryDate: date,
      orderIds,
      vialIds: [vial.id],
      password: DEMO_PASSWORD,
      // The fixture's vial carries far more than the order needs.
      deviationReason: 'Resten returneres',
    });
    expect(await reasonOf(prodUser.trpc.vials.edit.mutate({ id: vial.id, activity: 1 }))).toBe(
      'VIAL_ASSIGNED',
    );
    expect(await reasonOf(prodUser.trpc.vials.delete.mutate({ id: vial.id }))).toBe(
      'VIAL_ASSIGNED',
    );
    await vial.reload();
    expect(vial.activity).toBe(8000);

    await prodUser.trpc.release.correct.mutate({
      activityOrderIds: orderIds,
      password: DEMO_PASSWORD,
      reason: 'wrong vial',
    });
    expect(
      await reasonOf(
        prodUser.trpc.vials.edit.mutate({ id: vial.id, activity: 7000, reason: 'measured again' }),
      ),
    ).toBe('no error');
    await prodUser.trpc.vials.delete.mutate({ id: vial.id });
    expect(await models().Vial.findByPk(vial.id)).toBeNull();
    expect(
      await models().AuditEvent.count({ where: { action: 'vial.delete', entityId: vial.id } }),
    ).toBe(1);
  });

  it('[URS-VIA-005] gives a vial without owner its customer with a reason (audited), then offers it to that customer', async () => {
    const date = fixtures.freshDate();
    // A dispenser file whose customer number matched no customer: a vial without owner.
    const [vial] = await fixtures.vials(fdgPet1, date, 1, { customerId: null });
    if (vial === undefined) {
      throw new Error('fixtures missing');
    }
    const slot = { slotId: fdgPet1.slotId, date };
    expect((await prodUser.trpc.vials.forSlot.query(slot)).available).toEqual([]);
    expect(
      await reasonOf(
        prodUser.trpc.vials.edit.mutate({ id: vial.id, customerId: fdgPet1.customerId }),
      ),
    ).toBe('CHANGE_REASON_NEEDED');
    expect(
      await reasonOf(
        prodUser.trpc.vials.edit.mutate({
          id: vial.id,
          customerId: fdgPet1.customerId,
          reason: 'no',
        }),
      ),
    ).toBe('INVALID_INPUT');
    await vial.reload();
    expect(vial.customerId).toBeNull();

    const shop = collectEvents(shopUser);
    await shop.started;
    const owned = await prodUser.trpc.vials.edit.mutate({
      id: vial.id,
      customerId: fdgPet1.customerId,
      reason: 'Kundenummer mangler i dispenseren',
    });
    expect(owned).toMatchObject({
      id: vial.id,
      customerId: fdgPet1.customerId,
      assignedToId: null,
    });
    const audit = await models().AuditEvent.findOne({
      where: { action: 'vial.edit', entityId: vial.id },
    });
    expect(JSON.parse(audit?.before ?? 'null')).toMatchObject({ customerId: null });
    expect(JSON.parse(audit?.after ?? 'null')).toMatchObject({ customerId: fdgPet1.customerId });
    expect(audit?.reason).toBe('Kundenummer mangler i dispenseren');
    // The owner's users see it now (before, production only).
    await eventually(() =>
      upsertedRows<{ id: number }>(shop.events, 'Vial').some((row) => row.id === vial.id),
    );
    shop.stop();

    expect((await prodUser.trpc.vials.forSlot.query(slot)).available.map((row) => row.id)).toEqual([
      vial.id,
    ]);
    const listed = await prodUser.trpc.vials.list.query({ date, customerId: fdgPet1.customerId });
    expect(listed.vials.map((row) => row.id)).toEqual([vial.id]);
  });

  it('[URS-VIA-007] lists vials by date, customer, tracer, lot and assignment, page by page', async () => {
    const date = fixtures.freshDate();
    const vials = await fixtures.vials(fdgPet1, date, 3);
    const herlev = await fixtures.customerId('Herlev NM');
    await fixtures.vials(fdgPet1, date, 1, { customerId: herlev });
    const all = await prodUser.trpc.vials.list.query({ date });
    expect(all.total).toBe(4);
    // Newest first: the latest fill time leads.
    expect(all.vials[0]?.fillTime).toBe('07:12:00');

    const own = await prodUser.trpc.vials.list.query({ date, customerId: fdgPet1.customerId });
    expect(own.vials.map((vial) => vial.id).sort()).toEqual(vials.map((vial) => vial.id).sort());
    const page = await prodUser.trpc.vials.list.query({ date, limit: 3 });
    expect(page.vials).toHaveLength(3);
    expect(page.nextOffset).toBe(3);
    const rest = await prodUser.trpc.vials.list.query({ date, limit: 3, offset: 3 });
    expect(rest.vials).toHaveLength(1);
    expect(rest.nextOffset).toBeNull();

    const byLot = await prodUser.trpc.vials.list.query({
      from: date,
      to: date,
      lotNumber: lotDateCode(date),
      tracerId: fdgPet1.tracerId,
    });
    expect(byLot.total).toBe(4);
    expect((await prodUser.trpc.vials.list.query({ date, assigned: true })).total).toBe(0);
    expect(await reasonOf(prodUser.trpc.vials.list.query({ date, from: date }))).toBe(
      'INVALID_INPUT',
    );
    expect(await reasonOf(shopUser.trpc.vials.list.query({ date }))).toBe('FORBIDDEN_ROLE');
  });

  it('offers the vials of a delivery for release and shows those already assigned', async () => {
    const date = fixtures.freshDate();
    const orders = await fixtures.activityOrders(fdgPet1, date, 2);
    const [first, second, third] = await fixtures.vials(fdgPet1, date, 3);
    await fixtures.vials(fdgPet1, date, 1, { customerId: await fixtures.customerId('Herlev NM') });
    await fixtures.vials(fdgPet1, date, 1, { tracerId: (await fixtures.tracer('FET')).id });
    if (!first || !second || !third) {
      throw new Error('fixtures missing');
    }
    const before = await prodUser.trpc.vials.forSlot.query({ slotId: fdgPet1.slotId, date });
    expect(before.available.map((vial) => vial.id)).toEqual([first.id, second.id, third.id]);
    expect(before.assigned).toEqual([]);

    await prodUser.trpc.release.activity.mutate({
      slotId: fdgPet1.slotId,
      deliveryDate: date,
      orderIds: orders.map((order) => order.id),
      vialIds: [first.id, second.id],
      password: DEMO_PASSWORD,
      // The fixture's vials carry far more than the orders need.
      deviationReason: 'Resten returneres',
    });
    const after = await prodUser.trpc.vials.forSlot.query({ slotId: fdgPet1.slotId, date });
    expect(after.available.map((vial) => vial.id)).toEqual([third.id]);
    expect(after.assigned.map((vial) => vial.id)).toEqual([first.id, second.id]);

    // The shop sees what its released orders delivered, and only for its own customers.
    const released = await shopUser.trpc.vials.released.query({
      endpointId: fdgPet1.endpointId,
      date,
    });
    expect(released.vials.map((vial) => [vial.id, vial.lotNumber, vial.activity])).toEqual([
      [first.id, first.lotNumber, first.activity],
      [second.id, second.lotNumber, second.activity],
    ]);
    const panum = await fixtures.endpointId('Panum');
    expect(await reasonOf(shopUser.trpc.vials.released.query({ endpointId: panum, date }))).toBe(
      'NOT_ASSIGNED',
    );
    expect(
      await reasonOf(prodUser.trpc.vials.released.query({ endpointId: fdgPet1.endpointId, date })),
    ).toBe('FORBIDDEN_ROLE');
  });

  it('[URS-VIA-009] registers isotope vials, lists them by day and freezes them once delivered', async () => {
    const date = fixtures.freshDate();
    const { isotopeId } = await fixtures.copperDelivery();
    const batchNumber = `CU64-${lotDateCode(date)}-1`;
    const vial = await prodUser.trpc.vials.isotope.create.mutate({
      isotopeId,
      batchNumber,
      calibratedAt: `${date}T11:00:00Z`,
      activity: 2500,
      volume: 1.5,
    });
    expect(vial).toMatchObject({ isotopeId, batchNumber, deliveredWithId: null });
    expect(
      await reasonOf(
        prodUser.trpc.vials.isotope.create.mutate({
          isotopeId,
          batchNumber: 'not a batch',
          calibratedAt: `${date}T11:00:00Z`,
          activity: 2500,
          volume: 1.5,
        }),
      ),
    ).toBe('INVALID_INPUT');

    expect(
      await reasonOf(prodUser.trpc.vials.isotope.edit.mutate({ id: vial.id, activity: 2400 })),
    ).toBe('CHANGE_REASON_NEEDED');
    const edited = await prodUser.trpc.vials.isotope.edit.mutate({
      id: vial.id,
      activity: 2400,
      reason: 'calibrated again',
    });
    expect(edited.activity).toBe(2400);
    const audit = await models().AuditEvent.findOne({
      where: { action: 'isotopeVial.edit', entityId: vial.id },
    });
    expect(JSON.parse(audit?.before ?? 'null')).toMatchObject({ activity: 2500 });

    const listed = await prodUser.trpc.vials.isotope.list.query({ date, isotopeId });
    expect(listed.isotopeVials.map((row) => row.id)).toEqual([vial.id]);

    const orders = await fixtures.isotopeOrders(date, 1);
    await prodUser.trpc.release.isotope.mutate({
      orderIds: orders.map((order) => order.id),
      isotopeVialIds: [vial.id],
      password: DEMO_PASSWORD,
    });
    expect(
      await reasonOf(prodUser.trpc.vials.isotope.edit.mutate({ id: vial.id, activity: 1 })),
    ).toBe('VIAL_ASSIGNED');
    expect(await reasonOf(prodUser.trpc.vials.isotope.delete.mutate({ id: vial.id }))).toBe(
      'VIAL_ASSIGNED',
    );
    expect(
      (await prodUser.trpc.vials.isotope.list.query({ date, delivered: true })).isotopeVials.map(
        (row) => row.id,
      ),
    ).toEqual([vial.id]);

    // The external user of Panum sees the delivered isotope vial with the released order.
    const external = await api.loginAs('external');
    const released = await external.trpc.vials.released.query({
      endpointId: await fixtures.endpointId('Panum'),
      date,
    });
    expect(released.isotopeVials.map((row) => row.id)).toEqual([vial.id]);
    const [order] = await models().IsotopeOrder.findAll({ where: { id: orders.map((o) => o.id) } });
    expect(order?.status).toBe(OrderStatus.Released);
  });

  it('[URS-VIA-009] deletes an isotope vial not delivered, audited and published to production', async () => {
    const date = fixtures.freshDate();
    const { isotopeId } = await fixtures.copperDelivery();
    const vial = await prodUser.trpc.vials.isotope.create.mutate({
      isotopeId,
      batchNumber: `CU64-${lotDateCode(date)}-2`,
      calibratedAt: `${date}T10:30:00Z`,
      activity: 1800,
      volume: 1,
    });
    const production = collectEvents(prodUser);
    await production.started;
    // The delete takes only the vial's id: no reason is asked for a vial never delivered.
    expect(await prodUser.trpc.vials.isotope.delete.mutate({ id: vial.id })).toEqual({
      id: vial.id,
    });
    expect(await models().IsotopeVial.findByPk(vial.id)).toBeNull();
    const audit = await models().AuditEvent.findOne({
      where: { action: 'isotopeVial.delete', entityId: vial.id },
    });
    expect(JSON.parse(audit?.before ?? 'null')).toMatchObject({ id: vial.id, activity: 1800 });
    await eventually(() =>
      production.events.some(
        (event) =>
          event.entity === 'IsotopeVial' &&
          event.op === 'delete' &&
          'ids' in event &&
          event.ids?.includes(vial.id) === true,
      ),
    );
    production.stop();
    expect(
      (await prodUser.trpc.vials.isotope.list.query({ date, isotopeId })).isotopeVials.map(
        (row) => row.id,
      ),
    ).not.toContain(vial.id);
    expect(await reasonOf(prodUser.trpc.vials.isotope.delete.mutate({ id: vial.id }))).toBe(
      'NOT_FOUND',
    );
  });

  it('keeps the audit chain intact', async () => {
    expect((await verifyAuditChain(api.db.record)).ok).toBe(true);
  });
});
