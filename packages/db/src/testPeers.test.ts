/**
 * Which outside peers a machine lacks, read from an environment given to the functions: a
 * program counts only when it is an executable file on PATH, a server only when its URL is
 * set; a missing peer is a skip with a sentence, or an error where TRACERSHOP_TEST_PEERS is
 * `required`.
 */
import { chmod, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { MissingTestPeerError, announceTestPeers, missingTestPeers } from './testPeers';

describe('test peers', () => {
  let bin: string;

  beforeAll(async () => {
    bin = await mkdtemp(path.join(tmpdir(), 'tracershop-test-peers-'));
    await writeFile(path.join(bin, 'wlmscpfs'), '#!/bin/sh\n');
    await chmod(path.join(bin, 'wlmscpfs'), 0o755);
    // Present but not executable: not a peer.
    await writeFile(path.join(bin, 'promtool'), '');
  });

  afterAll(async () => {
    await rm(bin, { recursive: true, force: true });
  });

  it('finds programs on PATH and servers by their URL', () => {
    const env = { PATH: `/nowhere${path.delimiter}${bin}`, TEST_MYSQL_URL: 'mysql://x/' };
    expect(missingTestPeers(['dcmtk', 'mariadb'], env)).toBeUndefined();
  });

  it('names what is missing and how to provide it', () => {
    const env = { PATH: bin, TEST_MYSQL_URL: '' };
    expect(missingTestPeers(['dcmtk', 'promtool', 'mariadb'], env)).toBe(
      "needs Prometheus' promtool (apt-get install prometheus); a MariaDB/MySQL server " +
        '(set TEST_MYSQL_URL, e.g. mysql://root@127.0.0.1:3306/)',
    );
    expect(missingTestPeers(['chromium'], { CHROMIUM_PATH: path.join(bin, 'wlmscpfs') })).toBe(
      undefined,
    );
  });

  it('makes a missing peer an error where they are required', () => {
    const env = { PATH: bin, TRACERSHOP_TEST_PEERS: 'required' };
    expect(missingTestPeers(['dcmtk'], env)).toBeUndefined();
    expect(() => missingTestPeers(['redis'], env)).toThrow(MissingTestPeerError);
    expect(() => announceTestPeers('api', { redis: 'the Redis tests' }, env)).toThrow(
      /The api suite is missing a Redis server/,
    );
  });

  it('announces one line per missing peer', () => {
    const log = vi.spyOn(console, 'log').mockImplementation(() => undefined);
    try {
      announceTestPeers(
        'api',
        { dcmtk: 'the worklist tests', slapd: 'the LDAP tests', redis: 'the Redis tests' },
        { PATH: bin, TEST_REDIS_URL: 'redis://x' },
      );
      expect(log.mock.calls).toEqual([
        [
          "api: skipping the LDAP tests: they need OpenLDAP's slapd, slapadd and openssl " +
            '(apt-get install slapd ldap-utils openssl).',
        ],
      ]);
    } finally {
      log.mockRestore();
    }
  });
});
