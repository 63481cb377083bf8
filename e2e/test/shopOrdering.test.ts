/**
 * The shop in a real browser against a real api (issue: customer app, Playwright scenario):
 * log in as shop-user, choose a destination and a day, order 300 MBq, change it to 350,
 * delete it, see an order production accepts turn yellow without a reload, see the new-order
 * row disappear after the deadline while the api refuses a forged order, and log out.
 */
import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestApi } from '../../apps/api/test/testApi';
import type { TestBrowser } from './browser';
import { formatDanishDate } from '@tracershop/core';
import { accessibilityViolations } from './accessibility';
import { CHROMIUM_PATH, chromiumAvailable, launchBrowser } from './browser';
import { describedText } from './fieldMessages';
import { openShopDay } from './shopDay';
import { appVersion, siteToday, startSite, workdayAfter } from './site';

const artifacts = fileURLToPath(new URL('../artifacts/', import.meta.url));

if (!chromiumAvailable) {
  console.warn(
    `Browser tests skipped: no Chromium at ${CHROMIUM_PATH} (apt-get install chromium; CI installs it).`,
  );
}

describe.skipIf(!chromiumAvailable)('shop ordering in Chromium', () => {
  let api: TestApi;
  let browser: TestBrowser;
  let page: Page;
  const problems: string[] = [];
  // Past the demo's seeded order days, so the slot starts empty.
  const day = workdayAfter(siteToday(), 8);

  const shot = (name: string) =>
    page.screenshot({ path: `${artifacts}${name}.png`, fullPage: true });
  const slot = () => page.getByRole('region', { name: 'Levering kl. 08:00' });
  const newOrderRow = () => slot().getByRole('group', { name: 'Ny ordre' });
  const orderRows = () => slot().locator('[role="group"][aria-label^="ID: "]');

  beforeAll(async () => {
    mkdirSync(artifacts, { recursive: true });
    api = await startSite();
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

  it('shows the login page to an anonymous visitor', async () => {
    await page.goto(`${api.server.url}/shop/`);
    await page.waitForURL('**/shop/login');
    await expect.poll(() => page.getByRole('heading', { name: 'Log ind' }).isVisible()).toBe(true);
    await shot('01-login');
    expect(await accessibilityViolations(page)).toEqual([]);
  });

  it('refuses a wrong password in Danish', async () => {
    await page.getByRole('textbox', { name: 'Brugernavn' }).fill('shop-user');
    await page.getByLabel('Kodeord').fill('forkert');
    await page.getByRole('button', { name: 'Log ind' }).click();
    await expect
      .poll(() => page.getByRole('alert').textContent())
      .toBe('Fejl: Forkert brugernavn eller kodeord.');
  });

  it('logs shop-user in to the order overview', async () => {
    await page.getByLabel('Kodeord').fill('tracershop');
    await page.getByLabel('Kodeord').press('Enter');
    await page.getByRole('heading', { name: /^Ordrer for den / }).waitFor();
    expect(await page.getByText('Demo Shop User').isVisible()).toBe(true);
  });

  it('chooses a destination, a product and a day', async () => {
    const dayButton = await openShopDay(page, day);
    await page.getByRole('heading', { name: `Ordrer for den ${formatDanishDate(day)}` }).waitFor();
    await slot().getByText('Der er ikke bestilt sporstof').waitFor();
    expect(await dayButton.getAttribute('data-fill')).toBe('available');
    await shot('02-day-chosen');
    expect(await accessibilityViolations(page)).toEqual([]);
  });

  it('orders 300 MBq', async () => {
    await newOrderRow().getByRole('textbox', { name: 'Aktivitet' }).fill('300');
    await newOrderRow().getByRole('textbox', { name: 'Kommentar' }).fill('E2E');
    await newOrderRow().getByRole('button', { name: 'Bestil' }).click();
    await slot().getByText('Bestilt: 300 MBq').waitFor();
    expect(await orderRows().count()).toBe(1);
    await expect
      .poll(() => page.locator(`[data-date="${day}"]`).getAttribute('data-fill'))
      .toBe('ordered');
    await shot('03-ordered');
    expect(await accessibilityViolations(page)).toEqual([]);
  });

  it('changes the order to 350 MBq', async () => {
    const row = orderRows().first();
    await row.getByRole('textbox', { name: 'Aktivitet' }).fill('350');
    await row.getByRole('button', { name: 'Opdater' }).click();
    await slot().getByText('Bestilt: 350 MBq').waitFor();
  });

  it('refuses an unreadable activity with core’s message', async () => {
    const field = newOrderRow().getByRole('textbox', { name: 'Aktivitet' });
    await field.fill('4asdgf0000');
    await newOrderRow().getByRole('button', { name: 'Bestil' }).click();
    // The message is words next to the field, linked to it for screen readers.
    await expect.poll(() => describedText(field)).toBe('Aktivitet er ikke et tal');
    expect(await field.getAttribute('aria-invalid')).toBe('true');
    await shot('03b-unreadable-activity');
    expect(await accessibilityViolations(page)).toEqual([]);
    await field.fill('');
  });

  it('refuses 999 999 999 MBq with the limit in words, and keeps the typed order', async () => {
    const field = newOrderRow().getByRole('textbox', { name: 'Aktivitet' });
    await field.fill('999999999');
    await newOrderRow().getByRole('button', { name: 'Bestil' }).click();
    await expect
      .poll(async () =>
        (await newOrderRow().getByRole('alert').textContent())?.replace(/\u00a0/g, ' '),
      )
      .toBe(
        'Fejl: FDG kan højst bestilles med 50 000 MBq pr. ordre; ordren er på 999 999 999 MBq.',
      );
    expect(await field.inputValue()).toBe('999999999');
    expect(await orderRows().count()).toBe(1);
    await shot('03c-limit-refused');
    await field.fill('');
  });

  it('deletes the order', async () => {
    await orderRows().first().getByRole('button', { name: 'Slet' }).click();
    await slot().getByText('Der er ikke bestilt sporstof').waitFor();
    expect(await orderRows().count()).toBe(0);
  });

  it('turns yellow without a reload when production accepts', async () => {
    await newOrderRow().getByRole('textbox', { name: 'Aktivitet' }).fill('300');
    await newOrderRow().getByRole('button', { name: 'Bestil' }).click();
    await slot().getByText('Bestilt: 300 MBq').waitFor();
    const label = await orderRows().first().getAttribute('aria-label');
    const orderId = Number(label?.replace('ID: ', ''));
    const production = await api.loginAs('prod-admin');
    await production.trpc.orders.activity.accept.mutate({ orderIds: [orderId] });
    await orderRows().first().getByRole('img', { name: 'Accepteret' }).waitFor();
    expect(await orderRows().first().getByRole('button').count()).toBe(0);
    await expect
      .poll(() => page.locator(`[data-date="${day}"]`).getAttribute('data-fill'))
      .toBe('accepted');
    await shot('04-accepted-live');
  });

  it('after the deadline offers no new order, and the api refuses a forged one', async () => {
    // The activity deadline of the demo is 13:00 the day before; move the api's clock past it.
    const [year, month, date] = day.split('-');
    api.clock.set(
      new Date(Date.UTC(Number(year), Number(month) - 1, Number(date), 0, 0)).toISOString(),
    );
    await page.reload();
    await slot().getByText('Bestilt: 300 MBq').waitFor();
    expect(await newOrderRow().count()).toBe(0);
    const slotId = await api.db.models.ActivityDeliveryTimeSlot.findOne({
      where: { deliveryTime: '08:00:00' },
      include: [{ association: 'endpoint', where: { name: 'PET1' } }],
    });
    const refusal = await page.evaluate(
      async ({ slotId: id, deliveryDate, version }) => {
        const response = await fetch('/trpc/orders.activity.create', {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'x-tracershop-version': version },
          body: JSON.stringify({ orderedTimeSlotId: id, deliveryDate, orderedActivity: 100 }),
        });
        return { status: response.status, body: (await response.json()) as unknown };
      },
      { slotId: slotId?.id ?? 0, deliveryDate: day, version: appVersion() },
    );
    expect(refusal.status).toBe(403);
    expect(JSON.stringify(refusal.body)).toContain('DEADLINE_PASSED');
    await shot('05-after-deadline');
  });

  it('logs out to the login page', async () => {
    await page.getByRole('button', { name: 'Log ud' }).click();
    await page.waitForURL('**/shop/login');
    await page.getByRole('heading', { name: 'Log ind' }).waitFor();
    expect(problems).toEqual([]);
  });
});
