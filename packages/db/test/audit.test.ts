import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appendAudit, appendAuditEvents, verifyAuditChain } from '../src/audit';
import { GENESIS_HASH } from '../src/models/record/audit';
import { openDatabases } from '../src/connection';
import type { Databases } from '../src/connection';
import { DbConstraintError, toDbConstraintError } from '../src/constraintErrors';
import { withTransaction } from '../src/transactions';
import { TEST_DIALECTS, createMigratedTestSite } from '../src/testing';
import type { MigratedTestSite } from '../src/testing';

function releaseEvent(entityId: number) {
  return {
    action: 'activityOrder.release',
    entity: 'ActivityOrder',
    entityId,
    actorId: 3,
    actorName: 'Production User',
    before: { status: 2, freedAt: null },
    after: { status: 3, freedAt: new Date('2024-12-02T07:12:00.000Z') },
  };
}

async function appendEvents(databases: Databases, count: number, firstId = 1): Promise<void> {
  for (let index = 0; index < count; index += 1) {
    await withTransaction(databases.record, (transaction) =>
      appendAudit(transaction, releaseEvent(firstId + index)),
    );
  }
}

describe.each(TEST_DIALECTS)('audit trail on %s', (dialect) => {
  let testSite: MigratedTestSite;
  let databases: Databases;

  beforeAll(async () => {
    testSite = await createMigratedTestSite(dialect);
    databases = testSite.databases;
  });

  afterAll(async () => {
    await testSite.destroy();
  });

  it('[URS-AUD-004] verifies an empty trail', async () => {
    expect(await verifyAuditChain(databases.record)).toEqual({
      ok: true,
      checked: 0,
      lastHash: GENESIS_HASH,
      firstBroken: null,
    });
  });

  it('[URS-AUD-001][URS-AUD-002] chains each event to the one before and stores canonical snapshots', async () => {
    await appendEvents(databases, 3);
    const rows = await databases.models.AuditEvent.findAll({ order: [['id', 'ASC']] });
    expect(rows).toHaveLength(3);
    expect(rows[0]?.previousHash).toBe(GENESIS_HASH);
    expect(rows[1]?.previousHash).toBe(rows[0]?.hash);
    expect(rows[2]?.previousHash).toBe(rows[1]?.hash);
    expect(rows[0]?.before).toBe('{"freedAt":null,"status":2}');
    expect(rows[0]?.after).toBe('{"freedAt":"2024-12-02T07:12:00.000Z","status":3}');
    const head = await databases.models.AuditChainHead.findByPk(1);
    expect([head?.lastHash, head?.lastEventId]).toEqual([rows[2]?.hash, rows[2]?.id]);
    expect(await verifyAuditChain(databases.record, { batchSize: 2 })).toMatchObject({
      ok: true,
      checked: 3,
      lastHash: rows[2]?.hash,
    });
  });

  it('[URS-AUD-002] appends many events in order as one would one by one', async () => {
    const before = await databases.models.AuditEvent.count();
    const events = Array.from({ length: 450 }, (_, index) => releaseEvent(1000 + index));
    const appended = await withTransaction(databases.record, (transaction) =>
      appendAuditEvents(transaction, events),
    );
    expect(appended).toBe(450);
    await appendEvents(databases, 1, 2000);
    const rows = await databases.models.AuditEvent.findAll({ order: [['id', 'ASC']] });
    expect(rows.slice(before, before + 450).map((row) => row.entityId)).toEqual(
      events.map((event) => event.entityId),
    );
    const head = await databases.models.AuditChainHead.findByPk(1);
    expect(head?.lastEventId).toBe(rows.at(-1)?.id);
    expect(await verifyAuditChain(databases.record, { batchSize: 100 })).toMatchObject({
      ok: true,
      checked: before + 451,
    });
    expect(
      await withTransaction(databases.record, (transaction) => appendAuditEvents(transaction, [])),
    ).toBe(0);
  });

  it('[URS-AUD-001] writes nothing when the mutation rolls back', async () => {
    const before = await databases.models.AuditEvent.count();
    await expect(
      withTransaction(databases.record, async (transaction) => {
        await appendAudit(transaction, releaseEvent(99));
        throw new Error('the mutation failed');
      }),
    ).rejects.toThrow('the mutation failed');
    expect(await databases.models.AuditEvent.count()).toBe(before);
    expect((await verifyAuditChain(databases.record)).ok).toBe(true);
  });

  it('[URS-AUD-002] keeps one chain under concurrent appends', async () => {
    const before = await databases.models.AuditEvent.count();
    await Promise.all(
      Array.from({ length: 12 }, (_, index) =>
        withTransaction(databases.record, async (transaction) => {
          await appendAudit(transaction, releaseEvent(100 + index));
          // Give the other transactions a chance to interleave.
          await new Promise((resolve) => setTimeout(resolve, 5));
        }),
      ),
    );
    expect(await databases.models.AuditEvent.count()).toBe(before + 12);
    expect(await verifyAuditChain(databases.record)).toMatchObject({
      ok: true,
      checked: before + 12,
    });
  });

  it('[URS-AUD-002] keeps one chain when two api processes append at once', async () => {
    const other = await openDatabases(testSite.options);
    try {
      const before = await databases.models.AuditEvent.count();
      await Promise.all(
        [databases, other, databases, other, databases, other].map((instance, index) =>
          withTransaction(instance.record, (transaction) =>
            appendAudit(transaction, releaseEvent(200 + index)),
          ),
        ),
      );
      expect(await verifyAuditChain(other.record)).toMatchObject({ ok: true, checked: before + 6 });
    } finally {
      await other.close();
    }
  });

  it('[URS-AUD-005] keeps a reason for a change with its event, in the chain', async () => {
    await withTransaction(databases.record, (transaction) =>
      appendAudit(transaction, { ...releaseEvent(300), reason: 'Kunden ringede kl. 06:10' }),
    );
    const row = await databases.models.AuditEvent.findOne({ order: [['id', 'DESC']] });
    expect(row?.reason).toBe('Kunden ringede kl. 06:10');
    expect((await verifyAuditChain(databases.record)).ok).toBe(true);
  });

  it('[URS-AUD-003] refuses UPDATE and DELETE of audit rows, by model and by raw SQL', async () => {
    const row = await databases.models.AuditEvent.findOne({ order: [['id', 'ASC']] });
    if (row === null) {
      throw new Error('no audit row');
    }
    const attempts = [
      () => row.update({ actorName: 'Someone else' }),
      () => row.destroy(),
      () => databases.models.AuditEvent.destroy({ where: {} }),
      () => databases.record.query('UPDATE audit_events SET actor_name = NULL'),
      () => databases.record.query('DELETE FROM audit_events'),
    ];
    for (const attempt of attempts) {
      const error: unknown = await attempt().then(
        () => null,
        (reason: unknown) => reason,
      );
      const driverMessage = (error as { parent?: Error }).parent?.message ?? String(error);
      expect(driverMessage).toMatch(/append-only/);
      expect(toDbConstraintError(error)).toMatchObject({
        kind: 'invalid',
        entity: 'AuditEvent',
        constraint: 'append-only',
      });
    }
    await expect(
      withTransaction(databases.record, (transaction) => row.destroy({ transaction })),
    ).rejects.toBeInstanceOf(DbConstraintError);
    expect((await verifyAuditChain(databases.record)).ok).toBe(true);
  });

  describe('tampering behind the database', () => {
    async function dropTrigger(name: string): Promise<void> {
      await databases.record.query(`DROP TRIGGER ${name}`);
    }

    it('[URS-AUD-004] finds a row altered after the update trigger was dropped', async () => {
      const rows = await databases.models.AuditEvent.findAll({ order: [['id', 'ASC']] });
      const victim = rows[1];
      if (victim === undefined) {
        throw new Error('too few audit rows');
      }
      await dropTrigger('audit_events_no_update');
      await databases.record.query('UPDATE audit_events SET actor_name = ? WHERE id = ?', {
        replacements: ['Someone else', victim.id],
      });
      expect(await verifyAuditChain(databases.record)).toEqual({
        ok: false,
        checked: 2,
        lastHash: rows[0]?.hash,
        firstBroken: { id: victim.id, reason: 'hash' },
      });
      // Re-hashing the altered row does not help: the next row names the old hash.
      await databases.record.query(
        'UPDATE audit_events SET actor_name = ?, hash = ? WHERE id = ?',
        { replacements: ['Production User', 'f'.repeat(64), victim.id] },
      );
      expect((await verifyAuditChain(databases.record)).firstBroken).toEqual({
        id: victim.id,
        reason: 'hash',
      });
      await databases.record.query('UPDATE audit_events SET hash = ? WHERE id = ?', {
        replacements: [victim.hash, victim.id],
      });
      expect((await verifyAuditChain(databases.record)).ok).toBe(true);
    });

    it('[URS-AUD-005] finds a reason altered after the event was written', async () => {
      const row = await databases.models.AuditEvent.findOne({
        where: { reason: 'Kunden ringede kl. 06:10' },
      });
      await databases.record.query('UPDATE audit_events SET reason = ? WHERE id = ?', {
        replacements: ['Aftalt med kunden', row?.id],
      });
      expect((await verifyAuditChain(databases.record)).firstBroken).toEqual({
        id: row?.id,
        reason: 'hash',
      });
      await databases.record.query('UPDATE audit_events SET reason = ? WHERE id = ?', {
        replacements: ['Kunden ringede kl. 06:10', row?.id],
      });
      expect((await verifyAuditChain(databases.record)).ok).toBe(true);
    });

    it('[URS-AUD-004] finds a removed row in the middle and at the end', async () => {
      const rows = await databases.models.AuditEvent.findAll({ order: [['id', 'ASC']] });
      const last = rows[rows.length - 1];
      const middle = rows[2];
      if (last === undefined || middle === undefined) {
        throw new Error('too few audit rows');
      }
      await dropTrigger('audit_events_no_delete');
      await databases.record.query('DELETE FROM audit_events WHERE id = ?', {
        replacements: [last.id],
      });
      expect((await verifyAuditChain(databases.record)).firstBroken).toEqual({
        id: last.id,
        reason: 'head',
      });
      await databases.record.query('DELETE FROM audit_events WHERE id = ?', {
        replacements: [middle.id],
      });
      expect((await verifyAuditChain(databases.record)).firstBroken).toEqual({
        id: rows[3]?.id,
        reason: 'link',
      });
    });
  });
});
