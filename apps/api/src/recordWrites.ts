/**
 * The shape of every write (CONVENTIONS: write in one transaction → audit → publish): the
 * work runs in one record-database transaction, its audit rows join that transaction, and
 * the change events go out only after the commit. Nothing is half-written on any error.
 */
import { appendAudit, withTransaction } from '@tracershop/db';
import type { AuditEventInput } from '@tracershop/db';
import type { Sequelize, Transaction } from 'sequelize';
import type { SessionUser } from './auth/sessions';
import type { PublishedChange } from './events/changeEvents';
import { apiError } from './errors';
import type { ApiServices } from './trpc/context';

/** An audit event without the actor (filled from the caller). */
export type AuditEntry = Omit<AuditEventInput, 'actorId' | 'actorName'>;

export interface WriteScope {
  transaction: Transaction;
  /** Appends an audit row in this transaction, attributed to the caller. */
  audit(entry: AuditEntry): Promise<void>;
  /** Queues a change event, published after the commit. */
  publish(...changes: PublishedChange[]): void;
}

export interface Writer {
  services: ApiServices;
  /** The acting user; null for background services (audited as the system). */
  user: Pick<SessionUser, 'id' | 'displayName' | 'username'> | null;
}

async function write<T>(
  database: Sequelize,
  writer: Writer,
  work: (scope: WriteScope) => Promise<T>,
): Promise<T> {
  const changes: PublishedChange[] = [];
  const result = await withTransaction(database, (transaction) =>
    work({
      transaction,
      audit: async (entry) => {
        await appendAudit(transaction, {
          ...entry,
          at: entry.at ?? writer.services.clock.now(),
          actorId: writer.user?.id ?? null,
          actorName: writer.user ? writer.user.displayName || writer.user.username : 'system',
        });
      },
      publish: (...more) => {
        changes.push(...more);
      },
    }),
  );
  if (changes.length > 0) {
    await writer.services.events.publish(changes);
  }
  return result;
}

/** A write to the record database (GMP records, audited). */
export function writeRecord<T>(
  writer: Writer,
  work: (scope: WriteScope) => Promise<T>,
): Promise<T> {
  return write(writer.services.db.record, writer, work);
}

/**
 * A write to the web database (users, settings). Its `audit` is refused: the audit trail
 * lives in the record database and cannot share this transaction.
 */
export function writeWeb<T>(
  writer: Writer,
  work: (scope: Omit<WriteScope, 'audit'>) => Promise<T>,
): Promise<T> {
  return write(writer.services.db.web, writer, ({ transaction, publish }) =>
    work({ transaction, publish }),
  );
}

/**
 * Idempotent creation (DESIGN §4.7): the first call with `clientKey` runs `create` and
 * stores its result in the same transaction; a retry by the same user returns that stored
 * result without creating again. Without a key, `create` simply runs.
 */
export async function oncePerClientKey<T>(
  scope: WriteScope,
  writer: Writer,
  procedure: string,
  clientKey: string | undefined,
  create: () => Promise<T>,
): Promise<T> {
  if (clientKey === undefined || writer.user === null) {
    return create();
  }
  const { ClientRequest } = writer.services.db.models;
  const earlier = await ClientRequest.findByPk(clientKey, { transaction: scope.transaction });
  if (earlier !== null && earlier.userId === writer.user.id && earlier.procedure === procedure) {
    return JSON.parse(earlier.result) as T;
  }
  if (earlier !== null) {
    throw apiError('INVALID_INPUT', {}, { clientKey: 'used by another request' });
  }
  const result = await create();
  await ClientRequest.create(
    {
      clientKey,
      userId: writer.user.id,
      procedure,
      result: JSON.stringify(result),
      createdAt: writer.services.clock.now(),
    },
    { transaction: scope.transaction },
  );
  return result;
}
