/**
 * API tokens (docs/scripts.md, "Tokens"): a script sends `Authorization: Bearer tsk_…` over
 * HTTP and on the WebSocket upgrade. A token acts for its owner with the role, access and
 * customers it was created with, as a session of its own: its id is `token:` and the SHA-256
 * of the token, so every mechanism that ends sessions ends tokens too — a revocation is
 * announced on the event bus and closes the token's sockets on every instance, the sweep of
 * sessionSockets.ts closes them at expiry, and every call over a socket reads the token again.
 *
 * A token works while it is neither revoked nor expired, its owner is active and could still
 * give it (core's `tokenRolesGrantableBy`: a demoted owner's tokens stop). Writes made with it
 * are audited as the token's name and its owner; it never signs (auth/ownPassword.ts).
 */
import type { IncomingMessage } from 'node:http';
import type { ApiTokenAccess, ApiTokenCreateInput, UserGroup } from '@tracershop/core';
import {
  API_TOKEN_PREFIX,
  apiTokenExpiryInstant,
  apiTokenProblem,
  tokenRolesGrantableBy,
} from '@tracershop/core';
import type { ApiToken, Databases } from '@tracershop/db';
import type { Clock } from '../clock';
import { siteToday } from '../clock';
import { apiError } from '../errors';
import { hashToken, newSecret } from './secretTokens';
import type { ActiveSession, AnnounceEndedSessions, SessionUser } from './sessionTypes';

export type { TokenIdentity } from './sessionTypes';

/** The session id of a token: this prefix and the token's SHA-256. */
export const TOKEN_SESSION_PREFIX = 'token:';

/** The login event's reason of a token's use: this and the token's name. */
export const TOKEN_LOGIN_REASON = 'apiToken:';

/** Refreshing a token's last use more often than this buys nothing but writes. */
const LAST_USE_INTERVAL_MS = 60_000;

/** The bearer token of a request, or null when it sends none. */
export function bearerTokenOf(req: IncomingMessage): string | null {
  const header = req.headers.authorization;
  if (header === undefined) {
    return null;
  }
  const match = /^Bearer\s+(\S{1,200})\s*$/i.exec(header);
  return match?.[1] ?? '';
}

/** Whether `session` is a script's token rather than a person's login. */
export function isTokenSession(session: Pick<ActiveSession, 'id'>): boolean {
  return session.id.startsWith(TOKEN_SESSION_PREFIX);
}

/** How a token is named in the audit trail and on records: its name and its owner. */
export function tokenActorName(
  tokenName: string,
  owner: Pick<SessionUser, 'displayName' | 'username'>,
) {
  return `API-nøgle »${tokenName}« (${owner.displayName || owner.username})`;
}

/** A token as the admin page lists it (never its hash). */
export interface ApiTokenListing {
  id: number;
  name: string;
  ownerId: number;
  ownerName: string;
  userGroup: UserGroup;
  access: ApiTokenAccess;
  customerIds: number[];
  createdAt: string;
  expiresAt: string;
  revokedAt: string | null;
  revokedByName: string | null;
  lastUsedAt: string | null;
  lastUsedFrom: string | null;
}

export function listingOf(token: ApiToken, ownerName: string): ApiTokenListing {
  return {
    id: token.id,
    name: token.name,
    ownerId: token.ownerId,
    ownerName,
    userGroup: token.userGroup as UserGroup,
    access: token.access as ApiTokenAccess,
    customerIds: token.customerIds,
    createdAt: token.createdAt.toISOString(),
    expiresAt: token.expiresAt.toISOString(),
    revokedAt: token.revokedAt?.toISOString() ?? null,
    revokedByName: token.revokedByName ?? null,
    lastUsedAt: token.lastUsedAt?.toISOString() ?? null,
    lastUsedFrom: token.lastUsedFrom ?? null,
  };
}

/** A token's row before it is stored. */
export interface NewApiToken {
  name: string;
  tokenHash: string;
  ownerId: number;
  userGroup: number;
  access: ApiTokenAccess;
  customerIds: number[];
  createdAt: Date;
  expiresAt: Date;
}

/** Loads the owner as a session carries a user; null when inactive. */
export type LoadUser = (userId: number) => Promise<SessionUser | null>;

export class ApiTokens {
  constructor(
    private readonly db: Databases,
    private readonly clock: Clock,
    private readonly loadUser: LoadUser,
    private readonly announce: AnnounceEndedSessions,
  ) {}

  /**
   * A new token of `creator` after core's rules (role, customers, expiry): the token, shown
   * once, and the row to store (by the caller, in its write with the audit row).
   */
  plan(
    creator: SessionUser,
    input: ApiTokenCreateInput,
    timeZone: string,
  ): { token: string; values: NewApiToken } {
    const problem = apiTokenProblem({
      creator: creator.userGroup,
      userGroup: input.userGroup,
      customerIds: input.customerIds,
      expiresOn: input.expiresOn,
      today: siteToday(this.clock, timeZone),
    });
    if (problem !== null) {
      throw apiError('TOKEN_NOT_ALLOWED', { problem });
    }
    const token = `${API_TOKEN_PREFIX}${newSecret()}`;
    return {
      token,
      values: {
        name: input.name,
        tokenHash: hashToken(token),
        ownerId: creator.id,
        userGroup: input.userGroup,
        access: input.access,
        customerIds: [...new Set(input.customerIds)].sort((a, b) => a - b),
        createdAt: this.clock.now(),
        expiresAt: new Date(apiTokenExpiryInstant(input.expiresOn, timeZone)),
      },
    };
  }

  /** The live session of a bearer `token` used from `remoteAddress`, or null. */
  async resolve(token: string, remoteAddress: string): Promise<ActiveSession | null> {
    if (!token.startsWith(API_TOKEN_PREFIX) || token.length > 200) {
      return null;
    }
    return this.resolveId(`${TOKEN_SESSION_PREFIX}${hashToken(token)}`, remoteAddress);
  }

  /**
   * The live session of token session `id` as it is now (revocation, expiry, the owner's
   * state read afresh), or null. Records the use, at most once a minute.
   */
  async resolveId(id: string, remoteAddress?: string): Promise<ActiveSession | null> {
    const row = await this.db.models.ApiToken.findOne({
      where: { tokenHash: id.slice(TOKEN_SESSION_PREFIX.length) },
    });
    if (row === null || row.revokedAt !== null || this.clock.now() >= row.expiresAt) {
      return null;
    }
    const owner = await this.loadUser(row.ownerId);
    if (
      owner === null ||
      !tokenRolesGrantableBy(owner.userGroup).includes(row.userGroup as UserGroup)
    ) {
      return null;
    }
    const now = this.clock.now();
    if (
      row.lastUsedAt === null ||
      now.getTime() - row.lastUsedAt.getTime() > LAST_USE_INTERVAL_MS
    ) {
      await this.db.models.ApiToken.update(
        {
          lastUsedAt: now,
          ...(remoteAddress === undefined ? {} : { lastUsedFrom: remoteAddress.slice(0, 64) }),
        },
        { where: { id: row.id } },
      );
      // The sign-in log (Admin → Login-hændelser) shows the token's use as its owner's, by
      // name: once a minute at most, as its last use.
      await this.db.models.LoginEvent.create({
        at: now,
        username: owner.username,
        success: true,
        reason: `${TOKEN_LOGIN_REASON}${row.name}`.slice(0, 64),
        remoteAddress: remoteAddress ?? null,
      });
    }
    const user: SessionUser = {
      id: owner.id,
      username: owner.username,
      displayName: tokenActorName(row.name, owner),
      userGroup: row.userGroup as UserGroup,
      customerIds: row.customerIds,
      token: { id: row.id, name: row.name, access: row.access as ApiTokenAccess },
    };
    return { id, user, expiresAt: row.expiresAt, endsAt: row.expiresAt };
  }

  /** When token session `id` ends, or null when it has ended (for the socket sweep). */
  async endOf(id: string): Promise<Date | null> {
    const row = await this.db.models.ApiToken.findOne({
      where: { tokenHash: id.slice(TOKEN_SESSION_PREFIX.length) },
    });
    if (row === null || row.revokedAt !== null || this.clock.now() >= row.expiresAt) {
      return null;
    }
    return row.expiresAt;
  }

  /** Closes the sockets of revoked tokens on every instance. Call after the commit. */
  async announceRevoked(tokenHashes: string[]): Promise<void> {
    if (tokenHashes.length > 0) {
      await this.announce({
        sessionIds: tokenHashes.map((hash) => `${TOKEN_SESSION_PREFIX}${hash}`),
      });
    }
  }
}
