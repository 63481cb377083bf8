/**
 * Every new password the api sets — one's own, an external user's — follows core's
 * `newPasswordProblem` (at least 8 characters, not the user name) and is refused in words
 * before it is hashed or anything is written.
 */
import { newPasswordProblem } from '@tracershop/core';
import { apiError } from '../errors';

/** Refuses `password` as the new password of `username` with NEW_PASSWORD_REFUSED. */
export function assertNewPassword(password: string, username: string): void {
  const problem = newPasswordProblem(password, username);
  if (problem !== null) {
    throw apiError('NEW_PASSWORD_REFUSED', { problem });
  }
}
