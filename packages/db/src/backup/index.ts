/**
 * Backup and restore of both databases (docs/operations.md, "Backup and restore").
 */
export { BackupRefusedError, RestoreFailedError } from './backupErrors';
export {
  BACKUP_FORMAT,
  BACKUP_FORMAT_VERSION,
  backupManifestSchema,
  parseBackupManifest,
} from './backupManifest';
export type { BackupManifest, BackupTableEntry } from './backupManifest';
export { openBackupArchive } from './backupArchive';
export type { VerifiedBackup } from './backupArchive';
export { BACKUP_FILE_PATTERN, backupFileName, createBackup } from './createBackup';
export type { BackupResult, CreateBackupOptions } from './createBackup';
export { restoreBackup } from './restore';
export type { RestoreOptions, RestoreReport } from './restore';
export type { ColumnKind } from './columnValues';
