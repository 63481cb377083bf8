/**
 * Restoring a backup into empty databases (docs/operations.md, "Backup and restore").
 *
 * Before anything is written it refuses, in words:
 * - a file whose manifest or parts do not verify (backupArchive.ts), or in another format
 *   version;
 * - a backup with migrations this code does not know (made by a newer Tracershop);
 * - a target already migrated past the backup, or holding any rows (it names the tables).
 *
 * Then it migrates each target up to the backup's migration level, loads every table with
 * its ids (databaseLoad.ts: one transaction per database, foreign-key checks off on the
 * load's connection only; the web database commits first, then the record database), sets the
 * auto-increment counters, and applies this code's newer migrations, if any: an upgrade
 * restore, exactly as `db migrate` would have upgraded the original site. Last it verifies
 * the audit chain (it must end at the backup's head hash with the backup's number of events)
 * and the migration status; a broken chain is a failed restore.
 */
import type { AuditChainReport } from '../audit';
import { verifyAuditChain } from '../audit';
import type { DatabaseName } from '../config';
import type { Databases } from '../connection';
import type { MigrationStatus } from '../migrate';
import { MIGRATIONS, createMigrator, migrateUp, migrationStatus } from '../migrate';
import { BackupRefusedError, RestoreFailedError } from './backupErrors';
import type { BackupManifest, BackupTableEntry } from './backupManifest';
import type { VerifiedBackup } from './backupArchive';
import { openBackupArchive } from './backupArchive';
import type { DatabaseLoad } from './databaseLoad';
import { openDatabaseLoad } from './databaseLoad';
import { MIGRATION_ROWS, readTargetState, tablesWithData } from './targetDatabase';

const DATABASES = ['record', 'web'] as const;

export interface RestoreOptions {
  /** The backup file (verified first), or a backup openBackupArchive has verified already. */
  backup: string | VerifiedBackup;
  /** The target databases, opened with openDatabases; they must hold no data. */
  databases: Databases;
  /** Where the file is unpacked; default the system's temporary folder. */
  workDir?: string;
  /** Told what happens, step by step (the command prints it). */
  onStep?: (line: string) => void;
}

export interface RestoreReport {
  file: string;
  manifest: BackupManifest;
  /** Rows restored per table, per database. */
  rows: Record<DatabaseName, Record<string, number>>;
  /** This code's migrations applied after the load (an upgrade restore); usually none. */
  upgradedWith: Record<DatabaseName, string[]>;
  /** verifyAuditChain of the restored record database. */
  audit: AuditChainReport;
  migrations: Record<DatabaseName, MigrationStatus>;
  durationMs: number;
}

function plural(count: number, word: string): string {
  return `${count} ${word}${count === 1 ? '' : 's'}`;
}

/** Refuses a backup whose migrations are not, in order, the first ones this code knows. */
function checkMigrationsKnown(manifest: BackupManifest): void {
  const problems: string[] = [];
  for (const database of DATABASES) {
    const known = MIGRATIONS[database].map((migration) => migration.name);
    const backup = manifest.databases[database].migrations;
    const unknown = backup.filter((name) => !known.includes(name));
    if (unknown.length > 0) {
      problems.push(
        `its ${database} migrations ${unknown.join(', ')} are not known to this Tracershop ` +
          `(it knows up to ${known[known.length - 1] ?? 'none'})`,
      );
    } else if (backup.some((name, index) => known[index] !== name)) {
      problems.push(`its ${database} migrations are not this Tracershop's, in its order`);
    }
  }
  if (problems.length > 0) {
    throw new BackupRefusedError(
      `Refusing the backup made by Tracershop ${manifest.tracershopVersion}: ` +
        `${problems.join('; ')}. Restore it with that version or a newer one. Nothing was restored.`,
    );
  }
}

/** Refuses a target that holds data or is migrated past the backup; returns nothing else. */
async function checkTargetsEmpty(databases: Databases, manifest: BackupManifest): Promise<void> {
  const problems: string[] = [];
  for (const database of DATABASES) {
    const state = await readTargetState(databases.targets[database]);
    const backup = manifest.databases[database].migrations;
    if (state.migrations.some((name, index) => backup[index] !== name)) {
      problems.push(
        `the target ${database} database is migrated past the backup ` +
          `(it has ${state.migrations[state.migrations.length - 1] ?? '?'}, ` +
          `the backup ${backup[backup.length - 1] ?? '?'}): restore into new databases without tables`,
      );
    }
    const withData = tablesWithData(database, state);
    if (withData.length > 0) {
      problems.push(`the target ${database} database is not empty: ${withData.join(', ')}`);
    }
  }
  if (problems.length > 0) {
    throw new BackupRefusedError(
      `Refusing to restore: ${problems.join('; ')}. A backup is restored only into empty ` +
        'databases; nothing was written.',
    );
  }
}

/** The target's tables and columns must be the backup's, kind for kind. */
function checkShapes(load: DatabaseLoad, tables: BackupTableEntry[]): string[] {
  const problems: string[] = [];
  const target = new Map(load.tables.map((table) => [table.name, table]));
  for (const entry of tables) {
    const shape = target.get(entry.name);
    if (shape === undefined) {
      problems.push(`${load.database}.${entry.name} does not exist in the target`);
      continue;
    }
    for (const column of entry.columns) {
      const found = shape.columns.find((candidate) => candidate.name === column.name);
      if (found === undefined) {
        problems.push(`${load.database}.${entry.name}.${column.name} does not exist in the target`);
      } else if (found.kind !== column.kind) {
        problems.push(
          `${load.database}.${entry.name}.${column.name} is ${found.kind} in the target, ` +
            `${column.kind} in the backup`,
        );
      }
    }
  }
  const inBackup = new Set(tables.map((entry) => entry.name));
  for (const shape of load.tables) {
    if (!inBackup.has(shape.name)) {
      problems.push(`${load.database}.${shape.name} is not in the backup`);
    }
  }
  return problems;
}

/** Loads every part of one database inside its open load; returns rows per table. */
async function loadDatabase(
  load: DatabaseLoad,
  backup: VerifiedBackup,
): Promise<Record<string, number>> {
  const database = load.database;
  const rows: Record<string, number> = {};
  for (const entry of backup.manifest.databases[database].tables) {
    const present = await load.countRows(entry.name);
    if (present > 0) {
      if (present > (MIGRATION_ROWS[database][entry.name] ?? 0)) {
        throw new Error(
          `${database}.${entry.name} holds ${plural(present, 'row')}: something wrote to the ` +
            'target during the restore',
        );
      }
      await load.clearTable(entry.name);
    }
    const loaded = await load.loadTable(entry, backup.partFile(database, entry.name));
    if (loaded !== entry.rows) {
      throw new Error(
        `${entry.part} holds ${plural(loaded, 'row')}, the manifest says ${entry.rows}`,
      );
    }
    rows[entry.name] = loaded;
  }
  return rows;
}

function lastIssuedIdsOf(tables: BackupTableEntry[]): Map<string, number | null> {
  return new Map(tables.map((entry) => [entry.name, entry.lastIssuedId]));
}

/** Migrates both targets to exactly the backup's level (the code's own migrations). */
async function migrateToBackupLevel(
  databases: Databases,
  manifest: BackupManifest,
  onStep: (line: string) => void,
): Promise<void> {
  for (const database of DATABASES) {
    const names = manifest.databases[database].migrations;
    const last = names[names.length - 1];
    if (last === undefined) {
      continue;
    }
    const applied = await createMigrator(databases[database], database).up({ to: last });
    if (applied.length > 0) {
      onStep(`Migrated the ${database} database up to ${last}.`);
    }
  }
}

/** Loads both databases; both commit or (before the first commit) neither does. */
async function loadBoth(
  databases: Databases,
  backup: VerifiedBackup,
  onStep: (line: string) => void,
): Promise<Record<DatabaseName, Record<string, number>>> {
  const loads: DatabaseLoad[] = [];
  let committed = 0;
  try {
    for (const database of DATABASES) {
      loads.push(await openDatabaseLoad(database, databases.targets[database]));
    }
    const problems = loads.flatMap((load) =>
      checkShapes(load, backup.manifest.databases[load.database].tables),
    );
    if (problems.length > 0) {
      throw new Error(`The target's tables are not the backup's: ${problems.join('; ')}`);
    }
    const rows = { record: {}, web: {} } as Record<DatabaseName, Record<string, number>>;
    for (const load of loads) {
      rows[load.database] = await loadDatabase(load, backup);
      const total = Object.values(rows[load.database]).reduce((sum, n) => sum + n, 0);
      onStep(`Loaded the ${load.database} database: ${plural(total, 'row')}.`);
    }
    // The web database first: should the record database's commit fail, the target holds no
    // GMP records (and audit rows, which can never be deleted), only web rows.
    for (const load of [...loads].reverse()) {
      await load.commit(lastIssuedIdsOf(backup.manifest.databases[load.database].tables));
      committed += 1;
    }
    for (const load of loads) {
      await load.afterCommit(lastIssuedIdsOf(backup.manifest.databases[load.database].tables));
    }
    return rows;
  } catch (error) {
    await Promise.allSettled(loads.map((load) => load.rollback()));
    const reason = error instanceof Error ? error.message : String(error);
    throw new RestoreFailedError(
      committed === 0
        ? `The restore failed while loading: ${reason}. Nothing was loaded (the target ` +
            'databases are migrated and still empty); correct the cause and run it again.'
        : `The restore failed after loading: ${reason}. The target databases hold restored ` +
            'rows but must not be used: drop and re-create them, then restore again.',
      [],
      { cause: error },
    );
  } finally {
    await Promise.allSettled(loads.map((load) => load.close()));
  }
}

/**
 * Restores `options.backup` into `options.databases` (see the file comment). Throws
 * BackupRefusedError when it wrote nothing, RestoreFailedError when it had begun writing or a
 * check afterwards failed. Run it under the setup lock (setupLock.ts), with no api serving
 * the target.
 */
export async function restoreBackup(options: RestoreOptions): Promise<RestoreReport> {
  const started = Date.now();
  const onStep = options.onStep ?? (() => undefined);
  const backup =
    typeof options.backup === 'string'
      ? await openBackupArchive(options.backup, { workDir: options.workDir })
      : options.backup;
  try {
    const { manifest } = backup;
    onStep(
      `Verified ${backup.file}: made ${manifest.createdAt} by Tracershop ` +
        `${manifest.tracershopVersion}, ${plural(manifest.audit.events, 'audit event')}.`,
    );
    checkMigrationsKnown(manifest);
    await checkTargetsEmpty(options.databases, manifest);

    try {
      await migrateToBackupLevel(options.databases, manifest, onStep);
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      throw new RestoreFailedError(
        `The restore failed while migrating the target to the backup's level: ${reason}. ` +
          'Nothing was loaded; drop and re-create the target databases, then restore again.',
        [],
        { cause: error },
      );
    }
    const rows = await loadBoth(options.databases, backup, onStep);

    const findings: string[] = [];
    let upgradedWith: Record<DatabaseName, string[]> = { record: [], web: [] };
    try {
      upgradedWith = await migrateUp(options.databases);
    } catch (error) {
      findings.push(
        `the newer migrations failed: ${error instanceof Error ? error.message : String(error)}`,
      );
    }
    for (const database of DATABASES) {
      if (upgradedWith[database].length > 0) {
        onStep(`Upgraded the ${database} database: ${upgradedWith[database].join(', ')}.`);
      }
    }
    const audit = await verifyAuditChain(options.databases.record);
    if (!audit.ok) {
      findings.push(
        `the audit chain is broken at event ${audit.firstBroken?.id ?? '?'} ` +
          `(${audit.firstBroken?.reason ?? '?'})`,
      );
    } else if (audit.lastHash !== manifest.audit.headHash) {
      findings.push(
        `the audit chain ends at ${audit.lastHash}, the backup's at ${manifest.audit.headHash}`,
      );
    } else if (audit.checked !== manifest.audit.events) {
      findings.push(
        `the audit trail holds ${audit.checked} events, the backup ${manifest.audit.events}`,
      );
    }
    const migrations = await migrationStatus(options.databases);
    for (const database of DATABASES) {
      if (migrations[database].pending.length > 0) {
        findings.push(
          `the ${database} database has pending migrations: ${migrations[database].pending.join(', ')}`,
        );
      }
    }
    if (findings.length > 0) {
      throw new RestoreFailedError(
        `The restore FAILED its checks: ${findings.join('; ')}. The target databases must not ` +
          'be used: drop and re-create them, then restore again (or another backup).',
        findings,
      );
    }
    return {
      file: backup.file,
      manifest,
      rows,
      upgradedWith,
      audit,
      migrations,
      durationMs: Date.now() - started,
    };
  } finally {
    if (typeof options.backup === 'string') {
      await backup.close();
    }
  }
}
