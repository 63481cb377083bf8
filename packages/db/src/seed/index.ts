/**
 * `tracershop db seed`: fills an empty site with a demo that is true at the seed moment (see
 * packages/db/README.md). A database that holds data already is left alone (the record
 * database counts as seeded when it has isotopes, the web database when it has users), so
 * seeding twice changes nothing.
 */
import type { Databases } from '../connection';
import { withTransaction } from '../transactions';
import { seedDemoRecords } from './demoRecords';
import { findDemoUsers, seedDemoUsers, seedDemoWebSettings } from './demoWeb';
import { seedMomentOf } from './seedMoment';
import type { SeedMomentInput } from './seedMoment';
import { SeedTrail } from './seedTrail';

export { DEMO_PASSWORD, DEMO_USERS } from './demoWeb';
export type { DemoUser } from './demoWeb';
export { DEFAULT_SEED_TIME } from './seedMoment';
export { SEED_ACTOR } from './seedTrail';

/**
 * When the demo is seeded: `now` (the seed moment) and `today` (its date on the site
 * calendar). Either may be left out: `today` alone means that day at 06:00 site time, `now`
 * alone its date, neither the current time.
 */
export type SeedOptions = SeedMomentInput;

export interface SeedResult {
  record: 'seeded' | 'kept';
  web: 'seeded' | 'kept';
  /** The seed moment the records are true at. */
  now: Date;
  today: string;
  counts: Record<string, number>;
}

/** Seeds whichever of the two (migrated) databases is empty with the demo site. */
export async function seedDemoSite(
  databases: Databases,
  options: SeedOptions = {},
): Promise<SeedResult> {
  const moment = seedMomentOf(options);
  const { models } = databases;
  const recordIsEmpty = (await models.Isotope.count()) === 0;
  const webIsEmpty = (await models.User.count()) === 0;
  const counts: Record<string, number> = {};
  const result: SeedResult = {
    record: recordIsEmpty ? 'seeded' : 'kept',
    web: webIsEmpty ? 'seeded' : 'kept',
    now: moment.now,
    today: moment.today,
    counts,
  };
  if (!recordIsEmpty && !webIsEmpty) {
    return result;
  }

  // The web transaction stays open around the record one: the records need the new users'
  // ids, the web needs the new customers' ids, the trail (in the record database) audits both,
  // and a failure anywhere leaves both as they were.
  await withTransaction(databases.web, (webTransaction) =>
    withTransaction(databases.record, async (recordTransaction) => {
      const trail = new SeedTrail(recordTransaction, moment.now);
      const people = webIsEmpty
        ? await seedDemoUsers(models, webTransaction, trail)
        : await findDemoUsers(models);
      let customerIds: Map<string, number>;
      if (recordIsEmpty) {
        const summary = await seedDemoRecords(models, trail, { moment, people });
        Object.assign(counts, summary.counts);
        customerIds = summary.customerIds;
      } else {
        const customers = await models.Customer.findAll({ transaction: recordTransaction });
        customerIds = new Map(customers.map((customer) => [customer.shortName, customer.id]));
      }
      if (webIsEmpty) {
        await seedDemoWebSettings(models, webTransaction, trail, {
          today: moment.today,
          people,
          customerIds,
        });
        counts.users = people.size;
      }
      counts.auditEvents = trail.count + 1;
      trail.audit({
        action: 'site.seedDemo',
        entity: 'Site',
        entityId: null,
        after: { today: moment.today, now: moment.now.toISOString(), ...counts },
      });
      await trail.commit();
    }),
  );
  return result;
}
