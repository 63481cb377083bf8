/**
 * The production app in a real browser against a real api (issue: production app, Playwright
 * scenario): prod-user logs in at /production/login, opens FDG on a day with an Accepted
 * order, adds a vial by hand, is asked for a reason to release far more than ordered (the
 * figures shown), is refused a release with a wrong password ("Forkert login"), releases with
 * the right one and sees the card turn Released (green).
 */
import { existsSync, mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { instantTextOfLocalDateTime, weekdayOf } from '@tracershop/core';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestApi } from '../../apps/api/test/testApi';
import { startTestApi } from '../../apps/api/test/testApi';
import { accessibilityViolations } from './accessibility';
import type { TestBrowser } from './browser';
import { CHROMIUM_PATH, chromiumAvailable, launchBrowser } from './browser';
import { describedText } from './fieldMessages';
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
      config: {
        version: appVersion(),
        customerAppDir,
        productionAppDir,
        // The clock moves to the delivery morning (days ahead) before the release.
        sessionIdleMinutes: 60 * 24 * 30,
        sessionAbsoluteHours: 24 * 30,
      },
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
    const runs = await page
      .getByRole('list', { name: 'Kørsler' })
      .getByRole('listitem')
      .allTextContents();
    expect(runs).toContainEqual(
      expect.stringMatching(/^Kørsel 06:30: [\d\s]+MBq \/ Overhead: [\d\s]+MBq$/),
    );
    await shot('production-02-fdg-day');
  });

  it('adds a vial by hand in the order modal', async () => {
    await card().getByRole('button', { name: 'Åbn ordre kl. 08:00' }).click();
    await dialog().waitFor();
    expect(await dialog().getByRole('button', { name: 'Frigiv' }).isDisabled()).toBe(true);
    // Filled at 07:30 on the delivery day; the release follows at 07:40 that morning.
    api.clock.set(instantTextOfLocalDateTime(`${day} 07:40:00`));
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

  it('asks for a reason to release far more than ordered, showing the figures', async () => {
    await dialog().getByRole('button', { name: 'Frigiv' }).click();
    const signing = dialog().getByRole('region', { name: 'Det, du underskriver' });
    await signing.getByRole('rowheader', { name: /^FDG-\d{6}-1$/ }).waitFor();
    await dialog()
      .getByText(/Hætteglassene giver [\d\s]+MBq kl\. 08:00, [\d\s,%]+ mere end de krævede/)
      .waitFor();
    expect(await signing.getByRole('cell', { name: '20\u00a0000 MBq' }).count()).toBe(1);
    await dialog().getByLabel('Kodeord').fill('tracershop');
    await dialog().getByRole('button', { name: 'Frigiv' }).click();
    const reason = dialog().getByLabel('Begrundelse');
    await expect
      .poll(() => describedText(reason))
      .toBe('Skriv en begrundelse (mindst 3 tegn), før du underskriver.');
    await shot('production-03b-reason-needed');
    expect(await accessibilityViolations(page)).toEqual([]);
    await reason.fill('Hele glasset går til PET1 og PET2');
  });

  it('refuses a wrong password with "Forkert login"', async () => {
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
