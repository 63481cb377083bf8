/**
 * The authenticator chain of this site: directory login first when a directory is in force
 * (LDAP_URL, else a stored 'ldap' service address, decided at each login: directoryInForce.ts),
 * then local accounts (external users keep working). The same directory answers the shop
 * admins' look-ups of colleagues who have never logged in (`directory`).
 */
import type { Databases } from '@tracershop/db';
import type { Logger } from 'pino';
import type { ApiConfig } from '../config';
import { AuthenticatorChain, LocalAuthenticator } from './authenticators';
import { DirectoryInForce } from './directoryInForce';
import type { SiteDirectory } from './directoryInForce';
import type { SessionStore } from './sessions';

export interface AuthenticatorSetup {
  authenticator: AuthenticatorChain;
  /** The directory of directory login, for look-ups without a password (`isOn` says whether on). */
  directory: SiteDirectory;
}

export function buildAuthenticator(
  db: Databases,
  _config: ApiConfig,
  log: Logger,
  sessions: Pick<SessionStore, 'destroyAllOf'>,
  env: NodeJS.ProcessEnv = process.env,
): AuthenticatorSetup {
  const directory = new DirectoryInForce(db, env, log.child({ component: 'ldap' }), (userId) =>
    sessions.destroyAllOf(userId),
  );
  const chain = new AuthenticatorChain([directory, new LocalAuthenticator(db)]);
  return { authenticator: chain, directory };
}
