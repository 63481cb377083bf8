/**
 * The authenticator chain of this site: directory login first when configured (LDAP_URL),
 * then local accounts (external users keep working).
 */
import type { Databases } from '@tracershop/db';
import type { Logger } from 'pino';
import type { ApiConfig } from '../config';
import { AuthenticatorChain, LocalAuthenticator } from './authenticators';
import { DirectoryAuthenticator, directorySettingsFromEnv } from './directoryLogin';
import type { SessionStore } from './sessions';

export function buildAuthenticator(
  db: Databases,
  _config: ApiConfig,
  log: Logger,
  sessions: Pick<SessionStore, 'destroyAllOf'>,
  env: NodeJS.ProcessEnv = process.env,
): AuthenticatorChain {
  const chain = new AuthenticatorChain([new LocalAuthenticator(db)]);
  const directory = directorySettingsFromEnv(env);
  if (directory !== null) {
    chain.prepend(
      new DirectoryAuthenticator(db, directory, log.child({ component: 'ldap' }), (userId) =>
        sessions.destroyAllOf(userId),
      ),
    );
    log.info(
      {
        url: directory.url,
        startTls: directory.startTls,
        tlsVerify: directory.tlsVerify,
        groups: directory.groups.length,
      },
      'directory login on',
    );
    if (!directory.tlsVerify) {
      log.warn('LDAP_TLS_VERIFY=0: the directory server certificate is not verified');
    }
    if (!directory.startTls && directory.url.toLowerCase().startsWith('ldap://')) {
      log.warn('directory login without TLS: passwords cross the network in clear text');
    }
  }
  return chain;
}
