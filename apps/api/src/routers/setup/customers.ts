/**
 * Customers, their delivery endpoints and catalog pages (production set-up "Levering og
 * Kunder"). A customer's rows go to that customer's users; catalog pages go in full to
 * production and without the overhead to the customer's shop users (docs/domain.md: overhead is
 * never shown to customers).
 */
import {
  customerCreateInput,
  customerEditInput,
  deliveryEndpointCreateInput,
  deliveryEndpointEditInput,
  idInput,
  tracerCatalogPageCreateInput,
  tracerCatalogPageEditInput,
} from '@tracershop/core';
import type { TracerCatalogPage } from '@tracershop/db';
import type { PublishedChange } from '../../events/changeEvents';
import { apiError } from '../../errors';
import { writeRecord } from '../../recordWrites';
import { procedure, router } from '../../trpc/init';
import { customerIdOfEndpoint } from '../../endpointCustomers';
import {
  PRODUCTION,
  customerAudience,
  customerRowChanges,
  customerRowDeleted,
} from '../../events/audiences';
import { changesOf, createRow, findRow, saveChanges } from './rows';
import type { WireRow } from '../../wire';
import { toWire } from '../../wire';

/** A catalog page as shop users see it. */
export type CustomerCatalogPage = Omit<WireRow<TracerCatalogPage>, 'overheadMultiplier'>;

/** The page without the overhead multiplier. */
export function withoutOverhead(page: WireRow<TracerCatalogPage>): CustomerCatalogPage {
  const { overheadMultiplier: _overhead, ...customerView } = page;
  return customerView;
}

/** Production receives the whole page, the customer's shop users the page without overhead. */
function catalogPageChanges(
  page: WireRow<TracerCatalogPage>,
  customerId: number,
): PublishedChange[] {
  return [
    { entity: 'TracerCatalogPage', op: 'upsert', rows: [page], visibility: PRODUCTION },
    {
      entity: 'TracerCatalogPage',
      op: 'upsert',
      rows: [withoutOverhead(page)],
      visibility: { kind: 'customerOnly', customerId },
    },
  ];
}

const customersRouter = router({
  create: procedure('productionSetup.write')
    .input(customerCreateInput)
    .mutation(({ ctx, input }) =>
      writeRecord(ctx, async ({ transaction, audit, publish }) => {
        const row = await createRow(ctx.services.db.models.Customer, input, transaction);
        const after = toWire(row);
        await audit({ action: 'customer.create', entity: 'Customer', entityId: row.id, after });
        publish(...customerRowChanges('Customer', after, row.id));
        return after;
      }),
    ),

  edit: procedure('productionSetup.write')
    .input(customerEditInput)
    .mutation(({ ctx, input }) =>
      writeRecord(ctx, async ({ transaction, audit, publish }) => {
        const { Customer } = ctx.services.db.models;
        const row = await findRow(Customer, input.id, 'Customer', transaction);
        const before = toWire(row);
        if (await saveChanges(row, changesOf(input), transaction)) {
          const after = toWire(row);
          await audit({
            action: 'customer.edit',
            entity: 'Customer',
            entityId: row.id,
            before,
            after,
          });
          publish(...customerRowChanges('Customer', after, row.id));
        }
        return toWire(row);
      }),
    ),
});

const endpointsRouter = router({
  create: procedure('productionSetup.write')
    .input(deliveryEndpointCreateInput)
    .mutation(({ ctx, input }) =>
      writeRecord(ctx, async ({ transaction, audit, publish }) => {
        await findRow(ctx.services.db.models.Customer, input.customerId, 'Customer', transaction);
        const row = await createRow(ctx.services.db.models.DeliveryEndpoint, input, transaction);
        const after = toWire(row);
        await audit({
          action: 'deliveryEndpoint.create',
          entity: 'DeliveryEndpoint',
          entityId: row.id,
          after,
        });
        publish(...customerRowChanges('DeliveryEndpoint', after, row.customerId));
        return after;
      }),
    ),

  edit: procedure('productionSetup.write')
    .input(deliveryEndpointEditInput)
    .mutation(({ ctx, input }) =>
      writeRecord(ctx, async ({ transaction, audit, publish }) => {
        const { Customer, DeliveryEndpoint } = ctx.services.db.models;
        const row = await findRow(DeliveryEndpoint, input.id, 'DeliveryEndpoint', transaction);
        const before = toWire(row);
        if (input.customerId !== undefined && input.customerId !== row.customerId) {
          await findRow(Customer, input.customerId, 'Customer', transaction);
        }
        if (await saveChanges(row, changesOf(input), transaction)) {
          const after = toWire(row);
          await audit({
            action: 'deliveryEndpoint.edit',
            entity: 'DeliveryEndpoint',
            entityId: row.id,
            before,
            after,
          });
          publish(
            ...customerRowChanges('DeliveryEndpoint', after, row.customerId, before.customerId),
          );
        }
        return toWire(row);
      }),
    ),

  /** Refused with REFERENCED while slots, catalog pages, orders or locations use it. */
  delete: procedure('productionSetup.write')
    .input(idInput)
    .mutation(({ ctx, input }) =>
      writeRecord(ctx, async ({ transaction, audit, publish }) => {
        const { DeliveryEndpoint } = ctx.services.db.models;
        const row = await findRow(DeliveryEndpoint, input.id, 'DeliveryEndpoint', transaction);
        const before = toWire(row);
        await row.destroy({ transaction });
        await audit({
          action: 'deliveryEndpoint.delete',
          entity: 'DeliveryEndpoint',
          entityId: row.id,
          before,
        });
        publish(customerRowDeleted('DeliveryEndpoint', row.id, row.customerId));
        return { id: input.id };
      }),
    ),
});

const catalogPagesRouter = router({
  /** An endpoint may order the tracer from now on; a second page for the pair is a conflict. */
  create: procedure('productionSetup.write')
    .input(tracerCatalogPageCreateInput)
    .mutation(({ ctx, input }) =>
      writeRecord(ctx, async ({ transaction, audit, publish }) => {
        const { TracerCatalogPage, Tracer } = ctx.services.db.models;
        const customerId = await customerIdOfEndpoint(
          ctx.services.db.models,
          input.endpointId,
          transaction,
        );
        const tracer = await findRow(Tracer, input.tracerId, 'Tracer', transaction);
        if (tracer.archived) {
          throw apiError('TRACER_ARCHIVED');
        }
        const row = await createRow(TracerCatalogPage, input, transaction);
        const after = toWire(row);
        await audit({
          action: 'tracerCatalogPage.create',
          entity: 'TracerCatalogPage',
          entityId: row.id,
          after,
        });
        publish(...catalogPageChanges(after, customerId));
        return after;
      }),
    ),

  /** The overhead multiplier and the injection limit. */
  edit: procedure('productionSetup.write')
    .input(tracerCatalogPageEditInput)
    .mutation(({ ctx, input }) =>
      writeRecord(ctx, async ({ transaction, audit, publish }) => {
        const { TracerCatalogPage } = ctx.services.db.models;
        const row = await findRow(TracerCatalogPage, input.id, 'TracerCatalogPage', transaction);
        const before = toWire(row);
        if (await saveChanges(row, changesOf(input), transaction)) {
          const after = toWire(row);
          await audit({
            action: 'tracerCatalogPage.edit',
            entity: 'TracerCatalogPage',
            entityId: row.id,
            before,
            after,
          });
          const customerId = await customerIdOfEndpoint(
            ctx.services.db.models,
            row.endpointId,
            transaction,
          );
          publish(...catalogPageChanges(after, customerId));
        }
        return toWire(row);
      }),
    ),

  /** The endpoint may no longer order the tracer (orders already made stay). */
  delete: procedure('productionSetup.write')
    .input(idInput)
    .mutation(({ ctx, input }) =>
      writeRecord(ctx, async ({ transaction, audit, publish }) => {
        const { TracerCatalogPage } = ctx.services.db.models;
        const row = await findRow(TracerCatalogPage, input.id, 'TracerCatalogPage', transaction);
        const before = toWire(row);
        const customerId = await customerIdOfEndpoint(
          ctx.services.db.models,
          row.endpointId,
          transaction,
        );
        await row.destroy({ transaction });
        await audit({
          action: 'tracerCatalogPage.delete',
          entity: 'TracerCatalogPage',
          entityId: row.id,
          before,
        });
        publish({
          entity: 'TracerCatalogPage',
          op: 'delete',
          ids: [row.id],
          visibility: customerAudience(customerId),
        });
        return { id: input.id };
      }),
    ),
});

export { catalogPagesRouter, customersRouter, endpointsRouter };
