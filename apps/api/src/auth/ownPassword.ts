/**
 * Every check of a logged-in user's own password (the electronic signature, a password
 * change) under one lock-out: failures count toward the same limit as failed logins, a
 * locked user is refused without the password being tried, and every refused attempt, also
 * one refused because of the lock, lands in the audit trail so an inspector sees who kept
 * trying.
 */
import { appendAudit, withTransaction } from '@tracershop/db';
import type { ErrorReason } from '../errors';
import { apiError } from '../errors';
import type { ApiServices } from '../services';
import type { SessionUser } from './sessions';

/** Why an attempt was refused, as the audit row says it. */
export type RefusedBecause = 'locked' | 'wrongPassword';

export interface OwnPasswordCheck {
  services: ApiServices;
  user: SessionUser;
  password: string;
  remoteAddress: string;
  /** The audit row of a refused attempt; `refusedBecause` and the address are added. */
  refusal: {
    action: string;
    entity: string;
    entityId: number | null;
    after?: Record<string, unknown>;
  };
  /** The refusal of a wrong password (INVALID_SIGNATURE, WRONG_PASSWORD). */
  wrongPasswordReason: ErrorReason;
}

async function auditRefusal(check: OwnPasswordCheck, refusedBecause: RefusedBecause) {
  const { services, user, refusal, remoteAddress } = check;
  await withTransaction(services.db.record, (transaction) =>
    appendAudit(transaction, {
      at: services.clock.now(),
      actorId: user.id,
      actorName: user.displayName || user.username,
      action: refusal.action,
      entity: refusal.entity,
      entityId: refusal.entityId,
      after: { ...refusal.after, refusedBecause, remoteAddress },
    }),
  );
}

/** Resolves when `password` is the caller's own; otherwise audits and throws. */
export async function verifyOwnPassword(check: OwnPasswordCheck): Promise<void> {
  const { services, user, password, remoteAddress } = check;
  if (user.token !== undefined) {
    // A script's API token is no person: it never signs nor changes a password.
    throw apiError('PERSON_REQUIRED');
  }
  const lock = await services.attempts.check(user.username, remoteAddress);
  if (lock.locked) {
    await auditRefusal(check, 'locked');
    throw apiError('LOCKED_OUT', { minutes: Math.ceil(lock.retryAfterSeconds / 60) });
  }
  const result = await services.authenticator.authenticate(user.username, password);
  if (result.ok && result.userId === user.id) {
    await services.attempts.recordSuccess(user.username);
    // A directory login may have changed the role just now, ending this session: the
    // signature must not go through with the role the session started with.
    const current = await services.sessions.loadUser(user.id);
    if (current === null || current.userGroup !== user.userGroup) {
      throw apiError('UNAUTHENTICATED');
    }
    return;
  }
  await services.attempts.recordFailure(user.username, remoteAddress);
  await auditRefusal(check, 'wrongPassword');
  throw apiError(check.wrongPasswordReason);
}
