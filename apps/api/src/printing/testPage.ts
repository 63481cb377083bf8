/**
 * The printer setup page's test print: one small PDF page naming the printer and the time,
 * so that whoever fetches it from the tray knows which test it was.
 */
import PDFDocument from 'pdfkit';

export interface TestPageContent {
  printerName: string;
  /** Site-local date and time as shown to users ('23/11/2026 08:15'). */
  printedAt: string;
  printedBy: string;
  /** A label printer gets a 98 × 38 mm page like the vial label. */
  label: boolean;
}

const MM = 72 / 25.4;

export function renderTestPage(content: TestPageContent): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const size: [number, number] | string = content.label ? [98 * MM, 38 * MM] : 'A4';
    const margin = content.label ? 4 * MM : 20 * MM;
    const doc = new PDFDocument({
      size,
      margin,
      info: { Title: `Tracershop testudskrift ${content.printerName}`, Author: 'Tracershop' },
    });
    const chunks: Buffer[] = [];
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
    doc
      .font('Helvetica-Bold')
      .fontSize(content.label ? 11 : 20)
      .text('Tracershop testudskrift');
    doc.font('Helvetica').fontSize(content.label ? 9 : 12);
    doc.text(`Printer: ${content.printerName}`);
    doc.text(`Tidspunkt: ${content.printedAt}`);
    doc.text(`Udskrevet af: ${content.printedBy}`);
    doc.end();
  });
}
