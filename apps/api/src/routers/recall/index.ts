/**
 * Recall: the trace of a lot or batch number (`recall.trace`, read only; production and the
 * site admin). The same trace is exported as PDF and Excel under `/documents/recall/…`.
 */
import { fieldSchemas } from '@tracershop/core';
import { z } from 'zod';
import { traceLot } from '../../recall/lotTrace';
import { procedure, router } from '../../trpc/init';

const { boundedText, keyed } = fieldSchemas;

/** A lot number (`FDG-261207-1`) or an isotope batch number, as printed on the vial. */
export const recallInput = z.strictObject(
  { lot: boundedText(128, { min: 1 }) },
  keyed('input.invalid'),
);

export const recallRouter = router({
  trace: procedure('recall.read')
    .input(recallInput)
    .query(({ ctx, input }) => traceLot(ctx.services, input.lot)),
});
