/**
 * `manifest.json`, the table of contents of a backup file (docs/operations.md, "Backup and
 * restore"): what made it, when, both databases' dialect, migrations and tables, and for
 * every part (one table of one database, `record/<table>.ndjson`) its row count, size and
 * SHA-256. A restore trusts nothing in the file before the manifest has passed this schema
 * and every part its hash.
 */
import { z } from 'zod';
import { COLUMN_KINDS } from './columnValues';

/** What the manifest's `format` says. */
export const BACKUP_FORMAT = 'tracershop-backup';
/** The one version of the format this code writes and reads. */
export const BACKUP_FORMAT_VERSION = 1;
export const MANIFEST_FILE = 'manifest.json';

const SHA256_PATTERN = /^[0-9a-f]{64}$/;
const NAME_PATTERN = /^[A-Za-z_][A-Za-z0-9_]*$/;
const MIGRATION_NAME_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._-]*$/;

const count = z.number().int().nonnegative();

const columnSchema = z.strictObject({
  name: z.string().regex(NAME_PATTERN),
  kind: z.enum(COLUMN_KINDS),
});

const tableSchema = z.strictObject({
  name: z.string().regex(NAME_PATTERN),
  /** Path of the part inside the archive: `<database>/<table>.ndjson`. */
  part: z.string(),
  rows: count,
  bytes: count,
  sha256: z.string().regex(SHA256_PATTERN),
  columns: z.array(columnSchema).min(1),
  primaryKey: z.array(z.string().regex(NAME_PATTERN)),
  /** The largest id the table's counter had handed out (restored, so no id is used twice). */
  lastIssuedId: z.number().int().nullable(),
});

const databaseSchema = z.strictObject({
  dialect: z.enum(['sqlite', 'mysql']),
  /** When this database's snapshot was taken (the two are taken one after the other). */
  snapshotAt: z.iso.datetime(),
  /** The migrations applied at that moment, in order. */
  migrations: z.array(z.string().regex(MIGRATION_NAME_PATTERN)).min(1),
  tables: z.array(tableSchema),
});

export const backupManifestSchema = z
  .strictObject({
    format: z.literal(BACKUP_FORMAT),
    formatVersion: z.literal(BACKUP_FORMAT_VERSION),
    tracershopVersion: z.string().min(1).max(100),
    createdAt: z.iso.datetime(),
    databases: z.strictObject({ record: databaseSchema, web: databaseSchema }),
    audit: z.strictObject({
      /** Rows of audit_events. */
      events: count,
      /** The hash of the last event (the genesis hash of an empty trail). */
      headHash: z.string().regex(SHA256_PATTERN),
      lastEventId: z.number().int().nullable(),
    }),
  })
  .superRefine((manifest, context) => {
    for (const database of ['record', 'web'] as const) {
      const seen = new Set<string>();
      for (const table of manifest.databases[database].tables) {
        if (table.part !== partPath(database, table.name)) {
          context.addIssue({
            code: 'custom',
            message: `the part of ${database}.${table.name} must be ${partPath(database, table.name)}`,
          });
        }
        if (seen.has(table.name)) {
          context.addIssue({ code: 'custom', message: `${database}.${table.name} twice` });
        }
        seen.add(table.name);
      }
    }
  });

export type BackupManifest = z.infer<typeof backupManifestSchema>;
export type BackupDatabaseEntry = BackupManifest['databases']['record'];
export type BackupTableEntry = BackupDatabaseEntry['tables'][number];

/** Where a table's rows sit inside the archive. */
export function partPath(database: 'record' | 'web', table: string): string {
  return `${database}/${table}.ndjson`;
}

/**
 * The manifest of `json`, or an error saying in words what is wrong with it: a format
 * version this code does not read is named as such, anything else by the schema's findings.
 */
export function parseBackupManifest(json: string): BackupManifest {
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch {
    throw new Error('manifest.json is not JSON');
  }
  const header = z
    .looseObject({ format: z.string().optional(), formatVersion: z.unknown() })
    .safeParse(value);
  if (!header.success || header.data.format !== BACKUP_FORMAT) {
    throw new Error('manifest.json is not the manifest of a Tracershop backup');
  }
  if (header.data.formatVersion !== BACKUP_FORMAT_VERSION) {
    throw new Error(
      `manifest.json says backup format version ${JSON.stringify(header.data.formatVersion)}; ` +
        `this Tracershop reads version ${BACKUP_FORMAT_VERSION} only`,
    );
  }
  const parsed = backupManifestSchema.safeParse(value);
  if (!parsed.success) {
    const findings = parsed.error.issues
      .slice(0, 5)
      .map((issue) => `${issue.path.join('.') || 'manifest'}: ${issue.message}`);
    throw new Error(`manifest.json is malformed (${findings.join('; ')})`);
  }
  return parsed.data;
}
