/**
 * Importing dispenser files (docs/domain.md): each file's new vials are recorded
 * in one transaction with a 'vial.import' audit row each and published live to the owner's
 * users (production only for a vial without owner); vials identical in activity, lot, volume,
 * fill date and fill time to a recorded one are skipped as duplicates. The file then moves to
 * `processed/`; an unreadable one to `rejected/` with the reason. An empty file is left alone
 * (it may still be being written), as the legacy did. A failure of the database leaves the
 * file where it is, to be imported by the next scan.
 */
import { stat, readdir } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import { dispenserDuplicateKey } from '@tracershop/core';
import { ValidationError, Op } from 'sequelize';
import type { PublishedChange } from '../../events/changeEvents';
import { writeRecord } from '../../recordWrites';
import type { Writer } from '../../recordWrites';
import type { ApiServices } from '../../services';
import { toWire } from '../../wire';
import { customerAudience } from '../../events/audiences';
import { VialOwners, dispenserFileKindOf, readDispenserFile } from './dispenserFiles';
import type { VialCandidate } from './dispenserFiles';
import { inVialQueue } from './vialDirectory';
import { moveToProcessed, moveToRejected } from './vialFolders';

/** The vial watcher's name among the background services (and in the metrics). */
export const VIAL_WATCH_SERVICE = 'vials';

/** What became of one file. */
export type VialFileOutcome =
  /** Read and recorded (its vials created or found duplicates); moved to `processed/`. */
  | 'imported'
  /** Unreadable; moved to `rejected/` with a reason file. */
  | 'rejected'
  /** Not a dispenser file, empty, already gone or the import was stopped: left alone. */
  | 'skipped'
  /** The database refused or failed: left in place for the next scan. */
  | 'failed';

export interface VialFileResult {
  file: string;
  outcome: VialFileOutcome;
  created: number;
  duplicates: number;
  reason?: string;
}

/** What a scan did: files imported or rejected, vials created, duplicates skipped. */
export interface VialScanCounts {
  files: number;
  created: number;
  duplicates: number;
  rejected: number;
}

export interface VialImportOptions {
  /** Who asked (a rescan); null or absent for the watcher, audited as the system. */
  user?: Writer['user'];
  /** Stops a long scan between files (the watcher stopping). */
  signal?: AbortSignal;
  /** Tracers and customers already loaded (a scan loads them once for all its files). */
  owners?: VialOwners;
}

function skipped(file: string, reason: string): VialFileResult {
  return { file, outcome: 'skipped', created: 0, duplicates: 0, reason };
}

function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/**
 * Imports one file (queued behind any other import of the same folder in this process). For
 * the metrics a file is a run of the vial watcher: recorded or rejected (the file's fault)
 * is a success, a database failure a failure; a skipped file is neither.
 */
export async function importVialFile(
  services: ApiServices,
  path: string,
  options: VialImportOptions = {},
): Promise<VialFileResult> {
  const file = resolve(path);
  try {
    const result = await inVialQueue(dirname(file), () => importNow(services, file, options));
    if (result.outcome !== 'skipped') {
      services.metrics.backgroundRun(VIAL_WATCH_SERVICE, result.outcome !== 'failed');
    }
    return result;
  } catch (error) {
    services.metrics.backgroundRun(VIAL_WATCH_SERVICE, false);
    throw error;
  }
}

/** Imports every dispenser file waiting in `directory` (not its subfolders), in name order. */
export async function scanVialDirectory(
  services: ApiServices,
  directory: string,
  options: VialImportOptions = {},
): Promise<VialScanCounts> {
  const entries = await readdir(directory, { withFileTypes: true });
  const names = entries
    .filter((entry) => entry.isFile() && dispenserFileKindOf(entry.name) !== null)
    .map((entry) => entry.name)
    .sort();
  const counts: VialScanCounts = { files: 0, created: 0, duplicates: 0, rejected: 0 };
  if (names.length === 0) {
    return counts;
  }
  const owners = options.owners ?? (await VialOwners.load(services));
  for (const name of names) {
    if (options.signal?.aborted === true) {
      break;
    }
    const result = await importVialFile(services, join(directory, name), { ...options, owners });
    if (result.outcome === 'imported' || result.outcome === 'rejected') {
      counts.files += 1;
    }
    if (result.outcome === 'rejected') {
      counts.rejected += 1;
    }
    counts.created += result.created;
    counts.duplicates += result.duplicates;
  }
  return counts;
}

async function importNow(
  services: ApiServices,
  file: string,
  options: VialImportOptions,
): Promise<VialFileResult> {
  const name = basename(file);
  const log = services.log.child({ service: 'vials', file: name });
  const kind = dispenserFileKindOf(name);
  if (kind === null) {
    return skipped(name, 'not a dispenser file');
  }
  if (options.signal?.aborted === true) {
    return skipped(name, 'stopped');
  }
  try {
    const stats = await stat(file);
    if (!stats.isFile()) {
      return skipped(name, 'not a file');
    }
    if (stats.size === 0) {
      return skipped(name, 'empty');
    }
  } catch {
    // Imported meanwhile by another scan, or removed.
    return skipped(name, 'gone');
  }

  let reading;
  try {
    reading = await readDispenserFile(
      file,
      kind,
      options.owners ?? (await VialOwners.load(services)),
    );
  } catch (error) {
    reading = { ok: false as const, reason: `The file cannot be read: ${errorText(error)}` };
  }
  if (!reading.ok) {
    return reject(services, file, reading.reason, log);
  }

  let saved: { created: number; duplicates: number };
  try {
    saved = await saveVials(services, options.user ?? null, reading.vials);
  } catch (error) {
    if (error instanceof ValidationError) {
      return reject(services, file, `The vials are not valid: ${errorText(error)}`, log);
    }
    log.error({ err: error }, 'vial file not imported; it stays for the next scan');
    return { file: name, outcome: 'failed', created: 0, duplicates: 0, reason: errorText(error) };
  }
  try {
    await moveToProcessed(file);
  } catch (error) {
    // Recorded; a later import of the same file only finds duplicates.
    log.error({ err: error }, 'vial file imported but not moved to processed/');
  }
  log.info(saved, 'vial file imported');
  return { file: name, outcome: 'imported', ...saved };
}

async function reject(
  services: ApiServices,
  file: string,
  reason: string,
  log: ApiServices['log'],
): Promise<VialFileResult> {
  const name = basename(file);
  try {
    await moveToRejected(file, reason, services.clock.now());
  } catch (error) {
    log.error({ err: error }, 'rejected vial file could not be moved to rejected/');
  }
  log.warn({ reason }, 'vial file rejected');
  return { file: name, outcome: 'rejected', created: 0, duplicates: 0, reason };
}

/** Records the vials that are not duplicates, audited and published, in one transaction. */
async function saveVials(
  services: ApiServices,
  user: Writer['user'],
  vials: readonly VialCandidate[],
): Promise<{ created: number; duplicates: number }> {
  if (vials.length === 0) {
    return { created: 0, duplicates: 0 };
  }
  return writeRecord({ services, user }, async ({ transaction, audit, publish }) => {
    const { Vial } = services.db.models;
    const lots = [...new Set(vials.map((vial) => vial.lotNumber))];
    const recorded = await Vial.findAll({
      where: { lotNumber: { [Op.in]: lots } },
      attributes: ['activity', 'lotNumber', 'volume', 'fillDate', 'fillTime'],
      transaction,
    });
    const known = new Set(recorded.map((vial) => dispenserDuplicateKey(vial)));
    const rowsByOwner = new Map<number | null, unknown[]>();
    let duplicates = 0;
    for (const candidate of vials) {
      const key = dispenserDuplicateKey(candidate);
      if (known.has(key)) {
        duplicates += 1;
        continue;
      }
      known.add(key);
      const vial = await Vial.create({ ...candidate, assignedToId: null }, { transaction });
      const row = toWire(vial);
      await audit({ action: 'vial.import', entity: 'Vial', entityId: vial.id, after: row });
      rowsByOwner.set(row.customerId, [...(rowsByOwner.get(row.customerId) ?? []), row]);
    }
    for (const [customerId, rows] of rowsByOwner) {
      const change: PublishedChange = {
        entity: 'Vial',
        op: 'upsert',
        rows,
        visibility: customerAudience(customerId),
      };
      publish(change);
    }
    return { created: vials.length - duplicates, duplicates };
  });
}
