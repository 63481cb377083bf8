/**
 * The address in force of each outside service, decided every time the service acts (each
 * worklist poll, each HL7 message, each directory login and look-up) and shown on the server
 * settings page (`setup.serviceAddresses.inForce`). An environment variable that is set wins;
 * otherwise the stored service addresses (Opsætning → Server → Tjenesteadresser) are used, so an
 * address created, edited or deleted there is used from the next poll, message or login on,
 * without a restart (docs/operations.md, "Outside service addresses"):
 *
 * - `dicom`, the RIS worklist: the address chosen as RIS address in the server settings (a
 *   DICOM address with an AE title); there is no variable for it;
 * - `hl7`, the senders the HL7 listener accepts: `HL7_ALLOWED_HOSTS`, else the host of every
 *   stored 'hl7' address, else every sender;
 * - `ldap`, the directory of directory login: `LDAP_URL`, else the first stored 'ldap' address
 *   (`ldaps://` on ports 636 and 3269, `ldap://` otherwise), else directory login is off. The
 *   other directory settings (service account, search base, filter, TLS, groups) always come
 *   from the environment.
 */
import { ServiceAddressKind, enumValues } from '@tracershop/core';
import { SERVER_SETTINGS_ID } from '@tracershop/db';
import type { Databases, ServiceAddress } from '@tracershop/db';

/** Where the address in force comes from. */
export type AddressSource = 'environment' | 'stored' | 'none';

/** The environment variable of each kind that wins over the stored addresses (null: none). */
export const ADDRESS_VARIABLES: Readonly<Record<ServiceAddressKind, string | null>> = {
  [ServiceAddressKind.Dicom]: null,
  [ServiceAddressKind.Hl7]: 'HL7_ALLOWED_HOSTS',
  [ServiceAddressKind.Ldap]: 'LDAP_URL',
};

/** Directory ports that speak TLS from the start (LDAPS, and the global catalogue's). */
const LDAPS_PORTS: ReadonlySet<number> = new Set([636, 3269]);

/** What the server settings page shows of one kind. */
export interface AddressInForce {
  kind: ServiceAddressKind;
  source: AddressSource;
  /** The variable that wins over the stored addresses when set; null when the kind has none. */
  variable: string | null;
  /** The stored addresses in use (ids); empty unless `source` is 'stored'. */
  addressIds: number[];
  /** What the service uses, as it uses it (a URL, `host:port (AE title)`, the senders). */
  value: string | null;
  /** Environment variables the address in force still needs before the service can use it. */
  missing: string[];
}

function setting(env: NodeJS.ProcessEnv, name: string): string | null {
  const value = env[name];
  return value === undefined || value.trim() === '' ? null : value.trim();
}

/** `host` as a URL's authority part: an IPv6 address in brackets. */
function hostPart(host: string): string {
  return host.includes(':') && !host.startsWith('[') ? `[${host}]` : host;
}

/** The directory URL of a stored 'ldap' address. */
export function directoryUrlOf(address: Pick<ServiceAddress, 'host' | 'port'>): string {
  const scheme = LDAPS_PORTS.has(address.port) ? 'ldaps' : 'ldap';
  return `${scheme}://${hostPart(address.host)}:${address.port}`;
}

/** The stored addresses of `kind`, oldest first. */
function storedOf(db: Databases, kind: ServiceAddressKind): Promise<ServiceAddress[]> {
  return db.models.ServiceAddress.findAll({ where: { kind }, order: [['id', 'ASC']] });
}

/** The RIS worklist: the chosen RIS address when it is a DICOM address with an AE title. */
export async function risAddressInForce(db: Databases): Promise<ServiceAddress | null> {
  const { ServerSettings, ServiceAddress } = db.models;
  const settings = await ServerSettings.findByPk(SERVER_SETTINGS_ID);
  if (settings === null || settings.risAddressId === null) {
    return null;
  }
  const address = await ServiceAddress.findByPk(settings.risAddressId);
  if (address === null || address.kind !== ServiceAddressKind.Dicom || !address.aeTitle) {
    return null;
  }
  return address;
}

export interface Hl7SendersInForce {
  source: AddressSource;
  /** IP addresses and host names; empty: every sender is accepted. */
  hosts: string[];
  addressIds: number[];
}

/** The senders the HL7 listener accepts: HL7_ALLOWED_HOSTS, else the stored 'hl7' hosts. */
export async function hl7SendersInForce(
  db: Databases,
  env: NodeJS.ProcessEnv,
): Promise<Hl7SendersInForce> {
  const listed = setting(env, 'HL7_ALLOWED_HOSTS');
  if (listed !== null) {
    const hosts = listed
      .split(',')
      .map((entry) => entry.trim())
      .filter((entry) => entry !== '');
    return { source: 'environment', hosts, addressIds: [] };
  }
  const stored = await storedOf(db, ServiceAddressKind.Hl7);
  if (stored.length === 0) {
    return { source: 'none', hosts: [], addressIds: [] };
  }
  return {
    source: 'stored',
    hosts: [...new Set(stored.map((address) => address.host))],
    addressIds: stored.map((address) => address.id),
  };
}

export interface DirectoryUrlInForce {
  source: AddressSource;
  /** The directory's URL; null: directory login is off. */
  url: string | null;
  addressId: number | null;
}

/** The directory of directory login: LDAP_URL, else the first stored 'ldap' address. */
export async function directoryUrlInForce(
  db: Databases,
  env: NodeJS.ProcessEnv,
): Promise<DirectoryUrlInForce> {
  const url = setting(env, 'LDAP_URL');
  if (url !== null) {
    return { source: 'environment', url, addressId: null };
  }
  const [first] = await storedOf(db, ServiceAddressKind.Ldap);
  return first === undefined
    ? { source: 'none', url: null, addressId: null }
    : { source: 'stored', url: directoryUrlOf(first), addressId: first.id };
}

async function inForceOf(
  db: Databases,
  env: NodeJS.ProcessEnv,
  kind: ServiceAddressKind,
): Promise<AddressInForce> {
  const base = { kind, variable: ADDRESS_VARIABLES[kind], missing: [] };
  switch (kind) {
    case ServiceAddressKind.Dicom: {
      const address = await risAddressInForce(db);
      return address === null
        ? { ...base, source: 'none', addressIds: [], value: null }
        : {
            ...base,
            source: 'stored',
            addressIds: [address.id],
            value: `${hostPart(address.host)}:${address.port} (${address.aeTitle ?? ''})`,
          };
    }
    case ServiceAddressKind.Hl7: {
      const senders = await hl7SendersInForce(db, env);
      return {
        ...base,
        source: senders.source,
        addressIds: senders.addressIds,
        value: senders.hosts.length === 0 ? null : senders.hosts.join(', '),
      };
    }
    case ServiceAddressKind.Ldap: {
      const directory = await directoryUrlInForce(db, env);
      const searchBaseMissing = directory.url !== null && setting(env, 'LDAP_SEARCH_BASE') === null;
      return {
        ...base,
        source: directory.source,
        addressIds: directory.addressId === null ? [] : [directory.addressId],
        value: directory.url,
        missing: searchBaseMissing ? ['LDAP_SEARCH_BASE'] : [],
      };
    }
  }
}

/** Every kind's address in force, in the order of `ServiceAddressKind`. */
export function addressesInForce(db: Databases, env: NodeJS.ProcessEnv): Promise<AddressInForce[]> {
  return Promise.all(enumValues(ServiceAddressKind).map((kind) => inForceOf(db, env, kind)));
}
