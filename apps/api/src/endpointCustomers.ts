/**
 * The customer a row belongs to, found through its delivery endpoint: an endpoint belongs to
 * one customer, and a delivery slot, an isotope delivery or an isotope order belongs to the
 * customer of its endpoint. Ordering, set-up and the change events' audiences ask here.
 */
import { Op } from 'sequelize';
import type { Transaction } from 'sequelize';
import type { Databases, DeliveryEndpoint } from '@tracershop/db';
import { apiError, notFound } from './errors';

type Models = Databases['models'];

/** The delivery endpoint `endpointId` (with its `customerId`); NOT_FOUND when there is none. */
export async function findEndpoint(
  models: Models,
  endpointId: number,
  transaction?: Transaction,
): Promise<DeliveryEndpoint> {
  const endpoint = await models.DeliveryEndpoint.findByPk(endpointId, { transaction });
  if (endpoint === null) {
    throw apiError('NOT_FOUND', { entity: 'DeliveryEndpoint' });
  }
  return endpoint;
}

/**
 * The id of the customer endpoint `endpointId` belongs to; NOT_FOUND when there is no such
 * endpoint. Inside a transaction the endpoint is locked for update (MySQL), so it cannot move
 * to another customer before the write that depends on it.
 */
export async function customerIdOfEndpoint(
  models: Models,
  endpointId: number,
  transaction?: Transaction,
): Promise<number> {
  const endpoint =
    transaction === undefined
      ? await models.DeliveryEndpoint.findByPk(endpointId)
      : await models.DeliveryEndpoint.findByPk(endpointId, {
          transaction,
          lock: transaction.LOCK.UPDATE,
        });
  if (endpoint === null) {
    throw notFound('DeliveryEndpoint');
  }
  return endpoint.customerId;
}

/** The customer id of an optional endpoint; null when there is none. */
export async function customerIdOfOptionalEndpoint(
  models: Models,
  endpointId: number | null | undefined,
  transaction?: Transaction,
): Promise<number | null> {
  return endpointId == null ? null : customerIdOfEndpoint(models, endpointId, transaction);
}

/** endpoint id → customer id, for the endpoints given (missing endpoints are left out). */
export async function customersOfEndpoints(
  models: Models,
  endpointIds: Iterable<number>,
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
