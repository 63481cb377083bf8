/**
 * Sessions: a 256-bit random token in the cookie, only its SHA-256 stored in the web
 * database, ended by idle time, absolute age, logout, password change or a deactivated user.
 * Every ending is announced on the event bus, so that each api instance closes its open
 * WebSocket connections of that session at once (sessionSockets.ts; docs/operations.md).
 */
import { UserGroup, isShopScoped } from '@tracershop/core';
import type { Databases } from '@tracershop/db';
import { Op } from 'sequelize';
import type { Clock } from '../clock';
import { ApiTokens, TOKEN_SESSION_PREFIX } from './apiTokens';
import { hashToken, newSecret } from './secretTokens';
import type { ActiveSession, AnnounceEndedSessions, SessionUser } from './sessionTypes';

export { hashToken } from './secretTokens';
export type { ActiveSession, AnnounceEndedSessions, SessionUser } from './sessionTypes';

export interface SessionPolicy {
  idleMinutes: number;
  absoluteHours: number;
}

/** Touching lastSeenAt more often than this buys nothing but writes. */
const TOUCH_INTERVAL_MS = 60_000;

export class SessionStore {
  /** Scripts' API tokens, which are sessions of their own (`token:` ids). */
  readonly tokens: ApiTokens;

  constructor(
    private readonly db: Databases,
    private readonly policy: SessionPolicy,
    private readonly clock: Clock,
    private readonly announce: AnnounceEndedSessions = async () => undefined,
  ) {
    this.tokens = new ApiTokens(db, clock, (userId) => this.loadUser(userId), announce);
  }

  private endOf(session: { expiresAt: Date; lastSeenAt: Date }): Date {
    const idleLimit = session.lastSeenAt.getTime() + this.policy.idleMinutes * 60_000;
    return new Date(Math.min(session.expiresAt.getTime(), idleLimit));
  }

  /** Starts a session for `userId`; returns the token for the cookie. */
  async create(userId: number): Promise<{ token: string; expiresAt: Date; maxAgeSeconds: number }> {
    const token = newSecret();
    const now = this.clock.now();
    const expiresAt = new Date(now.getTime() + this.policy.absoluteHours * 3_600_000);
    await this.db.models.Session.create({
      id: hashToken(token),
      userId,
      createdAt: now,
      lastSeenAt: now,
      expiresAt,
    });
    return { token, expiresAt, maxAgeSeconds: this.policy.absoluteHours * 3600 };
  }

  /** The live session of `token`, or null (unknown, idle, expired, user inactive). */
  async resolve(token: string | null): Promise<ActiveSession | null> {
    if (token === null || token === '' || token.length > 128) {
      return null;
    }
    return this.resolveId(hashToken(token));
  }

  /**
   * The live session with stored id `id` as it is now (user, role and customers read
   * afresh), or null. Counts as use of the session: it moves the idle limit.
   */
  async resolveId(id: string): Promise<ActiveSession | null> {
    if (id.startsWith(TOKEN_SESSION_PREFIX)) {
      return this.tokens.resolveId(id);
    }
    const session = await this.db.models.Session.findByPk(id);
    if (session === null) {
      return null;
    }
    // An expired session or an inactive user's is only deleted here, not announced: every
    // instance closes the sockets of expired sessions itself, and a deactivation announces.
    const now = this.clock.now();
    if (now >= this.endOf(session)) {
      await session.destroy();
      return null;
    }
    const user = await this.loadUser(session.userId);
    if (user === null) {
      await session.destroy();
      return null;
    }
    let lastSeenAt = session.lastSeenAt;
    if (now.getTime() - lastSeenAt.getTime() > TOUCH_INTERVAL_MS) {
      lastSeenAt = now;
      await this.db.models.Session.update({ lastSeenAt }, { where: { id } });
    }
    return {
      id,
      user,
      expiresAt: session.expiresAt,
      endsAt: this.endOf({ expiresAt: session.expiresAt, lastSeenAt }),
    };
  }

  /** The user as sessions carry it, or null when missing or inactive. */
  async loadUser(userId: number): Promise<SessionUser | null> {
    const user = await this.db.models.User.findByPk(userId);
    if (user === null || !user.active || user.userGroup === UserGroup.Anon) {
      return null;
    }
    const customerIds = isShopScoped(user.userGroup)
      ? (await this.db.models.UserAssignment.findAll({ where: { userId } }))
          .map((assignment) => assignment.customerId)
          .sort((a, b) => a - b)
      : [];
    return {
      id: user.id,
      username: user.username,
      displayName: user.displayName,
      userGroup: user.userGroup,
      customerIds,
      ...(user.mustChangePassword ? { mustChangePassword: true as const } : {}),
    };
  }

  /**
   * When session `id` ends unless used again, or null when it has ended. Reads without
   * touching, for open WebSocket connections whose own traffic is not the user's activity.
   */
  async endOfSession(id: string): Promise<Date | null> {
    if (id.startsWith(TOKEN_SESSION_PREFIX)) {
      return this.tokens.endOf(id);
    }
    const session = await this.db.models.Session.findByPk(id);
    if (session === null) {
      return null;
    }
    const endsAt = this.endOf(session);
    return this.clock.now() < endsAt ? endsAt : null;
  }

  /** Ends one session (logout, expiry). */
  async destroy(sessionId: string): Promise<void> {
    await this.db.models.Session.destroy({ where: { id: sessionId } });
    await this.announce({ sessionIds: [sessionId] });
  }

  /**
   * Ends every session of a user but `exceptSessionId` (password change, role change,
   * deactivation). Call it after the commit of the change that causes it.
   */
  async destroyAllOf(userId: number, exceptSessionId?: string): Promise<void> {
    await this.db.models.Session.destroy({
      where:
        exceptSessionId === undefined ? { userId } : { userId, id: { [Op.ne]: exceptSessionId } },
    });
    await this.announce({ userId, exceptSessionId });
  }

  /** Deletes expired sessions (run now and then). */
  async purgeExpired(): Promise<number> {
    return this.db.models.Session.destroy({
      where: { expiresAt: { [Op.lte]: this.clock.now() } },
    });
  }
}
