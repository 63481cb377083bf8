/**
 * The browser suite: Playwright Test with Debian's Chromium (`CHROMIUM_PATH`, default
 * /usr/bin/chromium; nothing is downloaded). One worker: each test starts its own api on a
 * fresh SQLite database (`test/fixtures.ts`), and two cores run one browser at a time well.
 * Traces and screenshots are kept for failed tests (`test-results/`); the HTML report is in
 * `playwright-report/node-<major>/` (CI keeps it; `npx playwright show-report <dir>` opens it).
 */
import { defineConfig } from '@playwright/test';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from './test/browser';

const nodeMajor = process.versions.node.split('.')[0] ?? 'node';

export default defineConfig({
  testDir: 'test',
  // Says which tests this machine's missing peers (Chromium, nginx, MariaDB, Redis) skip.
  globalSetup: './test/testPeers.setup.ts',
  // The scenarios each start their own site; the dev loop starts `npm run dev` (fixed ports,
  // rebuilding packages as it starts), so it runs on its own, when no other suite is running:
  // `npm run test:dev-loop -w @tracershop/e2e` (CI runs it after `npm test`).
  projects: [
    { name: 'scenarios', testMatch: '**/*.spec.ts', testIgnore: '**/devLoop.spec.ts' },
    { name: 'dev-loop', testMatch: '**/devLoop.spec.ts' },
  ],
  workers: 1,
  fullyParallel: false,
  forbidOnly: process.env.CI !== undefined,
  retries: 0,
  timeout: 180_000,
  expect: { timeout: 15_000 },
  outputDir: 'test-results',
  reporter: [
    ['list'],
    ['html', { outputFolder: `playwright-report/node-${nodeMajor}`, open: 'never' }],
  ],
  use: {
    browserName: 'chromium',
    headless: true,
    launchOptions: { executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS },
    viewport: { width: 1280, height: 900 },
    locale: 'da-DK',
    timezoneId: 'Europe/Copenhagen',
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
  },
});
