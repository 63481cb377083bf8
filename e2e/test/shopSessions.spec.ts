/**
 * Sessions and retries in a real browser: the shop runs under the api's security headers, a
 * new order survives a server that stops while it is being sent (pressing Bestil again after
 * the restart creates it once), and logging out in one tab ends the session in the other.
 */
import { DEMO_PASSWORD } from '../../apps/api/test/testApi';
import { expect, test } from './fixtures';
import { openShopDay } from './shopDay';
import { siteToday, workdayAfter } from './site';

test('the shop under its security headers, an order retried after a stopped server, a session ended in another tab', async ({
  page,
  site,
  problems,
  shot,
}) => {
  // A day of its own, after the days other scenarios and the demo use.
  const day = workdayAfter(siteToday(), 10);
  const slot = page.getByRole('region', { name: 'Levering kl. 08:00' });
  const newOrderRow = slot.getByRole('group', { name: 'Ny ordre' });
  const ordersOfTheDay = (activity: number) =>
    site.db.models.ActivityOrder.count({ where: { deliveryDate: day, orderedActivity: activity } });
  // The stopped server's failed requests and closed socket are answers the page shows.
  const faults = () => problems.filter((line) => !line.includes('WebSocket'));

  await test.step('[URS-ACC-011] serves the shop with its security headers and works under them', async () => {
    const response = await page.goto(`${site.server.url}/shop/`);
    const headers = response?.headers() ?? {};
    expect(headers['content-security-policy']).toContain("script-src 'self'");
    expect(headers['content-security-policy']).toContain("frame-ancestors 'none'");
    expect(headers['x-content-type-options']).toBe('nosniff');
    expect(headers['referrer-policy']).toBe('same-origin');
    await page.waitForURL('**/shop/login');
    await page.locator('input[autocomplete="username"]').fill('shop-user');
    await page.locator('input[type="password"]').fill(DEMO_PASSWORD);
    await page.locator('input[type="password"]').press('Enter');
    await expect(page.getByRole('heading', { name: /^Ordrer for den / })).toBeVisible();
    await openShopDay(page, day);
    await expect(newOrderRow).toBeVisible();
    expect(faults()).toEqual([]);
  });

  await test.step('[URS-ORD-011] creates an order once when the server stopped while it was sent and Bestil is pressed again', async () => {
    // The request reaches the api, which creates the order; then the server stops before
    // the browser hears the answer (a crash, a restart during a deploy).
    await page.route(
      '**/trpc/orders.activity.create**',
      async (route) => {
        await route.fetch();
        await site.stop();
        await route.abort('connectionfailed');
      },
      { times: 1 },
    );
    await newOrderRow.getByRole('textbox', { name: 'Aktivitet' }).fill('275');
    await newOrderRow.getByRole('button', { name: 'Bestil' }).click();
    await expect(slot.getByRole('alert')).toHaveText(/Serveren kunne ikke nås/);
    expect(await ordersOfTheDay(275)).toBe(1);
    await shot(page, 'shop-order-server-stopped');

    await site.start();
    await newOrderRow.getByRole('button', { name: 'Bestil' }).click();
    await expect(slot.getByText('Bestilt: 275 MBq')).toBeVisible();
    expect(await ordersOfTheDay(275)).toBe(1);
    // The row empties once the order is in; the next order is a new one, with a new key.
    const activity = newOrderRow.getByRole('textbox', { name: 'Aktivitet' });
    await expect(activity).toHaveValue('');
    await activity.fill('125');
    await newOrderRow.getByRole('button', { name: 'Bestil' }).click();
    await expect.poll(() => ordersOfTheDay(125)).toBe(1);
    expect(await ordersOfTheDay(275)).toBe(1);
  });

  await test.step('[URS-ACC-005] shows the login page in a tab whose session was ended in another tab', async () => {
    const other = await page.context().newPage();
    await other.goto(`${site.server.url}/shop/`);
    await expect(other.getByRole('heading', { name: /^Ordrer for den / })).toBeVisible();
    await other.getByRole('button', { name: 'Log ud' }).click();
    await other.waitForURL('**/shop/login');
    // The first tab was not touched: the api closed its socket, and it asks who is logged in.
    await page.waitForURL('**/shop/login', { timeout: 5000 });
    await other.close();
    expect(faults()).toEqual([]);
  });
});
