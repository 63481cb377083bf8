/**
 * The fixtures of the browser scenarios (Playwright Test):
 *
 * - `site`: a real api on a fresh, seeded SQLite database serving both built apps, started for
 *   the test and stopped after it (`test.use({ siteOptions })` adds background services).
 * - `problems`: the page errors and console errors of every page the test opens (`page` and
 *   those of `userPage`); a scenario ends with `expect(problems).toEqual([])`. Failed loads
 *   (a refused call's 401) are answers the page shows, not faults.
 * - `userPage(who)`: a page in a browser context of its own (own cookies, so its own user).
 * - `loggedInPage(app, username, who?)`: such a page, logged in through the app's login page.
 * - `shot(page, name)`: a full-page screenshot into `artifacts/` (the user guides use some).
 */
import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Page } from '@playwright/test';
import { test as base } from '@playwright/test';
import { missingTestPeers } from '@tracershop/db/testing';
import type { TestApi } from '../../apps/api/test/testApi';
import { DEMO_PASSWORD } from '../../apps/api/test/testApi';
import type { SiteOptions } from './site';
import { startSite } from './site';

export { expect } from '@playwright/test';

export const artifacts = fileURLToPath(new URL('../artifacts/', import.meta.url));

export type App = 'shop' | 'production';

/** Logs `username` in through the app's login page and waits for the order overview. */
export async function logIn(page: Page, site: TestApi, app: App, username: string) {
  await logInAt(page, site.server.url, app, username);
}

/** `logIn` on the site at `baseUrl` (e.g. through a reverse proxy). */
export async function logInAt(page: Page, baseUrl: string, app: App, username: string) {
  await page.goto(`${baseUrl}/${app}/login`);
  await page.getByRole('textbox', { name: 'Brugernavn' }).fill(username);
  await page.getByLabel('Kodeord').fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: 'Log ind' }).click();
  await page.getByRole('heading', { name: /^Ordrer for den / }).waitFor();
}

/** Collects what goes wrong on `page` into `problems`, each line marked with `who`. */
export function watchProblems(page: Page, problems: string[], who: string): void {
  const prefix = who === '' ? '' : `${who} `;
  page.on('pageerror', (error) => problems.push(`${prefix}pageerror: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error' && !message.text().startsWith('Failed to load resource')) {
      problems.push(`${prefix}console: ${message.text()}`);
    }
  });
}

interface ScenarioFixtures {
  siteOptions: SiteOptions;
  site: TestApi;
  problems: string[];
  userPage: (who: string) => Promise<Page>;
  loggedInPage: (app: App, username: string, who?: string) => Promise<Page>;
  shot: (page: Page, name: string) => Promise<void>;
}

export const test = base.extend<ScenarioFixtures>({
  siteOptions: [{}, { option: true }],
  site: async ({ siteOptions }, use, testInfo) => {
    const missing = missingTestPeers(['chromium']);
    testInfo.skip(missing !== undefined, missing);
    const site = await startSite(siteOptions);
    await use(site);
    await site.close();
  },
  // eslint-disable-next-line no-empty-pattern -- Playwright reads a fixture's dependencies from it.
  problems: async ({}, use) => {
    await use([]);
  },
  // The site comes first, so the pages (and their sockets) close before it stops: fixtures are
  // set up in the order they are named here and torn down in reverse.
  page: async ({ site: _site, problems, page }, use) => {
    watchProblems(page, problems, '');
    await use(page);
  },
  userPage: async ({ site: _site, browser, problems }, use) => {
    const contexts: Awaited<ReturnType<typeof browser.newContext>>[] = [];
    await use(async (who) => {
      const context = await browser.newContext();
      contexts.push(context);
      const page = await context.newPage();
      watchProblems(page, problems, who);
      return page;
    });
    await Promise.all(contexts.map((context) => context.close()));
  },
  loggedInPage: async ({ site, userPage }, use) => {
    await use(async (app, username, who = username) => {
      const page = await userPage(who);
      await logIn(page, site, app, username);
      return page;
    });
  },
  // eslint-disable-next-line no-empty-pattern -- as above.
  shot: async ({}, use) => {
    mkdirSync(artifacts, { recursive: true });
    await use((page, name) =>
      page.screenshot({ path: `${artifacts}${name}.png`, fullPage: true }).then(() => undefined),
    );
  },
});
