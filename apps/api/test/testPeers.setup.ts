/**
 * Vitest's global set-up of the api suite: one line for each outside peer this machine lacks,
 * saying which tests are skipped for it; an error instead where TRACERSHOP_TEST_PEERS=required
 * (CI). See @tracershop/db/testing's testPeers.
 */
import { announceTestPeers } from '@tracershop/db/testing';

export default function announceApiTestPeers(): void {
  announceTestPeers('api', {
    mariadb: 'the MariaDB/MySQL runs (every test still runs on SQLite)',
    redis: 'the tests of instances and workers that share events through Redis',
    slapd: 'the directory login (LDAP) tests',
    dcmtk: 'the DICOM worklist tests',
    ippeveprinter: 'the printing tests',
    promtool: 'the checks of /metrics with Prometheus’ own parser',
  });
}
