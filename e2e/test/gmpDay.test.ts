/**
 * A whole GMP day in real browsers against one real api (seeded SQLite, the dispenser vial
 * watcher on a temporary folder): shop-user orders in the shop; prod-user sees the order
 * appear live on "Ordre" and accepts it; a VAL file dropped into the watch folder appears live
 * in the open order modal; a release with a wrong password is refused ("Forkert login") and
 * changes nothing; the release with the right password turns the shop's card green live; the
 * shop downloads the release certificate, which names the lot and the releaser; production
 * corrects the release ("Ret ordre"); and the site admin finds every step in the audit trail
 * and has the hash chain verified. Each step leaves a screenshot `artifacts/gmp-NN-*.png` (they
 * illustrate the user guides).
 */
import { randomUUID } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  decayedActivity,
  formatActivity,
  instantTextOfLocalDateTime,
  lotDateCode,
  OrderStatus,
} from '@tracershop/core';
import { PDFParse } from 'pdf-parse';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestApi } from '../../apps/api/test/testApi';
import { startTestApi } from '../../apps/api/test/testApi';
import { accessibilityViolations } from './accessibility';
import type { MultiUserBrowser } from './browser';
import { CHROMIUM_PATH, chromiumAvailable, launchMultiUserBrowser } from './browser';
import { openShopDay } from './shopDay';
import { appVersion, customerAppDir, siteToday, workdayAfter } from './site';

const artifacts = fileURLToPath(new URL('../artifacts/', import.meta.url));
const productionAppDir = fileURLToPath(new URL('../../apps/production/dist', import.meta.url));

/** The environment of the api's background services (`env` of startTestApi). */
const WATCHER_ENV = {
  VIAL_WATCH_DIR: '',
  VIAL_WATCH_STABLE_MS: '100',
  // Only the vial watcher: no retention sweep writing to the audit trail meanwhile.
  RETENTION_ENABLED: '0',
  HL7_ENABLED: '0',
  WORKLIST_ENABLED: '0',
};

/**
 * The vial the dispenser reports: 430 MBq at 07:45 is 391 MBq at the 08:00 delivery, a little
 * above the 375 MBq the 300 MBq order needs with PET1's 25 % FDG overhead.
 */
const VIAL_ACTIVITY = 430;

/** Web-first waits of values the page shows after a live event or a server round trip. */
const POLL = { timeout: 15_000 };

if (!chromiumAvailable) {
  console.warn(
    `Browser tests skipped: no Chromium at ${CHROMIUM_PATH} (apt-get install chromium; CI installs it).`,
  );
}

async function pdfText(body: Buffer): Promise<string> {
  const parser = new PDFParse({ data: new Uint8Array(body) });
  try {
    const { text } = await parser.getText();
    return text.replace(/\s+/g, ' ');
  } finally {
    await parser.destroy();
  }
}

/** A user's page in its own browser context, failing the test on page errors. */
async function userPage(context: BrowserContext, problems: string[], who: string): Promise<Page> {
  const page = await context.newPage();
  page.on('pageerror', (error) => problems.push(`${who} pageerror: ${error.message}`));
  page.on('console', (message) => {
    // Refused calls (the wrong password's 401) are answers the page shows, not faults.
    if (message.type() === 'error' && !message.text().startsWith('Failed to load resource')) {
      problems.push(`${who} console: ${message.text()}`);
    }
  });
  return page;
}

async function logIn(page: Page, url: string, username: string): Promise<void> {
  await page.goto(url);
  await page.waitForURL('**/login');
  await page.getByRole('textbox', { name: 'Brugernavn' }).fill(username);
  await page.getByLabel('Kodeord').fill('tracershop');
  await page.getByRole('button', { name: 'Log ind' }).click();
}

describe.skipIf(!chromiumAvailable)('a GMP day in Chromium', () => {
  let api: TestApi;
  let browser: MultiUserBrowser;
  let shop: Page;
  let production: Page;
  let admin: Page;
  let watchDir: string;
  let orderId = 0;
  const problems: string[] = [];
  // Past the demo's seeded order days, so the slot carries only the order made here.
  const day = workdayAfter(siteToday(), 8);
  const lot = `FDG-${lotDateCode(day)}-1`;

  const shot = (page: Page, name: string) =>
    page.screenshot({ path: `${artifacts}${name}.png`, fullPage: true });
  const shopSlot = () => shop.getByRole('region', { name: 'Levering kl. 08:00' });
  const shopOrderRow = () => shopSlot().locator('[role="group"][aria-label^="ID: "]').first();
  const productionCard = () => production.getByRole('region', { name: 'RH KF - PET1 kl. 08:00' });
  const modal = () => production.getByRole('dialog');
  const orderStatus = async () =>
    (await api.db.models.ActivityOrder.findByPk(orderId))?.status ?? null;

  beforeAll(async () => {
    for (const dir of [customerAppDir, productionAppDir]) {
      if (!existsSync(`${dir}/index.html`)) {
        throw new Error(`${dir} is not built: run \`npm run build\`.`);
      }
    }
    mkdirSync(artifacts, { recursive: true });
    watchDir = mkdtempSync(path.join(tmpdir(), 'tracershop-vials-'));
    api = await startTestApi({
      dialect: 'sqlite',
      now: new Date().toISOString(),
      backgroundServices: true,
      env: { ...process.env, ...WATCHER_ENV, VIAL_WATCH_DIR: watchDir },
      config: {
        version: appVersion(),
        customerAppDir,
        productionAppDir,
        // The clock moves to the delivery morning (days ahead) before the release.
        sessionIdleMinutes: 60 * 24 * 30,
        sessionAbsoluteHours: 24 * 30,
      },
    });
    browser = await launchMultiUserBrowser();
    shop = await userPage(await browser.newContext(), problems, 'shop');
    production = await userPage(await browser.newContext(), problems, 'production');
    admin = await userPage(await browser.newContext(), problems, 'admin');
  });

  afterAll(async () => {
    await browser?.close();
    await api?.close();
    if (watchDir !== undefined) {
      rmSync(watchDir, { recursive: true, force: true });
    }
  });

  it('opens the day in the shop (shop-user) and in production (prod-user)', async () => {
    await logIn(shop, `${api.server.url}/shop/`, 'shop-user');
    await shop.getByRole('heading', { name: /^Ordrer for den / }).waitFor();
    await openShopDay(shop, day);
    await shopSlot().getByText('Der er ikke bestilt sporstof').waitFor();

    await logIn(production, `${api.server.url}/production/`, 'prod-user');
    await production.getByRole('heading', { name: /^Ordrer for den / }).waitFor();
    await production.goto(`${api.server.url}/production/?date=${day}`);
    await production.getByRole('button', { name: 'FDG', exact: true }).click();
    await productionCard().waitFor();
    expect(await productionCard().getByRole('img', { name: 'Bestilt' }).count()).toBe(0);
  });

  it('shop-user orders 300 MBq and production sees it appear live', async () => {
    const newOrder = shopSlot().getByRole('group', { name: 'Ny ordre' });
    await newOrder.getByRole('textbox', { name: 'Aktivitet' }).fill('300');
    await newOrder.getByRole('textbox', { name: 'Kommentar' }).fill('GMP-dag');
    await newOrder.getByRole('button', { name: 'Bestil' }).click();
    await shopSlot().getByText('Bestilt: 300 MBq').waitFor();
    orderId = Number((await shopOrderRow().getAttribute('aria-label'))?.replace('ID: ', ''));
    expect(orderId).toBeGreaterThan(0);
    await shot(shop, 'gmp-01-shop-order');

    await productionCard().getByRole('img', { name: 'Bestilt' }).waitFor();
    expect(await productionCard().getByText('Bestilt: 300 MBq').isVisible()).toBe(true);
    await shot(production, 'gmp-02-production-order-live');
  });

  it('prod-user accepts, and the shop sees the order accepted', async () => {
    await productionCard().getByRole('button', { name: 'Accepter' }).click();
    await productionCard().getByRole('img', { name: 'Accepteret' }).waitFor();
    await shopOrderRow().getByRole('img', { name: 'Accepteret' }).waitFor();
    await shot(production, 'gmp-03-accepted');
  });

  it('shows a vial from a VAL file dropped into the watch folder in the open modal', async () => {
    await productionCard().getByRole('button', { name: 'Åbn ordre kl. 08:00' }).click();
    await modal().waitFor();
    const useVial = modal().getByRole('checkbox', { name: new RegExp(`hætteglas ${lot}$`) });
    expect(await useVial.count()).toBe(0);
    // The dispenser fills at 07:45 on the delivery day; the api's clock moves to 07:50 that
    // morning, so the release is after the filling and not too long before the delivery.
    api.clock.set(instantTextOfLocalDateTime(`${day} 07:50:00`));
    const [year, month, date] = day.split('-');
    const val = [
      'customer:   1-RH KF',
      `charge:     ${lot}`,
      `filldate:   ${date}.${month}.${year?.slice(2)}`,
      'filltime:   07:45:00',
      `activity:   ${VIAL_ACTIVITY} MBq;`,
      'volume:     9.50 ml',
      'product:    18F',
    ].join('\r\n');
    writeFileSync(path.join(watchDir, `VAL_${lot}.txt`), val, 'latin1');
    await useVial.waitFor();
    await shot(production, 'gmp-04-vial-from-dispenser');
    expect(await accessibilityViolations(production)).toEqual([]);
    await useVial.check();
    await expect.poll(() => useVial.isChecked(), POLL).toBe(true);
  });

  it('refuses a release with a wrong password ("Forkert login") and changes nothing', async () => {
    await modal().getByRole('button', { name: 'Frigiv' }).click();
    // The signature step shows what is signed and who signs; the signer cannot be typed over.
    const signing = modal().getByRole('region', { name: 'Det, du underskriver' });
    await signing.getByText(lot).waitFor();
    const signer = modal().getByRole('textbox', { name: 'Brugernavn' });
    expect(await signer.inputValue()).toBe('prod-user');
    expect(await signer.isEditable()).toBe(false);
    await modal().getByLabel('Kodeord').fill('forkert');
    await modal().getByRole('button', { name: 'Frigiv' }).click();
    await modal()
      .getByText(/Forkert login/)
      .waitFor();
    expect(await orderStatus()).toBe(OrderStatus.Accepted);
    expect(await shopOrderRow().getByRole('img', { name: 'Accepteret' }).isVisible()).toBe(true);
    await shot(production, 'gmp-05-wrong-password');
  });

  it('releases with the right password, and the shop’s card turns green live', async () => {
    await modal().getByLabel('Kodeord').fill('tracershop');
    await modal().getByRole('button', { name: 'Frigiv' }).click();
    // The page behind the open modal is inert: the modal's own order line shows the status.
    await modal().getByRole('img', { name: 'Frigivet' }).first().waitFor();
    await expect.poll(orderStatus, POLL).toBe(OrderStatus.Released);
    await shot(production, 'gmp-06-released');

    const released = shopSlot().getByRole('img', { name: 'Frigivet' }).first();
    await released.waitFor();
    expect(await released.locator('rect').first().getAttribute('fill')).toBe('#33cc33');
    await shot(shop, 'gmp-07-shop-released-live');
    expect(await accessibilityViolations(shop)).toEqual([]);
  });

  it('lets the shop download the certificate naming the lot and the releaser', async () => {
    const link = shopSlot().getByRole('link', { name: 'Frigivelsescertifikat' });
    await link.waitFor();
    const href = await link.getAttribute('href');
    expect(href).toMatch(new RegExp(`^/documents/activity-certificate/\\d+/${day}/\\d+\\.pdf$`));
    // The shop's own session: the context's request shares the page's cookies.
    const response = await shop.context().request.get(`${api.server.url}${href ?? ''}`);
    expect(response.status()).toBe(200);
    expect(response.headers()['content-type']).toBe('application/pdf');
    const text = await pdfText(await response.body());
    expect(text).toContain(lot);
    expect(text).toContain('Demo Production User');
    await shot(shop, 'gmp-08-certificate-link');

    // One delivered figure on every surface: the vial decay-corrected to the 08:00 delivery.
    const isotope = await api.db.models.Isotope.findOne({ where: { atomicLetter: 'F' } });
    const delivered = formatActivity(
      decayedActivity(VIAL_ACTIVITY, isotope?.halflifeSeconds ?? 0, 15 * 60),
    );
    const flat = delivered.replace(/\u00a0/g, ' ');
    expect(text).toContain(`i alt leveret kl. 08:00: ${flat}`);
    expect(await shopSlot().getByText(`Udleveret kl. 08:00: ${delivered}`).isVisible()).toBe(true);
    expect(await modal().getByText(delivered).isVisible()).toBe(true);
    await modal().getByRole('button', { name: 'Luk' }).click();
    expect(await productionCard().getByText(`Udleveret: ${delivered}`).isVisible()).toBe(true);
  });

  it('keeps the released delivery green beside a later order, in the shop and in production', async () => {
    // Production takes a phone order after the release: a separate, later order of the slot.
    const released = await api.db.models.ActivityOrder.findByPk(orderId);
    const prodAdmin = await api.loginAs('prod-admin');
    const later = await prodAdmin.trpc.orders.activity.createForCustomer.mutate({
      orderedTimeSlotId: released?.orderedTimeSlotId ?? 0,
      deliveryDate: day,
      orderedActivity: 200,
      clientKey: randomUUID(),
    });
    const shopReleased = shop.getByRole('region', {
      name: 'Levering kl. 08:00 – frigivelse 1',
      exact: true,
    });
    const shopLater = shop.getByRole('region', {
      name: 'Levering kl. 08:00 – efterbestilling',
      exact: true,
    });
    await shopLater.getByText('Bestilt: 200 MBq').waitFor();
    expect(await shopReleased.getByRole('img', { name: 'Frigivet' }).first().isVisible()).toBe(
      true,
    );
    expect(await shopReleased.getByRole('link', { name: 'Frigivelsescertifikat' }).count()).toBe(1);
    expect(await shopLater.getByRole('link').count()).toBe(0);
    await shot(shop, 'gmp-08b-shop-later-order');

    const productionLater = production.getByRole('region', {
      name: 'RH KF - PET1 kl. 08:00 – efterbestilling',
      exact: true,
    });
    await productionLater.getByRole('img', { name: 'Accepteret' }).first().waitFor();
    expect(
      await production
        .getByRole('region', { name: 'RH KF - PET1 kl. 08:00 – frigivelse 1', exact: true })
        .getByRole('img', { name: 'Frigivet' })
        .first()
        .isVisible(),
    ).toBe(true);
    await shot(production, 'gmp-08c-production-later-order');
    // The later order is not part of this test's correction: production rejects it again.
    await prodAdmin.trpc.orders.activity.reject.mutate({ orderIds: [later.id] });
  });

  it('corrects the release with a signature ("Ret ordre")', async () => {
    await production
      .getByRole('region', { name: 'RH KF - PET1 kl. 08:00 – frigivelse 1', exact: true })
      .getByRole('button', { name: 'Åbn ordre kl. 08:00' })
      .click();
    await modal().getByRole('button', { name: 'Ret ordre' }).click();
    await modal().getByLabel('Kodeord').fill('tracershop');
    await shot(production, 'gmp-09-correction-signature');
    expect(await accessibilityViolations(production)).toEqual([]);
    await modal().getByRole('button', { name: 'Ret ordre' }).click();
    await modal().getByRole('img', { name: 'Accepteret' }).first().waitFor();
    await expect.poll(orderStatus, POLL).toBe(OrderStatus.Accepted);
    await modal().getByRole('button', { name: 'Luk' }).click();
    await productionCard().getByRole('img', { name: 'Accepteret' }).waitFor();
    await shopOrderRow().getByRole('img', { name: 'Accepteret' }).waitFor();
    await shot(production, 'gmp-10-corrected');
  });

  it('lets the site admin switch from the shop to production', async () => {
    await logIn(admin, `${api.server.url}/shop/`, 'site-admin');
    await admin.getByRole('link', { name: 'Produktion' }).click();
    await admin.waitForURL('**/production/**');
    await admin.getByRole('link', { name: 'Admin' }).click();
    await admin.getByRole('heading', { name: 'Revisionsspor' }).waitFor();
  });

  it('shows every step of the day in the audit trail', async () => {
    const trail = admin.getByRole('table', { name: 'Revisionsspor' });
    await trail.waitFor();
    const actions = async () =>
      trail
        .locator('tbody tr')
        .evaluateAll((rows) => rows.map((row) => row.querySelectorAll('td')[2]?.textContent ?? ''));
    await expect
      .poll(actions, POLL)
      .toEqual(
        expect.arrayContaining([
          'activityOrder.create',
          'activityOrder.accept',
          'vial.import',
          'activityOrder.release',
          'activityOrder.correct',
        ]),
      );
    await shot(admin, 'gmp-11-audit-trail');
    expect(await accessibilityViolations(admin)).toEqual([]);

    // The order's own history, filtered: created, accepted, released, corrected.
    const filters = admin.getByRole('form', { name: 'Filtre' });
    await filters.getByLabel('Entitet').fill('ActivityOrder');
    await filters.getByLabel('Id').fill(String(orderId));
    await filters.getByRole('button', { name: 'Søg' }).click();
    const entities = async () =>
      trail
        .locator('tbody tr')
        .evaluateAll((rows) => rows.map((row) => row.querySelectorAll('td')[3]?.textContent ?? ''));
    await expect
      .poll(async () => new Set(await entities()), POLL)
      .toEqual(new Set([`ActivityOrder ${orderId}`]));
    expect(await actions()).toEqual([
      'activityOrder.correct',
      'activityOrder.release',
      'activityOrder.release.signatureRefused',
      'activityOrder.accept',
      'activityOrder.create',
    ]);
    const release = trail.locator('tbody tr', { hasText: 'activityOrder.release' }).first();
    expect(await release.locator('ins').allTextContents()).toContain('Demo Production User');
    await shot(admin, 'gmp-12-audit-trail-order');
  });

  it('verifies the audit chain as intact', async () => {
    await admin.getByRole('button', { name: 'Verificer kæden' }).click();
    await expect
      .poll(() => admin.getByRole('status').filter({ hasText: 'Kæden' }).textContent(), POLL)
      .toMatch(/^Hint: Kæden er intakt: \d+ hændelser kontrolleret\.$/);
    await shot(admin, 'gmp-13-chain-verified');
  });

  it('shows the day’s logins, the telemetry and the users to the site admin', async () => {
    const pages = admin.getByRole('navigation', { name: 'Admin-sider' });
    await pages.getByRole('link', { name: 'Login-hændelser' }).click();
    const logins = admin.getByRole('table', { name: 'Login-hændelser' });
    for (const username of ['shop-user', 'prod-user', 'site-admin']) {
      await logins.getByRole('row').filter({ hasText: username }).first().waitFor();
    }
    await shot(admin, 'gmp-14-login-events');

    await api.server.services.telemetry.flush();
    await pages.getByRole('link', { name: 'Telemetri' }).click();
    const telemetry = admin.getByRole('table', { name: 'Telemetri' });
    await telemetry.getByRole('cell', { name: 'release.activity', exact: true }).waitFor();
    await shot(admin, 'gmp-15-telemetry');

    await pages.getByRole('link', { name: 'Brugere' }).click();
    await admin.getByRole('combobox', { name: 'Rolle for prod-user' }).waitFor();
    expect(await admin.getByRole('combobox', { name: 'Rolle for site-admin' }).isDisabled()).toBe(
      true,
    );
    await shot(admin, 'gmp-16-users');
    expect(problems).toEqual([]);
  });
});
