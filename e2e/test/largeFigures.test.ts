/**
 * Figures at the plausibility limits on a 1366 × 768 screen: a delivery of two 49 999 MBq
 * orders (just under the 100 000 MBq a delivery may hold) in the shop and in production. No
 * figure breaks over two lines, and each is written one way (`99 998 MBq`).
 */
import { randomUUID } from 'node:crypto';
import { existsSync, mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { formatDanishDate, weekdayOf } from '@tracershop/core';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestApi } from '../../apps/api/test/testApi';
import { startTestApi } from '../../apps/api/test/testApi';
import type { MultiUserBrowser } from './browser';
import { CHROMIUM_PATH, chromiumAvailable, launchMultiUserBrowser } from './browser';
import { openShopDay } from './shopDay';
import { appVersion, customerAppDir, siteToday, workdayAfter } from './site';

const artifacts = fileURLToPath(new URL('../artifacts/', import.meta.url));
const productionAppDir = fileURLToPath(new URL('../../apps/production/dist', import.meta.url));

if (!chromiumAvailable) {
  console.warn(
    `Browser tests skipped: no Chromium at ${CHROMIUM_PATH} (apt-get install chromium; CI installs it).`,
  );
}

/** Every activity or volume figure on the page, and those whose text spans two lines. */
function figuresOn(page: Page): Promise<{ all: string[]; broken: string[] }> {
  return page.evaluate(() => {
    const pattern = /\d{1,3}(?:\u00a0\d{3})*(?:[.,]\d+)?\u00a0(?:MBq|ml)/g;
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    const all: string[] = [];
    const broken: string[] = [];
    while (walker.nextNode()) {
      const node = walker.currentNode as Text;
      for (const match of node.data.matchAll(pattern)) {
        const range = document.createRange();
        range.setStart(node, match.index);
        range.setEnd(node, match.index + match[0].length);
        const lines = new Set(
          [...range.getClientRects()]
            .filter((rect) => rect.width > 0)
            .map((rect) => Math.round(rect.top)),
        );
        all.push(match[0]);
        if (lines.size > 1) {
          broken.push(match[0]);
        }
      }
    }
    return { all, broken };
  });
}

async function logIn(page: Page, url: string, username: string): Promise<void> {
  await page.goto(url);
  await page.waitForURL('**/login');
  await page.getByRole('textbox', { name: 'Brugernavn' }).fill(username);
  await page.getByLabel('Kodeord').fill('tracershop');
  await page.getByRole('button', { name: 'Log ind' }).click();
  await page.getByRole('heading', { name: /^Ordrer for den / }).waitFor();
}

describe.skipIf(!chromiumAvailable)('large figures at 1366 × 768 in Chromium', () => {
  let api: TestApi;
  let browser: MultiUserBrowser;
  const day = workdayAfter(siteToday(), 8);

  beforeAll(async () => {
    for (const dir of [customerAppDir, productionAppDir]) {
      if (!existsSync(`${dir}/index.html`)) {
        throw new Error(`${dir} is not built: run \`npm run build\`.`);
      }
    }
    mkdirSync(artifacts, { recursive: true });
    api = await startTestApi({
      dialect: 'sqlite',
      now: new Date().toISOString(),
      config: { version: appVersion(), customerAppDir, productionAppDir },
    });
    const fdg = await api.db.models.Tracer.findOne({ where: { shortname: 'FDG' } });
    const slot = await api.db.models.ActivityDeliveryTimeSlot.findOne({
      where: { deliveryTime: '08:00:00' },
      include: [
        { association: 'endpoint', where: { name: 'PET1' } },
        { association: 'production', where: { tracerId: fdg?.id ?? 0, weekday: weekdayOf(day) } },
      ],
    });
    const production = await api.loginAs('prod-admin');
    for (const comment of ['Stor dag', 'Stor dag 2']) {
      await production.trpc.orders.activity.createForCustomer.mutate({
        orderedTimeSlotId: slot?.id ?? 0,
        deliveryDate: day,
        orderedActivity: 49_999,
        comment,
        clientKey: randomUUID(),
      });
    }
    browser = await launchMultiUserBrowser();
  });

  afterAll(async () => {
    await browser?.close();
    await api?.close();
  });

  it('shows the shop’s card without breaking a figure', async () => {
    const page = await (await browser.newContext()).newPage();
    await page.setViewportSize({ width: 1366, height: 768 });
    await logIn(page, `${api.server.url}/shop/`, 'shop-user');
    await openShopDay(page, day);
    await page.getByRole('heading', { name: `Ordrer for den ${formatDanishDate(day)}` }).waitFor();
    const slot = page.getByRole('region', { name: 'Levering kl. 08:00' });
    await slot.getByText('Bestilt: 99\u00a0998\u00a0MBq').waitFor();
    await page.screenshot({ path: `${artifacts}figures-shop-1366.png` });
    const figures = await figuresOn(page);
    expect(figures.all).toContain('99\u00a0998\u00a0MBq');
    expect(figures.broken).toEqual([]);
  });

  it('shows production’s run total and card without breaking a figure', async () => {
    const page = await (await browser.newContext()).newPage();
    await page.setViewportSize({ width: 1366, height: 768 });
    await logIn(page, `${api.server.url}/production/`, 'prod-user');
    await page.goto(`${api.server.url}/production/?date=${day}`);
    await page.getByRole('button', { name: 'FDG', exact: true }).click();
    const card = page.getByRole('region', { name: 'RH KF - PET1 kl. 08:00' });
    await card.getByText('Bestilt: 99\u00a0998\u00a0MBq').waitFor();
    // PET1's FDG overhead is 25 %: 124 997,5 MBq to deliver, cut to whole MBq.
    expect(await card.getByText('Til udlevering: 124\u00a0997\u00a0MBq').count()).toBe(1);
    await page.screenshot({ path: `${artifacts}figures-production-1366.png` });
    const figures = await figuresOn(page);
    expect(figures.all.length).toBeGreaterThan(3);
    expect(figures.broken).toEqual([]);
  });
});
