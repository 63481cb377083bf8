/**
 * A backup's or a restore's own MySQL connection that the server drops between statements
 * (a restart, a killed session) must not end the process: the next statement is refused in
 * words. Without TEST_MYSQL_URL there is no server to drop it, and the test is skipped.
 */
import mysql from 'mysql2/promise';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MigratedTestSite } from '../testing';
import { TEST_DIALECTS, createMigratedTestSite } from '../testing';
import { MysqlConnection } from './directConnection';

describe.skipIf(!TEST_DIALECTS.includes('mysql'))('a backup connection to MySQL', () => {
  let site: MigratedTestSite;

  beforeAll(async () => {
    site = await createMigratedTestSite('mysql');
  });

  afterAll(async () => {
    await site?.destroy();
  });

  it('dropped by the server, refuses its next statement in words', async () => {
    const target = site.databases.targets.record;
    if (target.dialect !== 'mysql') {
      throw new Error('expected a MySQL target');
    }
    const connection = await MysqlConnection.open(target);
    const [row] = await connection.all<{ id: number | string }>('SELECT CONNECTION_ID() AS id');
    const killer = await mysql.createConnection(process.env.TEST_MYSQL_URL ?? '');
    try {
      await killer.query(`KILL ${Number(row?.id)}`);
    } finally {
      await killer.end();
    }
    // The server's goodbye arrives as an 'error' event on an idle connection.
    await expect.poll(() => connection.open, { timeout: 5_000 }).toBe(false);
    await expect(connection.all('SELECT 1')).rejects.toThrow(/MySQL connection was lost/);
    await connection.close();
  });
});
