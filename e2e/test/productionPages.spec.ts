/**
 * Every page of the production app in a real browser against a real api on the seeded demo
 * site: the production admin walks through Ordre (each product, Special, Ugeplan), Hætteglas,
 * Monitorering and every Opsætning page, the site admin through the admin pages. Each page must
 * show its content without a page error, a console error, an error alert or a serious
 * accessibility violation (axe-core, WCAG 2.1 AA). The screenshots illustrate
 * docs/user-guide-production.md.
 */
import type { Page } from '@playwright/test';
import { addDays } from '@tracershop/core';
import { accessibilityViolations } from './accessibility';
import { expect, logIn, test } from './fixtures';
import { siteToday, workdayAfter } from './site';

const SETUP_PAGES = [
  ['customers', 'Levering og kunder'],
  ['tracers', 'Tracere'],
  ['closed-days', 'Lukkedage'],
  ['deadlines', 'Deadlines'],
  ['external-users', 'Eksterne kunder'],
  ['isotopes', 'Isotoper'],
  ['release-rights', 'Frigivelsesrettigheder'],
  ['productions', 'Produktioner'],
  ['studies', 'Undersøgelser'],
  ['printers', 'Printere'],
  ['settings', 'Server'],
  ['api-tokens', 'API-nøgler'],
  ['notices', 'Beskeder'],
] as const;

/** The demo's working day: today, or the next working day on a weekend or holiday. */
function demoDay(): string {
  const today = siteToday();
  return workdayAfter(addDays(today, -1), 1) === today ? today : workdayAfter(today, 1);
}

/** The page shows something and nothing wrong: no error alert, no error boundary, no fault. */
async function expectHealthy(page: Page, problems: string[], what: string) {
  // The router keeps the old page until the new page's code and data have arrived.
  await page.waitForLoadState('networkidle');
  await expect(page.locator('main').first()).toBeVisible();
  await expect(page.locator('.ts-alert--error'), what).toHaveCount(0);
  await expect(page.getByText('Ukendt fejl'), what).toHaveCount(0);
  expect(problems, what).toEqual([]);
  expect(await accessibilityViolations(page), what).toEqual([]);
}

test('[URS-PRD-012][URS-PRF-011] Ordre shows every product, Special and the week plan', async ({
  page,
  site,
  problems,
  shot,
}) => {
  await logIn(page, site, 'production', 'prod-admin');
  await page.goto(`${site.server.url}/production/?date=${demoDay()}`);
  const products = page.getByRole('group', { name: 'Produkter' }).getByRole('button');
  await expect(products.getByText('FDG', { exact: true })).toBeVisible();
  const names = await products.allInnerTexts();
  expect(names).toEqual(expect.arrayContaining(['FDG', 'Special', 'Ugeplan']));
  for (const [index, name] of names.entries()) {
    await test.step(name, async () => {
      await products.nth(index).click();
      await expect(products.nth(index)).toHaveAttribute('aria-pressed', 'true');
      await expectHealthy(page, problems, `Ordrer: ${name}`);
      await shot(page, `production-page-orders-${name.toLowerCase().replace(/[^a-z0-9]+/g, '-')}`);
    });
  }
});

test('[URS-VIA-007][URS-PRD-013][URS-PRF-011] Hætteglas and Monitorering show their content', async ({
  page,
  site,
  problems,
  shot,
}) => {
  await logIn(page, site, 'production', 'prod-admin');
  await page.getByRole('link', { name: 'Hætteglas' }).click();
  await page.waitForURL('**/production/vials**');
  await expectHealthy(page, problems, 'Hætteglas');
  await shot(page, 'production-page-vials');
  await page.getByRole('link', { name: 'Monitorering' }).click();
  await page.waitForURL('**/production/monitoring**');
  await expectHealthy(page, problems, 'Monitorering');
  await shot(page, 'production-page-monitoring');
});

test('[URS-PRD-014][URS-PRF-011] every Opsætning page shows its content', async ({
  page,
  site,
  problems,
  shot,
}) => {
  await logIn(page, site, 'production', 'prod-admin');
  await page.getByRole('link', { name: 'Opsætning' }).click();
  for (const [path, label] of SETUP_PAGES) {
    await test.step(label, async () => {
      await page.getByRole('link', { name: label, exact: true }).click();
      await page.waitForURL(`**/production/setup/${path}`);
      await expectHealthy(page, problems, `Opsætning: ${label}`);
      await shot(page, `production-page-setup-${path}`);
    });
  }
});

test('[URS-ACC-014] the admin pages are kept from a production admin and shown to the site admin', async ({
  page,
  site,
  problems,
  shot,
}) => {
  await logIn(page, site, 'production', 'prod-admin');
  await expect(page.getByRole('link', { name: 'Admin', exact: true })).toHaveCount(0);
  await page.context().clearCookies();
  await logIn(page, site, 'production', 'site-admin');
  await page.getByRole('link', { name: 'Admin', exact: true }).click();
  await page.waitForURL('**/production/admin/**');
  const pages = page.getByRole('navigation', { name: /admin/i }).getByRole('link');
  const count = await pages.count();
  expect(count).toBeGreaterThanOrEqual(3);
  for (let index = 0; index < count; index += 1) {
    const label = await pages.nth(index).innerText();
    await test.step(label, async () => {
      await pages.nth(index).click();
      await expect(pages.nth(index)).toHaveAttribute('aria-current', 'page');
      await expectHealthy(page, problems, `Admin: ${label}`);
      await shot(
        page,
        `production-page-admin-${new URL(page.url()).pathname.split('/').at(-1) ?? index}`,
      );
    });
  }
});
