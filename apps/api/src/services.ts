/**
 * The services of one api process, made once at its start (server.ts `createServices`) and
 * handed to every procedure (its context), every background service and every console
 * command: configuration, the two databases, the event bus, sessions, authentication, limits,
 * telemetry, metrics, log and clock. Its own module, so that background services and the
 * authentication layer depend on it without depending on the tRPC layer.
 */
import type { Databases } from '@tracershop/db';
import type { Redis } from 'ioredis';
import type { Logger } from 'pino';
import type { AttemptLimits } from './auth/attemptLimits';
import type { AuthenticatorChain } from './auth/authenticators';
import type { SiteDirectory } from './auth/directoryInForce';
import type { SessionSockets } from './auth/sessionSockets';
import type { SessionStore } from './auth/sessions';
import type { Clock } from './clock';
import type { ApiConfig } from './config';
import type { EventBus } from './events/eventBus';
import type { ApiMetrics } from './metrics/apiMetrics';
import type { TelemetryRecorder } from './telemetry/telemetryRecorder';

export interface ApiServices {
  config: ApiConfig;
  db: Databases;
  events: EventBus;
  sessions: SessionStore;
  /** This instance's open WebSocket connections per session. */
  sessionSockets: SessionSockets;
  authenticator: AuthenticatorChain;
  /**
   * The directory of directory login (LDAP_URL, else a stored 'ldap' address), for look-ups of
   * user names; whether it is on is decided at each use (`isOn`).
   */
  directory: SiteDirectory;
  /**
   * The environment the services were started with: its outside-service variables win over
   * the stored service addresses (addressesInForce.ts).
   */
  env: NodeJS.ProcessEnv;
  attempts: AttemptLimits;
  telemetry: TelemetryRecorder;
  /** This server's Prometheus metrics; background services report their runs here. */
  metrics: ApiMetrics;
  log: Logger;
  clock: Clock;
  /** Shared by rate limits when REDIS_URL is set. */
  redis: Redis | null;
}
