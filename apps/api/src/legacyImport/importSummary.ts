/**
 * What an import did, per legacy table: rows read, entities created, updated and unchanged,
 * rows skipped by reason (with a few of their legacy ids), and notes on rows imported with a
 * field left out. A table that failed is named with its error; its rows were rolled back.
 */

/** How many rows share one reason, and the first few of their legacy ids. */
export interface ReasonCount {
  count: number;
  examples: string[];
}

export interface TableSummary {
  table: string;
  rows: number;
  created: number;
  updated: number;
  unchanged: number;
  skipped: Record<string, ReasonCount>;
  notes: Record<string, ReasonCount>;
  /** Set when the table's transaction was rolled back. */
  failed: string | null;
  /** Set when the legacy database has no such table. */
  missing: boolean;
}

export interface LegacyImportSummary {
  tables: TableSummary[];
  ok: boolean;
}

const MAX_EXAMPLES = 5;

export function emptyTableSummary(table: string): TableSummary {
  return {
    table,
    rows: 0,
    created: 0,
    updated: 0,
    unchanged: 0,
    skipped: {},
    notes: {},
    failed: null,
    missing: false,
  };
}

function countReason(into: Record<string, ReasonCount>, reason: string, legacyId: string): void {
  const entry = into[reason] ?? { count: 0, examples: [] };
  entry.count += 1;
  if (entry.examples.length < MAX_EXAMPLES) {
    entry.examples.push(legacyId);
  }
  into[reason] = entry;
}

export function skip(summary: TableSummary, legacyId: string, reason: string): void {
  countReason(summary.skipped, reason, legacyId);
}

export function note(summary: TableSummary, legacyId: string, reason: string): void {
  countReason(summary.notes, reason, legacyId);
}

export function skippedCount(summary: TableSummary): number {
  return Object.values(summary.skipped).reduce((total, entry) => total + entry.count, 0);
}

function reasonLines(title: string, reasons: Record<string, ReasonCount>): string[] {
  return Object.entries(reasons).map(
    ([reason, entry]) =>
      `    ${title} ${entry.count}: ${reason} (e.g. ${entry.examples.join(', ')})`,
  );
}

/** The summary as the command prints it. */
export function formatSummary(summary: LegacyImportSummary): string {
  const lines: string[] = ['Legacy import summary (created / updated / unchanged / skipped):'];
  for (const table of summary.tables) {
    if (table.missing) {
      lines.push(`  ${table.table}: not in the legacy database`);
      continue;
    }
    if (table.failed !== null) {
      lines.push(`  ${table.table}: FAILED, nothing of it imported: ${table.failed}`);
      continue;
    }
    lines.push(
      `  ${table.table}: ${table.rows} rows → ${table.created} / ${table.updated} / ` +
        `${table.unchanged} / ${skippedCount(table)}`,
    );
    lines.push(...reasonLines('skipped', table.skipped), ...reasonLines('note', table.notes));
  }
  lines.push(summary.ok ? 'Import complete.' : 'Import stopped: see the failed table above.');
  return lines.join('\n');
}
