/**
 * `release.activity`: the signed release of the activity orders of one delivery (slot, date)
 * with the vials dispensed for it (docs/domain.md). Unlike the legacy,
 * nothing is silently skipped: every named order must be Accepted and every named vial
 * available, or nothing changes.
 *
 * All vials are assigned to one order, the pivot: the first order id the caller named (the
 * legacy's choice, kept because certificates and exports read vials per pivot). Every order
 * released names the pivot (`releasedWithId`): a delivery released once and then given a
 * later order is released again for that order alone, and each release keeps its own vials,
 * totals and certificate (core `splitSlot`).
 */
import {
  OrderStatus,
  activeSlotIdOf,
  activityReleaseInput,
  deliveredActivity,
  fieldSchemas,
  localDateTimeOf,
  localDateTimeOfInstant,
  orderDeliveryActivity,
  canRelease,
} from '@tracershop/core';
import type { ActivityDeliveryTimeSlot, ActivityOrder, Models, Vial } from '@tracershop/db';
import type { Transaction } from 'sequelize';
import { verifySignature } from '../../auth/signature';
import { apiError, notFound } from '../../errors';
import { writeRecord } from '../../recordWrites';
import { procedure } from '../../trpc/init';
import { toWire } from '../../wire';
import { upsertsByCustomer } from '../../events/audiences';
import { lockRows, uniqueIds } from './lockedRows';
import { assertReleaseRights } from './releaseRightCheck';
import {
  assertFilledBeforeRelease,
  assertNotTooEarly,
  settleDispensing,
} from './releaseGuardChecks';
import { freedFieldsOf, signatureHead } from './signatureManifest';
import type { ActivityReleaseManifest, ReleaseDispensing } from './signatureManifest';

/**
 * The core input, except that an empty vial list reaches the procedure, so that the caller
 * hears NO_VIALS ("Vælg mindst et hætteglas.") rather than a generic input error.
 */
const activityReleaseRequest = activityReleaseInput.extend({
  vialIds: fieldSchemas.optionalIdList,
});

interface DispensingInput {
  slot: ActivityDeliveryTimeSlot;
  orders: readonly ActivityOrder[];
  vials: readonly Vial[];
  tracerId: number;
  halflifeSeconds: number;
  date: string;
  timeZone: string;
}

/**
 * What the release must carry and what its vials carry, both at the slot's delivery time:
 * the orders' ordered activity decay-scaled to this slot with the endpoint's overhead, and
 * the vials' delivered activity (core `deliveredActivity`).
 */
async function dispensingOf(
  models: Models,
  transaction: Transaction,
  input: DispensingInput,
): Promise<ReleaseDispensing> {
  const { slot, orders, date, timeZone, halflifeSeconds } = input;
  const page = await models.TracerCatalogPage.findOne({
    where: { endpointId: slot.endpointId, tracerId: input.tracerId },
    transaction,
  });
  const orderedSlotIds = [...new Set(orders.map((order) => order.orderedTimeSlotId))];
  const slots = await models.ActivityDeliveryTimeSlot.findAll({
    where: { id: orderedSlotIds },
    transaction,
  });
  const required = orders.reduce(
    (sum, order) =>
      sum +
      orderDeliveryActivity({
        order,
        slots: [slot, ...slots],
        activeSlot: slot,
        halflifeSeconds,
        overheadMultiplier: page?.overheadMultiplier ?? 1,
        date,
        timeZone,
      }).withOverhead,
    0,
  );
  const referenceTime = localDateTimeOf(date, slot.deliveryTime);
  const delivered = deliveredActivity(input.vials, {
    date,
    deliveryTime: slot.deliveryTime,
    halflifeSeconds,
    timeZone,
  });
  return { referenceTime, required, delivered };
}

export const releaseActivity = procedure('order.release')
  .input(activityReleaseRequest)
  .mutation(async ({ ctx, input }) => {
    const { services, user } = ctx;
    const { models } = services.db;
    const orderIds = uniqueIds(input.orderIds);
    const vialIds = uniqueIds(input.vialIds);
    if (vialIds.length === 0) {
      throw apiError('NO_VIALS');
    }
    await verifySignature({
      services,
      user,
      password: input.password,
      remoteAddress: ctx.remoteAddress,
      action: 'activityOrder.release',
      entity: 'ActivityOrder',
      entityIds: orderIds,
    });

    return writeRecord(ctx, async ({ transaction, audit, publish }) => {
      const slot = await models.ActivityDeliveryTimeSlot.findByPk(input.slotId, { transaction });
      if (slot === null) {
        throw notFound('ActivityDeliveryTimeSlot', [input.slotId]);
      }
      const production = await models.ActivityProduction.findByPk(slot.productionId, {
        transaction,
      });
      const endpoint = await models.DeliveryEndpoint.findByPk(slot.endpointId, { transaction });
      if (production === null || endpoint === null) {
        throw notFound('ActivityDeliveryTimeSlot', [slot.id]);
      }
      await assertReleaseRights(services, user, transaction, {
        tracerIds: [production.tracerId],
      });

      const orders = await lockRows(models.ActivityOrder, 'ActivityOrder', orderIds, transaction);
      for (const order of orders) {
        // An order is delivered (and released) by its active slot only, never by the slot it
        // was moved away from.
        if (activeSlotIdOf(order) !== slot.id || order.deliveryDate !== input.deliveryDate) {
          throw apiError('ORDER_NOT_IN_DELIVERY', { orderId: order.id });
        }
        if (!canRelease(order.status)) {
          throw apiError('INVALID_STATUS', {}, { orderId: order.id, status: order.status });
        }
      }

      const vials = await lockRows(models.Vial, 'Vial', vialIds, transaction);
      // Selectable vials: unassigned, filled on the delivery date, of the slot's tracer and
      // owned by the slot's customer (what vials.forSlot offers).
      const unavailable = vials.filter(
        (vial) =>
          vial.assignedToId !== null ||
          vial.fillDate !== input.deliveryDate ||
          vial.tracerId !== production.tracerId ||
          vial.customerId !== endpoint.customerId,
      );
      if (unavailable.length > 0) {
        throw apiError('VIAL_UNAVAILABLE', {}, { vialIds: unavailable.map((vial) => vial.id) });
      }

      const signedAt = services.clock.now();
      const { timeZone } = services.config;
      const releaseLocal = localDateTimeOfInstant(signedAt.getTime(), timeZone);
      const tracer = await models.Tracer.findByPk(production.tracerId, {
        include: [{ association: 'isotope' }],
        transaction,
      });
      const halflifeSeconds = tracer?.isotope?.halflifeSeconds;
      if (tracer === null || halflifeSeconds === undefined) {
        throw notFound('Tracer', [production.tracerId]);
      }
      assertFilledBeforeRelease(vials, releaseLocal, timeZone);
      assertNotTooEarly(
        tracer,
        localDateTimeOf(input.deliveryDate, slot.deliveryTime),
        releaseLocal,
        timeZone,
      );
      const dispensing = await dispensingOf(models, transaction, {
        slot,
        orders,
        vials,
        tracerId: tracer.id,
        halflifeSeconds,
        date: input.deliveryDate,
        timeZone,
      });
      const deviation = settleDispensing(
        tracer,
        dispensing.required,
        dispensing.delivered,
        input.deviationReason,
      );

      const pivot = orders[0];
      if (pivot === undefined) {
        // Unreachable (the input names at least one order); narrows the type.
        throw apiError('INVALID_INPUT');
      }
      const before = { orders: orders.map(toWire), vials: vials.map(toWire) };
      for (const order of orders) {
        order.set({
          status: OrderStatus.Released,
          releasedWithId: pivot.id,
          ...freedFieldsOf(user, signedAt),
        });
        await order.save({ transaction });
      }
      for (const vial of vials) {
        vial.assignedToId = pivot.id;
        await vial.save({ transaction });
      }

      const manifest: ActivityReleaseManifest = {
        ...signatureHead(user, signedAt, 'released'),
        slotId: slot.id,
        deliveryDate: input.deliveryDate,
        orderIds,
        pivotOrderId: pivot.id,
        vials: vials.map((vial) => ({ id: vial.id, lotNumber: vial.lotNumber })),
        dispensing: { ...dispensing, deviation },
      };
      await audit({
        action: 'activityOrder.release',
        entity: 'ActivityOrder',
        entityId: pivot.id,
        at: signedAt,
        before,
        after: manifest,
      });

      const releasedOrders = orders.map(toWire);
      const assignedVials = vials.map(toWire);
      publish(
        ...upsertsByCustomer('ActivityOrder', releasedOrders, () => endpoint.customerId),
        ...upsertsByCustomer('Vial', assignedVials, (vial) => vial.customerId),
      );
      return { manifest, orders: releasedOrders, vials: assignedVials };
    });
  });
