/**
 * Printing over IPP: a vial label on the active label printer, a release certificate on the
 * active document printer, and a test page on any printer (the printer setup page). Each
 * waits (bounded) for the printer to finish and reports the job, or refuses with a reason
 * saying what went wrong (PRINTER_UNREACHABLE, PRINT_REFUSED, PRINT_ABORTED,
 * NO_PRINTER_CHOSEN).
 */
import { fieldSchemas, formatDanishDateTime } from '@tracershop/core';
import { z } from 'zod';
import { siteNow } from '../../clock';
import { renderActivityCertificate, renderVialLabel } from '../../documents';
import { renderTestPage } from '../../printing/testPage';
import { procedure, router } from '../../trpc/init';
import { findRow } from '../setup/rows';
import { activePrinter, printOn } from './printJobs';

const { id, dateText, keyed } = fieldSchemas;

export const vialLabelPrintInput = z.strictObject({ vialId: id }, keyed('input.invalid'));
export const activityCertificatePrintInput = z.strictObject(
  { slotId: id, date: dateText, releaseId: id },
  keyed('input.invalid'),
);
export const testPrintInput = z.strictObject({ printerId: id }, keyed('input.invalid'));

export const printingRouter = router({
  /** The 98 × 38 mm label of a vial, on the active label printer. */
  vialLabel: procedure('printer.print')
    .input(vialLabelPrintInput)
    .mutation(async ({ ctx, input }) => {
      const printer = await activePrinter(ctx, 'label');
      const pdf = await renderVialLabel(ctx.services, input.vialId);
      return printOn(ctx, printer, pdf, `Etiket hætteglas ${input.vialId}`);
    }),

  /**
   * The release certificate of one release of a delivery (slot, date; the release named by its
   * pivot order), on the active document printer.
   */
  activityCertificate: procedure('printer.print')
    .input(activityCertificatePrintInput)
    .mutation(async ({ ctx, input }) => {
      const printer = await activePrinter(ctx, 'document');
      const { slotId, date, releaseId } = input;
      const pdf = await renderActivityCertificate(ctx.services, slotId, date, releaseId);
      return printOn(ctx, printer, pdf, `Frigivelsescertifikat ${slotId} ${date} ${releaseId}`);
    }),

  /** A one-page test print on the given printer (label-sized on a label printer). */
  testPrint: procedure('printer.write')
    .input(testPrintInput)
    .mutation(async ({ ctx, input }) => {
      const printer = await findRow(ctx.services.db.models.Printer, input.printerId, 'Printer');
      const pdf = await renderTestPage({
        printerName: printer.name,
        printedAt: formatDanishDateTime(siteNow(ctx.services.clock, ctx.services.config.timeZone)),
        printedBy: ctx.user.displayName || ctx.user.username,
        label: printer.labelPrinter,
      });
      return printOn(ctx, printer, pdf, `Testudskrift ${printer.name}`);
    }),
});
