/**
 * Running the suites for a validation run (`npm run validation`): each suite in turn, with a
 * machine-readable reporter beside its usual output, into `validation/results/<suite>.json`.
 * A failing suite does not stop the run: every suite's results are collected, and the report
 * says what failed. The suites read TEST_MYSQL_URL and TEST_REDIS_URL from the environment
 * as they always do, so on the MariaDB configuration the api and database suites run on both
 * SQLite and MariaDB.
 */
import { spawn } from 'node:child_process';
import path from 'node:path';
import type { RunEnvironment } from './runEnvironment';
import type { Suite } from './suites';

/** What `validation/results/run.json` records of a run. */
export interface RunRecord {
  command: string;
  startedAt: string;
  finishedAt: string;
  environment: RunEnvironment;
  suites: SuiteRun[];
}

export interface SuiteRun {
  name: string;
  /** null: killed by a signal. */
  exitCode: number | null;
  durationMs: number;
  /** Relative to the repository root. */
  resultsFile: string;
}

export const RUN_RECORD_FILE = 'run.json';

/** The command line that runs `suite` with its JSON reporter writing to `resultsFile`. */
export function suiteCommand(
  suite: Suite,
  repoRoot: string,
  resultsFile: string,
): { command: string; args: string[]; env: Record<string, string> } {
  const bin = (name: string) => path.join(repoRoot, 'node_modules', '.bin', name);
  if (suite.runner === 'playwright') {
    // The browser scenarios only: the dev-loop project starts `npm run dev` on fixed ports.
    return {
      command: bin('playwright'),
      args: ['test', '--project=scenarios', '--reporter=list,json'],
      env: { PLAYWRIGHT_JSON_OUTPUT_FILE: resultsFile },
    };
  }
  return {
    command: bin('vitest'),
    args: ['run', '--reporter=default', '--reporter=json', `--outputFile.json=${resultsFile}`],
    env: {},
  };
}

export function runSuite(suite: Suite, repoRoot: string, resultsFile: string): Promise<SuiteRun> {
  const { command, args, env } = suiteCommand(suite, repoRoot, resultsFile);
  const started = Date.now();
  return new Promise((resolve) => {
    const child = spawn(command, args, {
      cwd: path.join(repoRoot, suite.directory),
      env: { ...process.env, ...env },
      stdio: 'inherit',
    });
    const finish = (exitCode: number | null) =>
      resolve({
        name: suite.name,
        exitCode,
        durationMs: Date.now() - started,
        resultsFile: path.relative(repoRoot, resultsFile).split(path.sep).join('/'),
      });
    child.on('error', (error) => {
      console.error(`validation: could not start the ${suite.name} suite: ${error.message}`);
      finish(null);
    });
    child.on('close', (code) => finish(code));
  });
}
