/**
 * Deleting a released order (site admin only). An activity order belongs to one release of
 * its delivery, whose vials are assigned to the release's pivot (docs/domain.md,
 * "Orders after a release"): when the pivot goes, its vials and the release's other orders pass to the lowest
 * order left in that release, or the vials are detached when none is left. Other releases of
 * the delivery are not touched. Every change is audited, as any change to a GMP record.
 */
import { OrderStatus, releaseIdsOf, isReleased } from '@tracershop/core';
import type { ActivityOrder, IsotopeOrder } from '@tracershop/db';
import { Op } from 'sequelize';
import type { WriteScope } from '../../recordWrites';
import type { ApiServices } from '../../services';
import { toWire } from '../../wire';
import { slotOrderOf } from './deliveryParts';
import { customerAudience, PRODUCTION } from '../../events/audiences';

/** The other orders of `order`'s release (core `releaseIdsOf`), lowest id first. */
async function releaseMatesOf(
  services: ApiServices,
  order: ActivityOrder,
  scope: WriteScope,
): Promise<ActivityOrder[]> {
  if (!isReleased(order.status)) {
    return [];
  }
  const { models } = services.db;
  const activeSlotId = order.movedToTimeSlotId ?? order.orderedTimeSlotId;
  const delivery = await models.ActivityOrder.findAll({
    where: {
      deliveryDate: order.deliveryDate,
      status: OrderStatus.Released,
      [Op.or]: [
        { movedToTimeSlotId: activeSlotId },
        { movedToTimeSlotId: null, orderedTimeSlotId: activeSlotId },
      ],
    },
    order: [['id', 'ASC']],
    transaction: scope.transaction,
  });
  const vials = await models.Vial.findAll({
    where: { assignedToId: delivery.map((row) => row.id) },
    attributes: ['assignedToId'],
    transaction: scope.transaction,
  });
  const releaseOf = releaseIdsOf(delivery.map(slotOrderOf), vials);
  const release = releaseOf.get(order.id);
  return delivery.filter((row) => row.id !== order.id && releaseOf.get(row.id) === release);
}

export async function detachVialsOfActivityOrder(
  services: ApiServices,
  order: ActivityOrder,
  customerId: number,
  scope: WriteScope,
): Promise<void> {
  const { models } = services.db;
  const { transaction } = scope;
  const vials = await models.Vial.findAll({ where: { assignedToId: order.id }, transaction });
  const mates = await releaseMatesOf(services, order, scope);
  const heir = mates[0] ?? null;
  for (const vial of vials) {
    const before = toWire(vial);
    vial.assignedToId = heir?.id ?? null;
    await vial.save({ transaction });
    const after = toWire(vial);
    await scope.audit({
      action: heir === null ? 'vial.detach' : 'vial.reassign',
      entity: 'Vial',
      entityId: vial.id,
      before,
      after,
    });
    scope.publish({
      entity: 'Vial',
      op: 'upsert',
      rows: [after],
      visibility: customerAudience(vial.customerId ?? null),
    });
  }
  // The release is named by its pivot: when the pivot goes, the heir names it.
  const renamed = heir === null ? [] : mates.filter((mate) => mate.releasedWithId === order.id);
  for (const mate of renamed) {
    const before = toWire(mate);
    mate.releasedWithId = heir?.id ?? null;
    await mate.save({ transaction });
    const after = toWire(mate);
    await scope.audit({
      action: 'activityOrder.releaseRenamed',
      entity: 'ActivityOrder',
      entityId: mate.id,
      before,
      after,
    });
    scope.publish({
      entity: 'ActivityOrder',
      op: 'upsert',
      rows: [after],
      visibility: customerAudience(customerId),
    });
  }
  if (order.releasedWithId !== null) {
    // The row goes next; its own link must not hold it back (a foreign key on MariaDB).
    order.releasedWithId = null;
    await order.save({ transaction });
  }
}

export async function detachVialsOfIsotopeOrder(
  services: ApiServices,
  order: IsotopeOrder,
  customerId: number,
  scope: WriteScope,
): Promise<void> {
  const { models } = services.db;
  const { transaction } = scope;
  const vials = await models.IsotopeVial.findAll({
    where: { deliveredWithId: order.id },
    transaction,
  });
  if (vials.length === 0) {
    return;
  }
  const heir = await models.IsotopeOrder.findOne({
    where: {
      id: { [Op.ne]: order.id },
      isotopeDeliveryId: order.isotopeDeliveryId,
      deliveryDate: order.deliveryDate,
      status: OrderStatus.Released,
    },
    order: [['id', 'ASC']],
    transaction,
  });
  for (const vial of vials) {
    const before = toWire(vial);
    vial.deliveredWithId = heir?.id ?? null;
    await vial.save({ transaction });
    const after = toWire(vial);
    await scope.audit({
      action: heir === null ? 'isotopeVial.detach' : 'isotopeVial.reassign',
      entity: 'IsotopeVial',
      entityId: vial.id,
      before,
      after,
    });
    // Undelivered isotope vials are production's; delivered ones also their customer's.
    scope.publish({
      entity: 'IsotopeVial',
      op: 'upsert',
      rows: [after],
      visibility: heir === null ? PRODUCTION : customerAudience(customerId),
    });
  }
}
