/**
 * The two ways a restore ends badly (docs/operations.md, "Backup and restore"):
 *
 * - refused: the file, or the target, is not one a restore may go on with, found before
 *   anything was written (a damaged or altered file, an unknown format or migration, a
 *   target that holds data);
 * - failed: something went wrong after writing had begun, or a check afterwards (the
 *   audit chain, the row counts, the migrations) did not pass. The target must not be used;
 *   empty it and restore again.
 */
export class BackupRefusedError extends Error {
  constructor(message: string, options?: ErrorOptions) {
    super(message, options);
    this.name = 'BackupRefusedError';
  }
}

export class RestoreFailedError extends Error {
  constructor(
    message: string,
    /** What the checks after the load found, when they ran. */
    readonly findings: string[] = [],
    options?: ErrorOptions,
  ) {
    super(message, options);
    this.name = 'RestoreFailedError';
  }
}
