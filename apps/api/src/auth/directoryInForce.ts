/**
 * Directory login with the directory in force at each login and look-up (addressesInForce.ts):
 * `LDAP_URL` when set (read at start, as every LDAP_* setting), else the first stored 'ldap'
 * service address, read again each time, so directory login is switched on, re-pointed or off
 * from the server settings page without a restart. The other settings (service account,
 * search base, filter, TLS, timeout, groups) come from the environment either way.
 *
 * Without a directory in force this authenticator is not asked ("not mine": local accounts
 * only), as is one whose environment settings cannot work with the stored address (LDAP_SEARCH_
 * BASE unset, say: logged at each login, shown on the page).
 */
import type { Databases } from '@tracershop/db';
import type { Logger } from 'pino';
import { directoryUrlInForce } from '../addressesInForce';
import type { AuthenticationResult, Authenticator } from './authenticators';
import { DirectoryAuthenticator, directorySettingsFromEnv } from './directoryLogin';
import type { DirectoryLookup, DirectorySettings, UserDirectory } from './directoryLogin';

/** The site's directory as the routers ask it (services.directory). */
export interface SiteDirectory extends UserDirectory {
  /** Whether directory login is on now (a directory in force whose settings can work). */
  isOn(): Promise<boolean>;
}

/** Says at start, and when a stored address comes into use, where directory login goes. */
function logDirectory(log: Logger, settings: DirectorySettings, source: string): void {
  log.info(
    {
      url: settings.url,
      source,
      startTls: settings.startTls,
      tlsVerify: settings.tlsVerify,
      groups: settings.groups.length,
    },
    'directory login on',
  );
  if (!settings.tlsVerify) {
    log.warn('LDAP_TLS_VERIFY=0: the directory server certificate is not verified');
  }
  if (!settings.startTls && settings.url.toLowerCase().startsWith('ldap://')) {
    log.warn('directory login without TLS: passwords cross the network in clear text');
  }
}

export class DirectoryInForce implements Authenticator, SiteDirectory {
  readonly name = 'ldap';
  /** The directory of LDAP_URL; null when it is unset (the stored address decides). */
  private readonly fixed: DirectoryAuthenticator | null;
  /** The directory of the stored address last used, by its URL. */
  private stored: { url: string; directory: DirectoryAuthenticator } | null = null;

  /** Throws on LDAP_* settings that cannot work with LDAP_URL set: such a site fails at start. */
  constructor(
    private readonly db: Databases,
    private readonly env: NodeJS.ProcessEnv,
    private readonly log: Logger,
    /** Ends the sessions of a user whose role the directory changed (provisionUser). */
    private readonly endSessionsOf: (userId: number) => Promise<void>,
  ) {
    const settings = directorySettingsFromEnv(env);
    this.fixed = settings === null ? null : this.directoryOf(settings);
    if (settings !== null) {
      logDirectory(log, settings, 'LDAP_URL');
    }
  }

  private directoryOf(settings: DirectorySettings): DirectoryAuthenticator {
    return new DirectoryAuthenticator(this.db, settings, this.log, this.endSessionsOf);
  }

  /**
   * The directory in force now, or null when there is none. Throws when the environment's
   * settings cannot work with the stored address.
   */
  private async current(): Promise<DirectoryAuthenticator | null> {
    if (this.fixed !== null) {
      return this.fixed;
    }
    const { url } = await directoryUrlInForce(this.db, this.env);
    if (url === null) {
      if (this.stored !== null) {
        this.log.info({ url: this.stored.url }, 'directory login off: no directory address');
        this.stored = null;
      }
      return null;
    }
    if (this.stored?.url !== url) {
      const settings = directorySettingsFromEnv({ ...this.env, LDAP_URL: url });
      if (settings === null) {
        return null;
      }
      this.stored = { url, directory: this.directoryOf(settings) };
      logDirectory(this.log, settings, 'stored address');
    }
    return this.stored.directory;
  }

  /** The directory in force, or null when there is none or it cannot work (logged). */
  private async usable(): Promise<DirectoryAuthenticator | null> {
    try {
      return await this.current();
    } catch (error) {
      this.log.warn({ err: error }, 'directory address not usable with the LDAP_* settings');
      return null;
    }
  }

  async isOn(): Promise<boolean> {
    return (await this.usable()) !== null;
  }

  async authenticate(username: string, password: string): Promise<AuthenticationResult | null> {
    const directory = await this.usable();
    return directory === null ? null : directory.authenticate(username, password);
  }

  /** Without a usable directory the answer is 'unavailable' (ask `isOn` first). */
  async lookup(username: string): Promise<DirectoryLookup> {
    const directory = await this.usable();
    return directory === null ? { kind: 'unavailable' } : directory.lookup(username);
  }
}
