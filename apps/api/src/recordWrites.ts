/**
 * The shape of every write (write in one transaction → audit → publish): the
 * work runs in one record-database transaction, its audit rows join that transaction, and
 * the change events go out only after the commit. Nothing is half-written on any error.
 */
import { DbConstraintError, appendAudit, withTransaction } from '@tracershop/db';
import type { AuditEventInput } from '@tracershop/db';
import type { Sequelize, Transaction } from 'sequelize';
import type { SessionUser } from './auth/sessions';
import type { PublishedChange } from './events/changeEvents';
import { apiError } from './errors';
import type { ApiServices } from './services';

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

/** The stored answer of an earlier request with `clientKey`, or undefined when there is none. */
async function storedAnswer<T>(
  writer: Writer & { user: NonNullable<Writer['user']> },
  procedure: string,
  clientKey: string,
  transaction?: Transaction,
): Promise<{ result: T } | undefined> {
  const earlier = await writer.services.db.models.ClientRequest.findByPk(clientKey, {
    transaction,
  });
  if (earlier === null) {
    return undefined;
  }
  if (earlier.userId !== writer.user.id || earlier.procedure !== procedure) {
    throw apiError('INVALID_INPUT', {}, { clientKey: 'used by another request' });
  }
  return { result: JSON.parse(earlier.result) as T };
}

/**
 * Idempotent creation (docs/operations.md, "Retries and client keys"): the first request with `clientKey`
 * runs `work` in a record transaction and stores its answer there; a retry by the same user
 * gets that stored answer and creates nothing.
 *
 * A retry that races its original (the client gave up waiting and sent again) must not be
 * told "already exists" about an order that does exist. So the key is claimed first, by
 * inserting its row before any other write: a concurrent request with the same key then
 * waits on that row (MySQL's row lock; SQLite's single writer) until the original commits,
 * fails on the taken key, and answers with the original's stored result. Had the original
 * failed, its claim is rolled back and the retry runs the work itself, which gives the same
 * refusal again.
 */
export async function writeOncePerClientKey<T>(
  writer: Writer,
  procedure: string,
  clientKey: string | undefined,
  work: (scope: WriteScope) => Promise<T>,
): Promise<T> {
  const { user } = writer;
  if (clientKey === undefined || user === null) {
    return writeRecord(writer, work);
  }
  const known = { ...writer, user };
  const { ClientRequest } = writer.services.db.models;
  try {
    return await writeRecord(writer, async (scope) => {
      const earlier = await storedAnswer<T>(known, procedure, clientKey, scope.transaction);
      if (earlier !== undefined) {
        return earlier.result;
      }
      await ClientRequest.create(
        {
          clientKey,
          userId: user.id,
          procedure,
          result: '',
          createdAt: writer.services.clock.now(),
        },
        { transaction: scope.transaction },
      );
      const result = await work(scope);
      await ClientRequest.update(
        { result: JSON.stringify(result) },
        { where: { clientKey }, transaction: scope.transaction },
      );
      return result;
    });
  } catch (error) {
    const keyTaken =
      error instanceof DbConstraintError &&
      error.kind === 'unique' &&
      error.entity === 'ClientRequest';
    if (!keyTaken) {
      throw error;
    }
    const original = await storedAnswer<T>(known, procedure, clientKey);
    if (original === undefined) {
      throw error;
    }
    return original.result;
  }
}
