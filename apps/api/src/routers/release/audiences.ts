/**
 * Who receives the change events of a release, a correction or a vial edit (README "Who
 * receives which events"): orders and owned vials go to the users of the row's customer (plus
 * production), rows without a customer to production only. The customer is found through the
 * row's endpoint, so these helpers look endpoints up in bulk.
 */
import { Op } from 'sequelize';
import type { Transaction } from 'sequelize';
import type { Databases } from '@tracershop/db';
import type { EventEntity, PublishedChange } from '../../events/changeEvents';

type Models = Databases['models'];

/** endpoint id → customer id. */
export async function customersOfEndpoints(
  models: Models,
  endpointIds: readonly number[],
  transaction?: Transaction,
): Promise<Map<number, number>> {
  const unique = [...new Set(endpointIds)];
  if (unique.length === 0) {
    return new Map();
  }
  const endpoints = await models.DeliveryEndpoint.findAll({
    where: { id: { [Op.in]: unique } },
    attributes: ['id', 'customerId'],
    transaction,
  });
  return new Map(endpoints.map((endpoint) => [endpoint.id, endpoint.customerId]));
}

/** delivery slot id → customer id. */
export async function customersOfSlots(
  models: Models,
  slotIds: readonly number[],
  transaction?: Transaction,
): Promise<Map<number, number>> {
  const unique = [...new Set(slotIds)];
  if (unique.length === 0) {
    return new Map();
  }
  const slots = await models.ActivityDeliveryTimeSlot.findAll({
    where: { id: { [Op.in]: unique } },
    attributes: ['id', 'endpointId'],
    transaction,
  });
  const customers = await customersOfEndpoints(
    models,
    slots.map((slot) => slot.endpointId),
    transaction,
  );
  const result = new Map<number, number>();
  for (const slot of slots) {
    const customerId = customers.get(slot.endpointId);
    if (customerId !== undefined) {
      result.set(slot.id, customerId);
    }
  }
  return result;
}

/** isotope order id → customer id (through the order's isotope delivery and its endpoint). */
export async function customersOfIsotopeOrders(
  models: Models,
  orderIds: readonly number[],
  transaction?: Transaction,
): Promise<Map<number, number>> {
  const unique = [...new Set(orderIds)];
  if (unique.length === 0) {
    return new Map();
  }
  const orders = await models.IsotopeOrder.findAll({
    where: { id: { [Op.in]: unique } },
    attributes: ['id', 'isotopeDeliveryId'],
    transaction,
  });
  const deliveries = await models.IsotopeDelivery.findAll({
    where: { id: { [Op.in]: [...new Set(orders.map((order) => order.isotopeDeliveryId))] } },
    attributes: ['id', 'endpointId'],
    transaction,
  });
  const customers = await customersOfEndpoints(
    models,
    deliveries.map((delivery) => delivery.endpointId),
    transaction,
  );
  const endpointOfDelivery = new Map(
    deliveries.map((delivery) => [delivery.id, delivery.endpointId]),
  );
  const result = new Map<number, number>();
  for (const order of orders) {
    const endpointId = endpointOfDelivery.get(order.isotopeDeliveryId);
    const customerId = endpointId === undefined ? undefined : customers.get(endpointId);
    if (customerId !== undefined) {
      result.set(order.id, customerId);
    }
  }
  return result;
}

/**
 * Upsert events of `rows`, one per customer (`customerOf` returns null for rows that belong to
 * no customer: those go to production only).
 */
export function upsertsByCustomer<R>(
  entity: EventEntity,
  rows: readonly R[],
  customerOf: (row: R) => number | null | undefined,
): PublishedChange[] {
  const byCustomer = new Map<number | null, R[]>();
  for (const row of rows) {
    const customerId = customerOf(row) ?? null;
    const group = byCustomer.get(customerId) ?? [];
    group.push(row);
    byCustomer.set(customerId, group);
  }
  return [...byCustomer].map(([customerId, group]) => ({
    entity,
    op: 'upsert' as const,
    rows: group,
    visibility:
      customerId === null
        ? { kind: 'production' as const }
        : { kind: 'customer' as const, customerId },
  }));
}

/**
 * Tells a customer's shop users to drop rows they may no longer see (an isotope vial taken
 * back by a correction, a vial given to another owner); production keeps them through the
 * accompanying upsert.
 */
export function withdrawnFromCustomer(
  entity: EventEntity,
  ids: readonly number[],
  customerId: number,
): PublishedChange {
  return { entity, op: 'delete', ids: [...ids], visibility: { kind: 'customerOnly', customerId } };
}
