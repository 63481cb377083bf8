/**
 * The api's settings, read once from the environment (docs/operations.md lists them).
 */
import { DEFAULT_TIME_ZONE } from '@tracershop/core';
import { z } from 'zod';

/** Where the separate `/metrics` listener listens (`TRACERSHOP_METRICS_BIND=host:port`). */
export interface MetricsBind {
  host: string;
  /** 0 picks a free port (tests). */
  port: number;
}

export interface ApiConfig {
  /** TCP port of HTTP and WebSocket; 0 picks a free one (tests). */
  port: number;
  host: string;
  /** Site time zone of dates and times of day. */
  timeZone: string;
  /** Build version; clients that send another one are told to reload. */
  version: string;
  /** Add `Secure` to the session cookie (behind HTTPS). */
  secureCookies: boolean;
  /** A session ends after this long without a request. */
  sessionIdleMinutes: number;
  /** A session ends this long after login, however busy. */
  sessionAbsoluteHours: number;
  /** Origins allowed for mutations and WebSocket upgrades besides the server's own. */
  allowedOrigins: string[];
  /** Redis for the event bus and rate limits shared by several instances. */
  redisUrl: string | null;
  /** Prefix of every Redis key and channel, so several sites (or test runs) share a Redis. */
  redisPrefix: string;
  /** Built web apps to serve, or null when not built. */
  customerAppDir: string | null;
  productionAppDir: string | null;
  /** Failed login or signature attempts before a lock. */
  maxFailedAttempts: number;
  /** How long a lock lasts, seconds. */
  lockSeconds: number;
  logLevel: string;
  /** Addresses of the reverse proxy whose X-Tracer-User / X-Tracer-Role headers are honoured. */
  trustedProxyIps: string[];
  /** The secret the proxy sends in X-Tracer-Proxy-Secret; null: header sign-on is off. */
  trustedProxySecret: string | null;
  /**
   * Bearer token that `/metrics` on the main port asks for (docs/operations.md, "Monitoring");
   * null: `/metrics` is not served on the main port.
   */
  metricsToken: string | null;
  /** A listener of its own serving only `/metrics`, without a token; null: none. */
  metricsBind: MetricsBind | null;
  /** Seconds `/readyz` answers `draining` after SIGTERM / SIGINT before the server stops. */
  drainSeconds: number;
  /**
   * Seed the demo site into empty databases at start (`TRACERSHOP_DEMO`, default 1); a real
   * site sets 0 and creates its first site admin with `tracershop user create`.
   */
  demoSeed: boolean;
}

/** Shortest accepted metrics token: a guessable one would open the metrics to anyone. */
export const MIN_METRICS_TOKEN_LENGTH = 16;
/** Default drain period: a load balancer probing every second or two notices in time. */
export const DEFAULT_DRAIN_SECONDS = 5;

/** An unset or blank variable is absent. */
const optionalText = z
  .string()
  .optional()
  .transform((value) => (value === undefined || value.trim() === '' ? undefined : value.trim()));

/** `host:port`, `[ipv6]:port`; the port may be 0 (a free one). */
const hostAndPort = z
  .string()
  .regex(/^(\[[0-9A-Fa-f:.]+\]|[^\s:[\]]+):(\d{1,5})$/, 'expected host:port, e.g. 10.0.0.5:9464')
  .transform((text, context): MetricsBind => {
    const colon = text.lastIndexOf(':');
    const port = Number(text.slice(colon + 1));
    if (port > 65535) {
      context.addIssue({ code: 'custom', message: 'the port must be at most 65535' });
      return z.NEVER;
    }
    return { host: text.slice(0, colon).replace(/^\[(.*)\]$/, '$1'), port };
  });

/** The monitoring and draining variables (docs/operations.md, "Monitoring"). */
const monitoringEnvironment = z.object({
  TRACERSHOP_METRICS_TOKEN: optionalText.pipe(
    z
      .string()
      .min(
        MIN_METRICS_TOKEN_LENGTH,
        `must be at least ${MIN_METRICS_TOKEN_LENGTH} characters (a long random secret)`,
      )
      .optional(),
  ),
  TRACERSHOP_METRICS_BIND: optionalText.pipe(hostAndPort.optional()),
  TRACERSHOP_DRAIN_SECONDS: optionalText.pipe(
    z
      .string()
      .regex(/^\d+$/, 'expected a whole number of seconds')
      .transform(Number)
      .pipe(z.number().int().max(600, 'must be at most 600 seconds'))
      .optional(),
  ),
});

type MonitoringConfig = Pick<ApiConfig, 'metricsToken' | 'metricsBind' | 'drainSeconds'>;

function monitoringConfigFromEnv(env: NodeJS.ProcessEnv): MonitoringConfig {
  const parsed = monitoringEnvironment.safeParse(env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map(
      (issue) => `${issue.path.join('.')}: ${issue.message}`,
    );
    throw new Error(`Invalid monitoring settings: ${problems.join('; ')}`);
  }
  const values = parsed.data;
  return {
    metricsToken: values.TRACERSHOP_METRICS_TOKEN ?? null,
    metricsBind: values.TRACERSHOP_METRICS_BIND ?? null,
    drainSeconds: values.TRACERSHOP_DRAIN_SECONDS ?? DEFAULT_DRAIN_SECONDS,
  };
}

/**
 * `TRACERSHOP_DEMO`: unset, blank or 1 seeds the demo, 0 never does. Anything else stops the
 * start: a production server must not get the demo because of a misspelt "off".
 */
function demoSeedFromEnv(value: string | undefined): boolean {
  const text = value?.trim() ?? '';
  if (text === '' || text === '1') {
    return true;
  }
  if (text === '0') {
    return false;
  }
  throw new Error(
    `Invalid TRACERSHOP_DEMO ${JSON.stringify(value)}: expected 1 (seed the demo site into ` +
      'empty databases, the default) or 0 (never seed it)',
  );
}

function integer(value: string | undefined, fallback: number): number {
  if (value === undefined || value.trim() === '') {
    return fallback;
  }
  const parsed = Number(value);
  if (!Number.isInteger(parsed) || parsed < 0) {
    throw new Error(`Expected a whole number, got ${JSON.stringify(value)}`);
  }
  return parsed;
}

/** The settings from `env` (process.env by default), with the documented defaults. */
export function apiConfigFromEnv(
  env: NodeJS.ProcessEnv = process.env,
  overrides: Partial<ApiConfig> = {},
): ApiConfig {
  return {
    port: integer(env.PORT, 8080),
    host: env.HOST ?? '0.0.0.0',
    timeZone: env.TRACERSHOP_TIMEZONE ?? DEFAULT_TIME_ZONE,
    version: env.TRACERSHOP_VERSION ?? '0.1.0',
    secureCookies: env.TRACERSHOP_SECURE_COOKIES === '1',
    sessionIdleMinutes: integer(env.TRACERSHOP_SESSION_IDLE_MINUTES, 8 * 60),
    sessionAbsoluteHours: integer(env.TRACERSHOP_SESSION_ABSOLUTE_HOURS, 14),
    allowedOrigins: (env.TRACERSHOP_ALLOWED_ORIGINS ?? '')
      .split(',')
      .map((origin) => origin.trim())
      .filter((origin) => origin !== ''),
    redisUrl: env.REDIS_URL && env.REDIS_URL.trim() !== '' ? env.REDIS_URL : null,
    redisPrefix: env.TRACERSHOP_REDIS_PREFIX ?? 'tracershop',
    customerAppDir: env.TRACERSHOP_CUSTOMER_APP_DIR ?? null,
    productionAppDir: env.TRACERSHOP_PRODUCTION_APP_DIR ?? null,
    maxFailedAttempts: integer(env.TRACERSHOP_MAX_FAILED_ATTEMPTS, 10),
    lockSeconds: integer(env.TRACERSHOP_LOCK_SECONDS, 15 * 60),
    logLevel: env.LOG_LEVEL ?? 'info',
    trustedProxyIps: (env.TRUSTED_PROXY_IPS ?? '')
      .split(',')
      .map((address) => address.trim())
      .filter((address) => address !== ''),
    trustedProxySecret:
      env.TRUSTED_PROXY_SECRET && env.TRUSTED_PROXY_SECRET !== '' ? env.TRUSTED_PROXY_SECRET : null,
    ...monitoringConfigFromEnv(env),
    demoSeed: demoSeedFromEnv(env.TRACERSHOP_DEMO),
    ...overrides,
  };
}
