/**
 * The two examples against a real demo site, as docs/scripts.md tells an operator to run
 * them: `tracershop serve` on SQLite, tokens from `tracershop token create`, the scripts with
 * TRACERSHOP_URL and TRACERSHOP_TOKEN. The demo is seeded as of 06:00 on Wednesday
 * 2026-11-25, so its Tuesday 2026-11-24 is a released day whose figures never change. Also
 * what the client itself promises: a read-only token's mutation refused with its reason, and
 * the live events ending with TokenEndedError when the site admin revokes the token.
 */
import { spawn } from 'node:child_process';
import type { ChildProcessWithoutNullStreams } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TokenEndedError, createTracershopClient, reasonOf } from '../src/index';
import type { TracershopClient } from '../src/index';
import { SITE_TIME_ZONE, eventually, runNode, startDemoSite } from './demoSite';
import type { DemoSite } from './demoSite';

const examples = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../examples');
const DELIVERIES_CSV = path.join(examples, 'deliveries-csv.mjs');
const WATCH_ORDERS = path.join(examples, 'watch-orders.mjs');

const SEED_DATE = '2026-11-25';
const RELEASED_DAY = '2026-11-24';
/** The demo's customer RH KF (the first customer seeded), whose endpoints are PET1 and PET2. */
const RH_KF = 1;

/** 'YYYY-MM-DD' `days` from today on the site's calendar (tokens expire by it). */
function siteDate(days: number): string {
  const today = new Intl.DateTimeFormat('en-CA', { timeZone: SITE_TIME_ZONE }).format(new Date());
  const date = new Date(`${today}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

/** 0 = Monday … 6 = Sunday, as the api counts weekdays. */
function weekdayOf(date: string): number {
  return (new Date(`${date}T00:00:00Z`).getUTCDay() + 6) % 7;
}

/** An example's environment: the site and the token, nothing left over from the caller. */
function exampleEnv(site: DemoSite, token: string | undefined): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, TRACERSHOP_URL: site.url };
  if (token === undefined) {
    delete env.TRACERSHOP_TOKEN;
  } else {
    env.TRACERSHOP_TOKEN = token;
  }
  return env;
}

/** A person's session cookie, logged in as the apps do. */
async function signIn(site: DemoSite, username: string): Promise<string> {
  const response = await fetch(`${site.url}/trpc/auth.login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password: 'tracershop' }),
  });
  expect(response.status).toBe(200);
  return response.headers
    .getSetCookie()
    .map((line) => line.split(';')[0])
    .join('; ');
}

/** A tRPC call with a person's cookie (the admin pages' way), its result data. */
async function callAsPerson(
  site: DemoSite,
  cookie: string,
  procedure: string,
  input?: unknown,
): Promise<unknown> {
  const response =
    input === undefined
      ? await fetch(`${site.url}/trpc/${procedure}`, { headers: { cookie } })
      : await fetch(`${site.url}/trpc/${procedure}`, {
          method: 'POST',
          headers: { cookie, 'content-type': 'application/json' },
          body: JSON.stringify(input),
        });
  const body = (await response.json()) as { result?: { data: unknown } };
  expect(response.status, JSON.stringify(body)).toBe(200);
  return body.result?.data;
}

let site: DemoSite;
/** A production user's read token: the nightly CSV and the watcher. */
let readToken: string;
/** A shop user's write token for RH KF: the order the watcher sees. */
let shopToken: string;

beforeAll(async () => {
  site = await startDemoSite(SEED_DATE);
  const expires = siteDate(30);
  readToken = await site.createToken({
    name: 'nightly deliveries',
    owner: 'prod-admin',
    role: 'production-user',
    access: 'read',
    expires,
  });
  shopToken = await site.createToken({
    name: 'RH KF orders',
    owner: 'site-admin',
    role: 'shop-user',
    access: 'write',
    customers: [RH_KF],
    expires,
  });
}, 120_000);

afterAll(async () => {
  await site?.stop();
});

describe('deliveries-csv.mjs', () => {
  it("writes a released day's deliveries per customer", async () => {
    const run = await runNode(
      [DELIVERIES_CSV, '--date', RELEASED_DAY],
      exampleEnv(site, readToken),
    );
    expect(run.code, run.stderr).toBe(0);
    const lines = run.stdout.split('\r\n');
    expect(lines.at(-1)).toBe('');
    expect(lines[0]).toBe(
      'date,customer,endpoint,tracer,delivery_time,ordered_mbq,injections,delivered_mbq,lot,released_at,released_by',
    );
    // Activity: the FDG morning run released at 07:25 (delivered = the vial decayed to 08:00).
    expect(lines).toContain(
      '2026-11-24,RH KF,PET1,FDG,08:00,250,,312.9,FDG-261124-1,2026-11-24 07:25,Demo Production User',
    );
    // The afternoon run's lot, and a FET delivery released by the production admin.
    expect(lines).toContain(
      '2026-11-24,Herlev NM,Herlev,FDG,13:00,1000,,1300.1,FDG-261124-2,2026-11-24 11:25,Demo Production User',
    );
    expect(lines).toContain(
      '2026-11-24,Glostrup,Glostrup,FET,09:30,500,,549.7,FET-261124-1,2026-11-24 08:25,Demo Production Admin',
    );
    // An injection order: injections instead of MBq, the lot of its release.
    expect(lines).toContain(
      '2026-11-24,Herlev NM,Herlev,Ga-PSMA,10:15,,3,,PSMA-261124-1,2026-11-24 09:30,Demo Production User',
    );
    // Every delivery of the day, by customer and time; Hillerød's odd-week slot is not in it.
    expect(lines.slice(1, -1).map((line) => line.split(',').slice(1, 5).join(' '))).toEqual([
      'Glostrup Glostrup FDG 08:45',
      'Glostrup Glostrup FET 09:30',
      'Herlev NM Herlev FDG 08:30',
      'Herlev NM Herlev Ga-PSMA 10:15',
      'Herlev NM Herlev FDG 13:00',
      'KU Panum Panum FDG 12:30',
      'RH KF PET1 FDG 08:00',
      'RH KF PET2 FDG 08:15',
      'RH KF PET1 FET 09:00',
      'RH KF PET1 FDG 09:30',
      'RH KF PET1 Ga-PSMA 11:00',
      'RH KF PET1 FDG 12:00',
      'RH KF PET2 FDG 12:15',
    ]);
  });

  it('writes to --out FILE, with isotope deliveries on a Wednesday', async () => {
    const folder = await mkdtemp(path.join(tmpdir(), 'tracershop-client-csv-'));
    try {
      const out = path.join(folder, 'deliveries.csv');
      const run = await runNode(
        [DELIVERIES_CSV, '--date', '2026-11-18', '--out', out],
        exampleEnv(site, readToken),
      );
      expect(run.code, run.stderr).toBe(0);
      expect(run.stdout).toBe('');
      expect(run.stderr).toBe(`13 deliveries of 2026-11-18 written to ${out}.\n`);
      const csv = await readFile(out, 'utf8');
      expect(csv).toContain(
        '\r\n2026-11-18,KU Panum,Panum,Cu-64,14:00,2000,,2241.5,CU64-261118-1,2026-11-18 13:00,Demo Production User\r\n',
      );
      expect(csv).toContain(
        '\r\n2026-11-18,Hillerød,Hillerød,FDG,09:00,1000,,1400,FDG-261118-1,2026-11-18 07:25,Demo Production User\r\n',
      );
    } finally {
      await rm(folder, { recursive: true, force: true });
    }
  });

  it('says what is missing and exits with 2', async () => {
    const noToken = await runNode([DELIVERIES_CSV], exampleEnv(site, undefined));
    expect(noToken.code).toBe(2);
    expect(noToken.stderr).toContain('Set TRACERSHOP_URL and TRACERSHOP_TOKEN.');
    const badDate = await runNode(
      [DELIVERIES_CSV, '--date', '24-11-2026'],
      exampleEnv(site, readToken),
    );
    expect(badDate.code).toBe(2);
    expect(badDate.stderr).toContain('--date must be YYYY-MM-DD, not "24-11-2026".');
  });

  it("refuses a shop token production's page, in the api's words", async () => {
    const run = await runNode(
      [DELIVERIES_CSV, '--date', RELEASED_DAY],
      exampleEnv(site, shopToken),
    );
    expect(run.code).toBe(1);
    expect(run.stderr).toBe(
      'Tracershop: Din rolle må ikke udføre denne handling. (FORBIDDEN_ROLE)\n',
    );
  });
});

describe('watch-orders.mjs', () => {
  it('prints a new order as it arrives, until stopped', async () => {
    const watcher: ChildProcessWithoutNullStreams = spawn(process.execPath, [WATCH_ORDERS], {
      env: exampleEnv(site, readToken),
    });
    const stdout: string[] = [];
    const stderr: string[] = [];
    watcher.stdout.on('data', (chunk: Buffer) => stdout.push(chunk.toString()));
    watcher.stderr.on('data', (chunk: Buffer) => stderr.push(chunk.toString()));
    const exited = new Promise<number | null>((resolve) => watcher.once('exit', resolve));
    const shop = createTracershopClient({ url: site.url, token: shopToken });
    try {
      await eventually(
        () => stderr.join('').includes('Watching for new orders') || watcher.exitCode !== null,
        20_000,
        () => `the watcher to start: ${stderr.join('')}`,
      );
      expect(watcher.exitCode, stderr.join('')).toBeNull();

      // The shop orders FDG for PET1 at 08:00 on a working day after tomorrow.
      const catalog = await shop.setup.catalog.query();
      expect(catalog.customers.map((customer) => customer.shortName)).toEqual(['RH KF']);
      const closed = new Set(catalog.closedDates.map((row) => row.closeDate));
      let days = 2;
      while (weekdayOf(siteDate(days)) > 4 || closed.has(siteDate(days))) {
        days += 1;
      }
      const date = siteDate(days);
      const pet1 = catalog.endpoints.find((endpoint) => endpoint.name === 'PET1');
      const production = new Map(catalog.productions.map((row) => [row.id, row]));
      const slot = catalog.deliverySlots.find(
        (row) =>
          row.endpointId === pet1?.id &&
          row.deliveryTime === '08:00:00' &&
          production.get(row.productionId)?.weekday === weekdayOf(date),
      );
      expect(slot).toBeDefined();
      const order = await shop.orders.activity.create.mutate({
        orderedTimeSlotId: slot?.id ?? 0,
        deliveryDate: date,
        orderedActivity: 400,
      });

      const line = `new activity order #${order.id} for ${date} 08:00: RH KF / PET1, FDG 400 MBq`;
      await eventually(
        () => stdout.join('').includes(line),
        5_000,
        () => `"${line}" in ${JSON.stringify(stdout.join(''))}`,
      );
      expect(stdout.join('').split('\n').filter(Boolean)).toHaveLength(1);

      watcher.kill('SIGINT');
      expect(await exited).toBe(0);
      expect(stderr.join('')).toMatch(/Stopped\.\n$/);
    } finally {
      watcher.kill('SIGKILL');
      await shop.close();
    }
  });

  it('says what is missing and exits with 2', async () => {
    const run = await runNode([WATCH_ORDERS], exampleEnv(site, undefined));
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('Set TRACERSHOP_URL and TRACERSHOP_TOKEN.');
  });
});

describe('the client with API tokens', () => {
  it("refuses a read-only token's mutation with reason TOKEN_READ_ONLY", async () => {
    const ts = createTracershopClient({ url: site.url, token: readToken });
    try {
      const error: unknown = await ts.orders.activity.acceptSlot
        .mutate({ slotId: 1, deliveryDate: siteDate(2) })
        .catch((caught: unknown) => caught);
      expect(reasonOf(error)).toBe('TOKEN_READ_ONLY');
      expect((error as Error).message).toBe('API-nøglen må kun læse, ikke ændre.');
    } finally {
      await ts.close();
    }
  });

  it('ends the live events with TokenEndedError when the site admin revokes the token', async () => {
    const token = await site.createToken({
      name: 'to be revoked',
      owner: 'prod-admin',
      role: 'production-user',
      access: 'read',
      expires: siteDate(30),
    });
    const ts: TracershopClient = createTracershopClient({ url: site.url, token });
    try {
      let started: () => void = () => undefined;
      const subscribed = new Promise<void>((resolve) => (started = resolve));
      const loop = (async () => {
        for await (const event of ts.liveEvents({ onStarted: () => started() })) {
          void event;
        }
      })();
      const outcome = loop.then(
        () => 'ended',
        (error: unknown) => error,
      );
      await subscribed;

      const cookie = await signIn(site, 'site-admin');
      const tokens = (await callAsPerson(site, cookie, 'admin.apiTokens.list')) as {
        id: number;
        name: string;
      }[];
      const row = tokens.find((listed) => listed.name === 'to be revoked');
      await callAsPerson(site, cookie, 'admin.apiTokens.revoke', { id: row?.id });

      const error = await outcome;
      expect(error).toBeInstanceOf(TokenEndedError);
      expect((error as TokenEndedError).closeCode).toBe(4401);
      expect(reasonOf(error)).toBe('TOKEN_REFUSED');
      // Later calls are refused with the same reason; a new loop fails at once.
      const refused: unknown = await ts.setup.catalog.query().catch((caught: unknown) => caught);
      expect(reasonOf(refused)).toBe('TOKEN_REFUSED');
      await expect(ts.liveEvents().next()).rejects.toBeInstanceOf(TokenEndedError);
    } finally {
      await ts.close();
    }
  });
});
