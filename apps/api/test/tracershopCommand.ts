/**
 * The `tracershop` command in a process of its own, pointed at a test site's databases: run to
 * its end (`tracershop`), or served on a port of its own (`serve`). The environment is the
 * test process's without anything that would point elsewhere or start background services.
 */
import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { TestSite } from '@tracershop/db/testing';
import { eventually } from './liveClient';

const apiRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** The environment that points `tracershop` at `site`'s databases, with `overrides`. */
export function siteEnv(site: TestSite, overrides: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    LOG_LEVEL: 'warn',
    REDIS_URL: '',
    TRACERSHOP_DRAIN_SECONDS: '0',
    TRACERSHOP_TIMEZONE: 'Europe/Copenhagen',
  };
  for (const name of [
    'RECORD_DATABASE_URL',
    'WEB_DATABASE_URL',
    'TRACERSHOP_DATA_DIR',
    'TRACERSHOP_BACKUP_DIR',
    'HL7_ENABLED',
    'WORKLIST_ENABLED',
    'VIAL_WATCH_DIR',
  ]) {
    delete env[name];
  }
  if (site.options.dataDir !== undefined) {
    env.TRACERSHOP_DATA_DIR = site.options.dataDir;
  } else {
    env.RECORD_DATABASE_URL = site.options.recordUrl;
    env.WEB_DATABASE_URL = site.options.webUrl;
  }
  return { ...env, ...overrides };
}

function start(argv: string[], env: NodeJS.ProcessEnv, stdin: 'pipe' | 'ignore'): ChildProcess {
  return spawn(process.execPath, ['--import', 'tsx', 'src/cli.ts', ...argv], {
    cwd: apiRoot,
    env,
    stdio: [stdin, 'pipe', 'pipe'],
  });
}

function collect(child: ChildProcess): () => string {
  const output: string[] = [];
  child.stdout?.on('data', (chunk: Buffer) => output.push(chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => output.push(chunk.toString()));
  return () => output.join('');
}

export interface CommandRun {
  /** Extra environment (e.g. TRACERSHOP_DEMO). */
  env?: NodeJS.ProcessEnv;
  /** What goes on its standard input (none when absent). */
  input?: string;
}

/** Runs `tracershop …argv` to its end: exit code and everything it printed. */
export function tracershop(
  site: TestSite,
  run: CommandRun,
  ...argv: string[]
): Promise<{ code: number; output: string }> {
  return new Promise((resolve, reject) => {
    const child = start(argv, siteEnv(site, run.env), run.input === undefined ? 'ignore' : 'pipe');
    const output = collect(child);
    child.on('error', reject);
    child.on('close', (code) => resolve({ code: code ?? -1, output: output() }));
    child.stdin?.end(run.input);
  });
}

export interface Served {
  process: ChildProcess;
  url: string;
  /** Everything it printed so far. */
  output(): string;
  stop(): Promise<void>;
}

/** `tracershop serve` on a port of its own, once it has said all it says at the start. */
export async function serve(site: TestSite, env: NodeJS.ProcessEnv = {}): Promise<Served> {
  const child = start(['serve'], { ...siteEnv(site, env), PORT: '0', HOST: '127.0.0.1' }, 'ignore');
  const output = collect(child);
  // What it says at the start ends with an empty line (after the hint or the demo accounts).
  const url = () => /Tracershop is running at (http:\/\/\S+?)\/(\n[^\n]+)*\n\n/.exec(output())?.[1];
  await eventually(() => url() !== undefined || child.exitCode !== null, 60_000);
  const found = url();
  if (found === undefined) {
    throw new Error(`tracershop serve did not start:\n${output()}`);
  }
  return {
    process: child,
    url: found,
    output,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) {
          resolve();
          return;
        }
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}
