/**
 * The test suites whose results are validation evidence, and the level of each: a unit test
 * checks a rule in isolation; an integration test runs the real api or database code against
 * real databases (SQLite, and MariaDB when TEST_MYSQL_URL is set); a browser test drives the
 * built apps in Chromium against a running api. A high-risk requirement needs a passing
 * integration or browser test (docs/validation/requirements.md, "How to read this document").
 */

export type SuiteLevel = 'unit' | 'integration' | 'browser';

export interface Suite {
  /** Names the results file: `validation/results/<name>.json`. */
  name: string;
  /** The workspace folder, relative to the repository root. */
  directory: string;
  runner: 'vitest' | 'playwright';
  level: SuiteLevel;
  /** What it tests, for the report. */
  description: string;
}

export const SUITES: readonly Suite[] = [
  {
    name: 'core',
    directory: 'packages/core',
    runner: 'vitest',
    level: 'unit',
    description: 'domain rules of @tracershop/core',
  },
  {
    name: 'ui',
    directory: 'packages/ui',
    runner: 'vitest',
    level: 'unit',
    description: 'shared screens and inputs (React, happy-dom)',
  },
  {
    name: 'customer',
    directory: 'apps/customer',
    runner: 'vitest',
    level: 'unit',
    description: 'the shop app’s screens (React, happy-dom)',
  },
  {
    name: 'production',
    directory: 'apps/production',
    runner: 'vitest',
    level: 'unit',
    description: 'the production app’s screens (React, happy-dom)',
  },
  {
    name: 'db',
    directory: 'packages/db',
    runner: 'vitest',
    level: 'integration',
    description: 'databases, migrations, audit trail, backup and restore',
  },
  {
    name: 'api',
    directory: 'apps/api',
    runner: 'vitest',
    level: 'integration',
    description: 'the api server over HTTP and WebSocket, documents, integrations',
  },
  {
    name: 'client',
    directory: 'packages/client',
    runner: 'vitest',
    level: 'integration',
    description: 'the typed client and its example scripts against a started demo site',
  },
  {
    name: 'e2e',
    directory: 'e2e',
    runner: 'playwright',
    level: 'browser',
    description: 'the built apps in Chromium against a running api',
  },
];

export const LEVEL_WORDS: Record<SuiteLevel, string> = {
  unit: 'unit',
  integration: 'integration',
  browser: 'browser',
};

export function suiteNamed(name: string): Suite | undefined {
  return SUITES.find((suite) => suite.name === name);
}

/** The suite whose folder holds `file` (relative to the repository root), if any. */
export function suiteOfFile(file: string): Suite | undefined {
  return SUITES.find((suite) => file.startsWith(`${suite.directory}/`));
}
