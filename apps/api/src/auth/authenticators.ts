/**
 * Checking a user name and password. Local accounts (argon2 hashes in the web database) are
 * the default; directory login (LDAP) plugs in as another Authenticator in front of it. Login
 * and the release signature use the same chain.
 */
import { UserSource } from '@tracershop/core';
import { usernameKeyOf, verifyPassword } from '@tracershop/db';
import type { Databases } from '@tracershop/db';

export type AuthenticationResult =
  | { ok: true; userId: number }
  | {
      ok: false;
      /** 'no-role': the directory knows the user but grants no Tracershop role. */
      reason: 'unknown-user' | 'wrong-password' | 'inactive' | 'unavailable' | 'no-role';
    };

export interface Authenticator {
  /** A short name for logs and login events ('local', 'ldap'). */
  readonly name: string;
  /**
   * Checks the credentials. `null` means "not mine, ask the next authenticator"; a result
   * is final.
   */
  authenticate(username: string, password: string): Promise<AuthenticationResult | null>;
}

/** Local accounts: users with a password hash. */
export class LocalAuthenticator implements Authenticator {
  readonly name = 'local';

  constructor(private readonly db: Databases) {}

  async authenticate(username: string, password: string): Promise<AuthenticationResult | null> {
    const user = await this.db.models.User.findOne({
      where: { usernameKey: usernameKeyOf(username) },
    });
    if (user === null) {
      return { ok: false, reason: 'unknown-user' };
    }
    if (user.passwordHash === null || user.source !== UserSource.Local) {
      return null;
    }
    if (!(await verifyPassword(user.passwordHash, password))) {
      return { ok: false, reason: 'wrong-password' };
    }
    if (!user.active) {
      return { ok: false, reason: 'inactive' };
    }
    return { ok: true, userId: user.id };
  }
}

/** Asks each authenticator in turn; the first that answers decides. */
export class AuthenticatorChain implements Authenticator {
  readonly name = 'chain';

  constructor(private readonly authenticators: Authenticator[]) {}

  /** Puts `authenticator` first (directory login goes before local accounts). */
  prepend(authenticator: Authenticator): void {
    this.authenticators.unshift(authenticator);
  }

  async authenticate(username: string, password: string): Promise<AuthenticationResult> {
    let last: AuthenticationResult | null = null;
    for (const authenticator of this.authenticators) {
      const result = await authenticator.authenticate(username, password);
      if (result !== null && (result.ok || result.reason !== 'unknown-user')) {
        return result;
      }
      last = result ?? last;
    }
    return last ?? { ok: false, reason: 'unknown-user' };
  }
}
