/**
 * The production app in a real browser against a real api: prod-user logs in at
 * /production/login, opens FDG on a day with an Accepted order, adds a vial by hand, is asked
 * for a reason to release far more than ordered (the figures shown), is refused a release
 * with a wrong password ("Forkert login"), releases with the right one and sees the card turn
 * Released (green); then traces the released lot on "Tilbagekaldelse" and downloads the
 * recall report.
 */
import { instantTextOfLocalDateTime, lotDateCode } from '@tracershop/core';
import { accessibilityViolations } from './accessibility';
import { expect, test } from './fixtures';
import { pet1FdgSlotId, siteToday, workdayAfter } from './site';

test('prod-user adds a vial by hand and releases an accepted order with a reason and a signature', async ({
  page,
  site,
  problems,
  shot,
}) => {
  // Past the demo's seeded order days, so the slot carries only the order made here.
  const day = workdayAfter(siteToday(), 8);
  const card = page.getByRole('region', { name: /PET1 kl\. 08:00$/ });
  const dialog = page.getByRole('dialog');

  // An order of the shop, accepted by production: the collection is ready for release.
  const shop = await site.loginAs('shop-user');
  const order = await shop.trpc.orders.activity.create.mutate({
    orderedTimeSlotId: await pet1FdgSlotId(site, day),
    deliveryDate: day,
    orderedActivity: 300,
  });
  const production = await site.loginAs('prod-admin');
  await production.trpc.orders.activity.accept.mutate({ orderIds: [order.id] });

  await test.step('logs prod-user in at /production/login', async () => {
    await page.goto(`${site.server.url}/production/`);
    await page.waitForURL('**/production/login');
    await page.getByRole('textbox', { name: 'Brugernavn' }).fill('prod-user');
    await page.getByLabel('Kodeord').fill('tracershop');
    await page.getByRole('button', { name: 'Log ind' }).click();
    await expect(page.getByRole('heading', { name: /^Ordrer for den / })).toBeVisible();
    await shot(page, 'production-01-orders');
  });

  await test.step('[URS-PRD-002] opens FDG on the day with the accepted order', async () => {
    await page.goto(`${site.server.url}/production/?date=${day}`);
    await page.getByRole('button', { name: 'FDG', exact: true }).click();
    await expect(card.getByRole('img', { name: 'Accepteret' })).toBeVisible();
    await expect(card.getByText('Bestilt: 300 MBq')).toBeVisible();
    await expect(page.getByRole('list', { name: 'Kørsler' }).getByRole('listitem')).toContainText([
      /^Kørsel 06:30: [\d\s]+MBq \/ Overhead: [\d\s]+MBq$/,
    ]);
    await shot(page, 'production-02-fdg-day');
  });

  await test.step('[URS-VIA-005][URS-REL-004] adds a vial by hand in the order modal', async () => {
    await card.getByRole('button', { name: 'Åbn ordre kl. 08:00' }).click();
    await expect(dialog).toBeVisible();
    await expect(dialog.getByRole('button', { name: 'Frigiv' })).toBeDisabled();
    // Filled at 07:30 on the delivery day; the release follows at 07:40 that morning.
    site.clock.set(instantTextOfLocalDateTime(`${day} 07:40:00`));
    await dialog.getByRole('button', { name: 'Tilføj hætteglas' }).click();
    const lotField = dialog.getByLabel('Lotnummer');
    await expect(lotField).toHaveValue(/^FDG-\d{6}-1$/);
    const lot = await lotField.inputValue();
    await dialog.getByLabel('Tappetid (TT:MM)').fill('07:30');
    await dialog.getByLabel('Aktivitet (MBq)').fill('20000');
    await dialog.getByLabel('Volumen (ml)').fill('10');
    await dialog.getByRole('button', { name: 'Tilføj' }).click();
    await expect(dialog.getByRole('checkbox', { name: `Vælg hætteglas ${lot}` })).toBeChecked();
    await expect(dialog.getByRole('button', { name: 'Frigiv' })).toBeEnabled();
    await shot(page, 'production-03-vial-added');
  });

  await test.step('[URS-REL-009][URS-REL-010] asks for a reason to release far more than ordered, showing the figures', async () => {
    await dialog.getByRole('button', { name: 'Frigiv' }).click();
    const signing = dialog.getByRole('region', { name: 'Det, du underskriver' });
    await expect(signing.getByRole('rowheader', { name: /^FDG-\d{6}-1$/ })).toBeVisible();
    await expect(
      dialog.getByText(/Hætteglassene giver [\d\s]+MBq kl\. 08:00, [\d\s,%]+ mere end de krævede/),
    ).toBeVisible();
    await expect(signing.getByRole('cell', { name: '20\u00a0000 MBq' })).toHaveCount(1);
    await dialog.getByLabel('Kodeord').fill('tracershop');
    await dialog.getByRole('button', { name: 'Frigiv' }).click();
    const reason = dialog.getByLabel('Begrundelse');
    await expect(reason).toHaveAccessibleDescription(
      'Skriv en begrundelse (mindst 3 tegn), før du underskriver.',
    );
    await shot(page, 'production-03b-reason-needed');
    expect(await accessibilityViolations(page)).toEqual([]);
    await reason.fill('Hele glasset går til PET1 og PET2');
  });

  await test.step('[URS-REL-002] refuses a wrong password with "Forkert login"', async () => {
    await dialog.getByLabel('Kodeord').fill('forkert');
    await dialog.getByRole('button', { name: 'Frigiv' }).click();
    await expect(dialog.getByText(/Forkert login/)).toBeVisible();
    await shot(page, 'production-04-wrong-password');
  });

  await test.step('[URS-REL-001][URS-REL-016] releases with the password and the card turns Released (green)', async () => {
    await dialog.getByLabel('Kodeord').fill('tracershop');
    await dialog.getByRole('button', { name: 'Frigiv' }).click();
    await expect(dialog.getByText('Ordrerne er frigivet.')).toBeVisible();
    await dialog.getByRole('button', { name: 'Luk' }).click();
    await expect(card.getByRole('img', { name: 'Frigivet' })).toBeVisible();
    await expect(card).toHaveAttribute('data-status', '3');
    await expect(card).toHaveCSS('border-left-color', 'rgb(51, 204, 51)');
    await shot(page, 'production-05-released');
  });

  await test.step('[URS-PRD-009][URS-PRD-010][URS-DOC-006] traces the released lot on "Tilbagekaldelse", also from its order, and downloads the report', async () => {
    const lot = `FDG-${lotDateCode(day)}-1`;
    await page.getByRole('link', { name: 'Tilbagekaldelse' }).click();
    await page.getByLabel('Lot- eller batchnummer').fill(lot);
    await page.getByLabel('Lot- eller batchnummer').press('Enter');
    await expect(page.getByText(`Lot ${lot}: 1 levering til RH KF.`)).toBeVisible();
    const deliveries = page.getByRole('region', { name: 'Leveringer af aktivitet' });
    await expect(deliveries.getByRole('row').nth(1)).toContainText('RH KF – PET1');
    await expect(deliveries.getByRole('row').nth(1)).toContainText('Demo Production User');
    // The same lot found from the delivery's order number ("Fra en ordre").
    const ordersCell = deliveries.getByRole('row').nth(1).getByRole('cell').nth(3);
    const orderId = /^(\d+) \(/.exec((await ordersCell.textContent()) ?? '')?.[1];
    const fromOrder = page.getByRole('region', { name: 'Fra en ordre' });
    await fromOrder.getByLabel('Ordrenummer').fill(orderId ?? '');
    await fromOrder.getByRole('button', { name: 'Find lot' }).click();
    await fromOrder.getByRole('button', { name: lot }).click();
    await expect(page.getByText(`Lot ${lot}: 1 levering til RH KF.`)).toBeVisible();
    await shot(page, 'production-06-recall');
    expect(await accessibilityViolations(page)).toEqual([]);
    const href = await page.getByRole('link', { name: 'Hent rapport (PDF)' }).getAttribute('href');
    const report = await page.request.get(`${site.server.url}${href ?? ''}`);
    expect([report.status(), report.headers()['content-type']]).toEqual([200, 'application/pdf']);
    expect(problems).toEqual([]);
  });
});

test('production says why it moves an accepted order and edits its dose; the trail keeps both', async ({
  site,
  problems,
  loggedInPage,
  shot,
}) => {
  const day = workdayAfter(siteToday(), 9);
  const shop = await site.loginAs('shop-user');
  const order = await shop.trpc.orders.activity.create.mutate({
    orderedTimeSlotId: await pet1FdgSlotId(site, day, '09:30:00'),
    deliveryDate: day,
    orderedActivity: 300,
  });
  await (
    await site.loginAs('prod-admin')
  ).trpc.orders.activity.accept.mutate({
    orderIds: [order.id],
  });
  const page = await loggedInPage('production', 'prod-user');
  await page.goto(`${site.server.url}/production/?date=${day}`);
  await page.getByRole('button', { name: 'FDG', exact: true }).click();
  const late = page.getByRole('region', { name: /PET1 kl\. 09:30$/ });
  const early = page.getByRole('region', { name: /PET1 kl\. 08:00$/ });
  /** The reason the audit trail keeps with the order's last `action`. */
  const reasonOf = async (action: string) =>
    (
      await site.db.models.AuditEvent.findOne({
        where: { action, entityId: order.id },
        order: [['id', 'DESC']],
      })
    )?.reason;

  await test.step('[URS-PRD-006][URS-PRD-005][URS-AUD-005] asks why before it moves the accepted order to 08:00', async () => {
    await late.getByRole('button', { name: 'Ryk til 08:00' }).click();
    const question = page.getByRole('dialog', { name: 'Ryk ordrer' });
    const reason = question.getByLabel('Begrundelse for ændringen');
    await expect(reason).toBeFocused();
    await reason.press('Enter');
    await expect(reason).toHaveAccessibleDescription(
      'Skriv en begrundelse (mindst 3 tegn); den gemmes i revisionssporet.',
    );
    await reason.fill('PET2 er ude af drift');
    await shot(page, 'production-07-move-reason');
    expect(await accessibilityViolations(page)).toEqual([]);
    await reason.press('Enter');
    await expect(question).toBeHidden();
    await expect(late.getByText('Rykket til tidligere levering')).toBeVisible();
    await expect.poll(() => reasonOf('activityOrder.move')).toBe('PET2 er ude af drift');
  });

  await test.step('[URS-PRD-006][URS-AUD-005] asks why before it changes the accepted order’s dose', async () => {
    await early.getByRole('button', { name: 'Åbn ordre kl. 08:00' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByRole('button', { name: `Ret dosis for ordre ${order.id}` }).click();
    await dialog.getByLabel(`Dosis for ordre ${order.id} (MBq)`).fill('350');
    await dialog.getByLabel('Begrundelse for ændringen').fill('Ekstra patient');
    await dialog.getByRole('button', { name: 'Gem dosis' }).click();
    await expect(dialog.getByText(`ID:${order.id} - 350 MBq`)).toBeVisible();
    await expect.poll(() => reasonOf('activityOrder.edit')).toBe('Ekstra patient');
    expect(problems).toEqual([]);
  });
});
