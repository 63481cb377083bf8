/**
 * One transaction per mutation ("write in one transaction → audit"). The api
 * wraps every write in withTransaction and appends its audit row with the same transaction.
 */
import { Transaction } from 'sequelize';
import type { Sequelize } from 'sequelize';
import { toDbConstraintError } from './constraintErrors';

/** The tail of the queue of SQLite transactions, per database. */
const sqliteQueues = new WeakMap<Sequelize, Promise<unknown>>();

/**
 * SQLite admits one writer at a time, and node-sqlite3 waits for a lock on a libuv pool
 * thread: a dozen transactions waiting at once would take every thread, and the one holding
 * the lock could not run its next statement. So this process queues its own SQLite
 * transactions; the busy timeout only has to cover other processes.
 */
function queuedOnSqlite<T>(sequelize: Sequelize, work: () => Promise<T>): Promise<T> {
  if (sequelize.getDialect() !== 'sqlite') {
    return work();
  }
  const previous = sqliteQueues.get(sequelize) ?? Promise.resolve();
  const run = previous.then(work, work);
  sqliteQueues.set(
    sequelize,
    run.catch(() => undefined),
  );
  return run;
}

/**
 * Runs `work` in a transaction on `sequelize` (usually the record database): committed when
 * `work` resolves, rolled back when it throws. A refused write comes out as a
 * DbConstraintError. Every statement inside must pass `{ transaction }`; on SQLite a write
 * outside it waits for the transaction's lock. Do not nest withTransaction on one database.
 *
 * On SQLite the transaction is BEGIN IMMEDIATE: it takes the write lock at the start, so that
 * it never fails half-way for want of upgrading a read lock (MySQL ignores the type and
 * uses row locks).
 */
export async function withTransaction<T>(
  sequelize: Sequelize,
  work: (transaction: Transaction) => Promise<T>,
): Promise<T> {
  try {
    return await queuedOnSqlite(sequelize, () =>
      sequelize.transaction({ type: Transaction.TYPES.IMMEDIATE }, work),
    );
  } catch (error) {
    throw toDbConstraintError(error) ?? error;
  }
}
