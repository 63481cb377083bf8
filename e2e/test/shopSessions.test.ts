/**
 * Sessions and retries in a real browser: the shop runs under the api's security headers, a
 * new order survives a server that stops while it is being sent (pressing Bestil again after
 * the restart creates it once), and logging out in one tab ends the session in the other.
 */
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestApi } from '../../apps/api/test/testApi';
import { DEMO_PASSWORD } from '../../apps/api/test/testApi';
import type { TestBrowser } from './browser';
import { CHROMIUM_PATH, chromiumAvailable, launchBrowser } from './browser';
import { openShopDay } from './shopDay';
import { siteToday, startSite, workdayAfter } from './site';

const artifacts = fileURLToPath(new URL('../artifacts/', import.meta.url));

if (!chromiumAvailable) {
  console.warn(`Browser tests skipped: no Chromium at ${CHROMIUM_PATH}.`);
}

describe.skipIf(!chromiumAvailable)('sessions and retries in the shop', () => {
  let api: TestApi;
  let browser: TestBrowser;
  let page: Page;
  const problems: string[] = [];
  // A day of its own, after the days other suites and the demo use.
  const day = workdayAfter(siteToday(), 10);

  const slot = () => page.getByRole('region', { name: 'Levering kl. 08:00' });
  const newOrderRow = () => slot().getByRole('group', { name: 'Ny ordre' });

  async function ordersOfTheDay(activity: number): Promise<number> {
    return api.db.models.ActivityOrder.count({
      where: { deliveryDate: day, orderedActivity: activity },
    });
  }

  beforeAll(async () => {
    api = await startSite();
    browser = await launchBrowser();
    page = await browser.context.newPage();
    page.on('pageerror', (error) => problems.push(`pageerror: ${error.message}`));
    page.on('console', (message) => {
      // Refused calls and the stopped server's failed requests are answers the page shows.
      if (message.type() === 'error' && !/Failed to load resource|WebSocket/.test(message.text())) {
        problems.push(`console: ${message.text()}`);
      }
    });
  });

  afterAll(async () => {
    await browser?.close();
    await api?.close();
  });

  it('serves the shop with its security headers and works under them', async () => {
    const response = await page.goto(`${api.server.url}/shop/`);
    const headers = response?.headers() ?? {};
    expect(headers['content-security-policy']).toContain("script-src 'self'");
    expect(headers['content-security-policy']).toContain("frame-ancestors 'none'");
    expect(headers['x-content-type-options']).toBe('nosniff');
    expect(headers['referrer-policy']).toBe('same-origin');
    await page.waitForURL('**/shop/login');
    await page.locator('input[autocomplete="username"]').fill('shop-user');
    await page.locator('input[type="password"]').fill(DEMO_PASSWORD);
    await page.locator('input[type="password"]').press('Enter');
    await page.getByRole('heading', { name: /^Ordrer for den / }).waitFor();
    await openShopDay(page, day);
    await newOrderRow().waitFor();
    expect(problems).toEqual([]);
  });

  it('creates an order once when the server stopped while it was sent and Bestil is pressed again', async () => {
    // The request reaches the api, which creates the order; then the server stops before
    // the browser hears the answer (a crash, a restart during a deploy).
    await page.route(
      '**/trpc/orders.activity.create**',
      async (route) => {
        await route.fetch();
        await api.stop();
        await route.abort('connectionfailed');
      },
      { times: 1 },
    );
    await newOrderRow().getByRole('textbox', { name: 'Aktivitet' }).fill('275');
    await newOrderRow().getByRole('button', { name: 'Bestil' }).click();
    await expect
      .poll(() => slot().getByRole('alert').textContent())
      .toMatch(/Serveren kunne ikke nås/);
    expect(await ordersOfTheDay(275)).toBe(1);
    await page.screenshot({ path: `${artifacts}shop-order-server-stopped.png`, fullPage: true });

    await api.start();
    await newOrderRow().getByRole('button', { name: 'Bestil' }).click();
    await slot().getByText('Bestilt: 275 MBq').waitFor();
    expect(await ordersOfTheDay(275)).toBe(1);
    // The row empties once the order is in; the next order is a new one, with a new key.
    const activity = newOrderRow().getByRole('textbox', { name: 'Aktivitet' });
    await expect.poll(() => activity.inputValue()).toBe('');
    await activity.fill('125');
    await newOrderRow().getByRole('button', { name: 'Bestil' }).click();
    await expect.poll(() => ordersOfTheDay(125)).toBe(1);
    expect(await ordersOfTheDay(275)).toBe(1);
  });

  it('shows the login page in a tab whose session was ended in another tab', async () => {
    const other = await browser.context.newPage();
    await other.goto(`${api.server.url}/shop/`);
    await other.getByRole('heading', { name: /^Ordrer for den / }).waitFor();
    await other.getByRole('button', { name: 'Log ud' }).click();
    await other.waitForURL('**/shop/login');
    // The first tab was not touched: the api closed its socket, and it asks who is logged in.
    await page.waitForURL('**/shop/login', { timeout: 5000 });
    await other.close();
    expect(problems).toEqual([]);
  });
});
