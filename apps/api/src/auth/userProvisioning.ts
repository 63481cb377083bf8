/**
 * Accounts that come from outside (the directory, the trusted proxy): created on their first
 * login and brought up to date on every later one — the outside source decides the role.
 * Local accounts (passwords in the web database, the external users) are never taken over,
 * and an account the site admin deactivated stays deactivated. Creations and role changes
 * are audited like the admin's own role changes.
 */
import { UserGroup, UserSource } from '@tracershop/core';
import type { Databases, User } from '@tracershop/db';
import { appendAudit, usernameKeyOf, withTransaction } from '@tracershop/db';
import type { Logger } from 'pino';
import type { CreationAttributes } from 'sequelize';

export type OutsideSource = typeof UserSource.Ldap | typeof UserSource.Proxy;

export interface OutsideIdentity {
  username: string;
  /** Null keeps the stored name (or '' for a new account). */
  displayName: string | null;
  /** Anon (0) when the source knows the user but grants no Tracershop role. */
  userGroup: UserGroup;
  source: OutsideSource;
}

export type ProvisionResult =
  | { ok: true; userId: number }
  | { ok: false; reason: 'local-account' | 'inactive' | 'no-role'; userId: number | null };

/**
 * The new account of an outside identity: active, no password (it logs in at its source),
 * the source's role. First logins create it here; a shop admin's grant to a directory user
 * who has never logged in creates the same (routers/setup/users.ts).
 */
export function newOutsideAccount(identity: OutsideIdentity): CreationAttributes<User> {
  return {
    username: identity.username,
    displayName: identity.displayName ?? '',
    userGroup: identity.userGroup,
    source: identity.source,
    passwordHash: null,
    active: true,
  };
}

/** What the audit trail records of an account (never its password hash). */
function auditedUser(user: User) {
  return {
    id: user.id,
    username: user.username,
    displayName: user.displayName,
    userGroup: user.userGroup,
    active: user.active,
    source: user.source,
  };
}

async function audit(
  db: Databases,
  at: Date,
  source: OutsideSource,
  action: string,
  user: User,
  before: ReturnType<typeof auditedUser> | null,
): Promise<void> {
  await withTransaction(db.record, (transaction) =>
    appendAudit(transaction, {
      at,
      actorId: null,
      actorName: source === UserSource.Ldap ? 'directory (LDAP)' : 'trusted proxy',
      action,
      entity: 'User',
      entityId: user.id,
      before,
      after: auditedUser(user),
    }),
  );
}

export interface ProvisionOptions {
  at?: Date;
  /**
   * Ends every session of a user whose role the outside source changed (sessions.ts
   * `destroyAllOf`): a session never goes on with another role than it was started with.
   */
  endSessionsOf(userId: number): Promise<void>;
}

/**
 * Creates or updates the account of `identity`; refuses local and deactivated accounts. A
 * changed role ends the user's sessions, so only a new login carries it.
 */
export async function provisionUser(
  db: Databases,
  identity: OutsideIdentity,
  log: Logger,
  options: ProvisionOptions,
): Promise<ProvisionResult> {
  const at = options.at ?? new Date();
  const { User } = db.models;
  const usernameKey = usernameKeyOf(identity.username);
  let user = await User.findOne({ where: { usernameKey } });
  if (user !== null && user.source === UserSource.Local) {
    return { ok: false, reason: 'local-account', userId: user.id };
  }
  const hasRole = identity.userGroup !== UserGroup.Anon;
  if (user === null) {
    if (!hasRole) {
      return { ok: false, reason: 'no-role', userId: null };
    }
    try {
      user = await User.create(newOutsideAccount(identity));
      log.info(
        { userId: user.id, source: identity.source, userGroup: user.userGroup },
        'account created',
      );
      await audit(db, at, identity.source, 'user.provision', user, null);
      return { ok: true, userId: user.id };
    } catch (error) {
      // Two first logins at once: the other one created it.
      user = await User.findOne({ where: { usernameKey } });
      if (user === null || user.source === UserSource.Local) {
        throw error;
      }
    }
  }
  if (!user.active) {
    return { ok: false, reason: 'inactive', userId: user.id };
  }
  const before = auditedUser(user);
  const roleChanges = user.userGroup !== identity.userGroup;
  user.userGroup = identity.userGroup;
  user.source = identity.source;
  if (identity.displayName !== null) {
    user.displayName = identity.displayName;
  }
  if (user.changed() !== false) {
    await user.save();
    if (roleChanges) {
      log.info(
        { userId: user.id, source: identity.source, from: before.userGroup, to: user.userGroup },
        'role changed by the outside source',
      );
      await audit(db, at, identity.source, 'user.edit', user, before);
      await options.endSessionsOf(user.id);
    }
  }
  return hasRole
    ? { ok: true, userId: user.id }
    : { ok: false, reason: 'no-role', userId: user.id };
}
