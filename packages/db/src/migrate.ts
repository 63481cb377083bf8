/**
 * Versioned migrations (umzug), one list per database. The lists are explicit imports, not a
 * folder glob, so that they run the same from the sources and from the bundled dist.
 */
import { SequelizeStorage, Umzug } from 'umzug';
import type { RunnableMigration } from 'umzug';
import type { Sequelize } from 'sequelize';
import type { DatabaseName } from './config';
import type { MigrationContext } from './migrations/definitions';
import { migration as record0001 } from './migrations/record/0001-initial';
import { migration as record0002 } from './migrations/record/0002-client-requests';
import { migration as record0003 } from './migrations/record/0003-service-runs';
import { migration as record0004 } from './migrations/record/0004-legacy-ids';
import { migration as record0005 } from './migrations/record/0005-plausibility-limits';
import { migration as record0006 } from './migrations/record/0006-order-releases';
import { migration as record0007 } from './migrations/record/0007-lot-indexes';
import { migration as record0008 } from './migrations/record/0008-audit-reviews';
import { migration as record0009 } from './migrations/record/0009-audit-indexes';
import { migration as record0010 } from './migrations/record/0010-audit-reasons';
import { migration as web0001 } from './migrations/web/0001-initial';
import { migration as web0002 } from './migrations/web/0002-site-identity';
import { migration as web0003 } from './migrations/web/0003-backup-runs';
import { migration as web0004 } from './migrations/web/0004-api-tokens';
import { migration as web0005 } from './migrations/web/0005-password-change';

export type { MigrationContext };

/** In order; append new migrations at the end, never edit a released one. */
export const MIGRATIONS: Record<DatabaseName, RunnableMigration<MigrationContext>[]> = {
  record: [
    record0001,
    record0002,
    record0003,
    record0004,
    record0005,
    record0006,
    record0007,
    record0008,
    record0009,
    record0010,
  ],
  web: [web0001, web0002, web0003, web0004, web0005],
};

/** Where umzug records the applied migrations of a database. */
export const MIGRATIONS_TABLE = 'schema_migrations';

export function createMigrator(
  sequelize: Sequelize,
  database: DatabaseName,
): Umzug<MigrationContext> {
  return new Umzug<MigrationContext>({
    migrations: MIGRATIONS[database],
    context: { queryInterface: sequelize.getQueryInterface(), sequelize },
    storage: new SequelizeStorage({ sequelize, tableName: MIGRATIONS_TABLE }),
    logger: undefined,
  });
}

export interface MigrationResult {
  record: string[];
  web: string[];
}

interface BothDatabases {
  record: Sequelize;
  web: Sequelize;
}

/** Applies every pending migration to both databases; returns the names applied. */
export async function migrateUp(databases: BothDatabases): Promise<MigrationResult> {
  const record = await createMigrator(databases.record, 'record').up();
  const web = await createMigrator(databases.web, 'web').up();
  return { record: record.map((m) => m.name), web: web.map((m) => m.name) };
}

/**
 * Reverts the last applied migration of each database (`steps` of them, or all with
 * `{ to: 0 }`); returns the names reverted.
 */
export async function migrateDown(
  databases: BothDatabases,
  options: { steps?: number } | { to: 0 } = { steps: 1 },
): Promise<MigrationResult> {
  const downOptions = 'to' in options ? { to: 0 as const } : { step: options.steps ?? 1 };
  // The web database first: the reverse of the order migrateUp applies them in.
  const web = await createMigrator(databases.web, 'web').down(downOptions);
  const record = await createMigrator(databases.record, 'record').down(downOptions);
  return { record: record.map((m) => m.name), web: web.map((m) => m.name) };
}

export interface MigrationStatus {
  executed: string[];
  pending: string[];
}

export async function migrationStatus(
  databases: BothDatabases,
): Promise<Record<DatabaseName, MigrationStatus>> {
  const status = async (sequelize: Sequelize, database: DatabaseName) => {
    const migrator = createMigrator(sequelize, database);
    return {
      executed: (await migrator.executed()).map((m) => m.name),
      pending: (await migrator.pending()).map((m) => m.name),
    };
  };
  return {
    record: await status(databases.record, 'record'),
    web: await status(databases.web, 'web'),
  };
}
