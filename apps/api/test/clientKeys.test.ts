/**
 * Retries with a client key: a client that gave up waiting sends its create again, maybe
 * through another instance, while the first request is still in its transaction. Every
 * answer must name the one order that exists: never "already exists", never a server error.
 */
import { randomUUID } from 'node:crypto';
import { TRPCClientError } from '@trpc/client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoIds } from './orderFixtures';
import type { TestApi } from './testApi';
import { TEST_DIALECTS, startTestApi } from './testApi';

describe.each(TEST_DIALECTS)('one client key sent ten times at once (%s)', (dialect) => {
  let first: TestApi;
  let second: TestApi;

  beforeAll(async () => {
    first = await startTestApi({ dialect });
    second = await startTestApi({ dialect, db: first.db });
  });

  afterAll(async () => {
    await second?.close();
    await first?.close();
  });

  it('[URS-ORD-011] creates one order, audits it once and answers every send with it', async () => {
    const ids = await demoIds(first);
    const input = {
      orderedTimeSlotId: ids.slot('PET1', 'FDG', 1, '08:00:00'),
      deliveryDate: '2026-12-01',
      orderedActivity: 432,
      clientKey: randomUUID(),
    };
    const clients = [await first.loginAs('shop-user'), await second.loginAs('shop-user')];
    const answers = await Promise.allSettled(
      Array.from({ length: 10 }, (_, index) =>
        clients[index % 2]?.trpc.orders.activity.create.mutate(input),
      ),
    );
    const failures = answers
      .filter((answer) => answer.status === 'rejected')
      .map((answer) => {
        const error = answer.reason as unknown;
        return error instanceof TRPCClientError ? JSON.stringify(error.data) : String(error);
      });
    expect(failures).toEqual([]);
    const orderIds = answers.map((answer) =>
      answer.status === 'fulfilled' ? answer.value?.id : null,
    );
    const created = await first.db.models.ActivityOrder.findAll({
      where: { orderedActivity: 432, deliveryDate: '2026-12-01' },
    });
    expect(created).toHaveLength(1);
    expect(new Set(orderIds)).toEqual(new Set([created[0]?.id]));
    const audited = await first.db.models.AuditEvent.count({
      where: { action: 'activityOrder.create', entityId: created[0]?.id ?? 0 },
    });
    expect(audited).toBe(1);
  });
});
