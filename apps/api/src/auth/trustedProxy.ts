/**
 * Single sign-on by a trusted reverse proxy (the legacy's F5 header login, made safe):
 * `X-Tracer-User` and `X-Tracer-Role` are honoured only when the request comes straight from
 * an address in TRUSTED_PROXY_IPS *and* carries `X-Tracer-Proxy-Secret` equal to
 * TRUSTED_PROXY_SECRET. Otherwise the headers are ignored (and logged): the caller is whoever
 * their session cookie says, or anonymous.
 *
 * When honoured over HTTP, the header user is signed on unless their session already runs:
 * the account is created or updated (source 'proxy', the header's role — 1 to 5 only; 6,
 * 0 and anything else are ignored), a session starts and its cookie is set. The header is the
 * source of truth for the role, as in the legacy. Local accounts (external users) are never
 * signed on by header.
 */
import { createHash, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { isIP, isIPv4 } from 'node:net';
import { UserGroup, UserSource } from '@tracershop/core';
import { usernameKeyOf } from '@tracershop/db';
import type { Logger } from 'pino';
import type { ApiServices } from '../services';
import { sessionCookie } from './cookies';
import type { ActiveSession } from './sessions';
import { provisionUser } from './userProvisioning';

export const PROXY_USER_HEADER = 'x-tracer-user';
export const PROXY_ROLE_HEADER = 'x-tracer-role';
export const PROXY_SECRET_HEADER = 'x-tracer-proxy-secret';

/** The roles a proxy may sign on (not Anon, not external users). */
const PROXY_ROLES: ReadonlySet<number> = new Set([
  UserGroup.Admin,
  UserGroup.ProductionAdmin,
  UserGroup.ProductionUser,
  UserGroup.ShopAdmin,
  UserGroup.ShopUser,
]);

/** `::ffff:10.0.0.1` → `10.0.0.1`; IPv6 in lower case. */
export function normalizeAddress(address: string): string {
  const lower = address.trim().toLowerCase();
  if (lower.startsWith('::ffff:') && isIPv4(lower.slice(7))) {
    return lower.slice(7);
  }
  return lower;
}

/**
 * The client's address. A request straight from a browser: the socket's. A request from a
 * reverse proxy in TRUSTED_PROXY_IPS (nginx, docs/operations.md): the address that proxy
 * names in `X-Forwarded-For` — the last entry that is not itself a trusted proxy, so a client
 * cannot choose its address by sending the header itself. The lock-out, the login events and
 * the audit trail then count and show the user's machine, not the proxy.
 */
export function clientAddressOf(req: IncomingMessage, trustedProxyIps: readonly string[]): string {
  const socketAddress = req.socket.remoteAddress;
  if (socketAddress === undefined) {
    return 'unknown';
  }
  const trusted = new Set(trustedProxyIps.map(normalizeAddress));
  if (!trusted.has(normalizeAddress(socketAddress))) {
    return socketAddress;
  }
  const forwarded = header(req, 'x-forwarded-for');
  const hops = (forwarded ?? '')
    .split(',')
    .map((hop) => hop.trim())
    .filter((hop) => isIP(normalizeAddress(hop)) !== 0);
  for (const hop of hops.reverse()) {
    if (!trusted.has(normalizeAddress(hop))) {
      return normalizeAddress(hop);
    }
  }
  return socketAddress;
}

/** Compares two secrets in constant time (whatever their lengths). */
export function secretsMatch(given: string, expected: string): boolean {
  const a = createHash('sha256').update(given, 'utf8').digest();
  const b = createHash('sha256').update(expected, 'utf8').digest();
  return timingSafeEqual(a, b);
}

function header(req: IncomingMessage, name: string): string | null {
  const value = req.headers[name];
  const text = Array.isArray(value) ? value[0] : value;
  return text === undefined ? null : text;
}

export interface ProxyIdentity {
  username: string;
  userGroup: UserGroup;
}

/**
 * The identity the proxy headers name, or null when none is sent, the sender is not trusted,
 * or the values are unusable (each logged).
 */
export function proxyIdentityOf(
  services: ApiServices,
  req: IncomingMessage,
  log: Logger,
): ProxyIdentity | null {
  const user = header(req, PROXY_USER_HEADER);
  const role = header(req, PROXY_ROLE_HEADER);
  if (user === null && role === null) {
    return null;
  }
  const { trustedProxyIps, trustedProxySecret } = services.config;
  const remoteAddress = normalizeAddress(req.socket.remoteAddress ?? '');
  const fromProxy = trustedProxyIps.some((address) => normalizeAddress(address) === remoteAddress);
  const secret = header(req, PROXY_SECRET_HEADER);
  if (!fromProxy || trustedProxySecret === null) {
    log.warn({ remoteAddress }, 'proxy sign-on headers from an untrusted address ignored');
    return null;
  }
  if (secret === null || !secretsMatch(secret, trustedProxySecret)) {
    log.warn({ remoteAddress }, 'proxy sign-on headers without the right secret ignored');
    return null;
  }
  const username = user?.trim() ?? '';
  // eslint-disable-next-line no-control-regex
  if (username === '' || username.length > 120 || /[\u0000-\u001f\u007f]/.test(username)) {
    log.warn({ remoteAddress }, 'proxy sign-on without a usable user name ignored');
    return null;
  }
  const roleText = role?.trim() ?? '';
  const userGroup = /^[0-9]$/.test(roleText) ? Number(roleText) : NaN;
  if (!PROXY_ROLES.has(userGroup)) {
    // The legacy sent 6 or garbage for external users, who log in with their password.
    log.debug({ username, role: roleText.slice(0, 16) }, 'proxy sign-on role not 1–5 ignored');
    return null;
  }
  return { username, userGroup: userGroup as UserGroup };
}

export interface SignOnSource {
  req: IncomingMessage;
  transport: 'http' | 'ws';
  setCookie?: (value: string) => void;
}

export interface SignedOn {
  session: ActiveSession | null;
  sessionToken: string | null;
}

/**
 * Signs the proxy's user on when the headers are honoured; otherwise returns the session as
 * it was. Over WebSocket nothing is created (the page load over HTTP set the cookie).
 */
export async function trustedProxySignOn(
  services: ApiServices,
  source: SignOnSource,
  current: SignedOn,
  requestId: string,
): Promise<SignedOn> {
  const log = services.log.child({ requestId, component: 'trustedProxy' });
  const identity = proxyIdentityOf(services, source.req, log);
  if (identity === null || source.transport !== 'http' || source.setCookie === undefined) {
    return current;
  }
  const sameUser =
    current.session !== null &&
    usernameKeyOf(current.session.user.username) === usernameKeyOf(identity.username);
  if (sameUser && current.session?.user.userGroup === identity.userGroup) {
    return current;
  }
  const now = services.clock.now();
  const result = await provisionUser(
    services.db,
    {
      username: identity.username,
      displayName: null,
      userGroup: identity.userGroup,
      source: UserSource.Proxy,
    },
    log,
    { at: now, endSessionsOf: (userId) => services.sessions.destroyAllOf(userId) },
  );
  if (!result.ok) {
    log.warn({ username: identity.username, reason: result.reason }, 'proxy sign-on refused');
    return current;
  }
  // Another user, or the same one with a changed role (whose sessions provisionUser ended):
  // a new session, never the running one with another role.
  if (current.session !== null) {
    await services.sessions.destroy(current.session.id);
  }
  const created = await services.sessions.create(result.userId);
  source.setCookie(
    sessionCookie(created.token, created.maxAgeSeconds, services.config.secureCookies),
  );
  const { models } = services.db;
  await models.User.update({ lastLoginAt: now }, { where: { id: result.userId } });
  await models.LoginEvent.create({
    at: now,
    username: identity.username,
    success: true,
    reason: 'proxy',
    remoteAddress: normalizeAddress(source.req.socket.remoteAddress ?? 'unknown'),
  });
  log.info({ userId: result.userId, userGroup: identity.userGroup }, 'proxy sign-on');
  return { session: await services.sessions.resolve(created.token), sessionToken: created.token };
}
