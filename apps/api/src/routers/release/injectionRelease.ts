/**
 * `release.injection` and `release.injectionMany`: the signed release of injection orders
 * (docs/domain.md, the user guides in docs/). The lot number is stored
 * on the order itself (there are no vials); several orders released together share one lot,
 * so they must be of one tracer. Only Accepted orders are released, all or none, and none
 * more than the tracer's lead time before its delivery (releaseGuardChecks.ts).
 */
import {
  OrderStatus,
  injectionMultiReleaseInput,
  injectionReleaseInput,
  isValidLotNumber,
  localDateTimeOf,
  localDateTimeOfInstant,
  canRelease,
} from '@tracershop/core';
import type { InjectionOrder } from '@tracershop/db';
import { verifySignature } from '../../auth/signature';
import { apiError, notFound } from '../../errors';
import { writeRecord } from '../../recordWrites';
import { procedure } from '../../trpc/init';
import { toWire } from '../../wire';
import { customersOfEndpoints } from '../../endpointCustomers';
import { upsertsByCustomer } from '../../events/audiences';
import { lockRows, uniqueIds } from './lockedRows';
import { assertNotTooEarly } from './releaseGuardChecks';
import { assertReleaseRights } from './releaseRightCheck';
import { freedFieldsOf, signatureHead } from './signatureManifest';
import type { InjectionReleaseManifest, SigningContext } from './signatureManifest';

interface InjectionReleaseWork {
  ctx: SigningContext;
  orderIds: number[];
  lotNumber: string;
  maxInjectionVolume: number;
  password: string;
  /** Audit action: one order or several under one lot. */
  action: 'injectionOrder.release' | 'injectionOrder.releaseMany';
}

async function releaseInjections(work: InjectionReleaseWork) {
  const { ctx, orderIds, lotNumber, maxInjectionVolume, action } = work;
  const { services, user } = ctx;
  const { models } = services.db;
  // The input schema checks the lot already; checked again because this is the GMP record.
  if (!isValidLotNumber(lotNumber)) {
    throw apiError('INVALID_INPUT', {}, { lotNumber });
  }
  await verifySignature({
    services,
    user,
    password: work.password,
    remoteAddress: ctx.remoteAddress,
    action,
    entity: 'InjectionOrder',
    entityIds: orderIds,
  });

  return writeRecord(ctx, async ({ transaction, audit, publish }) => {
    const orders: InjectionOrder[] = await lockRows(
      models.InjectionOrder,
      'InjectionOrder',
      orderIds,
      transaction,
    );
    const tracerIds = uniqueIds(orders.map((order) => order.tracerId));
    if (tracerIds.length > 1) {
      // One lot number names one batch of one tracer.
      throw apiError('INVALID_INPUT', {}, { tracerIds });
    }
    await assertReleaseRights(services, user, transaction, { tracerIds });
    for (const order of orders) {
      if (!canRelease(order.status)) {
        throw apiError('INVALID_STATUS', {}, { orderId: order.id, status: order.status });
      }
    }

    const signedAt = services.clock.now();
    const { timeZone } = services.config;
    const tracer = await models.Tracer.findByPk(tracerIds[0] ?? 0, { transaction });
    if (tracer === null) {
      throw notFound('Tracer', tracerIds);
    }
    const releaseLocal = localDateTimeOfInstant(signedAt.getTime(), timeZone);
    for (const order of orders) {
      assertNotTooEarly(
        tracer,
        localDateTimeOf(order.deliveryDate, order.deliveryTime),
        releaseLocal,
        timeZone,
      );
    }
    const before = orders.map(toWire);
    for (const order of orders) {
      order.set({
        status: OrderStatus.Released,
        lotNumber,
        maxInjectionVolume,
        ...freedFieldsOf(user, signedAt),
      });
      await order.save({ transaction });
    }
    const manifest: InjectionReleaseManifest = {
      ...signatureHead(user, signedAt, 'released'),
      orderIds,
      lotNumber,
      maxInjectionVolume,
    };
    await audit({
      action,
      entity: 'InjectionOrder',
      entityId: orderIds.length === 1 ? (orderIds[0] ?? null) : null,
      at: signedAt,
      before: { orders: before },
      after: manifest,
    });

    const released = orders.map(toWire);
    const customers = await customersOfEndpoints(
      models,
      orders.map((order) => order.endpointId),
      transaction,
    );
    publish(
      ...upsertsByCustomer('InjectionOrder', released, (row) => customers.get(row.endpointId)),
    );
    return { manifest, orders: released };
  });
}

export const releaseInjection = procedure('order.release')
  .input(injectionReleaseInput)
  .mutation(({ ctx, input }) =>
    releaseInjections({
      ctx,
      orderIds: [input.orderId],
      lotNumber: input.lotNumber,
      maxInjectionVolume: input.maxInjectionVolume,
      password: input.password,
      action: 'injectionOrder.release',
    }),
  );

export const releaseInjectionMany = procedure('order.release')
  .input(injectionMultiReleaseInput)
  .mutation(({ ctx, input }) =>
    releaseInjections({
      ctx,
      orderIds: uniqueIds(input.orderIds),
      lotNumber: input.lotNumber,
      maxInjectionVolume: input.maxInjectionVolume,
      password: input.password,
      action: 'injectionOrder.releaseMany',
    }),
  );
