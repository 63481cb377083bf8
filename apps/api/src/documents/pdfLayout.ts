/**
 * PDF building blocks shared by the release documents and the vial label (pdfkit, the
 * built-in Helvetica, which covers æøå): a document rendered to a Buffer, and an A4 layout
 * with a title, field tables, column tables, paragraphs and a footer on every page.
 */
import PDFDocument from 'pdfkit';

/** PDF points per millimetre. */
export const POINTS_PER_MM = 72 / 25.4;

/** Millimetres in PDF points, to a tenth (98 mm → 277.8 pt). */
export function mm(millimetres: number): number {
  return Math.round(millimetres * POINTS_PER_MM * 10) / 10;
}

export const REGULAR_FONT = 'Helvetica';
export const BOLD_FONT = 'Helvetica-Bold';

export interface PdfSetup {
  /** A paper name ('A4') or [width, height] in points. */
  size: 'A4' | [number, number];
  /** Margin in points on every side. */
  margin: number;
  title: string;
  subject: string;
  /** The document's creation date (the api's clock). */
  createdAt: Date;
  /** The language of the text; Danish unless said. */
  language?: 'da' | 'en';
}

/** Renders a PDF: `draw` writes the pages, the bytes come back when pdfkit is done. */
export async function renderPdf(
  setup: PdfSetup,
  draw: (doc: PDFKit.PDFDocument) => void,
): Promise<Buffer> {
  const doc = new PDFDocument({
    size: setup.size,
    margin: setup.margin,
    bufferPages: true,
    lang: setup.language === 'en' ? 'en-GB' : 'da-DK',
    info: {
      Title: setup.title,
      Subject: setup.subject,
      Author: 'Tracershop',
      Creator: 'Tracershop',
      CreationDate: setup.createdAt,
    },
  });
  const chunks: Buffer[] = [];
  const finished = new Promise<Buffer>((resolve, reject) => {
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  doc.font(REGULAR_FONT);
  draw(doc);
  doc.end();
  return finished;
}

export interface TableColumn {
  header: string;
  /** Share of the text width (the shares of a table add up to 1). */
  share: number;
  align?: 'left' | 'right' | 'center';
}

const BODY_SIZE = 10;
const CELL_PADDING = 3;
const RULE_COLOR = '#999999';
const HEADER_FILL = '#e8e8e8';

/** An A4 document laid out top to bottom, page breaks included. */
export class A4Layout {
  constructor(readonly doc: PDFKit.PDFDocument) {}

  get left(): number {
    return this.doc.page.margins.left;
  }

  get width(): number {
    const { page } = this.doc;
    return page.width - page.margins.left - page.margins.right;
  }

  /** Starts a new page unless `height` points still fit on this one. */
  ensureSpace(height: number): void {
    if (this.doc.y + height > this.doc.page.maxY()) {
      this.doc.addPage();
    }
  }

  space(points = 8): void {
    this.doc.y += points;
  }

  title(text: string, subtitle?: string): void {
    const { doc } = this;
    doc.font(BOLD_FONT).fontSize(18).fillColor('black');
    doc.text(text, this.left, doc.y, { width: this.width, align: 'center' });
    if (subtitle !== undefined) {
      doc.font(REGULAR_FONT).fontSize(12);
      doc.text(subtitle, this.left, doc.y + 2, { width: this.width, align: 'center' });
    }
    doc.font(REGULAR_FONT).fontSize(BODY_SIZE);
    this.space(14);
  }

  heading(text: string): void {
    const { doc } = this;
    doc.font(BOLD_FONT).fontSize(12);
    this.ensureSpace(doc.heightOfString(text, { width: this.width }) + 40);
    doc.text(text, this.left, doc.y, { width: this.width });
    doc.font(REGULAR_FONT).fontSize(BODY_SIZE);
    this.space(4);
  }

  paragraph(text: string, options: { bold?: boolean } = {}): void {
    const { doc } = this;
    doc.font(options.bold ? BOLD_FONT : REGULAR_FONT).fontSize(BODY_SIZE);
    this.ensureSpace(doc.heightOfString(text, { width: this.width }));
    doc.text(text, this.left, doc.y, { width: this.width });
    doc.font(REGULAR_FONT);
    this.space(6);
  }

  /** Two columns: a bold label and its value, ruled. */
  fields(rows: readonly (readonly [string, string])[]): void {
    this.grid(
      [
        { header: '', share: 0.3 },
        { header: '', share: 0.7 },
      ],
      rows.map(([label, value]) => [label, value]),
      { header: false, boldFirstColumn: true },
    );
  }

  /** A table with a header row; `rows` hold one text per column. */
  table(columns: readonly TableColumn[], rows: readonly (readonly string[])[]): void {
    this.grid(columns, rows, { header: true, boldFirstColumn: false });
  }

  private grid(
    columns: readonly TableColumn[],
    rows: readonly (readonly string[])[],
    options: { header: boolean; boldFirstColumn: boolean },
  ): void {
    const { doc } = this;
    const widths = columns.map((column) => column.share * this.width);
    const headers = columns.map((column) => column.header);
    const drawRow = (cells: readonly string[], kind: 'header' | 'body'): void => {
      const fontOf = (index: number) =>
        kind === 'header' || (options.boldFirstColumn && index === 0) ? BOLD_FONT : REGULAR_FONT;
      doc.fontSize(BODY_SIZE);
      const height =
        Math.max(
          ...cells.map((cell, index) =>
            doc.font(fontOf(index)).heightOfString(cell === '' ? ' ' : cell, {
              width: (widths[index] ?? 0) - 2 * CELL_PADDING,
            }),
          ),
        ) +
        2 * CELL_PADDING;
      if (kind === 'body' && options.header && doc.y + height > doc.page.maxY()) {
        // A table continued on a new page repeats its header.
        doc.addPage();
        drawRow(headers, 'header');
      }
      this.ensureSpace(height);
      const top = doc.y;
      if (kind === 'header') {
        doc.rect(this.left, top, this.width, height).fill(HEADER_FILL);
      }
      doc.fillColor('black');
      let x = this.left;
      cells.forEach((cell, index) => {
        const width = widths[index] ?? 0;
        doc.font(fontOf(index)).text(cell, x + CELL_PADDING, top + CELL_PADDING, {
          width: width - 2 * CELL_PADDING,
          align: columns[index]?.align ?? 'left',
        });
        x += width;
      });
      doc
        .moveTo(this.left, top + height)
        .lineTo(this.left + this.width, top + height)
        .lineWidth(0.5)
        .strokeColor(RULE_COLOR)
        .stroke();
      doc.x = this.left;
      doc.y = top + height;
    };
    if (options.header) {
      drawRow(headers, 'header');
    }
    for (const row of rows) {
      drawRow(row, 'body');
    }
    doc.font(REGULAR_FONT).fontSize(BODY_SIZE);
    this.space(10);
  }

  /** Writes `text` at the head of every page, above the margin (call last). */
  headers(text: string): void {
    this.everyPage((frame) => {
      this.doc.text(text, frame.left, frame.headY, {
        width: frame.width,
        align: 'center',
        lineBreak: false,
        ellipsis: true,
      });
    });
  }

  /** Writes `text` and the page number at the foot of every page (call last). */
  footers(text: string, words: { page: string; of: string } = { page: 'side', of: 'af' }): void {
    this.everyPage((frame, number, count) => {
      this.doc.text(
        `${text} – ${words.page} ${number} ${words.of} ${count}`,
        frame.left,
        frame.footY,
        {
          width: frame.width,
          align: 'center',
        },
      );
    });
  }

  /** Draws in small grey type on every page, in its margins, with the page's number. */
  private everyPage(
    draw: (
      frame: { left: number; width: number; headY: number; footY: number },
      number: number,
      count: number,
    ) => void,
  ): void {
    const { doc } = this;
    const range = doc.bufferedPageRange();
    for (let index = range.start; index < range.start + range.count; index += 1) {
      doc.switchToPage(index);
      const { page } = doc;
      const { top, bottom, left, right } = page.margins;
      // Writing inside a margin must not start a new page.
      page.margins.top = 0;
      page.margins.bottom = 0;
      doc.font(REGULAR_FONT).fontSize(8).fillColor('#555555');
      draw(
        {
          left,
          width: page.width - left - right,
          headY: top / 2 - 4,
          footY: page.height - bottom / 2 - 4,
        },
        index - range.start + 1,
        range.count,
      );
      page.margins.top = top;
      page.margins.bottom = bottom;
      doc.fillColor('black');
    }
  }
}
