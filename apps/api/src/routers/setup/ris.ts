/**
 * What ties RIS bookings to orders: locations (scanner rooms) and procedures (study → tracer
 * per endpoint), set up by shop admins for their own customers' endpoints ("Opsætning" of the
 * shop), and procedure identifiers (RIS study types, `isPet` marking the PET ones), set up by
 * the site admin. A shop admin never moves a row to, or leaves it at, an endpoint they do not
 * represent: an endpoint-less location belongs to nobody they could see.
 */
import {
  idInput,
  locationCreateInput,
  locationEditInput,
  procedureCreateInput,
  procedureEditInput,
  procedureIdentifierCreateInput,
  procedureIdentifierEditInput,
} from '@tracershop/core';
import type { Transaction } from 'sequelize';
import type { SessionUser } from '../../auth/sessions';
import { assertActsFor, customerLimitOf } from '../../customerScope';
import { apiError } from '../../errors';
import { writeRecord } from '../../recordWrites';
import type { ApiServices } from '../../services';
import { procedure, router } from '../../trpc/init';
import { customerIdOfEndpoint, customerIdOfOptionalEndpoint } from '../../endpointCustomers';
import { EVERYONE, customerRowChanges, customerRowDeleted } from '../../events/audiences';
import { changesOf, createRow, findRow, saveChanges } from './rows';
import { toWire } from '../../wire';

/**
 * The customer of an endpoint `user` may put a row at: theirs, or for unscoped users any
 * (null for no endpoint, which only unscoped users may choose).
 */
async function customerForPlacement(
  services: ApiServices,
  user: SessionUser,
  endpointId: number | null | undefined,
  transaction: Transaction,
): Promise<number | null> {
  const customerId = await customerIdOfOptionalEndpoint(
    services.db.models,
    endpointId,
    transaction,
  );
  if (customerId === null) {
    if (customerLimitOf(user) !== null) {
      throw apiError('NOT_ASSIGNED');
    }
    return null;
  }
  assertActsFor(user, customerId);
  return customerId;
}

/** Procedures name a tracer the endpoint may order. */
async function assertInCatalog(
  services: ApiServices,
  endpointId: number,
  tracerId: number,
  transaction: Transaction,
): Promise<void> {
  const page = await services.db.models.TracerCatalogPage.findOne({
    where: { endpointId, tracerId },
    transaction,
  });
  if (page === null) {
    throw apiError('NOT_IN_CATALOG');
  }
}

const locationsRouter = router({
  create: procedure('shopSetup.write')
    .input(locationCreateInput)
    .mutation(({ ctx, input }) =>
      writeRecord(ctx, async ({ transaction, audit, publish }) => {
        const customerId = await customerForPlacement(
          ctx.services,
          ctx.user,
          input.endpointId,
          transaction,
        );
        const row = await createRow(ctx.services.db.models.Location, input, transaction);
        const after = toWire(row);
        await audit({ action: 'location.create', entity: 'Location', entityId: row.id, after });
        publish(...customerRowChanges('Location', after, customerId));
        return after;
      }),
    ),

  /** The friendly name and the endpoint ("Kalde navn", "Destination"). */
  edit: procedure('shopSetup.write')
    .input(locationEditInput)
    .mutation(({ ctx, input }) =>
      writeRecord(ctx, async ({ transaction, audit, publish }) => {
        const row = await findRow(
          ctx.services.db.models.Location,
          input.id,
          'Location',
          transaction,
        );
        const previousCustomerId = await customerForPlacement(
          ctx.services,
          ctx.user,
          row.endpointId,
          transaction,
        );
        const customerId =
          input.endpointId === undefined
            ? previousCustomerId
            : await customerForPlacement(ctx.services, ctx.user, input.endpointId, transaction);
        const before = toWire(row);
        if (await saveChanges(row, changesOf(input), transaction)) {
          const after = toWire(row);
          await audit({
            action: 'location.edit',
            entity: 'Location',
            entityId: row.id,
            before,
            after,
          });
          publish(...customerRowChanges('Location', after, customerId, previousCustomerId));
        }
        return toWire(row);
      }),
    ),

  /** Refused with REFERENCED while bookings were made at the location. */
  delete: procedure('shopSetup.write')
    .input(idInput)
    .mutation(({ ctx, input }) =>
      writeRecord(ctx, async ({ transaction, audit, publish }) => {
        const row = await findRow(
          ctx.services.db.models.Location,
          input.id,
          'Location',
          transaction,
        );
        const customerId = await customerForPlacement(
          ctx.services,
          ctx.user,
          row.endpointId,
          transaction,
        );
        const before = toWire(row);
        await row.destroy({ transaction });
        await audit({ action: 'location.delete', entity: 'Location', entityId: row.id, before });
        publish(customerRowDeleted('Location', row.id, customerId));
        return { id: input.id };
      }),
    ),
});

const procedureIdentifiersRouter = router({
  create: procedure('admin.config')
    .input(procedureIdentifierCreateInput)
    .mutation(({ ctx, input }) =>
      writeRecord(ctx, async ({ transaction, audit, publish }) => {
        const row = await createRow(ctx.services.db.models.ProcedureIdentifier, input, transaction);
        const after = toWire(row);
        await audit({
          action: 'procedureIdentifier.create',
          entity: 'ProcedureIdentifier',
          entityId: row.id,
          after,
        });
        publish({
          entity: 'ProcedureIdentifier',
          op: 'upsert',
          rows: [after],
          visibility: EVERYONE,
        });
        return after;
      }),
    ),

  /** Mostly `isPet` ("Er pet"): which studies matter for ordering. */
  edit: procedure('admin.config')
    .input(procedureIdentifierEditInput)
    .mutation(({ ctx, input }) =>
      writeRecord(ctx, async ({ transaction, audit, publish }) => {
        const { ProcedureIdentifier } = ctx.services.db.models;
        const row = await findRow(
          ProcedureIdentifier,
          input.id,
          'ProcedureIdentifier',
          transaction,
        );
        const before = toWire(row);
        if (await saveChanges(row, changesOf(input), transaction)) {
          const after = toWire(row);
          await audit({
            action: 'procedureIdentifier.edit',
            entity: 'ProcedureIdentifier',
            entityId: row.id,
            before,
            after,
          });
          publish({
            entity: 'ProcedureIdentifier',
            op: 'upsert',
            rows: [after],
            visibility: EVERYONE,
          });
        }
        return toWire(row);
      }),
    ),

  /** Refused with REFERENCED while procedures or bookings use it. */
  delete: procedure('admin.config')
    .input(idInput)
    .mutation(({ ctx, input }) =>
      writeRecord(ctx, async ({ transaction, audit, publish }) => {
        const { ProcedureIdentifier } = ctx.services.db.models;
        const row = await findRow(
          ProcedureIdentifier,
          input.id,
          'ProcedureIdentifier',
          transaction,
        );
        const before = toWire(row);
        await row.destroy({ transaction });
        await audit({
          action: 'procedureIdentifier.delete',
          entity: 'ProcedureIdentifier',
          entityId: row.id,
          before,
        });
        publish({
          entity: 'ProcedureIdentifier',
          op: 'delete',
          ids: [row.id],
          visibility: EVERYONE,
        });
        return { id: input.id };
      }),
    ),
});

const proceduresRouter = router({
  create: procedure('shopSetup.write')
    .input(procedureCreateInput)
    .mutation(({ ctx, input }) =>
      writeRecord(ctx, async ({ transaction, audit, publish }) => {
        const customerId = await customerIdOfEndpoint(
          ctx.services.db.models,
          input.endpointId,
          transaction,
        );
        assertActsFor(ctx.user, customerId);
        await assertInCatalog(ctx.services, input.endpointId, input.tracerId, transaction);
        const row = await createRow(ctx.services.db.models.Procedure, input, transaction);
        const after = toWire(row);
        await audit({ action: 'procedure.create', entity: 'Procedure', entityId: row.id, after });
        publish(...customerRowChanges('Procedure', after, customerId));
        return after;
      }),
    ),

  edit: procedure('shopSetup.write')
    .input(procedureEditInput)
    .mutation(({ ctx, input }) =>
      writeRecord(ctx, async ({ transaction, audit, publish }) => {
        const row = await findRow(
          ctx.services.db.models.Procedure,
          input.id,
          'Procedure',
          transaction,
        );
        const previousCustomerId = await customerIdOfEndpoint(
          ctx.services.db.models,
          row.endpointId,
          transaction,
        );
        assertActsFor(ctx.user, previousCustomerId);
        const endpointId = input.endpointId ?? row.endpointId;
        const customerId =
          endpointId === row.endpointId
            ? previousCustomerId
            : await customerIdOfEndpoint(ctx.services.db.models, endpointId, transaction);
        assertActsFor(ctx.user, customerId);
        const tracerId = input.tracerId ?? row.tracerId;
        if (endpointId !== row.endpointId || tracerId !== row.tracerId) {
          await assertInCatalog(ctx.services, endpointId, tracerId, transaction);
        }
        const before = toWire(row);
        if (await saveChanges(row, changesOf(input), transaction)) {
          const after = toWire(row);
          await audit({
            action: 'procedure.edit',
            entity: 'Procedure',
            entityId: row.id,
            before,
            after,
          });
          publish(...customerRowChanges('Procedure', after, customerId, previousCustomerId));
        }
        return toWire(row);
      }),
    ),

  delete: procedure('shopSetup.write')
    .input(idInput)
    .mutation(({ ctx, input }) =>
      writeRecord(ctx, async ({ transaction, audit, publish }) => {
        const row = await findRow(
          ctx.services.db.models.Procedure,
          input.id,
          'Procedure',
          transaction,
        );
        const customerId = await customerIdOfEndpoint(
          ctx.services.db.models,
          row.endpointId,
          transaction,
        );
        assertActsFor(ctx.user, customerId);
        const before = toWire(row);
        await row.destroy({ transaction });
        await audit({ action: 'procedure.delete', entity: 'Procedure', entityId: row.id, before });
        publish(customerRowDeleted('Procedure', row.id, customerId));
        return { id: input.id };
      }),
    ),
});

export { locationsRouter, procedureIdentifiersRouter, proceduresRouter };
