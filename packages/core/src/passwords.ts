/**
 * What a new password must be, wherever one is set: what `newPasswordText` accepts (8 to 1024
 * characters, taken as typed) and not the user's own name, in any letter case. Logins and
 * signatures check only against the stored password.
 */
import { newPasswordText, schemaLimits } from './schemas/primitives';

/** Why a new password is refused. */
export type NewPasswordProblem = 'tooShort' | 'tooLong' | 'sameAsUsername';

/** A name or password as compared: without surrounding spaces, NFC, lower case. */
function comparable(text: string): string {
  return text.trim().normalize('NFC').toLowerCase();
}

/**
 * What is wrong with `password` as the new password of `username`, or null: shorter than
 * `schemaLimits.newPasswordMin` or longer than `schemaLimits.password` characters (exactly
 * `newPasswordText`'s bounds), or the user name itself (`'Anna.Berg '` for `anna.berg`).
 */
export function newPasswordProblem(password: string, username: string): NewPasswordProblem | null {
  if (!newPasswordText.safeParse(password).success) {
    return password.length < schemaLimits.newPasswordMin ? 'tooShort' : 'tooLong';
  }
  return comparable(password) === comparable(username) ? 'sameAsUsername' : null;
}
