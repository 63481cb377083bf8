/**
 * The api's settings, read once from the environment (docs/operations.md lists them).
 */
import { DEFAULT_TIME_ZONE } from '@tracershop/core';

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
    ...overrides,
  };
}
