/**
 * Vitest's global set-up of the database suite: says when the MariaDB/MySQL runs are skipped
 * (no TEST_MYSQL_URL); an error instead where TRACERSHOP_TEST_PEERS=required (CI).
 */
import { announceTestPeers } from '../src/testPeers';

export default function announceDatabaseTestPeers(): void {
  announceTestPeers('db', { mariadb: 'the MariaDB/MySQL runs (every test still runs on SQLite)' });
}
