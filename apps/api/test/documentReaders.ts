/**
 * Documents as a user fetches them (the session cookie of a test client) and read back: a
 * PDF's text, an Excel sheet's rows.
 */
import ExcelJS from 'exceljs';
import { PDFParse } from 'pdf-parse';
import type { TestApi } from './testApi';
import type { TestClient } from './testClient';

/** `GET path` with `client`'s session: the status and the body. */
export async function fetchDocument(
  api: TestApi,
  client: TestClient,
  path: string,
): Promise<{ status: number; body: Buffer }> {
  const response = await fetch(`${api.server.url.replace('localhost', '127.0.0.1')}${path}`, {
    headers: { cookie: client.jar.header() },
  });
  return { status: response.status, body: Buffer.from(await response.arrayBuffer()) };
}

/** The text of a PDF, whitespace collapsed. */
export async function pdfText(body: Buffer): Promise<string> {
  const parser = new PDFParse({ data: new Uint8Array(body) });
  try {
    const { text } = await parser.getText();
    return text.replace(/\s+/g, ' ');
  } finally {
    await parser.destroy();
  }
}

/** The text of each page of a PDF, whitespace collapsed. */
export async function pdfPages(body: Buffer): Promise<string[]> {
  const parser = new PDFParse({ data: new Uint8Array(body) });
  try {
    const { pages } = await parser.getText();
    return pages.map((page) => page.text.replace(/\s+/g, ' '));
  } finally {
    await parser.destroy();
  }
}

/** The rows of sheet `name` of an Excel workbook, header row first. */
export async function sheetRows(body: Buffer, name: string): Promise<unknown[][]> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(body as unknown as ExcelJS.Buffer);
  const rows: unknown[][] = [];
  workbook.getWorksheet(name)?.eachRow((row) => {
    rows.push((row.values as unknown[]).slice(1));
  });
  return rows;
}
