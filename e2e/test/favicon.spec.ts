/**
 * Both apps carry their icon: each login page names it, the api serves it with its content
 * type, and loading the pages asks the server for nothing it does not have (no 404 for an
 * icon, e.g. /favicon.ico, and no console error).
 */
import { expect, test } from './fixtures';

for (const app of ['shop', 'production'] as const) {
  test(`the ${app} app names and serves its icon`, async ({ page, site }) => {
    /** Every answer of 400 or more and every console error while the page loads. */
    const problems: string[] = [];
    page.on('response', (response) => {
      if (response.status() >= 400) {
        problems.push(`${response.status()} ${response.url()}`);
      }
    });
    page.on('console', (message) => {
      if (message.type() === 'error') {
        problems.push(`console: ${message.text()}`);
      }
    });
    const base = site.server.url;
    await page.goto(`${base}/${app}/login`);
    await expect(page.locator('input[type="password"]')).toBeVisible();
    await page.waitForLoadState('networkidle');
    const icons = await page
      .locator('link[rel~="icon"]')
      .evaluateAll((links) => links.map((link) => (link as HTMLLinkElement).href));
    expect(icons).toEqual([`${base}/${app}/favicon.ico`, `${base}/${app}/favicon.svg`]);
    for (const [href, type] of [
      [`${base}/${app}/favicon.svg`, 'image/svg+xml'],
      [`${base}/${app}/favicon.ico`, 'image/x-icon'],
      [`${base}/${app}/apple-touch-icon.png`, 'image/png'],
      // What a browser asks for on a page without an icon of its own (a document, an error).
      [`${base}/favicon.ico`, 'image/x-icon'],
    ] as const) {
      const response = await page.request.get(href);
      expect([href, response.status(), response.headers()['content-type']]).toEqual([
        href,
        200,
        type,
      ]);
    }
    expect(problems).toEqual([]);
  });
}
