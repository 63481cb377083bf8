/**
 * The weekly schedule (production set-up "Produktioner" and the slots of "Levering og
 * Kunder"): activity productions, their delivery slots, isotope productions and isotope
 * deliveries. A delivery never lies before its production (core `isDeliveryAfterProduction`),
 * also when the production's time moves later; a production still used by a slot or delivery
 * is not deleted (the database refuses with REFERENCED).
 */
import {
  TracerType,
  activityDeliveryTimeSlotCreateInput,
  activityDeliveryTimeSlotEditInput,
  activityProductionCreateInput,
  activityProductionEditInput,
  idInput,
  isDeliveryAfterProduction,
  isotopeDeliveryCreateInput,
  isotopeDeliveryEditInput,
  isotopeProductionCreateInput,
  isotopeProductionEditInput,
} from '@tracershop/core';
import type { Transaction } from 'sequelize';
import { apiError } from '../../errors';
import { writeRecord } from '../../recordWrites';
import type { ApiServices } from '../../services';
import { procedure, router } from '../../trpc/init';
import { customerIdOfEndpoint } from '../../endpointCustomers';
import { EVERYONE, customerRowChanges, customerRowDeleted } from '../../events/audiences';
import { changesOf, createRow, findRow, saveChanges } from './rows';
import { toWire } from '../../wire';

/** Refuses a delivery before its production. */
function assertDeliveryAfterProduction(productionTime: string, deliveryTime: string): void {
  if (!isDeliveryAfterProduction(productionTime, deliveryTime)) {
    throw apiError('DELIVERY_BEFORE_PRODUCTION');
  }
}

/** Productions are made of activity tracers that are in use (injection tracers have none). */
async function assertProducibleTracer(
  services: ApiServices,
  tracerId: number,
  transaction: Transaction,
): Promise<void> {
  const tracer = await findRow(services.db.models.Tracer, tracerId, 'Tracer', transaction);
  if (tracer.tracerType !== TracerType.Activity) {
    throw apiError('NOT_ACTIVITY_TRACER');
  }
  if (tracer.archived) {
    throw apiError('TRACER_ARCHIVED');
  }
}

const productionsRouter = router({
  create: procedure('productionSetup.write')
    .input(activityProductionCreateInput)
    .mutation(({ ctx, input }) =>
      writeRecord(ctx, async ({ transaction, audit, publish }) => {
        await assertProducibleTracer(ctx.services, input.tracerId, transaction);
        const row = await createRow(ctx.services.db.models.ActivityProduction, input, transaction);
        const after = toWire(row);
        await audit({
          action: 'activityProduction.create',
          entity: 'ActivityProduction',
          entityId: row.id,
          after,
        });
        publish({
          entity: 'ActivityProduction',
          op: 'upsert',
          rows: [after],
          visibility: EVERYONE,
        });
        return after;
      }),
    ),

  edit: procedure('productionSetup.write')
    .input(activityProductionEditInput)
    .mutation(({ ctx, input }) =>
      writeRecord(ctx, async ({ transaction, audit, publish }) => {
        const { ActivityProduction, ActivityDeliveryTimeSlot } = ctx.services.db.models;
        const row = await findRow(ActivityProduction, input.id, 'ActivityProduction', transaction);
        const before = toWire(row);
        if (input.tracerId !== undefined && input.tracerId !== row.tracerId) {
          await assertProducibleTracer(ctx.services, input.tracerId, transaction);
        }
        if (input.productionTime !== undefined) {
          const slots = await ActivityDeliveryTimeSlot.findAll({
            where: { productionId: row.id },
            transaction,
          });
          for (const slot of slots) {
            assertDeliveryAfterProduction(input.productionTime, slot.deliveryTime);
          }
        }
        if (await saveChanges(row, changesOf(input), transaction)) {
          const after = toWire(row);
          await audit({
            action: 'activityProduction.edit',
            entity: 'ActivityProduction',
            entityId: row.id,
            before,
            after,
          });
          publish({
            entity: 'ActivityProduction',
            op: 'upsert',
            rows: [after],
            visibility: EVERYONE,
          });
        }
        return toWire(row);
      }),
    ),

  /** Refused with REFERENCED while a delivery slot uses the production. */
  delete: procedure('productionSetup.write')
    .input(idInput)
    .mutation(({ ctx, input }) =>
      writeRecord(ctx, async ({ transaction, audit, publish }) => {
        const { ActivityProduction } = ctx.services.db.models;
        const row = await findRow(ActivityProduction, input.id, 'ActivityProduction', transaction);
        const before = toWire(row);
        await row.destroy({ transaction });
        await audit({
          action: 'activityProduction.delete',
          entity: 'ActivityProduction',
          entityId: row.id,
          before,
        });
        publish({
          entity: 'ActivityProduction',
          op: 'delete',
          ids: [row.id],
          visibility: EVERYONE,
        });
        return { id: input.id };
      }),
    ),
});

const deliverySlotsRouter = router({
  create: procedure('productionSetup.write')
    .input(activityDeliveryTimeSlotCreateInput)
    .mutation(({ ctx, input }) =>
      writeRecord(ctx, async ({ transaction, audit, publish }) => {
        const { ActivityProduction, ActivityDeliveryTimeSlot } = ctx.services.db.models;
        const customerId = await customerIdOfEndpoint(
          ctx.services.db.models,
          input.endpointId,
          transaction,
        );
        const production = await findRow(
          ActivityProduction,
          input.productionId,
          'ActivityProduction',
          transaction,
        );
        assertDeliveryAfterProduction(production.productionTime, input.deliveryTime);
        const row = await createRow(ActivityDeliveryTimeSlot, input, transaction);
        const after = toWire(row);
        await audit({
          action: 'activityDeliveryTimeSlot.create',
          entity: 'ActivityDeliveryTimeSlot',
          entityId: row.id,
          after,
        });
        publish(...customerRowChanges('ActivityDeliveryTimeSlot', after, customerId));
        return after;
      }),
    ),

  edit: procedure('productionSetup.write')
    .input(activityDeliveryTimeSlotEditInput)
    .mutation(({ ctx, input }) =>
      writeRecord(ctx, async ({ transaction, audit, publish }) => {
        const { ActivityProduction, ActivityDeliveryTimeSlot } = ctx.services.db.models;
        const row = await findRow(
          ActivityDeliveryTimeSlot,
          input.id,
          'ActivityDeliveryTimeSlot',
          transaction,
        );
        const before = toWire(row);
        const previousCustomerId = await customerIdOfEndpoint(
          ctx.services.db.models,
          row.endpointId,
          transaction,
        );
        const customerId =
          input.endpointId === undefined || input.endpointId === row.endpointId
            ? previousCustomerId
            : await customerIdOfEndpoint(ctx.services.db.models, input.endpointId, transaction);
        const production = await findRow(
          ActivityProduction,
          input.productionId ?? row.productionId,
          'ActivityProduction',
          transaction,
        );
        assertDeliveryAfterProduction(
          production.productionTime,
          input.deliveryTime ?? row.deliveryTime,
        );
        if (await saveChanges(row, changesOf(input), transaction)) {
          const after = toWire(row);
          await audit({
            action: 'activityDeliveryTimeSlot.edit',
            entity: 'ActivityDeliveryTimeSlot',
            entityId: row.id,
            before,
            after,
          });
          publish(
            ...customerRowChanges(
              'ActivityDeliveryTimeSlot',
              after,
              customerId,
              previousCustomerId,
            ),
          );
        }
        return toWire(row);
      }),
    ),

  /** Refused with REFERENCED while orders were made for the slot (expire it instead). */
  delete: procedure('productionSetup.write')
    .input(idInput)
    .mutation(({ ctx, input }) =>
      writeRecord(ctx, async ({ transaction, audit, publish }) => {
        const { ActivityDeliveryTimeSlot } = ctx.services.db.models;
        const row = await findRow(
          ActivityDeliveryTimeSlot,
          input.id,
          'ActivityDeliveryTimeSlot',
          transaction,
        );
        const before = toWire(row);
        const customerId = await customerIdOfEndpoint(
          ctx.services.db.models,
          row.endpointId,
          transaction,
        );
        await row.destroy({ transaction });
        await audit({
          action: 'activityDeliveryTimeSlot.delete',
          entity: 'ActivityDeliveryTimeSlot',
          entityId: row.id,
          before,
        });
        publish(customerRowDeleted('ActivityDeliveryTimeSlot', row.id, customerId));
        return { id: input.id };
      }),
    ),
});

const isotopeProductionsRouter = router({
  create: procedure('productionSetup.write')
    .input(isotopeProductionCreateInput)
    .mutation(({ ctx, input }) =>
      writeRecord(ctx, async ({ transaction, audit, publish }) => {
        const { Isotope, IsotopeProduction } = ctx.services.db.models;
        await findRow(Isotope, input.isotopeId, 'Isotope', transaction);
        const row = await createRow(IsotopeProduction, input, transaction);
        const after = toWire(row);
        await audit({
          action: 'isotopeProduction.create',
          entity: 'IsotopeProduction',
          entityId: row.id,
          after,
        });
        publish({ entity: 'IsotopeProduction', op: 'upsert', rows: [after], visibility: EVERYONE });
        return after;
      }),
    ),

  edit: procedure('productionSetup.write')
    .input(isotopeProductionEditInput)
    .mutation(({ ctx, input }) =>
      writeRecord(ctx, async ({ transaction, audit, publish }) => {
        const { IsotopeProduction, IsotopeDelivery } = ctx.services.db.models;
        const row = await findRow(IsotopeProduction, input.id, 'IsotopeProduction', transaction);
        const before = toWire(row);
        if (input.productionTime !== undefined) {
          const deliveries = await IsotopeDelivery.findAll({
            where: { isotopeProductionId: row.id },
            transaction,
          });
          for (const delivery of deliveries) {
            assertDeliveryAfterProduction(input.productionTime, delivery.deliveryTime);
          }
        }
        if (await saveChanges(row, changesOf(input), transaction)) {
          const after = toWire(row);
          await audit({
            action: 'isotopeProduction.edit',
            entity: 'IsotopeProduction',
            entityId: row.id,
            before,
            after,
          });
          publish({
            entity: 'IsotopeProduction',
            op: 'upsert',
            rows: [after],
            visibility: EVERYONE,
          });
        }
        return toWire(row);
      }),
    ),

  /** Refused with REFERENCED while an isotope delivery uses the production. */
  delete: procedure('productionSetup.write')
    .input(idInput)
    .mutation(({ ctx, input }) =>
      writeRecord(ctx, async ({ transaction, audit, publish }) => {
        const { IsotopeProduction } = ctx.services.db.models;
        const row = await findRow(IsotopeProduction, input.id, 'IsotopeProduction', transaction);
        const before = toWire(row);
        await row.destroy({ transaction });
        await audit({
          action: 'isotopeProduction.delete',
          entity: 'IsotopeProduction',
          entityId: row.id,
          before,
        });
        publish({ entity: 'IsotopeProduction', op: 'delete', ids: [row.id], visibility: EVERYONE });
        return { id: input.id };
      }),
    ),
});

const isotopeDeliveriesRouter = router({
  create: procedure('productionSetup.write')
    .input(isotopeDeliveryCreateInput)
    .mutation(({ ctx, input }) =>
      writeRecord(ctx, async ({ transaction, audit, publish }) => {
        const { IsotopeProduction, IsotopeDelivery } = ctx.services.db.models;
        const customerId = await customerIdOfEndpoint(
          ctx.services.db.models,
          input.endpointId,
          transaction,
        );
        const production = await findRow(
          IsotopeProduction,
          input.isotopeProductionId,
          'IsotopeProduction',
          transaction,
        );
        assertDeliveryAfterProduction(production.productionTime, input.deliveryTime);
        const row = await createRow(IsotopeDelivery, input, transaction);
        const after = toWire(row);
        await audit({
          action: 'isotopeDelivery.create',
          entity: 'IsotopeDelivery',
          entityId: row.id,
          after,
        });
        publish(...customerRowChanges('IsotopeDelivery', after, customerId));
        return after;
      }),
    ),

  edit: procedure('productionSetup.write')
    .input(isotopeDeliveryEditInput)
    .mutation(({ ctx, input }) =>
      writeRecord(ctx, async ({ transaction, audit, publish }) => {
        const { IsotopeProduction, IsotopeDelivery } = ctx.services.db.models;
        const row = await findRow(IsotopeDelivery, input.id, 'IsotopeDelivery', transaction);
        const before = toWire(row);
        const previousCustomerId = await customerIdOfEndpoint(
          ctx.services.db.models,
          row.endpointId,
          transaction,
        );
        const customerId =
          input.endpointId === undefined || input.endpointId === row.endpointId
            ? previousCustomerId
            : await customerIdOfEndpoint(ctx.services.db.models, input.endpointId, transaction);
        const production = await findRow(
          IsotopeProduction,
          input.isotopeProductionId ?? row.isotopeProductionId,
          'IsotopeProduction',
          transaction,
        );
        assertDeliveryAfterProduction(
          production.productionTime,
          input.deliveryTime ?? row.deliveryTime,
        );
        if (await saveChanges(row, changesOf(input), transaction)) {
          const after = toWire(row);
          await audit({
            action: 'isotopeDelivery.edit',
            entity: 'IsotopeDelivery',
            entityId: row.id,
            before,
            after,
          });
          publish(...customerRowChanges('IsotopeDelivery', after, customerId, previousCustomerId));
        }
        return toWire(row);
      }),
    ),

  /** Refused with REFERENCED while isotope orders were made for the delivery. */
  delete: procedure('productionSetup.write')
    .input(idInput)
    .mutation(({ ctx, input }) =>
      writeRecord(ctx, async ({ transaction, audit, publish }) => {
        const { IsotopeDelivery } = ctx.services.db.models;
        const row = await findRow(IsotopeDelivery, input.id, 'IsotopeDelivery', transaction);
        const before = toWire(row);
        const customerId = await customerIdOfEndpoint(
          ctx.services.db.models,
          row.endpointId,
          transaction,
        );
        await row.destroy({ transaction });
        await audit({
          action: 'isotopeDelivery.delete',
          entity: 'IsotopeDelivery',
          entityId: row.id,
          before,
        });
        publish(customerRowDeleted('IsotopeDelivery', row.id, customerId));
        return { id: input.id };
      }),
    ),
});

export {
  deliverySlotsRouter,
  isotopeDeliveriesRouter,
  isotopeProductionsRouter,
  productionsRouter,
};
