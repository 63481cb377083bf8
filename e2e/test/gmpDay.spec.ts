/**
 * A whole GMP day in real browsers against one real api (seeded SQLite, the dispenser vial
 * watcher on a temporary folder): shop-user orders in the shop; prod-user sees the order
 * appear live on "Ordre" and accepts it; a VAL file dropped into the watch folder appears live
 * in the open order modal; a release with a wrong password is refused ("Forkert login") and
 * changes nothing; the release with the right password turns the shop's card green live; the
 * shop downloads the release certificate, which names the lot and the releaser; production
 * corrects the release ("Ret ordre"); and the site admin finds every step in the audit trail,
 * in words, filters it by the lot as an inspector asks, downloads it as PDF (the export is in
 * the trail with its hash) and has the hash chain verified. Each step leaves a screenshot `artifacts/gmp-NN-*.png` (they
 * illustrate the user guides).
 */
import { createHash, randomUUID } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import {
  decayedActivity,
  formatActivity,
  formatDanishDate,
  instantTextOfLocalDateTime,
  lotDateCode,
  OrderStatus,
} from '@tracershop/core';
import { pdfText } from '../../apps/api/test/documentReaders';
import { accessibilityViolations } from './accessibility';
import { expect, test } from './fixtures';
import { openShopDay } from './shopDay';
import { siteToday, workdayAfter } from './site';

/** The folder the api's vial watcher reads, as the dispenser's share would be. */
const watchDir = mkdtempSync(path.join(tmpdir(), 'tracershop-vials-'));

test.use({
  siteOptions: {
    backgroundServices: true,
    env: {
      ...process.env,
      VIAL_WATCH_DIR: watchDir,
      VIAL_WATCH_STABLE_MS: '100',
      // Only the vial watcher: no retention sweep writing to the audit trail meanwhile.
      RETENTION_ENABLED: '0',
      HL7_ENABLED: '0',
      WORKLIST_ENABLED: '0',
    },
  },
});

test.afterAll(() => rmSync(watchDir, { recursive: true, force: true }));

/**
 * The vial the dispenser reports: 430 MBq at 07:45 is 391 MBq at the 08:00 delivery, a little
 * above the 375 MBq the 300 MBq order needs with PET1's 25 % FDG overhead.
 */
const VIAL_ACTIVITY = 430;

test('a GMP day: order, live accept, dispenser vial, signed release, certificate, correction and the audit trail', async ({
  site,
  userPage,
  loggedInPage,
  problems,
  shot,
}) => {
  // Past the demo's seeded order days, so the slot carries only the order made here.
  const day = workdayAfter(siteToday(), 8);
  const lot = `FDG-${lotDateCode(day)}-1`;
  let orderId = 0;
  const orderStatus = async () =>
    (await site.db.models.ActivityOrder.findByPk(orderId))?.status ?? null;

  const shop = await loggedInPage('shop', 'shop-user', 'shop');
  const production = await loggedInPage('production', 'prod-user', 'production');
  const admin = await userPage('admin');
  const shopSlot = shop.getByRole('region', { name: 'Levering kl. 08:00' });
  const shopOrderRow = shopSlot.locator('[role="group"][aria-label^="ID: "]').first();
  const productionCard = production.getByRole('region', { name: 'RH KF - PET1 kl. 08:00' });
  const modal = production.getByRole('dialog');

  await test.step('opens the day in the shop (shop-user) and in production (prod-user)', async () => {
    await openShopDay(shop, day);
    await expect(shopSlot.getByText('Der er ikke bestilt sporstof')).toBeVisible();
    await production.goto(`${site.server.url}/production/?date=${day}`);
    await production.getByRole('button', { name: 'FDG', exact: true }).click();
    await expect(productionCard).toBeVisible();
    await expect(productionCard.getByRole('img', { name: 'Bestilt' })).toHaveCount(0);
  });

  await test.step('[URS-ORD-001][URS-INT-009] shop-user orders 300 MBq and production sees it appear live', async () => {
    const newOrder = shopSlot.getByRole('group', { name: 'Ny ordre' });
    await newOrder.getByRole('textbox', { name: 'Aktivitet' }).fill('300');
    await newOrder.getByRole('textbox', { name: 'Kommentar' }).fill('GMP-dag');
    await newOrder.getByRole('button', { name: 'Bestil' }).click();
    await expect(shopSlot.getByText('Bestilt: 300 MBq')).toBeVisible();
    orderId = Number((await shopOrderRow.getAttribute('aria-label'))?.replace('ID: ', ''));
    expect(orderId).toBeGreaterThan(0);
    await shot(shop, 'gmp-01-shop-order');

    await expect(productionCard.getByRole('img', { name: 'Bestilt' })).toBeVisible();
    await expect(productionCard.getByText('Bestilt: 300 MBq')).toBeVisible();
    await shot(production, 'gmp-02-production-order-live');
  });

  await test.step('[URS-PRD-004][URS-INT-009] prod-user accepts, and the shop sees the order accepted', async () => {
    await productionCard.getByRole('button', { name: 'Accepter' }).click();
    await expect(productionCard.getByRole('img', { name: 'Accepteret' })).toBeVisible();
    await expect(shopOrderRow.getByRole('img', { name: 'Accepteret' })).toBeVisible();
    await shot(production, 'gmp-03-accepted');
  });

  await test.step('[URS-VIA-001] shows a vial from a VAL file dropped into the watch folder in the open modal', async () => {
    await productionCard.getByRole('button', { name: 'Åbn ordre kl. 08:00' }).click();
    await expect(modal).toBeVisible();
    const useVial = modal.getByRole('checkbox', { name: new RegExp(`hætteglas ${lot}$`) });
    await expect(useVial).toHaveCount(0);
    // The dispenser fills at 07:45 on the delivery day; the api's clock moves to 07:50 that
    // morning, so the release is after the filling and not too long before the delivery.
    site.clock.set(instantTextOfLocalDateTime(`${day} 07:50:00`));
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
    await expect(useVial).toBeVisible();
    await shot(production, 'gmp-04-vial-from-dispenser');
    expect(await accessibilityViolations(production)).toEqual([]);
    await useVial.check();
    await expect(useVial).toBeChecked();
  });

  await test.step('[URS-REL-002][URS-REL-001][URS-REL-010] refuses a release with a wrong password ("Forkert login") and changes nothing', async () => {
    await modal.getByRole('button', { name: 'Frigiv' }).click();
    // The signature step shows what is signed and who signs; the signer cannot be typed over.
    const signing = modal.getByRole('region', { name: 'Det, du underskriver' });
    await expect(signing.getByText(lot)).toBeVisible();
    const signer = modal.getByRole('textbox', { name: 'Brugernavn' });
    await expect(signer).toHaveValue('prod-user');
    await expect(signer).not.toBeEditable();
    await modal.getByLabel('Kodeord').fill('forkert');
    await modal.getByRole('button', { name: 'Frigiv' }).click();
    await expect(modal.getByText(/Forkert login/)).toBeVisible();
    expect(await orderStatus()).toBe(OrderStatus.Accepted);
    await expect(shopOrderRow.getByRole('img', { name: 'Accepteret' })).toBeVisible();
    await shot(production, 'gmp-05-wrong-password');
  });

  await test.step('[URS-REL-001][URS-REL-016][URS-INT-009] releases with the right password, and the shop’s card turns green live', async () => {
    await modal.getByLabel('Kodeord').fill('tracershop');
    await modal.getByRole('button', { name: 'Frigiv' }).click();
    // The page behind the open modal is inert: the modal's own order line shows the status.
    await expect(modal.getByRole('img', { name: 'Frigivet' }).first()).toBeVisible();
    await expect.poll(orderStatus).toBe(OrderStatus.Released);
    await shot(production, 'gmp-06-released');

    const released = shopSlot.getByRole('img', { name: 'Frigivet' }).first();
    await expect(released).toBeVisible();
    await expect(released.locator('rect').first()).toHaveAttribute('fill', '#33cc33');
    await shot(shop, 'gmp-07-shop-released-live');
    expect(await accessibilityViolations(shop)).toEqual([]);
  });

  await test.step('[URS-DOC-001][URS-DOC-003][URS-PRD-007] lets the shop download the certificate naming the lot and the releaser', async () => {
    const link = shopSlot.getByRole('link', { name: 'Frigivelsescertifikat' });
    await expect(link).toHaveAttribute(
      'href',
      new RegExp(`^/documents/activity-certificate/\\d+/${day}/\\d+\\.pdf$`),
    );
    const href = await link.getAttribute('href');
    // The shop's own session: the context's request shares the page's cookies.
    const response = await shop.context().request.get(`${site.server.url}${href ?? ''}`);
    expect(response.status()).toBe(200);
    expect(response.headers()['content-type']).toBe('application/pdf');
    const text = await pdfText(await response.body());
    expect(text).toContain(lot);
    expect(text).toContain('Demo Production User');
    await shot(shop, 'gmp-08-certificate-link');

    // One delivered figure on every surface: the vial decay-corrected to the 08:00 delivery.
    const isotope = await site.db.models.Isotope.findOne({ where: { atomicLetter: 'F' } });
    const delivered = formatActivity(
      decayedActivity(VIAL_ACTIVITY, isotope?.halflifeSeconds ?? 0, 15 * 60),
    );
    const flat = delivered.replace(/\u00a0/g, ' ');
    expect(text).toContain(`i alt leveret kl. 08:00: ${flat}`);
    await expect(shopSlot.getByText(`Udleveret kl. 08:00: ${delivered}`)).toBeVisible();
    await expect(modal.getByText(delivered, { exact: true })).toBeVisible();
    await modal.getByRole('button', { name: 'Luk' }).click();
    await expect(productionCard.getByText(`Udleveret: ${delivered}`)).toBeVisible();
  });

  await test.step('[URS-ORD-015][URS-ORD-016] keeps the released delivery green beside a later order, in the shop and in production', async () => {
    // Production takes a phone order after the release: a separate, later order of the slot.
    const released = await site.db.models.ActivityOrder.findByPk(orderId);
    const prodAdmin = await site.loginAs('prod-admin');
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
    await expect(shopLater.getByText('Bestilt: 200 MBq')).toBeVisible();
    await expect(shopReleased.getByRole('img', { name: 'Frigivet' }).first()).toBeVisible();
    await expect(shopReleased.getByRole('link', { name: 'Frigivelsescertifikat' })).toHaveCount(1);
    await expect(shopLater.getByRole('link')).toHaveCount(0);
    await shot(shop, 'gmp-08b-shop-later-order');

    const productionLater = production.getByRole('region', {
      name: 'RH KF - PET1 kl. 08:00 – efterbestilling',
      exact: true,
    });
    await expect(productionLater.getByRole('img', { name: 'Accepteret' }).first()).toBeVisible();
    await expect(
      production
        .getByRole('region', { name: 'RH KF - PET1 kl. 08:00 – frigivelse 1', exact: true })
        .getByRole('img', { name: 'Frigivet' })
        .first(),
    ).toBeVisible();
    await shot(production, 'gmp-08c-production-later-order');
    // The later order is not part of this test's correction: production rejects it again.
    await prodAdmin.trpc.orders.activity.reject.mutate({ orderIds: [later.id] });
  });

  await test.step('[URS-REL-014] corrects the release with a signature ("Ret ordre")', async () => {
    await production
      .getByRole('region', { name: 'RH KF - PET1 kl. 08:00 – frigivelse 1', exact: true })
      .getByRole('button', { name: 'Åbn ordre kl. 08:00' })
      .click();
    await modal.getByRole('button', { name: 'Ret ordre' }).click();
    // A correction always says why; the reason goes into the audit trail.
    await modal.getByLabel('Begrundelse', { exact: true }).fill('Forkert hætteglas valgt');
    await modal.getByLabel('Kodeord').fill('tracershop');
    await shot(production, 'gmp-09-correction-signature');
    expect(await accessibilityViolations(production)).toEqual([]);
    await modal.getByRole('button', { name: 'Ret ordre' }).click();
    await expect(modal.getByRole('img', { name: 'Accepteret' }).first()).toBeVisible();
    await expect.poll(orderStatus).toBe(OrderStatus.Accepted);
    await modal.getByRole('button', { name: 'Luk' }).click();
    await expect(productionCard.getByRole('img', { name: 'Accepteret' })).toBeVisible();
    await expect(shopOrderRow.getByRole('img', { name: 'Accepteret' })).toBeVisible();
    await shot(production, 'gmp-10-corrected');
  });

  await test.step('lets the site admin switch from the shop to production', async () => {
    await admin.goto(`${site.server.url}/shop/`);
    await admin.waitForURL('**/login');
    await admin.getByRole('textbox', { name: 'Brugernavn' }).fill('site-admin');
    await admin.getByLabel('Kodeord').fill('tracershop');
    await admin.getByRole('button', { name: 'Log ind' }).click();
    await admin.getByRole('link', { name: 'Produktion' }).click();
    await admin.waitForURL('**/production/**');
    await admin.getByRole('link', { name: 'Admin' }).click();
    await expect(admin.getByRole('heading', { name: 'Revisionsspor', exact: true })).toBeVisible();
  });

  const trail = admin.getByRole('table', { name: 'Revisionsspor', exact: true });
  /** The text of one column of the trail's rows. */
  const column = (index: number) =>
    trail
      .locator('tbody tr')
      .evaluateAll(
        (rows, at) => rows.map((row) => row.querySelectorAll('td')[at]?.textContent ?? ''),
        index,
      );

  /** The event column's texts: "Aktivitetsordre til RH KF – PET1, 07/12/2026 kl. 08:00: frigivet". */
  const events = () => column(2);
  const deliveredTo = `til RH KF – PET1, ${formatDanishDate(day)} kl. 08:00`;

  await test.step('[URS-AUD-001][URS-AUD-005][URS-AUD-006][URS-AUD-007][URS-REL-002] shows every step of the day in the audit trail, in words', async () => {
    await expect(trail).toBeVisible();
    await expect
      .poll(events)
      .toEqual(
        expect.arrayContaining([
          `Aktivitetsordre ${deliveredTo}: oprettet`,
          `Aktivitetsordre ${deliveredTo}: accepteret`,
          `Hætteglas ${lot} (RH KF): importeret fra dispenseren`,
          `Aktivitetsordre ${deliveredTo}: frigivet`,
          `Aktivitetsordre ${deliveredTo}: rettet`,
        ]),
      );
    await shot(admin, 'gmp-11-audit-trail');
    expect(await accessibilityViolations(admin)).toEqual([]);

    // The order's own history, filtered: created, accepted, released, corrected.
    const filters = admin.getByRole('form', { name: 'Filtre' });
    await filters.getByLabel('Entitet').selectOption({ label: 'Aktivitetsordre' });
    await filters.getByLabel('Id', { exact: true }).fill(String(orderId));
    await filters.getByRole('button', { name: 'Søg' }).click();
    await expect
      .poll(events)
      .toEqual([
        `Aktivitetsordre ${deliveredTo}: rettet`,
        `Aktivitetsordre ${deliveredTo}: frigivet`,
        `Aktivitetsordre ${deliveredTo}: underskrift afvist ved frigivelse`,
        `Aktivitetsordre ${deliveredTo}: accepteret`,
        `Aktivitetsordre ${deliveredTo}: oprettet`,
      ]);
    const corrected = trail.locator('tbody tr', { hasText: `${deliveredTo}: rettet` });
    await expect(corrected).toContainText('Begrundelse: Forkert hætteglas valgt');
    const accepted = trail.locator('tbody tr', { hasText: ': accepteret' });
    await expect(accepted.getByRole('listitem')).toHaveText(['Status:Bestilt→Accepteret']);
    const release = trail.locator('tbody tr', { hasText: `${deliveredTo}: frigivet` });
    await expect(release.getByRole('listitem').filter({ hasText: 'Underskrevet af' })).toHaveText(
      'Underskrevet af:Demo Production User',
    );
    // The stored event, for the expert.
    await release.getByText('Detaljer').click();
    await expect(release.getByText('activityOrder.release', { exact: true })).toBeVisible();
    await shot(admin, 'gmp-12-audit-trail-order');
  });

  await test.step('[URS-AUD-007][URS-DOC-007][URS-DOC-008] an inspector filters the trail by the lot and takes it away as PDF', async () => {
    const filters = admin.getByRole('form', { name: 'Filtre' });
    await filters.getByRole('button', { name: 'Nulstil' }).click();
    await filters.getByLabel('Lot').fill(lot);
    await filters.getByRole('button', { name: 'Søg' }).click();
    // The lot's events only (the page keeps the previous rows until the new ones are there).
    const ofTheLot = (texts: string[]) =>
      texts.includes(`Aktivitetsordre ${deliveredTo}: frigivet`) &&
      texts.includes(`Hætteglas ${lot} (RH KF): importeret fra dispenseren`) &&
      texts.every(
        (text) => text.startsWith(`Aktivitetsordre ${deliveredTo}`) || text.includes(lot),
      );
    await expect.poll(async () => ofTheLot(await events())).toBe(true);
    await shot(admin, 'gmp-12b-audit-trail-lot');
    expect(await accessibilityViolations(admin)).toEqual([]);
    const [download] = await Promise.all([
      admin.waitForEvent('download'),
      admin.getByRole('link', { name: 'Hent som PDF' }).click(),
    ]);
    const file = await download.path();
    const text = await pdfText(readFileSync(file));
    expect(text).toContain(`Revisionsspor – Lot: ${lot} – hele sporet`);
    expect(text).toMatch(/Kædens kontrol intakt: [\d.]+ hændelser kontrolleret/);
    expect(text).toContain(`${deliveredTo}: frigivet`);
    // The export is in the trail itself, with the file's hash.
    await filters.getByRole('button', { name: 'Nulstil' }).click();
    await admin.getByRole('button', { name: 'Opdater' }).click();
    const exported = trail
      .locator('tbody tr', { hasText: 'Udtræk af revisionsspor PDF: eksporteret' })
      .first();
    await expect(exported).toContainText(
      createHash('sha256').update(readFileSync(file)).digest('hex'),
    );
  });

  await test.step('[URS-AUD-004] verifies the audit chain as intact', async () => {
    await admin.getByRole('button', { name: 'Verificer kæden' }).click();
    await expect(admin.getByRole('status').filter({ hasText: 'Kæden' })).toHaveText(
      /^Kæden er intakt: \d+ hændelser kontrolleret\.$/,
    );
    await shot(admin, 'gmp-13-chain-verified');
  });

  await test.step('[URS-AUD-008] signs the review of the days so far', async () => {
    const today = formatDanishDate(siteToday());
    const form = admin.getByRole('form', { name: 'Registrér en gennemgang' });
    await form.getByLabel('Fra').fill(today);
    await form.getByLabel('Til').fill(today);
    await form.getByLabel('Kommentar').fill('Dagens frigivelse og rettelse gennemgået.');
    await form.getByRole('button', { name: 'Underskriv gennemgang' }).click();
    const signature = admin.getByRole('form', { name: /^Underskriv gennemgangen af / });
    await signature.getByLabel('Kodeord').fill('tracershop');
    await signature.getByRole('button', { name: 'Underskriv gennemgang' }).click();
    await expect(
      admin.getByText(`Gennemgangen af ${today} – ${today} er underskrevet.`),
    ).toBeVisible();
    const reviews = admin.getByRole('table', { name: 'Gennemgang af revisionssporet' });
    await expect(reviews.getByRole('row').nth(1)).toContainText('Demo Site Admin');
    await expect(reviews.getByRole('row').nth(1)).toContainText(/Intakt \(\d+ hændelser\)/);
    await shot(admin, 'gmp-13b-review-signed');
    expect(await accessibilityViolations(admin)).toEqual([]);
  });

  await test.step('[URS-AUD-010][URS-PRF-009][URS-ACC-008] shows the day’s logins, the telemetry and the users to the site admin', async () => {
    const pages = admin.getByRole('navigation', { name: 'Admin-sider' });
    await pages.getByRole('link', { name: 'Login-hændelser' }).click();
    const logins = admin.getByRole('table', { name: 'Login-hændelser' });
    for (const username of ['shop-user', 'prod-user', 'site-admin']) {
      await expect(logins.getByRole('row').filter({ hasText: username }).first()).toBeVisible();
    }
    await shot(admin, 'gmp-14-login-events');

    await site.server.services.telemetry.flush();
    await pages.getByRole('link', { name: 'Telemetri' }).click();
    const telemetry = admin.getByRole('table', { name: 'Telemetri' });
    await expect(
      telemetry.getByRole('cell', { name: 'release.activity', exact: true }),
    ).toBeVisible();
    await shot(admin, 'gmp-15-telemetry');

    await pages.getByRole('link', { name: 'Brugere' }).click();
    await expect(admin.getByRole('combobox', { name: 'Rolle for prod-user' })).toBeVisible();
    await expect(admin.getByRole('combobox', { name: 'Rolle for site-admin' })).toBeDisabled();
    await shot(admin, 'gmp-16-users');
    expect(problems).toEqual([]);
  });
});
