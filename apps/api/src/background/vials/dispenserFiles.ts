/**
 * What a dispenser file says: the vials of a VAL text file (one vial) or of a CSV/XLSX export
 * (one vial per row), with tracer and owner resolved (docs/operations.md,
 * docs/domain.md). Parsing is core's; this module reads files and matches
 * vial tags, dispenser ids and short names against the record database.
 */
import { readFile } from 'node:fs/promises';
import {
  lotTagOf,
  missingDispenserColumns,
  parseDispenserRecord,
  parseValFile,
} from '@tracershop/core';
import type { ApiServices } from '../../services';
import { readCsvExport, readXlsxExport } from './dispenserExports';
import type { ExportTable } from './dispenserExports';

export type DispenserFileKind = 'val' | 'csv' | 'xlsx';

/** A vial as a file describes it, ready to be recorded. */
export interface VialCandidate {
  tracerId: number | null;
  customerId: number | null;
  lotNumber: string;
  fillDate: string;
  fillTime: string;
  /** MBq */
  activity: number;
  /** ml */
  volume: number;
}

export type DispenserFileReading =
  { ok: true; vials: VialCandidate[] } | { ok: false; reason: string };

/** How many bad rows a rejection reason lists before "… and N more". */
const MAX_LISTED_ROWS = 20;

/**
 * The kind of a file by its name: `.csv`, `.xlsx`, or a name starting with `VAL` (any case);
 * null for anything else (hidden files, Excel's `~$` lock files, notes), which is left alone.
 */
export function dispenserFileKindOf(name: string): DispenserFileKind | null {
  if (name.startsWith('.') || name.startsWith('~$')) {
    return null;
  }
  const lower = name.toLowerCase();
  if (lower.endsWith('.csv')) {
    return 'csv';
  }
  if (lower.endsWith('.xlsx')) {
    return 'xlsx';
  }
  return lower.startsWith('val') ? 'val' : null;
}

/** Tracers by vial tag and customers by dispenser id and short name, as files name them. */
export class VialOwners {
  private constructor(
    private readonly tracerByTag: ReadonlyMap<string, number>,
    private readonly customerByDispenser: ReadonlyMap<number, number>,
    private readonly customerByShortName: ReadonlyMap<string, number>,
  ) {}

  static async load(services: ApiServices): Promise<VialOwners> {
    const { Tracer, Customer } = services.db.models;
    const tracers = await Tracer.findAll({ attributes: ['id', 'vialTag'], order: [['id', 'ASC']] });
    const customers = await Customer.findAll({
      attributes: ['id', 'shortName', 'dispenserId'],
      order: [['id', 'ASC']],
    });
    const tracerByTag = new Map<string, number>();
    for (const tracer of tracers) {
      const tag = tracer.vialTag.trim().toUpperCase();
      if (tag !== '' && !tracerByTag.has(tag)) {
        tracerByTag.set(tag, tracer.id);
      }
    }
    const customerByDispenser = new Map<number, number>();
    const customerByShortName = new Map<string, number>();
    for (const customer of customers) {
      if (customer.dispenserId !== null && !customerByDispenser.has(customer.dispenserId)) {
        customerByDispenser.set(customer.dispenserId, customer.id);
      }
      const name = customer.shortName.trim().toLowerCase();
      if (!customerByShortName.has(name)) {
        customerByShortName.set(name, customer.id);
      }
    }
    return new VialOwners(tracerByTag, customerByDispenser, customerByShortName);
  }

  /** The tracer whose vial tag starts the lot number, else null. */
  tracerOfLot(lotNumber: string): number | null {
    const tag = lotTagOf(lotNumber)?.toUpperCase();
    return tag === undefined ? null : (this.tracerByTag.get(tag) ?? null);
  }

  customerOfDispenser(dispenserId: number | null): number | null {
    return dispenserId === null ? null : (this.customerByDispenser.get(dispenserId) ?? null);
  }

  customerOfShortName(shortName: string): number | null {
    return this.customerByShortName.get(shortName.trim().toLowerCase()) ?? null;
  }
}

/** Reads and interprets one dispenser file. Throws only when the file cannot be read at all. */
export async function readDispenserFile(
  path: string,
  kind: DispenserFileKind,
  owners: VialOwners,
): Promise<DispenserFileReading> {
  switch (kind) {
    case 'val':
      return readValFile(path, owners);
    case 'csv':
      return vialsOfExport(await readCsvExport(path), owners);
    case 'xlsx':
      return vialsOfExport(await readXlsxExport(path), owners);
  }
}

/**
 * A VAL file: ISO-8859-1 text. Every field but the customer must be readable; an unknown
 * dispenser id (99 is quality control) gives a vial without owner, as in the legacy.
 */
async function readValFile(path: string, owners: VialOwners): Promise<DispenserFileReading> {
  const text = new TextDecoder('latin1').decode(await readFile(path));
  const val = parseValFile(text);
  const missing = [
    val.lotNumber === null ? 'charge' : null,
    val.fillDate === null ? 'filldate' : null,
    val.fillTime === null ? 'filltime' : null,
    val.activity === null || val.activity <= 0 ? 'activity' : null,
    val.volume === null || val.volume <= 0 ? 'volume' : null,
  ].filter((key): key is string => key !== null);
  if (
    missing.length > 0 ||
    val.lotNumber === null ||
    val.fillDate === null ||
    val.fillTime === null ||
    val.activity === null ||
    val.volume === null
  ) {
    return {
      ok: false,
      reason: `Not a readable VAL file: missing or invalid ${missing.join(', ')}`,
    };
  }
  return {
    ok: true,
    vials: [
      {
        tracerId: owners.tracerOfLot(val.lotNumber),
        customerId: owners.customerOfDispenser(val.dispenserId),
        lotNumber: val.lotNumber,
        fillDate: val.fillDate,
        fillTime: val.fillTime,
        activity: val.activity,
        volume: val.volume,
      },
    ],
  };
}

/**
 * An export's rows: all or nothing. A missing column, an unreadable row or a customer no
 * short name matches rejects the whole file, listing the rows (the legacy raised too), so an
 * operator can correct the file and drop it in again without half of it already recorded.
 */
function vialsOfExport(table: ExportTable, owners: VialOwners): DispenserFileReading {
  const missing = missingDispenserColumns(table.headers);
  if (missing.length > 0) {
    return { ok: false, reason: `Not a dispenser export: missing columns ${missing.join(', ')}` };
  }
  const vials: VialCandidate[] = [];
  const problems: string[] = [];
  for (const row of table.rows) {
    const parsed = parseDispenserRecord(row.cells);
    if (!parsed.ok) {
      problems.push(`row ${row.line}: ${parsed.reason}`);
      continue;
    }
    const { record } = parsed;
    const customerId = owners.customerOfShortName(record.customerShortName);
    if (customerId === null) {
      problems.push(
        `row ${row.line}: no customer has the short name "${record.customerShortName}"`,
      );
      continue;
    }
    vials.push({
      tracerId: owners.tracerOfLot(record.batchReference),
      customerId,
      lotNumber: record.batchReference,
      fillDate: record.fillDate,
      fillTime: record.fillTime,
      activity: record.activity,
      volume: record.volume,
    });
  }
  if (problems.length > 0) {
    const listed = problems.slice(0, MAX_LISTED_ROWS);
    if (problems.length > listed.length) {
      listed.push(`… and ${problems.length - listed.length} more`);
    }
    return { ok: false, reason: `Rows that cannot be imported:\n${listed.join('\n')}` };
  }
  return { ok: true, vials };
}
