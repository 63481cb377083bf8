/**
 * The shop in a real browser against a real api: log in as shop-user, choose a destination and
 * a day, order 300 MBq, change it to 350, delete it, see an order production accepts turn
 * yellow without a reload, see the new-order row disappear after the deadline while the api
 * refuses a forged order, and log out.
 */
import { formatDanishDate } from '@tracershop/core';
import { accessibilityViolations } from './accessibility';
import { expect, test } from './fixtures';
import { openShopDay } from './shopDay';
import { appVersion, siteToday, workdayAfter } from './site';

test('shop-user orders, changes and deletes an order, sees it accepted live, meets the deadline and logs out', async ({
  page,
  site,
  problems,
  shot,
}) => {
  // Past the demo's seeded order days, so the slot starts empty.
  const day = workdayAfter(siteToday(), 8);
  const slot = page.getByRole('region', { name: 'Levering kl. 08:00' });
  const newOrderRow = slot.getByRole('group', { name: 'Ny ordre' });
  const orderRows = slot.locator('[role="group"][aria-label^="ID: "]');
  const dayButton = page.locator(`[data-date="${day}"]`);

  await test.step('[URS-PRF-011] shows the login page to an anonymous visitor', async () => {
    await page.goto(`${site.server.url}/shop/`);
    await page.waitForURL('**/shop/login');
    await expect(page.getByRole('heading', { name: 'Log ind' })).toBeVisible();
    await shot(page, '01-login');
    expect(await accessibilityViolations(page)).toEqual([]);
  });

  await test.step('[URS-ACC-003] refuses a wrong password in Danish', async () => {
    await page.getByRole('textbox', { name: 'Brugernavn' }).fill('shop-user');
    await page.getByLabel('Kodeord').fill('forkert');
    await page.getByRole('button', { name: 'Log ind' }).click();
    await expect(page.getByRole('alert')).toHaveText('Fejl: Forkert brugernavn eller kodeord.');
  });

  await test.step('[URS-ACC-003] logs shop-user in to the order overview', async () => {
    await page.getByLabel('Kodeord').fill('tracershop');
    await page.getByLabel('Kodeord').press('Enter');
    await expect(page.getByRole('heading', { name: /^Ordrer for den / })).toBeVisible();
    await expect(page.getByText('Demo Shop User')).toBeVisible();
  });

  await test.step('[URS-DLN-007] chooses a destination, a product and a day', async () => {
    await openShopDay(page, day);
    await expect(
      page.getByRole('heading', { name: `Ordrer for den ${formatDanishDate(day)}` }),
    ).toBeVisible();
    await expect(slot.getByText('Der er ikke bestilt sporstof')).toBeVisible();
    await expect(dayButton).toHaveAttribute('data-fill', 'available');
    await shot(page, '02-day-chosen');
    expect(await accessibilityViolations(page)).toEqual([]);
  });

  await test.step('[URS-ORD-001] orders 300 MBq', async () => {
    await newOrderRow.getByRole('textbox', { name: 'Aktivitet' }).fill('300');
    await newOrderRow.getByRole('textbox', { name: 'Kommentar' }).fill('E2E');
    await newOrderRow.getByRole('button', { name: 'Bestil' }).click();
    await expect(slot.getByText('Bestilt: 300 MBq')).toBeVisible();
    await expect(orderRows).toHaveCount(1);
    await expect(dayButton).toHaveAttribute('data-fill', 'ordered');
    await shot(page, '03-ordered');
    expect(await accessibilityViolations(page)).toEqual([]);
  });

  await test.step('[URS-ORD-001] changes the order to 350 MBq', async () => {
    const row = orderRows.first();
    await row.getByRole('textbox', { name: 'Aktivitet' }).fill('350');
    await row.getByRole('button', { name: 'Opdater' }).click();
    await expect(slot.getByText('Bestilt: 350 MBq')).toBeVisible();
  });

  await test.step('[URS-DAT-007] refuses an unreadable activity with core’s message', async () => {
    const field = newOrderRow.getByRole('textbox', { name: 'Aktivitet' });
    await field.fill('4asdgf0000');
    await newOrderRow.getByRole('button', { name: 'Bestil' }).click();
    // The message is words next to the field, linked to it for screen readers.
    await expect(field).toHaveAccessibleDescription('Aktivitet er ikke et tal');
    await expect(field).toHaveAttribute('aria-invalid', 'true');
    await shot(page, '03b-unreadable-activity');
    expect(await accessibilityViolations(page)).toEqual([]);
    await field.fill('');
  });

  await test.step('[URS-ORD-006] refuses 999 999 999 MBq with the limit in words, and keeps the typed order', async () => {
    const field = newOrderRow.getByRole('textbox', { name: 'Aktivitet' });
    await field.fill('999999999');
    await newOrderRow.getByRole('button', { name: 'Bestil' }).click();
    await expect(newOrderRow.getByRole('alert')).toHaveText(
      'Fejl: FDG kan højst bestilles med 50\u00a0000\u00a0MBq pr. ordre; ordren er på 999\u00a0999\u00a0999\u00a0MBq.',
    );
    await expect(field).toHaveValue('999999999');
    await expect(orderRows).toHaveCount(1);
    await shot(page, '03c-limit-refused');
    await field.fill('');
  });

  await test.step('[URS-ORD-001] deletes the order', async () => {
    await orderRows.first().getByRole('button', { name: 'Slet' }).click();
    await expect(slot.getByText('Der er ikke bestilt sporstof')).toBeVisible();
    await expect(orderRows).toHaveCount(0);
  });

  await test.step('[URS-INT-009][URS-PRD-004][URS-ORD-005] turns yellow without a reload when production accepts', async () => {
    await newOrderRow.getByRole('textbox', { name: 'Aktivitet' }).fill('300');
    await newOrderRow.getByRole('button', { name: 'Bestil' }).click();
    await expect(slot.getByText('Bestilt: 300 MBq')).toBeVisible();
    const label = await orderRows.first().getAttribute('aria-label');
    const orderId = Number(label?.replace('ID: ', ''));
    const production = await site.loginAs('prod-admin');
    await production.trpc.orders.activity.accept.mutate({ orderIds: [orderId] });
    await expect(orderRows.first().getByRole('img', { name: 'Accepteret' })).toBeVisible();
    await expect(orderRows.first().getByRole('button')).toHaveCount(0);
    await expect(dayButton).toHaveAttribute('data-fill', 'accepted');
    await shot(page, '04-accepted-live');
  });

  await test.step('[URS-DLN-002] after the deadline offers no new order, and the api refuses a forged one', async () => {
    // The activity deadline of the demo is 13:00 the day before; move the api's clock past it.
    const [year, month, date] = day.split('-');
    site.clock.set(
      new Date(Date.UTC(Number(year), Number(month) - 1, Number(date), 0, 0)).toISOString(),
    );
    await page.reload();
    await expect(slot.getByText('Bestilt: 300 MBq')).toBeVisible();
    await expect(newOrderRow).toHaveCount(0);
    const slotRow = await site.db.models.ActivityDeliveryTimeSlot.findOne({
      where: { deliveryTime: '08:00:00' },
      include: [{ association: 'endpoint', where: { name: 'PET1' } }],
    });
    const refusal = await page.evaluate(
      async ({ slotId, deliveryDate, version }) => {
        const response = await fetch('/trpc/orders.activity.create', {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'x-tracershop-version': version },
          body: JSON.stringify({ orderedTimeSlotId: slotId, deliveryDate, orderedActivity: 100 }),
        });
        return { status: response.status, body: (await response.json()) as unknown };
      },
      { slotId: slotRow?.id ?? 0, deliveryDate: day, version: appVersion() },
    );
    expect(refusal.status).toBe(403);
    expect(JSON.stringify(refusal.body)).toContain('DEADLINE_PASSED');
    await shot(page, '05-after-deadline');
  });

  await test.step('[URS-ACC-005] logs out to the login page', async () => {
    await page.getByRole('button', { name: 'Log ud' }).click();
    await page.waitForURL('**/shop/login');
    await expect(page.getByRole('heading', { name: 'Log ind' })).toBeVisible();
    expect(problems).toEqual([]);
  });
});
