/**
 * Both apps carry their icon: each login page names it, the api serves it with its content
 * type, and loading the pages asks the server for nothing it does not have (no 404 for an
 * icon, e.g. /favicon.ico, and no console error).
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestApi } from '../../apps/api/test/testApi';
import { startTestApi } from '../../apps/api/test/testApi';
import type { TestBrowser } from './browser';
import { chromiumAvailable, launchBrowser } from './browser';
import { appVersion, customerAppDir } from './site';

const productionAppDir = fileURLToPath(new URL('../../apps/production/dist', import.meta.url));

describe.skipIf(!chromiumAvailable)("the apps' icon in Chromium", () => {
  let api: TestApi;
  let browser: TestBrowser;
  let page: Page;
  /** Every answer of 400 or more and every console error while the pages load. */
  const problems: string[] = [];

  beforeAll(async () => {
    if (!existsSync(`${productionAppDir}/index.html`)) {
      throw new Error('The production app is not built: run `npm run build`.');
    }
    api = await startTestApi({
      dialect: 'sqlite',
      now: new Date().toISOString(),
      config: { version: appVersion(), customerAppDir, productionAppDir },
    });
    browser = await launchBrowser();
    page = await browser.context.newPage();
    page.on('response', (response) => {
      if (response.status() >= 400) {
        problems.push(`${response.status()} ${response.url()}`);
      }
    });
    page.on('console', (message) => {
      if (message.type() === 'error') {
        problems.push(`console: ${message.text()}`);
      }
    });
  });

  afterAll(async () => {
    await browser?.close();
    await api?.close();
  });

  it('names and serves the icon of the shop and of production', async () => {
    const base = api.server.url;
    for (const app of ['shop', 'production']) {
      await page.goto(`${base}/${app}/login`);
      await page.locator('input[type="password"]').waitFor();
      await page.waitForLoadState('networkidle');
      const icons = await page
        .locator('link[rel~="icon"]')
        .evaluateAll((links) => links.map((link) => (link as HTMLLinkElement).href));
      expect(icons).toEqual([`${base}/${app}/favicon.ico`, `${base}/${app}/favicon.svg`]);
      for (const [href, type] of [
        [`${base}/${app}/favicon.svg`, 'image/svg+xml'],
        [`${base}/${app}/favicon.ico`, 'image/x-icon'],
        [`${base}/${app}/apple-touch-icon.png`, 'image/png'],
        // What a browser asks for on a page without an icon of its own (a document, an error).
        [`${base}/favicon.ico`, 'image/x-icon'],
      ] as const) {
        const response = await page.request.get(href);
        expect([href, response.status(), response.headers()['content-type']]).toEqual([
          href,
          200,
          type,
        ]);
      }
    }
    expect(problems).toEqual([]);
  });
});
