/**
 * Latency per procedure, kept in memory and written in batches off the request path: a
 * request never waits for telemetry, and a failed write only loses telemetry.
 */
import type { Databases } from '@tracershop/db';
import type { Logger } from 'pino';
import type { Clock } from '../clock';

interface PendingRecord {
  at: Date;
  procedure: string;
  latencyMs: number;
  ok: boolean;
}

/** At most this many records wait; beyond it the oldest are dropped. */
const MAX_PENDING = 10_000;

export class TelemetryRecorder {
  private pending: PendingRecord[] = [];
  private timer: NodeJS.Timeout | null = null;
  private flushing: Promise<void> | null = null;

  constructor(
    private readonly db: Databases,
    private readonly clock: Clock,
    private readonly log: Logger,
    private readonly intervalMs = 5000,
  ) {}

  start(): void {
    this.timer = setInterval(() => void this.flush(), this.intervalMs);
    this.timer.unref();
  }

  record(procedure: string, latencyMs: number, ok: boolean): void {
    this.pending.push({ at: this.clock.now(), procedure, latencyMs, ok });
    if (this.pending.length > MAX_PENDING) {
      this.pending.splice(0, this.pending.length - MAX_PENDING);
    }
  }

  /** Writes what is pending; concurrent calls share one write. */
  async flush(): Promise<void> {
    if (this.flushing !== null) {
      return this.flushing;
    }
    if (this.pending.length === 0) {
      return;
    }
    const batch = this.pending;
    this.pending = [];
    this.flushing = this.db.models.TelemetryRecord.bulkCreate(
      batch.map((item) => ({ ...item, latencyMs: Math.round(item.latencyMs * 1000) / 1000 })),
    )
      .then(() => undefined)
      .catch((error: unknown) => {
        this.log.warn({ err: error, lost: batch.length }, 'telemetry not written');
      })
      .finally(() => {
        this.flushing = null;
      });
    return this.flushing;
  }

  async stop(): Promise<void> {
    if (this.timer !== null) {
      clearInterval(this.timer);
      this.timer = null;
    }
    await this.flush();
  }
}
