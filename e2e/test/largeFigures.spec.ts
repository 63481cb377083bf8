/**
 * Figures at the plausibility limits on a 1366 × 768 screen: a delivery of two 49 999 MBq
 * orders (just under the 100 000 MBq a delivery may hold) in the shop and in production. No
 * figure breaks over two lines, and each is written one way (`99 998 MBq`).
 */
import { randomUUID } from 'node:crypto';
import type { Page } from '@playwright/test';
import { formatDanishDate } from '@tracershop/core';
import type { TestApi } from '../../apps/api/test/testApi';
import { expect, logIn, test } from './fixtures';
import { openShopDay } from './shopDay';
import { pet1FdgSlotId, siteToday, workdayAfter } from './site';

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

/** Production's two orders of 49 999 MBq for PET1's 08:00 FDG delivery on `day`. */
async function orderALargeDelivery(site: TestApi, day: string): Promise<void> {
  const production = await site.loginAs('prod-admin');
  const slotId = await pet1FdgSlotId(site, day);
  for (const comment of ['Stor dag', 'Stor dag 2']) {
    await production.trpc.orders.activity.createForCustomer.mutate({
      orderedTimeSlotId: slotId,
      deliveryDate: day,
      orderedActivity: 49_999,
      comment,
      clientKey: randomUUID(),
    });
  }
}

const day = workdayAfter(siteToday(), 8);

test.use({ viewport: { width: 1366, height: 768 } });

test('[URS-PRD-015] the shop’s card shows 99 998 MBq without breaking a figure', async ({
  page,
  site,
  shot,
}) => {
  await orderALargeDelivery(site, day);
  await logIn(page, site, 'shop', 'shop-user');
  await openShopDay(page, day);
  await expect(
    page.getByRole('heading', { name: `Ordrer for den ${formatDanishDate(day)}` }),
  ).toBeVisible();
  const slot = page.getByRole('region', { name: 'Levering kl. 08:00' });
  await expect(slot.getByText('Bestilt: 99\u00a0998\u00a0MBq')).toBeVisible();
  await shot(page, 'figures-shop-1366');
  const figures = await figuresOn(page);
  expect(figures.all).toContain('99\u00a0998\u00a0MBq');
  expect(figures.broken).toEqual([]);
});

test('[URS-PRD-015][URS-PRD-002] production’s run total and card show the figures without breaking one', async ({
  page,
  site,
  shot,
}) => {
  await orderALargeDelivery(site, day);
  await logIn(page, site, 'production', 'prod-user');
  await page.goto(`${site.server.url}/production/?date=${day}`);
  await page.getByRole('button', { name: 'FDG', exact: true }).click();
  const card = page.getByRole('region', { name: 'RH KF - PET1 kl. 08:00' });
  await expect(card.getByText('Bestilt: 99\u00a0998\u00a0MBq')).toBeVisible();
  // PET1's FDG overhead is 25 %: 124 997,5 MBq to deliver, cut to whole MBq.
  await expect(card.getByText('Til udlevering: 124\u00a0997\u00a0MBq')).toHaveCount(1);
  await shot(page, 'figures-production-1366');
  const figures = await figuresOn(page);
  expect(figures.all.length).toBeGreaterThan(3);
  expect(figures.broken).toEqual([]);
});
