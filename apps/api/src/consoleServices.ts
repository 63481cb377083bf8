/**
 * The api's services for a command at the server's console (`tracershop user …`,
 * `tracershop token …`, `tracershop worker …`): the databases of the environment, migrated
 * first under the setup lock when asked (as the api does when it starts, so that a command run
 * beside starting instances takes its turn), and everything closed again when it is done.
 */
import {
  SETUP_WAIT_MESSAGE,
  databaseOptionsFromEnv,
  migrateUp,
  openDatabases,
  withSetupLock,
} from '@tracershop/db';
import { createServices } from './server';
import type { ApiServices } from './services';

export async function withConsoleServices<T>(
  options: { migrate: boolean },
  run: (services: ApiServices) => Promise<T>,
): Promise<T> {
  const db = await openDatabases(databaseOptionsFromEnv());
  try {
    if (options.migrate) {
      const migrated = await withSetupLock(db, () => migrateUp(db), {
        onWait: () => console.log(SETUP_WAIT_MESSAGE),
      });
      const applied = migrated.record.length + migrated.web.length;
      if (applied > 0) {
        console.log(`Migrated the databases (${applied} migrations).`);
      }
    }
    const services = await createServices({ db });
    try {
      return await run(services);
    } finally {
      await services.events.close();
      services.redis?.disconnect();
    }
  } finally {
    await db.close();
  }
}
