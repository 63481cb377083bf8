/**
 * Debian's Chromium (no browser download): headless, no sandbox (containers), none of
 * Chrome's background traffic. `playwright.config.ts` launches it with these; without it the
 * suite is skipped with a message (the `chromium` test peer of @tracershop/db/testing).
 */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];
