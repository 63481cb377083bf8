/**
 * `tracershop legacy-import --from mysql://user:password@host:3306/TracerShop [--fdg-tracer ID]`
 * copies an old Tracershop database into the record database (docs/operations.md, "Legacy
 * import"), showing a progress bar per step and printing a summary. Exit code 0 when every
 * step succeeded, 1 when one failed (it was rolled back; run again after fixing), 2 for a
 * wrong command line.
 */
import { parseArgs } from 'node:util';
import { DEFAULT_TIME_ZONE } from '@tracershop/core';
import { databaseOptionsFromEnv, migrateUp, openDatabases } from '@tracershop/db';
import cliProgress from 'cli-progress';
import { formatSummary } from './importSummary';
import { importLegacyDatabase } from './legacyImport';
import type { LegacyImportProgress } from './legacyImport';
import { LegacySource } from './legacySource';

export { importLegacyDatabase } from './legacyImport';
export type { LegacyImportOptions, LegacyImportProgress } from './legacyImport';
export type { LegacyImportSummary, TableSummary } from './importSummary';
export { LegacySource } from './legacySource';

const USAGE = `Usage: tracershop legacy-import --from mysql://user:password@host:3306/TracerShop
                                [--fdg-tracer <legacy Tracers.id>]`;

interface LegacyImportArgs {
  from: string;
  fdgTracer: string | null;
}

/** The command line, or null when it is not one this command takes. */
function parseImportArgs(args: string[]): LegacyImportArgs | null {
  try {
    const { values } = parseArgs({
      args,
      options: { from: { type: 'string' }, 'fdg-tracer': { type: 'string' } },
      strict: true,
      allowPositionals: false,
    });
    if (values.from === undefined || values.from === '' || values['fdg-tracer'] === '') {
      return null;
    }
    return { from: values.from, fdgTracer: values['fdg-tracer'] ?? null };
  } catch {
    return null;
  }
}

/** The URL without its password, for messages. */
function redacted(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password !== '') {
      parsed.password = '***';
    }
    return parsed.toString();
  } catch {
    return '(not a URL)';
  }
}

function progressBar(): LegacyImportProgress {
  const bar = new cliProgress.SingleBar(
    { format: '{step} [{bar}] {value}/{total}', stream: process.stderr, hideCursor: true },
    cliProgress.Presets.shades_classic,
  );
  return {
    start: (step, total) => bar.start(total, 0, { step: step.padEnd(22) }),
    tick: () => bar.increment(),
    stop: () => bar.stop(),
  };
}

export async function runLegacyImport(args: string[]): Promise<number> {
  const parsed = parseImportArgs(args);
  if (parsed === null) {
    console.error(USAGE);
    return 2;
  }
  let source: LegacySource;
  try {
    source = await LegacySource.open(parsed.from);
  } catch (error) {
    console.error(`Cannot read the legacy database ${redacted(parsed.from)}: ${String(error)}`);
    return 1;
  }
  const db = await openDatabases(databaseOptionsFromEnv());
  try {
    await migrateUp(db);
    const summary = await importLegacyDatabase(db, source, {
      timeZone: process.env.TRACERSHOP_TIMEZONE ?? DEFAULT_TIME_ZONE,
      fdgTracer: parsed.fdgTracer,
      progress: progressBar(),
    });
    console.log(formatSummary(summary));
    return summary.ok ? 0 : 1;
  } finally {
    await source.close();
    await db.close();
  }
}
