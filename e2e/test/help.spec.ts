/**
 * "Hjælp" in the top bar of both apps opens the app's user guide as a page, in a real browser
 * against the built apps: the guide's title and sections, its list of contents leading to a
 * section by its #anchor, and its screenshots loaded from the app's assets. The shop user
 * reaches it with the keyboard; production also reads the shop's guide, through the link in
 * its own guide.
 */
import type { Locator } from '@playwright/test';
import { accessibilityViolations } from './accessibility';
import { expect, logIn, test } from './fixtures';

/** Scrolls `image` into view (the guides load their pictures lazily) and waits for it. */
async function expectLoaded(image: Locator) {
  await image.scrollIntoViewIfNeeded();
  await expect
    .poll(() => image.evaluate((img: HTMLImageElement) => (img.complete ? img.naturalWidth : 0)))
    .toBeGreaterThan(0);
}

test('the shop user opens "Hjælp" from the top bar and reads the shop guide', async ({
  page,
  site,
  problems,
}) => {
  await logIn(page, site, 'shop', 'shop-user');
  const help = page.getByRole('banner').getByRole('link', { name: 'Hjælp' });
  await help.focus();
  await page.keyboard.press('Enter');
  await page.waitForURL('**/shop/help');
  await expect(page.getByRole('heading', { level: 1, name: 'Hjælp' })).toBeVisible();
  await expect(help).toHaveAttribute('aria-current', 'page');
  await expect(
    page.getByRole('heading', {
      level: 2,
      name: 'User guide — the shop (hospital departments)',
    }),
  ).toBeVisible();
  const login = page.getByRole('img', { name: 'The login page' });
  await expect(login).toHaveAttribute('src', /^\/shop\/assets\/01-login-[\w-]+\.png$/);
  await expectLoaded(login);

  // The list of contents leads to a section by its anchor.
  await page
    .getByRole('navigation', { name: 'Indhold' })
    .getByRole('link', { name: 'Release certificate' })
    .click();
  await page.waitForURL('**/shop/help#release-certificate');
  await expect(
    page.getByRole('heading', { level: 3, name: 'Release certificate' }),
  ).toBeInViewport();
  await expectLoaded(
    page.getByRole('img', { name: 'A released delivery with its certificate link' }),
  );

  expect(await accessibilityViolations(page)).toEqual([]);
  expect(problems).toEqual([]);
});

test('production opens "Hjælp" with its own guide and the shop guide beside it', async ({
  page,
  site,
  problems,
}) => {
  await logIn(page, site, 'production', 'prod-user');
  await page.getByRole('banner').getByRole('link', { name: 'Hjælp' }).click();
  await page.waitForURL('**/production/help');
  await expect(
    page.getByRole('heading', {
      level: 2,
      name: 'User guide — the production app (radiochemistry)',
    }),
  ).toBeVisible();
  await expectLoaded(page.getByRole('img', { name: 'The order appears live in production' }));
  expect(await accessibilityViolations(page)).toEqual([]);

  // The production guide's link to the shop guide stays in the app.
  await page.getByRole('link', { name: 'the shop guide' }).click();
  await page.waitForURL('**/production/help/shop');
  await expect(
    page.getByRole('heading', {
      level: 2,
      name: 'User guide — the shop (hospital departments)',
    }),
  ).toBeInViewport();
  const login = page.getByRole('img', { name: 'The login page' });
  await expect(login).toHaveAttribute('src', /^\/production\/assets\/01-login-[\w-]+\.png$/);
  await expectLoaded(login);
  await expect(
    page
      .getByRole('navigation', { name: 'Brugervejledninger' })
      .getByRole('link', { name: 'Shoppen' }),
  ).toHaveAttribute('aria-current', 'page');
  expect(problems).toEqual([]);
});
