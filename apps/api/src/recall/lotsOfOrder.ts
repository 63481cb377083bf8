/**
 * The lots an order went out with (docs/domain.md, "Recall of a lot"), so a recall can start
 * from an order number too: an activity order's are the lot numbers of the vials of its release
 * (they hang on the release's pivot order), an injection order's is the lot it was released
 * under, an isotope order's the batch numbers of the isotope vials sent with it. An order not
 * released has none.
 */
import { OrderStatus } from '@tracershop/core';
import { notFound } from '../documents/documentAccess';
import type { ApiServices } from '../trpc/context';

export type RecallOrderKind = 'activity' | 'injection' | 'isotope';

function distinct(lots: readonly string[]): string[] {
  return [...new Set(lots)].sort();
}

export async function lotsOfOrder(
  services: ApiServices,
  kind: RecallOrderKind,
  id: number,
): Promise<string[]> {
  const { models } = services.db;
  if (kind === 'activity') {
    const order = await models.ActivityOrder.findByPk(id);
    if (order === null) {
      throw notFound('ActivityOrder');
    }
    if (order.status !== OrderStatus.Released) {
      return [];
    }
    const vials = await models.Vial.findAll({
      attributes: ['lotNumber'],
      where: { assignedToId: order.releasedWithId ?? order.id },
    });
    return distinct(vials.map((vial) => vial.lotNumber));
  }
  if (kind === 'injection') {
    const order = await models.InjectionOrder.findByPk(id);
    if (order === null) {
      throw notFound('InjectionOrder');
    }
    return order.status === OrderStatus.Released && order.lotNumber !== null
      ? [order.lotNumber]
      : [];
  }
  const order = await models.IsotopeOrder.findByPk(id);
  if (order === null) {
    throw notFound('IsotopeOrder');
  }
  const vials = await models.IsotopeVial.findAll({
    attributes: ['batchNumber'],
    where: { deliveredWithId: order.id },
  });
  return order.status === OrderStatus.Released
    ? distinct(vials.map((vial) => vial.batchNumber))
    : [];
}
