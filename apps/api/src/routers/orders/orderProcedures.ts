/**
 * The order procedures that are the same for activity, injection and isotope orders: the
 * shop's withdrawal of an Ordered order, and production's accept / reject / un-reject.
 */
import type { DeadlineScope } from '@tracershop/core';
import { idInput, orderIdsInput } from '@tracershop/core';
import { assertActsFor } from '../../customerScope';
import { procedure } from '../../trpc/init';
import type { OrderDecision, OrderKind, OrderRow } from './orderChanges';
import { accept, assertShopMayChange, changeOrders, reject, unreject } from './orderChanges';
import { assertOrderingOpen } from './orderingRules';

/** Withdraws an Ordered order before the deadline (shop users cannot reject). */
export function shopDeleteProcedure<M extends OrderRow>(kind: OrderKind<M>, scope: DeadlineScope) {
  return procedure('order.shop.write')
    .input(idInput)
    .mutation(async ({ ctx, input }) => {
      await changeOrders(ctx, {
        kind,
        verb: 'delete',
        target: [input.id],
        decide: async (row, customerId, transaction) => {
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
  decide: (row: OrderRow) => OrderDecision,
) {
  return procedure('order.production.manage')
    .input(orderIdsInput)
    .mutation(({ ctx, input }) =>
      changeOrders(ctx, { kind, verb, target: input.orderIds, decide: async (row) => decide(row) }),
    );
}

/**
 * Ordered → Accepted (Accepted ones stay), Ordered/Accepted → Rejected (never a released
 * order), Rejected → Accepted.
 */
export function statusProcedures<M extends OrderRow>(kind: OrderKind<M>) {
  return {
    accept: statusChange(kind, 'accept', accept),
    reject: statusChange(kind, 'reject', reject),
    unreject: statusChange(kind, 'unreject', unreject),
  };
}
