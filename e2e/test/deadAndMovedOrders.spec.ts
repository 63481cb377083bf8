/**
 * A GMP day with a dead order and a moved order in it, in real browsers against one real api,
 * for two departments of RH KF:
 *
 * - PET1 at 08:00 holds the shop's 300 MBq order and a 0.5 MBq order that came in by an
 *   import (the shop refuses such an order; core calls it dead). Production sees the dead one
 *   marked and left out, accepts the delivery (the dead order stays as it is), releases it,
 *   and the card ends Released; the department's certificate names the live order only.
 * - PET2 orders 200 MBq for 12:15; production moves it to 08:15, which has no orders of its
 *   own (a ghost delivery), accepts and releases it there. The department's 12:15 card says
 *   where the order went and what it got (the same figure as production's card), when, and
 *   links the 08:15 certificate, which lists the moved order.
 */
import { instantTextOfLocalDateTime, OrderStatus } from '@tracershop/core';
import type { Locator, Page } from '@playwright/test';
import { pdfText } from '../../apps/api/test/documentReaders';
import { expect, test } from './fixtures';
import { openShopDay } from './shopDay';
import { fdgSlotId, siteToday, workdayAfter } from './site';

/**
 * Adds a vial by hand in the open order dialog (filled at 07:30) and releases the delivery
 * with prod-user's password.
 */
async function releaseWithVial(dialog: Locator, activity: string): Promise<void> {
  await dialog.getByRole('button', { name: 'Tilføj hætteglas' }).click();
  const lot = await dialog.getByLabel('Lotnummer').inputValue();
  await dialog.getByLabel('Tappetid (TT:MM)').fill('07:30');
  await dialog.getByLabel('Aktivitet (MBq)').fill(activity);
  await dialog.getByLabel('Volumen (ml)').fill('5');
  await dialog.getByRole('button', { name: 'Tilføj' }).click();
  await expect(dialog.getByRole('checkbox', { name: `Vælg hætteglas ${lot}` })).toBeChecked();
  await dialog.getByRole('button', { name: 'Frigiv' }).click();
  await dialog.getByLabel('Kodeord').fill('tracershop');
  await dialog.getByRole('button', { name: 'Frigiv' }).click();
  await expect(dialog.getByText('Ordrerne er frigivet.')).toBeVisible();
  await dialog.getByRole('button', { name: 'Luk' }).click();
}

/** The text of the certificate a shop page links from `card`. */
async function certificateText(page: Page, card: Locator, baseUrl: string): Promise<string> {
  const link = card.getByRole('link', { name: 'Frigivelsescertifikat' });
  const href = (await link.getAttribute('href')) ?? '';
  const response = await page.request.get(`${baseUrl}${href}`);
  expect([response.status(), response.headers()['content-type']]).toEqual([200, 'application/pdf']);
  return pdfText(await response.body());
}

test('[URS-PRD-008][URS-PRD-005] a GMP day with a dead and a moved order, from the shop to both departments’ certificates', async ({
  site,
  loggedInPage,
  problems,
  shot,
}) => {
  // Past the demo's seeded order days, so the deliveries carry only the orders made here.
  const day = workdayAfter(siteToday(), 9);
  const { models } = site.db;
  const slotOf = (endpoint: string, time: string) => fdgSlotId(site, day, endpoint, time);

  // The shop's two orders; the dead one arrives as a legacy import would write it.
  const shopApi = await site.loginAs('shop-user');
  const live = await shopApi.trpc.orders.activity.create.mutate({
    orderedTimeSlotId: await slotOf('PET1', '08:00:00'),
    deliveryDate: day,
    orderedActivity: 300,
  });
  const moved = await shopApi.trpc.orders.activity.create.mutate({
    orderedTimeSlotId: await slotOf('PET2', '12:15:00'),
    deliveryDate: day,
    orderedActivity: 200,
  });
  const shopUser = await models.User.findOne({ where: { username: 'shop-user' } });
  const dead = await models.ActivityOrder.create({
    orderedActivity: 0.5,
    deliveryDate: day,
    status: OrderStatus.Ordered,
    comment: 'Importeret',
    orderedTimeSlotId: await slotOf('PET1', '08:00:00'),
    movedToTimeSlotId: null,
    orderedById: shopUser?.id ?? null,
    orderedByName: 'Importeret',
    freedAt: null,
    freedById: null,
    freedByName: null,
  });

  const production = await loggedInPage('production', 'prod-user', 'production');
  const shop = await loggedInPage('shop', 'shop-user', 'shop');
  const pet1 = production.getByRole('region', { name: 'RH KF - PET1 kl. 08:00' });
  const pet2Early = production.getByRole('region', { name: 'RH KF - PET2 kl. 08:15' });
  const pet2Late = production.getByRole('region', { name: 'RH KF - PET2 kl. 12:15' });
  const dialog = production.getByRole('dialog');
  // The releases happen at 07:40 on the day, after the vials were filled at 07:30.
  site.clock.set(instantTextOfLocalDateTime(`${day} 07:40:00`));

  await test.step('[URS-PRD-008] production sees the dead order marked and left out of the delivery', async () => {
    await production.goto(`${site.server.url}/production/?date=${day}`);
    await production.getByRole('button', { name: 'FDG', exact: true }).click();
    await expect(pet1.getByText('Bestilt: 300 MBq')).toBeVisible();
    await expect(pet1.getByText('1 død ordre tæller ikke med')).toBeVisible();
    await pet1.getByRole('button', { name: 'Åbn ordre kl. 08:00' }).click();
    await expect(dialog.getByText('død ordre', { exact: true })).toBeVisible();
    await shot(production, 'dead-01-marked');
    await dialog.getByRole('button', { name: 'Luk' }).click();
  });

  await test.step('[URS-PRD-004][URS-PRD-008] accepts the delivery: the dead order stays as it is', async () => {
    await pet1.getByRole('button', { name: 'Accepter' }).click();
    await expect(pet1.getByRole('img', { name: 'Accepteret' })).toBeVisible();
    expect((await models.ActivityOrder.findByPk(live.id))?.status).toBe(OrderStatus.Accepted);
    expect((await models.ActivityOrder.findByPk(dead.id))?.status).toBe(OrderStatus.Ordered);
  });

  await test.step('[URS-REL-001][URS-PRD-008] releases PET1 at 08:00; the delivery ends Released', async () => {
    await pet1.getByRole('button', { name: 'Åbn ordre kl. 08:00' }).click();
    await releaseWithVial(dialog, '480');
    await expect(pet1.getByRole('img', { name: 'Frigivet' })).toBeVisible();
    await expect(pet1.getByRole('link', { name: /Frigivelsescertifikat/ })).toBeVisible();
    await shot(production, 'dead-02-released');
  });

  let delivered = '';
  await test.step('[URS-PRD-005] moves PET2’s 12:15 order to 08:15, accepts and releases it there', async () => {
    await pet2Late.getByRole('button', { name: 'Ryk til 08:15' }).click();
    await expect(pet2Early.getByRole('img', { name: 'Bestilt' })).toBeVisible();
    await pet2Early.getByRole('button', { name: 'Accepter' }).click();
    await expect(pet2Early.getByRole('img', { name: 'Accepteret' })).toBeVisible();
    await pet2Early.getByRole('button', { name: 'Åbn ordre kl. 08:15' }).click();
    await releaseWithVial(dialog, '1550');
    await expect(pet2Early.getByRole('img', { name: 'Frigivet' })).toBeVisible();
    const text = (await pet2Early.getByText(/^Udleveret: /).textContent()) ?? '';
    delivered = text.replace('Udleveret: ', '');
    expect(delivered).toMatch(/^[\d\u00a0]+\u00a0MBq$/);
    await shot(production, 'moved-01-released');
  });

  await test.step('[URS-DOC-001][URS-DOC-003] PET1’s certificate names the live order, not the dead one', async () => {
    await openShopDay(shop, day, { customer: 'RH KF', destination: 'PET1', product: 'FDG' });
    const card = shop.getByRole('region', { name: 'Levering kl. 08:00' });
    await expect(card.getByRole('link', { name: 'Frigivelsescertifikat' })).toBeVisible();
    const text = await certificateText(shop, card, site.server.url);
    expect(text).toContain(`${live.id} 300 MBq`);
    expect(text).not.toContain(`${dead.id} `);
    await shot(shop, 'dead-03-shop-certificate');
  });

  await test.step('[URS-DOC-001][URS-DOC-003][URS-PRD-007] PET2’s card says where its order went, what it got and when, and links the certificate that lists it', async () => {
    await openShopDay(shop, day, { customer: 'RH KF', destination: 'PET2', product: 'FDG' });
    const card = shop.getByRole('region', { name: 'Levering kl. 12:15' });
    await expect(card.getByText('Rykket til kl. 08:15')).toBeVisible();
    await expect(card.getByText(`Udleveret kl. 08:15: ${delivered}`)).toBeVisible();
    await expect(card.getByText(/Frigivet \d{2}\/\d{2}\/\d{4} 07:4\d/)).toBeVisible();
    const text = await certificateText(shop, card, site.server.url);
    expect(text).toContain(`${moved.id} 200 MBq @ 12:15`);
    await shot(shop, 'moved-02-shop-card');
  });

  expect(problems).toEqual([]);
});
