/**
 * `npm start`: migrate both databases, seed the demo site when they are empty (one
 * instance at a time; never with TRACERSHOP_DEMO=0), serve on PORT (8080), and stop gracefully
 * on SIGTERM / SIGINT: first `/readyz` reports draining for TRACERSHOP_DRAIN_SECONDS while
 * requests are still served, then the server closes (docs/operations.md, "Monitoring").
 */
import { UserGroup } from '@tracershop/core';
import {
  DEMO_PASSWORD,
  DEMO_USERS,
  SETUP_WAIT_MESSAGE,
  databaseOptionsFromEnv,
  migrateUp,
  openDatabases,
  seedDemoSite,
  withSetupLock,
} from '@tracershop/db';
import type { Databases } from '@tracershop/db';
import { apiConfigFromEnv } from './config';
import { startApiServer } from './server';
import { firstSiteAdminHint } from './userCommand';

/** The demo accounts, as the demo site was seeded now or earlier. */
function printDemoAccounts(seededNow: boolean): void {
  console.log(
    seededNow
      ? `A demo site was created. Demo accounts (password "${DEMO_PASSWORD}"):`
      : `Demo accounts, where this is the demo site (password "${DEMO_PASSWORD}"):`,
  );
  for (const user of DEMO_USERS) {
    console.log(`  ${user.username.padEnd(12)} ${user.displayName}`);
  }
}

/** Without the demo: how to create the first site admin, while the site has none active. */
async function printFirstSiteAdminHint(db: Databases, url: string): Promise<void> {
  const siteAdmins = await db.models.User.count({
    where: { userGroup: UserGroup.Admin, active: true },
  });
  if (siteAdmins === 0) {
    console.log(firstSiteAdminHint(url));
  }
}

async function main(): Promise<void> {
  const config = apiConfigFromEnv();
  const db = await openDatabases(databaseOptionsFromEnv());
  // Instances started together take turns: the first migrates and seeds, the others then
  // find nothing to do (docs/operations.md, "Several instances"). An empty site gets the
  // demo as it stands at this moment: the past released, today and the coming days open;
  // with TRACERSHOP_DEMO=0 it stays empty.
  const seeded = await withSetupLock(
    db,
    async () => {
      await migrateUp(db);
      return config.demoSeed
        ? seedDemoSite(db, { now: new Date(), timeZone: config.timeZone })
        : null;
    },
    { onWait: () => console.log(SETUP_WAIT_MESSAGE) },
  );
  const server = await startApiServer({ db });
  console.log(`\nTracershop is running at ${server.url}/`);
  if (seeded === null) {
    await printFirstSiteAdminHint(db, server.url);
  } else {
    printDemoAccounts(seeded.web === 'seeded');
  }
  console.log('');

  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) {
      return;
    }
    stopping = true;
    server.services.log.info({ signal }, 'shutting down');
    void server
      .drain()
      .then(() => server.close())
      .then(() => db.close())
      .then(() => process.exit(0))
      .catch((error: unknown) => {
        console.error(error);
        process.exit(1);
      });
  };
  process.on('SIGTERM', () => stop('SIGTERM'));
  process.on('SIGINT', () => stop('SIGINT'));
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
