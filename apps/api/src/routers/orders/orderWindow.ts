/**
 * The window of orders the apps keep in their caches: every activity, injection and isotope
 * order delivered within `centralDate ± ServerSettings.dateRangeDays` (docs/domain.md), of the
 * caller's customers for shop users. Live events keep the window current afterwards.
 */
import { addDays } from '@tracershop/core';
import type { OrdersWindowInput } from '@tracershop/core';
import { SERVER_SETTINGS_ID } from '@tracershop/db';
import { Op } from 'sequelize';
import type { WhereOptions } from 'sequelize';
import type { SessionUser } from '../../auth/sessions';
import { customerLimitOf } from '../../customerScope';
import { apiError } from '../../errors';
import type { ApiServices } from '../../services';
import { toWireList } from '../../wire';

/** The legacy default window half-width, when the settings row lacks one. */
const DEFAULT_DATE_RANGE_DAYS = 64;

/**
 * The endpoints whose orders to read: null for all. A shop user asking for an endpoint of
 * another customer is refused (NOT_ASSIGNED) rather than silently answered with nothing.
 */
async function endpointsToRead(
  services: ApiServices,
  user: SessionUser,
  requested: readonly number[] | undefined,
): Promise<number[] | null> {
  const limit = customerLimitOf(user);
  if (limit === null) {
    return requested === undefined ? null : [...requested];
  }
  const own = await services.db.models.DeliveryEndpoint.findAll({
    where: { customerId: limit },
    attributes: ['id'],
  });
  const ownIds = own.map((endpoint) => endpoint.id);
  if (requested === undefined) {
    return ownIds;
  }
  for (const id of requested) {
    if (!ownIds.includes(id)) {
      throw apiError('NOT_ASSIGNED');
    }
  }
  return [...requested];
}

export async function readOrdersWindow(
  services: ApiServices,
  user: SessionUser,
  input: OrdersWindowInput,
) {
  const { models } = services.db;
  const settings = await models.ServerSettings.findByPk(SERVER_SETTINGS_ID);
  const range = settings?.dateRangeDays ?? DEFAULT_DATE_RANGE_DAYS;
  const fromDate = addDays(input.centralDate, -range);
  const toDate = addDays(input.centralDate, range);
  const deliveryDate = { [Op.between]: [fromDate, toDate] };
  const endpointIds = await endpointsToRead(services, user, input.endpointIds);

  let activityWhere: WhereOptions = { deliveryDate };
  let isotopeWhere: WhereOptions = { deliveryDate };
  let injectionWhere: WhereOptions = { deliveryDate };
  if (endpointIds !== null) {
    // Orders only move between slots of one endpoint, so the ordered slot names the customer.
    const slots = await models.ActivityDeliveryTimeSlot.findAll({
      where: { endpointId: endpointIds },
      attributes: ['id'],
    });
    const deliveries = await models.IsotopeDelivery.findAll({
      where: { endpointId: endpointIds },
      attributes: ['id'],
    });
    activityWhere = { deliveryDate, orderedTimeSlotId: slots.map((slot) => slot.id) };
    isotopeWhere = { deliveryDate, isotopeDeliveryId: deliveries.map((delivery) => delivery.id) };
    injectionWhere = { deliveryDate, endpointId: endpointIds };
  }
  const order: [string, string][] = [
    ['deliveryDate', 'ASC'],
    ['id', 'ASC'],
  ];
  const [activityOrders, injectionOrders, isotopeOrders] = await Promise.all([
    models.ActivityOrder.findAll({ where: activityWhere, order }),
    models.InjectionOrder.findAll({ where: injectionWhere, order }),
    models.IsotopeOrder.findAll({ where: isotopeWhere, order }),
  ]);
  return {
    fromDate,
    toDate,
    activityOrders: toWireList(activityOrders),
    injectionOrders: toWireList(injectionOrders),
    isotopeOrders: toWireList(isotopeOrders),
  };
}
