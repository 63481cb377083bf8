/**
 * Deleting a released order (site admin only): its vials were assigned to it as the pivot of
 * the whole released delivery (legacy-business-rules.md §2.3), so they pass to another
 * released order of the same delivery, or are detached when none is left. Every vial change
 * is audited, as any change to a GMP record.
 */
import { OrderStatus } from '@tracershop/core';
import type { ActivityOrder, IsotopeOrder } from '@tracershop/db';
import { Op } from 'sequelize';
import type { Visibility } from '../../events/changeEvents';
import type { WriteScope } from '../../recordWrites';
import type { ApiServices } from '../../trpc/context';
import { toWire } from '../../wire';
import { customerVisibility } from './orderingRules';

const PRODUCTION_ONLY: Visibility = { kind: 'production' };

export async function detachVialsOfActivityOrder(
  services: ApiServices,
  order: ActivityOrder,
  scope: WriteScope,
): Promise<void> {
  const { models } = services.db;
  const { transaction } = scope;
  const vials = await models.Vial.findAll({ where: { assignedToId: order.id }, transaction });
  if (vials.length === 0) {
    return;
  }
  const activeSlotId = order.movedToTimeSlotId ?? order.orderedTimeSlotId;
  const heir = await models.ActivityOrder.findOne({
    where: {
      id: { [Op.ne]: order.id },
      deliveryDate: order.deliveryDate,
      status: OrderStatus.Released,
      [Op.or]: [
        { movedToTimeSlotId: activeSlotId },
        { movedToTimeSlotId: null, orderedTimeSlotId: activeSlotId },
      ],
    },
    order: [['id', 'ASC']],
    transaction,
  });
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
      visibility: vial.customerId == null ? PRODUCTION_ONLY : customerVisibility(vial.customerId),
    });
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
      visibility: heir === null ? PRODUCTION_ONLY : customerVisibility(customerId),
    });
  }
}
