/**
 * Isotopes (production set-up "Isotoper"): create, edit, delete while nothing refers to one.
 */
import { idInput, isotopeCreateInput, isotopeEditInput } from '@tracershop/core';
import { writeRecord } from '../../recordWrites';
import { procedure, router } from '../../trpc/init';
import { toWire } from '../../wire';
import { EVERYONE } from '../../events/audiences';
import { changesOf, createRow, findRow, saveChanges } from './rows';

export const isotopesRouter = router({
  create: procedure('productionSetup.write')
    .input(isotopeCreateInput)
    .mutation(({ ctx, input }) =>
      writeRecord(ctx, async ({ transaction, audit, publish }) => {
        const row = await createRow(ctx.services.db.models.Isotope, input, transaction);
        const after = toWire(row);
        await audit({ action: 'isotope.create', entity: 'Isotope', entityId: row.id, after });
        publish({ entity: 'Isotope', op: 'upsert', rows: [after], visibility: EVERYONE });
        return after;
      }),
    ),

  edit: procedure('productionSetup.write')
    .input(isotopeEditInput)
    .mutation(({ ctx, input }) =>
      writeRecord(ctx, async ({ transaction, audit, publish }) => {
        const { Isotope } = ctx.services.db.models;
        const row = await findRow(Isotope, input.id, 'Isotope', transaction);
        const before = toWire(row);
        if (await saveChanges(row, changesOf(input), transaction)) {
          const after = toWire(row);
          await audit({
            action: 'isotope.edit',
            entity: 'Isotope',
            entityId: row.id,
            before,
            after,
          });
          publish({ entity: 'Isotope', op: 'upsert', rows: [after], visibility: EVERYONE });
        }
        return toWire(row);
      }),
    ),

  /** Refused with REFERENCED (by the database) while tracers, productions or vials use it. */
  delete: procedure('productionSetup.write')
    .input(idInput)
    .mutation(({ ctx, input }) =>
      writeRecord(ctx, async ({ transaction, audit, publish }) => {
        const { Isotope } = ctx.services.db.models;
        const row = await findRow(Isotope, input.id, 'Isotope', transaction);
        const before = toWire(row);
        await row.destroy({ transaction });
        await audit({ action: 'isotope.delete', entity: 'Isotope', entityId: row.id, before });
        publish({ entity: 'Isotope', op: 'delete', ids: [row.id], visibility: EVERYONE });
        return { id: input.id };
      }),
    ),
});
