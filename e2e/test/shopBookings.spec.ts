/**
 * The shop's injection orders, bookings, release documents and set-up in a real browser
 * against a real api: shop-user orders, changes and deletes an injection order; mass-orders the
 * day's FDG bookings from "Bookinger" (one booking rejected), sees the api's Danish refusal on
 * a card that cannot be delivered, the rooms × hours overview, and the new order on
 * Ordreoversigt; opens a released delivery's certificate; shop-admin changes the set-up.
 */
import type { Page } from '@playwright/test';
import { addDays, danishPublicHolidays, formatDanishDate, weekdayOf } from '@tracershop/core';
import type { TestApi } from '../../apps/api/test/testApi';
import { accessibilityViolations } from './accessibility';
import { expect, logIn, test } from './fixtures';
import { siteToday, workdayAfter } from './site';

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

const today = siteToday();

/** The order overview of RH KF's PET1 on `date`, showing `view` ("Side"). */
async function openDay(page: Page, site: TestApi, date: string, view: string) {
  await page.goto(`${site.server.url}/shop/?date=${date}`);
  await page.getByLabel('Kunde').selectOption({ label: 'RH KF' });
  await page.getByLabel('Destination').selectOption({ label: 'PET1' });
  await chooseView(page, view);
}

async function chooseView(page: Page, label: string) {
  await page.getByLabel('Side').selectOption({ label });
}

test('[URS-ORD-002] shop-user orders, changes and deletes an injection order', async ({
  page,
  site,
  problems,
  shot,
}) => {
  // Past the demo's order days and the weekly injection deadline: nothing is ordered yet.
  const injectionDay = workdayAfter(today, 8);
  await logIn(page, site, 'shop', 'shop-user');
  await openDay(page, site, injectionDay, 'Ordreoversigt');
  await expect(
    page.getByRole('heading', { name: `Ordrer for den ${formatDanishDate(injectionDay)}` }),
  ).toBeVisible();
  const section = page.getByRole('region', { name: 'Injektionsordrer' });
  const blank = section.getByRole('group', { name: 'Ny injektionsordre' });
  const orders = section.locator('[role="group"][aria-label^="Injektionsordre ID: "]');
  await expect(orders).toHaveCount(0);
  await blank.getByLabel('Tracer').selectOption({ label: 'Ga-PSMA' });
  await blank.getByRole('textbox', { name: 'Injektioner' }).fill('2');
  await blank.getByRole('textbox', { name: 'Tid' }).fill('13:45');
  await blank.getByLabel('Brug').selectOption({ label: 'Human' });
  await blank.getByRole('textbox', { name: 'Kommentar' }).fill('E2E');
  await blank.getByRole('button', { name: 'Bestil' }).click();
  await expect(orders).toHaveCount(1);
  const order = orders.first();
  await expect(order.getByRole('textbox', { name: 'Injektioner' })).toHaveValue('2');
  await expect(order.getByRole('textbox', { name: 'Tid' })).toHaveValue('13:45');
  await expect(order.getByRole('img', { name: 'Bestilt' })).toBeVisible();
  await shot(page, '11-injection-ordered');
  expect(await accessibilityViolations(page)).toEqual([]);

  await order.getByRole('textbox', { name: 'Injektioner' }).fill('3');
  await order.getByRole('button', { name: 'Opdater' }).click();
  await expect(order.getByRole('button', { name: 'Slet' })).toBeVisible();
  await expect(order.getByRole('textbox', { name: 'Injektioner' })).toHaveValue('3');

  await order.getByRole('button', { name: 'Slet' }).click();
  await expect(orders).toHaveCount(0);
  expect(problems).toEqual([]);
});

test('shop-user mass-orders the day’s FDG bookings and sees the api’s refusal in Danish', async ({
  page,
  site,
  problems,
  shot,
}) => {
  // One of the demo's four booking days, before the activity deadline.
  const bookingDay = workdayAfter(today, 2);
  await logIn(page, site, 'shop', 'shop-user');
  await openDay(page, site, bookingDay, 'Ordreoversigt');
  await page.getByRole('button', { name: 'FDG', exact: true }).click();
  const slot = page.getByRole('region', { name: 'Levering kl. 09:30' });
  await expect(slot).toBeVisible();
  const before = await slot.getByRole('group').count();

  await test.step('[URS-ORD-013][URS-ORD-018] Bookinger: two ordered, one rejected', async () => {
    await chooseView(page, 'Bookinger');
    await expect(
      page.getByRole('heading', { name: `Bookinger for den ${formatDanishDate(bookingDay)}` }),
    ).toBeVisible();
    const fdg = page.getByRole('region', { name: 'FDG', exact: true });
    await expect(fdg.locator('tbody tr')).toHaveCount(3);
    // Shop users see accession numbers masked by the api.
    for (const accession of await fdg.locator('tbody tr td:first-child').allTextContents()) {
      expect(accession).toMatch(/X/);
    }
    const boxes = fdg.getByRole('checkbox');
    await expect(boxes).toHaveCount(3);
    await boxes.nth(2).uncheck();
    await shot(page, '12-bookings');
    expect(await accessibilityViolations(page)).toEqual([]);
    await fdg.getByRole('button', { name: 'Bestil' }).click();
    await expect(fdg.getByRole('img', { name: 'Bestilt' })).toHaveCount(2);
    await expect(fdg.getByRole('img', { name: 'Afvist' })).toHaveCount(1);
    await expect(fdg.getByRole('checkbox')).toHaveCount(0);
  });

  await test.step('[URS-ORD-014][URS-DAT-006] NaF cannot be delivered in time: the refusal in Danish', async () => {
    // NaF is injected 45 minutes after 09:00, before its 10:00 delivery (or is not delivered).
    const naf = page.getByRole('region', { name: 'NaF', exact: true });
    await naf.getByRole('button', { name: 'Bestil' }).click();
    await expect(naf.getByRole('alert')).toContainText('Bookingerne kunne ikke bestilles');
    await shot(page, '13-mass-ordered');
  });

  await test.step('[URS-ORD-018] Bookingoversigt: rooms × hours', async () => {
    await chooseView(page, 'Bookingoversigt');
    const grid = page.getByRole('table');
    await expect(grid.getByRole('columnheader', { name: 'PET/CT 1' })).toBeVisible();
    await expect(grid.locator('td[title*="PET/CT FDG helkrop · 08:30"]')).toHaveCount(1);
    await shot(page, '14-booking-overview');
    expect(await accessibilityViolations(page)).toEqual([]);
  });

  await test.step('[URS-ORD-013] Ordreoversigt: the new order', async () => {
    await chooseView(page, 'Ordreoversigt');
    await expect(slot.getByRole('group')).toHaveCount(before + 1);
    await shot(page, '15-orders-from-bookings');
  });
  expect(problems).toEqual([]);
});

test('[URS-DOC-001][URS-DOC-003] the shop links the release certificate of a released delivery', async ({
  page,
  site,
  shot,
}) => {
  const day = workdayBefore(today);
  await logIn(page, site, 'shop', 'shop-user');
  await openDay(page, site, day, 'Ordreoversigt');
  await page.getByRole('button', { name: 'FDG', exact: true }).click();
  const slot = page.getByRole('region', { name: 'Levering kl. 08:00' });
  const link = slot.getByRole('link', { name: 'Frigivelsescertifikat' });
  await expect(link).toHaveAttribute(
    'href',
    new RegExp(`^/documents/activity-certificate/\\d+/${day}/\\d+\\.pdf$`),
  );
  const href = await link.getAttribute('href');
  const response = await page.request.get(`${site.server.url}${href ?? ''}`);
  expect([response.status(), response.headers()['content-type']]).toEqual([200, 'application/pdf']);
  await shot(page, '16-released-certificate');
});

test('shop-admin renames a room, maps a study and manages a colleague’s access', async ({
  page,
  site,
  problems,
  shot,
}) => {
  await logIn(page, site, 'shop', 'shop-admin');
  await page.getByRole('link', { name: 'Opsætning' }).click();
  await expect(page.getByRole('heading', { name: 'Opsætning' })).toBeVisible();

  await test.step('[URS-ORD-017] Lokationer: filter, rename and save', async () => {
    await page.getByRole('textbox', { name: /^Filter/ }).fill('petct2');
    const name = page.getByRole('textbox', { name: 'Kaldenavn for RGH-KF-PETCT2' });
    await name.fill('PET/CT 2 (ny)');
    await page.getByRole('button', { name: 'Gem' }).click();
    await expect(page.getByRole('button', { name: 'Gem' })).toHaveCount(0);
    await expect(name).toHaveValue('PET/CT 2 (ny)');
  });

  await test.step('[URS-ORD-017] Procedurer: the bone scan of PET1 gets NaF', async () => {
    await page.getByRole('button', { name: 'Procedurer', exact: true }).click();
    await page.getByLabel('Kunde').selectOption({ label: 'RH KF' });
    await page.getByLabel('Destination').selectOption({ label: 'PET1' });
    const blank = page.getByRole('row', { name: 'Ny procedure' });
    await blank.getByRole('button', { name: 'Opret' }).click();
    await expect(blank.getByLabel('Series Description')).toHaveAccessibleDescription(
      'Du skal vælge en Series description',
    );
    await blank
      .getByLabel('Series Description')
      .selectOption({ label: 'Knoglescintigrafi (ikke PET)' });
    await blank.getByLabel('Tracer for Ny procedure').selectOption({ label: 'NaF' });
    await blank.getByRole('textbox', { name: /^Forsinkelse/ }).fill('15');
    await blank.getByRole('textbox', { name: /^MBq/ }).fill('150');
    await blank.getByRole('button', { name: 'Opret' }).click();
    const created = page.getByRole('row', { name: 'Knoglescintigrafi' });
    await expect(created.getByRole('textbox', { name: /^MBq/ })).toHaveValue('150');
    await shot(page, '17-setup-procedures');
    expect(await accessibilityViolations(page)).toEqual([]);
  });

  await test.step('[URS-ACC-009] Brugere: take shop-user’s access to RH KF away and give it back', async () => {
    await page.getByRole('button', { name: 'Brugere', exact: true }).click();
    await page.getByLabel('Kunde').selectOption({ label: 'RH KF' });
    const revoke = page.getByRole('button', { name: 'Fjern adgang for shop-user' });
    await revoke.click();
    await expect(revoke).toHaveCount(0);
    const colleague = page.getByRole('textbox', { name: 'Brugernavn:' });
    await colleague.fill('findes-ikke');
    await page.getByRole('button', { name: 'Giv adgang' }).click();
    // The refusal stands beside the field, and the typed name stays.
    await expect(colleague).toHaveAccessibleDescription(/findes ikke/);
    await expect(colleague).toHaveValue('findes-ikke');
    await page.getByRole('textbox', { name: 'Brugernavn:' }).fill('shop-user');
    await page.getByRole('button', { name: 'Giv adgang' }).click();
    await expect(revoke).toBeVisible();
    await shot(page, '18-setup-users');
    expect(await accessibilityViolations(page)).toEqual([]);
  });
  expect(problems).toEqual([]);
});
