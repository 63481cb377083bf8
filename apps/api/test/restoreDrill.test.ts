/**
 * The restore drill of docs/operations.md ("The restore drill"), step by step, with the
 * operators' own `tracershop` command in processes of its own, as a site runs it:
 *
 * 1. a backup of a serving site (`tracershop backup --dir …` beside a running `serve`);
 * 2. empty targets (a new data folder, or two new MariaDB databases);
 * 3. `tracershop restore --from … --yes` ends with exit code 0 and "audit trail intact";
 * 4. the event count and head hash equal the backup's, `tracershop audit verify` says intact
 *    and `tracershop db status` lists nothing pending;
 * 5. an api started on the restored databases lets a site admin and a production user in and
 *    shows the same orders of a recent day as the original site.
 *
 * On SQLite always; on MariaDB too when TEST_MYSQL_URL is set.
 */
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { DEMO_PASSWORD, openDatabases } from '@tracershop/db';
import { TEST_DIALECTS, createTestSite } from '@tracershop/db/testing';
import type { TestSite } from '@tracershop/db/testing';
import { Op } from 'sequelize';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestClient } from './testClient';
import { serve, tracershop as runTracershop } from './tracershopCommand';
import type { Served } from './tracershopCommand';

/** Runs `tracershop …` to its end: exit code and everything it printed. */
const tracershop = (site: TestSite, ...argv: string[]) => runTracershop(site, {}, ...argv);

/** The order ids production sees for a tracer on a day, as one logged-in user. */
async function ordersSeen(url: string, date: string, tracerId: number): Promise<number[]> {
  const client = createTestClient(url);
  try {
    await client.trpc.auth.login.mutate({ username: 'prod-user', password: DEMO_PASSWORD });
    const day = await client.trpc.orders.productionDay.query({ date, tracerId });
    return day.slots
      .flatMap((card) => card.orders.map((line) => line.order.id))
      .sort((a, b) => a - b);
  } finally {
    await client.close();
  }
}

describe.each(TEST_DIALECTS)('[URS-BAK-005][URS-BAK-006] the restore drill on %s', (dialect) => {
  let source: TestSite;
  let drill: TestSite;
  let backupDir: string;
  let original: Served | undefined;
  let restored: Served | undefined;
  let backupFile: string;
  let backupAudit: { events: string; head: string };

  beforeAll(async () => {
    backupDir = await mkdtemp(path.join(tmpdir(), 'tracershop-drill-backups-'));
    source = await createTestSite(dialect);
    drill = await createTestSite(dialect);
    // A site serving its demo data, as production would be.
    original = await serve(source);
  }, 90_000);

  afterAll(async () => {
    await restored?.stop();
    await original?.stop();
    await source?.destroy();
    await drill?.destroy();
    await rm(backupDir, { recursive: true, force: true });
  });

  it('1. backs up the serving site into the backup folder', async () => {
    const { code, output } = await tracershop(source, 'backup', '--dir', backupDir);
    expect(code, output).toBe(0);
    const files = await readdir(backupDir);
    expect(files).toHaveLength(1);
    backupFile = path.join(backupDir, files[0] ?? '');
    expect(output).toContain(`Backup written: ${backupFile}`);
    const audit = /audit trail: (\d+) events, head ([0-9a-f]{64})/.exec(output);
    expect(audit, output).not.toBeNull();
    backupAudit = { events: audit?.[1] ?? '', head: audit?.[2] ?? '' };
  }, 60_000);

  it('2–3. restores into empty targets: exit code 0 and an intact audit trail', async () => {
    const { code, output } = await tracershop(drill, 'restore', '--from', backupFile, '--yes');
    expect(code, output).toBe(0);
    expect(output).toContain(`Restored ${backupFile}`);
    // 4. The same event count and head hash as the backup printed.
    expect(output).toContain(
      `audit trail intact: ${backupAudit.events} events, last hash ${backupAudit.head}`,
    );
  }, 60_000);

  it('4. audit verify says intact and db status lists nothing pending', async () => {
    const verify = await tracershop(drill, 'audit', 'verify');
    expect(verify.code, verify.output).toBe(0);
    expect(verify.output).toContain(
      `Audit trail intact: ${backupAudit.events} events, last hash ${backupAudit.head}.`,
    );
    const status = await tracershop(drill, 'db', 'status');
    expect(status.code, status.output).toBe(0);
    expect(status.output).toMatch(/^record: applied \[.+\], pending \[\]$/m);
    expect(status.output).toMatch(/^web: applied \[.+\], pending \[\]$/m);
  }, 60_000);

  it('5. an api on the restored databases shows the original site’s orders', async () => {
    restored = await serve(drill);
    const admin = createTestClient(restored.url);
    try {
      await admin.trpc.auth.login.mutate({ username: 'site-admin', password: DEMO_PASSWORD });
      const chain = await admin.trpc.admin.verifyAuditChain.query();
      expect(chain.ok).toBe(true);
    } finally {
      await admin.close();
    }
    // A recent day with orders, read from the original's records.
    const db = await openDatabases(source.options);
    let date: string;
    let tracerId: number;
    try {
      const tracer = await db.models.Tracer.findOne({ where: { shortname: 'FDG' } });
      const today = new Date().toISOString().slice(0, 10);
      const order = await db.models.ActivityOrder.findOne({
        where: { deliveryDate: { [Op.lte]: today } },
        order: [['deliveryDate', 'DESC']],
      });
      if (tracer === null || order === null) {
        throw new Error('the demo site has no FDG orders');
      }
      date = order.deliveryDate;
      tracerId = tracer.id;
    } finally {
      await db.close();
    }
    const before = await ordersSeen(original?.url ?? '', date, tracerId);
    expect(before.length).toBeGreaterThan(0);
    expect(await ordersSeen(restored.url, date, tracerId)).toEqual(before);
  }, 90_000);
});
