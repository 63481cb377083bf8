/**
 * A release right for an isotope in the browser (docs/user-guide-production.md, Opsætning →
 * Frigivelsesrettigheder): the production admin grants prod-user the right to release Ga-68
 * until a date, finds it in the list, changes its expiry in its row, and the site's database
 * holds the new date; the admin's own rights stay locked for them.
 */
import { addDays, formatDanishDate } from '@tracershop/core';
import { accessibilityViolations } from './accessibility';
import { expect, logIn, test } from './fixtures';

test('[URS-REL-005] the production admin grants an isotope right and changes its expiry', async ({
  page,
  site,
  problems,
  shot,
}) => {
  const { User, Isotope, ReleaseRight } = site.db.models;
  const prodUser = await User.findOne({ where: { username: 'prod-user' } });
  const ga68 = await Isotope.findOne({ where: { atomicLetter: 'Ga', atomicMass: 68 } });
  if (prodUser === null || ga68 === null) {
    throw new Error('the seed has no prod-user or Ga-68');
  }
  const expiryInDatabase = async () =>
    (await ReleaseRight.findAll({ where: { userId: prodUser.id, isotopeId: ga68.id } })).map(
      (right) => right.expiryDate,
    );
  expect(await expiryInDatabase()).toEqual([]);
  const firstExpiry = addDays(site.today, 60);
  const laterExpiry = addDays(site.today, 120);

  await logIn(page, site, 'production', 'prod-admin');
  await page.getByRole('link', { name: 'Opsætning' }).click();
  await page.getByRole('link', { name: 'Frigivelsesrettigheder', exact: true }).click();
  await page.waitForURL('**/production/setup/release-rights');

  const form = page.getByRole('form', { name: 'Opret ny frigivelsesrettighed' });
  await form.getByLabel('Bruger').selectOption({ label: 'prod-user (Demo Production User)' });
  const product = form.getByLabel('Produkt');
  await expect(product.locator('optgroup')).toHaveCount(2);
  await expect(product.locator('optgroup[label="Isotoper"] option')).toContainText(['Ga-68']);
  await product.selectOption({ label: 'Ga-68' });
  await form.getByLabel('Udløbsdato').fill(formatDanishDate(firstExpiry));
  await form.getByRole('button', { name: 'Opret rettighed' }).click();
  await expect(form.getByRole('status')).toHaveText('Rettigheden er oprettet.');

  const expiry = page.getByLabel('Udløb for Demo Production User, Ga-68', { exact: true });
  await expect(expiry).toHaveValue(formatDanishDate(firstExpiry));
  expect(await expiryInDatabase()).toEqual([firstExpiry]);

  // The admin's own rights are not theirs to change.
  const own = page.getByLabel('Udløb for Demo Production Admin, FDG', { exact: true });
  await expect(own).toBeDisabled();
  await expect(own).toHaveAttribute('title', /Din egen rettighed/);

  // A new expiry, saved with the keyboard: Enter in the field.
  await expiry.fill(formatDanishDate(laterExpiry));
  await expiry.press('Enter');
  await expect(page.getByText('Udløbet for Demo Production User, Ga-68 er gemt.')).toBeVisible();
  await expect(expiry).toHaveValue(formatDanishDate(laterExpiry));
  await expect.poll(expiryInDatabase).toEqual([laterExpiry]);
  await expect(
    page.getByRole('button', { name: 'Gem udløb for Demo Production User, Ga-68' }),
  ).toBeDisabled();

  await page.waitForLoadState('networkidle');
  await expect(page.locator('.ts-alert--error')).toHaveCount(0);
  expect(await accessibilityViolations(page)).toEqual([]);
  await shot(page, 'production-page-setup-release-rights-isotope');
  expect(problems).toEqual([]);
});
