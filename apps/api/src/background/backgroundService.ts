/**
 * A service that runs beside the api (or alone as a worker): RIS bookings (HL7, DICOM
 * worklist), the dispenser vial watcher, the nightly retention job. Each reports its runs
 * with `services.metrics.backgroundRun(name, ok)` (docs/operations.md, "Monitoring").
 */
import type { ApiServices } from '../services';

export interface BackgroundService {
  readonly name: string;
  stop(): Promise<void>;
}

/** What starts one kind of service. `force` starts it even when the environment does not enable it (a worker). Returns null when it has nothing to do (not configured). */
export type BackgroundServiceStarter = (
  services: ApiServices,
  env: NodeJS.ProcessEnv,
  force: boolean,
) => Promise<BackgroundService | null>;
