/**
 * The order procedures that are the same for activity, injection and isotope orders: the
 * shop's edit and withdrawal of an Ordered order, production's accept / reject / un-reject,
 * edit and delete. Each kind supplies only what differs (its fields, its vials).
 */
import type { DeadlineScope, LimitOverrideInput } from '@tracershop/core';
import {
  allowed,
  idInput,
  orderIdsInput,
  productionOrderDeleteInput,
  isReleased,
} from '@tracershop/core';
import type { z } from 'zod';
import { assertActsFor } from '../../customerScope';
import { apiError } from '../../errors';
import type { WriteScope } from '../../recordWrites';
import type { ApiServices } from '../../services';
import { procedure } from '../../trpc/init';
import type { OrderDecision, OrderKind, OrderRow } from './orderChanges';
import {
  accept,
  assertProductionMayEdit,
  assertShopMayChange,
  changeOrders,
  onlyOrder,
  reject,
  unreject,
} from './orderChanges';
import { assertOrderingOpen } from './orderingRules';
import { auditLimitOverride, settleLimits } from './plausibilityChecks';

/** Withdraws an Ordered order before the deadline (shop users cannot reject). */
export function shopDeleteProcedure<M extends OrderRow>(kind: OrderKind<M>, scope: DeadlineScope) {
  return procedure('order.shop.write')
    .input(idInput)
    .mutation(async ({ ctx, input }) => {
      await changeOrders(ctx, {
        kind,
        verb: 'delete',
        target: [input.id],
        decide: async (row, customerId, { transaction }) => {
          assertActsFor(ctx.user, customerId);
          assertShopMayChange(row);
          await assertOrderingOpen(ctx.services, ctx.user, scope, row.deliveryDate, transaction);
          return 'delete';
        },
      });
      return { id: input.id };
    });
}

function statusChange<M extends OrderRow>(
  kind: OrderKind<M>,
  verb: 'accept' | 'reject' | 'unreject',
  decide: (row: M) => OrderDecision,
) {
  return procedure('order.production.manage')
    .input(orderIdsInput)
    .mutation(({ ctx, input }) =>
      changeOrders(ctx, { kind, verb, target: input.orderIds, decide: async (row) => decide(row) }),
    );
}

/**
 * Ordered → Accepted (Accepted ones and dead ones stay), Ordered/Accepted → Rejected (never a
 * released order; dead ones too), Rejected → Accepted.
 */
export function statusProcedures<M extends OrderRow>(kind: OrderKind<M>) {
  return {
    accept: statusChange(kind, 'accept', (row) => accept(row, kind.isDead?.(row) ?? false)),
    reject: statusChange(kind, 'reject', reject),
    unreject: statusChange(kind, 'unreject', unreject),
  };
}

/** An edit input: the order's id, the fields to change and production's override reason. */
type EditSchema = z.ZodType<{
  id: number;
  limitOverride?: LimitOverrideInput | undefined;
  reason?: string | undefined;
}>;

/**
 * After an edit: refuses a figure above the tracer's plausibility limits unless `override`
 * gives production's reason, which is then audited next to the edit.
 */
async function checkLimits<M extends OrderRow>(
  services: ApiServices,
  kind: OrderKind<M>,
  row: M,
  writeScope: WriteScope,
  override: LimitOverrideInput | undefined,
): Promise<void> {
  const found = await kind.limitBreaches?.(services.db.models, row, writeScope.transaction);
  if (found == null) {
    return;
  }
  const record = settleLimits(found.tracer, found.breaches, override);
  if (kind.entity !== 'IsotopeOrder') {
    await auditLimitOverride(writeScope, { entity: kind.entity, id: row.id }, record);
  }
}

/** The shop's edit of an Ordered order of its customer, before the deadline. */
export function shopEditProcedure<M extends OrderRow, S extends EditSchema>(
  kind: OrderKind<M>,
  scope: DeadlineScope,
  schema: S,
  apply: (row: M, input: z.output<S>) => void,
) {
  return procedure('order.shop.write')
    .input(schema)
    .mutation(async ({ ctx, input }) =>
      onlyOrder(
        await changeOrders(ctx, {
          kind,
          verb: 'edit',
          target: [input.id],
          decide: async (row, customerId, writeScope) => {
            assertActsFor(ctx.user, customerId);
            assertShopMayChange(row);
            await assertOrderingOpen(
              ctx.services,
              ctx.user,
              scope,
              row.deliveryDate,
              writeScope.transaction,
            );
            // tRPC's generic parser output is the schema's output; TS cannot see it through S.
            apply(row, input as z.output<S>);
            await checkLimits(ctx.services, kind, row, writeScope, undefined);
            return 'save';
          },
        }),
      ),
    );
}

/** Production's edit of an Ordered or Accepted order, with its reason; never the status. */
export function productionEditProcedure<M extends OrderRow, S extends EditSchema>(
  kind: OrderKind<M>,
  schema: S,
  apply: (row: M, input: z.output<S>) => void,
) {
  return procedure('order.production.manage')
    .input(schema)
    .mutation(async ({ ctx, input }) =>
      onlyOrder(
        await changeOrders(ctx, {
          kind,
          verb: 'edit',
          target: [input.id],
          reason: (input as z.output<S>).reason,
          needsReasonOnceAccepted: true,
          decide: async (row, _customerId, writeScope) => {
            assertProductionMayEdit(row);
            // tRPC's generic parser output is the schema's output; TS cannot see it through S.
            const values = input as z.output<S>;
            apply(row, values);
            await checkLimits(ctx.services, kind, row, writeScope, values.limitOverride);
            return 'save';
          },
        }),
      ),
    );
}

/**
 * Production deletes an order; a released one only with 'order.deleteReleased' (site
 * admin), after `detachVials` passed its vials on or detached them. An accepted or released
 * order needs the user's reason (core `changeNeedsReason`), kept with the delete's audit event
 * and with those of the vials it passes on.
 */
export function productionDeleteProcedure<M extends OrderRow>(
  kind: OrderKind<M>,
  detachVials?: (
    services: ApiServices,
    row: M,
    customerId: number,
    scope: WriteScope,
  ) => Promise<void>,
) {
  return procedure('order.production.manage')
    .input(productionOrderDeleteInput)
    .mutation(async ({ ctx, input }) => {
      const reason = input.reason ?? null;
      await changeOrders(ctx, {
        kind,
        verb: 'delete',
        target: [input.id],
        reason: input.reason,
        decide: async (row) => {
          if (isReleased(row.status) && !allowed(ctx.user.userGroup, 'order.deleteReleased')) {
            throw apiError('ORDER_RELEASED');
          }
          return 'delete';
        },
        beforeDelete: async (row, customerId, scope) => {
          await detachVials?.(ctx.services, row, customerId, {
            ...scope,
            audit: (entry) => scope.audit({ ...entry, reason: entry.reason ?? reason }),
          });
        },
      });
      return { id: input.id };
    });
}
