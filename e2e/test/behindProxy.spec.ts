/**
 * Tracershop as a site installs it (deploy/README.md): Debian's nginx with TLS and HTTP/2
 * running deploy/nginx/tracershop.conf in front of two api instances started from
 * deploy/tracershop.env.example, on one MariaDB site, sharing live events over Redis
 * (`proxiedSite.ts`). Plain HTTP is redirected to HTTPS; production and the shop log in
 * through nginx with a Secure session cookie and Strict-Transport-Security; an order made in
 * the shop appears on the open production page over its WebSocket through nginx, without a
 * reload; hashed assets are cached for a year and gzipped, index.html is not cached; a body
 * above the api's limit gets the api's own refusal and a far larger one stops at nginx;
 * sign-on headers sent by a browser never reach the api; and both instances served requests.
 */
import { logInAt } from './fixtures';
import { expect, test } from './proxiedSite';
import { openShopDay } from './shopDay';
import { siteToday, workdayAfter } from './site';

const SESSION_COOKIE = 'tracershop_session';

/** `host:port` of each upstream nginx tried for one request (`a, b` after a retry). */
function upstreamsOf(upstreamAddr: string): string[] {
  return upstreamAddr.split(/, | : /).filter((address) => /:\d+$/.test(address));
}

test('[URS-ACC-012] behind nginx with TLS: HTTPS only, secure sessions, cached assets and a live order across the proxy', async ({
  proxiedSite,
  proxiedPage,
  playwright,
  problems,
  shot,
}) => {
  const { url, httpUrl, instances } = proxiedSite;
  // Past the demo's seeded order days, so the slot carries only the order made here.
  const day = workdayAfter(siteToday(), 8);
  const production = await proxiedPage('production');
  const shop = await proxiedPage('shop');
  const productionCard = production.getByRole('region', { name: 'RH KF - PET1 kl. 08:00' });
  const shopSlot = shop.getByRole('region', { name: 'Levering kl. 08:00' });
  const request = await playwright.request.newContext({ ignoreHTTPSErrors: true });

  await test.step('redirects plain HTTP to HTTPS, which carries Strict-Transport-Security', async () => {
    const redirect = await request.get(`${httpUrl}/production/?date=${day}`, { maxRedirects: 0 });
    expect(redirect.status()).toBe(301);
    expect(redirect.headers().location).toBe(`${url}/production/?date=${day}`);

    const response = await production.goto(`${httpUrl}/production/`);
    await production.waitForURL(`${url}/production/login`);
    expect(response?.url()).toBe(`${url}/production/`);
    expect(response?.headers()['strict-transport-security']).toBe('max-age=63072000');
    expect(response?.headers()['content-security-policy']).toContain("connect-src 'self'");
  });

  await test.step('logs prod-user and shop-user in over HTTP/2 with Secure session cookies', async () => {
    await logInAt(production, url, 'production', 'prod-user');
    await logInAt(shop, url, 'shop', 'shop-user');
    for (const page of [production, shop]) {
      const cookies = await page.context().cookies(url);
      expect(cookies.find((cookie) => cookie.name === SESSION_COOKIE)).toMatchObject({
        secure: true,
        httpOnly: true,
        sameSite: 'Strict',
      });
      const protocol = await page.evaluate(
        () =>
          (performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming)
            .nextHopProtocol,
      );
      expect(protocol).toBe('h2');
    }
  });

  await test.step('shows an order made in the shop live on the open production page', async () => {
    await openShopDay(shop, day);
    await expect(shopSlot.getByText('Der er ikke bestilt sporstof')).toBeVisible();
    await production.goto(`${url}/production/?date=${day}`);
    await production.getByRole('button', { name: 'FDG', exact: true }).click();
    await expect(productionCard).toBeVisible();
    await expect(productionCard.getByRole('img', { name: 'Bestilt' })).toHaveCount(0);
    const loadedAt = await production.evaluate(() => performance.timeOrigin);

    const newOrder = shopSlot.getByRole('group', { name: 'Ny ordre' });
    await newOrder.getByRole('textbox', { name: 'Aktivitet' }).fill('300');
    await newOrder.getByRole('button', { name: 'Bestil' }).click();
    await expect(shopSlot.getByText('Bestilt: 300 MBq')).toBeVisible();

    await expect(productionCard.getByRole('img', { name: 'Bestilt' })).toBeVisible();
    await expect(productionCard.getByText('Bestilt: 300 MBq')).toBeVisible();
    expect(await production.evaluate(() => performance.timeOrigin)).toBe(loadedAt);
    await shot(production, 'proxy-production-live-order');
  });

  await test.step('caches hashed assets for a year, gzipped, and index.html not at all', async () => {
    const script = await production.locator('script[src*="/assets/"]').first().getAttribute('src');
    expect(script).toMatch(/^\/production\/assets\/[\w-]+-[\w-]{8}\.js$/);
    const asset = await request.get(`${url}${script ?? ''}`, {
      headers: { 'accept-encoding': 'gzip' },
    });
    expect(asset.status()).toBe(200);
    expect(asset.headers()['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(asset.headers()['content-encoding']).toBe('gzip');
    const index = await request.get(`${url}/production/`);
    expect(index.headers()['cache-control']).toBe('no-cache');
  });

  await test.step('leaves a body above 2 MiB to the api to refuse and stops a far larger one', async () => {
    const login = (bytes: number) =>
      request.post(`${url}/trpc/auth.login`, {
        headers: { 'content-type': 'application/json' },
        data: JSON.stringify({ username: 'x'.repeat(bytes), password: 'x' }),
      });
    const aboveTheApi = await login(2.5 * 1024 * 1024);
    expect(aboveTheApi.status()).toBe(413);
    expect(await aboveTheApi.text()).toContain('PAYLOAD_TOO_LARGE');
    const aboveNginx = await login(4 * 1024 * 1024);
    expect(aboveNginx.status()).toBe(413);
    expect(aboveNginx.headers()['content-type']).toContain('text/html');
  });

  await test.step('keeps sign-on headers sent by a browser from the api', async () => {
    const signOn = {
      'x-tracer-user': 'proxy-probe',
      'x-tracer-role': '5',
      'x-tracer-proxy-secret': proxiedSite.proxySecret,
    };
    const throughNginx = await request.get(`${url}/trpc/auth.whoami`, { headers: signOn });
    expect(throughNginx.status()).toBe(200);
    expect(throughNginx.headers()['set-cookie']).toBeUndefined();
    expect(await throughNginx.json()).toMatchObject({ result: { data: { user: null } } });
    // The same headers straight from nginx's address sign on: only nginx kept them out.
    const direct = await request.get(`http://${instances[0]?.address}/trpc/auth.whoami`, {
      headers: signOn,
    });
    expect(direct.headers()['set-cookie']).toContain(`${SESSION_COOKIE}=`);
  });

  await test.step('spread the requests over both instances, all over TLS 1.3', async () => {
    // A WebSocket's line is written when it closes.
    await production.context().close();
    await expect
      .poll(async () =>
        (await proxiedSite.accessLog()).some(
          (entry) => entry.status === 101 && entry.user_agent.endsWith('/production'),
        ),
      )
      .toBe(true);
    const log = await proxiedSite.accessLog();
    const served = new Set(log.flatMap((entry) => upstreamsOf(entry.upstream_addr)));
    expect([...served].sort()).toEqual(instances.map((instance) => instance.address).sort());
    const overHttps = log.filter((entry) => entry.tls !== '');
    expect(overHttps.length).toBeGreaterThan(0);
    expect(new Set(overHttps.map((entry) => entry.tls))).toEqual(new Set(['TLSv1.3']));

    // Which instance took the order and which one held production's last socket (open when
    // the order came): the same one, or two (the event then travelled over Redis). nginx
    // chooses; the report tells.
    const socket = log
      .filter((entry) => entry.status === 101 && entry.user_agent.endsWith('/production'))
      .at(-1);
    const order = log.find(
      (entry) => entry.path.includes('orders.activity.create') && entry.method === 'POST',
    );
    test.info().annotations.push({
      type: 'live order',
      description: `created on ${order?.upstream_addr ?? '?'}, production's WebSocket on ${socket?.upstream_addr ?? '?'}`,
    });
  });

  await request.dispose();
  expect(problems).toEqual([]);
});
