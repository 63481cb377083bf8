import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCommand, siteToday } from '../src/commandLine';
import type { CommandIo } from '../src/commandLine';
import { TEST_DIALECTS, createTestSite } from '../src/testing';
import type { TestSite } from '../src/testing';

function capture(): CommandIo & { lines: string[]; errors: string[] } {
  const lines: string[] = [];
  const errors: string[] = [];
  return { lines, errors, out: (line) => lines.push(line), error: (line) => errors.push(line) };
}

describe('siteToday', () => {
  it('[URS-DAT-009] is the calendar date in the site time zone', () => {
    const lateEvening = Date.parse('2024-12-31T23:30:00Z');
    expect(siteToday('Europe/Copenhagen', lateEvening)).toBe('2025-01-01');
    expect(siteToday('UTC', lateEvening)).toBe('2024-12-31');
  });
});

describe.each(TEST_DIALECTS)('tracershop db on %s', (dialect) => {
  let site: TestSite;
  const env = { TRACERSHOP_TIMEZONE: 'Europe/Copenhagen' };

  beforeAll(async () => {
    site = await createTestSite(dialect);
  });

  afterAll(async () => {
    await site.destroy();
  });

  const run = async (...argv: string[]) => {
    const io = capture();
    const code = await runCommand(argv, env, io, site.options);
    return { code, out: io.lines.join('\n'), err: io.errors.join('\n') };
  };

  it('prints the usage for an unknown command', async () => {
    const result = await run('db', 'frobnicate');
    expect(result.code).toBe(2);
    expect(result.err).toMatch(/Usage: tracershop db/);
  });

  it('names an option it does not know and prints the usage', async () => {
    const result = await run('db', 'seed', '--todya', '2024-12-02');
    expect(result.code).toBe(2);
    expect(result.err).toMatch(/Unknown option '--todya'/);
    expect(result.err).toMatch(/Usage: tracershop db/);
  });

  it('refuses to seed before migrating', async () => {
    const result = await run('db', 'seed', '--today', '2024-12-02');
    expect(result.code).toBe(1);
    expect(result.err).toMatch(/Migrations are pending/);
  });

  it('migrates, then has nothing left to do', async () => {
    const first = await run('db', 'migrate');
    expect(first.code).toBe(0);
    expect(first.out).toMatch(
      /Applied record\/0001-initial, record\/0002-client-requests, .*web\/0001-initial/,
    );
    const second = await run('db', 'migrate');
    expect(second.out).toMatch(/Up to date/);
    const status = await run('db', 'status');
    expect(status.out).toMatch(
      /record: applied \[0001-initial, 0002-client-requests, [^\]]*\], pending \[\]/,
    );
  });

  it('[URS-DAT-005] seeds once, then leaves the site alone', async () => {
    const first = await run('db', 'seed', '--today', '2024-12-02');
    expect(first.code).toBe(0);
    expect(first.out).toMatch(
      /Seeded the demo site as of 2024-12-02 06:00: record seeded, web seeded/,
    );
    const second = await run('db', 'seed');
    expect(second.code).toBe(0);
    expect(second.out).toMatch(/nothing seeded/);
  });

  it('[URS-AUD-004] verifies the audit trail (both spellings)', async () => {
    const verify = await run('db', 'verify-audit');
    expect(verify.code).toBe(0);
    // One event per seeded record and release, and the seed's summary.
    expect(verify.out).toMatch(/Audit trail intact: \d{3,} events/);
    expect((await run('audit', 'verify')).code).toBe(0);
  });

  it(
    dialect === 'mysql'
      ? '[URS-DAT-005] refuses a reset without --yes'
      : 'resets and reseeds a SQLite site',
    async () => {
      const result = await run('db', 'reset', '--today', '2024-12-03');
      if (dialect === 'mysql') {
        expect(result.code).toBe(1);
        expect(result.err).toMatch(/without --yes/);
      } else {
        expect(result.err).toBe('');
        expect(result.code).toBe(0);
        expect(result.out).toMatch(/Seeded the demo site as of 2024-12-03 06:00/);
      }
    },
  );

  it('goes down one step', async () => {
    const result = await run('db', 'migrate:down');
    expect(result.code).toBe(0);
    expect(result.out).toMatch(/Reverted web\/\d{4}-[a-z-]+, record\/\d{4}-[a-z-]+/);
  });
});
