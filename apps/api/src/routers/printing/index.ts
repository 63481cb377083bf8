/**
 * Printing over IPP: a vial label on the active label printer, a release document (the
 * activity certificate, the injection and the isotope release documents) on the active
 * document printer, and a test page on any printer (the printer setup page). Each waits
 * (bounded) for the printer to finish and reports the job, or refuses with a reason saying
 * what went wrong (PRINTER_UNREACHABLE, PRINT_REFUSED, PRINT_ABORTED, NO_PRINTER_CHOSEN).
 * Printing is production's ('printer.print'), which sees every customer: the documents are
 * rendered without a customer scope, and a missing or unreleased order is NOT_FOUND as on
 * `/documents/…`.
 */
import { fieldSchemas, formatDanishDateTime } from '@tracershop/core';
import { z } from 'zod';
import { siteNow } from '../../clock';
import {
  renderActivityCertificate,
  renderInjectionRelease,
  renderIsotopeRelease,
  renderVialLabel,
} from '../../documents';
import { renderTestPage } from '../../printing/testPage';
import type { ApiServices } from '../../services';
import { procedure, router } from '../../trpc/init';
import { findRow } from '../setup/rows';
import { activePrinter, printOn } from './printJobs';

const { id, dateText, keyed } = fieldSchemas;

export const vialLabelPrintInput = z.strictObject({ vialId: id }, keyed('input.invalid'));
export const activityCertificatePrintInput = z.strictObject(
  { slotId: id, date: dateText, releaseId: id },
  keyed('input.invalid'),
);
export const injectionCertificatePrintInput = z.strictObject(
  { orderId: id },
  keyed('input.invalid'),
);
export const isotopeCertificatePrintInput = z.strictObject(
  { isotopeDeliveryId: id, date: dateText },
  keyed('input.invalid'),
);
export const testPrintInput = z.strictObject({ printerId: id }, keyed('input.invalid'));

/**
 * Prints a release document on the active document printer: `render` gives the same PDF the
 * `/documents/…` route serves, `jobName` names the job in the printer's queue and the log.
 */
function releaseDocumentPrint<S extends z.ZodType>(
  input: S,
  render: (services: ApiServices, values: z.output<S>) => Promise<Buffer>,
  jobName: (values: z.output<S>) => string,
) {
  return procedure('printer.print')
    .input(input)
    .mutation(async ({ ctx, input: parsed }) => {
      // tRPC's parser output is the schema's output; TS cannot see it through S.
      const values = parsed as z.output<S>;
      const printer = await activePrinter(ctx, 'document');
      const pdf = await render(ctx.services, values);
      return printOn(ctx, printer, pdf, jobName(values));
    });
}

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
   * pivot order).
   */
  activityCertificate: releaseDocumentPrint(
    activityCertificatePrintInput,
    (services, { slotId, date, releaseId }) =>
      renderActivityCertificate(services, slotId, date, releaseId),
    ({ slotId, date, releaseId }) => `Frigivelsescertifikat ${slotId} ${date} ${releaseId}`,
  ),

  /** The release document of a released injection order. */
  injectionCertificate: releaseDocumentPrint(
    injectionCertificatePrintInput,
    (services, { orderId }) => renderInjectionRelease(services, orderId),
    ({ orderId }) => `Frigivelsescertifikat injektionsordre ${orderId}`,
  ),

  /** The release document of an isotope delivery's released orders on a date. */
  isotopeCertificate: releaseDocumentPrint(
    isotopeCertificatePrintInput,
    (services, { isotopeDeliveryId, date }) =>
      renderIsotopeRelease(services, isotopeDeliveryId, date),
    ({ isotopeDeliveryId, date }) => `Frigivelsescertifikat isotop ${isotopeDeliveryId} ${date}`,
  ),

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
