/**
 * The recall report of a lot (docs/domain.md, "Recall of a lot"): the lot trace as an A4 PDF
 * for the file and the authorities, and as an Excel workbook to work through by telephone.
 * Both carry when and by whom they were made; each export is written to the audit trail with
 * the SHA-256 of the file (`recall.export`).
 */
import { createHash } from 'node:crypto';
import {
  formatDanishDate,
  formatDanishDateTime,
  formatShortTime,
  localDateTimeOfInstant,
} from '@tracershop/core';
import ExcelJS from 'exceljs';
import type { LotTrace, TraceBooking } from '../recall/lotTrace';
import { traceLot } from '../recall/lotTrace';
import { writeRecord } from '../recordWrites';
import type { Writer } from '../recordWrites';
import type { ApiServices } from '../services';
import type { RenderedDocument } from './documentAccess';
import { PDF_TYPE, XLSX_TYPE } from './documentAccess';
import { fileNamePart, mbqText, mlText } from './documentFormats';
import { A4Layout, renderPdf } from './pdfLayout';

export type RecallFormat = 'pdf' | 'xlsx';

const TITLE = 'TILBAGEKALDELSE';

/** `'2026-12-07 08:00:00'` → `'07/12/2026 08:00'`; a dash when unknown. */
function wallTimeText(localDateTime: string | null): string {
  return localDateTime === null ? '–' : formatDanishDateTime(localDateTime);
}

function deliveryText(date: string, time: string): string {
  return `${formatDanishDate(date)} ${formatShortTime(time)}`;
}

/** The header lines of both formats: what was traced, when and by whom. */
function summaryOf(trace: LotTrace, madeAt: string, madeBy: string): [string, string][] {
  return [
    ['Lot / batch', trace.lot],
    ['Kunder', trace.customers.length === 0 ? 'Ingen' : trace.customers.join(', ')],
    [
      'Leveringer',
      String(
        trace.activityDeliveries.length + trace.injectionOrders.length + trace.isotopeOrders.length,
      ),
    ],
    ['Udskrevet', `${wallTimeText(madeAt)} af ${madeBy}`],
  ];
}

interface Section {
  title: string;
  columns: { header: string; share: number }[];
  rows: string[][];
}

/** The trace as tables, the same in the PDF and the workbook. */
function sectionsOf(trace: LotTrace): Section[] {
  const bookingRows = (
    deliveries: readonly {
      customer: string;
      endpoint: string;
      deliveryDate: string;
      bookings: TraceBooking[];
    }[],
  ) =>
    deliveries.flatMap((delivery) =>
      delivery.bookings.map((booking) => [
        `${delivery.customer} – ${delivery.endpoint}`,
        booking.accessionNumber ?? '–',
        booking.study ?? '–',
        booking.location,
        deliveryText(booking.startDate, booking.startTime),
      ]),
    );
  return [
    {
      title: 'Hætteglas med lotnummeret',
      columns: [
        { header: 'Lot', share: 0.2 },
        { header: 'Tracer', share: 0.1 },
        { header: 'Ejer', share: 0.14 },
        { header: 'Tappet', share: 0.18 },
        { header: 'Aktivitet', share: 0.14 },
        { header: 'Volumen', share: 0.1 },
        { header: 'Leveret med', share: 0.14 },
      ],
      rows: trace.vials.map((vial) => [
        vial.lotNumber,
        vial.tracer ?? '–',
        vial.owner ?? 'Kvalitetskontrol',
        deliveryText(vial.fillDate, vial.fillTime),
        mbqText(vial.activity),
        mlText(vial.volume),
        vial.deliveredWithId === null ? 'Ikke leveret' : `Ordre ${vial.deliveredWithId}`,
      ]),
    },
    {
      title: 'Leveringer af aktivitet',
      columns: [
        { header: 'Kunde – leveringssted', share: 0.22 },
        { header: 'Tracer', share: 0.1 },
        { header: 'Levering', share: 0.18 },
        { header: 'Ordrer', share: 0.14 },
        { header: 'Frigivet', share: 0.18 },
        { header: 'Frigivet af', share: 0.18 },
      ],
      rows: trace.activityDeliveries.map((delivery) => [
        `${delivery.customer} – ${delivery.endpoint}`,
        delivery.tracer,
        deliveryText(delivery.deliveryDate, delivery.deliveryTime),
        delivery.orders
          .map((order) => `${order.id} (${mbqText(order.orderedActivity)})`)
          .join(', '),
        wallTimeText(delivery.releasedAt),
        delivery.releasedBy ?? '–',
      ]),
    },
    {
      title: 'Injektionsordrer frigivet med lotnummeret',
      columns: [
        { header: 'Ordre', share: 0.1 },
        { header: 'Kunde – leveringssted', share: 0.24 },
        { header: 'Tracer', share: 0.12 },
        { header: 'Levering', share: 0.18 },
        { header: 'Injektioner', share: 0.1 },
        { header: 'Frigivet', share: 0.13 },
        { header: 'Frigivet af', share: 0.13 },
      ],
      rows: trace.injectionOrders.map((order) => [
        String(order.id),
        `${order.customer} – ${order.endpoint}`,
        order.tracer,
        deliveryText(order.deliveryDate, order.deliveryTime),
        String(order.injections),
        wallTimeText(order.releasedAt),
        order.releasedBy ?? '–',
      ]),
    },
    {
      title: 'Isotophætteglas med batchnummeret',
      columns: [
        { header: 'Batch', share: 0.24 },
        { header: 'Isotop', share: 0.12 },
        { header: 'Kalibreret', share: 0.2 },
        { header: 'Aktivitet', share: 0.16 },
        { header: 'Volumen', share: 0.12 },
        { header: 'Leveret med', share: 0.16 },
      ],
      rows: trace.isotopeVials.map((vial) => [
        vial.batchNumber,
        vial.isotope,
        wallTimeText(vial.calibratedAt),
        mbqText(vial.activity),
        mlText(vial.volume),
        vial.deliveredWithId === null ? 'Ikke leveret' : `Ordre ${vial.deliveredWithId}`,
      ]),
    },
    {
      title: 'Isotopordrer',
      columns: [
        { header: 'Ordre', share: 0.12 },
        { header: 'Kunde – leveringssted', share: 0.28 },
        { header: 'Levering', share: 0.2 },
        { header: 'Frigivet', share: 0.2 },
        { header: 'Frigivet af', share: 0.2 },
      ],
      rows: trace.isotopeOrders.map((order) => [
        String(order.id),
        `${order.customer} – ${order.endpoint}`,
        deliveryText(order.deliveryDate, order.deliveryTime),
        wallTimeText(order.releasedAt),
        order.releasedBy ?? '–',
      ]),
    },
    {
      title: 'Patientundersøgelser (RIS-bookinger) på leveringsdagene',
      columns: [
        { header: 'Kunde – leveringssted', share: 0.22 },
        { header: 'Accession', share: 0.2 },
        { header: 'Undersøgelse', share: 0.24 },
        { header: 'Lokation', share: 0.16 },
        { header: 'Tid', share: 0.18 },
      ],
      rows: [...bookingRows(trace.activityDeliveries), ...bookingRows(trace.injectionOrders)],
    },
  ];
}

async function pdfOf(trace: LotTrace, madeAt: string, madeBy: string, now: Date): Promise<Buffer> {
  return renderPdf(
    {
      size: 'A4',
      margin: 50,
      title: `${TITLE} ${trace.lot}`,
      subject: `Sporing af lot ${trace.lot}`,
      createdAt: now,
    },
    (doc) => {
      const layout = new A4Layout(doc);
      layout.title(TITLE, `Sporing af lot ${trace.lot}`);
      layout.fields(summaryOf(trace, madeAt, madeBy));
      for (const section of sectionsOf(trace)) {
        layout.heading(section.title);
        if (section.rows.length === 0) {
          layout.paragraph('Ingen.');
        } else {
          layout.table(section.columns, section.rows);
        }
      }
      layout.footers(`Tilbagekaldelse af lot ${trace.lot} – udskrevet ${wallTimeText(madeAt)}`);
    },
  );
}

async function workbookOf(trace: LotTrace, madeAt: string, madeBy: string): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = madeBy;
  const summary = workbook.addWorksheet('Oversigt');
  summary.addRows(summaryOf(trace, madeAt, madeBy));
  summary.getColumn(1).width = 16;
  summary.getColumn(2).width = 48;
  for (const section of sectionsOf(trace)) {
    // Sheet names are at most 31 characters.
    const sheet = workbook.addWorksheet(section.title.slice(0, 31));
    sheet.addRow(section.columns.map((column) => column.header)).font = { bold: true };
    sheet.addRows(section.rows);
    section.columns.forEach((column, index) => {
      sheet.getColumn(index + 1).width = Math.round(column.share * 120);
    });
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/**
 * The recall report of `lot` as `format`, made by `writer.user`; the export is audited with
 * the file's SHA-256.
 */
export async function recallReportDocument(
  services: ApiServices,
  lot: string,
  format: RecallFormat,
  writer: Writer,
): Promise<RenderedDocument> {
  const trace = await traceLot(services, lot);
  const now = services.clock.now();
  const madeAt = localDateTimeOfInstant(now.getTime(), services.config.timeZone);
  const madeBy = writer.user ? writer.user.displayName || writer.user.username : 'system';
  const body =
    format === 'pdf'
      ? await pdfOf(trace, madeAt, madeBy, now)
      : await workbookOf(trace, madeAt, madeBy);
  const sha256 = createHash('sha256').update(body).digest('hex');
  await writeRecord(writer, (scope) =>
    scope.audit({
      action: 'recall.export',
      entity: 'Recall',
      after: { lot, format, sha256, customers: trace.customers },
    }),
  );
  return {
    fileName: `tilbagekaldelse-${fileNamePart(lot)}.${format}`,
    contentType: format === 'pdf' ? PDF_TYPE : XLSX_TYPE,
    body,
  };
}
