/**
 * What a session is, as the rest of the api sees it: the caller, an active session, an API
 * token's identity and the announcement of ended sessions. Types only, so that sessions,
 * API tokens and the event bus can share them without importing each other.
 */
import type { ApiTokenAccess, UserGroup } from '@tracershop/core';

/** The API token a script calls with (auth/apiTokens.ts). */
export interface TokenIdentity {
  id: number;
  name: string;
  access: ApiTokenAccess;
}

/** Who is calling, as every procedure sees it. */
export interface SessionUser {
  id: number;
  username: string;
  displayName: string;
  userGroup: UserGroup;
  /** Customers a shop user acts for; empty (and unused) for production and site admins. */
  customerIds: number[];
  /** Set when a script calls with an API token (auth/apiTokens.ts): never signs. */
  token?: TokenIdentity;
  /**
   * Set while the password is one someone else chose (a new account, a reset): the session
   * may only change it (trpc/init.ts).
   */
  mustChangePassword?: true;
}

export interface ActiveSession {
  /** SHA-256 of the token, the stored id. */
  id: string;
  user: SessionUser;
  expiresAt: Date;
  /** When the session ends unless it is used again: the idle limit or the absolute expiry. */
  endsAt: Date;
}

/**
 * Sessions that have ended: these ids, or every session of `userId` except `exceptSessionId`
 * (the one that changed its own password).
 */
export type EndedSessions =
  { sessionIds: string[] } | { userId: number; exceptSessionId?: string | undefined };

/** Tells every api instance that sessions have ended (the event bus). */
export type AnnounceEndedSessions = (ended: EndedSessions) => Promise<void>;
