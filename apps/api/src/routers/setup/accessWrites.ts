/**
 * Writes to the web database that decide who may do what (accounts, roles, customer access).
 * The legacy audit-logged role and access changes, and so do we: the audit rows are appended
 * in a record-database transaction that commits just before the web one. Should the web commit
 * then fail, the trail names a change that was attempted but not kept — never the reverse.
 * The web transaction is the outer one, as in the demo seed; nesting the two the other way
 * round elsewhere could deadlock the per-database SQLite queues.
 */
import type { AuditEntry, WriteScope, Writer } from '../../recordWrites';
import { writeRecord, writeWeb } from '../../recordWrites';

export interface AccessWriteScope extends Omit<WriteScope, 'audit'> {
  /** Queues an audit row, appended when the web work has succeeded. */
  audit(entry: AuditEntry): void;
}

export function writeAccess<T>(
  writer: Writer,
  work: (scope: AccessWriteScope) => Promise<T>,
): Promise<T> {
  return writeWeb(writer, async ({ transaction, publish }) => {
    const entries: AuditEntry[] = [];
    const result = await work({
      transaction,
      publish,
      audit: (entry) => {
        entries.push(entry);
      },
    });
    if (entries.length > 0) {
      await writeRecord(writer, async ({ audit }) => {
        for (const entry of entries) {
          await audit(entry);
        }
      });
    }
    return result;
  });
}
