/**
 * Every page of the production app in a real browser against a real api on the seeded demo
 * site: the production admin walks through Ordre (each product, Special, Ugeplan), Hætteglas,
 * Monitorering and every Opsætning page, the site admin through the admin pages. Each page must
 * show its content without a page error, a console error or an error alert. The screenshots
 * illustrate docs/user-guide-production.md.
 */
import { existsSync, mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { addDays } from '@tracershop/core';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestApi } from '../../apps/api/test/testApi';
import { startTestApi } from '../../apps/api/test/testApi';
import type { TestBrowser } from './browser';
import { accessibilityViolations } from './accessibility';
import { chromiumAvailable, launchBrowser } from './browser';
import { appVersion, customerAppDir, siteToday, workdayAfter } from './site';

const artifacts = fileURLToPath(new URL('../artifacts/', import.meta.url));
const productionAppDir = fileURLToPath(new URL('../../apps/production/dist', import.meta.url));

const SETUP_PAGES = [
  ['customers', 'Levering og kunder'],
  ['tracers', 'Tracere'],
  ['closed-days', 'Lukkedage'],
  ['deadlines', 'Deadlines'],
  ['external-users', 'Eksterne kunder'],
  ['isotopes', 'Isotoper'],
  ['release-rights', 'Frigivelsesrettigheder'],
  ['productions', 'Produktioner'],
  ['printers', 'Printere'],
  ['settings', 'Server'],
] as const;

describe.skipIf(!chromiumAvailable)('every production page in Chromium', () => {
  let api: TestApi;
  let browser: TestBrowser;
  let page: Page;
  const problems: string[] = [];
  /** Accessibility violations of every page visited, checked once at the end. */
  const accessibility: string[] = [];

  const shot = (name: string) =>
    page.screenshot({ path: `${artifacts}${name}.png`, fullPage: true });

  /** The page shows something and no error: no alert of level error, no error boundary. */
  async function expectHealthy(what: string) {
    // The router keeps the old page until the new page's code and data have arrived.
    await page.waitForLoadState('networkidle');
    await page.locator('main').first().waitFor();
    await expect
      .poll(async () => page.locator('.ts-alert--error').count(), { message: what })
      .toBe(0);
    expect(await page.getByText('Ukendt fejl').count(), what).toBe(0);
    expect(problems, what).toEqual([]);
    accessibility.push(...(await accessibilityViolations(page)).map((line) => `${what}: ${line}`));
  }

  async function logIn(username: string) {
    await page.context().clearCookies();
    await page.goto(`${api.server.url}/production/login`);
    await page.getByRole('textbox', { name: 'Brugernavn' }).fill(username);
    await page.getByLabel('Kodeord').fill('tracershop');
    await page.getByRole('button', { name: 'Log ind' }).click();
    await page.getByRole('heading', { name: /^Ordrer for den / }).waitFor();
  }

  /** The demo's working day: today, or the next working day on a weekend or holiday. */
  const demoDay = () => {
    const today = siteToday();
    const next = workdayAfter(today, 1);
    return workdayAfter(addDays(today, -1), 1) === today ? today : next;
  };

  beforeAll(async () => {
    if (!existsSync(`${productionAppDir}/index.html`)) {
      throw new Error('The production app is not built: run `npm run build`.');
    }
    mkdirSync(artifacts, { recursive: true });
    api = await startTestApi({
      dialect: 'sqlite',
      now: new Date().toISOString(),
      config: { version: appVersion(), customerAppDir, productionAppDir },
    });
    browser = await launchBrowser();
    page = await browser.context.newPage();
    page.on('pageerror', (error) => problems.push(`pageerror: ${error.message}`));
    page.on('console', (message) => {
      if (message.type() === 'error' && !message.text().startsWith('Failed to load resource')) {
        problems.push(`console: ${message.text()}`);
      }
    });
  });

  afterAll(async () => {
    await browser?.close();
    await api?.close();
  });

  it('shows Ordre with every product, Special and the week plan', async () => {
    await logIn('prod-admin');
    await page.goto(`${api.server.url}/production/?date=${demoDay()}`);
    const products = page.getByRole('group', { name: 'Produkter' }).getByRole('button');
    await products.getByText('FDG', { exact: true }).waitFor();
    const names = await products.allInnerTexts();
    expect(names).toEqual(expect.arrayContaining(['FDG', 'Special', 'Ugeplan']));
    for (const [index, name] of names.entries()) {
      await products.nth(index).click();
      await expect.poll(() => products.nth(index).getAttribute('aria-pressed')).toBe('true');
      await expectHealthy(`Ordrer: ${name}`);
      await shot(`production-page-orders-${name.toLowerCase().replace(/[^a-z0-9]+/g, '-')}`);
    }
  });

  it('shows Hætteglas and Monitorering', async () => {
    await page.getByRole('link', { name: 'Hætteglas' }).click();
    await page.waitForURL('**/production/vials**');
    await expectHealthy('Hætteglas');
    await shot('production-page-vials');
    await page.getByRole('link', { name: 'Monitorering' }).click();
    await page.waitForURL('**/production/monitoring**');
    await expectHealthy('Monitorering');
    await shot('production-page-monitoring');
  });

  it('shows every Opsætning page', async () => {
    await page.getByRole('link', { name: 'Opsætning' }).click();
    for (const [path, label] of SETUP_PAGES) {
      await page.getByRole('link', { name: label, exact: true }).click();
      await page.waitForURL(`**/production/setup/${path}`);
      await expectHealthy(`Opsætning: ${label}`);
      await shot(`production-page-setup-${path}`);
    }
  });

  it('keeps the admin pages from a production admin and shows them to the site admin', async () => {
    expect(await page.getByRole('link', { name: 'Admin', exact: true }).count()).toBe(0);
    await logIn('site-admin');
    await page.getByRole('link', { name: 'Admin', exact: true }).click();
    await page.waitForURL('**/production/admin/**');
    const pages = page.getByRole('navigation', { name: /admin/i }).getByRole('link');
    const count = await pages.count();
    expect(count).toBeGreaterThanOrEqual(3);
    for (let index = 0; index < count; index += 1) {
      const label = await pages.nth(index).innerText();
      await pages.nth(index).click();
      await expect.poll(() => pages.nth(index).getAttribute('aria-current')).toBe('page');
      await expectHealthy(`Admin: ${label}`);
      await shot(
        `production-page-admin-${new URL(page.url()).pathname.split('/').at(-1) ?? index}`,
      );
    }
  });

  it('has no serious accessibility violation on any page (axe-core, WCAG 2.1 AA)', () => {
    expect(accessibility).toEqual([]);
  });
});
