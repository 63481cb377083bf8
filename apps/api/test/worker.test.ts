/**
 * A background service alone in its own process (`tracershop worker vials`), sharing events
 * with the api through Redis: a VAL file dropped into the worker's folder becomes a vial that
 * the api's subscribers see. Runs when TEST_REDIS_URL is set (CI sets it).
 */
import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { missingTestPeers } from '@tracershop/db/testing';
import { collectEvents, eventually, upsertedRows } from './liveClient';
import { startTestApi } from './testApi';

const redisUrl = process.env.TEST_REDIS_URL;
const apiRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** A VAL file as the dispenser writes it (latin-1, CRLF). */
function valFile(lot: string): Buffer {
  const lines = [
    'customer:   1-Rigshospitalet',
    `charge:     ${lot}`,
    'filldate:   23.11.26',
    'filltime:   07:12:30',
    'activity:   13233 MBq;',
    'volume:     7,89 ml',
  ];
  return Buffer.from(`${lines.join('\r\n')}\r\n`, 'latin1');
}

describe.skipIf(missingTestPeers(['redis']) !== undefined)(
  'tracershop worker vials (sqlite)',
  () => {
    it("[URS-VIA-010] imports a dropped file in its own process; the api's subscribers see the vial", async () => {
      const redisPrefix = `test-${randomUUID()}`;
      const api = await startTestApi({
        dialect: 'sqlite',
        config: { redisUrl: redisUrl ?? null, redisPrefix },
      });
      const folder = await mkdtemp(path.join(tmpdir(), 'tracershop-worker-'));
      const output: string[] = [];
      const worker = spawn(process.execPath, ['--import', 'tsx', 'src/cli.ts', 'worker', 'vials'], {
        cwd: apiRoot,
        env: {
          ...process.env,
          TRACERSHOP_DATA_DIR: api.databaseOptions?.dataDir,
          REDIS_URL: redisUrl,
          TRACERSHOP_REDIS_PREFIX: redisPrefix,
          VIAL_WATCH_DIR: folder,
          LOG_LEVEL: 'info',
        },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      worker.stdout.on('data', (chunk: Buffer) => output.push(chunk.toString()));
      worker.stderr.on('data', (chunk: Buffer) => output.push(chunk.toString()));
      const exited = new Promise<number | null>((resolve) => worker.on('exit', resolve));
      try {
        await eventually(() => output.join('').includes('worker running'), 30_000);
        const watcher = collectEvents(await api.loginAs('prod-user'));
        await watcher.started;
        const lot = 'FDG-261123-7';
        await writeFile(path.join(folder, 'VAL9001'), valFile(lot));
        await eventually(
          () =>
            upsertedRows<{ lotNumber: string }>(watcher.events, 'Vial').some(
              (vial) => vial.lotNumber === lot,
            ),
          15_000,
        );
        const vials = await api.db.models.Vial.findAll({ where: { lotNumber: lot } });
        expect(vials).toHaveLength(1);
        expect(vials[0]?.activity).toBe(13233);
        expect(vials[0]?.volume).toBeCloseTo(7.89, 5);
        watcher.stop();
      } finally {
        worker.kill('SIGTERM');
        expect(await exited).toBe(0);
        await api.close();
        await rm(folder, { recursive: true, force: true });
      }
    }, 90_000);
  },
);
