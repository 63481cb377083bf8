/**
 * The one service: tRPC over HTTP at /trpc and over WebSocket at /trpc on the same port,
 * /healthz, and the two built web apps under /shop/ and /production/.
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
import { setSecurityHeaders } from './http/securityHeaders';
import { serveSiteIcon, serveStaticApp } from './http/staticApps';
import type { StaticApp } from './http/staticApps';
import { appRouter } from './routers';
import { TelemetryRecorder } from './telemetry/telemetryRecorder';
import type { ApiServices } from './trpc/context';
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
  close(): Promise<void>;
}

/** Largest accepted request body: well above any legitimate input. */
const MAX_BODY_BYTES = 2 * 1024 * 1024;

async function createEventBus(config: ApiConfig, log: Logger): Promise<EventBus> {
  if (config.redisUrl === null) {
    return new LocalEventBus();
  }
  const url = config.redisUrl;
  const bus = await RedisEventBus.connect(() => {
    const client = new Redis(url, { maxRetriesPerRequest: null, lazyConnect: false });
    client.on('error', (error) => log.warn({ err: error }, 'redis'));
    return client;
  }, config.redisPrefix);
  log.info('event bus on redis');
  return bus;
}

/** Builds the services the routers use. */
export async function createServices(options: ApiServerOptions = {}): Promise<ApiServices> {
  const config = apiConfigFromEnv(process.env, options.config);
  const log = options.logger ?? pino({ level: config.logLevel, base: { service: 'api' } });
  const clock = options.clock ?? systemClock;
  const db = options.db ?? (await openDatabases(options.database));
  const events = await createEventBus(config, log);
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
  return {
    config,
    db,
    events,
    sessions,
    sessionSockets: new SessionSockets(sessions, events, clock),
    authenticator: buildAuthenticator(db, config, log, sessions, options.env),
    attempts: new AttemptLimits(
      {
        maxFailedAttempts: config.maxFailedAttempts,
        lockSeconds: config.lockSeconds,
        keyPrefix: config.redisPrefix,
      },
      redis,
    ),
    telemetry,
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

async function health(services: ApiServices): Promise<{ ok: boolean; body: unknown }> {
  const check = async (name: 'record' | 'web') => {
    const sequelize = services.db[name];
    try {
      await sequelize.query('SELECT 1');
      return { ok: true, dialect: sequelize.getDialect() };
    } catch (error) {
      return { ok: false, dialect: sequelize.getDialect(), error: String(error) };
    }
  };
  const [record, web] = await Promise.all([check('record'), check('web')]);
  const ok = record.ok && web.ok;
  return {
    ok,
    body: { ok, version: services.config.version, databases: { record, web } },
  };
}

/** Starts the api on `config.port` (0 = a free port). */
export async function startApiServer(options: ApiServerOptions = {}): Promise<ApiServer> {
  const services = await createServices(options);
  const { config, log } = services;
  services.telemetry.start();
  services.sessionSockets.start();

  const trpcHandler = createHTTPHandler({
    router: appRouter,
    basePath: '/trpc/',
    maxBodySize: MAX_BODY_BYTES,
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
  // path, status and time. Never headers: they carry session cookies.
  const requestLog = pinoHttp({
    logger: log,
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
      const result = await health(services);
      json(res, result.ok ? 200 : 503, result.body);
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
  });

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
  const background =
    options.backgroundServices === false
      ? []
      : await startBackgroundServices(services, options.env);

  let closing: Promise<void> | null = null;
  return {
    services,
    url,
    port,
    http: server,
    close() {
      closing ??= (async () => {
        shuttingDown = true;
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
