/**
 * `tracershop db seed`: fills an empty site with a demo. A database that holds data already
 * is left alone (the record database counts as seeded when it has isotopes, the web database
 * when it has users), so seeding twice changes nothing.
 */
import { DEFAULT_TIME_ZONE, toPlainDate } from '@tracershop/core';
import { appendAudit } from '../audit';
import type { Databases } from '../connection';
import { withTransaction } from '../transactions';
import { seedDemoRecords } from './demoRecords';
import { findDemoUsers, seedDemoUsers, seedDemoWebSettings } from './demoWeb';

export { DEMO_PASSWORD, DEMO_USERS } from './demoWeb';
export type { DemoUser } from './demoWeb';

export interface SeedOptions {
  /** The site's calendar date ('YYYY-MM-DD'); the demo is built around it. */
  today: string;
  /** The site time zone, for the instants of released orders; default Europe/Copenhagen. */
  timeZone?: string;
}

export interface SeedResult {
  record: 'seeded' | 'kept';
  web: 'seeded' | 'kept';
  counts: Record<string, number>;
}

/** Seeds whichever of the two (migrated) databases is empty with the demo site. */
export async function seedDemoSite(
  databases: Databases,
  options: SeedOptions,
): Promise<SeedResult> {
  toPlainDate(options.today);
  const timeZone = options.timeZone ?? DEFAULT_TIME_ZONE;
  const { models } = databases;
  const recordIsEmpty = (await models.Isotope.count()) === 0;
  const webIsEmpty = (await models.User.count()) === 0;
  const counts: Record<string, number> = {};
  if (!recordIsEmpty && !webIsEmpty) {
    return { record: 'kept', web: 'kept', counts };
  }

  // The web transaction stays open around the record one: the record needs the new users'
  // ids, the web needs the new customers' ids, and a failure anywhere leaves the web empty.
  await withTransaction(databases.web, async (webTransaction) => {
    const people = webIsEmpty
      ? await seedDemoUsers(models, webTransaction)
      : await findDemoUsers(models);
    const customerIds = recordIsEmpty
      ? await withTransaction(databases.record, async (recordTransaction) => {
          const summary = await seedDemoRecords(models, recordTransaction, {
            today: options.today,
            timeZone,
            people,
          });
          Object.assign(counts, summary.counts);
          await appendAudit(recordTransaction, {
            action: 'site.seedDemo',
            entity: 'Site',
            entityId: null,
            actorId: null,
            actorName: 'tracershop db seed',
            after: { today: options.today, ...summary.counts },
          });
          return summary.customerIds;
        })
      : new Map(
          (await models.Customer.findAll()).map((customer) => [customer.shortName, customer.id]),
        );
    if (webIsEmpty) {
      await seedDemoWebSettings(models, webTransaction, {
        today: options.today,
        people,
        customerIds,
      });
      counts.users = people.size;
    }
  });
  return {
    record: recordIsEmpty ? 'seeded' : 'kept',
    web: webIsEmpty ? 'seeded' : 'kept',
    counts,
  };
}
