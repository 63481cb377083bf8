/**
 * The outside peers of the integration and browser suites: servers reached through a URL
 * (MariaDB/MySQL, Redis) and programs the tests start (OpenLDAP's slapd, dcmtk's worklist
 * server, CUPS' ippeveprinter, Prometheus' promtool, nginx, Chromium).
 *
 * `npm test` runs on a machine with only Node.js (README, "Tests"): a suite whose peer is
 * missing is skipped, and says so in one printed line naming what it needs. CI sets
 * TRACERSHOP_TEST_PEERS=required, and then a missing peer is an error instead: CI never skips
 * a suite silently.
 */
import { accessSync, constants } from 'node:fs';
import path from 'node:path';

export type TestPeerName =
  'mariadb' | 'redis' | 'slapd' | 'dcmtk' | 'ippeveprinter' | 'promtool' | 'nginx' | 'chromium';

interface TestPeer {
  /** What it is, for the printed line. */
  what: string;
  /** How to provide it. */
  howTo: string;
  /** Whether this machine has it (environment variables, programs on PATH or at a path). */
  present(env: NodeJS.ProcessEnv): boolean;
}

function isSet(env: NodeJS.ProcessEnv, name: string): boolean {
  return (env[name] ?? '') !== '';
}

/** Whether `file` is an executable file. */
function isExecutable(file: string): boolean {
  try {
    accessSync(file, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/** Whether every one of `programs` is an executable on PATH. */
function onPath(env: NodeJS.ProcessEnv, ...programs: string[]): boolean {
  const folders = (env.PATH ?? '').split(path.delimiter).filter((folder) => folder !== '');
  return programs.every((program) =>
    folders.some((folder) => isExecutable(path.join(folder, program))),
  );
}

const PEERS: Record<TestPeerName, TestPeer> = {
  mariadb: {
    what: 'a MariaDB/MySQL server',
    howTo: 'set TEST_MYSQL_URL, e.g. mysql://root@127.0.0.1:3306/',
    present: (env) => isSet(env, 'TEST_MYSQL_URL'),
  },
  redis: {
    what: 'a Redis server',
    howTo: 'set TEST_REDIS_URL, e.g. redis://127.0.0.1:6379',
    present: (env) => isSet(env, 'TEST_REDIS_URL'),
  },
  slapd: {
    what: "OpenLDAP's slapd, slapadd and openssl",
    howTo: 'apt-get install slapd ldap-utils openssl',
    present: (env) => onPath(env, 'slapd', 'slapadd', 'openssl'),
  },
  dcmtk: {
    what: "dcmtk's worklist server wlmscpfs",
    howTo: 'apt-get install dcmtk',
    present: (env) => onPath(env, 'wlmscpfs'),
  },
  ippeveprinter: {
    what: "CUPS' ippeveprinter and dbus-daemon",
    howTo: 'apt-get install cups-ipp-utils dbus-daemon',
    present: (env) => onPath(env, 'ippeveprinter', 'dbus-daemon'),
  },
  promtool: {
    what: "Prometheus' promtool",
    howTo: 'apt-get install prometheus',
    present: (env) => onPath(env, 'promtool'),
  },
  nginx: {
    what: 'nginx and openssl',
    howTo: 'apt-get install nginx-light openssl, or set NGINX_PATH',
    present: (env) => isExecutable(env.NGINX_PATH ?? '/usr/sbin/nginx') && onPath(env, 'openssl'),
  },
  chromium: {
    what: 'Chromium',
    howTo: 'apt-get install chromium, or set CHROMIUM_PATH',
    present: (env) => isExecutable(env.CHROMIUM_PATH ?? '/usr/bin/chromium'),
  },
};

/** Whether missing peers are errors (CI) rather than skipped suites. */
export function testPeersRequired(env: NodeJS.ProcessEnv = process.env): boolean {
  return env.TRACERSHOP_TEST_PEERS === 'required';
}

/** Thrown where TRACERSHOP_TEST_PEERS=required and a peer is missing. */
export class MissingTestPeerError extends Error {}

function needsOf(missing: readonly TestPeerName[]): string {
  return missing.map((name) => `${PEERS[name].what} (${PEERS[name].howTo})`).join('; ');
}

function missingOf(peers: readonly TestPeerName[], env: NodeJS.ProcessEnv): TestPeerName[] {
  return peers.filter((name) => !PEERS[name].present(env));
}

/**
 * Why tests that need `peers` are skipped on this machine, for `describe.skipIf` and
 * `test.skip`: undefined when every peer is there. With TRACERSHOP_TEST_PEERS=required a
 * missing peer throws instead. Prints nothing: the suite's global set-up says it once
 * (announceTestPeers).
 */
export function missingTestPeers(
  peers: readonly TestPeerName[],
  env: NodeJS.ProcessEnv = process.env,
): string | undefined {
  const missing = missingOf(peers, env);
  if (missing.length === 0) {
    return undefined;
  }
  if (testPeersRequired(env)) {
    throw new MissingTestPeerError(
      `Missing ${needsOf(missing)}; TRACERSHOP_TEST_PEERS=required makes it an error`,
    );
  }
  return `needs ${needsOf(missing)}`;
}

/**
 * For a suite's global set-up: one printed line per missing peer, saying what it needs and
 * which tests are skipped for it (`skipped` by peer: "the LDAP tests"). With
 * TRACERSHOP_TEST_PEERS=required a missing peer throws and the suite fails.
 */
export function announceTestPeers(
  suite: string,
  skipped: Partial<Record<TestPeerName, string>>,
  env: NodeJS.ProcessEnv = process.env,
): void {
  const missing = missingOf(Object.keys(skipped) as TestPeerName[], env);
  if (missing.length > 0 && testPeersRequired(env)) {
    throw new MissingTestPeerError(
      `The ${suite} suite is missing ${needsOf(missing)}; TRACERSHOP_TEST_PEERS=required ` +
        'makes a missing peer an error',
    );
  }
  for (const name of missing) {
    console.log(
      `${suite}: skipping ${skipped[name] ?? 'the tests that need it'}: they need ` +
        `${PEERS[name].what} (${PEERS[name].howTo}).`,
    );
  }
}
