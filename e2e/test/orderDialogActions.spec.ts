/**
 * What the open activity order offers beside accepting and releasing, in a real browser
 * against a real api, on a delivery released by production (RH KF - PET1 at 08:00):
 *
 * - A production user is not offered the delete of the released order; the site admin deletes
 *   it from the dialog with a reason: the order is gone from the day, its vial is free again,
 *   and the audit trail keeps the reason with the delete.
 * - "Udskriv certifikat" prints the release's certificate on the active document printer, a
 *   real IPP printer (CUPS' ippeveprinter): the dialog names the printer and the job.
 */
import type { Page } from '@playwright/test';
import { instantTextOfLocalDateTime } from '@tracershop/core';
import { missingTestPeers } from '@tracershop/db/testing';
import { IppPrinterPeers } from '../../apps/api/test/ippPrinterPeer';
import { ReleaseFixtures } from '../../apps/api/test/releaseFixtures';
import type { TestApi } from '../../apps/api/test/testApi';
import { DEMO_PASSWORD } from '../../apps/api/test/testApi';
import { expect, test } from './fixtures';
import { fdgSlotId, siteToday, workdayAfter } from './site';

const CARD = 'RH KF - PET1 kl. 08:00';

/**
 * The shop's 300 MBq FDG order for PET1 at 08:00 on a working day past the demo's seeded
 * orders, accepted and released by prod-user at 07:40 with one vial that delivers it.
 */
async function releasedDelivery(site: TestApi) {
  const day = workdayAfter(siteToday(), 9);
  const { models } = site.db;
  const slotId = await fdgSlotId(site, day, 'PET1', '08:00:00');
  const slot = await models.ActivityDeliveryTimeSlot.findByPk(slotId);
  const endpoint = await models.DeliveryEndpoint.findByPk(slot?.endpointId ?? 0);
  const fdg = await models.Tracer.findOne({ where: { shortname: 'FDG' } });
  if (endpoint === null || fdg === null) {
    throw new Error('the demo has no PET1 or no FDG');
  }
  const shop = await site.loginAs('shop-user');
  const order = await shop.trpc.orders.activity.create.mutate({
    orderedTimeSlotId: slotId,
    deliveryDate: day,
    orderedActivity: 300,
  });
  const production = await site.loginAs('prod-user');
  await production.trpc.orders.activity.acceptSlot.mutate({ slotId, deliveryDate: day });
  const accepted = await models.ActivityOrder.findByPk(order.id);
  const vials = await new ReleaseFixtures(site).deliveringVials(
    {
      slotId,
      endpointId: endpoint.id,
      customerId: endpoint.customerId,
      tracerId: fdg.id,
      vialTag: fdg.vialTag,
    },
    day,
    accepted === null ? [] : [accepted],
  );
  site.clock.set(instantTextOfLocalDateTime(`${day} 07:40:00`));
  await production.trpc.release.activity.mutate({
    slotId,
    deliveryDate: day,
    orderIds: [order.id],
    vialIds: vials.map((vial) => vial.id),
    password: DEMO_PASSWORD,
  });
  return { day, orderId: order.id, vialIds: vials.map((vial) => vial.id) };
}

/** Opens the released delivery's order dialog on `page`'s production page of `day`. */
async function openDelivery(page: Page, site: TestApi, day: string) {
  await page.goto(`${site.server.url}/production/?date=${day}`);
  await page.getByRole('button', { name: 'FDG', exact: true }).click();
  const card = page.getByRole('region', { name: CARD });
  await expect(card.getByRole('img', { name: 'Frigivet' })).toBeVisible();
  await card.getByRole('button', { name: 'Åbn ordre kl. 08:00' }).click();
  const dialog = page.getByRole('dialog', { name: /^Ordre - / });
  await expect(dialog).toBeVisible();
  return { card, dialog };
}

test('[URS-REL-015][URS-PRD-006][URS-AUD-005] the site admin deletes a released order from its dialog, with a reason', async ({
  site,
  loggedInPage,
  problems,
  shot,
}) => {
  const { day, orderId, vialIds } = await releasedDelivery(site);
  const { models } = site.db;

  await test.step('[URS-REL-015] a production user is not offered the delete of the released order', async () => {
    const page = await loggedInPage('production', 'prod-user');
    const { dialog } = await openDelivery(page, site, day);
    await expect(dialog.getByText(`ID:${orderId} - 300 MBq`)).toBeVisible();
    await expect(dialog.getByRole('button', { name: `Slet ordre ${orderId}` })).toHaveCount(0);
    await page.close();
  });

  await test.step('[URS-REL-015][URS-PRD-006] the site admin deletes it, saying why: Enter confirms', async () => {
    const page = await loggedInPage('production', 'site-admin');
    const { card, dialog } = await openDelivery(page, site, day);
    await dialog.getByRole('button', { name: `Slet ordre ${orderId}` }).click();
    const question = page.getByRole('dialog', { name: `Slet ordre ${orderId}` });
    await expect(
      question.getByText(`Ordre ${orderId} er frigivet.`, { exact: false }),
    ).toBeVisible();
    const reason = question.getByLabel('Begrundelse for ændringen');
    await expect(reason).toBeFocused();
    await reason.fill('Bestilt to gange ved en fejl');
    await shot(page, 'order-dialog-01-delete-reason');
    await reason.press('Enter');
    // The delivery has no order left: the dialog closes and the card is empty.
    await expect(question).toBeHidden();
    await expect(dialog).toBeHidden();
    await expect(card.getByText('Ingen ordrer')).toBeVisible();
    await expect(card.getByRole('img', { name: 'Frigivet' })).toHaveCount(0);
  });

  await test.step('[URS-AUD-005] the order is gone, its vial free, and the trail keeps the reason', async () => {
    expect(await models.ActivityOrder.findByPk(orderId)).toBeNull();
    const vials = await models.Vial.findAll({ where: { id: vialIds } });
    expect(vials.map((vial) => vial.assignedToId)).toEqual([null]);
    const deleted = await models.AuditEvent.findOne({
      where: { entity: 'ActivityOrder', entityId: orderId, action: 'activityOrder.delete' },
    });
    expect(deleted?.reason).toBe('Bestilt to gange ved en fejl');
    expect(deleted?.actorName).toBe('Demo Site Admin');
  });

  expect(problems).toEqual([]);
});

test('[URS-INT-005] prints the certificate of a released delivery on the active document printer', async ({
  site,
  loggedInPage,
  problems,
  shot,
}) => {
  const missing = missingTestPeers(['ippeveprinter']);
  test.skip(missing !== undefined, missing);
  const peers = new IppPrinterPeers();
  try {
    const printer = await peers.start('tracershop-e2e-a4', { command: '/bin/true' });
    const admin = await site.loginAs('site-admin');
    const created = await admin.trpc.setup.printers.create.mutate({
      name: 'Kontor-1',
      host: '127.0.0.1',
      port: printer.port,
      uri: printer.uri,
      labelPrinter: false,
    });
    await admin.trpc.setup.printers.choose.mutate({
      activePrinterId: created.id,
      activeLabelPrinterId: null,
    });
    const { day } = await releasedDelivery(site);

    const page = await loggedInPage('production', 'prod-user');
    const { dialog } = await openDelivery(page, site, day);
    await dialog.getByRole('button', { name: 'Udskriv certifikat' }).click();
    await expect(
      dialog.getByText(/^Certifikatet er udskrevet på Kontor-1 \(job \d+\)\.$/),
    ).toBeVisible();
    await expect(dialog.getByRole('button', { name: 'Udskriv certifikat' })).toBeEnabled();
    await shot(page, 'order-dialog-02-printed');
    expect(await printer.spooledFiles()).toHaveLength(1);
  } finally {
    await peers.close();
  }

  expect(problems).toEqual([]);
});
