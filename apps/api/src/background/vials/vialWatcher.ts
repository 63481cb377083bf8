/**
 * The dispenser vial watcher (legacy "vialdog", docs/operations.md): watches
 * `VIAL_WATCH_DIR` for VAL, CSV and XLSX files, importing each once its size has been stable
 * for `VIAL_WATCH_STABLE_MS` (default 500 ms), and imports the files already waiting when it
 * starts. `VIAL_WATCH_POLLING=1` polls instead of using file-system events (network shares
 * that do not deliver them).
 */
import { stat } from 'node:fs/promises';
import { basename, dirname, resolve } from 'node:path';
import { watch } from 'chokidar';
import type { BackgroundServiceStarter } from '../backgroundService';
import { registerVialDirectory, unregisterVialDirectory } from './vialDirectory';
import { VIAL_WATCH_SERVICE, importVialFile, scanVialDirectory } from './vialImport';
import { isOutcomeFolder } from './vialFolders';
import { VialOwners } from './dispenserFiles';

export { importVialFile, scanVialDirectory } from './vialImport';
export type { VialFileResult, VialScanCounts } from './vialImport';

const DEFAULT_STABLE_MS = 500;
const POLL_INTERVAL_MS = 1000;
const OWNERS_MAX_AGE_MS = 1000;

function stableMsOf(env: NodeJS.ProcessEnv): number {
  const text = env.VIAL_WATCH_STABLE_MS?.trim();
  if (text === undefined || text === '') {
    return DEFAULT_STABLE_MS;
  }
  const value = Number(text);
  if (!Number.isInteger(value) || value < 0) {
    throw new Error(`VIAL_WATCH_STABLE_MS must be a whole number, got ${JSON.stringify(text)}`);
  }
  return value;
}

export const startVialWatchService: BackgroundServiceStarter = async (services, env) => {
  const configured = env.VIAL_WATCH_DIR?.trim();
  if (configured === undefined || configured === '') {
    return null;
  }
  const directory = resolve(configured);
  const stats = await stat(directory).catch(() => null);
  if (stats === null || !stats.isDirectory()) {
    throw new Error(`VIAL_WATCH_DIR ${directory} is not a directory`);
  }
  const stableMs = stableMsOf(env);
  const log = services.log.child({ service: 'vials', directory });
  const stopping = new AbortController();
  const running = new Set<Promise<unknown>>();
  const track = (work: Promise<unknown>): void => {
    running.add(work);
    void work.finally(() => running.delete(work));
  };

  const watcher = watch(directory, {
    depth: 0,
    ignoreInitial: true,
    usePolling: env.VIAL_WATCH_POLLING === '1',
    interval: POLL_INTERVAL_MS,
    awaitWriteFinish: {
      stabilityThreshold: stableMs,
      pollInterval: Math.min(100, stableMs || 100),
    },
    // Files moved to processed/ and rejected/ are done with.
    ignored: (path) => resolve(dirname(path)) === directory && isOutcomeFolder(basename(path)),
  });
  // A burst of files shares one read of tracers and customers (at most a second old).
  let owners: { loaded: number; owners: Promise<VialOwners> } | null = null;
  const currentOwners = (): Promise<VialOwners> => {
    if (owners === null || Date.now() - owners.loaded > OWNERS_MAX_AGE_MS) {
      owners = { loaded: Date.now(), owners: VialOwners.load(services) };
    }
    return owners.owners;
  };
  const importOne = async (path: string): Promise<void> => {
    const result = await importVialFile(services, path, {
      signal: stopping.signal,
      owners: await currentOwners(),
    });
    if (result.outcome === 'failed') {
      owners = null;
    }
  };
  const onFile = (path: string): void => {
    track(
      importOne(path).catch((error: unknown) => {
        owners = null;
        log.error({ err: error, file: basename(path) }, 'vial file import failed');
      }),
    );
  };
  watcher.on('add', onFile);
  watcher.on('change', onFile);
  watcher.on('error', (error) => {
    log.error({ err: error }, 'vial watcher error');
  });
  await new Promise<void>((ready) => watcher.once('ready', () => ready()));
  registerVialDirectory(services, directory);

  track(
    scanVialDirectory(services, directory, { signal: stopping.signal }).then(
      (counts) => {
        log.info(counts, 'pending vial files imported');
      },
      (error: unknown) => {
        log.error({ err: error }, 'pending vial files could not be scanned');
      },
    ),
  );

  return {
    name: VIAL_WATCH_SERVICE,
    async stop() {
      stopping.abort();
      unregisterVialDirectory(services);
      await watcher.close();
      await Promise.allSettled([...running]);
    },
  };
};
