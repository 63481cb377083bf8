/**
 * Readiness (`/readyz`, docs/operations.md, "Monitoring"): whether this instance should get
 * traffic. Both databases answer a trivial query in time, no migration this build knows is
 * pending, the Redis event bus is connected when Redis is configured, and the instance is not
 * draining before a stop. Liveness (`/healthz`) asks none of this: a database outage must
 * take instances out of the load balancer, not make an orchestrator restart them.
 */
import { MIGRATIONS, MIGRATIONS_TABLE } from '@tracershop/db';
import { QueryTypes } from 'sequelize';
import type { Sequelize } from 'sequelize';
import type { ApiServices } from '../services';

/** A check that takes longer than this fails: a probe must answer before its own timeout. */
export const READINESS_TIMEOUT_MS = 2_000;

export type ReadinessCheckName = 'record' | 'web' | 'migrations' | 'redis' | 'draining';

export interface ReadinessCheck {
  ok: boolean;
  /** Why not, in a few words (details go to the log, not to whoever probes). */
  problem?: string;
}

export interface ReadinessReport {
  status: 'ready' | 'not ready' | 'draining';
  /** The checks that failed, in the order of `checks`. */
  failing: ReadinessCheckName[];
  checks: Partial<Record<ReadinessCheckName, ReadinessCheck>>;
}

class CheckTimeout extends Error {}

async function within<T>(work: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_resolve, reject) => {
    timer = setTimeout(() => reject(new CheckTimeout(`no answer within ${ms} ms`)), ms);
  });
  try {
    return await Promise.race([work, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

function problemOf(error: unknown): string {
  if (error instanceof CheckTimeout) {
    return error.message;
  }
  // The error's class only: its message may name hosts and users.
  return `query failed (${error instanceof Error ? error.name : 'error'})`;
}

export class Readiness {
  private draining = false;
  /** Once no migration is pending it stays so while this build runs (see `migrations`). */
  private migrationsCurrent = false;
  /** Probes that arrive together share one round of checks. */
  private running: Promise<ReadinessReport> | null = null;
  /** The failing checks last reported, to log changes rather than every probe. */
  private lastFailing = '';
  /** The errors behind this round's failed checks, for the log. */
  private readonly errors = new Map<ReadinessCheckName, string>();

  constructor(
    private readonly services: ApiServices,
    private readonly timeoutMs = READINESS_TIMEOUT_MS,
  ) {}

  /** From now on `/readyz` answers `draining` (the stop after SIGTERM / SIGINT). */
  startDraining(): void {
    this.draining = true;
  }

  get isDraining(): boolean {
    return this.draining;
  }

  async report(): Promise<ReadinessReport> {
    if (this.draining) {
      return {
        status: 'draining',
        failing: ['draining'],
        checks: { draining: { ok: false, problem: 'the instance is stopping' } },
      };
    }
    this.running ??= this.check().finally(() => {
      this.running = null;
    });
    return this.running;
  }

  private async check(): Promise<ReadinessReport> {
    const { db, config, events } = this.services;
    this.errors.clear();
    const [record, web] = await Promise.all([
      this.answers('record', db.record),
      this.answers('web', db.web),
    ]);
    const checks: ReadinessReport['checks'] = { record, web };
    checks.migrations =
      this.migrationsCurrent || (record.ok && web.ok)
        ? await this.migrations()
        : { ok: false, problem: 'not checked: a database does not answer' };
    if (config.redisUrl !== null) {
      checks.redis = events.connected()
        ? { ok: true }
        : { ok: false, problem: 'the event bus is not connected to Redis' };
    }
    const failing = (Object.keys(checks) as ReadinessCheckName[]).filter(
      (name) => checks[name]?.ok === false,
    );
    this.logChange(failing, checks);
    return { status: failing.length === 0 ? 'ready' : 'not ready', failing, checks };
  }

  private async answers(name: 'record' | 'web', sequelize: Sequelize): Promise<ReadinessCheck> {
    try {
      await within(sequelize.query('SELECT 1', { type: QueryTypes.SELECT }), this.timeoutMs);
      return { ok: true };
    } catch (error) {
      this.errors.set(name, String(error));
      return { ok: false, problem: problemOf(error) };
    }
  }

  /**
   * No migration of this build is pending. Read from the migrations table directly rather
   * than through umzug, whose storage creates its table first and so needs the CREATE right
   * the running api does not have (docs/operations.md, "MySQL / MariaDB notes"). Once
   * current it stays current: migrations of a newer build are not pending for this one.
   */
  private async migrations(): Promise<ReadinessCheck> {
    if (this.migrationsCurrent) {
      return { ok: true };
    }
    try {
      const pending: string[] = [];
      for (const name of ['record', 'web'] as const) {
        const rows = await within(
          this.services.db[name].query<{ name: string }>(`SELECT name FROM ${MIGRATIONS_TABLE}`, {
            type: QueryTypes.SELECT,
          }),
          this.timeoutMs,
        );
        const applied = new Set(rows.map((row) => row.name));
        pending.push(
          ...MIGRATIONS[name]
            .map((migration) => migration.name)
            .filter((migration) => !applied.has(migration))
            .map((migration) => `${name}/${migration}`),
        );
      }
      if (pending.length > 0) {
        return { ok: false, problem: `pending: ${pending.join(', ')}` };
      }
      this.migrationsCurrent = true;
      return { ok: true };
    } catch (error) {
      this.errors.set('migrations', String(error));
      return { ok: false, problem: problemOf(error) };
    }
  }

  private logChange(failing: ReadinessCheckName[], checks: ReadinessReport['checks']): void {
    const key = failing.join(',');
    if (key === this.lastFailing) {
      return;
    }
    this.lastFailing = key;
    if (failing.length === 0) {
      this.services.log.info('ready');
    } else {
      const errors = Object.fromEntries(this.errors);
      this.services.log.warn({ failing, checks, errors }, 'not ready');
    }
  }
}
