/**
 * The records an inspector reads, on a year of data: pages of the audit trail in words with
 * 100 000 events (newest, deep, by customer, by lot), and the recall trace of one lot. Each
 * figure is measured against its limit in the same run (docs/domain.md, "The audit trail in
 * words" and "Recall of a lot"): a page under 100 ms, a recall trace under a second.
 */
import { appendAuditEvents, withTransaction } from '@tracershop/db';
import type { AuditEventInput } from '@tracershop/db';
import { OrderStatus, addDays, lotDateCode } from '@tracershop/core';
import type { TestApi } from '../test/testApi';
import { quantile, sessionClient } from './benchSite';

export const PAGE_LIMIT_MS = 100;
export const RECALL_LIMIT_MS = 1000;

export interface Timing {
  what: string;
  medianMs: number;
  p95Ms: number;
  limitMs: number;
}

export interface InspectorResult {
  events: number;
  orders: number;
  timings: Timing[];
}

const EVENTS = 100_000;
const DAYS = 365;
/** Orders a slot gets a day; each release carries one vial with the day's lot. */
const ORDERS_PER_SLOT = 2;

interface YearOfRecords {
  lot: string;
  customerId: number;
}

/**
 * A year of released deliveries before today in every activity slot: two orders each, released
 * together with one vial, each order created, accepted and released in the trail, each vial
 * created; the trail is then filled up to 100 000 events with RIS bookings.
 */
async function seedYear(api: TestApi): Promise<YearOfRecords> {
  const { models } = api.db;
  const slots = await models.ActivityDeliveryTimeSlot.findAll();
  const endpoints = new Map(
    (await models.DeliveryEndpoint.findAll()).map((endpoint) => [endpoint.id, endpoint]),
  );
  const productions = new Map(
    (await models.ActivityProduction.findAll()).map((production) => [production.id, production]),
  );
  const tracers = new Map((await models.Tracer.findAll()).map((tracer) => [tracer.id, tracer]));
  const events: AuditEventInput[] = [];
  let middleLot = '';
  let middleCustomer = 0;
  const signedBy = { id: 3, name: 'Demo Production User' };
  for (let day = DAYS; day >= 1; day -= 1) {
    const date = addDays(api.today, -day);
    const at = new Date(`${date}T06:00:00Z`);
    const orderRows = slots.flatMap((slot) =>
      Array.from({ length: ORDERS_PER_SLOT }, (_, copy) => ({
        orderedActivity: 300 + copy * 50,
        deliveryDate: date,
        status: OrderStatus.Released,
        comment: null,
        orderedTimeSlotId: slot.id,
        movedToTimeSlotId: null,
        orderedById: 5,
        orderedByName: 'Demo Shop User',
        freedAt: at,
        freedById: 3,
        freedByName: signedBy.name,
      })),
    );
    const orders = await models.ActivityOrder.bulkCreate(orderRows);
    for (let index = 0; index < slots.length; index += 1) {
      const slot = slots[index];
      const pair = orders.slice(index * ORDERS_PER_SLOT, (index + 1) * ORDERS_PER_SLOT);
      const pivot = pair[0];
      if (slot === undefined || pivot === undefined) {
        continue;
      }
      const tracer = tracers.get(productions.get(slot.productionId)?.tracerId ?? 0);
      const customerId = endpoints.get(slot.endpointId)?.customerId ?? null;
      const lot = `${tracer?.vialTag ?? 'FDG'}-${lotDateCode(date)}-${index + 1}`;
      await models.ActivityOrder.update(
        { releasedWithId: pivot.id },
        { where: { id: pair.map((order) => order.id) } },
      );
      const vial = await models.Vial.create({
        tracerId: tracer?.id ?? 1,
        customerId,
        lotNumber: lot,
        fillDate: date,
        fillTime: '05:30:00',
        activity: 900,
        volume: 5,
        assignedToId: pivot.id,
      });
      if (day === Math.floor(DAYS / 2) && middleLot === '' && customerId !== null) {
        middleLot = lot;
        middleCustomer = customerId;
      }
      const vialValues = vial.get({ plain: true });
      events.push({
        at,
        actorId: null,
        actorName: null,
        action: 'vial.import',
        entity: 'Vial',
        entityId: vial.id,
        after: vialValues,
      });
      for (const order of pair) {
        const values = order.get({ plain: true });
        const ordered = { ...values, status: OrderStatus.Ordered, freedAt: null };
        const accepted = { ...ordered, status: OrderStatus.Accepted };
        events.push(
          {
            at,
            actorId: 5,
            actorName: 'Demo Shop User',
            action: 'activityOrder.create',
            entity: 'ActivityOrder',
            entityId: order.id,
            after: ordered,
          },
          {
            at,
            actorId: 3,
            actorName: signedBy.name,
            action: 'activityOrder.accept',
            entity: 'ActivityOrder',
            entityId: order.id,
            before: ordered,
            after: accepted,
          },
        );
      }
      events.push({
        at,
        actorId: 3,
        actorName: signedBy.name,
        action: 'activityOrder.release',
        entity: 'ActivityOrder',
        entityId: pivot.id,
        before: { orders: pair.map((order) => order.get({ plain: true })), vials: [vialValues] },
        after: {
          deliveryDate: date,
          meaning: 'released',
          orderIds: pair.map((order) => order.id),
          pivotOrderId: pivot.id,
          signedAt: at.toISOString(),
          signedBy,
          slotId: slot.id,
          vials: [{ id: vial.id, lotNumber: lot }],
        },
      });
    }
  }
  // The rest of a year's trail: RIS bookings arriving and being ordered, the bulk of it.
  const existing = await models.AuditEvent.count();
  const bookings = await models.Booking.findAll();
  for (let index = 0; existing + events.length < EVENTS; index += 1) {
    const booking = bookings[index % bookings.length];
    if (booking === undefined) {
      break;
    }
    events.push({
      at: new Date(),
      actorId: index % 2 === 0 ? null : 5,
      actorName: index % 2 === 0 ? null : 'Demo Shop User',
      action: index % 2 === 0 ? 'booking.create' : 'booking.order',
      entity: 'Booking',
      entityId: booking.id,
      ...(index % 2 === 0
        ? { after: { source: 'hl7', status: 0 } }
        : { before: { status: 0 }, after: { status: 1 } }),
    });
  }
  await withTransaction(api.db.record, (transaction) =>
    appendAuditEvents(transaction, events.slice(0, Math.max(0, EVENTS - existing))),
  );
  return { lot: middleLot, customerId: middleCustomer };
}

async function timed(what: string, limitMs: number, loads: number, run: () => Promise<unknown>) {
  await run(); // warm: the first load fills the database's caches
  const timings: number[] = [];
  for (let load = 0; load < loads; load += 1) {
    const started = performance.now();
    await run();
    timings.push(performance.now() - started);
  }
  return { what, limitMs, medianMs: quantile(timings, 0.5), p95Ms: quantile(timings, 0.95) };
}

export async function runInspectorRecords(api: TestApi, loads = 20): Promise<InspectorResult> {
  const { lot, customerId } = await seedYear(api);
  const admin = await sessionClient(api, 'site-admin');
  const production = await sessionClient(api, 'prod-user');
  const events = await api.db.models.AuditEvent.count();
  const page = (input: Record<string, unknown>) => () =>
    admin.trpc.admin.auditTrail.query({ pageSize: 50, language: 'da', ...input });
  const timings = [
    await timed('audit trail, newest page', PAGE_LIMIT_MS, loads, page({ page: 1 })),
    await timed('audit trail, page 1 000', PAGE_LIMIT_MS, loads, page({ page: 1000 })),
    await timed('audit trail, one kind of record', PAGE_LIMIT_MS, loads, page({ entity: 'Vial' })),
    await timed('audit trail, one customer', PAGE_LIMIT_MS, loads, page({ customerId })),
    await timed(`audit trail, one lot (${lot})`, PAGE_LIMIT_MS, loads, page({ lot })),
    await timed(`recall trace of ${lot}`, RECALL_LIMIT_MS, loads, () =>
      production.trpc.recall.trace.query({ lot }),
    ),
  ];
  return { events, orders: await api.db.models.ActivityOrder.count(), timings };
}
