/**
 * Debian's Chromium driven by playwright-core (no browser download): headless, no sandbox
 * (containers), none of Chrome's background traffic, a fresh profile per run. Scenarios with
 * several users at once take one browser with a context (own cookies) per user.
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { BrowserContext, BrowserContextOptions } from 'playwright-core';
import { chromium } from 'playwright-core';

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export const chromiumAvailable = existsSync(CHROMIUM_PATH);

export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

export interface TestBrowser {
  context: BrowserContext;
  close(): Promise<void>;
}

const CONTEXT_OPTIONS: BrowserContextOptions = {
  viewport: { width: 1280, height: 900 },
  locale: 'da-DK',
  timezoneId: 'Europe/Copenhagen',
};

export async function launchBrowser(): Promise<TestBrowser> {
  const profile = mkdtempSync(path.join(tmpdir(), 'tracershop-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: CHROMIUM_ARGS,
    ...CONTEXT_OPTIONS,
  });
  return {
    context,
    async close() {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

export interface MultiUserBrowser {
  /** A fresh context: its own cookies, so its own logged-in user. */
  newContext(): Promise<BrowserContext>;
  close(): Promise<void>;
}

/** One Chromium for several users side by side (e.g. the shop and production). */
export async function launchMultiUserBrowser(): Promise<MultiUserBrowser> {
  const browser = await chromium.launch({
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: CHROMIUM_ARGS,
  });
  return {
    newContext: () => browser.newContext(CONTEXT_OPTIONS),
    close: () => browser.close(),
  };
}
