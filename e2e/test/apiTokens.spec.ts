/**
 * A script's API token from start to end in the browser (docs/scripts.md): the site admin
 * creates a read-only production token on Opsætning → API-nøgler, copies it from the one time
 * it is shown, a script reads the site with it (and is refused a change), the list shows its
 * last use, and after the revocation the same script is refused.
 */
import type { APIRequestContext } from '@playwright/test';
import { request as playwrightRequest } from '@playwright/test';
import { expect, logIn, test } from './fixtures';

interface TrpcAnswer {
  result?: { data: unknown };
  error?: { message: string; data: { reason: string } };
}

/** A script's HTTP client: no cookies, only the token. */
async function scriptWith(token: string): Promise<APIRequestContext> {
  return playwrightRequest.newContext({
    extraHTTPHeaders: { authorization: `Bearer ${token}` },
  });
}

test('[URS-ACC-015] the site admin creates a token, a script uses it, and a revocation ends it', async ({
  page,
  site,
  problems,
  shot,
}) => {
  await logIn(page, site, 'production', 'site-admin');
  await page.getByRole('link', { name: 'Opsætning' }).click();
  await page.getByRole('link', { name: 'API-nøgler', exact: true }).click();
  await page.waitForURL('**/production/setup/api-tokens');
  await expect(page.getByRole('table', { name: 'API-nøgler' })).toContainText(
    'Der er ingen API-nøgler.',
  );

  const form = page.getByRole('form', { name: 'Ny API-nøgle' });
  await form.getByLabel('Navn').fill('natlig-csv');
  await expect(form.getByLabel('Rolle')).toHaveValue('3');
  await expect(form.getByLabel('Kun læse')).toBeChecked();
  await form.getByRole('button', { name: 'Opret nøgle' }).click();
  await expect(page.getByText(/API-nøglen »natlig-csv« er oprettet/)).toBeVisible();
  const token = await page.getByLabel('API-nøglen', { exact: true }).inputValue();
  expect(token).toMatch(/^tsk_[A-Za-z0-9_-]{43}$/);
  await shot(page, 'production-page-setup-api-tokens-created');

  const script = await scriptWith(token);
  const read = await script.get(`${site.server.url}/trpc/setup.catalog`);
  expect(read.status()).toBe(200);
  const catalog = (await read.json()) as TrpcAnswer;
  expect(JSON.stringify(catalog.result?.data)).toContain('"shortname":"FDG"');
  const change = await script.post(`${site.server.url}/trpc/setup.closedDates.toggle`, {
    data: { date: '2027-05-03' },
  });
  expect(((await change.json()) as TrpcAnswer).error?.data.reason).toBe('TOKEN_READ_ONLY');

  // Shown once: gone when dismissed, and the list holds no token, only its use.
  await page.getByRole('button', { name: 'Færdig' }).click();
  await expect(page.getByLabel('API-nøglen', { exact: true })).toHaveCount(0);
  await page.reload();
  const row = page.getByRole('row', { name: /natlig-csv/ });
  await expect(row).toContainText('Produktionsbruger');
  await expect(row).toContainText('Kun læse');
  await expect(row).toContainText('fra 127.0.0.1');
  await expect(page.getByText(token)).toHaveCount(0);

  await page.getByRole('button', { name: 'Tilbagekald natlig-csv' }).click();
  const dialog = page.getByRole('dialog', { name: 'Tilbagekald API-nøglen »natlig-csv«?' });
  await dialog.getByRole('button', { name: 'Tilbagekald' }).click();
  await expect(row).toContainText('Tilbagekaldt af');
  await shot(page, 'production-page-setup-api-tokens-revoked');

  const refused = await script.get(`${site.server.url}/trpc/setup.catalog`);
  expect(refused.status()).toBe(401);
  expect(((await refused.json()) as TrpcAnswer).error?.data.reason).toBe('TOKEN_REFUSED');
  await script.dispose();
  expect(problems).toEqual([]);
});
