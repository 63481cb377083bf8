/**
 * The production app in a real browser against a real api (issue: production app, Playwright
 * scenario): prod-user logs in at /production/login, opens FDG on a day with an Accepted
 * order, adds a vial by hand, is refused a release with a wrong password ("Forkert login"),
 * releases with the right one and sees the card turn Released (green).
 */
import { existsSync, mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { weekdayOf } from '@tracershop/core';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestApi } from '../../apps/api/test/testApi';
import { startTestApi } from '../../apps/api/test/testApi';
import type { TestBrowser } from './browser';
import { CHROMIUM_PATH, chromiumAvailable, launchBrowser } from './browser';
import { appVersion, customerAppDir, siteToday, workdayAfter } from './site';

const artifacts = fileURLToPath(new URL('../artifacts/', import.meta.url));
const productionAppDir = fileURLToPath(new URL('../../apps/production/dist', import.meta.url));

if (!chromiumAvailable) {
  console.warn(
    `Browser tests skipped: no Chromium at ${CHROMIUM_PATH} (apt-get install chromium; CI installs it).`,
  );
}

describe.skipIf(!chromiumAvailable)('production release in Chromium', () => {
  let api: TestApi;
  let browser: TestBrowser;
  let page: Page;
  const problems: string[] = [];
  // Past the demo's seeded order days, so the slot carries only the order made here.
  const day = workdayAfter(siteToday(), 8);

  const shot = (name: string) =>
    page.screenshot({ path: `${artifacts}${name}.png`, fullPage: true });
  const card = () => page.getByRole('region', { name: /PET1 kl\. 08:00$/ });
  const dialog = () => page.getByRole('dialog');

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
    // An order of the shop, accepted by production: the collection is ready for release.
    const fdg = await api.db.models.Tracer.findOne({ where: { shortname: 'FDG' } });
    const slot = await api.db.models.ActivityDeliveryTimeSlot.findOne({
      where: { deliveryTime: '08:00:00' },
      include: [
        { association: 'endpoint', where: { name: 'PET1' } },
        { association: 'production', where: { tracerId: fdg?.id ?? 0, weekday: weekdayOf(day) } },
      ],
    });
    const shop = await api.loginAs('shop-user');
    const order = await shop.trpc.orders.activity.create.mutate({
      orderedTimeSlotId: slot?.id ?? 0,
      deliveryDate: day,
      orderedActivity: 300,
    });
    const production = await api.loginAs('prod-admin');
    await production.trpc.orders.activity.accept.mutate({ orderIds: [order.id] });

    browser = await launchBrowser();
    page = await browser.context.newPage();
    page.on('pageerror', (error) => problems.push(`pageerror: ${error.message}`));
    page.on('console', (message) => {
      // Refused calls (the wrong password's 401) are answers the page shows, not faults.
      if (message.type() === 'error' && !message.text().startsWith('Failed to load resource')) {
        problems.push(`console: ${message.text()}`);
      }
    });
  });

  afterAll(async () => {
    await browser?.close();
    await api?.close();
  });

  it('logs prod-user in at /production/login', async () => {
    await page.goto(`${api.server.url}/production/`);
    await page.waitForURL('**/production/login');
    await page.getByRole('textbox', { name: 'Brugernavn' }).fill('prod-user');
    await page.getByLabel('Kodeord').fill('tracershop');
    await page.getByRole('button', { name: 'Log ind' }).click();
    await page.getByRole('heading', { name: /^Ordrer for den / }).waitFor();
    await shot('production-01-orders');
  });

  it('opens FDG on the day with the accepted order', async () => {
    await page.goto(`${api.server.url}/production/?date=${day}`);
    await page.getByRole('button', { name: 'FDG', exact: true }).click();
    await card().getByRole('img', { name: 'Accepteret' }).waitFor();
    expect(await card().getByText('Bestilt: 300 MBq').isVisible()).toBe(true);
    expect(await page.getByText(/^Kørsel 06:30: \d+ MBq \/ Overhead: \d+ MBq$/).count()).toBe(1);
    await shot('production-02-fdg-day');
  });

  it('adds a vial by hand in the order modal', async () => {
    await card().getByRole('button', { name: 'Åbn ordre kl. 08:00' }).click();
    await dialog().waitFor();
    expect(await dialog().getByRole('button', { name: 'Frigiv' }).isDisabled()).toBe(true);
    await dialog().getByRole('button', { name: 'Tilføj hætteglas' }).click();
    const lot = await dialog().getByLabel('Lotnummer').inputValue();
    expect(lot).toMatch(/^FDG-\d{6}-1$/);
    await dialog().getByLabel('Tappetid (TT:MM)').fill('07:30');
    await dialog().getByLabel('Aktivitet (MBq)').fill('20000');
    await dialog().getByLabel('Volumen (ml)').fill('10');
    await dialog().getByRole('button', { name: 'Tilføj' }).click();
    const checkbox = dialog().getByRole('checkbox', { name: `Vælg hætteglas ${lot}` });
    await checkbox.waitFor();
    await expect.poll(() => checkbox.isChecked()).toBe(true);
    expect(await dialog().getByRole('button', { name: 'Frigiv' }).isEnabled()).toBe(true);
    await shot('production-03-vial-added');
  });

  it('refuses a wrong password with "Forkert login"', async () => {
    await dialog().getByRole('button', { name: 'Frigiv' }).click();
    await dialog().getByLabel('Kodeord').fill('forkert');
    await dialog().getByRole('button', { name: 'Frigiv' }).click();
    await dialog()
      .getByText(/Forkert login/)
      .waitFor();
    await shot('production-04-wrong-password');
  });

  it('releases with the password and the card turns Released (green)', async () => {
    await dialog().getByLabel('Kodeord').fill('tracershop');
    await dialog().getByRole('button', { name: 'Frigiv' }).click();
    await dialog().getByText('Ordrerne er frigivet.').waitFor();
    await dialog().getByRole('button', { name: 'Luk' }).click();
    await card().getByRole('img', { name: 'Frigivet' }).waitFor();
    expect(await card().getAttribute('data-status')).toBe('3');
    expect(await card().evaluate((element) => getComputedStyle(element).borderLeftColor)).toBe(
      'rgb(51, 204, 51)',
    );
    await shot('production-05-released');
    expect(problems).toEqual([]);
  });
});
