/**
 * Every user changes their own password in the app ("Skift kodeord" in the top bar of both
 * apps): in a real browser against a real api, the shop user is refused a wrong current
 * password in words, changes it, and their other session ends while this one goes on; after
 * logging out the old password is refused and the new one logs in (the changed page is
 * screenshot as `shop-page-password`). The production user finds the same page in the
 * production app.
 */
import type { Page } from '@playwright/test';
import { DEMO_PASSWORD } from '../../apps/api/test/testApi';
import { accessibilityViolations } from './accessibility';
import { expect, logIn, test } from './fixtures';

const NEW_PASSWORD = 'nyt-kodeord-2026';

/** The login page of `app`, filled in with `password`, submitted with Enter. */
async function tryLogIn(page: Page, baseUrl: string, app: string, password: string) {
  await page.goto(`${baseUrl}/${app}/login`);
  await page.getByRole('textbox', { name: 'Brugernavn' }).fill('shop-user');
  await page.getByLabel('Kodeord').fill(password);
  await page.getByLabel('Kodeord').press('Enter');
}

test('[URS-ACC-007][URS-ACC-003][URS-ACC-005] the shop user changes their own password from the top bar', async ({
  page,
  site,
  problems,
  loggedInPage,
  shot,
}) => {
  const current = page.getByLabel('Nuværende kodeord');
  const fresh = page.getByLabel('Nyt kodeord', { exact: true });
  const repeat = page.getByLabel('Gentag nyt kodeord');
  const submit = page.getByRole('button', { name: 'Skift kodeord' });
  // The same user in another browser: their session ends with the change.
  const other = await loggedInPage('shop', 'shop-user', 'other tab');

  await test.step('opens "Skift kodeord" from the top bar, focus in the first field', async () => {
    await logIn(page, site, 'shop', 'shop-user');
    await page.getByRole('banner').getByRole('link', { name: 'Skift kodeord' }).click();
    await page.waitForURL('**/shop/password');
    await expect(page.getByRole('heading', { level: 1, name: 'Skift kodeord' })).toBeVisible();
    await expect(current).toBeFocused();
    await expect(page.getByText(/Det nye kodeord skal have mindst 8 tegn/)).toBeVisible();
    expect(await accessibilityViolations(page)).toEqual([]);
  });

  await test.step('refuses a wrong current password in words, beside the field', async () => {
    await current.fill('forkert-kodeord');
    await fresh.fill(NEW_PASSWORD);
    await repeat.fill(NEW_PASSWORD);
    await repeat.press('Enter');
    await expect(current).toHaveAttribute('aria-invalid', 'true');
    await expect(current).toHaveAccessibleDescription('Det nuværende kodeord er forkert.');
    await expect(current).toHaveValue('');
    await expect(current).toBeFocused();
  });

  await test.step('changes it with the right current password; the other session ends', async () => {
    await current.fill(DEMO_PASSWORD);
    await submit.click();
    await expect(page.getByRole('status')).toHaveText(
      'Dit kodeord er skiftet. Dine andre sessioner er logget ud.',
    );
    await expect(current).toHaveValue('');
    await expect(fresh).toHaveValue('');
    await expect(repeat).toHaveValue('');
    await shot(page, 'shop-page-password');
    // This session goes on; the other one is sent to the login page.
    await other.waitForURL('**/shop/login', { timeout: 5000 });
    await page.getByRole('link', { name: 'Ordrer' }).click();
    await expect(page.getByRole('heading', { name: /^Ordrer for den / })).toBeVisible();
  });

  await test.step('after logging out, the old password is refused and the new one logs in', async () => {
    await page.getByRole('button', { name: 'Log ud' }).click();
    await page.waitForURL('**/shop/login');
    await tryLogIn(page, site.server.url, 'shop', DEMO_PASSWORD);
    await expect(page.getByRole('alert')).toHaveText('Fejl: Forkert brugernavn eller kodeord.');
    await tryLogIn(page, site.server.url, 'shop', NEW_PASSWORD);
    await expect(page.getByRole('heading', { name: /^Ordrer for den / })).toBeVisible();
  });

  expect(problems).toEqual([]);
});

test('[URS-ACC-007] the production user finds "Skift kodeord" in the production top bar', async ({
  page,
  site,
  problems,
}) => {
  await logIn(page, site, 'production', 'prod-user');
  await page.getByRole('banner').getByRole('link', { name: 'Skift kodeord' }).click();
  await page.waitForURL('**/production/password');
  await expect(page.getByRole('heading', { level: 1, name: 'Skift kodeord' })).toBeVisible();
  await expect(page.getByLabel('Nuværende kodeord')).toBeFocused();
  await expect(page.getByLabel('Nyt kodeord', { exact: true })).toBeVisible();
  await expect(page.getByLabel('Gentag nyt kodeord')).toBeVisible();
  await expect(
    page.getByRole('banner').getByRole('link', { name: 'Skift kodeord' }),
  ).toHaveAttribute('aria-current', 'page');
  expect(await accessibilityViolations(page)).toEqual([]);
  expect(problems).toEqual([]);
});
