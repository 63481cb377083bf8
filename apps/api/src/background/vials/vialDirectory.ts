/**
 * Where the dispenser files arrive, as the running watcher and the "Hent manglende glas"
 * rescan both need it, and one queue per folder so that the watcher and a rescan never
 * import the same file at the same time in this process.
 */
import { resolve } from 'node:path';
import type { ApiServices } from '../../services';

const watchedDirectories = new WeakMap<ApiServices, string>();
const queues = new Map<string, Promise<unknown>>();

/** The watcher registers its folder while it runs. */
export function registerVialDirectory(services: ApiServices, directory: string): void {
  watchedDirectories.set(services, resolve(directory));
}

export function unregisterVialDirectory(services: ApiServices): void {
  watchedDirectories.delete(services);
}

/**
 * The folder of the running watcher, else `VIAL_WATCH_DIR` of the environment (the watcher may
 * run as a separate worker on the same share); null when neither is set.
 */
export function vialDirectoryOf(
  services: ApiServices,
  env: NodeJS.ProcessEnv = process.env,
): string | null {
  const registered = watchedDirectories.get(services);
  if (registered !== undefined) {
    return registered;
  }
  const configured = env.VIAL_WATCH_DIR?.trim();
  return configured === undefined || configured === '' ? null : resolve(configured);
}

/** Runs `work` after every earlier work queued for the same folder has finished. */
export function inVialQueue<T>(directory: string, work: () => Promise<T>): Promise<T> {
  const key = resolve(directory);
  const previous = queues.get(key) ?? Promise.resolve();
  const next = previous.then(work, work);
  const settled = next.then(
    () => undefined,
    () => undefined,
  );
  queues.set(key, settled);
  void settled.then(() => {
    if (queues.get(key) === settled) {
      queues.delete(key);
    }
  });
  return next;
}
