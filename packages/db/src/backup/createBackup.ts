/**
 * Taking a backup of both databases into one file while the api serves (docs/operations.md,
 * "Backup and restore"): a consistent snapshot of the record database, then one of the web
 * database (databaseSnapshot.ts: each consistent in itself, taken one right after the
 * other), every table exported as a part, the manifest, and the archive
 * (backupArchive.ts). The parts are staged in a private temporary folder, which needs room
 * for the uncompressed export; it is removed whatever happens.
 */
import { createHash } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { once } from 'node:events';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { finished } from 'node:stream/promises';
import type { DatabaseName, DatabaseTarget } from '../config';
import { GENESIS_HASH } from '../models/record/audit';
import type { BackupManifest, BackupTableEntry } from './backupManifest';
import { BACKUP_FORMAT, BACKUP_FORMAT_VERSION, partPath } from './backupManifest';
import { checkDestination, writeBackupArchive } from './backupArchive';
import { toPortableValue } from './columnValues';
import type { PortableValue } from './columnValues';
import type { DatabaseSnapshot } from './databaseSnapshot';
import { takeSnapshot } from './databaseSnapshot';
import type { TableShape } from './tableShapes';

export const AUDIT_TABLE = 'audit_events';

export interface CreateBackupOptions {
  /** Where the two databases are (`Databases#targets`, or resolveTarget). */
  targets: Record<DatabaseName, DatabaseTarget>;
  /** The version of Tracershop taking it (the api's `config.version`). */
  tracershopVersion: string;
  /** The backup file to write; it must not exist, its folder must. */
  file: string;
  /** Where the private staging folder goes; default the system's temporary folder. */
  workDir?: string;
  /** The clock of `createdAt` (tests). */
  now?: () => Date;
}

export interface BackupResult {
  file: string;
  /** Size of the file in bytes. */
  bytes: number;
  manifest: BackupManifest;
  /** Rows per table, per database. */
  rows: Record<DatabaseName, Record<string, number>>;
  durationMs: number;
}

/** `tracershop-backup-20261123T023000Z.tar.gz`: the default name, by the UTC moment. */
export function backupFileName(at: Date): string {
  const stamp = at
    .toISOString()
    .replace(/\.\d{3}Z$/, 'Z')
    .replace(/[-:]/g, '');
  return `tracershop-backup-${stamp}.tar.gz`;
}

/** The name pattern of backupFileName's names. */
export const BACKUP_FILE_PATTERN = /^tracershop-backup-\d{8}T\d{6}Z\.tar\.gz$/;

interface AuditHead {
  events: number;
  headHash: string;
  lastEventId: number | null;
}

/** Writes one table's part; returns its manifest entry (and, for the audit trail, its head). */
async function exportTable(
  snapshot: DatabaseSnapshot,
  table: TableShape,
  stageDir: string,
): Promise<{ entry: BackupTableEntry; audit: AuditHead | null }> {
  const part = partPath(snapshot.database, table.name);
  const file = path.join(stageDir, part);
  await mkdir(path.dirname(file), { recursive: true });
  const out = createWriteStream(file, { flags: 'wx' });
  const hash = createHash('sha256');
  let bytes = 0;
  let rows = 0;
  const isAudit = snapshot.database === 'record' && table.name === AUDIT_TABLE;
  const hashIndex = table.columns.findIndex((column) => column.name === 'hash');
  const idIndex = table.columns.findIndex((column) => column.name === 'id');
  let last: PortableValue[] | null = null;
  try {
    for await (const raw of snapshot.rows(table)) {
      const values = table.columns.map((column, index) =>
        toPortableValue(column.kind, raw[index], { table: table.name, column: column.name }),
      );
      const line = Buffer.from(`${JSON.stringify(values)}\n`, 'utf8');
      hash.update(line);
      bytes += line.length;
      rows += 1;
      if (isAudit) {
        last = values;
      }
      if (!out.write(line)) {
        await once(out, 'drain');
      }
    }
    out.end();
    await finished(out);
  } catch (error) {
    out.destroy();
    throw error;
  }
  const lastHash = last?.[hashIndex];
  const lastId = last?.[idIndex];
  return {
    entry: {
      name: table.name,
      part,
      rows,
      bytes,
      sha256: hash.digest('hex'),
      columns: table.columns,
      primaryKey: table.primaryKey,
      lastIssuedId: await snapshot.lastIssuedId(table),
    },
    audit: isAudit
      ? {
          events: rows,
          headHash: typeof lastHash === 'string' ? lastHash : GENESIS_HASH,
          lastEventId: typeof lastId === 'number' ? lastId : null,
        }
      : null,
  };
}

/**
 * Backs up both databases into `options.file`. Nothing is left behind when it fails: no
 * backup file, no partial file, no staging folder.
 */
export async function createBackup(options: CreateBackupOptions): Promise<BackupResult> {
  const started = Date.now();
  const now = options.now ?? (() => new Date());
  const file = path.resolve(options.file);
  await checkDestination(file);
  const stageDir = await mkdtemp(path.join(options.workDir ?? tmpdir(), 'tracershop-backup-'));
  const snapshots: DatabaseSnapshot[] = [];
  try {
    // Both snapshots first, one right after the other; then the (slower) export.
    for (const database of ['record', 'web'] as const) {
      snapshots.push(await takeSnapshot(database, options.targets[database], stageDir));
    }
    const entries: Partial<Record<DatabaseName, BackupManifest['databases']['record']>> = {};
    let audit: AuditHead | null = null;
    for (const snapshot of snapshots) {
      if (snapshot.migrations.length === 0) {
        throw new Error(
          `The ${snapshot.database} database is not migrated: run \`tracershop db migrate\` first`,
        );
      }
      const tables: BackupTableEntry[] = [];
      for (const table of snapshot.tables) {
        const exported = await exportTable(snapshot, table, stageDir);
        tables.push(exported.entry);
        audit = exported.audit ?? audit;
      }
      entries[snapshot.database] = {
        dialect: snapshot.dialect,
        snapshotAt: snapshot.takenAt.toISOString(),
        migrations: snapshot.migrations,
        tables,
      };
    }
    await Promise.all(snapshots.splice(0).map((snapshot) => snapshot.close()));
    if (audit === null || entries.record === undefined || entries.web === undefined) {
      throw new Error(`The record database has no ${AUDIT_TABLE} table: is it migrated?`);
    }
    const manifest: BackupManifest = {
      format: BACKUP_FORMAT,
      formatVersion: BACKUP_FORMAT_VERSION,
      tracershopVersion: options.tracershopVersion,
      createdAt: now().toISOString(),
      databases: { record: entries.record, web: entries.web },
      audit,
    };
    const bytes = await writeBackupArchive(stageDir, manifest, file);
    const rowsOf = (database: DatabaseName) =>
      Object.fromEntries(manifest.databases[database].tables.map((t) => [t.name, t.rows]));
    return {
      file,
      bytes,
      manifest,
      rows: { record: rowsOf('record'), web: rowsOf('web') },
      durationMs: Date.now() - started,
    };
  } finally {
    await Promise.allSettled(snapshots.map((snapshot) => snapshot.close()));
    await rm(stageDir, { recursive: true, force: true });
  }
}
