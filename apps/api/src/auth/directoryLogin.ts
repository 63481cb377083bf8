/**
 * Directory login (LDAP / Active Directory), in front of local accounts:
 *
 * 1. the user name of a local account (an external user) is not ours: local accounts keep
 *    working, also while the directory is down;
 * 2. connect (StartTLS with a verified certificate unless told otherwise), bind as the service
 *    account and search the user with the configured filter, the user name escaped per
 *    RFC 4515; nobody found: not ours either ("ask the next authenticator");
 * 3. bind as the found entry with the password (an empty password is refused first: LDAP
 *    would take it for an anonymous bind and succeed);
 * 4. map `memberOf` to a role by the configured group names, the highest role winning (not
 *    the first group the directory lists, as the legacy did), and create or update the
 *    account (source 'ldap', no password hash). Someone in no Tracershop group cannot log in.
 *
 * Any directory failure (down, timeout, TLS, a refused service account) is a clean refusal
 * with reason 'unavailable', logged, never a crash. The release signature goes through the
 * same check (services.authenticator).
 *
 * `lookup` asks the same directory, with the same service bind, filter and group mapping, about
 * a user name without a password: a shop admin granting access to a colleague who has never
 * logged in (routers/setup/users.ts) learns whether the directory knows them and which role
 * their groups give.
 */
import { readFileSync } from 'node:fs';
import { isIP } from 'node:net';
import type { ConnectionOptions } from 'node:tls';
import { UserGroup, UserSource } from '@tracershop/core';
import type { Databases } from '@tracershop/db';
import { usernameKeyOf } from '@tracershop/db';
import { Client, InvalidCredentialsError, SizeLimitExceededError } from 'ldapts';
import type { Entry } from 'ldapts';
import type { Logger } from 'pino';
import type { AuthenticationResult, Authenticator } from './authenticators';
import type { OutsideIdentity } from './userProvisioning';
import { provisionUser } from './userProvisioning';

/** A directory group granting a role. */
export interface DirectoryGroup {
  userGroup: UserGroup;
  /** The group's CN (`RGH-B-SE Tracershop Site-Admin`) or its full DN. */
  name: string;
}

export interface DirectorySettings {
  /** `ldap://host:389` or `ldaps://host:636`. */
  url: string;
  /** The service account; null binds anonymously for the search. */
  bindDn: string | null;
  bindPassword: string;
  searchBase: string;
  /** A filter with `{username}` where the (escaped) user name goes. */
  userFilter: string;
  /** Highest role first. */
  groups: DirectoryGroup[];
  startTls: boolean;
  /** Verify the server's certificate (StartTLS and ldaps). */
  tlsVerify: boolean;
  /** PEM file of the CA(s) the server's certificate is checked against. */
  caFile: string | null;
  /** Limit of connecting and of each operation. */
  timeoutMs: number;
}

/** The legacy site's AD groups (docs/operations.md), the defaults. */
export const DEFAULT_DIRECTORY_GROUPS: ReadonlyArray<{
  env: string;
  userGroup: UserGroup;
  name: string;
}> = [
  { env: 'LDAP_GROUP_ADMIN', userGroup: UserGroup.Admin, name: 'RGH-B-SE Tracershop Site-Admin' },
  {
    env: 'LDAP_GROUP_PRODUCTION_ADMIN',
    userGroup: UserGroup.ProductionAdmin,
    name: 'RGH-B-SE Tracershop Production-Admin',
  },
  {
    env: 'LDAP_GROUP_PRODUCTION_USER',
    userGroup: UserGroup.ProductionUser,
    name: 'RGH-B-SE Tracershop Production-User',
  },
  {
    env: 'LDAP_GROUP_SHOP_ADMIN',
    userGroup: UserGroup.ShopAdmin,
    name: 'RGH-B-SE Tracershop Shop-Admin',
  },
  {
    env: 'LDAP_GROUP_SHOP_USER',
    userGroup: UserGroup.ShopUser,
    name: 'RGH-B-SE Tracershop Shop-User',
  },
];

const DEFAULT_USER_FILTER = '(sAMAccountName={username})';
const DEFAULT_TIMEOUT_SECONDS = 10;

function setting(env: NodeJS.ProcessEnv, name: string): string | null {
  const value = env[name];
  return value === undefined || value.trim() === '' ? null : value.trim();
}

/**
 * The directory settings of `env`, or null when LDAP_URL is unset (directory login off).
 * Throws on a setting that cannot work, so a misconfigured site fails at start.
 */
export function directorySettingsFromEnv(env: NodeJS.ProcessEnv): DirectorySettings | null {
  const url = setting(env, 'LDAP_URL');
  if (url === null) {
    return null;
  }
  if (!/^ldaps?:\/\//i.test(url)) {
    throw new Error(`LDAP_URL must be ldap://… or ldaps://…, got ${JSON.stringify(url)}`);
  }
  const searchBase = setting(env, 'LDAP_SEARCH_BASE');
  if (searchBase === null) {
    throw new Error('LDAP_SEARCH_BASE is required with LDAP_URL');
  }
  const userFilter = setting(env, 'LDAP_USER_FILTER') ?? DEFAULT_USER_FILTER;
  if (!userFilter.includes('{username}')) {
    throw new Error('LDAP_USER_FILTER must contain {username}');
  }
  const timeoutText = setting(env, 'LDAP_TIMEOUT_SECONDS');
  const timeoutSeconds = timeoutText === null ? DEFAULT_TIMEOUT_SECONDS : Number(timeoutText);
  if (!Number.isFinite(timeoutSeconds) || timeoutSeconds <= 0) {
    throw new Error(`LDAP_TIMEOUT_SECONDS must be a positive number, got ${timeoutText}`);
  }
  const groups: DirectoryGroup[] = [];
  for (const group of DEFAULT_DIRECTORY_GROUPS) {
    // Set but empty: no directory group grants this role.
    const value = env[group.env];
    const name = value === undefined ? group.name : value.trim();
    if (name !== '') {
      groups.push({ userGroup: group.userGroup, name });
    }
  }
  return {
    url,
    bindDn: setting(env, 'LDAP_BIND_DN'),
    bindPassword: env.LDAP_BIND_PASSWORD ?? '',
    searchBase,
    userFilter,
    groups,
    startTls: env.LDAP_STARTTLS === '1',
    tlsVerify: env.LDAP_TLS_VERIFY !== '0',
    caFile: setting(env, 'LDAP_CA_FILE'),
    timeoutMs: Math.round(timeoutSeconds * 1000),
  };
}

/** RFC 4515 escaping of a value in a search filter: `*`, `(`, `)`, `\` and NUL. */
export function escapeFilterValue(value: string): string {
  return value.replace(
    // eslint-disable-next-line no-control-regex
    /[*()\\\u0000]/g,
    (character) => `\\${character.charCodeAt(0).toString(16).padStart(2, '0')}`,
  );
}

/** The user filter with the escaped user name in place of every `{username}`. */
export function userFilterFor(template: string, username: string): string {
  return template.split('{username}').join(escapeFilterValue(username));
}

/** The attribute value of a DN's first RDN (`CN=a\2c b,OU=…` → `a, b`), or null. */
export function firstRdnValue(dn: string): string | null {
  const equals = dn.indexOf('=');
  if (equals < 0) {
    return null;
  }
  const bytes: number[] = [];
  for (let index = equals + 1; index < dn.length; index += 1) {
    const character = dn.charAt(index);
    if (character === '\\' && index + 1 < dn.length) {
      const hex = dn.slice(index + 1, index + 3);
      if (/^[0-9a-fA-F]{2}$/.test(hex)) {
        bytes.push(parseInt(hex, 16));
        index += 2;
      } else {
        bytes.push(...Buffer.from(dn.charAt(index + 1)));
        index += 1;
      }
    } else if (character === ',' || character === '+') {
      break;
    } else {
      bytes.push(...Buffer.from(character));
    }
  }
  return Buffer.from(bytes).toString('utf8').trim();
}

function normalizedDn(dn: string): string {
  return dn
    .replace(/\s*([,=+])\s*/g, '$1')
    .trim()
    .toLowerCase();
}

/** Whether the `memberOf` value `dn` is the configured group `name` (its CN or its DN). */
function isGroup(dn: string, name: string): boolean {
  if (name.includes('=')) {
    return normalizedDn(dn) === normalizedDn(name);
  }
  return firstRdnValue(dn)?.toLowerCase() === name.toLowerCase();
}

/** The highest role any of `memberOf` grants, or Anon. */
export function roleOfGroups(memberOf: string[], groups: DirectoryGroup[]): UserGroup {
  let best: UserGroup = UserGroup.Anon;
  for (const group of groups) {
    const member = memberOf.some((dn) => isGroup(dn, group.name));
    if (member && (best === UserGroup.Anon || group.userGroup < best)) {
      best = group.userGroup;
    }
  }
  return best;
}

function textValues(value: Entry[string] | undefined): string[] {
  if (value === undefined) {
    return [];
  }
  const values = Array.isArray(value) ? value : [value];
  return values.map((item) => (Buffer.isBuffer(item) ? item.toString('utf8') : item));
}

type DirectoryCheck =
  | { kind: 'not-found' }
  | { kind: 'wrong-password' }
  | { kind: 'ok'; displayName: string | null; memberOf: string[] };

/**
 * What the directory says of a user name: unknown, unreachable (or answering in a way that
 * cannot be used, such as several entries), or known with the display name and the role its
 * groups give (Anon when none of the Tracershop groups).
 */
export type DirectoryLookup =
  { kind: 'not-found' } | { kind: 'unavailable' } | { kind: 'found'; identity: OutsideIdentity };

/** The directory of this site, as the routers ask it (services.directory). */
export interface UserDirectory {
  lookup(username: string): Promise<DirectoryLookup>;
}

/** The account a directory user has in Tracershop (provisionUser), at login and at a grant. */
function directoryIdentity(
  username: string,
  displayName: string | null,
  userGroup: UserGroup,
): OutsideIdentity {
  return {
    username: username.trim().slice(0, 120),
    displayName: displayName?.slice(0, 150) ?? null,
    userGroup,
    source: UserSource.Ldap,
  };
}

/** The display name of an entry: `displayName`, else `cn`, else null. */
function displayNameOf(entry: Entry): string | null {
  const [displayName] = textValues(entry.displayName);
  const [cn] = textValues(entry.cn);
  return displayName ?? cn ?? null;
}

export class DirectoryAuthenticator implements Authenticator, UserDirectory {
  readonly name = 'ldap';
  private readonly tlsOptions: ConnectionOptions;

  constructor(
    private readonly db: Databases,
    private readonly settings: DirectorySettings,
    private readonly log: Logger,
    /** Ends the sessions of a user whose role the directory changed (provisionUser). */
    private readonly endSessionsOf: (userId: number) => Promise<void>,
  ) {
    const hostname = new URL(settings.url).hostname.replace(/^\[(.*)\]$/, '$1');
    this.tlsOptions = {
      rejectUnauthorized: settings.tlsVerify,
      host: hostname,
      ...(isIP(hostname) === 0 ? { servername: hostname } : {}),
      ...(settings.caFile === null ? {} : { ca: readFileSync(settings.caFile) }),
    };
  }

  async authenticate(username: string, password: string): Promise<AuthenticationResult | null> {
    const existing = await this.db.models.User.findOne({
      where: { usernameKey: usernameKeyOf(username) },
    });
    if (existing !== null && existing.source === UserSource.Local) {
      return null;
    }
    let check: DirectoryCheck;
    try {
      check = await this.check(username, password);
    } catch (error) {
      this.log.warn({ err: error, url: this.settings.url }, 'directory login unavailable');
      return { ok: false, reason: 'unavailable' };
    }
    if (check.kind === 'not-found') {
      return null;
    }
    if (check.kind === 'wrong-password') {
      return { ok: false, reason: 'wrong-password' };
    }
    const userGroup = roleOfGroups(check.memberOf, this.settings.groups);
    const result = await provisionUser(
      this.db,
      directoryIdentity(username, check.displayName, userGroup),
      this.log,
      { endSessionsOf: this.endSessionsOf },
    );
    if (result.ok) {
      return { ok: true, userId: result.userId };
    }
    if (result.reason === 'local-account') {
      return null;
    }
    return { ok: false, reason: result.reason };
  }

  /**
   * The directory's word on `username` without a password: the same service bind, search
   * filter and group mapping as a login. Never throws; a failure is 'unavailable', logged.
   */
  async lookup(username: string): Promise<DirectoryLookup> {
    try {
      const entry = await this.connected((client) => this.findEntry(client, username));
      if (entry === null) {
        return { kind: 'not-found' };
      }
      const userGroup = roleOfGroups(textValues(entry.memberOf), this.settings.groups);
      return {
        kind: 'found',
        identity: directoryIdentity(username, displayNameOf(entry), userGroup),
      };
    } catch (error) {
      this.log.warn({ err: error, url: this.settings.url }, 'directory lookup unavailable');
      return { kind: 'unavailable' };
    }
  }

  /** Search and bind; throws on anything but "not found" and "wrong password". */
  private check(username: string, password: string): Promise<DirectoryCheck> {
    return this.connected(async (client): Promise<DirectoryCheck> => {
      const entry = await this.findEntry(client, username);
      if (entry === null) {
        return { kind: 'not-found' };
      }
      if (password === '') {
        return { kind: 'wrong-password' };
      }
      try {
        await client.bind(entry.dn, password);
      } catch (error) {
        if (error instanceof InvalidCredentialsError) {
          return { kind: 'wrong-password' };
        }
        throw error;
      }
      return {
        kind: 'ok',
        displayName: displayNameOf(entry),
        memberOf: textValues(entry.memberOf),
      };
    });
  }

  /** Connects (StartTLS when set), binds as the service account and runs `work`. */
  private async connected<T>(work: (client: Client) => Promise<T>): Promise<T> {
    const { settings } = this;
    const client = new Client({
      url: settings.url,
      timeout: settings.timeoutMs,
      connectTimeout: settings.timeoutMs,
      // ldapts speaks TLS from the start whenever tlsOptions are given: ldaps:// only.
      ...(settings.url.toLowerCase().startsWith('ldaps:') ? { tlsOptions: this.tlsOptions } : {}),
    });
    try {
      if (settings.startTls) {
        await client.startTLS(this.tlsOptions);
      }
      if (settings.bindDn !== null) {
        await client.bind(settings.bindDn, settings.bindPassword);
      }
      return await work(client);
    } finally {
      await client.unbind().catch(() => undefined);
    }
  }

  /** The one entry the user filter finds for `username`, or null; throws on several. */
  private async findEntry(client: Client, username: string): Promise<Entry | null> {
    const { settings } = this;
    let entries: Entry[];
    try {
      ({ searchEntries: entries } = await client.search(settings.searchBase, {
        scope: 'sub',
        filter: userFilterFor(settings.userFilter, username),
        attributes: ['displayName', 'cn', 'memberOf'],
        sizeLimit: 2,
        timeLimit: Math.ceil(settings.timeoutMs / 1000),
      }));
    } catch (error) {
      if (error instanceof SizeLimitExceededError) {
        throw new Error(`the user filter matches several entries for ${username}`, {
          cause: error,
        });
      }
      throw error;
    }
    const [entry] = entries;
    if (entry === undefined) {
      return null;
    }
    if (entries.length > 1) {
      throw new Error(`the user filter matches several entries for ${username}`);
    }
    return entry;
  }
}
