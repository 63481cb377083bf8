/**
 * Injection orders (a number of doses of an injection tracer at a time of day). The shop
 * creates, edits and deletes its customers' Ordered orders before the injection deadline;
 * production creates for a customer (Ordered, like the legacy), accepts, rejects, un-rejects,
 * edits and deletes (released ones only the site admin). Releasing is the release router's.
 */
import {
  DeadlineScope,
  OrderStatus,
  TracerType,
  injectionOrderBreaches,
  injectionOrderCreateInput,
  injectionOrderEditInput,
  productionInjectionOrderCreateInput,
  productionInjectionOrderEditInput,
} from '@tracershop/core';
import type {
  InjectionOrderCreateInput,
  InjectionOrderEditInput,
  LimitOverrideInput,
} from '@tracershop/core';
import type { InjectionOrder } from '@tracershop/db';
import { assertActsFor } from '../../customerScope';
import { writeOncePerClientKey } from '../../recordWrites';
import { procedure, router } from '../../trpc/init';
import { toWire } from '../../wire';
import { notFound } from '../../errors';
import type { OrderWriter } from './orderChanges';
import {
  productionDeleteProcedure,
  productionEditProcedure,
  shopDeleteProcedure,
  shopEditProcedure,
  statusProcedures,
} from './orderProcedures';
import { injectionOrderKind } from './orderChanges';
import { auditLimitOverride, settleLimits } from './plausibilityChecks';
import { findEndpoint } from '../../endpointCustomers';
import { assertInCatalog, assertOrderingOpen, personNameOf } from './orderingRules';
import { customerAudience } from '../../events/audiences';

/**
 * Creates an injection order (always Ordered, ordered by the caller) after the scope, the
 * deadline (shop users only), the catalog and the tracer's plausibility limit (above it only
 * with production's `override`) are checked; audits and publishes it.
 */
function createInjectionOrder(
  writer: OrderWriter,
  procedurePath: string,
  input: InjectionOrderCreateInput,
  override?: LimitOverrideInput,
) {
  const { services, user } = writer;
  const { models } = services.db;
  return writeOncePerClientKey(writer, procedurePath, input.clientKey, async (scope) => {
    const { transaction } = scope;
    const endpoint = await findEndpoint(models, input.endpointId, transaction);
    assertActsFor(user, endpoint.customerId);
    await assertOrderingOpen(
      services,
      user,
      DeadlineScope.Injection,
      input.deliveryDate,
      transaction,
    );
    await assertInCatalog(models, endpoint.id, input.tracerId, TracerType.Injection, transaction);
    const tracer = await models.Tracer.findByPk(input.tracerId, { transaction });
    if (tracer === null) {
      throw notFound('Tracer', [input.tracerId]);
    }
    const limitOverride = settleLimits(
      tracer,
      injectionOrderBreaches(tracer, input.injections),
      override,
    );
    const row = await models.InjectionOrder.create(
      {
        endpointId: endpoint.id,
        tracerId: input.tracerId,
        deliveryDate: input.deliveryDate,
        deliveryTime: input.deliveryTime,
        injections: input.injections,
        tracerUsage: input.tracerUsage,
        status: OrderStatus.Ordered,
        comment: input.comment || null,
        lotNumber: null,
        maxInjectionVolume: null,
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
      action: 'injectionOrder.create',
      entity: 'InjectionOrder',
      entityId: row.id,
      after: wire,
    });
    await auditLimitOverride(scope, { entity: 'InjectionOrder', id: row.id }, limitOverride);
    scope.publish({
      entity: 'InjectionOrder',
      op: 'upsert',
      rows: [wire],
      visibility: customerAudience(endpoint.customerId),
    });
    return wire;
  });
}

function applyInjectionEdit(row: InjectionOrder, input: InjectionOrderEditInput): void {
  if (input.deliveryTime !== undefined) {
    row.deliveryTime = input.deliveryTime;
  }
  if (input.injections !== undefined) {
    row.injections = input.injections;
  }
  if (input.tracerUsage !== undefined) {
    row.tracerUsage = input.tracerUsage;
  }
  if (input.comment !== undefined) {
    row.comment = input.comment || null;
  }
}

export const injectionOrdersRouter = router({
  // --- Shop ---------------------------------------------------------------------------------

  create: procedure('order.shop.write')
    .input(injectionOrderCreateInput)
    .mutation(({ ctx, input }) => createInjectionOrder(ctx, 'orders.injection.create', input)),

  /** Time, doses, usage and comment of an Ordered order, before the injection deadline. */
  edit: shopEditProcedure(
    injectionOrderKind,
    DeadlineScope.Injection,
    injectionOrderEditInput,
    applyInjectionEdit,
  ),

  delete: shopDeleteProcedure(injectionOrderKind, DeadlineScope.Injection),

  // --- Production ---------------------------------------------------------------------------

  ...statusProcedures(injectionOrderKind),

  /** An order production enters for a customer: Ordered, also late and on closed days. */
  createForCustomer: procedure('order.production.manage')
    .input(productionInjectionOrderCreateInput)
    .mutation(({ ctx, input }) =>
      createInjectionOrder(ctx, 'orders.injection.createForCustomer', input, input.limitOverride),
    ),

  /** Time, doses, usage and comment of an Ordered or Accepted order; never the status. */
  productionEdit: productionEditProcedure(
    injectionOrderKind,
    productionInjectionOrderEditInput,
    applyInjectionEdit,
  ),

  /** Deletes an order; a released one only with 'order.deleteReleased' (site admin). */
  productionDelete: productionDeleteProcedure(injectionOrderKind),
});
