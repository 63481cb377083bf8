/**
 * `vials.released`: what the shop shows of a delivery (docs/domain.md): the
 * vials that went out with the released orders of one endpoint on one day, so the customer
 * sees the delivered MBq and the lot. Shop users see only their own customers' endpoints.
 */
import { OrderStatus } from '@tracershop/core';
import { Op } from 'sequelize';
import { assertActsFor } from '../../customerScope';
import { procedure } from '../../trpc/init';
import { notFound } from '../../errors';
import { toWireList } from '../../wire';
import { releasedVialsInput } from './vialFilters';

export const releasedVials = procedure('order.shop.read')
  .input(releasedVialsInput)
  .query(async ({ ctx, input }) => {
    const { models } = ctx.services.db;
    const endpoint = await models.DeliveryEndpoint.findByPk(input.endpointId);
    if (endpoint === null) {
      throw notFound('DeliveryEndpoint', [input.endpointId]);
    }
    assertActsFor(ctx.user, endpoint.customerId);

    const slots = await models.ActivityDeliveryTimeSlot.findAll({
      where: { endpointId: endpoint.id },
      attributes: ['id'],
    });
    const slotIds = slots.map((slot) => slot.id);
    // An order is delivered by its active slot: the one it was moved to, else the ordered one.
    const orders =
      slotIds.length === 0
        ? []
        : await models.ActivityOrder.findAll({
            where: {
              deliveryDate: input.date,
              status: OrderStatus.Released,
              [Op.or]: [
                { movedToTimeSlotId: { [Op.in]: slotIds } },
                { movedToTimeSlotId: null, orderedTimeSlotId: { [Op.in]: slotIds } },
              ],
            },
            attributes: ['id'],
          });
    const vials =
      orders.length === 0
        ? []
        : await models.Vial.findAll({
            where: {
              assignedToId: { [Op.in]: orders.map((order) => order.id) },
              customerId: endpoint.customerId,
            },
            order: [
              ['fillTime', 'ASC'],
              ['id', 'ASC'],
            ],
          });

    const deliveries = await models.IsotopeDelivery.findAll({
      where: { endpointId: endpoint.id },
      attributes: ['id'],
    });
    const isotopeOrders =
      deliveries.length === 0
        ? []
        : await models.IsotopeOrder.findAll({
            where: {
              deliveryDate: input.date,
              status: OrderStatus.Released,
              isotopeDeliveryId: { [Op.in]: deliveries.map((delivery) => delivery.id) },
            },
            attributes: ['id'],
          });
    const isotopeVials =
      isotopeOrders.length === 0
        ? []
        : await models.IsotopeVial.findAll({
            where: { deliveredWithId: { [Op.in]: isotopeOrders.map((order) => order.id) } },
            order: [
              ['calibratedAt', 'ASC'],
              ['id', 'ASC'],
            ],
          });
    return { vials: toWireList(vials), isotopeVials: toWireList(isotopeVials) };
  });
