/**
 * What every procedure receives: the services, who is calling (session), from where, and
 * which app version. Built once per HTTP request and once per WebSocket connection.
 */
import type { IncomingMessage } from 'node:http';
import { randomUUID } from 'node:crypto';
import type { Logger } from 'pino';
import type { ActiveSession } from '../auth/sessions';
import type { SessionSocket } from '../auth/sessionSockets';
import type { ApiServices } from '../services';
import { bearerTokenOf } from '../auth/apiTokens';
import { SESSION_COOKIE, readCookie } from '../auth/cookies';
import { clientAddressOf, trustedProxySignOn } from '../auth/trustedProxy';

export interface Context {
  services: ApiServices;
  transport: 'http' | 'ws';
  requestId: string;
  remoteAddress: string;
  /** False when a browser sent an Origin this server does not serve (mutations are refused). */
  originAllowed: boolean;
  clientVersion: string | null;
  /**
   * The caller's session. Over HTTP as of this request; over a WebSocket as of the
   * connection, and re-read before every call (trpc/init.ts) so a call never runs with a
   * session that has ended.
   */
  session: ActiveSession | null;
  /** The session token, to end the session at logout. */
  sessionToken: string | null;
  /**
   * Why a request that sent an API token has no session: the token is not (or no longer)
   * valid, or the request also sent a cookie. Procedures needing a session refuse with it.
   */
  tokenRefusal: 'TOKEN_REFUSED' | 'TOKEN_WITH_COOKIE' | null;
  /** Adds a Set-Cookie header to the HTTP response (no-op over WebSocket). */
  setCookie(value: string): void;
  log: Logger;
}

export const VERSION_HEADER = 'x-tracershop-version';

/**
 * A browser's Origin must be this server or a configured one. Requests without Origin come
 * from non-browser clients (scripts, tests), which cookies with SameSite=Strict already
 * protect against cross-site use. A request with an API token and no cookie is allowed from
 * anywhere: it carries no credential a browser adds by itself, so no other site can make a
 * visitor's browser send it.
 */
export function isOriginAllowed(req: IncomingMessage, allowedOrigins: string[]): boolean {
  if (bearerTokenOf(req) !== null && !sendsCookies(req)) {
    return true;
  }
  const origin = req.headers.origin;
  if (origin === undefined) {
    return true;
  }
  if (allowedOrigins.includes(origin)) {
    return true;
  }
  const host = req.headers.host;
  if (host === undefined) {
    return false;
  }
  try {
    return new URL(origin).host === host;
  } catch {
    return false;
  }
}

/** Whether a request carries any cookie (an empty Cookie header carries none). */
function sendsCookies(req: IncomingMessage): boolean {
  return (req.headers.cookie ?? '').trim() !== '';
}

function headerText(value: string | string[] | undefined): string | null {
  const text = Array.isArray(value) ? value[0] : value;
  return text === undefined || text === '' ? null : text.slice(0, 64);
}

export interface ContextSource {
  req: IncomingMessage;
  transport: 'http' | 'ws';
  setCookie?: (value: string) => void;
  /** WebSocket connection parameters sent by the client. */
  connectionParams?: Record<string, string> | null;
  /** The WebSocket itself, closed when its session ends. */
  socket?: SessionSocket;
}

export async function createContext(
  services: ApiServices,
  source: ContextSource,
): Promise<Context> {
  const requestId = headerText(source.req.headers['x-request-id']) ?? randomUUID();
  const remoteAddress = clientAddressOf(source.req, services.config.trustedProxyIps);
  const bearer = bearerTokenOf(source.req);
  let session: ActiveSession | null;
  let sessionToken: string | null;
  let tokenRefusal: Context['tokenRefusal'] = null;
  if (bearer !== null) {
    // A script's API token (auth/apiTokens.ts): never together with a cookie, never a proxy's
    // sign-on; it has no token to end at logout.
    sessionToken = null;
    if (sendsCookies(source.req)) {
      session = null;
      tokenRefusal = 'TOKEN_WITH_COOKIE';
    } else {
      session = await services.sessions.tokens.resolve(bearer, remoteAddress);
      tokenRefusal = session === null ? 'TOKEN_REFUSED' : null;
    }
  } else {
    const cookieToken = readCookie(source.req.headers.cookie, SESSION_COOKIE);
    ({ session, sessionToken } = await trustedProxySignOn(
      services,
      source,
      { session: await services.sessions.resolve(cookieToken), sessionToken: cookieToken },
      requestId,
    ));
  }
  if (session !== null && source.socket !== undefined) {
    services.sessionSockets.add(session, source.socket);
  }
  const clientVersion =
    headerText(source.req.headers[VERSION_HEADER]) ??
    (source.connectionParams?.version
      ? String(source.connectionParams.version).slice(0, 64)
      : null);
  return {
    services,
    transport: source.transport,
    requestId,
    remoteAddress,
    originAllowed: isOriginAllowed(source.req, services.config.allowedOrigins),
    clientVersion,
    session,
    sessionToken: session === null ? null : sessionToken,
    tokenRefusal,
    setCookie: source.setCookie ?? (() => undefined),
    log: services.log.child({ requestId, userId: session?.user.id }),
  };
}
