/**
 * The api's Prometheus metrics (docs/operations.md, "Monitoring"): one registry per api
 * server, never prom-client's global one, because tests run several servers in one process.
 * What moves per request is a pre-labelled histogram child (one map lookup per call) and, on
 * errors only, a counter; pool sizes, open sockets and the like are read when scraped.
 */
import type { Databases } from '@tracershop/db';
import type { TRPCError } from '@trpc/server';
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import type { Sequelize } from 'sequelize';
import { reasonOfError } from '../errors';
import type { DeliveryObserver, DeliverySource } from '../events/eventBus';

export type ProcedureType = 'query' | 'mutation' | 'subscription';
export type DatabaseLabel = 'record' | 'web';

/** The `procedure` label of errors that arose before any procedure was found (bad path, body). */
export const NO_PROCEDURE = '(none)';

/** Seconds; from a cached page read (a few ms) to a slow export. */
const REQUEST_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30];
/** Seconds; a local delivery takes well under a millisecond, one through Redis a few. */
const FAN_OUT_BUCKETS = [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 5];
/** Seconds; a primary-key read is well under a millisecond on SQLite. */
const QUERY_BUCKETS = [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 5];

/** What Sequelize's connection managers hold (not part of its typings). */
interface ConnectionManagerState {
  /** MySQL / MariaDB: the sequelize-pool of connections. */
  pool?: { size: number; using: number; waiting: number; maxSize: number };
  /** SQLite: one open sqlite3 handle under `default`, plus one per open transaction. */
  connections?: Record<string, unknown>;
}

interface PoolState {
  size: number;
  inUse: number;
  /** Unknown on SQLite: a writer waits inside SQLite's busy timeout, not in a queue. */
  waiting: number | null;
  max: number | null;
}

/** The pool of one database as the gauges report it (docs/operations.md, "Monitoring"). */
function poolStateOf(sequelize: Sequelize): PoolState {
  const manager = sequelize.connectionManager as unknown as ConnectionManagerState;
  if (sequelize.getDialect() === 'sqlite') {
    const handles = Object.keys(manager.connections ?? {});
    const inTransactions = handles.filter((key) => key !== 'default').length;
    return { size: handles.length, inUse: inTransactions, waiting: null, max: null };
  }
  const pool = manager.pool;
  if (pool === undefined) {
    return { size: 0, inUse: 0, waiting: null, max: null };
  }
  return { size: pool.size, inUse: pool.using, waiting: pool.waiting, max: pool.maxSize };
}

/**
 * Node's process metrics (CPU, memory, event loop, GC) describe the process, not a server:
 * they are collected once per process, on a registry of their own, and every server's
 * registry lists the same metric objects (prom-client's observers are never stopped, so one
 * set per server would pile up in a test process).
 */
let processMetrics: Registry | null = null;

function processMetricsRegistry(): Registry {
  if (processMetrics === null) {
    processMetrics = new Registry();
    collectDefaultMetrics({ register: processMetrics });
  }
  return processMetrics;
}

let hookNames = 0;

export interface ApiMetricsOptions {
  db: Databases;
  /** Build version, reported as `tracershop_build_info{version}`. */
  version: string;
}

export class ApiMetrics {
  readonly registry = new Registry();

  private readonly requestDuration: Histogram<'procedure' | 'type'>;
  /** One histogram child per procedure, so a call costs a map lookup and no label object. */
  private readonly requestTimers = new Map<string, { observe(seconds: number): void }>();
  private readonly errors: Counter<'procedure' | 'reason'>;
  /** Errors already counted by the procedure middleware; the adapters' onError skips them. */
  private readonly countedErrors = new WeakSet<TRPCError>();
  private readonly subscriptions: Gauge;
  private openSockets: () => number = () => 0;
  private readonly backgroundLastSuccess: Gauge<'service'>;
  private readonly backgroundFailures: Counter<'service'>;
  /** Created at the first successful backup, so "never" is an absent series, not 1970. */
  private backupLastSuccess: Gauge | null = null;
  private readonly backupFailures: Counter;
  /** Handed to the event bus: one call per event, never per subscriber. */
  readonly eventDelivered: DeliveryObserver;
  private readonly hookName = `tracershop-metrics-${(hookNames += 1)}`;
  private readonly databases: Array<[DatabaseLabel, Sequelize]>;

  constructor(options: ApiMetricsOptions) {
    const registers = [this.registry];
    for (const metric of processMetricsRegistry().getMetricsAsArray()) {
      this.registry.registerMetric(metric as unknown as Parameters<Registry['registerMetric']>[0]);
    }
    this.databases = [
      ['record', options.db.record],
      ['web', options.db.web],
    ];

    new Gauge({
      name: 'tracershop_build_info',
      help: 'Always 1; the version label is the running build',
      labelNames: ['version'],
      registers,
    }).set({ version: options.version }, 1);

    this.requestDuration = new Histogram({
      name: 'tracershop_trpc_request_duration_seconds',
      help: 'Time of tRPC calls from the first middleware to the answer (subscriptions: until started)',
      labelNames: ['procedure', 'type'],
      buckets: REQUEST_BUCKETS,
      registers,
    });
    this.errors = new Counter({
      name: 'tracershop_trpc_errors_total',
      help: 'Refused or failed tRPC calls by the reason the caller is given (errors.ts)',
      labelNames: ['procedure', 'reason'],
      registers,
    });

    const sockets = () => this.openSockets();
    new Gauge({
      name: 'tracershop_websockets_open',
      help: 'WebSocket connections open on this instance',
      registers,
      collect() {
        this.set(sockets());
      },
    });
    this.subscriptions = new Gauge({
      name: 'tracershop_live_subscriptions',
      help: 'Live event subscriptions (events.onChange) running on this instance',
      registers,
    });

    const fanOutLag = new Histogram({
      name: 'tracershop_event_fanout_lag_seconds',
      help: 'From the publish after a commit to the hand-over of the event to every subscriber of this instance; source local (published here) or redis (from another instance)',
      labelNames: ['source'],
      buckets: FAN_OUT_BUCKETS,
      registers,
    });
    fanOutLag.zero({ source: 'local' });
    const local = fanOutLag.labels('local');
    const redis = fanOutLag.labels('redis');
    this.eventDelivered = (source: DeliverySource, lagMs: number) => {
      (source === 'local' ? local : redis).observe(Math.max(lagMs, 0) / 1000);
    };

    this.registerDatabaseMetrics(registers);

    this.backgroundLastSuccess = new Gauge({
      name: 'tracershop_background_last_success_timestamp_seconds',
      help: 'When a background service last ran successfully (Unix time)',
      labelNames: ['service'],
      registers,
    });
    this.backgroundFailures = new Counter({
      name: 'tracershop_background_failures_total',
      help: 'Failed runs of a background service',
      labelNames: ['service'],
      registers,
    });
    this.backupFailures = new Counter({
      name: 'tracershop_backup_failures_total',
      help: 'Failed backup runs',
      registers,
    });
  }

  private registerDatabaseMetrics(registers: Registry[]): void {
    const databases = this.databases;
    const poolGauge = (name: string, help: string, read: (state: PoolState) => number | null) =>
      new Gauge({
        name,
        help,
        labelNames: ['database'],
        registers,
        collect() {
          for (const [label, sequelize] of databases) {
            const value = read(poolStateOf(sequelize));
            if (value !== null) {
              this.set({ database: label }, value);
            }
          }
        },
      });
    poolGauge(
      'tracershop_db_pool_size',
      'Open database connections (SQLite: open handles, one shared plus one per transaction)',
      (state) => state.size,
    );
    poolGauge(
      'tracershop_db_pool_in_use',
      'Connections lent out to queries and transactions (SQLite: open transactions)',
      (state) => state.inUse,
    );
    poolGauge(
      'tracershop_db_pool_waiting',
      'Requests waiting for a free connection (MySQL/MariaDB only)',
      (state) => state.waiting,
    );
    poolGauge(
      'tracershop_db_pool_max',
      'Largest number of connections the pool opens (MySQL/MariaDB only)',
      (state) => state.max,
    );

    const queryDuration = new Histogram({
      name: 'tracershop_db_query_duration_seconds',
      help: 'Time of each SQL statement, from handing it to the driver to its answer',
      labelNames: ['database'],
      buckets: QUERY_BUCKETS,
      registers,
    });
    for (const [label, sequelize] of databases) {
      queryDuration.zero({ database: label });
      const timer = queryDuration.labels(label);
      const started = new WeakMap<object, number>();
      sequelize.addHook('beforeQuery', this.hookName, (_options, query) => {
        started.set(query, performance.now());
      });
      sequelize.addHook('afterQuery', this.hookName, (_options, query) => {
        const start = started.get(query);
        if (start !== undefined) {
          timer.observe((performance.now() - start) / 1000);
        }
      });
    }
  }

  /** A tRPC call finished (the procedure middleware, trpc/init.ts); `error` when it failed. */
  procedureCompleted(
    path: string,
    type: ProcedureType,
    milliseconds: number,
    error: TRPCError | null,
  ): void {
    let timer = this.requestTimers.get(path);
    if (timer === undefined) {
      timer = this.requestDuration.labels(path, type);
      this.requestTimers.set(path, timer);
    }
    timer.observe(milliseconds / 1000);
    if (error !== null) {
      this.countedErrors.add(error);
      this.errors.labels(path, reasonOfError(error)).inc();
    }
  }

  /**
   * An error the HTTP or WebSocket adapter reports: counted unless the middleware already
   * did. Errors before any procedure ran (an unknown path, an unreadable body) count under
   * `procedure`, which the caller sets to NO_PROCEDURE unless the path names a procedure.
   */
  adapterError(error: TRPCError, procedure: string): void {
    if (!this.countedErrors.has(error)) {
      this.countedErrors.add(error);
      this.errors.labels(procedure, reasonOfError(error)).inc();
    }
  }

  /** Where the number of open WebSockets is read when scraped. */
  countWebSockets(count: () => number): void {
    this.openSockets = count;
  }

  subscriptionStarted(): void {
    this.subscriptions.inc();
  }

  subscriptionEnded(): void {
    this.subscriptions.dec();
  }

  /** A background service started: its failure counter shows 0 from now on. */
  backgroundServiceStarted(service: string): void {
    this.backgroundFailures.labels(service).inc(0);
  }

  /**
   * A background service reports one run: `ok` sets its last success to `at` (default now),
   * otherwise its failures go up by one. What a run is differs per service
   * (docs/operations.md, "Monitoring").
   */
  backgroundRun(service: string, ok: boolean, at: Date = new Date()): void {
    if (ok) {
      this.backgroundLastSuccess.labels(service).set(at.getTime() / 1000);
    } else {
      this.backgroundFailures.labels(service).inc();
    }
  }

  /** A backup run: `ok` sets the last success to `at` (default now), else failures + 1. */
  backupRun(ok: boolean, at: Date = new Date()): void {
    if (!ok) {
      this.backupFailures.inc();
      return;
    }
    this.backupLastSuccess ??= new Gauge({
      name: 'tracershop_backup_last_success_timestamp_seconds',
      help: 'When the last backup succeeded (Unix time); absent until one has',
      registers: [this.registry],
    });
    this.backupLastSuccess.set(at.getTime() / 1000);
  }

  /** The text exposition format and its content type. */
  async exposition(): Promise<{ contentType: string; text: string }> {
    return { contentType: this.registry.contentType, text: await this.registry.metrics() };
  }

  /** Takes the query hooks off the databases (which may outlive this server). */
  close(): void {
    for (const [, sequelize] of this.databases) {
      sequelize.removeHook('beforeQuery', this.hookName);
      sequelize.removeHook('afterQuery', this.hookName);
    }
  }
}
