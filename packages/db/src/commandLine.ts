/**
 * The `tracershop` command's database verbs, used by operators and by the api's start script:
 *
 *   tracershop db migrate            apply pending migrations to both databases
 *   tracershop db migrate:down       revert the last migration of each database
 *   tracershop db status             list applied and pending migrations
 *   tracershop db seed [--reset]     fill an empty site with the demo (no-op when seeded)
 *   tracershop db reset              drop everything, migrate, seed the demo
 *   tracershop db verify-audit       check the audit trail's hash chain (also: audit verify)
 *
 * Connections come from RECORD_DATABASE_URL, WEB_DATABASE_URL and TRACERSHOP_DATA_DIR.
 */
import { parseArgs } from 'node:util';
import {
  DEFAULT_TIME_ZONE,
  dateOfLocalDateTime,
  localDateTimeOfInstant,
  toPlainDate,
} from '@tracershop/core';
import { verifyAuditChain } from './audit';
import { databaseOptionsFromEnv, describeTarget } from './config';
import type { DatabaseOptions } from './config';
import { openDatabases } from './connection';
import type { Databases } from './connection';
import { migrateDown, migrateUp, migrationStatus } from './migrate';
import { seedDemoSite } from './seed';
import { withSetupLock } from './setupLock';

export const USAGE = `Usage: tracershop db <command> [options]

Commands:
  migrate              apply pending migrations to the record and web databases
  migrate:down         revert the last migration of each database
  status               list applied and pending migrations
  seed [--reset]       seed an empty site with the demo (--reset: start over first)
  reset                drop all tables, migrate and seed the demo
  verify-audit         verify the audit trail's hash chain (also: tracershop audit verify)

Options:
  --today YYYY-MM-DD   seed the demo as it is at 06:00 that day (default: as it is now)
  --yes                confirm a reset of a MySQL/MariaDB database

Environment: RECORD_DATABASE_URL, WEB_DATABASE_URL (mysql://user:pass@host:3306/name),
TRACERSHOP_DATA_DIR (SQLite folder, default ./data), TRACERSHOP_TIMEZONE.`;

export interface CommandIo {
  out(line: string): void;
  error(line: string): void;
}

const consoleIo: CommandIo = {
  out: (line) => console.log(line),
  error: (line) => console.error(line),
};

/** Today's date in the site time zone. */
export function siteToday(timeZone: string, now: number = Date.now()): string {
  return dateOfLocalDateTime(localDateTimeOfInstant(now, timeZone));
}

/** The options after the command (see USAGE). */
interface CommandFlags {
  today: string | undefined;
  yes: boolean;
  reset: boolean;
}

/** The options of `args`, or the reason they are not ones the commands take. */
function parseFlags(args: string[]): CommandFlags | string {
  try {
    const { values } = parseArgs({
      args,
      options: {
        today: { type: 'string' },
        yes: { type: 'boolean', default: false },
        reset: { type: 'boolean', default: false },
      },
      strict: true,
      allowPositionals: false,
    });
    return { today: values.today, yes: values.yes, reset: values.reset };
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
}

async function ensureMigrated(databases: Databases): Promise<void> {
  const status = await migrationStatus(databases);
  const pending = [...status.record.pending, ...status.web.pending];
  if (pending.length > 0) {
    throw new Error(
      `Migrations are pending (${pending.join(', ')}): run \`tracershop db migrate\` first`,
    );
  }
}

async function resetAndMigrate(
  databases: Databases,
  flags: CommandFlags,
  io: CommandIo,
): Promise<void> {
  const onMysql =
    databases.targets.record.dialect === 'mysql' || databases.targets.web.dialect === 'mysql';
  if (onMysql && !flags.yes) {
    throw new Error('Refusing to reset a MySQL/MariaDB database (GMP records!) without --yes');
  }
  const reverted = await migrateDown(databases, { to: 0 });
  io.out(`Reverted: record [${reverted.record.join(', ')}], web [${reverted.web.join(', ')}]`);
  const applied = await migrateUp(databases);
  io.out(`Applied: record [${applied.record.join(', ')}], web [${applied.web.join(', ')}]`);
}

async function seed(
  databases: Databases,
  flags: CommandFlags,
  env: NodeJS.ProcessEnv,
  io: CommandIo,
) {
  const timeZone = env.TRACERSHOP_TIMEZONE ?? DEFAULT_TIME_ZONE;
  const today = flags.today;
  if (today !== undefined) {
    toPlainDate(today);
  }
  await ensureMigrated(databases);
  const result = await seedDemoSite(
    databases,
    today === undefined ? { now: new Date(), timeZone } : { today, timeZone },
  );
  if (result.record === 'kept' && result.web === 'kept') {
    io.out('Both databases hold data already: nothing seeded.');
    return;
  }
  const moment = localDateTimeOfInstant(result.now.getTime(), timeZone).slice(0, 16);
  io.out(`Seeded the demo site as of ${moment}: record ${result.record}, web ${result.web}.`);
  const counts = Object.entries(result.counts).map(([name, count]) => `${name} ${count}`);
  if (counts.length > 0) {
    io.out(`  ${counts.join(', ')}`);
  }
}

/** Commands that change the schema or the data: one instance at a time (setupLock.ts). */
const SETUP_COMMANDS = new Set(['migrate', 'migrate:down', 'seed', 'reset']);

async function runOne(
  command: string,
  databases: Databases,
  flags: CommandFlags,
  env: NodeJS.ProcessEnv,
  io: CommandIo,
): Promise<number> {
  switch (command) {
    case 'migrate': {
      const applied = await migrateUp(databases);
      const names = [
        ...applied.record.map((n) => `record/${n}`),
        ...applied.web.map((n) => `web/${n}`),
      ];
      io.out(
        names.length === 0 ? 'Up to date: no pending migrations.' : `Applied ${names.join(', ')}`,
      );
      return 0;
    }
    case 'migrate:down': {
      const reverted = await migrateDown(databases, { steps: 1 });
      const names = [
        ...reverted.web.map((n) => `web/${n}`),
        ...reverted.record.map((n) => `record/${n}`),
      ];
      io.out(names.length === 0 ? 'Nothing to revert.' : `Reverted ${names.join(', ')}`);
      return 0;
    }
    case 'status': {
      const status = await migrationStatus(databases);
      for (const [name, state] of Object.entries(status)) {
        io.out(
          `${name}: applied [${state.executed.join(', ')}], pending [${state.pending.join(', ')}]`,
        );
      }
      return 0;
    }
    case 'seed': {
      if (flags.reset) {
        await resetAndMigrate(databases, flags, io);
      }
      await seed(databases, flags, env, io);
      return 0;
    }
    case 'reset': {
      await resetAndMigrate(databases, flags, io);
      await seed(databases, flags, env, io);
      return 0;
    }
    case 'verify-audit': {
      const report = await verifyAuditChain(databases.record);
      if (report.ok) {
        io.out(`Audit trail intact: ${report.checked} events, last hash ${report.lastHash}.`);
        return 0;
      }
      const broken = report.firstBroken;
      io.error(
        `Audit trail BROKEN at event ${broken?.id ?? '?'} (${broken?.reason ?? '?'}) ` +
          `after ${report.checked} events checked.`,
      );
      return 1;
    }
    default:
      return 2;
  }
}

/**
 * Runs one command; returns the process exit code (0 done, 1 failed, 2 usage). `options`
 * overrides the connection settings of the environment (tests use it).
 */
export async function runCommand(
  argv: string[],
  env: NodeJS.ProcessEnv = process.env,
  io: CommandIo = consoleIo,
  options: DatabaseOptions = databaseOptionsFromEnv(env),
): Promise<number> {
  const [group, verb, ...args] = argv;
  const command =
    group === 'audit' && verb === 'verify' ? 'verify-audit' : group === 'db' ? verb : undefined;
  const known = ['migrate', 'migrate:down', 'status', 'seed', 'reset', 'verify-audit'];
  const flags = parseFlags(args);
  if (command === undefined || !known.includes(command) || typeof flags === 'string') {
    if (typeof flags === 'string') {
      io.error(flags);
    }
    io.error(USAGE);
    return 2;
  }
  let databases: Databases | undefined;
  try {
    databases = await openDatabases(options);
    io.out(`record: ${describeTarget(databases.targets.record)}`);
    io.out(`web:    ${describeTarget(databases.targets.web)}`);
    const work = () => runOne(command, databases as Databases, flags, env, io);
    return SETUP_COMMANDS.has(command)
      ? await withSetupLock(databases, work, {
          onWait: () => io.out('Waiting for another instance to finish setting up…'),
        })
      : await work();
  } catch (error) {
    io.error(error instanceof Error ? `Error: ${error.message}` : `Error: ${String(error)}`);
    return 1;
  } finally {
    await databases?.close();
  }
}
