/**
 * Tracers (production set-up "Tracer"): create, edit, archive and restore, and delete a tracer
 * nothing refers to (the database refuses the rest with REFERENCED). A tracer that endpoints
 * may still order is not archived: the shop would offer what production no longer lists.
 */
import { idInput, tracerArchiveInput, tracerCreateInput, tracerEditInput } from '@tracershop/core';
import { apiError } from '../../errors';
import { writeRecord } from '../../recordWrites';
import { procedure, router } from '../../trpc/init';
import { toWire } from '../../wire';
import { EVERYONE } from '../../events/audiences';
import { changesOf, createRow, findRow, saveChanges } from './rows';

export const tracersRouter = router({
  create: procedure('productionSetup.write')
    .input(tracerCreateInput)
    .mutation(({ ctx, input }) =>
      writeRecord(ctx, async ({ transaction, audit, publish }) => {
        const row = await createRow(ctx.services.db.models.Tracer, input, transaction);
        const after = toWire(row);
        await audit({ action: 'tracer.create', entity: 'Tracer', entityId: row.id, after });
        publish({ entity: 'Tracer', op: 'upsert', rows: [after], visibility: EVERYONE });
        return after;
      }),
    ),

  edit: procedure('productionSetup.write')
    .input(tracerEditInput)
    .mutation(({ ctx, input }) =>
      writeRecord(ctx, async ({ transaction, audit, publish }) => {
        const { Tracer } = ctx.services.db.models;
        const row = await findRow(Tracer, input.id, 'Tracer', transaction);
        const before = toWire(row);
        if (await saveChanges(row, changesOf(input), transaction)) {
          const after = toWire(row);
          await audit({ action: 'tracer.edit', entity: 'Tracer', entityId: row.id, before, after });
          publish({ entity: 'Tracer', op: 'upsert', rows: [after], visibility: EVERYONE });
        }
        return toWire(row);
      }),
    ),

  /** `archived: true` archives, `false` restores ("Genskab"). */
  archive: procedure('productionSetup.write')
    .input(tracerArchiveInput)
    .mutation(({ ctx, input }) =>
      writeRecord(ctx, async ({ transaction, audit, publish }) => {
        const { Tracer, TracerCatalogPage } = ctx.services.db.models;
        const row = await findRow(Tracer, input.id, 'Tracer', transaction);
        if (row.archived === input.archived) {
          return toWire(row);
        }
        if (
          input.archived &&
          (await TracerCatalogPage.count({ where: { tracerId: row.id }, transaction })) > 0
        ) {
          throw apiError('TRACER_IN_CATALOG');
        }
        const before = toWire(row);
        row.archived = input.archived;
        await row.save({ transaction });
        const after = toWire(row);
        await audit({
          action: input.archived ? 'tracer.archive' : 'tracer.restore',
          entity: 'Tracer',
          entityId: row.id,
          before,
          after,
        });
        publish({ entity: 'Tracer', op: 'upsert', rows: [after], visibility: EVERYONE });
        return after;
      }),
    ),

  delete: procedure('productionSetup.write')
    .input(idInput)
    .mutation(({ ctx, input }) =>
      writeRecord(ctx, async ({ transaction, audit, publish }) => {
        const { Tracer } = ctx.services.db.models;
        const row = await findRow(Tracer, input.id, 'Tracer', transaction);
        const before = toWire(row);
        await row.destroy({ transaction });
        await audit({ action: 'tracer.delete', entity: 'Tracer', entityId: row.id, before });
        publish({ entity: 'Tracer', op: 'delete', ids: [row.id], visibility: EVERYONE });
        return { id: input.id };
      }),
    ),
});
