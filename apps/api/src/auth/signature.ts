/**
 * The electronic signature of a release or correction: the logged-in user re-enters their
 * own password. Failures count toward the login lock-out and are audited (ownPassword.ts).
 */
import type { ApiServices } from '../services';
import { verifyOwnPassword } from './ownPassword';
import type { SessionUser } from './sessions';

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
 * Resolves when `password` is the caller's own; otherwise audits the refusal and throws
 * INVALID_SIGNATURE (or LOCKED_OUT while the user is locked out).
 */
export function verifySignature(attempt: SignatureAttempt): Promise<void> {
  return verifyOwnPassword({
    services: attempt.services,
    user: attempt.user,
    password: attempt.password,
    remoteAddress: attempt.remoteAddress,
    refusal: {
      action: `${attempt.action}.signatureRefused`,
      entity: attempt.entity,
      entityId: attempt.entityIds.length === 1 ? (attempt.entityIds[0] ?? null) : null,
      after: { entityIds: attempt.entityIds },
    },
    wrongPasswordReason: 'INVALID_SIGNATURE',
  });
}
