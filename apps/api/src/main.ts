/**
 * `npm start`: migrate both databases, seed the demo site when they are empty (one
 * instance at a time), serve on PORT (8080), and stop gracefully on SIGTERM / SIGINT: first
 * `/readyz` reports draining for TRACERSHOP_DRAIN_SECONDS while requests are still served,
 * then the server closes (docs/operations.md, "Monitoring").
 */
import {
  DEMO_PASSWORD,
  DEMO_USERS,
  databaseOptionsFromEnv,
  migrateUp,
  openDatabases,
  seedDemoSite,
  withSetupLock,
} from '@tracershop/db';
import { apiConfigFromEnv } from './config';
import { startApiServer } from './server';

async function main(): Promise<void> {
  const config = apiConfigFromEnv();
  const db = await openDatabases(databaseOptionsFromEnv());
  // Instances started together take turns: the first migrates and seeds, the others then
  // find nothing to do (docs/operations.md, "Several instances"). An empty site gets the
  // demo as it stands at this moment: the past released, today and the coming days open.
  const seeded = await withSetupLock(
    db,
    async () => {
      await migrateUp(db);
      return seedDemoSite(db, { now: new Date(), timeZone: config.timeZone });
    },
    { onWait: () => console.log('Waiting for another instance to finish setting up…') },
  );
  const server = await startApiServer({ db });
  console.log(`\nTracershop is running at ${server.url}/`);
  console.log(
    seeded.web === 'seeded'
      ? `A demo site was created. Demo accounts (password "${DEMO_PASSWORD}"):`
      : `Demo accounts, where this is the demo site (password "${DEMO_PASSWORD}"):`,
  );
  for (const user of DEMO_USERS) {
    console.log(`  ${user.username.padEnd(12)} ${user.displayName}`);
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
