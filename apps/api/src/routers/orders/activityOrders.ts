/**
 * Activity orders (MBq for a delivery slot on a date). The shop creates, edits and deletes its
 * customers' orders while they are Ordered and ordering is open; production creates on a
 * customer's behalf (Accepted), accepts, rejects, un-rejects, edits the dose, moves to an
 * earlier slot and back, and deletes (released ones only the site admin).
 */
import {
  DeadlineScope,
  OrderStatus,
  TracerType,
  activityOrderCreateInput,
  activityOrderEditInput,
  checkMove,
  checkRestore,
  fieldSchemas,
  isDeadOrder,
  moveOrdersInput,
  restoreOrdersInput,
  productionActivityOrderCreateInput,
  productionActivityOrderEditInput,
} from '@tracershop/core';
import type { ActivityOrderCreateInput, LimitOverrideInput, MoveRefusal } from '@tracershop/core';
import type { ActivityOrder } from '@tracershop/db';
import { Op } from 'sequelize';
import type { Transaction } from 'sequelize';
import { z } from 'zod';
import { assertActsFor } from '../../customerScope';
import { apiError } from '../../errors';
import type { WriteScope } from '../../recordWrites';
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
import { accept, activityOrderKind, changeOrders } from './orderChanges';
import type { Models, SlotContext } from './orderingRules';
import {
  assertInCatalog,
  assertOrderingOpen,
  assertSlotDelivers,
  loadSlotContext,
  moveSlotOf,
  personNameOf,
} from './orderingRules';
import {
  activityLimitBreaches,
  assertLiveActivity,
  auditLimitOverride,
  settleLimits,
} from './plausibilityChecks';
import { detachVialsOfActivityOrder } from './releasedOrderRemoval';
import { customerAudience } from '../../events/audiences';

/** The comment of an order production enters for a customer, unless one is given. */
export const PRODUCTION_ORDER_COMMENT = 'Lavet af produktionen';

/** Accept every Ordered order of one (slot, date) collection. */
export const acceptSlotInput = z.strictObject(
  { slotId: fieldSchemas.id, deliveryDate: fieldSchemas.dateText },
  fieldSchemas.keyed('input.invalid'),
);

function moveRefused(refusal: MoveRefusal) {
  return apiError('MOVE_REFUSED', { refusal });
}

/**
 * Creates one activity order after the caller's checks, the live minimum (never a dead order)
 * and the tracer's plausibility limits (above one only with production's `override`); audits
 * and publishes it.
 */
async function createActivityOrder(
  writer: OrderWriter,
  scope: WriteScope,
  slot: SlotContext,
  input: ActivityOrderCreateInput,
  status: OrderStatus,
  comment: string | null,
  override?: LimitOverrideInput,
) {
  const { models } = writer.services.db;
  assertLiveActivity(input.orderedActivity);
  const planned = {
    orderedActivity: input.orderedActivity,
    deliveryDate: input.deliveryDate,
    orderedTimeSlotId: slot.slot.id,
    movedToTimeSlotId: null,
  };
  const limitOverride = settleLimits(
    slot.tracer,
    await activityLimitBreaches(models, slot.tracer, planned, scope),
    override,
  );
  const row = await models.ActivityOrder.create(
    {
      orderedActivity: input.orderedActivity,
      deliveryDate: input.deliveryDate,
      status,
      comment,
      orderedTimeSlotId: slot.slot.id,
      movedToTimeSlotId: null,
      orderedById: writer.user.id,
      orderedByName: personNameOf(writer.user),
      freedAt: null,
      freedById: null,
      freedByName: null,
    },
    { transaction: scope.transaction },
  );
  const wire = toWire(row);
  await scope.audit({
    action: 'activityOrder.create',
    entity: 'ActivityOrder',
    entityId: row.id,
    after: wire,
  });
  await auditLimitOverride(scope, { entity: 'ActivityOrder', id: row.id }, limitOverride);
  scope.publish({
    entity: 'ActivityOrder',
    op: 'upsert',
    rows: [wire],
    visibility: customerAudience(slot.endpoint.customerId),
  });
  return wire;
}

/** The slot context of several slots, each loaded once. */
function slotCache(models: Models, transaction: Transaction) {
  const cache = new Map<number, Promise<SlotContext>>();
  return (slotId: number): Promise<SlotContext> => {
    let context = cache.get(slotId);
    if (context === undefined) {
      context = loadSlotContext(models, slotId, transaction);
      cache.set(slotId, context);
    }
    return context;
  };
}

export const activityOrdersRouter = router({
  // --- Shop ---------------------------------------------------------------------------------

  /** A new order for one of the caller's customers: always Ordered, ordered by the caller. */
  create: procedure('order.shop.write')
    .input(activityOrderCreateInput)
    .mutation(({ ctx, input }) =>
      writeOncePerClientKey(ctx, 'orders.activity.create', input.clientKey, async (scope) => {
        const { transaction } = scope;
        const slot = await loadSlotContext(
          ctx.services.db.models,
          input.orderedTimeSlotId,
          transaction,
        );
        assertActsFor(ctx.user, slot.endpoint.customerId);
        await assertOrderingOpen(
          ctx.services,
          ctx.user,
          DeadlineScope.Activity,
          input.deliveryDate,
          transaction,
        );
        assertSlotDelivers(slot, input.deliveryDate);
        await assertInCatalog(
          ctx.services.db.models,
          slot.endpoint.id,
          slot.tracer.id,
          TracerType.Activity,
          transaction,
        );
        return createActivityOrder(
          ctx,
          scope,
          slot,
          input,
          OrderStatus.Ordered,
          input.comment || null,
        );
      }),
    ),

  /** Dose and comment of an Ordered order, before the deadline; never below the live minimum. */
  edit: shopEditProcedure(
    activityOrderKind,
    DeadlineScope.Activity,
    activityOrderEditInput,
    (row, input) => {
      if (input.orderedActivity !== undefined) {
        assertLiveActivity(input.orderedActivity);
      }
      applyActivityEdit(row, input);
    },
  ),

  delete: shopDeleteProcedure(activityOrderKind, DeadlineScope.Activity),

  // --- Production ---------------------------------------------------------------------------

  ...statusProcedures(activityOrderKind),

  /**
   * An order production enters for a customer (phone orders): Accepted at once, also after
   * the deadline and on closed days; the slot must still deliver on the date.
   */
  createForCustomer: procedure('order.production.manage')
    .input(productionActivityOrderCreateInput)
    .mutation(({ ctx, input }) =>
      writeOncePerClientKey(
        ctx,
        'orders.activity.createForCustomer',
        input.clientKey,
        async (scope) => {
          const { transaction } = scope;
          const slot = await loadSlotContext(
            ctx.services.db.models,
            input.orderedTimeSlotId,
            transaction,
          );
          assertActsFor(ctx.user, slot.endpoint.customerId);
          assertSlotDelivers(slot, input.deliveryDate);
          await assertInCatalog(
            ctx.services.db.models,
            slot.endpoint.id,
            slot.tracer.id,
            TracerType.Activity,
            transaction,
          );
          return createActivityOrder(
            ctx,
            scope,
            slot,
            input,
            OrderStatus.Accepted,
            input.comment || PRODUCTION_ORDER_COMMENT,
            input.limitOverride,
          );
        },
      ),
    ),

  /**
   * Ordered → Accepted for every Ordered order ordered or moved to the slot on the date,
   * except dead ones (core `isDeadOrder`; an Ordered order has no vials): they stay Ordered,
   * out of the slot's status, for production to reject or delete.
   */
  acceptSlot: procedure('order.production.manage')
    .input(acceptSlotInput)
    .mutation(({ ctx, input }) =>
      changeOrders<ActivityOrder>(ctx, {
        kind: activityOrderKind,
        verb: 'accept',
        target: async (transaction) => {
          await loadSlotContext(ctx.services.db.models, input.slotId, transaction);
          const ordered = await ctx.services.db.models.ActivityOrder.findAll({
            where: {
              deliveryDate: input.deliveryDate,
              status: OrderStatus.Ordered,
              [Op.or]: [{ orderedTimeSlotId: input.slotId }, { movedToTimeSlotId: input.slotId }],
            },
            order: [['id', 'ASC']],
            lock: transaction.LOCK.UPDATE,
            transaction,
          });
          return ordered.filter((row) => !isDeadOrder(row));
        },
        decide: async (row) => accept(row),
      }),
    ),

  /** Dose (and comment) of an Ordered or Accepted order; never the status. */
  editDose: productionEditProcedure(
    activityOrderKind,
    productionActivityOrderEditInput,
    applyActivityEdit,
  ),

  /**
   * Moves orders to an earlier-or-equal slot of the same endpoint, weekday and tracer that
   * delivers on their date (core `checkMove`); the ordered slot itself restores.
   */
  move: procedure('order.production.manage')
    .input(moveOrdersInput)
    .mutation(({ ctx, input }) =>
      writeMoves(ctx, input.orderIds, 'move', input.reason, async (row, slotOf) => {
        const from = await slotOf(row.orderedTimeSlotId);
        const to = await slotOf(input.toSlotId);
        const check = checkMove({ order: row, from: moveSlotOf(from), to: moveSlotOf(to) });
        if (!check.ok) {
          throw moveRefused(check.reason);
        }
        assertSlotDelivers(to, row.deliveryDate);
        row.movedToTimeSlotId = to.slot.id === from.slot.id ? null : to.slot.id;
      }),
    ),

  /** Moves orders back to the slot they were ordered to (never a released order). */
  restore: procedure('order.production.manage')
    .input(restoreOrdersInput)
    .mutation(({ ctx, input }) =>
      writeMoves(ctx, input.orderIds, 'restore', input.reason, (row) => {
        const check = checkRestore(row);
        if (!check.ok) {
          throw moveRefused(check.reason);
        }
        row.movedToTimeSlotId = null;
      }),
    ),

  /**
   * Deletes an order. A released order only with 'order.deleteReleased' (the site admin); its
   * vials go to another released order of the same delivery, or are detached.
   */
  productionDelete: productionDeleteProcedure(
    activityOrderKind,
    (services, row, customerId, scope) =>
      detachVialsOfActivityOrder(services, row, customerId, scope),
  ),
});

function applyActivityEdit(
  row: ActivityOrder,
  input: { orderedActivity?: number | undefined; comment?: string | null | undefined },
): void {
  if (input.orderedActivity !== undefined) {
    row.orderedActivity = input.orderedActivity;
  }
  if (input.comment !== undefined) {
    row.comment = input.comment || null;
  }
}

/** Moves and restores: each order judged with the slots it names, all or nothing. */
function writeMoves(
  writer: OrderWriter,
  orderIds: readonly number[],
  verb: 'move' | 'restore',
  reason: string | undefined,
  place: (
    row: ActivityOrder,
    slotOf: (slotId: number) => Promise<SlotContext>,
  ) => Promise<void> | void,
) {
  let slotOf: ((slotId: number) => Promise<SlotContext>) | null = null;
  return changeOrders<ActivityOrder>(writer, {
    kind: activityOrderKind,
    verb,
    target: orderIds,
    reason,
    needsReasonOnceAccepted: true,
    decide: async (row, _customerId, { transaction }) => {
      slotOf ??= slotCache(writer.services.db.models, transaction);
      await place(row, slotOf);
      return 'save';
    },
  });
}
