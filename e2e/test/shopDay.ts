/**
 * Steps of the shop the browser tests share: choosing the customer, destination and product
 * of the order overview and a day on its calendar.
 */
import type { Page } from '@playwright/test';

export interface ShopChoice {
  customer: string;
  destination: string;
  product: string;
}

/** The demo's FDG for RH KF's PET1, where most scenarios order. */
export const RH_PET1_FDG: ShopChoice = { customer: 'RH KF', destination: 'PET1', product: 'FDG' };

/** The calendar never needs more than this many pages forward for a test's day. */
const MAX_MONTHS_AHEAD = 24;

/**
 * Chooses `choice` and `day` (`YYYY-MM-DD`) in the shop's order overview, paging the calendar
 * forward to the day's month (at most two years: a day further away is a mistake of the test).
 */
export async function openShopDay(
  page: Page,
  day: string,
  choice: ShopChoice = RH_PET1_FDG,
): Promise<void> {
  await page.getByLabel('Kunde').selectOption({ label: choice.customer });
  await page.getByLabel('Destination').selectOption({ label: choice.destination });
  await page.getByRole('button', { name: choice.product, exact: true }).click();
  const dayButton = page.locator(`[data-date="${day}"]`);
  for (let month = 0; (await dayButton.count()) === 0; month += 1) {
    if (month === MAX_MONTHS_AHEAD) {
      throw new Error(`${day} is not on the shop's calendar within ${MAX_MONTHS_AHEAD} months`);
    }
    await page.getByRole('button', { name: 'Næste' }).click();
  }
  await dayButton.click();
}
