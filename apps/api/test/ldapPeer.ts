/**
 * OpenLDAP's slapd as a real directory for the directory-login tests: a temporary mdb
 * database loaded with slapadd, a small schema that gives people Active Directory's
 * `sAMAccountName` and a plain `memberOf`, and a self-signed certificate for StartTLS.
 */
import { execFile, spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { freePort, waitForPort } from './ippPrinterPeer';

const run = promisify(execFile);

export const LDAP_SUFFIX = 'dc=tracershop,dc=test';
export const LDAP_ADMIN_DN = `cn=admin,${LDAP_SUFFIX}`;
export const LDAP_ADMIN_PASSWORD = 'admin-secret';
/** Where the test directories keep their people, and the groups that give roles. */
export const LDAP_PEOPLE = `ou=people,${LDAP_SUFFIX}`;
export const LDAP_GROUPS = `OU=groups,${LDAP_SUFFIX.toUpperCase()}`;
/** The directory's root, its people and the service account Tracershop binds with. */
export const LDAP_BASE_LDIF = `dn: ${LDAP_SUFFIX}
objectClass: dcObject
objectClass: organization
o: Tracershop test
dc: tracershop

dn: ${LDAP_PEOPLE}
objectClass: organizationalUnit
ou: people

dn: cn=tracershop-service,${LDAP_SUFFIX}
objectClass: organizationalRole
objectClass: simpleSecurityObject
cn: tracershop-service
userPassword: service-secret
`;

const AD_SCHEMA = `attributetype ( 1.3.6.1.4.1.99999.7.1.1 NAME 'sAMAccountName'
  EQUALITY caseIgnoreMatch SUBSTR caseIgnoreSubstringsMatch
  SYNTAX 1.3.6.1.4.1.1466.115.121.1.15 SINGLE-VALUE )
attributetype ( 1.3.6.1.4.1.99999.7.1.2 NAME 'memberOf'
  EQUALITY distinguishedNameMatch SYNTAX 1.3.6.1.4.1.1466.115.121.1.12 )
objectclass ( 1.3.6.1.4.1.99999.7.2.1 NAME 'tracershopAccount' SUP top AUXILIARY
  MAY ( sAMAccountName $ memberOf ) )
`;

function slapdConfig(directory: string): string {
  return `include /etc/ldap/schema/core.schema
include /etc/ldap/schema/cosine.schema
include /etc/ldap/schema/inetorgperson.schema
include ${directory}/tracershop-ad.schema
modulepath /usr/lib/ldap
moduleload back_mdb
pidfile ${directory}/slapd.pid
TLSCertificateFile ${directory}/cert.pem
TLSCertificateKeyFile ${directory}/key.pem
database mdb
suffix "${LDAP_SUFFIX}"
rootdn "${LDAP_ADMIN_DN}"
rootpw ${LDAP_ADMIN_PASSWORD}
directory ${directory}/db
`;
}

export interface LdapPeer {
  url: string;
  port: number;
  /** PEM of the server's self-signed certificate (CN and SAN 127.0.0.1). */
  caFile: string;
  close(): Promise<void>;
}

/**
 * Starts slapd with `ldif` (entries under LDAP_SUFFIX, the suffix entry included), on `port`
 * or a free one.
 */
export async function startLdapPeer(
  ldif: string,
  options: { port?: number } = {},
): Promise<LdapPeer> {
  const directory = await mkdtemp(path.join(tmpdir(), 'tracershop-ldap-'));
  await mkdir(path.join(directory, 'db'));
  const configFile = path.join(directory, 'slapd.conf');
  await writeFile(path.join(directory, 'tracershop-ad.schema'), AD_SCHEMA);
  await writeFile(configFile, slapdConfig(directory));
  await writeFile(path.join(directory, 'data.ldif'), ldif);
  await run('openssl', [
    'req',
    '-x509',
    '-newkey',
    'rsa:2048',
    '-nodes',
    '-keyout',
    path.join(directory, 'key.pem'),
    '-out',
    path.join(directory, 'cert.pem'),
    '-days',
    '2',
    '-subj',
    '/CN=127.0.0.1',
    '-addext',
    'subjectAltName=IP:127.0.0.1,DNS:localhost',
  ]);
  await run('slapadd', ['-f', configFile, '-l', path.join(directory, 'data.ldif')]);
  const port = options.port ?? (await freePort());
  const url = `ldap://127.0.0.1:${port}/`;
  // -d keeps slapd in the foreground, so the test owns the process.
  const child: ChildProcess = spawn('slapd', ['-f', configFile, '-h', url, '-d', '0'], {
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let errors = '';
  child.stderr?.on('data', (chunk: Buffer) => {
    errors = (errors + chunk.toString()).slice(-2000);
  });
  try {
    await waitForPort(port);
  } catch (error) {
    child.kill('SIGTERM');
    throw new Error(`slapd did not start: ${errors}`, { cause: error });
  }
  return {
    url,
    port,
    caFile: path.join(directory, 'cert.pem'),
    async close() {
      if (child.exitCode === null && child.signalCode === null) {
        await new Promise<void>((resolve) => {
          child.once('exit', () => resolve());
          child.kill('SIGTERM');
        });
      }
      await rm(directory, { recursive: true, force: true });
    },
  };
}
