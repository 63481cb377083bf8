/**
 * Reading the newer dispenser's CSV and XLSX exports into rows keyed by their header, as core's
 * `parseDispenserRecord` takes them. Cells are passed on as text or numbers; an Excel date cell
 * becomes `YYYY-MM-DD HH:MM:SS` from its serial (exceljs reads serials as UTC instants, so the
 * UTC fields are the wall-clock time the dispenser wrote).
 */
import { readFile } from 'node:fs/promises';
import ExcelJS from 'exceljs';
import type { CellValue } from 'exceljs';
import { readCsvRecords } from './csvReader';

/** One data row of an export, with its line (CSV record or worksheet row, 1 = header). */
export interface ExportRow {
  line: number;
  cells: Record<string, unknown>;
}

export interface ExportTable {
  headers: string[];
  rows: ExportRow[];
}

/** A CSV export: UTF-8 (with or without byte-order mark), else ISO-8859-1. */
export async function readCsvExport(path: string): Promise<ExportTable> {
  const bytes = await readFile(path);
  const records = readCsvRecords(decodeText(bytes));
  const [headerRecord, ...dataRecords] = records;
  const headers = (headerRecord ?? []).map((header) => header.trim());
  return {
    headers,
    rows: dataRecords
      .map((record, index) => ({ line: index + 2, cells: cellsOf(headers, record) }))
      .filter((row) => !isBlank(row.cells)),
  };
}

/** An XLSX export: the first worksheet, the header in its first row. */
export async function readXlsxExport(path: string): Promise<ExportTable> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(path);
  const sheet = workbook.worksheets[0];
  if (sheet === undefined) {
    return { headers: [], rows: [] };
  }
  const width = sheet.columnCount;
  const valuesOf = (rowNumber: number): unknown[] => {
    const row = sheet.getRow(rowNumber);
    const values: unknown[] = [];
    for (let column = 1; column <= width; column += 1) {
      values.push(plainCell(row.getCell(column).value));
    }
    return values;
  };
  const headers = valuesOf(1).map((header) => (header === null ? '' : String(header).trim()));
  const rows: ExportRow[] = [];
  for (let rowNumber = 2; rowNumber <= sheet.rowCount; rowNumber += 1) {
    const cells = cellsOf(headers, valuesOf(rowNumber));
    if (!isBlank(cells)) {
      rows.push({ line: rowNumber, cells });
    }
  }
  return { headers, rows };
}

function decodeText(bytes: Buffer): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return new TextDecoder('latin1').decode(bytes);
  }
}

function cellsOf(headers: readonly string[], values: readonly unknown[]): Record<string, unknown> {
  const cells: Record<string, unknown> = {};
  headers.forEach((header, index) => {
    if (header !== '' && !(header in cells)) {
      cells[header] = values[index] ?? null;
    }
  });
  return cells;
}

function isBlank(cells: Record<string, unknown>): boolean {
  return Object.values(cells).every(
    (value) => value === null || (typeof value === 'string' && value.trim() === ''),
  );
}

function pad(value: number): string {
  return String(value).padStart(2, '0');
}

/** An Excel date cell as the text the dispenser would have written (ISO order). */
function dateText(date: Date): string {
  return (
    `${date.getUTCFullYear()}-${pad(date.getUTCMonth() + 1)}-${pad(date.getUTCDate())} ` +
    `${pad(date.getUTCHours())}:${pad(date.getUTCMinutes())}:${pad(date.getUTCSeconds())}`
  );
}

/** A cell value as text, a number or null (rich text joined, formulas by their result). */
function plainCell(value: CellValue): string | number | null {
  if (value === null || value === undefined) {
    return null;
  }
  if (typeof value === 'string' || typeof value === 'number') {
    return value;
  }
  if (typeof value === 'boolean') {
    return String(value);
  }
  if (value instanceof Date) {
    return Number.isNaN(value.getTime()) ? null : dateText(value);
  }
  if ('richText' in value) {
    return value.richText.map((part) => part.text).join('');
  }
  if ('hyperlink' in value) {
    return value.text;
  }
  if ('formula' in value || 'sharedFormula' in value) {
    return value.result === undefined ? null : plainCell(value.result);
  }
  return null;
}
