/**
 * Legacy orders (docs/domain.md): `orders` (FDG activity) → ActivityOrder on the
 * customer's delivery slot of that weekday — the `run`-th slot (1-based, by delivery time),
 * else the first; an order with a COID other than −1 was combined into another run: ordered
 * for the day's second slot and moved to its first. `t_orders` → InjectionOrder. Status 1–3
 * keep their numbers, anything else is Rejected (4). Who released (`frigivet_af`) is kept as
 * the released-by name (the legacy Username); the released amount, lot and volume of an
 * activity order have no column of their own and are kept in the import's audit row.
 */
import {
  OrderStatus,
  TracerUsage,
  instantOfLocalDateTime,
  localDateTimeOf,
  weekdayOf,
  enumValues,
  isReleased,
} from '@tracershop/core';
import { PERSON_NAME_LENGTH } from '@tracershop/db';
import type { ActivityOrder, InjectionOrder } from '@tracershop/db';
import { skip } from './importSummary';
import { LegacyIds, importLegacyRow } from './legacyRows';
import type { TableContext } from './legacyRows';
import type { LegacyRow } from './legacySource';
import { dateTimeOf, fitted, integerOf, keyOf, numberOf, textOf, timeOf } from './legacyValues';
import { weekdayOfLegacyDay } from './scheduleImport';

const RELEASED_IS_IMMUTABLE = 'released in the record database, which is not changed';
const COMMENT_LENGTH = 800;

export function orderStatusOf(status: number | null): OrderStatus {
  return enumValues(OrderStatus).find((value) => value === status) ?? OrderStatus.Rejected;
}

/** `anvendelse`: "Human", "Dyr" (animal), anything else is other use. */
export function tracerUsageOf(usage: string | null): TracerUsage {
  const text = usage?.trim().toLowerCase();
  if (text === 'human') {
    return TracerUsage.Human;
  }
  return text === 'dyr' || text === 'animal' ? TracerUsage.Animal : TracerUsage.Other;
}

/** When a legacy order was released, as an instant, and by whom (legacy Username). */
function releaseOf(
  context: TableContext,
  row: LegacyRow,
  status: OrderStatus,
  usernames: ReadonlyMap<string, string>,
): { freedAt: Date | null; freedByName: string | null } {
  if (!isReleased(status)) {
    return { freedAt: null, freedByName: null };
  }
  const freed = dateTimeOf(row, 'frigivet_datetime');
  const instant =
    freed === null
      ? null
      : instantOfLocalDateTime(localDateTimeOf(freed.date, freed.time), context.timeZone);
  const releaser = usernames.get(keyOf(row, 'frigivet_af') ?? '');
  return {
    freedAt: instant === null ? null : new Date(instant.epochMilliseconds),
    freedByName: fitted(releaser ?? null, PERSON_NAME_LENGTH),
  };
}

function presentFacts(row: LegacyRow, columns: string[]): Record<string, unknown> {
  const facts: Record<string, unknown> = {};
  for (const column of columns) {
    const value = row.get(column.toLowerCase());
    if (value !== null && value !== undefined && value !== '') {
      facts[column] = value;
    }
  }
  return facts;
}

/** Slots of each legacy customer (BID) per weekday, in delivery-time order. */
async function slotsByCustomerDay(
  context: TableContext,
  deliverTimes: LegacyRow[],
): Promise<Map<string, number[]>> {
  const slotIds = await LegacyIds.load(context, 'deliverTimes');
  const entries = deliverTimes
    .map((row) => ({
      key: `${keyOf(row, 'BID') ?? ''}/${weekdayOfLegacyDay(integerOf(row, 'day')) ?? ''}`,
      time: timeOf(row, 'dtime') ?? '',
      order: integerOf(row, 'DTID') ?? 0,
      slotId: slotIds.get(keyOf(row, 'DTID') ?? ''),
    }))
    .sort((a, b) => (a.time === b.time ? a.order - b.order : a.time < b.time ? -1 : 1));
  const slots = new Map<string, number[]>();
  for (const entry of entries) {
    if (entry.slotId === undefined) {
      continue;
    }
    const list = slots.get(entry.key) ?? [];
    if (!list.includes(entry.slotId)) {
      list.push(entry.slotId);
    }
    slots.set(entry.key, list);
  }
  return slots;
}

export async function importActivityOrders(
  context: TableContext,
  rows: LegacyRow[],
  deliverTimes: LegacyRow[],
  usernames: ReadonlyMap<string, string>,
): Promise<void> {
  const { ActivityOrder } = context.db.models;
  const ids = await LegacyIds.load(context, 'orders');
  const slots = await slotsByCustomerDay(context, deliverTimes);
  for (const row of rows) {
    context.tick();
    const legacyId = keyOf(row, 'OID') ?? '?';
    const delivery = dateTimeOf(row, 'deliver_datetime');
    if (delivery === null) {
      skip(context.summary, legacyId, 'no deliver_datetime');
      continue;
    }
    const daySlots = slots.get(`${keyOf(row, 'BID') ?? ''}/${weekdayOf(delivery.date)}`) ?? [];
    const [firstSlot, secondSlot] = daySlots;
    if (firstSlot === undefined) {
      skip(context.summary, legacyId, 'the customer has no delivery time on that weekday');
      continue;
    }
    const amount = numberOf(row, 'amount');
    if (amount === null || amount < 0) {
      skip(context.summary, legacyId, 'no amount');
      continue;
    }
    const run = integerOf(row, 'run');
    let orderedTimeSlotId = (run !== null && run >= 1 ? daySlots[run - 1] : undefined) ?? firstSlot;
    let movedToTimeSlotId: number | null = null;
    const combinedInto = integerOf(row, 'COID');
    if (combinedInto !== null && combinedInto !== -1 && secondSlot !== undefined) {
      orderedTimeSlotId = secondSlot;
      movedToTimeSlotId = firstSlot;
    }
    const status = orderStatusOf(integerOf(row, 'status'));
    await importLegacyRow<ActivityOrder>(context, {
      model: ActivityOrder,
      entity: 'ActivityOrder',
      ids,
      legacyId,
      values: {
        orderedActivity: amount,
        deliveryDate: delivery.date,
        status,
        comment: fitted(textOf(row, 'comment'), COMMENT_LENGTH),
        orderedTimeSlotId,
        movedToTimeSlotId,
        orderedByName: fitted(textOf(row, 'userName'), PERSON_NAME_LENGTH),
        ...releaseOf(context, row, status, usernames),
      },
      initial: { orderedById: null, freedById: null },
      frozenReason: (order) => (isReleased(order.status) ? RELEASED_IS_IMMUTABLE : null),
      legacyFacts: presentFacts(row, [
        'frigivet_amount',
        'frigivet_af',
        'batchnr',
        'volume',
        'COID',
        'total_amount',
      ]),
    });
  }
}

export async function importInjectionOrders(
  context: TableContext,
  rows: LegacyRow[],
  usernames: ReadonlyMap<string, string>,
): Promise<void> {
  const { InjectionOrder } = context.db.models;
  const ids = await LegacyIds.load(context, 't_orders');
  const endpoints = await LegacyIds.load(context, 'Users/endpoint');
  const tracers = await LegacyIds.load(context, 'Tracers');
  for (const row of rows) {
    context.tick();
    const legacyId = keyOf(row, 'OID') ?? '?';
    const delivery = dateTimeOf(row, 'deliver_datetime');
    const endpointId = endpoints.get(keyOf(row, 'BID') ?? '');
    const tracerId = tracers.get(keyOf(row, 'tracer') ?? '');
    const injections = integerOf(row, 'n_injections');
    if (delivery === null) {
      skip(context.summary, legacyId, 'no deliver_datetime');
      continue;
    }
    if (endpointId === undefined) {
      skip(context.summary, legacyId, 'BID is not an imported customer');
      continue;
    }
    if (tracerId === undefined) {
      skip(context.summary, legacyId, 'the tracer was not imported');
      continue;
    }
    if (injections === null || injections < 0) {
      skip(context.summary, legacyId, 'no n_injections');
      continue;
    }
    const status = orderStatusOf(integerOf(row, 'status'));
    await importLegacyRow<InjectionOrder>(context, {
      model: InjectionOrder,
      entity: 'InjectionOrder',
      ids,
      legacyId,
      values: {
        endpointId,
        tracerId,
        deliveryDate: delivery.date,
        deliveryTime: delivery.time,
        injections,
        tracerUsage: tracerUsageOf(textOf(row, 'anvendelse')),
        status,
        comment: fitted(textOf(row, 'comment'), COMMENT_LENGTH),
        lotNumber: fitted(textOf(row, 'batchnr'), 32),
        orderedByName: fitted(textOf(row, 'userName'), PERSON_NAME_LENGTH),
        ...releaseOf(context, row, status, usernames),
      },
      initial: { orderedById: null, freedById: null, maxInjectionVolume: null },
      frozenReason: (order) => (isReleased(order.status) ? RELEASED_IS_IMMUTABLE : null),
      legacyFacts: presentFacts(row, ['frigivet_af']),
    });
  }
}
