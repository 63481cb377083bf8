/**
 * The vial label (legacy `lib/pdf_generation/label.py`): one 98 × 38 mm page, font size 10,
 * 4 mm margin, the radiation trefoil (20 mm) at the top right, and the lot number, tracer,
 * activity (truncated to whole MBq), volume, fill time and date, and the emergency phone
 * number from the settings ("Ved uheld ring: NN NN NN NN").
 */
import { formatDanishDate, formatPhoneNumber, formatShortTime } from '@tracershop/core';
import type { ApiServices } from '../services';
import type { RenderedDocument } from './documentAccess';
import { PDF_TYPE, notFound } from './documentAccess';
import { mbqText, mlText } from './documentFormats';
import { BOLD_FONT, REGULAR_FONT, mm, renderPdf } from './pdfLayout';
import { loadSiteIdentity } from './releaseDocumentParts';

/** The label's page in points: 98 × 38 mm. */
export const VIAL_LABEL_SIZE: [number, number] = [mm(98), mm(38)];

const MARGIN = mm(4);
const SYMBOL = mm(20);
const FONT_SIZE = 10;
const LINE_HEIGHT = 12.4;

/** The radiation trefoil: a disc and three 60° blades, `diameter` wide, top left at (x, y). */
function drawTrefoil(doc: PDFKit.PDFDocument, x: number, y: number, diameter: number): void {
  const outer = diameter / 2;
  const cx = x + outer;
  const cy = y + outer;
  const disc = outer * 0.2;
  const inner = outer * 0.3;
  const point = (radius: number, degrees: number) => {
    const radians = (degrees * Math.PI) / 180;
    // PDF y grows downwards: a positive angle turns counter-clockwise on paper.
    return `${(cx + radius * Math.cos(radians)).toFixed(2)} ${(cy - radius * Math.sin(radians)).toFixed(2)}`;
  };
  doc.save();
  doc.circle(cx, cy, outer).fill('#f5d000');
  doc.circle(cx, cy, disc).fill('black');
  for (const middle of [30, 150, 270]) {
    const from = middle - 30;
    const to = middle + 30;
    doc
      .path(
        `M ${point(inner, from)} L ${point(outer * 0.95, from)} ` +
          `A ${outer * 0.95} ${outer * 0.95} 0 0 0 ${point(outer * 0.95, to)} ` +
          `L ${point(inner, to)} A ${inner} ${inner} 0 0 1 ${point(inner, from)} Z`,
      )
      .fill('black');
  }
  doc.restore();
}

/** The label of vial `vialId`. */
export async function vialLabelDocument(
  services: ApiServices,
  vialId: number,
): Promise<RenderedDocument> {
  const { models } = services.db;
  const vial = await models.Vial.findByPk(vialId);
  if (vial === null) {
    throw notFound('Vial');
  }
  const tracer = vial.tracerId === null ? null : await models.Tracer.findByPk(vial.tracerId);
  const site = await loadSiteIdentity(services);
  const phone = formatPhoneNumber(site.adminPhone) ?? 'ugyldigt telefonnummer';
  const lines: { text: string; bold?: boolean }[] = [
    { text: vial.lotNumber, bold: true },
    { text: tracer === null ? 'Ukendt sporstof' : tracer.clinicalName },
    { text: `Aktivitet: ${mbqText(vial.activity)}` },
    { text: `Volumen: ${mlText(vial.volume)}` },
    { text: `Fyldt: ${formatDanishDate(vial.fillDate)} ${formatShortTime(vial.fillTime)}` },
    { text: `Ved uheld ring: ${phone}` },
  ];
  const [width] = VIAL_LABEL_SIZE;
  const body = await renderPdf(
    {
      size: VIAL_LABEL_SIZE,
      margin: MARGIN,
      title: `Etiket ${vial.lotNumber}`,
      subject: `Etiket til hætteglas ${vial.id}`,
      createdAt: services.clock.now(),
    },
    (doc) => {
      drawTrefoil(doc, width - MARGIN - SYMBOL, MARGIN, SYMBOL);
      const textWidth = width - 2 * MARGIN - SYMBOL - mm(2);
      lines.forEach((line, index) => {
        const top = MARGIN + index * LINE_HEIGHT;
        const wide = top > MARGIN + SYMBOL;
        doc
          .font(line.bold === true ? BOLD_FONT : REGULAR_FONT)
          .fontSize(FONT_SIZE)
          .fillColor('black')
          .text(line.text, MARGIN, top, {
            width: wide ? width - 2 * MARGIN : textWidth,
            height: LINE_HEIGHT,
            lineBreak: false,
            ellipsis: true,
          });
      });
    },
  );
  return { fileName: `etiket-${vial.id}.pdf`, contentType: PDF_TYPE, body };
}

/** The label's PDF bytes (for the printing service). */
export async function renderVialLabel(services: ApiServices, vialId: number): Promise<Buffer> {
  return (await vialLabelDocument(services, vialId)).body;
}
