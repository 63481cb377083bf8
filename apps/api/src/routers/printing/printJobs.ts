/**
 * Sending a rendered PDF to a printer of the site, with the outcome or the failure reported
 * to the user (never swallowed) and every print logged.
 */
import type { Printer } from '@tracershop/db';
import { SERVER_SETTINGS_ID } from '@tracershop/db';
import { apiError } from '../../errors';
import type { IppJobState } from '../../printing/ippPrinter';
import { PrintFailure, printPdf } from '../../printing/ippPrinter';
import type { Context } from '../../trpc/context';
import type { SessionUser } from '../../auth/sessions';

export type PrinterKind = 'label' | 'document';

/** What the apps show after a print. */
export interface PrintResult {
  printerId: number;
  printerName: string;
  jobId: number;
  state: IppJobState;
  /** False when the printer had not finished within the wait (the job is still queued). */
  completed: boolean;
}

/** The active label printer or document printer of the server settings. */
export async function activePrinter(ctx: Context, kind: PrinterKind): Promise<Printer> {
  const { ServerSettings, Printer } = ctx.services.db.models;
  const settings = await ServerSettings.findByPk(SERVER_SETTINGS_ID);
  const printerId = kind === 'label' ? settings?.activeLabelPrinterId : settings?.activePrinterId;
  const printer = printerId == null ? null : await Printer.findByPk(printerId);
  if (printer === null) {
    throw apiError('NO_PRINTER_CHOSEN', { kind });
  }
  return printer;
}

/** Prints `pdf` on `printer` as the caller; PrintFailure becomes the matching api error. */
export async function printOn(
  ctx: Context & { user: SessionUser },
  printer: Printer,
  pdf: Buffer,
  jobName: string,
): Promise<PrintResult> {
  const log = ctx.log.child({ printerId: printer.id, printer: printer.name, jobName });
  try {
    const outcome = await printPdf(printer, pdf, { jobName, userName: ctx.user.username });
    log.info({ jobId: outcome.jobId, state: outcome.state, bytes: pdf.length }, 'printed');
    return { printerId: printer.id, printerName: printer.name, ...outcome };
  } catch (error) {
    if (!(error instanceof PrintFailure)) {
      throw error;
    }
    log.warn({ kind: error.kind, detail: error.detail }, 'print failed');
    const params = { printer: printer.name, detail: error.detail };
    if (error.kind === 'unreachable') {
      throw apiError('PRINTER_UNREACHABLE', params, { detail: error.detail });
    }
    throw apiError(error.kind === 'refused' ? 'PRINT_REFUSED' : 'PRINT_ABORTED', params, {
      detail: error.detail,
    });
  }
}
