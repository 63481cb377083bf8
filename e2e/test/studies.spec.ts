/**
 * The PET flag of a RIS study in the browser (docs/user-guide-production.md, Opsætning →
 * Undersøgelser): the site admin finds a demo study by its code, unticks "Er PET", the site's
 * database holds the change at once, and ticking it again puts it back.
 */
import { accessibilityViolations } from './accessibility';
import { expect, logIn, test } from './fixtures';

test('[URS-ORD-017] the site admin unticks and ticks Er PET of a study', async ({
  page,
  site,
  problems,
  shot,
}) => {
  const { ProcedureIdentifier } = site.db.models;
  const naf = await ProcedureIdentifier.findOne({ where: { code: 'WZCXNAF' } });
  if (naf === null) {
    throw new Error('the seed has no study WZCXNAF');
  }
  expect(naf.isPet).toBe(true);
  const isPetInDatabase = async () => (await ProcedureIdentifier.findByPk(naf.id))?.isPet;

  await logIn(page, site, 'production', 'site-admin');
  await page.getByRole('link', { name: 'Opsætning' }).click();
  await page.getByRole('link', { name: 'Undersøgelser', exact: true }).click();
  await page.waitForURL('**/production/setup/studies');

  const table = page.getByRole('table', { name: 'Undersøgelser' });
  await expect(table).toContainText('PET/CT FDG helkrop');
  await expect(page.getByRole('checkbox', { name: 'Er PET for WDCXSCINT' })).not.toBeChecked();
  await page.getByLabel('Filter (kode eller beskrivelse)').fill('naf');
  await expect(table.getByRole('row')).toHaveCount(2);

  const flag = page.getByRole('checkbox', { name: 'Er PET for WZCXNAF' });
  await expect(flag).toBeChecked();
  await flag.uncheck();
  await expect.poll(isPetInDatabase).toBe(false);
  await expect(flag).toBeEnabled();
  await expect(flag).not.toBeChecked();

  // "Kun PET" now leaves it out; with the keyboard, it comes back ticked.
  await page.getByRole('checkbox', { name: 'Kun PET' }).check();
  await expect(flag).toHaveCount(0);
  await page.getByRole('checkbox', { name: 'Kun PET' }).uncheck();
  await flag.focus();
  await page.keyboard.press('Space');
  await expect.poll(isPetInDatabase).toBe(true);
  await expect(flag).toBeEnabled();
  await expect(flag).toBeChecked();

  await page.getByLabel('Filter (kode eller beskrivelse)').fill('');
  await page.waitForLoadState('networkidle');
  await expect(page.locator('.ts-alert--error')).toHaveCount(0);
  expect(await accessibilityViolations(page)).toEqual([]);
  await shot(page, 'production-page-setup-studies');
  expect(problems).toEqual([]);
});
