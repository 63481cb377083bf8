/**
 * The one service: tRPC over HTTP at /trpc and over WebSocket at /trpc on the same port,
 * /healthz (liveness), /readyz (readiness), /metrics (with a token, or on a listener of its
 * own) and the two built web apps under /shop/ and /production/ (docs/operations.md).
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { randomUUID } from 'node:crypto';
import { homeAppOf } from '@tracershop/core';
import { openDatabases } from '@tracershop/db';
import type { DatabaseOptions, Databases } from '@tracershop/db';
import { createHTTPHandler } from '@trpc/server/adapters/standalone';
import { applyWSSHandler } from '@trpc/server/adapters/ws';
import { Redis } from 'ioredis';
import pino from 'pino';
import { pinoHttp } from 'pino-http';
import type { Logger } from 'pino';
import { WebSocketServer } from 'ws';
import { AttemptLimits } from './auth/attemptLimits';
import { buildAuthenticator } from './auth/authenticatorSetup';
import { SESSION_COOKIE, readCookie } from './auth/cookies';
import { SessionStore } from './auth/sessions';
import { SessionSockets } from './auth/sessionSockets';
import type { Clock } from './clock';
import { systemClock } from './clock';
import type { ApiConfig } from './config';
import { apiConfigFromEnv } from './config';
import type { EventBus } from './events/eventBus';
import { LocalEventBus, RedisEventBus } from './events/eventBus';
import { startBackgroundServices, stopBackgroundServices } from './background';
import { serveDocument } from './documents/documentRoutes';
import { Readiness } from './health/readiness';
import { setSecurityHeaders } from './http/securityHeaders';
import { serveSiteIcon, serveStaticApp } from './http/staticApps';
import type { StaticApp } from './http/staticApps';
import { ApiMetrics, NO_PROCEDURE } from './metrics/apiMetrics';
import type { MetricsListener } from './metrics/metricsEndpoint';
import {
  METRICS_PATH,
  serveMetricsWithToken,
  startMetricsListener,
} from './metrics/metricsEndpoint';
import { appRouter } from './routers';
import { TelemetryRecorder } from './telemetry/telemetryRecorder';
import type { ApiServices } from './services';
import { createContext, isOriginAllowed } from './trpc/context';

/** How long a closing WebSocket may take to answer before `close` cuts it. */
const SOCKET_CLOSE_GRACE_MS = 2_000;
/** How long running requests may take to finish before `close` ends their connections. */
const REQUEST_DRAIN_MS = 10_000;

export interface ApiServerOptions {
  config?: Partial<ApiConfig>;
  /** Open databases to use (tests); otherwise opened from `database` or the environment. */
  db?: Databases;
  database?: DatabaseOptions;
  clock?: Clock;
  logger?: Logger;
  /** Start the background services the environment enables (default true). */
  backgroundServices?: boolean;
  /** Environment of the authenticators (directory login) and background services; default process.env. */
  env?: NodeJS.ProcessEnv;
}

export interface ApiServer {
  services: ApiServices;
  /** `http://host:port` the server listens on. */
  url: string;
  port: number;
  /** The node HTTP server (for tests and embedding). */
  http: http.Server;
  /** `http://host:port` of the `TRACERSHOP_METRICS_BIND` listener; null when there is none. */
  metricsUrl: string | null;
  /** What `/readyz` answers. */
  readiness: Readiness;
  /**
   * The first part of a stop (SIGTERM / SIGINT): `/readyz` answers `draining` for
   * `config.drainSeconds` while everything else is served as before, so that load balancers
   * take the instance out before it goes. Resolves when the period is over; `close` follows.
   */
  drain(): Promise<void>;
  close(): Promise<void>;
}

/** Largest accepted request body: well above any legitimate input. */
const MAX_BODY_BYTES = 2 * 1024 * 1024;

async function createEventBus(
  config: ApiConfig,
  log: Logger,
  metrics: ApiMetrics,
): Promise<EventBus> {
  const options = { onDelivered: metrics.eventDelivered };
  if (config.redisUrl === null) {
    return new LocalEventBus(options);
  }
  const url = config.redisUrl;
  const bus = await RedisEventBus.connect(
    () => {
      const client = new Redis(url, { maxRetriesPerRequest: null, lazyConnect: false });
      client.on('error', (error) => log.warn({ err: error }, 'redis'));
      return client;
    },
    config.redisPrefix,
    options,
  );
  log.info('event bus on redis');
  return bus;
}

/** Builds the services the routers use. */
export async function createServices(options: ApiServerOptions = {}): Promise<ApiServices> {
  const config = apiConfigFromEnv(process.env, options.config);
  const log = options.logger ?? pino({ level: config.logLevel, base: { service: 'api' } });
  const clock = options.clock ?? systemClock;
  const db = options.db ?? (await openDatabases(options.database));
  const metrics = new ApiMetrics({ db, version: config.version });
  const events = await createEventBus(config, log, metrics);
  const redis =
    config.redisUrl === null
      ? null
      : new Redis(config.redisUrl, { maxRetriesPerRequest: 2, enableOfflineQueue: true });
  const telemetry = new TelemetryRecorder(db, clock, log);
  const sessions = new SessionStore(
    db,
    { idleMinutes: config.sessionIdleMinutes, absoluteHours: config.sessionAbsoluteHours },
    clock,
    (ended) => events.announceEndedSessions(ended),
  );
  const env = options.env ?? process.env;
  const { authenticator, directory } = buildAuthenticator(db, config, log, sessions, env);
  return {
    config,
    db,
    events,
    sessions,
    sessionSockets: new SessionSockets(sessions, events, clock),
    authenticator,
    directory,
    env,
    attempts: new AttemptLimits(
      {
        maxFailedAttempts: config.maxFailedAttempts,
        lockSeconds: config.lockSeconds,
        keyPrefix: config.redisPrefix,
      },
      redis,
    ),
    telemetry,
    metrics,
    log,
    clock,
    redis,
  };
}

function json(res: http.ServerResponse, status: number, body: unknown): void {
  res.statusCode = status;
  res.setHeader('Content-Type', 'application/json; charset=utf-8');
  res.setHeader('Cache-Control', 'no-store');
  res.end(JSON.stringify(body));
}

/** The `procedure` label of an error the adapters report: a known path, else NO_PROCEDURE. */
function procedureLabel(path: string | undefined): string {
  return path !== undefined && Object.hasOwn(appRouter._def.procedures, path) ? path : NO_PROCEDURE;
}

/** Starts the api on `config.port` (0 = a free port). */
export async function startApiServer(options: ApiServerOptions = {}): Promise<ApiServer> {
  const services = await createServices(options);
  const { config, log, metrics } = services;
  services.telemetry.start();
  services.sessionSockets.start();
  const readiness = new Readiness(services);

  const trpcHandler = createHTTPHandler({
    router: appRouter,
    basePath: '/trpc/',
    maxBodySize: MAX_BODY_BYTES,
    onError: ({ error, path }) => metrics.adapterError(error, procedureLabel(path)),
    createContext: ({ req, res }) =>
      createContext(services, {
        req,
        transport: 'http',
        setCookie: (value) => {
          const existing = res.getHeader('Set-Cookie');
          const list = Array.isArray(existing) ? existing : existing ? [String(existing)] : [];
          res.setHeader('Set-Cookie', [...list, value]);
        },
      }),
  });

  const apps: StaticApp[] = [];
  if (config.customerAppDir !== null) {
    apps.push({ prefix: '/shop/', directory: config.customerAppDir });
  }
  if (config.productionAppDir !== null) {
    apps.push({ prefix: '/production/', directory: config.productionAppDir });
  }

  // One log line per request with its id (the client's X-Request-Id or a new one), method,
  // path, status and time. Never headers: they carry session cookies. Not the readiness
  // probes, which a load balancer sends every few seconds: readiness logs its changes.
  const requestLog = pinoHttp({
    logger: log,
    autoLogging: { ignore: (req) => req.url === '/readyz' },
    genReqId: (req, res) => {
      const given = req.headers['x-request-id'];
      const id = typeof given === 'string' && /^[\w.-]{1,64}$/.test(given) ? given : randomUUID();
      res.setHeader('X-Request-Id', id);
      return id;
    },
    customLogLevel: (_req, res, error) =>
      error !== undefined || res.statusCode >= 500 ? 'error' : 'info',
    customSuccessMessage: () => 'request',
    customErrorMessage: () => 'request failed',
    serializers: {
      req: (req: { id: unknown; method: string; url: string }) => ({
        id: req.id,
        method: req.method,
        url: req.url,
      }),
      res: (res: { statusCode: number }) => ({ statusCode: res.statusCode }),
    },
  });

  const server = http.createServer((req, res) => {
    requestLog(req, res);
    const requestId = String(req.id);
    req.headers['x-request-id'] = requestId;
    setSecurityHeaders(res, config.secureCookies);
    if (readiness.isDraining) {
      // Keep-alive clients reconnect, through the load balancer, to an instance that stays.
      res.setHeader('Connection', 'close');
    }
    void route(req, res).catch((error: unknown) => {
      log.error({ err: error, requestId }, 'request failed');
      if (!res.headersSent) {
        json(res, 500, { error: 'internal' });
      } else {
        res.end();
      }
    });
  });

  async function route(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const pathname = new URL(req.url ?? '/', 'http://localhost').pathname;
    if (pathname === '/trpc' || pathname.startsWith('/trpc/')) {
      trpcHandler(req, res);
      return;
    }
    if (pathname.startsWith('/documents/') && (await serveDocument(services, req, res, pathname))) {
      return;
    }
    if (pathname === '/healthz') {
      // Liveness: the process answers. What it depends on is /readyz's business.
      res.statusCode = 200;
      res.setHeader('Content-Type', 'text/plain; charset=utf-8');
      res.setHeader('Cache-Control', 'no-store');
      res.end('ok');
      return;
    }
    if (pathname === '/readyz') {
      const report = await readiness.report();
      json(res, report.failing.length === 0 ? 200 : 503, report);
      return;
    }
    if (pathname === METRICS_PATH) {
      await serveMetricsWithToken(metrics, config.metricsToken, req, res);
      return;
    }
    if (pathname === '/') {
      const session = await services.sessions.resolve(
        readCookie(req.headers.cookie, SESSION_COOKIE),
      );
      const home = session === null ? null : homeAppOf(session.user.userGroup);
      res.statusCode = 302;
      res.setHeader('Cache-Control', 'no-store');
      res.setHeader(
        'Location',
        home === 'production' ? '/production/' : home === 'shop' ? '/shop/' : '/shop/login',
      );
      res.end();
      return;
    }
    if (await serveSiteIcon(apps, req, res, pathname)) {
      return;
    }
    for (const app of apps) {
      if (await serveStaticApp(app, req, res, pathname)) {
        return;
      }
    }
    json(res, 404, { error: 'not found' });
  }

  const wss = new WebSocketServer({ noServer: true, maxPayload: MAX_BODY_BYTES });
  const wsHandler = applyWSSHandler({
    wss,
    router: appRouter,
    createContext: ({ req, res, info }) =>
      createContext(services, {
        req,
        transport: 'ws',
        connectionParams: (info.connectionParams ?? null) as Record<string, string> | null,
        socket: res,
      }),
    keepAlive: { enabled: true, pingMs: 30_000, pongWaitMs: 5_000 },
    onError: ({ error, path }) => metrics.adapterError(error, procedureLabel(path)),
  });
  metrics.countWebSockets(() => wss.clients.size);

  /** Set when `close` starts: a client reconnecting meanwhile must not keep the server open. */
  let shuttingDown = false;
  server.on('upgrade', (req, socket, head) => {
    if (shuttingDown) {
      socket.write('HTTP/1.1 503 Service Unavailable\r\nConnection: close\r\n\r\n');
      socket.destroy();
      return;
    }
    const pathname = new URL(req.url ?? '/', 'http://localhost').pathname;
    if (pathname !== '/trpc' || !isOriginAllowed(req, config.allowedOrigins)) {
      socket.write('HTTP/1.1 403 Forbidden\r\nConnection: close\r\n\r\n');
      socket.destroy();
      return;
    }
    wss.handleUpgrade(req, socket, head, (ws) => wss.emit('connection', ws, req));
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(config.port, config.host, () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  const shownHost = config.host === '0.0.0.0' || config.host === '::' ? 'localhost' : config.host;
  const url = `http://${shownHost}:${port}`;
  log.info({ url }, 'listening');
  let metricsListener: MetricsListener | null = null;
  if (config.metricsBind !== null) {
    try {
      metricsListener = await startMetricsListener(metrics, config.metricsBind, log);
    } catch (error) {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      throw error;
    }
  }
  const background =
    options.backgroundServices === false
      ? []
      : await startBackgroundServices(services, options.env);

  let closing: Promise<void> | null = null;
  let draining: Promise<void> | null = null;
  return {
    services,
    url,
    port,
    http: server,
    metricsUrl: metricsListener?.url ?? null,
    readiness,
    drain() {
      draining ??= new Promise<void>((resolve) => {
        readiness.startDraining();
        log.info({ seconds: config.drainSeconds }, 'draining: /readyz answers 503');
        setTimeout(resolve, config.drainSeconds * 1000);
      });
      return draining;
    },
    close() {
      closing ??= (async () => {
        shuttingDown = true;
        readiness.startDraining();
        await stopBackgroundServices(background);
        services.sessionSockets.stop();
        wsHandler.broadcastReconnectNotification();
        const closed = new Promise<void>((resolve) => server.close(() => resolve()));
        // Keep-alive connections go idle as their last requests finish; close each then,
        // rather than waiting for the keep-alive timeout.
        const reaper = setInterval(() => server.closeIdleConnections(), 50);
        server.closeIdleConnections();
        for (const client of wss.clients) {
          client.close(1001, 'server shutting down');
        }
        wss.close();
        // A socket whose peer does not answer the closing handshake is cut after a grace
        // period; an open socket would keep the server from closing.
        const cutter = setTimeout(() => {
          for (const client of wss.clients) {
            client.terminate();
          }
        }, SOCKET_CLOSE_GRACE_MS);
        // A request that never ends (a stuck peer) must not keep a deploy from stopping.
        const drain = setTimeout(() => server.closeAllConnections(), REQUEST_DRAIN_MS);
        await closed;
        clearInterval(reaper);
        clearTimeout(cutter);
        clearTimeout(drain);
        await metricsListener?.close();
        metrics.close();
        await services.telemetry.stop();
        await services.events.close();
        services.redis?.disconnect();
        if (options.db === undefined) {
          await services.db.close();
        }
      })();
      return closing;
    },
  };
}
