/**
 * `release.isotope`: the signed release of the isotope orders of one isotope delivery on one
 * date with the isotope vials dispensed for them (docs/domain.md). Strict,
 * as in the legacy: every order Accepted, every vial undelivered and of the orders' isotope,
 * or nothing changes. All vials go with the first named order (the pivot), as activity vials
 * do; that is why the orders must share one delivery and date.
 */
import { OrderStatus, isotopeReleaseInput, canRelease } from '@tracershop/core';
import { verifySignature } from '../../auth/signature';
import { apiError, notFound } from '../../errors';
import { writeRecord } from '../../recordWrites';
import { procedure } from '../../trpc/init';
import { toWire } from '../../wire';
import { customersOfEndpoints } from '../../endpointCustomers';
import { upsertsByCustomer } from '../../events/audiences';
import { lockRows, uniqueIds } from './lockedRows';
import { assertReleaseRights } from './releaseRightCheck';
import { freedFieldsOf, signatureHead } from './signatureManifest';
import type { IsotopeReleaseManifest } from './signatureManifest';

export const releaseIsotope = procedure('order.release')
  .input(isotopeReleaseInput)
  .mutation(async ({ ctx, input }) => {
    const { services, user } = ctx;
    const { models } = services.db;
    const orderIds = uniqueIds(input.orderIds);
    const vialIds = uniqueIds(input.isotopeVialIds);
    await verifySignature({
      services,
      user,
      password: input.password,
      remoteAddress: ctx.remoteAddress,
      action: 'isotopeOrder.release',
      entity: 'IsotopeOrder',
      entityIds: orderIds,
    });

    return writeRecord(ctx, async ({ transaction, audit, publish }) => {
      const orders = await lockRows(models.IsotopeOrder, 'IsotopeOrder', orderIds, transaction);
      const pivot = orders[0];
      if (pivot === undefined) {
        // Unreachable (the input names at least one order); narrows the type.
        throw apiError('INVALID_INPUT');
      }
      for (const order of orders) {
        if (
          order.isotopeDeliveryId !== pivot.isotopeDeliveryId ||
          order.deliveryDate !== pivot.deliveryDate
        ) {
          throw apiError('ORDER_NOT_IN_DELIVERY', { orderId: order.id });
        }
      }
      const delivery = await models.IsotopeDelivery.findByPk(pivot.isotopeDeliveryId, {
        transaction,
      });
      const production =
        delivery === null
          ? null
          : await models.IsotopeProduction.findByPk(delivery.isotopeProductionId, { transaction });
      if (delivery === null || production === null) {
        throw notFound('IsotopeDelivery', [pivot.isotopeDeliveryId]);
      }
      await assertReleaseRights(services, user, transaction, {
        isotopeIds: [production.isotopeId],
      });
      for (const order of orders) {
        if (!canRelease(order.status)) {
          throw apiError('INVALID_STATUS', {}, { orderId: order.id, status: order.status });
        }
      }

      const vials = await lockRows(models.IsotopeVial, 'IsotopeVial', vialIds, transaction);
      const unavailable = vials.filter(
        (vial) => vial.deliveredWithId !== null || vial.isotopeId !== production.isotopeId,
      );
      if (unavailable.length > 0) {
        throw apiError('VIAL_UNAVAILABLE', {}, { isotopeVialIds: unavailable.map((v) => v.id) });
      }

      const signedAt = services.clock.now();
      const before = { orders: orders.map(toWire), isotopeVials: vials.map(toWire) };
      for (const order of orders) {
        order.set({ status: OrderStatus.Released, ...freedFieldsOf(user, signedAt) });
        await order.save({ transaction });
      }
      for (const vial of vials) {
        vial.deliveredWithId = pivot.id;
        await vial.save({ transaction });
      }
      const manifest: IsotopeReleaseManifest = {
        ...signatureHead(user, signedAt, 'released'),
        isotopeDeliveryId: delivery.id,
        deliveryDate: pivot.deliveryDate,
        orderIds,
        pivotOrderId: pivot.id,
        isotopeVials: vials.map((vial) => ({ id: vial.id, batchNumber: vial.batchNumber })),
      };
      await audit({
        action: 'isotopeOrder.release',
        entity: 'IsotopeOrder',
        entityId: pivot.id,
        at: signedAt,
        before,
        after: manifest,
      });

      const customerId = (
        await customersOfEndpoints(models, [delivery.endpointId], transaction)
      ).get(delivery.endpointId);
      const released = orders.map(toWire);
      const delivered = vials.map(toWire);
      publish(
        ...upsertsByCustomer('IsotopeOrder', released, () => customerId),
        ...upsertsByCustomer('IsotopeVial', delivered, () => customerId),
      );
      return { manifest, orders: released, isotopeVials: delivered };
    });
  });
