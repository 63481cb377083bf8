/**
 * The electronic signature of a release or correction (DESIGN §4.5): the logged-in user
 * re-enters their own password. Failures are rate-limited like logins and audited.
 */
import { appendAudit, withTransaction } from '@tracershop/db';
import type { SessionUser } from './sessions';
import type { ApiServices } from '../trpc/context';
import { apiError } from '../errors';

export interface SignatureAttempt {
  services: ApiServices;
  user: SessionUser;
  password: string;
  remoteAddress: string;
  /** What was being signed, for the audit row of a failed attempt ('activityOrder.release'). */
  action: string;
  entity: string;
  entityIds: number[];
}

/**
 * Resolves when `password` is the caller's own; otherwise audits the failure and throws
 * INVALID_SIGNATURE (or LOCKED_OUT after too many failures).
 */
export async function verifySignature(attempt: SignatureAttempt): Promise<void> {
  const { services, user, password, remoteAddress } = attempt;
  const lock = await services.attempts.check(user.username, remoteAddress);
  if (lock.locked) {
    throw apiError('LOCKED_OUT', { minutes: Math.ceil(lock.retryAfterSeconds / 60) });
  }
  const result = await services.authenticator.authenticate(user.username, password);
  if (result.ok && result.userId === user.id) {
    await services.attempts.recordSuccess(user.username);
    return;
  }
  await services.attempts.recordFailure(user.username, remoteAddress);
  await withTransaction(services.db.record, (transaction) =>
    appendAudit(transaction, {
      at: services.clock.now(),
      actorId: user.id,
      actorName: user.displayName || user.username,
      action: `${attempt.action}.signatureRefused`,
      entity: attempt.entity,
      entityId: attempt.entityIds.length === 1 ? (attempt.entityIds[0] ?? null) : null,
      after: { entityIds: attempt.entityIds, remoteAddress },
    }),
  );
  throw apiError('INVALID_SIGNATURE');
}
