/**
 * Recall: the trace of a lot or batch number (`recall.trace`, read only; production and the
 * site admin), and the lots an order went out with (`recall.lotsOfOrder`), so a recall can
 * start from an order. The trace is exported as PDF and Excel under `/documents/recall/…`.
 */
import { fieldSchemas } from '@tracershop/core';
import { z } from 'zod';
import { lotsOfOrder } from '../../recall/lotsOfOrder';
import { traceLot } from '../../recall/lotTrace';
import { procedure, router } from '../../trpc/init';

const { boundedText, keyed } = fieldSchemas;

/** A lot number (`FDG-261207-1`) or an isotope batch number, as printed on the vial. */
export const recallInput = z.strictObject(
  { lot: boundedText(128, { min: 1 }) },
  keyed('input.invalid'),
);

/** An order by its kind and number, as the order pages show it. */
export const recallOrderInput = z.strictObject(
  { kind: z.enum(['activity', 'injection', 'isotope']), id: fieldSchemas.id },
  keyed('input.invalid'),
);

export const recallRouter = router({
  lotsOfOrder: procedure('recall.read')
    .input(recallOrderInput)
    .query(({ ctx, input }) => lotsOfOrder(ctx.services, input.kind, input.id)),
  trace: procedure('recall.read')
    .input(recallInput)
    .query(({ ctx, input }) => traceLot(ctx.services, input.lot)),
});
