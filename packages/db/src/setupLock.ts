/**
 * One setup at a time: several api instances started together on the same databases must
 * not run the migrations (or the demo seed) side by side — the second would create an index
 * the first just created and die. The instance that gets the lock migrates and seeds; the
 * others wait for it and then find nothing left to do.
 *
 * MySQL/MariaDB: a named server lock (GET_LOCK) held on one pinned connection of the record
 * database, which every instance of a site shares. SQLite: a lock file beside the record
 * file (proper-lockfile), which also frees a lock whose holder died.
 */
import path from 'node:path';
import lockfile from 'proper-lockfile';
import type { Sequelize } from 'sequelize';
import { QueryTypes } from 'sequelize';
import type { DatabaseTarget } from './config';

/** How long an instance waits for another one's setup before it gives up. */
const WAIT_LIMIT_MS = 15 * 60_000;
/** Each GET_LOCK wait, so that a waiting instance gives up after the limit. */
const WAIT_STEP_SECONDS = 5;

/** What a command or an instance says while it waits for another to finish setting up. */
export const SETUP_WAIT_MESSAGE = 'Waiting for another instance to finish setting up…';

export interface SetupLockOptions {
  /** Told once when another instance holds the lock. */
  onWait?: () => void;
}

/** The record database and where it is. */
interface SiteDatabases {
  record: Sequelize;
  targets: { record: DatabaseTarget };
}

async function withServerLock<T>(
  sequelize: Sequelize,
  work: () => Promise<T>,
  options: SetupLockOptions,
): Promise<T> {
  const name = `tracershop-setup:${sequelize.getDatabaseName()}`.slice(0, 64);
  // A transaction pins one pool connection; the lock belongs to that connection. It reads
  // and writes nothing, so the migrations on the other connections never wait for it.
  return sequelize.transaction(async (transaction) => {
    const tryLock = async (waitSeconds: number) => {
      const [row] = await sequelize.query<{ got: number | null }>('SELECT GET_LOCK(?, ?) AS got', {
        replacements: [name, waitSeconds],
        type: QueryTypes.SELECT,
        transaction,
      });
      return Number(row?.got) === 1;
    };
    if (!(await tryLock(0))) {
      options.onWait?.();
      const started = Date.now();
      while (!(await tryLock(WAIT_STEP_SECONDS))) {
        if (Date.now() - started > WAIT_LIMIT_MS) {
          throw new Error(`Another instance has held the setup lock ${name} for too long`);
        }
      }
    }
    try {
      return await work();
    } finally {
      await sequelize.query('SELECT RELEASE_LOCK(?)', {
        replacements: [name],
        type: QueryTypes.SELECT,
        transaction,
      });
    }
  });
}

async function withFileLock<T>(
  file: string,
  work: () => Promise<T>,
  options: SetupLockOptions,
): Promise<T> {
  const target = path.resolve(file);
  const lockOptions = { realpath: false, stale: 30_000, lockfilePath: `${target}.setup-lock` };
  let release: () => Promise<void>;
  try {
    release = await lockfile.lock(target, { ...lockOptions, retries: 0 });
  } catch (error) {
    if ((error as { code?: string }).code !== 'ELOCKED') {
      throw error;
    }
    options.onWait?.();
    release = await lockfile.lock(target, {
      ...lockOptions,
      retries: { retries: WAIT_LIMIT_MS / 1000, minTimeout: 200, maxTimeout: 1000 },
    });
  }
  try {
    return await work();
  } finally {
    await release();
  }
}

/** Runs `work` (migrations, the demo seed) while no other instance of the site does. */
export async function withSetupLock<T>(
  databases: SiteDatabases,
  work: () => Promise<T>,
  options: SetupLockOptions = {},
): Promise<T> {
  const target = databases.targets.record;
  if (target.dialect === 'mysql') {
    return withServerLock(databases.record, work, options);
  }
  if (target.storage === ':memory:') {
    // An in-memory database belongs to this process alone.
    return work();
  }
  return withFileLock(target.storage, work, options);
}
