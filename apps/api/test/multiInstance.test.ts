/**
 * Several api instances behind a load balancer: one database pair and one Redis. A mutation
 * on one instance reaches a subscriber connected to the other. Runs when TEST_REDIS_URL is
 * set, on MariaDB too when TEST_MYSQL_URL is set (CI sets both).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { missingTestPeers } from '@tracershop/db/testing';
import { randomUUID } from 'node:crypto';
import { collectEvents, eventually } from './liveClient';
import type { TestApi } from './testApi';
import { TEST_DIALECTS, startTestApi } from './testApi';

const redisUrl = process.env.TEST_REDIS_URL;

describe.skipIf(missingTestPeers(['redis']) !== undefined).each(TEST_DIALECTS)(
  '[URS-PRF-004] two api instances sharing Redis (%s)',
  (dialect) => {
    let first: TestApi;
    let second: TestApi;

    beforeAll(async () => {
      // Its own key prefix: runs and sites sharing this Redis do not see each other.
      const config = { redisUrl: redisUrl ?? null, redisPrefix: `test-${randomUUID()}` };
      first = await startTestApi({ dialect, config });
      second = await startTestApi({ dialect, db: first.db, config });
    });

    afterAll(async () => {
      await second?.close();
      await first?.close();
    });

    it('[URS-INT-009] delivers a mutation made on one instance to a subscriber of the other', async () => {
      const watcher = collectEvents(await second.loginAs('shop-user'));
      await watcher.started;
      const admin = await first.loginAs('prod-admin');
      await admin.trpc.setup.closedDates.toggle.mutate({ date: '2027-02-03' });
      await eventually(() =>
        watcher.events.some(
          (event) => event.entity === 'ClosedDate' && JSON.stringify(event).includes('2027-02-03'),
        ),
      );
      expect(watcher.events.filter((event) => event.entity === 'ClosedDate')).toHaveLength(1);
      watcher.stop();
    });

    it('[URS-ACC-006] shares the failed-attempt lock between instances', async () => {
      const client = first.client();
      for (let attempt = 0; attempt < 10; attempt += 1) {
        await client.trpc.auth.login
          .mutate({ username: 'external', password: 'wrong' })
          .catch(() => undefined);
      }
      const other = second.client();
      const error = await other.trpc.auth.login
        .mutate({ username: 'external', password: 'tracershop' })
        .then(() => null)
        .catch((caught: unknown) => caught);
      expect(String(error)).toMatch(/For mange forkerte forsøg/);
    });
  },
);
