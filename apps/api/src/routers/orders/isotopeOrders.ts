/**
 * Isotope orders (whole MBq of a pure isotope for an isotope delivery on a date). The shop
 * creates, edits and deletes its customers' Ordered orders before the activity deadline (the
 * legacy rule for isotopes); production creates for a customer (Ordered), accepts, rejects,
 * un-rejects, edits the dose and deletes (released ones only the site admin).
 */
import {
  DeadlineScope,
  OrderStatus,
  isotopeOrderCreateInput,
  isotopeOrderEditInput,
  productionIsotopeOrderEditInput,
} from '@tracershop/core';
import type { IsotopeOrderCreateInput, IsotopeOrderEditInput } from '@tracershop/core';
import type { IsotopeOrder } from '@tracershop/db';
import { assertActsFor } from '../../customerScope';
import { writeOncePerClientKey } from '../../recordWrites';
import { procedure, router } from '../../trpc/init';
import { toWire } from '../../wire';
import type { OrderWriter } from './orderChanges';
import {
  productionDeleteProcedure,
  productionEditProcedure,
  shopDeleteProcedure,
  shopEditProcedure,
  statusProcedures,
} from './orderProcedures';
import { isotopeOrderKind } from './orderChanges';
import {
  assertIsotopeDelivers,
  assertOrderingOpen,
  loadIsotopeDeliveryContext,
  personNameOf,
} from './orderingRules';
import { detachVialsOfIsotopeOrder } from './releasedOrderRemoval';
import { customerAudience } from '../../events/audiences';

/**
 * Creates an isotope order (always Ordered, ordered by the caller) for a delivery that runs
 * on the date, after the scope and the deadline (shop users only); audits and publishes it.
 */
function createIsotopeOrder(
  writer: OrderWriter,
  procedurePath: string,
  input: IsotopeOrderCreateInput,
) {
  const { services, user } = writer;
  const { models } = services.db;
  return writeOncePerClientKey(writer, procedurePath, input.clientKey, async (scope) => {
    const { transaction } = scope;
    const delivery = await loadIsotopeDeliveryContext(models, input.isotopeDeliveryId, transaction);
    assertActsFor(user, delivery.endpoint.customerId);
    await assertOrderingOpen(
      services,
      user,
      DeadlineScope.Activity,
      input.deliveryDate,
      transaction,
    );
    assertIsotopeDelivers(delivery, input.deliveryDate);
    const row = await models.IsotopeOrder.create(
      {
        isotopeDeliveryId: delivery.delivery.id,
        deliveryDate: input.deliveryDate,
        orderedActivity: input.orderedActivity,
        status: OrderStatus.Ordered,
        comment: input.comment ?? '',
        orderedById: user.id,
        orderedByName: personNameOf(user),
        freedAt: null,
        freedById: null,
        freedByName: null,
      },
      { transaction },
    );
    const wire = toWire(row);
    await scope.audit({
      action: 'isotopeOrder.create',
      entity: 'IsotopeOrder',
      entityId: row.id,
      after: wire,
    });
    scope.publish({
      entity: 'IsotopeOrder',
      op: 'upsert',
      rows: [wire],
      visibility: customerAudience(delivery.endpoint.customerId),
    });
    return wire;
  });
}

function applyIsotopeEdit(row: IsotopeOrder, input: IsotopeOrderEditInput): void {
  if (input.orderedActivity !== undefined) {
    row.orderedActivity = input.orderedActivity;
  }
  if (input.comment !== undefined) {
    row.comment = input.comment ?? '';
  }
}

export const isotopeOrdersRouter = router({
  // --- Shop ---------------------------------------------------------------------------------

  create: procedure('order.shop.write')
    .input(isotopeOrderCreateInput)
    .mutation(({ ctx, input }) => createIsotopeOrder(ctx, 'orders.isotope.create', input)),

  /** Dose and comment of an Ordered order, before the activity deadline. */
  edit: shopEditProcedure(
    isotopeOrderKind,
    DeadlineScope.Activity,
    isotopeOrderEditInput,
    applyIsotopeEdit,
  ),

  delete: shopDeleteProcedure(isotopeOrderKind, DeadlineScope.Activity),

  // --- Production ---------------------------------------------------------------------------

  ...statusProcedures(isotopeOrderKind),

  /** An order production enters for a customer: Ordered, also late and on closed days. */
  createForCustomer: procedure('order.production.manage')
    .input(isotopeOrderCreateInput)
    .mutation(({ ctx, input }) =>
      createIsotopeOrder(ctx, 'orders.isotope.createForCustomer', input),
    ),

  /** Dose and comment of an Ordered or Accepted order; never the status. */
  editDose: productionEditProcedure(
    isotopeOrderKind,
    productionIsotopeOrderEditInput,
    applyIsotopeEdit,
  ),

  /**
   * Deletes an order; a released one only with 'order.deleteReleased' (site admin), its
   * isotope vials passing to another released order of the delivery or detached.
   */
  productionDelete: productionDeleteProcedure(isotopeOrderKind, detachVialsOfIsotopeOrder),
});
