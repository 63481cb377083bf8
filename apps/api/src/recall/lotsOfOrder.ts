/**
 * The lots an order went out with (docs/domain.md, "Recall of a lot"), so a recall can start
 * from an order number too: an activity order's are the lot numbers of the vials of its release
 * (they hang on the release's pivot order), an injection order's is the lot it was released
 * under, an isotope order's the batch numbers of the isotope vials sent with it. An order not
 * released has none.
 */
import { isReleased } from '@tracershop/core';
import { notFound } from '../documents/documentAccess';
import type { ApiServices } from '../services';

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
    if (!isReleased(order.status)) {
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
    return isReleased(order.status) && order.lotNumber !== null ? [order.lotNumber] : [];
  }
  const order = await models.IsotopeOrder.findByPk(id);
  if (order === null) {
    throw notFound('IsotopeOrder');
  }
  const vials = await models.IsotopeVial.findAll({
    attributes: ['batchNumber'],
    where: { deliveredWithId: order.id },
  });
  return isReleased(order.status) ? distinct(vials.map((vial) => vial.batchNumber)) : [];
}
