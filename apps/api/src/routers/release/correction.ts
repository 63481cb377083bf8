/**
 * `release.correct`: the signed correction of released orders ("Ret ordre",
 * docs/domain.md): Released → Accepted, the vials delivered with them detached,
 * so the orders can be released again. Any production member may correct (no release right
 * needed, as in the legacy); the freed fields stay until the next release overwrites them.
 * Every named order must be Released: all kinds are checked before anything changes. Activity
 * orders are corrected a whole release at a time: another release of the same delivery keeps
 * its orders, vials and certificate.
 */
import { OrderStatus, correctionInput, releaseIdsOf, canCorrect } from '@tracershop/core';
import type { ActivityOrder, InjectionOrder, IsotopeOrder } from '@tracershop/db';
import { Op } from 'sequelize';
import type { Transaction } from 'sequelize';
import { verifySignature } from '../../auth/signature';
import { requireReason } from '../../changeReasons';
import { apiError } from '../../errors';
import type { PublishedChange } from '../../events/changeEvents';
import { writeRecord } from '../../recordWrites';
import { procedure } from '../../trpc/init';
import { toWire } from '../../wire';
import { slotOrderOf } from '../orders/deliveryParts';
import type { Models } from '../orders/orderingRules';
import {
  customersOfEndpoints,
  customersOfIsotopeOrders,
  customersOfSlots,
} from '../../endpointCustomers';
import { upsertsByCustomer, withdrawnFromCustomer } from '../../events/audiences';
import { lockRows, uniqueIds } from './lockedRows';
import { signatureHead } from './signatureManifest';
import type { CorrectionManifest } from './signatureManifest';

type OrderEntity = 'ActivityOrder' | 'InjectionOrder' | 'IsotopeOrder';

const auditVerbOf: Record<OrderEntity, string> = {
  ActivityOrder: 'activityOrder',
  InjectionOrder: 'injectionOrder',
  IsotopeOrder: 'isotopeOrder',
};

function assertReleased(
  entity: OrderEntity,
  orders: readonly (ActivityOrder | InjectionOrder | IsotopeOrder)[],
): void {
  for (const order of orders) {
    if (!canCorrect(order.status)) {
      throw apiError('NOT_RELEASED', {}, { entity, orderId: order.id, status: order.status });
    }
  }
}

/**
 * Refuses (RELEASE_NOT_WHOLE) a correction that names some orders of a release but not all:
 * the rest would stay Released without the vials, which go with the pivot.
 */
async function assertWholeReleases(
  models: Models,
  orders: readonly ActivityOrder[],
  transaction: Transaction,
): Promise<void> {
  if (orders.length === 0) {
    return;
  }
  const activeSlotIds = [
    ...new Set(orders.map((order) => order.movedToTimeSlotId ?? order.orderedTimeSlotId)),
  ];
  const released = await models.ActivityOrder.findAll({
    where: {
      deliveryDate: [...new Set(orders.map((order) => order.deliveryDate))],
      status: OrderStatus.Released,
      [Op.or]: [
        { movedToTimeSlotId: activeSlotIds },
        { movedToTimeSlotId: null, orderedTimeSlotId: activeSlotIds },
      ],
    },
    transaction,
  });
  const vials = await models.Vial.findAll({
    where: { assignedToId: released.map((order) => order.id) },
    attributes: ['assignedToId'],
    transaction,
  });
  const releaseOf = releaseIdsOf(released.map(slotOrderOf), vials);
  const named = new Set(orders.map((order) => order.id));
  const touched = new Set(orders.map((order) => releaseOf.get(order.id)));
  const left = released
    .filter((order) => touched.has(releaseOf.get(order.id)) && !named.has(order.id))
    .map((order) => order.id)
    .sort((a, b) => a - b);
  if (left.length > 0) {
    throw apiError('RELEASE_NOT_WHOLE', { orderIds: left.join(', ') }, { orderIds: left });
  }
}

export const correctOrders = procedure('order.correct')
  .input(correctionInput)
  .mutation(async ({ ctx, input }) => {
    const { services, user } = ctx;
    const { models } = services.db;
    const activityIds = uniqueIds(input.activityOrderIds ?? []);
    const injectionIds = uniqueIds(input.injectionOrderIds ?? []);
    const isotopeIds = uniqueIds(input.isotopeOrderIds ?? []);
    requireReason({ change: 'correction' }, input.reason);
    // A refused signature is audited against the first kind of order named.
    const [signedEntity, signedIds] =
      activityIds.length > 0
        ? (['ActivityOrder', activityIds] as const)
        : injectionIds.length > 0
          ? (['InjectionOrder', injectionIds] as const)
          : (['IsotopeOrder', isotopeIds] as const);
    await verifySignature({
      services,
      user,
      password: input.password,
      remoteAddress: ctx.remoteAddress,
      action: `${auditVerbOf[signedEntity]}.correct`,
      entity: signedEntity,
      entityIds: signedIds,
    });

    return writeRecord(ctx, async ({ transaction, audit, publish }) => {
      const activityOrders = await lockRows(
        models.ActivityOrder,
        'ActivityOrder',
        activityIds,
        transaction,
      );
      const injectionOrders = await lockRows(
        models.InjectionOrder,
        'InjectionOrder',
        injectionIds,
        transaction,
      );
      const isotopeOrders = await lockRows(
        models.IsotopeOrder,
        'IsotopeOrder',
        isotopeIds,
        transaction,
      );
      assertReleased('ActivityOrder', activityOrders);
      assertReleased('InjectionOrder', injectionOrders);
      assertReleased('IsotopeOrder', isotopeOrders);
      await assertWholeReleases(models, activityOrders, transaction);

      const vials =
        activityIds.length === 0
          ? []
          : await models.Vial.findAll({
              where: { assignedToId: { [Op.in]: activityIds } },
              order: [['id', 'ASC']],
              transaction,
              lock: transaction.LOCK.UPDATE,
            });
      const isotopeVials =
        isotopeIds.length === 0
          ? []
          : await models.IsotopeVial.findAll({
              where: { deliveredWithId: { [Op.in]: isotopeIds } },
              order: [['id', 'ASC']],
              transaction,
              lock: transaction.LOCK.UPDATE,
            });
      // Who received the isotope vials, found before they are taken back.
      const isotopeCustomers = await customersOfIsotopeOrders(models, isotopeIds, transaction);
      const withdrawnIsotopeVials = isotopeVials.map((vial) => ({
        id: vial.id,
        customerId:
          vial.deliveredWithId === null ? undefined : isotopeCustomers.get(vial.deliveredWithId),
      }));

      const signedAt = services.clock.now();
      const head = signatureHead(user, signedAt, 'corrected');

      for (const order of activityOrders) {
        const own = vials.filter((vial) => vial.assignedToId === order.id);
        const before = { order: toWire(order), vials: own.map(toWire) };
        order.status = OrderStatus.Accepted;
        order.releasedWithId = null;
        await order.save({ transaction });
        for (const vial of own) {
          vial.assignedToId = null;
          await vial.save({ transaction });
        }
        await audit({
          action: 'activityOrder.correct',
          entity: 'ActivityOrder',
          entityId: order.id,
          at: signedAt,
          reason: input.reason ?? null,
          before,
          after: { ...head, order: toWire(order), vials: own.map(toWire) },
        });
      }
      for (const order of injectionOrders) {
        const before = { order: toWire(order) };
        order.status = OrderStatus.Accepted;
        await order.save({ transaction });
        await audit({
          action: 'injectionOrder.correct',
          entity: 'InjectionOrder',
          entityId: order.id,
          at: signedAt,
          reason: input.reason ?? null,
          before,
          after: { ...head, order: toWire(order) },
        });
      }
      for (const order of isotopeOrders) {
        const own = isotopeVials.filter((vial) => vial.deliveredWithId === order.id);
        const before = { order: toWire(order), isotopeVials: own.map(toWire) };
        order.status = OrderStatus.Accepted;
        await order.save({ transaction });
        for (const vial of own) {
          vial.deliveredWithId = null;
          await vial.save({ transaction });
        }
        await audit({
          action: 'isotopeOrder.correct',
          entity: 'IsotopeOrder',
          entityId: order.id,
          at: signedAt,
          reason: input.reason ?? null,
          before,
          after: { ...head, order: toWire(order), isotopeVials: own.map(toWire) },
        });
      }

      const activityWire = activityOrders.map(toWire);
      const injectionWire = injectionOrders.map(toWire);
      const isotopeWire = isotopeOrders.map(toWire);
      const vialWire = vials.map(toWire);
      const isotopeVialWire = isotopeVials.map(toWire);
      const slotCustomers = await customersOfSlots(
        models,
        activityOrders.map((order) => order.movedToTimeSlotId ?? order.orderedTimeSlotId),
        transaction,
      );
      const endpointCustomers = await customersOfEndpoints(
        models,
        injectionOrders.map((order) => order.endpointId),
        transaction,
      );
      const changes: PublishedChange[] = [
        ...upsertsByCustomer('ActivityOrder', activityWire, (order) =>
          slotCustomers.get(order.movedToTimeSlotId ?? order.orderedTimeSlotId),
        ),
        ...upsertsByCustomer('InjectionOrder', injectionWire, (order) =>
          endpointCustomers.get(order.endpointId),
        ),
        ...upsertsByCustomer('IsotopeOrder', isotopeWire, (order) =>
          isotopeCustomers.get(order.id),
        ),
        ...upsertsByCustomer('Vial', vialWire, (vial) => vial.customerId),
        // An undelivered isotope vial belongs to production only: shop users drop it.
        ...upsertsByCustomer('IsotopeVial', isotopeVialWire, () => null),
      ];
      for (const customerId of new Set(withdrawnIsotopeVials.map((vial) => vial.customerId))) {
        if (customerId !== undefined) {
          const ids = withdrawnIsotopeVials
            .filter((vial) => vial.customerId === customerId)
            .map((vial) => vial.id);
          changes.push(withdrawnFromCustomer('IsotopeVial', ids, customerId));
        }
      }
      publish(...changes);

      const manifest: CorrectionManifest = {
        ...head,
        activityOrderIds: activityIds,
        injectionOrderIds: injectionIds,
        isotopeOrderIds: isotopeIds,
        detachedVialIds: vials.map((vial) => vial.id),
        detachedIsotopeVialIds: isotopeVials.map((vial) => vial.id),
      };
      return {
        manifest,
        activityOrders: activityWire,
        injectionOrders: injectionWire,
        isotopeOrders: isotopeWire,
        vials: vialWire,
        isotopeVials: isotopeVialWire,
      };
    });
  });
