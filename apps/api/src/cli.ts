#!/usr/bin/env node
/**
 * `tracershop`: the operators' command.
 *
 *   tracershop serve                       the api (what `npm start` runs after building)
 *   tracershop worker hl7|worklist|vials|retention|backups
 *                                          one background service alone (events via REDIS_URL)
 *   tracershop legacy-import --from URL    copy an old Tracershop MySQL database
 *   tracershop db migrate|migrate:down|status|seed|reset|verify-audit
 *   tracershop audit verify
 *   tracershop backup [--to FILE | --dir DIR]
 *   tracershop restore --from FILE [--yes]
 *   tracershop token create --name … --owner … --role … --access … --expires …
 *   tracershop user create --username … --role … [--name …] [--customer …]
 */
import { runCommand } from '@tracershop/db';
import { TOKEN_USAGE, runTokenCommand } from './apiTokenCommand';
import { BACKGROUND_SERVICES } from './background';
import type { BackgroundServiceName } from './background';
import { apiConfigFromEnv } from './config';
import { withConsoleServices } from './consoleServices';
import { runLegacyImport } from './legacyImport';
import { USER_USAGE, runUserCommand } from './userCommand';

const USAGE = `Usage: tracershop <command>
  serve                                   run the api server
  worker hl7|worklist|vials|retention|backups
                                          run one background service alone
  legacy-import --from mysql://…/TracerShop
  db migrate|migrate:down|status|seed|reset|verify-audit
  audit verify
  backup [--to FILE | --dir DIR]          back up both databases into one file
  restore --from FILE [--yes]             restore a backup into empty databases
  token create …                          an API token for a script (shown once)
${TOKEN_USAGE.replace(/^Usage: tracershop /, '    ')}
  user create …                           a local account; the first site admin of a new site
${USER_USAGE.replace(/^Usage: tracershop /, '    ')}`;

async function runWorker(name: string | undefined): Promise<number> {
  if (name === undefined || !(name in BACKGROUND_SERVICES)) {
    console.error(USAGE);
    return 2;
  }
  // Workers started beside api instances migrate under the same setup lock.
  return withConsoleServices({ migrate: true }, async (services) => {
    const service = await BACKGROUND_SERVICES[name as BackgroundServiceName](
      services,
      process.env,
      true,
    );
    if (service === null) {
      console.error(`The ${name} service is not configured (see docs/operations.md).`);
      return 1;
    }
    services.log.info({ worker: name }, 'worker running');
    await new Promise<void>((resolve) => {
      process.once('SIGTERM', () => resolve());
      process.once('SIGINT', () => resolve());
    });
    await service.stop();
    return 0;
  });
}

async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  switch (command) {
    case 'serve':
      await import('./main');
      return new Promise<number>(() => undefined);
    case 'worker':
      return runWorker(rest[0]);
    case 'legacy-import':
      return runLegacyImport(rest);
    case 'db':
    case 'audit':
      return runCommand(argv);
    case 'backup':
    case 'restore':
      // The manifest names the version of the api taking the backup.
      return runCommand(argv, process.env, undefined, undefined, {
        tracershopVersion: apiConfigFromEnv().version,
      });
    case 'token':
      return runTokenCommand(rest);
    case 'user':
      return runUserCommand(rest);
    default:
      console.error(USAGE);
      return 2;
  }
}

process.exitCode = await main(process.argv.slice(2));
