/**
 * The setup lock: two setups of one site (two processes' worth of connections) never run at
 * the same time, on SQLite (a lock file) and MySQL/MariaDB (a named server lock).
 */
import { afterAll, describe, expect, it } from 'vitest';
import { openDatabases } from '../src/connection';
import type { Databases } from '../src/connection';
import { withSetupLock } from '../src/setupLock';
import { TEST_DIALECTS, createTestSite } from '../src/testing';
import type { TestSite } from '../src/testing';

describe.each(TEST_DIALECTS)('[URS-DAT-004] withSetupLock (%s)', (dialect) => {
  const opened: Databases[] = [];
  let site: TestSite | undefined;

  afterAll(async () => {
    for (const db of opened) {
      await db.close();
    }
    await site?.destroy();
  });

  it('runs one setup at a time; the other waits, is told so, and then runs', async () => {
    site = await createTestSite(dialect);
    // Two separate connections to the site, as two api processes have.
    const first = await openDatabases(site.options);
    const second = await openDatabases(site.options);
    opened.push(first, second);
    const steps: string[] = [];
    let waited = false;
    let releaseFirst: () => void = () => undefined;
    const firstHolds = new Promise<void>((resolve) => {
      releaseFirst = resolve;
    });
    let firstStarted: () => void = () => undefined;
    const started = new Promise<void>((resolve) => {
      firstStarted = resolve;
    });
    const one = withSetupLock(first, async () => {
      steps.push('first starts');
      firstStarted();
      await firstHolds;
      steps.push('first ends');
    });
    await started;
    const two = withSetupLock(
      second,
      async () => {
        steps.push('second runs');
      },
      {
        onWait: () => {
          waited = true;
          releaseFirst();
        },
      },
    );
    await Promise.all([one, two]);
    expect(waited).toBe(true);
    expect(steps).toEqual(['first starts', 'first ends', 'second runs']);
  });
});
