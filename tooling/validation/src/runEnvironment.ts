/**
 * What a validation run ran on, for the report's "System under test" and "Environment": the
 * commit and its date, uncommitted changes, the machine, and the versions of Node.js, the
 * databases (asked through the db package's own drivers), Redis, Chromium and the test
 * runners, and nginx (the browser suite runs the shipped nginx site). A version that cannot be
 * found is reported as such, never guessed.
 */
import { execFile } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';

export interface SoftwareVersion {
  name: string;
  version: string;
  /** Why it was not used or could not be asked, when it was not. */
  note?: string;
}

export interface RunEnvironment {
  system: {
    name: string;
    /** The version the apps and the api report (TRACERSHOP_VERSION, else the api's package). */
    version: string;
    commit: string | null;
    commitDate: string | null;
    branch: string | null;
    /** `git status --porcelain` lines: changes not in the commit. */
    uncommitted: string[];
  };
  machine: { hostname: string; os: string; cpus: string; memory: string; user: string };
  timeZone: string;
  software: SoftwareVersion[];
}

const QUESTION_TIMEOUT_MS = 15_000;

function run(
  command: string,
  args: readonly string[],
  options: { cwd?: string; env?: NodeJS.ProcessEnv } = {},
): Promise<string> {
  return new Promise((resolve, reject) => {
    execFile(
      command,
      args,
      { ...options, timeout: QUESTION_TIMEOUT_MS, maxBuffer: 4 * 1024 * 1024 },
      (error, stdout, stderr) => {
        if (error !== null) {
          reject(new Error((stderr || error.message).trim().split('\n')[0] ?? error.message));
        } else {
          // Some programs (nginx -v) answer on stderr.
          resolve((stdout.trim() || stderr.trim()).split('\n')[0] ?? '');
        }
      },
    );
  });
}

async function answerOrNull(question: Promise<string>): Promise<string | null> {
  try {
    const answer = await question;
    return answer === '' ? null : answer;
  } catch {
    return null;
  }
}

async function packageVersion(repoRoot: string, name: string): Promise<string | null> {
  try {
    const text = await readFile(path.join(repoRoot, 'node_modules', name, 'package.json'), 'utf8');
    return (JSON.parse(text) as { version?: string }).version ?? null;
  } catch {
    return null;
  }
}

/** Runs a small ES module with node in `cwd` (a workspace whose driver it imports). */
function nodeScript(cwd: string, source: string, env: NodeJS.ProcessEnv): Promise<string> {
  return run(process.execPath, ['--input-type=module', '-e', source], { cwd, env });
}

const SQLITE_VERSION = `
import sqlite3 from 'sqlite3';
const db = new sqlite3.Database(':memory:');
db.get('select sqlite_version() as version', (error, row) => {
  if (error) { console.error(error.message); process.exit(1); }
  console.log(row.version);
  db.close();
});`;

const MYSQL_VERSION = `
import mysql from 'mysql2/promise';
const connection = await mysql.createConnection(process.env.TEST_MYSQL_URL);
const [rows] = await connection.query('SELECT VERSION() AS version');
console.log(rows[0].version);
await connection.end();`;

const REDIS_VERSION = `
import { Redis } from 'ioredis';
const redis = new Redis(process.env.TEST_REDIS_URL, { lazyConnect: true, maxRetriesPerRequest: 1 });
await redis.connect();
const info = await redis.info('server');
console.log(/redis_version:(\\S+)/.exec(info)?.[1] ?? 'unknown');
redis.disconnect();`;

async function versionOrReason(
  name: string,
  question: () => Promise<string>,
): Promise<SoftwareVersion> {
  try {
    return { name, version: (await question()).split('\n')[0] ?? '' };
  } catch (error) {
    return {
      name,
      version: 'unknown',
      note: `could not be asked: ${error instanceof Error ? error.message : String(error)}`,
    };
  }
}

async function osName(): Promise<string> {
  try {
    const release = await readFile('/etc/os-release', 'utf8');
    const pretty = /^PRETTY_NAME="?([^"\n]+)"?/m.exec(release)?.[1];
    if (pretty !== undefined) {
      return `${pretty} (${os.type()} ${os.release()}, ${os.arch()})`;
    }
  } catch {
    // Not Linux: the kernel's words below.
  }
  return `${os.type()} ${os.release()} (${os.arch()})`;
}

export async function collectEnvironment(
  repoRoot: string,
  env: NodeJS.ProcessEnv = process.env,
): Promise<RunEnvironment> {
  const git = (args: string[]) => answerOrNull(run('git', args, { cwd: repoRoot }));
  const [commit, commitDate, branch, status] = await Promise.all([
    git(['rev-parse', 'HEAD']),
    git(['log', '-1', '--format=%cI']),
    git(['rev-parse', '--abbrev-ref', 'HEAD']),
    git(['status', '--porcelain', '--untracked-files=all']),
  ]);
  const apiVersion =
    env.TRACERSHOP_VERSION ??
    (
      JSON.parse(await readFile(path.join(repoRoot, 'apps/api/package.json'), 'utf8')) as {
        version: string;
      }
    ).version;

  const chromiumPath = env.CHROMIUM_PATH ?? '/usr/bin/chromium';
  const npmVersion = /npm\/(\S+)/.exec(env.npm_config_user_agent ?? '')?.[1];
  const software: SoftwareVersion[] = await Promise.all([
    Promise.resolve({ name: 'Node.js', version: process.version }),
    npmVersion !== undefined
      ? Promise.resolve({ name: 'npm', version: npmVersion })
      : versionOrReason('npm', () => run('npm', ['--version'])),
    versionOrReason('SQLite', () =>
      nodeScript(path.join(repoRoot, 'packages/db'), SQLITE_VERSION, env),
    ),
    env.TEST_MYSQL_URL
      ? versionOrReason('MariaDB / MySQL', () =>
          nodeScript(path.join(repoRoot, 'packages/db'), MYSQL_VERSION, env),
        )
      : Promise.resolve({
          name: 'MariaDB / MySQL',
          version: 'not tested',
          note: 'TEST_MYSQL_URL was not set: the api and database suites ran on SQLite only',
        }),
    env.TEST_REDIS_URL
      ? versionOrReason('Redis', () =>
          nodeScript(path.join(repoRoot, 'apps/api'), REDIS_VERSION, env),
        )
      : Promise.resolve({
          name: 'Redis',
          version: 'not tested',
          note: 'TEST_REDIS_URL was not set: the tests of several api instances sharing Redis were skipped',
        }),
    versionOrReason('Chromium', () => run(chromiumPath, ['--version'])),
    versionOrReason('nginx', () => run(env.NGINX_PATH ?? '/usr/sbin/nginx', ['-v'])),
    packageVersion(repoRoot, '@playwright/test').then((version) => ({
      name: 'Playwright Test',
      version: version ?? 'unknown',
    })),
    packageVersion(repoRoot, 'vitest').then((version) => ({
      name: 'Vitest',
      version: version ?? 'unknown',
    })),
  ]);

  return {
    system: {
      name: 'Tracershop',
      version: apiVersion,
      commit,
      commitDate,
      branch,
      uncommitted: status === null ? [] : status.split('\n').filter((line) => line.trim() !== ''),
    },
    machine: {
      hostname: os.hostname(),
      os: await osName(),
      cpus: `${os.cpus().length} × ${os.cpus()[0]?.model.trim() ?? 'unknown'}`,
      memory: `${(os.totalmem() / 1024 ** 3).toFixed(1)} GiB`,
      user: os.userInfo().username,
    },
    timeZone: env.TRACERSHOP_TIMEZONE ?? 'Europe/Copenhagen',
    software,
  };
}
