/**
 * A real site's first day (docs/operations.md, "A new site's first day"), as its people live
 * it: `tracershop serve` on empty SQLite databases with TRACERSHOP_DEMO=0 seeds nothing and
 * says how to make the first site admin; the operator makes one at the console with
 * `tracershop user create` (the password on standard input, the only step outside the app).
 * From then on everything happens in the browser, through the screens alone (no api calls
 * and no database writes from the test): the site admin logs in at /production/ and sets up
 * what an order needs (the isotope F-18 and the tracer FDG, a production run, a customer with
 * a delivery endpoint, FDG in its catalogue and a delivery time), then makes a shop user for
 * the customer and a production user, each with a first password. The shop user logs in at
 * /shop/, is shown only "Skift kodeord" until they have chosen their own password, and orders
 * FDG; the order appears live on the FDG day of the site admin's and the production user's
 * production view. The order page and the production card are screenshot into the test's
 * output folder.
 */
import type { ChildProcess } from 'node:child_process';
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser, Page } from '@playwright/test';
import { formatDanishDate, weekdayOf } from '@tracershop/core';
import { missingTestPeers } from '@tracershop/db/testing';
import { expect, test as scenarioTest, watchProblems } from './fixtures';
import { openShopDay } from './shopDay';
import {
  TIME_ZONE,
  appVersion,
  customerAppDir,
  productionAppDir,
  siteToday,
  workdayAfter,
} from './site';

const repository = fileURLToPath(new URL('../../', import.meta.url));
const tracershopCommand = path.join(repository, 'apps/api/dist/cli.js');

/** How long `tracershop serve` may take to migrate the empty databases and listen. */
const START_TIMEOUT_MS = 60_000;

const HINT = 'tracershop user create --username NAME --role site-admin';

const WEEKDAY_NAMES = ['Mandag', 'Tirsdag', 'Onsdag', 'Torsdag', 'Fredag', 'Lørdag', 'Søndag'];

const SITE_ADMIN = { username: 'anna.berg', name: 'Anna Berg', password: 'første-dag-2026' };
const SHOP_USER = {
  username: 'klinik.nord',
  name: 'Karen Nord',
  firstPassword: 'fra-admin-2026',
  ownPassword: 'karens-eget-2026',
};
const PROD_USER = {
  username: 'per.lab',
  name: 'Per Laborant',
  firstPassword: 'fra-admin-2027',
  ownPassword: 'pers-eget-2027',
};
const CUSTOMER = 'Klinik Nord';
const ENDPOINT = 'PET1';

/** A `tracershop serve` process on its own empty databases. */
interface FreshSite {
  url: string;
  /** What the server printed so far (standard output and error). */
  output(): string;
  /** Runs `tracershop …` against the site's databases with `input` on standard input. */
  tracershop(input: string, ...argv: string[]): Promise<{ code: number; output: string }>;
}

/** Only what a site's environment file sets: the data folder, the apps, no demo. */
function siteEnv(dataDir: string): Record<string, string> {
  return {
    PATH: process.env.PATH ?? '/usr/bin:/bin',
    TRACERSHOP_DATA_DIR: dataDir,
    TRACERSHOP_DEMO: '0',
    TRACERSHOP_TIMEZONE: TIME_ZONE,
    TRACERSHOP_CUSTOMER_APP_DIR: customerAppDir,
    TRACERSHOP_PRODUCTION_APP_DIR: productionAppDir,
    TRACERSHOP_VERSION: appVersion(),
    TRACERSHOP_DRAIN_SECONDS: '0',
    RETENTION_ENABLED: '0',
    LOG_LEVEL: 'warn',
  };
}

/** Waits for `child` to exit, killing it when it does not within `ms`. */
async function exited(child: ChildProcess, ms = 15_000): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) {
    return;
  }
  await new Promise<void>((resolve) => {
    const kill = setTimeout(() => child.kill('SIGKILL'), ms);
    child.once('exit', () => {
      clearTimeout(kill);
      resolve();
    });
  });
}

/** A page of a browser context of its own (own cookies, so its own user). */
async function newUserPage(browser: Browser, problems: string[], who: string): Promise<Page> {
  const context = await browser.newContext();
  const page = await context.newPage();
  watchProblems(page, problems, who);
  return page;
}

/** Fills in the login page of `app` and submits it. */
async function logInWith(page: Page, url: string, app: string, username: string, password: string) {
  await page.goto(`${url}/${app}/login`);
  await page.getByRole('textbox', { name: 'Brugernavn' }).fill(username);
  await page.getByLabel('Kodeord').fill(password);
  await page.getByRole('button', { name: 'Log ind' }).click();
}

/** The first login of an account the site admin made: only "Skift kodeord", then one's own. */
async function chooseOwnPassword(page: Page, given: string, own: string) {
  await expect(page.getByRole('heading', { level: 1, name: 'Skift kodeord' })).toBeVisible();
  await expect(page.getByText('Din administrator har valgt dit nuværende kodeord.')).toBeVisible();
  // Nothing else of the app is offered until the password is the user's own.
  await expect(page.getByRole('heading', { name: /^Ordrer for den / })).toHaveCount(0);
  await page.getByLabel('Kodeord fra administratoren').fill(given);
  await page.getByLabel('Nyt kodeord', { exact: true }).fill(own);
  await page.getByLabel('Gentag nyt kodeord').fill(own);
  await page.getByRole('button', { name: 'Skift kodeord' }).click();
  await expect(page.getByRole('heading', { name: /^Ordrer for den / })).toBeVisible();
}

const test = scenarioTest.extend<{ freshSite: FreshSite }>({
  // eslint-disable-next-line no-empty-pattern -- Playwright reads a fixture's dependencies from it.
  freshSite: async ({}, use, testInfo) => {
    const missing = missingTestPeers(['chromium']);
    testInfo.skip(missing !== undefined, missing);
    for (const built of [
      tracershopCommand,
      `${customerAppDir}/index.html`,
      `${productionAppDir}/index.html`,
    ]) {
      if (!existsSync(built)) {
        throw new Error(`${built} is not built: run \`npx turbo run build\`.`);
      }
    }
    const dataDir = await mkdtemp(path.join(tmpdir(), 'tracershop-fresh-'));
    const env = siteEnv(dataDir);
    const child = spawn(process.execPath, [tracershopCommand, 'serve'], {
      env: { ...env, PORT: '0', HOST: '127.0.0.1' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const printed: string[] = [];
    const output = () => printed.join('');
    try {
      const url = await new Promise<string>((resolve, reject) => {
        const timer = setTimeout(
          () => reject(new Error(`tracershop serve did not start:\n${output()}`)),
          START_TIMEOUT_MS,
        );
        const listen = (chunk: Buffer) => {
          printed.push(chunk.toString());
          // What it says at the start ends with an empty line (after the hint).
          const found = /Tracershop is running at (http:\/\/\S+?)\/(\n[^\n]+)*\n\n/.exec(output());
          if (found?.[1] !== undefined) {
            clearTimeout(timer);
            resolve(found[1]);
          }
        };
        child.stdout.on('data', listen);
        child.stderr.on('data', (chunk: Buffer) => printed.push(chunk.toString()));
        child.once('exit', (code) => {
          clearTimeout(timer);
          reject(new Error(`tracershop serve stopped (exit ${code}):\n${output()}`));
        });
      });
      await use({
        url,
        output,
        tracershop: (input, ...argv) =>
          new Promise((resolve, reject) => {
            const command = spawn(process.execPath, [tracershopCommand, ...argv], {
              env,
              stdio: ['pipe', 'pipe', 'pipe'],
            });
            const said: string[] = [];
            command.stdout.on('data', (chunk: Buffer) => said.push(chunk.toString()));
            command.stderr.on('data', (chunk: Buffer) => said.push(chunk.toString()));
            command.on('error', reject);
            command.on('close', (code) => resolve({ code: code ?? -1, output: said.join('') }));
            command.stdin.end(input);
          }),
      });
    } finally {
      child.kill('SIGTERM');
      await exited(child);
      if (testInfo.status !== testInfo.expectedStatus) {
        await testInfo.attach('tracershop serve', { body: output(), contentType: 'text/plain' });
      }
      await rm(dataDir, { recursive: true, force: true });
    }
  },
});

test('[URS-ACC-016][URS-ACC-017] a fresh site gets its first admin, accounts, tracers, customers and an order through the UI alone', async ({
  freshSite,
  browser,
  problems,
}, testInfo) => {
  // Ordered a few working days ahead: whatever deadline a site sets later, this day is open.
  const day = workdayAfter(siteToday(), 3);
  const weekday = WEEKDAY_NAMES[weekdayOf(day)] ?? '';
  const admin = await newUserPage(browser, problems, 'site admin');
  const dialog = admin.getByRole('dialog');
  /** The production card of the customer's 08:00 delivery on the open day. */
  const cardOn = (page: Page) =>
    page.getByRole('region', { name: `${CUSTOMER} - ${ENDPOINT} kl. 08:00` });

  await test.step('the server started without the demo says how to create the first site admin', () => {
    const output = freshSite.output();
    expect(output).toContain(
      'No demo site (TRACERSHOP_DEMO=0), and no active site administrator yet.',
    );
    expect(output).toContain(HINT);
    expect(output).toContain(`${freshSite.url}/production/`);
    expect(output).not.toContain('Demo accounts');
  });

  await test.step('the first site admin is made at the console, the password on standard input', async () => {
    const { code, output } = await freshSite.tracershop(
      `${SITE_ADMIN.password}\n`,
      ...['user', 'create', '--username', SITE_ADMIN.username, '--role', 'site-admin'],
      ...['--name', SITE_ADMIN.name],
    );
    expect(code, output).toBe(0);
    expect(output).toMatch(/Created user \d+ "anna\.berg" \(Anna Berg\): site-admin/);
  });

  await test.step('the site admin logs in at /production/', async () => {
    await admin.goto(`${freshSite.url}/production/`);
    await admin.waitForURL('**/production/login');
    await logInWith(admin, freshSite.url, 'production', SITE_ADMIN.username, SITE_ADMIN.password);
    await expect(admin.getByText(SITE_ADMIN.name)).toBeVisible();
    await expect(admin.getByRole('link', { name: 'Opsætning' })).toBeVisible();
  });

  await test.step('Opsætning → Isotoper: creates F-18', async () => {
    await admin.getByRole('link', { name: 'Opsætning' }).click();
    await admin.getByRole('link', { name: 'Isotoper', exact: true }).click();
    await admin.waitForURL('**/production/setup/isotopes');
    await admin.getByLabel('Atom for ny isotop').fill('F');
    await admin.getByLabel('Atomnummer for ny isotop').fill('9');
    await admin.getByLabel('Atommasse for ny isotop').fill('18');
    await admin.getByLabel('Halveringstid for ny isotop').fill('6586,2');
    await admin.getByRole('button', { name: 'Opret isotop' }).click();
    await expect(admin.getByLabel('Atom for F-18')).toHaveValue('F');
    await expect(admin.getByLabel('Atom for ny isotop')).toHaveValue('');
  });

  await test.step('Opsætning → Tracere: creates FDG, an activity tracer of F-18', async () => {
    await admin.getByRole('link', { name: 'Tracere', exact: true }).click();
    await admin.waitForURL('**/production/setup/tracers');
    await admin.getByLabel('Tracer for ny tracer').fill('FDG');
    await admin.getByLabel('Klinisk navn for ny tracer').fill('[18F]Fluorodeoxyglucose');
    await admin.getByLabel('Hætteglas-tag for ny tracer').fill('FDG');
    await admin.getByLabel('Isotop for ny tracer').selectOption({ label: 'F-18' });
    await admin.getByLabel('Tracertype for ny tracer').selectOption({ label: 'Aktivitet' });
    await admin.getByRole('button', { name: 'Opret tracer' }).click();
    await expect(admin.getByLabel('Klinisk navn for FDG')).toHaveValue('[18F]Fluorodeoxyglucose');
  });

  await test.step(`Opsætning → Produktioner: an FDG run at 06:30 (${weekday})`, async () => {
    await admin.getByRole('link', { name: 'Produktioner', exact: true }).click();
    await admin.waitForURL('**/production/setup/productions');
    const form = admin.getByRole('form', { name: 'Produktioner' });
    await form.getByLabel('Produkt', { exact: true }).selectOption({ label: 'FDG' });
    await form.getByLabel('Ugedag').selectOption({ label: weekday });
    await form.getByLabel('Produktionstidspunkt').fill('06:30');
    await form.getByRole('button', { name: 'Gem produktion' }).click();
    await expect(admin.getByRole('status')).toHaveText('Produktionen er oprettet.');
    await expect(admin.getByRole('button', { name: `${weekday} 06:30` })).toBeVisible();
  });

  await test.step('Opsætning → Levering og kunder: creates the customer and its endpoint', async () => {
    await admin.getByRole('link', { name: 'Levering og kunder', exact: true }).click();
    await admin.waitForURL('**/production/setup/customers');
    await admin.getByLabel('Filtrér på kunde').fill(CUSTOMER);
    await admin.getByRole('button', { name: `Opret kunden ${CUSTOMER}` }).click();
    await expect(dialog).toBeVisible();
    await expect(dialog).toHaveAccessibleName(`Kundekonfiguration - ${CUSTOMER}`);
    const customer = dialog.getByRole('form', { name: 'Kunde' });
    await customer.getByLabel('Kundenavn').fill('Nuklearmedicinsk Klinik Nord');
    await customer.getByRole('button', { name: 'Gem kunde' }).click();
    await expect(customer.getByRole('status')).toHaveText('Gemt.');
    // "+" made an endpoint of the customer's name; it is named for the scanner it serves.
    const endpoint = dialog.getByRole('form', { name: 'Leveringssted' });
    await endpoint.getByLabel('Leveringsstedets navn').fill(ENDPOINT);
    await endpoint.getByLabel('Leveringsadresse').fill('Nordvej 1');
    await endpoint.getByRole('button', { name: 'Gem leveringssted' }).click();
    await expect(endpoint.getByRole('status')).toHaveText('Gemt.');
    await expect(dialog.getByLabel('Leveringssteder')).toHaveValue(/^\d+$/);
    await expect(dialog.getByLabel('Leveringssteder').locator('option:checked')).toHaveText(
      ENDPOINT,
    );
  });

  await test.step('puts FDG in the endpoint’s catalogue (its overhead) and adds an 08:00 delivery', async () => {
    const slots = dialog.getByRole('region', { name: 'Leveringstidspunkt' });
    await slots.getByLabel('Aktivitetstracer').selectOption({ label: 'FDG' });
    // Saving the overhead is what puts FDG in the endpoint's catalogue: without it the shop
    // offers no tracer for PET1 at all, though production already shows the delivery.
    await slots.getByLabel('Overhead [%]').fill('20');
    await slots.getByRole('button', { name: 'Gem overhead' }).click();
    await expect(slots.getByText('Gemt.')).toBeVisible();
    const delivery = slots.getByRole('form', { name: 'Leveringstidspunkt' });
    await delivery.getByLabel('Leveringstid').fill('08:00');
    await delivery.getByLabel('Ugentlig gentagelse').selectOption({ label: 'Alle uger' });
    await delivery
      .getByLabel('Levering fra produktion')
      .selectOption({ label: `${weekday} - 06:30` });
    await delivery.getByRole('button', { name: 'Gem leveringstid' }).click();
    await expect(delivery.getByRole('status')).toHaveText('Leveringstiden er oprettet.');
    await expect(
      dialog
        .getByRole('table', { name: `Leveringer til ${ENDPOINT} af FDG` })
        .getByRole('button', { name: `${weekday} 08:00 Alle uger` }),
    ).toBeVisible();
    await dialog.getByRole('button', { name: 'Luk' }).click();
    await expect(dialog).toHaveCount(0);
    await expect(admin.getByRole('cell', { name: CUSTOMER, exact: true })).toBeVisible();
  });

  await test.step('Admin → Brugere: a shop user for the customer and a production user', async () => {
    await admin.getByRole('link', { name: 'Admin', exact: true }).click();
    await admin.getByRole('link', { name: 'Brugere', exact: true }).click();
    const form = admin.getByRole('form', { name: 'Ny bruger' });
    await expect(form.getByText('skal straks vælge sit eget')).toBeVisible();

    await form.getByLabel('Brugernavn').fill(SHOP_USER.username);
    await form.getByLabel('Navn', { exact: true }).fill(SHOP_USER.name);
    await form.getByLabel('Rolle').selectOption({ label: 'Shopbruger' });
    await form
      .getByRole('group', { name: 'Kunder' })
      .getByRole('checkbox', { name: CUSTOMER })
      .check();
    await form.getByLabel('Første kodeord').fill(SHOP_USER.firstPassword);
    await form.getByRole('button', { name: 'Opret bruger' }).click();
    await expect(admin.getByRole('status').filter({ hasText: 'er oprettet' })).toContainText(
      `${SHOP_USER.username} er oprettet. Ved første login skal ${SHOP_USER.username} vælge sit eget kodeord.`,
    );
    const users = admin.getByRole('table', { name: 'Brugere' });
    await expect(users.getByRole('row', { name: SHOP_USER.username })).toContainText(
      'skal skifte kodeord',
    );
    await expect(users.getByLabel(`Rolle for ${SHOP_USER.username}`)).toHaveValue('5');

    await form.getByLabel('Brugernavn').fill(PROD_USER.username);
    await form.getByLabel('Navn', { exact: true }).fill(PROD_USER.name);
    await form.getByLabel('Rolle').selectOption({ label: 'Produktionsbruger' });
    await expect(form.getByText('Rollen ser alle kunder.')).toBeVisible();
    await form.getByLabel('Første kodeord').fill(PROD_USER.firstPassword);
    await form.getByRole('button', { name: 'Opret bruger' }).click();
    await expect(admin.getByRole('status').filter({ hasText: 'er oprettet' })).toContainText(
      `${PROD_USER.username} er oprettet. Ved første login skal ${PROD_USER.username} vælge sit eget kodeord.`,
    );
    await expect(users.getByRole('row', { name: PROD_USER.username })).toContainText(
      'skal skifte kodeord',
    );
  });

  await test.step(`the site admin opens the FDG day ${day} in production`, async () => {
    await admin.goto(`${freshSite.url}/production/?date=${day}`);
    await admin.getByRole('button', { name: 'FDG', exact: true }).click();
    await expect(
      admin.getByRole('heading', { name: `Ordrer for den ${formatDanishDate(day)}` }),
    ).toBeVisible();
    await expect(cardOn(admin).getByText('Ingen ordrer')).toBeVisible();
  });

  const production = await newUserPage(browser, problems, 'production user');
  await test.step('the production user logs in, chooses their own password and opens the day', async () => {
    await logInWith(
      production,
      freshSite.url,
      'production',
      PROD_USER.username,
      PROD_USER.firstPassword,
    );
    await chooseOwnPassword(production, PROD_USER.firstPassword, PROD_USER.ownPassword);
    await production.goto(`${freshSite.url}/production/?date=${day}`);
    await production.getByRole('button', { name: 'FDG', exact: true }).click();
    await expect(cardOn(production).getByText('Ingen ordrer')).toBeVisible();
  });

  const shop = await newUserPage(browser, problems, 'shop user');
  await test.step('the shop user logs in and is shown only "Skift kodeord" until they choose their own', async () => {
    await logInWith(shop, freshSite.url, 'shop', SHOP_USER.username, SHOP_USER.firstPassword);
    await expect(shop.getByRole('heading', { level: 1, name: 'Skift kodeord' })).toBeVisible();
    // No pages to go to until the password is their own, and every address shows the form.
    await expect(shop.getByRole('banner').getByRole('link', { name: 'Ordrer' })).toHaveCount(0);
    await shop.goto(`${freshSite.url}/shop/setup`);
    await expect(shop.getByRole('heading', { level: 1, name: 'Skift kodeord' })).toBeVisible();
    await chooseOwnPassword(shop, SHOP_USER.firstPassword, SHOP_USER.ownPassword);
    await expect(shop.getByText(SHOP_USER.name)).toBeVisible();
  });

  const slot = shop.getByRole('region', { name: 'Levering kl. 08:00' });
  await test.step(`the shop user orders 300 MBq FDG for 08:00 on ${day}`, async () => {
    await openShopDay(shop, day, { customer: CUSTOMER, destination: ENDPOINT, product: 'FDG' });
    await expect(
      shop.getByRole('heading', { name: `Ordrer for den ${formatDanishDate(day)}` }),
    ).toBeVisible();
    await expect(slot.getByText('Der er ikke bestilt sporstof')).toBeVisible();
    const newOrder = slot.getByRole('group', { name: 'Ny ordre' });
    await newOrder.getByRole('textbox', { name: 'Aktivitet' }).fill('300');
    await newOrder.getByRole('button', { name: 'Bestil' }).click();
    await expect(slot.getByText('Bestilt: 300 MBq')).toBeVisible();
    await expect(shop.locator(`[data-date="${day}"]`)).toHaveAttribute('data-fill', 'ordered');
    await shop.screenshot({ path: testInfo.outputPath('shop-order-page.png'), fullPage: true });
  });

  await test.step('the order appears live on the FDG day in production', async () => {
    // Both pages were open before the order: it arrives without a reload.
    for (const page of [admin, production]) {
      const card = cardOn(page);
      await expect(card.getByText('Bestilt: 300 MBq')).toBeVisible();
      // The endpoint's 20 % overhead on top.
      await expect(card.getByText('Til udlevering: 360 MBq')).toBeVisible();
    }
    await cardOn(admin).screenshot({ path: testInfo.outputPath('production-card.png') });
    await admin.screenshot({ path: testInfo.outputPath('production-fdg-day.png'), fullPage: true });
  });

  expect(problems).toEqual([]);
});
