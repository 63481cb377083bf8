/**
 * Playwright's global set-up of the browser suite: one line for each outside peer this machine
 * lacks, saying which tests are skipped for it; an error instead where
 * TRACERSHOP_TEST_PEERS=required (CI). See @tracershop/db/testing's testPeers.
 */
import { announceTestPeers } from '@tracershop/db/testing';

export default function announceBrowserTestPeers(): void {
  announceTestPeers('e2e', {
    chromium: 'every browser test',
    nginx: 'the test behind nginx with TLS',
    mariadb: 'the test behind nginx with TLS (two instances on MariaDB)',
    redis: 'the test behind nginx with TLS (two instances sharing events through Redis)',
    ippeveprinter: 'the certificate print from the order dialog (orderDialogActions)',
  });
}
