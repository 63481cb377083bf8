/**
 * The background services, run inside the api by default (each switched on by its
 * environment variable) or one at a time as `tracershop worker <name>`: RIS bookings, the
 * vial watcher, retention and scheduled backups.
 */
import type { ApiServices } from '../services';
import type { BackgroundService, BackgroundServiceStarter } from './backgroundService';
import { startBackupService } from './backups';
import { startRetentionService } from './retention';
import { startHl7Service } from './ris/hl7Listener';
import { startWorklistService } from './ris/worklistPoller';
import { startVialWatchService } from './vials/vialWatcher';

export type { BackgroundService } from './backgroundService';

export const BACKGROUND_SERVICES = {
  hl7: startHl7Service,
  worklist: startWorklistService,
  vials: startVialWatchService,
  retention: startRetentionService,
  backups: startBackupService,
} satisfies Record<string, BackgroundServiceStarter>;

export type BackgroundServiceName = keyof typeof BACKGROUND_SERVICES;

/** Starts every service its environment enables; stop them with `stopBackgroundServices`. */
export async function startBackgroundServices(
  services: ApiServices,
  env: NodeJS.ProcessEnv = process.env,
): Promise<BackgroundService[]> {
  const started: BackgroundService[] = [];
  for (const [name, start] of Object.entries(BACKGROUND_SERVICES)) {
    const service = await start(services, env, false);
    if (service !== null) {
      services.log.info({ service: name }, 'background service started');
      services.metrics.backgroundServiceStarted(name);
      started.push(service);
    }
  }
  return started;
}

export async function stopBackgroundServices(started: BackgroundService[]): Promise<void> {
  await Promise.allSettled(started.map((service) => service.stop()));
}
