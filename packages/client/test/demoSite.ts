/**
 * A real demo site for the examples' test, made with the operators' own `tracershop` command
 * (the api's dist/cli.js, built before the test): migrated and seeded on SQLite in a folder of
 * its own, served on a free port, with API tokens created at the console.
 */
import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');

/** The `tracershop` command of the monorepo. */
export const TRACERSHOP_CLI = path.join(repoRoot, 'apps/api/dist/cli.js');

/** The site's time zone, given to the site and to the examples alike. */
export const SITE_TIME_ZONE = 'Europe/Copenhagen';

/** What a finished command printed. */
export interface CommandRun {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs `node <args>` to its end. */
export function runNode(
  args: string[],
  env: NodeJS.ProcessEnv,
  cwd = repoRoot,
): Promise<CommandRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
    const stdout: string[] = [];
    const stderr: string[] = [];
    child.stdout.on('data', (chunk: Buffer) => stdout.push(chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => stderr.push(chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) =>
      resolve({ code: code ?? -1, stdout: stdout.join(''), stderr: stderr.join('') }),
    );
  });
}

/** Resolves when `predicate` holds, polling briefly; rejects after `timeoutMs`. */
export async function eventually(
  predicate: () => boolean,
  timeoutMs: number,
  what: () => string,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!predicate()) {
    if (Date.now() > deadline) {
      throw new Error(`timed out waiting for ${what()}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

/** What `tracershop token create` takes. */
export interface TokenPlan {
  name: string;
  owner: string;
  role: 'site-admin' | 'production-admin' | 'production-user' | 'shop-admin' | 'shop-user';
  access: 'read' | 'write';
  customers?: number[];
  /** The last day it works, 'YYYY-MM-DD'. */
  expires: string;
}

export interface DemoSite {
  /** 'http://127.0.0.1:<port>' */
  url: string;
  /** Runs `tracershop …` against this site's databases. */
  tracershop(...args: string[]): Promise<CommandRun>;
  /** Creates a token with `tracershop token create` and returns it (the last line printed). */
  createToken(plan: TokenPlan): Promise<string>;
  /** Everything the server printed so far. */
  serverOutput(): string;
  stop(): Promise<void>;
}

/** The environment that points `tracershop` at `dataDir`, and at nothing else. */
function siteEnv(dataDir: string): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    LOG_LEVEL: 'warn',
    REDIS_URL: '',
    TRACERSHOP_DRAIN_SECONDS: '0',
    TRACERSHOP_TIMEZONE: SITE_TIME_ZONE,
    TRACERSHOP_DATA_DIR: dataDir,
  };
  for (const name of [
    'RECORD_DATABASE_URL',
    'WEB_DATABASE_URL',
    'TRACERSHOP_BACKUP_DIR',
    'HL7_ENABLED',
    'WORKLIST_ENABLED',
    'VIAL_WATCH_DIR',
  ]) {
    delete env[name];
  }
  return env;
}

/**
 * A demo site seeded as it was at 06:00 on `seedDate` (so its past days are fixed), served by
 * `tracershop serve` on a free port of 127.0.0.1 once it says where it runs.
 */
export async function startDemoSite(seedDate: string): Promise<DemoSite> {
  const dataDir = await mkdtemp(path.join(tmpdir(), 'tracershop-client-test-'));
  const env = siteEnv(dataDir);
  const tracershop = (...args: string[]) => runNode([TRACERSHOP_CLI, ...args], env);

  for (const args of [
    ['db', 'migrate'],
    ['db', 'seed', '--today', seedDate],
  ]) {
    const run = await tracershop(...args);
    if (run.code !== 0) {
      await rm(dataDir, { recursive: true, force: true });
      throw new Error(`tracershop ${args.join(' ')} failed:\n${run.stdout}${run.stderr}`);
    }
  }

  const server: ChildProcess = spawn(process.execPath, [TRACERSHOP_CLI, 'serve'], {
    cwd: repoRoot,
    env: { ...env, PORT: '0', HOST: '127.0.0.1' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const output: string[] = [];
  server.stdout?.on('data', (chunk: Buffer) => output.push(chunk.toString()));
  server.stderr?.on('data', (chunk: Buffer) => output.push(chunk.toString()));
  const serverOutput = () => output.join('');
  const address = () => /Tracershop is running at (http:\/\/\S+?)\/\s/.exec(serverOutput())?.[1];
  const stop = async () => {
    if (server.exitCode === null && server.signalCode === null) {
      const exited = new Promise<void>((resolve) => server.once('exit', () => resolve()));
      server.kill('SIGTERM');
      await exited;
    }
    await rm(dataDir, { recursive: true, force: true });
  };
  try {
    await eventually(
      () => address() !== undefined || server.exitCode !== null,
      60_000,
      () => `tracershop serve to start:\n${serverOutput()}`,
    );
  } catch (error) {
    await stop();
    throw error;
  }
  const url = address();
  if (url === undefined) {
    await stop();
    throw new Error(`tracershop serve did not start:\n${serverOutput()}`);
  }

  return {
    url,
    tracershop,
    async createToken(plan) {
      const args = ['token', 'create', '--name', plan.name, '--owner', plan.owner];
      args.push('--role', plan.role, '--access', plan.access, '--expires', plan.expires);
      for (const customer of plan.customers ?? []) {
        args.push('--customer', String(customer));
      }
      const run = await tracershop(...args);
      const token = run.stdout.trimEnd().split('\n').at(-1) ?? '';
      if (run.code !== 0 || !token.startsWith('tsk_')) {
        throw new Error(`tracershop ${args.join(' ')} failed:\n${run.stdout}${run.stderr}`);
      }
      return token;
    },
    serverOutput,
    stop,
  };
}
