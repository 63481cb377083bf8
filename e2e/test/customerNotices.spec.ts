/**
 * A notice from production to the shop in the browser: the production admin writes a notice
 * to every customer on Opsætning → Beskeder, the shop user sees it at the top of the order
 * page as it is saved (live event), closes it with "Luk", and it stays closed after a reload.
 */
import { addDays, formatDanishDate } from '@tracershop/core';
import { expect, test } from './fixtures';
import { siteToday } from './site';

const MESSAGE = 'Lukket juleaften: bestil senest den 23. december.';
const DISMISSAL_PREFIX = 'tracershop.shop.dismissedNotice.';

test('a notice written in production shows in the shop until the user closes it', async ({
  loggedInPage,
  problems,
  shot,
}) => {
  const shop = await loggedInPage('shop', 'shop-user', 'shop');
  const production = await loggedInPage('production', 'prod-admin', 'production');
  const notices = shop.getByRole('region', { name: 'Beskeder fra produktionen' });
  const lastDay = formatDanishDate(addDays(siteToday(), 14));

  await test.step('[URS-ORD-020] the production admin writes a notice to every customer', async () => {
    await production.getByRole('link', { name: 'Opsætning' }).click();
    await production.getByRole('link', { name: 'Beskeder', exact: true }).click();
    await production.waitForURL('**/production/setup/notices');
    const form = production.getByRole('form', { name: 'Ny besked' });
    await form.getByLabel('Besked', { exact: true }).fill(MESSAGE);
    await expect(form.getByLabel('Alle kunder')).toBeChecked();
    await form.getByLabel('Sidste dag').fill(lastDay);
    await form.getByRole('button', { name: 'Opret besked' }).click();
    const row = production
      .getByRole('table', { name: 'Beskeder' })
      .getByRole('row', { name: /Lukket juleaften/ });
    await expect(row).toContainText('Alle kunder');
    await expect(row).toContainText(lastDay);
    await expect(row).toContainText('Aktuel');
  });

  await test.step('[URS-ORD-020] the shop user sees it at the top of the order page', async () => {
    // The shop was open already: the live event brings the notice.
    await expect(notices).toContainText(MESSAGE);
    await shot(shop, 'shop-notice');
  });

  await test.step('[URS-ORD-020] "Luk" hides it, and it stays hidden after a reload', async () => {
    // The demo site has a notice of its own: close this one.
    await notices
      .getByRole('status')
      .filter({ hasText: MESSAGE })
      .getByRole('button', { name: 'Luk' })
      .click();
    await expect(shop.getByText(MESSAGE)).toHaveCount(0);
    const dismissals = () =>
      shop.evaluate(
        (prefix) => Object.keys(localStorage).filter((key) => key.startsWith(prefix)),
        DISMISSAL_PREFIX,
      );
    expect(await dismissals()).toHaveLength(1);
    // The notices are read again (batched with other reads): the notice is still listed.
    const listed = shop.waitForResponse(
      (response) => response.url().includes('setup.notices.list') && response.ok(),
    );
    await shop.reload();
    await listed;
    await expect(shop.getByRole('heading', { name: /^Ordrer for den / })).toBeVisible();
    await expect(shop.getByText(MESSAGE)).toHaveCount(0);
    expect(await dismissals()).toHaveLength(1);
  });

  expect(problems).toEqual([]);
});
