/**
 * The `tracershop` command's database verbs, used by operators and by the api's start script:
 *
 *   tracershop db migrate            apply pending migrations to both databases
 *   tracershop db migrate:down       revert the last migration of each database
 *   tracershop db status             list applied and pending migrations
 *   tracershop db seed [--reset]     fill an empty site with the demo (no-op when seeded)
 *   tracershop db reset              drop everything, migrate, seed the demo
 *   tracershop db verify-audit       check the audit trail's hash chain (also: audit verify)
 *   tracershop backup [--to FILE | --dir DIR]
 *                                    back up both databases into one file (backup/)
 *   tracershop restore --from FILE [--yes]
 *                                    restore a backup into empty databases
 *
 * Connections come from RECORD_DATABASE_URL, WEB_DATABASE_URL and TRACERSHOP_DATA_DIR.
 */
import { mkdir, stat } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import {
  DEFAULT_TIME_ZONE,
  localDateTimeOfInstant,
  siteDateOf,
  toPlainDate,
} from '@tracershop/core';
import { verifyAuditChain } from './audit';
import {
  BackupRefusedError,
  RestoreFailedError,
  backupFileName,
  createBackup,
  openBackupArchive,
  restoreBackup,
} from './backup';
import type { VerifiedBackup } from './backup';
import { databaseOptionsFromEnv, describeTarget, resolveTarget } from './config';
import type { DatabaseName, DatabaseOptions, DatabaseTarget } from './config';
import { openDatabases } from './connection';
import type { Databases } from './connection';
import { migrateDown, migrateUp, migrationStatus } from './migrate';
import { seedDemoSite } from './seed';
import { SETUP_WAIT_MESSAGE, withSetupLock } from './setupLock';

export const USAGE = `Usage: tracershop db <command> [options]
       tracershop backup [--to FILE | --dir DIR]
       tracershop restore --from FILE [--yes]

Commands:
  migrate              apply pending migrations to the record and web databases
  migrate:down         revert the last migration of each database
  status               list applied and pending migrations
  seed [--reset]       seed an empty site with the demo (--reset: start over first)
  reset                drop all tables, migrate and seed the demo
  verify-audit         verify the audit trail's hash chain (also: tracershop audit verify)
  backup               back up both databases into one .tar.gz file while the api serves
  restore              restore a backup into empty databases, then verify the audit trail

Options:
  --today YYYY-MM-DD   seed the demo as it is at 06:00 that day (default: as it is now)
  --yes                confirm a reset of, or a restore into, a MySQL/MariaDB database
  --to FILE            the backup file to write (it must not exist)
  --dir DIR            the folder of the backup file, named tracershop-backup-<UTC time>.tar.gz
                       (default: the current folder)
  --from FILE          the backup file to restore

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
  return siteDateOf(now, timeZone);
}

/** The options after the command (see USAGE). */
interface CommandFlags {
  today: string | undefined;
  yes: boolean;
  reset: boolean;
  to: string | undefined;
  dir: string | undefined;
  from: string | undefined;
}

/** The options each command takes. */
const OPTIONS_OF: Record<string, readonly (keyof CommandFlags)[]> = {
  backup: ['to', 'dir'],
  restore: ['from', 'yes'],
};
const DB_OPTIONS: readonly (keyof CommandFlags)[] = ['today', 'yes', 'reset'];

/** The options of `args`, or the reason they are not ones the command takes. */
function parseFlags(command: string, args: string[]): CommandFlags | string {
  const allowed = OPTIONS_OF[command] ?? DB_OPTIONS;
  const spec = {
    today: { type: 'string' },
    yes: { type: 'boolean', default: false },
    reset: { type: 'boolean', default: false },
    to: { type: 'string' },
    dir: { type: 'string' },
    from: { type: 'string' },
  } as const;
  try {
    const { values } = parseArgs({
      args,
      options: Object.fromEntries(allowed.map((name) => [name, spec[name]])),
      strict: true,
      allowPositionals: false,
    });
    const text = (name: keyof CommandFlags) =>
      typeof values[name] === 'string' ? (values[name] as string) : undefined;
    const flags: CommandFlags = {
      today: text('today'),
      yes: values.yes === true,
      reset: values.reset === true,
      to: text('to'),
      dir: text('dir'),
      from: text('from'),
    };
    if (command === 'backup' && flags.to !== undefined && flags.dir !== undefined) {
      return 'Give either --to or --dir, not both';
    }
    if (command === 'restore' && flags.from === undefined) {
      return 'restore needs --from FILE';
    }
    return flags;
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

/** `12,345,678 bytes (11.8 MiB)`. */
export function sizeInWords(bytes: number): string {
  const units = ['KiB', 'MiB', 'GiB', 'TiB'];
  let value = bytes;
  let unit = '';
  for (const next of units) {
    if (value < 1024) {
      break;
    }
    value /= 1024;
    unit = next;
  }
  const exact = `${bytes.toLocaleString('en-GB')} bytes`;
  return unit === '' ? exact : `${exact} (${value.toFixed(1)} ${unit})`;
}

function countsLine(rows: Record<string, number>): string {
  const total = Object.values(rows).reduce((sum, n) => sum + n, 0);
  const tables = Object.entries(rows).map(([table, n]) => `${table} ${n}`);
  return `${total} rows in ${tables.length} tables: ${tables.join(', ')}`;
}

function targetsOf(options: DatabaseOptions): Record<DatabaseName, DatabaseTarget> {
  return {
    record: resolveTarget('record', options.recordUrl, options.dataDir),
    web: resolveTarget('web', options.webUrl, options.dataDir),
  };
}

async function isFolder(folder: string): Promise<boolean> {
  try {
    return (await stat(folder)).isDirectory();
  } catch {
    return false;
  }
}

/** `backup`: reads the databases through snapshots of its own; never opens them to write. */
async function runBackup(
  flags: CommandFlags,
  options: DatabaseOptions,
  site: CommandSite,
  io: CommandIo,
): Promise<number> {
  const targets = targetsOf(options);
  io.out(`record: ${describeTarget(targets.record)}`);
  io.out(`web:    ${describeTarget(targets.web)}`);
  const folder = path.resolve(flags.dir ?? '.');
  if (flags.to === undefined && !(await isFolder(folder))) {
    io.error(`Error: the folder ${folder} does not exist`);
    return 1;
  }
  const file = flags.to ?? path.join(folder, backupFileName(new Date()));
  const result = await createBackup({
    targets,
    tracershopVersion: site.tracershopVersion,
    file,
  });
  const { manifest } = result;
  io.out(`Backup written: ${result.file}`);
  io.out(`  size:   ${sizeInWords(result.bytes)}`);
  io.out(`  record: ${countsLine(result.rows.record)}`);
  io.out(`  web:    ${countsLine(result.rows.web)}`);
  io.out(`  audit trail: ${manifest.audit.events} events, head ${manifest.audit.headHash}`);
  io.out(`  took ${(result.durationMs / 1000).toFixed(1)} s`);
  return 0;
}

/** `restore`: verifies the file before it opens (and so creates) the target databases. */
async function runRestore(
  flags: CommandFlags,
  options: DatabaseOptions,
  io: CommandIo,
): Promise<number> {
  const targets = targetsOf(options);
  io.out(`record: ${describeTarget(targets.record)}`);
  io.out(`web:    ${describeTarget(targets.web)}`);
  if ((targets.record.dialect === 'mysql' || targets.web.dialect === 'mysql') && !flags.yes) {
    io.error(
      'Error: refusing to restore into a MySQL/MariaDB database (GMP records!) without --yes',
    );
    return 1;
  }
  let backup: VerifiedBackup | undefined;
  let databases: Databases | undefined;
  try {
    backup = await openBackupArchive(flags.from ?? '');
    for (const target of Object.values(targets)) {
      if (target.dialect === 'sqlite') {
        await mkdir(path.dirname(target.storage), { recursive: true });
      }
    }
    databases = await openDatabases(options);
    const opened = databases;
    const verified = backup;
    const report = await withSetupLock(
      opened,
      () => restoreBackup({ backup: verified, databases: opened, onStep: (line) => io.out(line) }),
      { onWait: () => io.out(SETUP_WAIT_MESSAGE) },
    );
    io.out(`Restored ${report.file}`);
    io.out(`  record: ${countsLine(report.rows.record)}`);
    io.out(`  web:    ${countsLine(report.rows.web)}`);
    for (const [name, state] of Object.entries(report.migrations)) {
      io.out(
        `  ${name} migrations: applied ${state.executed.length}, pending ${state.pending.length}`,
      );
    }
    io.out(
      `  audit trail intact: ${report.audit.checked} events, last hash ${report.audit.lastHash}`,
    );
    return 0;
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    io.error(
      error instanceof BackupRefusedError || error instanceof RestoreFailedError
        ? message
        : `Error: ${message}`,
    );
    return 1;
  } finally {
    await backup?.close();
    await databases?.close();
  }
}

/** What the command says about the site it runs for. */
export interface CommandSite {
  /** Written into a backup's manifest; the api passes its `config.version`. */
  tracershopVersion: string;
}

/** The command's verb and its options' words, or undefined for a command it does not know. */
function commandOf(argv: string[]): { command: string; args: string[] } | undefined {
  const [group, verb, ...rest] = argv;
  if (group === 'audit' && verb === 'verify') {
    return { command: 'verify-audit', args: rest };
  }
  if (group === 'backup' || group === 'restore') {
    return { command: group, args: argv.slice(1) };
  }
  return group === 'db' && verb !== undefined && verb !== 'backup' && verb !== 'restore'
    ? { command: verb, args: rest }
    : undefined;
}

const KNOWN_COMMANDS = [
  'migrate',
  'migrate:down',
  'status',
  'seed',
  'reset',
  'verify-audit',
  'backup',
  'restore',
];

/**
 * Runs one command; returns the process exit code (0 done, 1 failed, 2 usage). `options`
 * overrides the connection settings of the environment (tests use it).
 */
export async function runCommand(
  argv: string[],
  env: NodeJS.ProcessEnv = process.env,
  io: CommandIo = consoleIo,
  options: DatabaseOptions = databaseOptionsFromEnv(env),
  site: CommandSite = { tracershopVersion: env.TRACERSHOP_VERSION ?? 'unknown' },
): Promise<number> {
  const parsed = commandOf(argv);
  const flags = parsed === undefined ? undefined : parseFlags(parsed.command, parsed.args);
  if (parsed === undefined || !KNOWN_COMMANDS.includes(parsed.command) || flags === undefined) {
    io.error(USAGE);
    return 2;
  }
  if (typeof flags === 'string') {
    io.error(flags);
    io.error(USAGE);
    return 2;
  }
  const { command } = parsed;
  if (command === 'backup') {
    try {
      return await runBackup(flags, options, site, io);
    } catch (error) {
      io.error(error instanceof Error ? `Error: ${error.message}` : `Error: ${String(error)}`);
      return 1;
    }
  }
  if (command === 'restore') {
    return runRestore(flags, options, io);
  }
  let databases: Databases | undefined;
  try {
    databases = await openDatabases(options);
    io.out(`record: ${describeTarget(databases.targets.record)}`);
    io.out(`web:    ${describeTarget(databases.targets.web)}`);
    const work = () => runOne(command, databases as Databases, flags, env, io);
    return SETUP_COMMANDS.has(command)
      ? await withSetupLock(databases, work, {
          onWait: () => io.out(SETUP_WAIT_MESSAGE),
        })
      : await work();
  } catch (error) {
    io.error(error instanceof Error ? `Error: ${error.message}` : `Error: ${String(error)}`);
    return 1;
  } finally {
    await databases?.close();
  }
}
