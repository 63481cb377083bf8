/**
 * Sessions: a 256-bit random token in the cookie, only its SHA-256 stored in the web
 * database, ended by idle time, absolute age, logout, password change or a deactivated user.
 */
import { createHash, randomBytes } from 'node:crypto';
import { UserGroup, isShopScoped } from '@tracershop/core';
import type { Databases } from '@tracershop/db';
import { Op } from 'sequelize';
import type { Clock } from '../clock';

/** Who is calling, as every procedure sees it. */
export interface SessionUser {
  id: number;
  username: string;
  displayName: string;
  userGroup: UserGroup;
  /** Customers a shop user acts for; empty (and unused) for production and site admins. */
  customerIds: number[];
}

export interface ActiveSession {
  /** SHA-256 of the token, the stored id. */
  id: string;
  user: SessionUser;
  expiresAt: Date;
}

export interface SessionPolicy {
  idleMinutes: number;
  absoluteHours: number;
}

/** Touching lastSeenAt more often than this buys nothing but writes. */
const TOUCH_INTERVAL_MS = 60_000;

export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

export class SessionStore {
  constructor(
    private readonly db: Databases,
    private readonly policy: SessionPolicy,
    private readonly clock: Clock,
  ) {}

  /** Starts a session for `userId`; returns the token for the cookie. */
  async create(userId: number): Promise<{ token: string; expiresAt: Date; maxAgeSeconds: number }> {
    const token = randomBytes(32).toString('base64url');
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
    const id = hashToken(token);
    const session = await this.db.models.Session.findByPk(id);
    if (session === null) {
      return null;
    }
    const now = this.clock.now();
    const idleLimit = session.lastSeenAt.getTime() + this.policy.idleMinutes * 60_000;
    if (now >= session.expiresAt || now.getTime() > idleLimit) {
      await session.destroy();
      return null;
    }
    const user = await this.loadUser(session.userId);
    if (user === null) {
      await session.destroy();
      return null;
    }
    if (now.getTime() - session.lastSeenAt.getTime() > TOUCH_INTERVAL_MS) {
      await this.db.models.Session.update({ lastSeenAt: now }, { where: { id } });
    }
    return { id, user, expiresAt: session.expiresAt };
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
    };
  }

  /** Whether a session id (hash) is still live, for long-lived WebSocket subscriptions. */
  async isLive(sessionId: string): Promise<boolean> {
    const session = await this.db.models.Session.findByPk(sessionId);
    if (session === null) {
      return false;
    }
    const now = this.clock.now();
    const idleLimit = session.lastSeenAt.getTime() + this.policy.idleMinutes * 60_000;
    return now < session.expiresAt && now.getTime() <= idleLimit;
  }

  async destroy(sessionId: string): Promise<void> {
    await this.db.models.Session.destroy({ where: { id: sessionId } });
  }

  /** Ends every session of a user but `exceptSessionId` (after a password change). */
  async destroyAllOf(userId: number, exceptSessionId?: string): Promise<void> {
    await this.db.models.Session.destroy({
      where:
        exceptSessionId === undefined ? { userId } : { userId, id: { [Op.ne]: exceptSessionId } },
    });
  }

  /** Deletes expired sessions (run now and then). */
  async purgeExpired(): Promise<number> {
    return this.db.models.Session.destroy({
      where: { expiresAt: { [Op.lte]: this.clock.now() } },
    });
  }
}
