/**
 * Three api processes started at the same moment on the same empty databases (a site behind
 * a load balancer after a deploy): all come up and answer /healthz, the databases are
 * migrated once and seeded once. MariaDB/MySQL only (TEST_MYSQL_URL; CI sets it): several
 * instances on one SQLite file is not a production set-up.
 */
import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { MIGRATIONS, migrateUp, openDatabases, seedDemoSite } from '@tracershop/db';
import type { Databases } from '@tracershop/db';
import { createTestSite, missingTestPeers } from '@tracershop/db/testing';
import type { TestSite } from '@tracershop/db/testing';
import { Op, QueryTypes } from 'sequelize';
import type { Model, ModelStatic } from 'sequelize';
import { afterAll, describe, expect, it } from 'vitest';
import { eventually } from './liveClient';

const apiRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

interface Instance {
  process: ChildProcess;
  output: string[];
  url(): string | null;
}

function startInstance(site: TestSite): Instance {
  const output: string[] = [];
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
    cwd: apiRoot,
    env: {
      ...process.env,
      RECORD_DATABASE_URL: site.options.recordUrl,
      WEB_DATABASE_URL: site.options.webUrl,
      PORT: '0',
      HOST: '127.0.0.1',
      LOG_LEVEL: 'warn',
      REDIS_URL: '',
      TRACERSHOP_DRAIN_SECONDS: '0',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout?.on('data', (chunk: Buffer) => output.push(chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => output.push(chunk.toString()));
  return {
    process: child,
    output,
    url: () => /Tracershop is running at (http:\/\/\S+?)\/\s/.exec(output.join(''))?.[1] ?? null,
  };
}

/**
 * Rows of every record and web table, by table name, but what the running instances' own
 * background services write (their runs and the audit rows of the booking retention).
 */
async function rowCounts(db: Databases): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const model of Object.values(db.models) as ModelStatic<Model>[]) {
    const table = model.getTableName();
    const name = typeof table === 'string' ? table : table.tableName;
    if (name === 'service_runs') {
      continue;
    }
    counts[name] =
      name === 'audit_events'
        ? await model.count({ where: { action: { [Op.ne]: 'booking.retention' } } })
        : await model.count();
  }
  return counts;
}

describe.skipIf(missingTestPeers(['mariadb']) !== undefined)(
  '[URS-DAT-004] three instances starting together (mysql)',
  () => {
    const sites: TestSite[] = [];
    const instances: Instance[] = [];

    afterAll(async () => {
      for (const instance of instances) {
        instance.process.kill('SIGTERM');
      }
      await Promise.all(
        instances.map(
          (instance) =>
            new Promise<void>((resolve) => {
              if (instance.process.exitCode !== null) {
                resolve();
              } else {
                instance.process.once('exit', () => resolve());
              }
            }),
        ),
      );
      for (const site of sites) {
        await site.destroy();
      }
    });

    it('all answer /healthz; the databases are migrated and seeded exactly once', async () => {
      const site = await createTestSite('mysql');
      sites.push(site);
      instances.push(startInstance(site), startInstance(site), startInstance(site));
      await eventually(
        () =>
          instances.every((instance) => instance.url() !== null) ||
          instances.some((instance) => instance.process.exitCode !== null),
        90_000,
      );
      const problems = instances
        .filter((instance) => instance.process.exitCode !== null)
        .map((instance) => instance.output.join(''));
      expect(problems).toEqual([]);
      for (const instance of instances) {
        const health = await fetch(`${instance.url() ?? ''}/healthz`);
        expect(health.status).toBe(200);
      }

      const db = await openDatabases(site.options);
      try {
        for (const [name, sequelize] of [
          ['record', db.record],
          ['web', db.web],
        ] as const) {
          const applied = await sequelize.query<{ name: string }>(
            'SELECT name FROM schema_migrations ORDER BY name',
            { type: QueryTypes.SELECT },
          );
          expect(applied.map((row) => row.name)).toEqual(
            MIGRATIONS[name].map((migration) => migration.name).sort(),
          );
        }
        // Seeded once: every table holds what one seed of the same day writes.
        const reference = await createTestSite('mysql');
        sites.push(reference);
        const once = await openDatabases(reference.options);
        try {
          await migrateUp(once);
          await seedDemoSite(once, { now: new Date() });
          expect(await rowCounts(db)).toEqual(await rowCounts(once));
        } finally {
          await once.close();
        }
      } finally {
        await db.close();
      }
      // Three processes compiling TypeScript at once on a busy CI machine: up to 90 s to come
      // up (the wait above), then the checks.
    }, 150_000);
  },
);
