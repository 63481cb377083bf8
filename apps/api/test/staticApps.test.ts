/**
 * The api serves the built apps: files with the right cache headers, client-side routes
 * falling back to index.html, `/` sending each user to the app of their role, the apps' icons
 * (their `public/` folders, copied into the build) with their content types, and the
 * security headers on every response.
 */
import { cp, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestApi } from './testApi';
import { startTestApi } from './testApi';

const appsFolder = path.resolve(import.meta.dirname, '../..');

describe('serving the web apps (sqlite)', () => {
  let api: TestApi;
  let folder: string;
  let base: string;

  beforeAll(async () => {
    folder = await mkdtemp(path.join(tmpdir(), 'tracershop-apps-'));
    for (const app of ['customer', 'production']) {
      await mkdir(path.join(folder, app, 'assets'), { recursive: true });
      await writeFile(path.join(folder, app, 'index.html'), `<!doctype html><title>${app}</title>`);
      await writeFile(path.join(folder, app, 'assets', 'main-abc123.js'), `console.log('${app}');`);
      // What Vite copies from the app's public folder into its build.
      await cp(path.join(appsFolder, app, 'public'), path.join(folder, app), { recursive: true });
    }
    api = await startTestApi({
      dialect: 'sqlite',
      config: {
        customerAppDir: path.join(folder, 'customer'),
        productionAppDir: path.join(folder, 'production'),
      },
    });
    base = api.server.url.replace('localhost', '127.0.0.1');
  });

  afterAll(async () => {
    await api?.close();
    await rm(folder, { recursive: true, force: true });
  });

  it('[URS-PRF-008] serves hashed assets for a year and index.html never from cache', async () => {
    const asset = await fetch(`${base}/shop/assets/main-abc123.js`);
    expect(asset.status).toBe(200);
    expect(asset.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect(asset.headers.get('content-type')).toContain('text/javascript');
    const index = await fetch(`${base}/production/`);
    expect(await index.text()).toContain('<title>production</title>');
    expect(index.headers.get('cache-control')).toBe('no-cache');
  });

  it('falls back to index.html for client-side routes, not for missing assets', async () => {
    const route = await fetch(`${base}/shop/bestillinger/2026-11-23`);
    expect(route.status).toBe(200);
    expect(await route.text()).toContain('<title>customer</title>');
    expect((await fetch(`${base}/shop/assets/missing-000.js`)).status).toBe(404);
    expect((await fetch(`${base}/shop/../../etc/passwd`)).status).not.toBe(200);
  });

  it('sends / to the login page, or to the app of the logged-in role', async () => {
    const anonymous = await fetch(`${base}/`, { redirect: 'manual' });
    expect(anonymous.status).toBe(302);
    expect(anonymous.headers.get('location')).toBe('/shop/login');
    for (const [username, target] of [
      ['prod-user', '/production/'],
      ['shop-user', '/shop/'],
    ] as const) {
      const client = await api.loginAs(username);
      const response = await fetch(`${base}/`, {
        redirect: 'manual',
        headers: { cookie: client.jar.header() },
      });
      expect(response.headers.get('location')).toBe(target);
    }
  });

  it('redirects /shop to /shop/ keeping the query', async () => {
    const response = await fetch(`${base}/shop?date=2026-11-23`, { redirect: 'manual' });
    expect(response.status).toBe(308);
    expect(response.headers.get('location')).toBe('/shop/?date=2026-11-23');
  });

  it("serves both apps' icons, and the site's /favicon.ico, with their content types", async () => {
    for (const prefix of ['/shop/', '/production/']) {
      for (const [file, type] of [
        ['favicon.svg', 'image/svg+xml'],
        ['favicon.ico', 'image/x-icon'],
        ['apple-touch-icon.png', 'image/png'],
      ] as const) {
        const response = await fetch(`${base}${prefix}${file}`);
        expect([prefix + file, response.status]).toEqual([prefix + file, 200]);
        expect(response.headers.get('content-type')).toBe(type);
        expect((await response.arrayBuffer()).byteLength).toBeGreaterThan(100);
      }
    }
    const svg = await (await fetch(`${base}/shop/favicon.svg`)).text();
    expect(svg).toMatch(/^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg" viewBox="0 0 32 32">/);
    const root = await fetch(`${base}/favicon.ico`);
    expect(root.status).toBe(200);
    expect(root.headers.get('content-type')).toBe('image/x-icon');
    expect(Buffer.from(await root.arrayBuffer())).toEqual(
      await readFile(path.join(appsFolder, 'customer', 'public', 'favicon.ico')),
    );
    // The apps' pages name their icons.
    for (const app of ['customer', 'production']) {
      const html = await readFile(path.join(appsFolder, app, 'index.html'), 'utf8');
      expect(html).toContain('<link rel="icon" href="/favicon.svg" type="image/svg+xml" />');
      expect(html).toContain('<link rel="icon" href="/favicon.ico" sizes="32x32" />');
    }
  });

  it('answers 404 for unknown paths', async () => {
    expect((await fetch(`${base}/nothing-here`)).status).toBe(404);
  });

  it('[URS-ACC-011] sends the security headers on every response: pages, calls, health and errors', async () => {
    const responses = await Promise.all([
      fetch(`${base}/shop/`),
      fetch(`${base}/shop/assets/main-abc123.js`),
      fetch(`${base}/trpc/auth.whoami`),
      fetch(`${base}/trpc/auth.login`),
      fetch(`${base}/healthz`),
      fetch(`${base}/no-such-page`),
      fetch(`${base}/`, { redirect: 'manual' }),
    ]);
    for (const response of responses) {
      const policy = response.headers.get('content-security-policy') ?? '';
      expect(policy).toContain("script-src 'self'");
      expect(policy).toContain("style-src 'self'");
      expect(policy).toContain("connect-src 'self'");
      expect(policy).toContain("frame-ancestors 'none'");
      expect(policy).not.toContain('unsafe');
      expect(response.headers.get('x-content-type-options')).toBe('nosniff');
      expect(response.headers.get('referrer-policy')).toBe('same-origin');
      // Only behind HTTPS (TRACERSHOP_SECURE_COOKIES=1), which this site is not.
      expect(response.headers.get('strict-transport-security')).toBeNull();
    }
  });

  it('[URS-ACC-011] adds Strict-Transport-Security when the site runs behind HTTPS', async () => {
    const secure = await startTestApi({ dialect: 'sqlite', config: { secureCookies: true } });
    try {
      const response = await fetch(
        `${secure.server.url.replace('localhost', '127.0.0.1')}/healthz`,
      );
      expect(response.headers.get('strict-transport-security')).toMatch(/^max-age=\d{7,}/);
    } finally {
      await secure.close();
    }
  });

  it('[URS-PRF-008] logs each request once with its id, status and time, never its cookie', async () => {
    const lines: string[] = [];
    const logged = await startTestApi({
      dialect: 'sqlite',
      logger: pino({ level: 'info' }, { write: (line: string) => void lines.push(line) }),
    });
    try {
      const client = await logged.loginAs('shop-user');
      await client.trpc.auth.whoami.query();
      const response = await fetch(
        `${logged.server.url.replace('localhost', '127.0.0.1')}/healthz`,
        { headers: { 'x-request-id': 'ward-7-check', cookie: 'tracershop_session=secret-token' } },
      );
      expect(response.headers.get('x-request-id')).toBe('ward-7-check');
      const requests = lines
        .map((line) => JSON.parse(line) as { msg: string; req?: { id: string; url: string } })
        .filter((entry) => entry.msg === 'request');
      expect(requests.map((entry) => entry.req?.url)).toEqual(
        expect.arrayContaining(['/healthz', expect.stringContaining('/trpc/auth.login')]),
      );
      expect(requests.find((entry) => entry.req?.url === '/healthz')?.req?.id).toBe('ward-7-check');
      expect(lines.join('\n')).not.toMatch(/secret-token|tracershop_session=/);
    } finally {
      await logged.close();
    }
  });
});
