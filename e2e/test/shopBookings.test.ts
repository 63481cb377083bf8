/**
 * The shop's injection orders, bookings and release documents in a real browser against a
 * real api (issue: customer app, second Playwright scenario): shop-user orders, changes and
 * deletes an injection order; mass-orders the day's FDG bookings from "Bookinger" (one booking
 * rejected), sees the api's Danish refusal on a card that cannot be delivered, the rooms ×
 * hours overview, and the new order on Ordreoversigt; opens a released delivery's certificate.
 */
import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { addDays, danishPublicHolidays, formatDanishDate, weekdayOf } from '@tracershop/core';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestApi } from '../../apps/api/test/testApi';
import type { TestBrowser } from './browser';
import { accessibilityViolations } from './accessibility';
import { describedText } from './fieldMessages';
import { chromiumAvailable, launchBrowser } from './browser';
import { siteToday, startSite, workdayAfter } from './site';

const artifacts = fileURLToPath(new URL('../artifacts/', import.meta.url));

/** The working day before `from` (the demo's released orders lie in the past). */
function workdayBefore(from: string): string {
  const year = Number(from.slice(0, 4));
  const holidays = new Set(
    [...danishPublicHolidays(year - 1), ...danishPublicHolidays(year)].map((day) => day.date),
  );
  let day = addDays(from, -1);
  while (weekdayOf(day) > 4 || holidays.has(day)) {
    day = addDays(day, -1);
  }
  return day;
}

describe.skipIf(!chromiumAvailable)('shop bookings and injection orders in Chromium', () => {
  let api: TestApi;
  let browser: TestBrowser;
  let page: Page;
  const problems: string[] = [];
  const today = siteToday();
  // Past the demo's order days and the weekly injection deadline: nothing is ordered yet.
  const injectionDay = workdayAfter(today, 8);
  // One of the demo's four booking days, before the activity deadline.
  const bookingDay = workdayAfter(today, 2);

  const shot = (name: string) =>
    page.screenshot({ path: `${artifacts}${name}.png`, fullPage: true });

  async function openDay(date: string) {
    await page.goto(`${api.server.url}/shop/?date=${date}`);
    await page.getByLabel('Kunde').selectOption({ label: 'RH KF' });
    await page.getByLabel('Destination').selectOption({ label: 'PET1' });
  }

  async function chooseView(label: string) {
    await page.getByLabel('Side').selectOption({ label });
  }

  beforeAll(async () => {
    mkdirSync(artifacts, { recursive: true });
    api = await startSite();
    browser = await launchBrowser();
    page = await browser.context.newPage();
    page.on('pageerror', (error) => problems.push(`pageerror: ${error.message}`));
    page.on('console', (message) => {
      // Refused calls (the mass order the api refuses) are answers the page shows.
      if (message.type() === 'error' && !message.text().startsWith('Failed to load resource')) {
        problems.push(`console: ${message.text()}`);
      }
    });
    await page.goto(`${api.server.url}/shop/login`);
    await page.getByRole('textbox', { name: 'Brugernavn' }).fill('shop-user');
    await page.getByLabel('Kodeord').fill('tracershop');
    await page.getByLabel('Kodeord').press('Enter');
    await page.getByRole('heading', { name: /^Ordrer for den / }).waitFor();
  });

  afterAll(async () => {
    await browser?.close();
    await api?.close();
  });

  it('orders, changes and deletes an injection order', async () => {
    await openDay(injectionDay);
    await page
      .getByRole('heading', { name: `Ordrer for den ${formatDanishDate(injectionDay)}` })
      .waitFor();
    await chooseView('Ordreoversigt');
    const section = page.getByRole('region', { name: 'Injektionsordrer' });
    const blank = section.getByRole('group', { name: 'Ny injektionsordre' });
    const orders = () => section.locator('[role="group"][aria-label^="Injektionsordre ID: "]');
    expect(await orders().count()).toBe(0);
    await blank.getByLabel('Tracer').selectOption({ label: 'Ga-PSMA' });
    await blank.getByRole('textbox', { name: 'Injektioner' }).fill('2');
    await blank.getByRole('textbox', { name: 'Tid' }).fill('13:45');
    await blank.getByLabel('Brug').selectOption({ label: 'Human' });
    await blank.getByRole('textbox', { name: 'Kommentar' }).fill('E2E');
    await blank.getByRole('button', { name: 'Bestil' }).click();
    await expect.poll(() => orders().count()).toBe(1);
    const order = orders().first();
    expect(await order.getByRole('textbox', { name: 'Injektioner' }).inputValue()).toBe('2');
    expect(await order.getByRole('textbox', { name: 'Tid' }).inputValue()).toBe('13:45');
    await order.getByRole('img', { name: 'Bestilt' }).waitFor();
    await shot('11-injection-ordered');
    expect(await accessibilityViolations(page)).toEqual([]);

    await order.getByRole('textbox', { name: 'Injektioner' }).fill('3');
    await order.getByRole('button', { name: 'Opdater' }).click();
    await order.getByRole('button', { name: 'Slet' }).waitFor();
    expect(await order.getByRole('textbox', { name: 'Injektioner' }).inputValue()).toBe('3');

    await order.getByRole('button', { name: 'Slet' }).click();
    await expect.poll(() => orders().count()).toBe(0);
  });

  it('mass-orders the day’s FDG bookings and shows the api’s refusal in Danish', async () => {
    await openDay(bookingDay);
    await chooseView('Ordreoversigt');
    await page.getByRole('button', { name: 'FDG', exact: true }).click();
    const slot = page.getByRole('region', { name: 'Levering kl. 09:30' });
    await slot.waitFor();
    const before = await slot.getByRole('group').count();

    await chooseView('Bookinger');
    await page
      .getByRole('heading', { name: `Bookinger for den ${formatDanishDate(bookingDay)}` })
      .waitFor();
    const fdg = page.getByRole('region', { name: 'FDG', exact: true });
    await fdg.waitFor();
    const accessions = await fdg.locator('tbody tr td:first-child').allTextContents();
    expect(accessions).toHaveLength(3);
    // Shop users see accession numbers masked by the api.
    for (const accession of accessions) {
      expect(accession).toMatch(/X/);
    }
    const boxes = fdg.getByRole('checkbox');
    expect(await boxes.count()).toBe(3);
    await boxes.nth(2).uncheck();
    await shot('12-bookings');
    expect(await accessibilityViolations(page)).toEqual([]);
    await fdg.getByRole('button', { name: 'Bestil' }).click();
    await expect.poll(() => fdg.getByRole('img', { name: 'Bestilt' }).count()).toBe(2);
    expect(await fdg.getByRole('img', { name: 'Afvist' }).count()).toBe(1);
    expect(await fdg.getByRole('checkbox').count()).toBe(0);

    // NaF is injected 45 minutes after 09:00, before its 10:00 delivery (or is not delivered).
    const naf = page.getByRole('region', { name: 'NaF', exact: true });
    await naf.getByRole('button', { name: 'Bestil' }).click();
    await expect
      .poll(() => naf.getByRole('alert').textContent())
      .toContain('Bookingerne kunne ikke bestilles');
    await shot('13-mass-ordered');

    await chooseView('Bookingoversigt');
    const grid = page.getByRole('table');
    await grid.getByRole('columnheader', { name: 'PET/CT 1' }).waitFor();
    const cell = grid.locator('td[title*="PET/CT FDG helkrop · 08:30"]');
    expect(await cell.count()).toBe(1);
    await shot('14-booking-overview');
    expect(await accessibilityViolations(page)).toEqual([]);

    await chooseView('Ordreoversigt');
    await slot.waitFor();
    await expect.poll(() => slot.getByRole('group').count()).toBe(before + 1);
    await shot('15-orders-from-bookings');
  });

  it('links the release certificate of a released delivery', async () => {
    const day = workdayBefore(today);
    await openDay(day);
    await chooseView('Ordreoversigt');
    await page.getByRole('button', { name: 'FDG', exact: true }).click();
    const slot = page.getByRole('region', { name: 'Levering kl. 08:00' });
    const link = slot.getByRole('link', { name: 'Frigivelsescertifikat' });
    await link.waitFor();
    const href = await link.getAttribute('href');
    expect(href).toMatch(new RegExp(`^/documents/activity-certificate/\\d+/${day}/\\d+\\.pdf$`));
    const response = await page.evaluate(async (url) => {
      const answer = await fetch(url);
      return { status: answer.status, type: answer.headers.get('content-type') };
    }, href ?? '');
    expect(response).toEqual({ status: 200, type: 'application/pdf' });
    await shot('16-released-certificate');
  });

  it('lets shop-admin rename a room, map a study and manage a colleague’s access', async () => {
    await page.getByRole('button', { name: 'Log ud' }).click();
    await page.waitForURL('**/shop/login');
    await page.getByRole('textbox', { name: 'Brugernavn' }).fill('shop-admin');
    await page.getByLabel('Kodeord').fill('tracershop');
    await page.getByLabel('Kodeord').press('Enter');
    await page.getByRole('heading', { name: /^Ordrer for den / }).waitFor();
    await page.getByRole('link', { name: 'Opsætning' }).click();
    await page.getByRole('heading', { name: 'Opsætning' }).waitFor();

    // Lokationer: filter, rename and save.
    await page.getByRole('textbox', { name: /^Filter/ }).fill('petct2');
    const name = page.getByRole('textbox', { name: 'Kaldenavn for RGH-KF-PETCT2' });
    await name.fill('PET/CT 2 (ny)');
    await page.getByRole('button', { name: 'Gem' }).click();
    await expect.poll(() => page.getByRole('button', { name: 'Gem' }).count()).toBe(0);
    expect(await name.inputValue()).toBe('PET/CT 2 (ny)');

    // Procedurer: the bone scan of PET1 gets NaF.
    await page.getByRole('button', { name: 'Procedurer', exact: true }).click();
    await page.getByLabel('Kunde').selectOption({ label: 'RH KF' });
    await page.getByLabel('Destination').selectOption({ label: 'PET1' });
    const blank = page.getByRole('row', { name: 'Ny procedure' });
    await blank.getByRole('button', { name: 'Opret' }).click();
    await expect
      .poll(() => describedText(blank.getByLabel('Series Description')))
      .toBe('Du skal vælge en Series description');
    await blank.getByLabel('Series Description').selectOption({ label: 'Knoglescintigrafi' });
    await blank.getByLabel('Tracer for Ny procedure').selectOption({ label: 'NaF' });
    await blank.getByRole('textbox', { name: /^Forsinkelse/ }).fill('15');
    await blank.getByRole('textbox', { name: /^MBq/ }).fill('150');
    await blank.getByRole('button', { name: 'Opret' }).click();
    const created = page.getByRole('row', { name: 'Knoglescintigrafi' });
    await created.waitFor();
    expect(await created.getByRole('textbox', { name: /^MBq/ }).inputValue()).toBe('150');
    await shot('17-setup-procedures');
    expect(await accessibilityViolations(page)).toEqual([]);

    // Brugere: take shop-user's access to RH KF away and give it back.
    await page.getByRole('button', { name: 'Brugere', exact: true }).click();
    await page.getByLabel('Kunde').selectOption({ label: 'RH KF' });
    const revoke = page.getByRole('button', { name: 'Fjern adgang for shop-user' });
    await revoke.click();
    await expect.poll(() => revoke.count()).toBe(0);
    await page.getByRole('textbox', { name: 'Brugernavn:' }).fill('findes-ikke');
    await page.getByRole('button', { name: 'Giv adgang' }).click();
    await page.getByRole('alert').waitFor();
    await page.getByRole('textbox', { name: 'Brugernavn:' }).fill('shop-user');
    await page.getByRole('button', { name: 'Giv adgang' }).click();
    await revoke.waitFor();
    await shot('18-setup-users');
    expect(await accessibilityViolations(page)).toEqual([]);
    expect(problems).toEqual([]);
  });
});
