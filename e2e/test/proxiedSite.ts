/**
 * Tracershop as a site runs it (docs/operations.md), for the browser test behind nginx
 * (`behindProxy.spec.ts`): two `tracershop serve` processes started with the environment of
 * `deploy/tracershop.env.example` (only addresses, paths and databases changed) on one MariaDB
 * site (fresh databases from TEST_MYSQL_URL, migrated and demo-seeded once) and one Redis
 * (TEST_REDIS_URL), behind Debian's nginx running `deploy/nginx/tracershop.conf` itself with a
 * self-signed certificate, as the current user in a folder of its own.
 *
 * The fixture `proxiedSite` starts it all for a test and stops it after; `proxiedPage(who)`
 * opens a page that accepts the self-signed certificate. Without nginx, openssl, MariaDB or
 * Redis the test is skipped with the reason.
 */
import type { ChildProcess } from 'node:child_process';
import { spawn, spawnSync } from 'node:child_process';
import { randomBytes, randomUUID } from 'node:crypto';
import { createWriteStream, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, rm } from 'node:fs/promises';
import { get } from 'node:https';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import type { Page } from '@playwright/test';
import { migrateUp, openDatabases, seedDemoSite } from '@tracershop/db';
import type { Databases } from '@tracershop/db';
import { createTestSite, missingTestPeers } from '@tracershop/db/testing';
import { test as scenarioTest, watchProblems } from './fixtures';
import { TIME_ZONE, appVersion, customerAppDir, productionAppDir } from './site';

export { expect } from './fixtures';

const repository = fileURLToPath(new URL('../../', import.meta.url));
const apiCommand = path.join(repository, 'apps/api/dist/cli.js');
export const nginxSiteFile = path.join(repository, 'deploy/nginx/tracershop.conf');
export const exampleEnvFile = path.join(repository, 'deploy/tracershop.env.example');

export const NGINX_PATH = process.env.NGINX_PATH ?? '/usr/sbin/nginx';

/** How long an api process or nginx may take to come up. */
const START_TIMEOUT_MS = 60_000;

/** Why the site cannot run on this machine, or null when it can (CI has everything). */
export function proxiedSiteUnavailable(): string | null {
  return missingTestPeers(['chromium', 'nginx', 'mariadb', 'redis']) ?? null;
}

/** The values of deploy/nginx/tracershop.conf's placeholders. */
export interface NginxSiteValues {
  SERVER_NAME: string;
  HTTPS_PORT: number;
  HTTP_PORT: number;
  CERT: string;
  KEY: string;
  LOG_DIR: string;
  /** `host:port` of each api instance. */
  UPSTREAMS: string[];
}

/**
 * The nginx site with its placeholders filled in, as an operator's sed line does
 * (deploy/README.md). On a machine without IPv6 the `[::]` listeners are left out, as nginx
 * could not open them.
 */
export function renderNginxSite(
  template: string,
  values: NginxSiteValues,
  ipv6 = existsSync('/proc/net/if_inet6'),
): string {
  const upstreams = values.UPSTREAMS.map(
    (address) => `server ${address} max_fails=3 fail_timeout=10s;`,
  ).join('\n    ');
  const fill = (line: string) =>
    line.replace(/@([A-Z_]+)@/g, (placeholder, name: string) => {
      if (name === 'UPSTREAMS') {
        return upstreams;
      }
      const value = (values as unknown as Record<string, string | number | undefined>)[name];
      if (value === undefined) {
        throw new Error(
          `${nginxSiteFile} has a placeholder the test does not know: ${placeholder}`,
        );
      }
      return String(value);
    });
  return template
    .split('\n')
    .filter((line) => ipv6 || !/^\s*listen \[::\]/.test(line))
    .map((line) => (line.trimStart().startsWith('#') ? line : fill(line)))
    .join('\n');
}

/**
 * The variables of a systemd EnvironmentFile: `KEY=value` lines, `#` comments, values in
 * double or single quotes unquoted.
 */
export function parseEnvironmentFile(text: string): Record<string, string> {
  const variables: Record<string, string> = {};
  for (const line of text.split('\n')) {
    const match = /^\s*([A-Za-z_][A-Za-z0-9_]*)=(.*)$/.exec(line);
    if (match === null) {
      continue;
    }
    const [, name = '', raw = ''] = match;
    const value = raw.trim();
    const quoted = /^(["'])(.*)\1$/.exec(value);
    variables[name] = quoted === null ? value : (quoted[2] ?? '');
  }
  return variables;
}

/** A TCP port free on this machine a moment ago. */
async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, () => {
      const address = server.address();
      const port = typeof address === 'object' && address !== null ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

/** Waits for `child` to exit, killing it when it does not within `ms`. */
async function exited(child: ChildProcess, ms = 15_000): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) {
    return;
  }
  await new Promise<void>((resolve) => {
    const kill = setTimeout(() => child.kill('SIGKILL'), ms);
    child.once('exit', () => {
      clearTimeout(kill);
      resolve();
    });
  });
}

/** One `tracershop serve` process. */
export interface ApiInstance {
  name: string;
  /** `127.0.0.1:<port>`, as nginx's `$upstream_addr` names it. */
  address: string;
  /** Its JSON log lines (stdout), also written to `logFile`. */
  logFile: string;
  stop(): Promise<void>;
}

/** Starts `tracershop serve` with `env` (nothing else: a unit sees only its env file). */
async function startApiInstance(
  name: string,
  env: Record<string, string>,
  logFile: string,
): Promise<ApiInstance> {
  const child = spawn(process.execPath, [apiCommand, 'serve'], {
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const log = createWriteStream(logFile);
  child.stderr.pipe(log, { end: false });
  const stop = async () => {
    child.kill('SIGTERM');
    await exited(child);
    log.end();
  };
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(
      () =>
        reject(new Error(`api ${name} did not start within ${START_TIMEOUT_MS} ms: ${logFile}`)),
      START_TIMEOUT_MS,
    );
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`api ${name} stopped (exit ${code}) before listening: ${logFile}`));
    });
    createInterface({ input: child.stdout }).on('line', (line) => {
      log.write(`${line}\n`);
      if (!line.startsWith('{')) {
        return;
      }
      const entry = JSON.parse(line) as { msg?: string; url?: string };
      if (entry.msg === 'listening' && entry.url !== undefined) {
        clearTimeout(timer);
        resolve(entry.url);
      }
    });
  }).catch(async (error: unknown) => {
    await stop();
    throw error;
  });
  return { name, address: new URL(url).host, logFile, stop };
}

/** GET `url` (any certificate), its status; 0 when nothing answers. */
function statusOf(url: string): Promise<number> {
  return new Promise((resolve) => {
    const request = get(url, { rejectUnauthorized: false, timeout: 2000 }, (response) => {
      response.resume();
      resolve(response.statusCode ?? 0);
    });
    request.on('error', () => resolve(0));
    request.on('timeout', () => request.destroy());
  });
}

/** One line of the site's access log (the `tracershop_json` format). */
export interface AccessLogEntry {
  request_id: string;
  method: string;
  path: string;
  protocol: string;
  tls: string;
  status: number;
  upstream_addr: string;
  user_agent: string;
}

export interface ProxiedSite {
  /** `https://localhost:<port>`, through nginx. */
  url: string;
  /** `http://localhost:<port>`: the redirect to HTTPS. */
  httpUrl: string;
  instances: ApiInstance[];
  /** The site's databases (shared by both instances). */
  db: Databases;
  /** The secret the instances accept in X-Tracer-Proxy-Secret (nginx must not pass it on). */
  proxySecret: string;
  /** nginx's access log so far. */
  accessLog(): Promise<AccessLogEntry[]>;
  /** Log files worth attaching to a failed test. */
  logFiles(): string[];
  close(): Promise<void>;
}

/** Writes nginx's main configuration around the rendered site; returns its path. */
function writeNginxMain(dir: string, siteFile: string): string {
  const temp = (name: string) => path.join(dir, 'temp', name);
  // Running as root (a container), nginx would hand its workers to `nobody`, who cannot write
  // the temporary files of large answers into this private folder.
  const user = process.getuid?.() === 0 ? 'user root;' : '';
  const main = `# Written by e2e/test/proxiedSite.ts around deploy/nginx/tracershop.conf.
${user}
worker_processes 1;
pid ${path.join(dir, 'nginx.pid')};
error_log ${path.join(dir, 'logs', 'error.log')} notice;
events {
    worker_connections 512;
}
http {
    client_body_temp_path ${temp('body')};
    proxy_temp_path ${temp('proxy')};
    fastcgi_temp_path ${temp('fastcgi')};
    uwsgi_temp_path ${temp('uwsgi')};
    scgi_temp_path ${temp('scgi')};
    include ${siteFile};
}
`;
  const file = path.join(dir, 'nginx.conf');
  writeFileSync(file, main);
  return file;
}

/** Starts the whole site; `logDir` keeps the api and nginx logs. */
export async function startProxiedSite(logDir: string): Promise<ProxiedSite> {
  for (const dir of [customerAppDir, productionAppDir]) {
    if (!existsSync(`${dir}/index.html`)) {
      throw new Error(`${dir} is not built: run \`npx turbo run build\`.`);
    }
  }
  if (!existsSync(apiCommand)) {
    throw new Error(`${apiCommand} is not built: run \`npx turbo run build\`.`);
  }
  const cleanups: (() => Promise<void>)[] = [];
  const close = async () => {
    for (const cleanup of cleanups.reverse()) {
      await cleanup();
    }
  };
  try {
    const dir = await mkdtemp(path.join(tmpdir(), 'tracershop-proxy-'));
    cleanups.push(() => rm(dir, { recursive: true, force: true }));
    await mkdir(logDir, { recursive: true });

    // One MariaDB site, migrated and seeded here once; the instances find nothing to do.
    const site = await createTestSite('mysql');
    cleanups.push(() => site.destroy());
    const db = await openDatabases(site.options);
    cleanups.push(() => db.close());
    await migrateUp(db);
    await seedDemoSite(db, { now: new Date(), timeZone: TIME_ZONE });

    const proxySecret = randomBytes(32).toString('hex');
    const env: Record<string, string> = {
      PATH: process.env.PATH ?? '/usr/bin:/bin',
      ...parseEnvironmentFile(readFileSync(exampleEnvFile, 'utf8')),
      PORT: '0',
      RECORD_DATABASE_URL: site.options.recordUrl ?? '',
      WEB_DATABASE_URL: site.options.webUrl ?? '',
      TRACERSHOP_DATA_DIR: dir,
      TRACERSHOP_CUSTOMER_APP_DIR: customerAppDir,
      TRACERSHOP_PRODUCTION_APP_DIR: productionAppDir,
      TRACERSHOP_VERSION: appVersion(),
      REDIS_URL: process.env.TEST_REDIS_URL ?? '',
      // Its own keys and channels: other runs sharing this Redis do not hear this site.
      TRACERSHOP_REDIS_PREFIX: `e2e-proxy-${randomUUID()}`,
      // Header sign-on on, so that the test sees nginx keep it from browsers.
      TRUSTED_PROXY_SECRET: proxySecret,
      // No nightly job writing to the audit trail meanwhile.
      RETENTION_ENABLED: '0',
    };
    const starting = ['a', 'b'].map((name) =>
      startApiInstance(name, env, path.join(logDir, `api-${name}.log`)),
    );
    const results = await Promise.allSettled(starting);
    const instances: ApiInstance[] = [];
    for (const result of results) {
      if (result.status === 'fulfilled') {
        cleanups.push(() => result.value.stop());
        instances.push(result.value);
      }
    }
    const failed = results.find((result) => result.status === 'rejected');
    if (failed !== undefined) {
      throw failed.reason;
    }

    const certificate = path.join(dir, 'localhost.crt');
    const key = path.join(dir, 'localhost.key');
    const openssl = spawnSync(
      'openssl',
      [
        ...['req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1'],
        ...['-nodes', '-days', '2', '-subj', '/CN=localhost'],
        ...['-addext', 'subjectAltName=DNS:localhost,IP:127.0.0.1'],
        ...['-keyout', key, '-out', certificate],
      ],
      { encoding: 'utf8' },
    );
    if (openssl.status !== 0) {
      throw new Error(`openssl could not make a certificate: ${openssl.stderr}`);
    }

    const nginxLogs = path.join(logDir, 'nginx');
    await mkdir(nginxLogs, { recursive: true });
    await mkdir(path.join(dir, 'logs'), { recursive: true });
    await mkdir(path.join(dir, 'temp'), { recursive: true });
    const httpsPort = await freePort();
    const httpPort = await freePort();
    const siteFile = path.join(dir, 'tracershop.conf');
    writeFileSync(
      siteFile,
      renderNginxSite(readFileSync(nginxSiteFile, 'utf8'), {
        SERVER_NAME: 'localhost',
        HTTPS_PORT: httpsPort,
        HTTP_PORT: httpPort,
        CERT: certificate,
        KEY: key,
        LOG_DIR: nginxLogs,
        UPSTREAMS: instances.map((instance) => instance.address),
      }),
    );
    const mainFile = writeNginxMain(dir, siteFile);
    const nginxArgs = ['-p', dir, '-c', mainFile];
    const check = spawnSync(NGINX_PATH, [...nginxArgs, '-t'], { encoding: 'utf8' });
    if (check.status !== 0) {
      throw new Error(`nginx refuses ${nginxSiteFile} as rendered:\n${check.stderr}`);
    }
    const nginx = spawn(NGINX_PATH, [...nginxArgs, '-g', 'daemon off;'], { stdio: 'ignore' });
    cleanups.push(async () => {
      // Fast shutdown: a graceful one would wait for the open WebSockets.
      nginx.kill('SIGTERM');
      await exited(nginx);
    });
    const url = `https://localhost:${httpsPort}`;
    const started = Date.now();
    while ((await statusOf(`https://127.0.0.1:${httpsPort}/healthz`)) !== 200) {
      if (nginx.exitCode !== null || Date.now() - started > START_TIMEOUT_MS) {
        throw new Error(`nginx did not come up: ${path.join(dir, 'logs', 'error.log')}`);
      }
      await new Promise((resolve) => setTimeout(resolve, 100));
    }

    const accessLogFile = path.join(nginxLogs, 'tracershop.access.log');
    return {
      url,
      httpUrl: `http://localhost:${httpPort}`,
      instances,
      db,
      proxySecret,
      async accessLog() {
        const text = existsSync(accessLogFile) ? await readFile(accessLogFile, 'utf8') : '';
        return text
          .split('\n')
          .filter((line) => line !== '')
          .map((line) => JSON.parse(line) as AccessLogEntry);
      },
      logFiles: () => [
        ...instances.map((instance) => instance.logFile),
        accessLogFile,
        path.join(nginxLogs, 'tracershop.error.log'),
      ],
      close,
    };
  } catch (error) {
    await close();
    throw error;
  }
}

interface ProxiedFixtures {
  proxiedSite: ProxiedSite;
  /** A page of its own browser context (own cookies) that accepts the test's certificate. */
  proxiedPage: (who: string) => Promise<Page>;
}

export const test = scenarioTest.extend<ProxiedFixtures>({
  // eslint-disable-next-line no-empty-pattern -- Playwright reads a fixture's dependencies from it.
  proxiedSite: async ({}, use, testInfo) => {
    const unavailable = proxiedSiteUnavailable();
    testInfo.skip(unavailable !== null, `the site behind nginx ${unavailable ?? ''}`);
    const site = await startProxiedSite(testInfo.outputPath('logs'));
    await use(site);
    await site.close();
    if (testInfo.status !== testInfo.expectedStatus) {
      for (const file of site.logFiles().filter((name) => existsSync(name))) {
        await testInfo.attach(path.basename(file), { path: file });
      }
    }
  },
  // The site comes first, so the pages (and their sockets) close before nginx stops.
  proxiedPage: async ({ proxiedSite: _site, browser, problems }, use) => {
    const contexts: Awaited<ReturnType<typeof browser.newContext>>[] = [];
    let userAgent: string | null = null;
    await use(async (who) => {
      if (userAgent === null) {
        const probe = await browser.newPage();
        userAgent = await probe.evaluate(() => navigator.userAgent);
        await probe.close();
      }
      const context = await browser.newContext({
        ignoreHTTPSErrors: true,
        // Chromium's own user agent, marked: each page's requests are told apart in nginx's log.
        userAgent: `${userAgent} tracershop-e2e/${who}`,
      });
      contexts.push(context);
      const page = await context.newPage();
      watchProblems(page, problems, who);
      return page;
    });
    await Promise.all(contexts.map((context) => context.close()));
  },
});
