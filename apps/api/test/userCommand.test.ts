/**
 * A new site's first day (docs/operations.md), with the operators' own `tracershop` command in
 * processes of their own, as a site runs it:
 *
 * 1. `tracershop serve` with TRACERSHOP_DEMO=0 on empty databases seeds nothing and says how
 *    to create the first site admin;
 * 2. `tracershop user create --role site-admin` (the password piped on standard input) makes
 *    that account, audited as created by the system; the served api lets it in and no longer
 *    shows the hint;
 * 3. weak passwords, existing names, unknown roles, shop roles without customers and unknown
 *    customers are refused in words, and nothing is written;
 * 4. a shop role gets its customers, each assignment audited.
 *
 * On SQLite always; on MariaDB too when TEST_MYSQL_URL is set.
 */
import { UserGroup, UserSource } from '@tracershop/core';
import { openDatabases } from '@tracershop/db';
import type { Databases } from '@tracershop/db';
import { TEST_DIALECTS, createTestSite } from '@tracershop/db/testing';
import type { TestSite } from '@tracershop/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiConfigFromEnv } from '../src/config';
import { createTestClient } from './testClient';
import { serve as serveSite, tracershop as runTracershop } from './tracershopCommand';
import type { Served } from './tracershopCommand';

const PASSWORD = 'correct horse battery';
const HINT = 'tracershop user create --username NAME --role site-admin';

/** A site without the demo seed; the retention run at the start audits itself, so it is off. */
const NO_DEMO = { TRACERSHOP_DEMO: '0', RETENTION_ENABLED: '0' };

/** Runs `tracershop …` with `input` on its standard input: exit code and what it printed. */
const tracershop = (site: TestSite, input: string, ...argv: string[]) =>
  runTracershop(site, { env: NO_DEMO, input }, ...argv);

const serve = (site: TestSite) => serveSite(site, NO_DEMO);

/** Reads the site's databases in this process, closing them again at once. */
async function inspect<T>(site: TestSite, read: (db: Databases) => Promise<T>): Promise<T> {
  const db = await openDatabases(site.options);
  try {
    return await read(db);
  } finally {
    await db.close();
  }
}

/** How many users and audit rows the site has: what a refusal must leave as it was. */
function written(site: TestSite): Promise<{ users: number; auditEvents: number }> {
  return inspect(site, async (db) => ({
    users: await db.models.User.count(),
    auditEvents: await db.models.AuditEvent.count(),
  }));
}

describe('[URS-ACC-016] TRACERSHOP_DEMO', () => {
  it('seeds the demo unless it is 0, and stops the start on anything else', () => {
    expect(apiConfigFromEnv({}).demoSeed).toBe(true);
    expect(apiConfigFromEnv({ TRACERSHOP_DEMO: '1' }).demoSeed).toBe(true);
    expect(apiConfigFromEnv({ TRACERSHOP_DEMO: ' ' }).demoSeed).toBe(true);
    expect(apiConfigFromEnv({ TRACERSHOP_DEMO: '0' }).demoSeed).toBe(false);
    expect(() => apiConfigFromEnv({ TRACERSHOP_DEMO: 'off' })).toThrow(
      'Invalid TRACERSHOP_DEMO "off": expected 1',
    );
  });
});

describe.each(TEST_DIALECTS)("[URS-ACC-016] a new site's first day on %s", (dialect) => {
  let site: TestSite;
  let served: Served | undefined;

  beforeAll(async () => {
    site = await createTestSite(dialect);
  });

  afterAll(async () => {
    await served?.stop();
    await site?.destroy();
  });

  it('serve with TRACERSHOP_DEMO=0 seeds nothing and says how to create the first site admin', async () => {
    served = await serve(site);
    const output = served.output();
    expect(output).toContain('no active site administrator');
    expect(output).toContain(HINT);
    expect(output).toContain(`${served.url}/production/`);
    expect(output).not.toContain('Demo accounts');
    await served.stop();
    served = undefined;
    const counts = await inspect(site, async (db) => ({
      users: await db.models.User.count(),
      isotopes: await db.models.Isotope.count(),
      tracers: await db.models.Tracer.count(),
      customers: await db.models.Customer.count(),
      auditEvents: await db.models.AuditEvent.count(),
    }));
    expect(counts).toEqual({ users: 0, isotopes: 0, tracers: 0, customers: 0, auditEvents: 0 });
  }, 90_000);

  it('user create makes the first site admin (password on stdin), audited as the system', async () => {
    const { code, output } = await tracershop(
      site,
      `${PASSWORD}\n`,
      'user',
      'create',
      '--username',
      'Anna.Berg',
      '--role',
      'site-admin',
      '--name',
      'Anna Berg',
    );
    expect(code, output).toBe(0);
    expect(output).toMatch(/Created user \d+ "Anna\.Berg" \(Anna Berg\): site-admin/);
    const { user, audit } = await inspect(site, async (db) => {
      const row = await db.models.User.findOne({ where: { username: 'Anna.Berg' } });
      const event =
        row === null
          ? null
          : await db.models.AuditEvent.findOne({
              where: { action: 'user.create', entity: 'User', entityId: row.id },
            });
      return { user: row, audit: event };
    });
    expect(user).toMatchObject({
      displayName: 'Anna Berg',
      userGroup: UserGroup.Admin,
      active: true,
      source: UserSource.Local,
    });
    expect(user?.passwordHash).toMatch(/^\$argon2/);
    expect(audit).toMatchObject({ actorId: null, actorName: 'system' });
    expect(audit?.after).toContain('"username":"Anna.Berg"');
    expect(audit?.after).not.toContain('argon2');
  }, 90_000);

  it('the served api lets the new site admin in and no longer shows the hint', async () => {
    served = await serve(site);
    expect(served.output()).not.toContain(HINT);
    const client = createTestClient(served.url);
    try {
      const { user } = await client.trpc.auth.login.mutate({
        username: 'Anna.Berg',
        password: PASSWORD,
      });
      expect(user).toMatchObject({ displayName: 'Anna Berg', userGroup: UserGroup.Admin });
      const chain = await client.trpc.admin.verifyAuditChain.query();
      expect(chain.ok).toBe(true);
    } finally {
      await client.close();
      await served.stop();
      served = undefined;
    }
  }, 90_000);

  it('refuses a short password and the user name as password: exit 1, nothing written', async () => {
    const before = await written(site);
    const args = ['user', 'create', '--username', 'bob.hansen', '--role', 'production-user'];
    const short = await tracershop(site, '1234567\n', ...args);
    expect(short.code, short.output).toBe(1);
    expect(short.output).toContain('The password is too short: it needs at least 8 characters.');
    const ownName = await tracershop(site, 'Bob.Hansen\n', ...args);
    expect(ownName.code, ownName.output).toBe(1);
    expect(ownName.output).toContain('The password is the user name');
    const none = await tracershop(site, '', ...args);
    expect(none.code, none.output).toBe(1);
    expect(none.output).toContain('No password on standard input');
    expect(await written(site)).toEqual(before);
  }, 90_000);

  it('refuses an existing user name in any letter case: exit 1, nothing written', async () => {
    const before = await written(site);
    const { code, output } = await tracershop(
      site,
      `${PASSWORD}\n`,
      ...['user', 'create', '--username', 'ANNA.BERG', '--role', 'production-admin'],
    );
    expect(code, output).toBe(1);
    expect(output).toContain('A user "Anna.Berg" already exists');
    expect(await written(site)).toEqual(before);
  }, 60_000);

  it('refuses an unknown role and a shop role without customers: exit 2 with the usage', async () => {
    const before = await written(site);
    const role = await tracershop(
      site,
      `${PASSWORD}\n`,
      ...['user', 'create'],
      '--username',
      'x1',
      '--role',
      'boss',
    );
    expect(role.code, role.output).toBe(2);
    expect(role.output).toContain('Unknown role "boss".');
    expect(role.output).toContain('Usage: tracershop user create');
    const shop = await tracershop(
      site,
      `${PASSWORD}\n`,
      ...['user', 'create', '--username', 'x1', '--role', 'shop-user'],
    );
    expect(shop.code, shop.output).toBe(2);
    expect(shop.output).toContain('A shop-user acts for customers: give at least one');
    const admin = await tracershop(
      site,
      `${PASSWORD}\n`,
      ...['user', 'create', '--username', 'x1', '--role', 'site-admin', '--customer', '1'],
    );
    expect(admin.code, admin.output).toBe(2);
    expect(admin.output).toContain('A site-admin sees every customer');
    expect(await written(site)).toEqual(before);
  }, 60_000);

  it('gives a shop role its customers, each assignment audited; an unknown one is refused', async () => {
    const customerId = await inspect(site, async (db) => {
      const customer = await db.models.Customer.create({ shortName: 'RH' });
      return customer.id;
    });
    const before = await written(site);
    const unknown = await tracershop(
      site,
      `${PASSWORD}\n`,
      ...['user', 'create', '--username', 'klinik', '--role', 'shop-user'],
      ...['--customer', String(customerId), '--customer', String(customerId + 100)],
    );
    expect(unknown.code, unknown.output).toBe(1);
    expect(unknown.output).toContain(`No customer with the id ${customerId + 100}.`);
    expect(await written(site)).toEqual(before);

    const { code, output } = await tracershop(
      site,
      `${PASSWORD}\n`,
      ...['user', 'create', '--username', 'klinik', '--role', 'shop-user'],
      ...['--customer', String(customerId)],
    );
    expect(code, output).toBe(0);
    expect(output).toContain(`shop-user, customers ${customerId}`);
    const { assignments, audited } = await inspect(site, async (db) => {
      const user = await db.models.User.findOne({ where: { username: 'klinik' } });
      return {
        assignments: await db.models.UserAssignment.findAll({ where: { userId: user?.id ?? 0 } }),
        audited: await db.models.AuditEvent.findAll({
          where: { action: ['user.create', 'userAssignment.create'] },
          order: [['id', 'ASC']],
        }),
      };
    });
    expect(assignments.map((assignment) => assignment.customerId)).toEqual([customerId]);
    expect(audited.map((event) => event.action)).toEqual([
      'user.create',
      'user.create',
      'userAssignment.create',
    ]);
  }, 60_000);
});
