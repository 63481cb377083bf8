/**
 * `npm run dev` (README, "Working on Tracershop") brings up a hot-reloading system: the api in
 * watch mode on :8080 and both apps' Vite dev servers (:5173/shop/, :5174/production/), which
 * pass calls and live events on to the api. This test starts the command as a developer does,
 * on a data folder of its own, logs in through the production app's dev server, then changes a
 * source file of the app (the page is updated in place) and one of the api (the api restarts),
 * and puts both files back as they were.
 */
import type { ChildProcess } from 'node:child_process';
import { execFileSync, spawn } from 'node:child_process';
import { appendFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { missingTestPeers } from '@tracershop/db/testing';
import { DEMO_PASSWORD } from '../../apps/api/test/testApi';
import { expect, test } from './fixtures';

const root = fileURLToPath(new URL('../../', import.meta.url));
const API = 'http://localhost:8080';
const SHOP = 'http://localhost:5173/shop/';
const PRODUCTION = 'http://localhost:5174/production/';
/** What the api prints each time it has started. */
const STARTED = 'Tracershop is running at';

/** Changes `file` (a comment at its end) until `restore()` puts it back byte for byte. */
function touched(relativePath: string) {
  const file = join(root, relativePath);
  const original = readFileSync(file);
  return {
    change: () => appendFileSync(file, `\n// dev loop test ${Date.now()}\n`),
    restore: () => writeFileSync(file, original),
  };
}

const URLS = [`${API}/healthz`, SHOP, PRODUCTION];

/** Sends `name` to a process (group), which may have ended already. */
function signal(pid: number, name: NodeJS.Signals): void {
  try {
    process.kill(pid, name);
  } catch {
    // gone already
  }
}

/** The ids of every process below `root`, from `ps`. */
function descendantsOf(root: number): number[] {
  const children = new Map<number, number[]>();
  for (const line of execFileSync('ps', ['-eo', 'pid=,ppid='], { encoding: 'utf8' }).split('\n')) {
    const [pid, ppid] = line.trim().split(/\s+/).map(Number);
    if (pid !== undefined && ppid !== undefined && !Number.isNaN(pid)) {
      children.set(ppid, [...(children.get(ppid) ?? []), pid]);
    }
  }
  const found: number[] = [];
  const visit = (pid: number) => {
    for (const child of children.get(pid) ?? []) {
      found.push(child);
      visit(child);
    }
  };
  visit(root);
  return found;
}

async function answers(url: string): Promise<boolean> {
  try {
    const response = await fetch(url, { signal: AbortSignal.timeout(2_000) });
    return response.ok;
  } catch {
    return false;
  }
}

test.describe('npm run dev', () => {
  let dev: ChildProcess | undefined;
  let dataDir = '';
  let output = '';
  const files = [
    touched('apps/production/src/session/LoginRoute.tsx'),
    touched('apps/api/src/main.ts'),
  ];

  test.beforeAll(() => {
    dataDir = mkdtempSync(join(tmpdir(), 'tracershop-dev-'));
  });

  test.afterAll(async () => {
    for (const file of files) {
      file.restore();
    }
    if (dev?.pid !== undefined) {
      // Every process of the tree, known before it is stopped: turbo runs each task in a
      // process group of its own, out of reach of a signal to ours.
      const tree = descendantsOf(dev.pid);
      // Ctrl-C, as a developer stops it: turbo passes it on to every task and waits for them;
      // then nothing answers on the three ports.
      signal(-dev.pid, 'SIGINT');
      await expect
        .poll(async () => (await Promise.all(URLS.map(answers))).some(Boolean), {
          timeout: 30_000,
          message: 'npm run dev still answers after Ctrl-C',
        })
        .toBe(false);
      signal(-dev.pid, 'SIGKILL');
      // A watcher that did not stop with the rest (tsup now and then) must not outlive the test.
      for (const pid of tree) {
        signal(pid, 'SIGKILL');
      }
    }
    rmSync(dataDir, { recursive: true, force: true });
  });

  test('brings up a hot-reloading system', async ({ page }) => {
    const missing = missingTestPeers(['chromium']);
    test.skip(missing !== undefined, missing);
    test.setTimeout(300_000);
    // The three ports must be free: a developer's own `npm run dev` would answer instead.
    for (const url of URLS) {
      expect(await answers(url), `${url} is already taken`).toBe(false);
    }

    dev = spawn('npm', ['run', 'dev'], {
      cwd: root,
      detached: true, // its own process group, so all of it can be stopped
      // dev.env gives the api its defaults; the environment wins over it.
      env: { ...process.env, TRACERSHOP_DATA_DIR: dataDir, FORCE_COLOR: '0' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const collect = (chunk: Buffer) => {
      output += chunk.toString('utf8');
    };
    dev.stdout?.on('data', collect);
    dev.stderr?.on('data', collect);

    await test.step('the api and both dev servers answer', async () => {
      for (const url of URLS) {
        await expect
          .poll(() => answers(url), { timeout: 180_000, message: `${url}\n${output}` })
          .toBe(true);
      }
    });

    const updates: string[] = [];
    page.on('console', (message) => {
      if (message.text().startsWith('[vite]')) {
        updates.push(message.text());
      }
    });

    await test.step('the production app logs in through its dev server', async () => {
      await page.goto(`${PRODUCTION}login`);
      await page.getByRole('textbox', { name: 'Brugernavn' }).fill('prod-user');
      await page.getByLabel('Kodeord').fill(DEMO_PASSWORD);
      await page.getByRole('button', { name: 'Log ind' }).click();
      await expect(page.getByRole('heading', { name: /^Ordrer for den / })).toBeVisible({
        timeout: 60_000,
      });
      await expect.poll(() => updates.join('\n')).toContain('[vite] connected');
    });

    await test.step('a changed app source updates the open page', async () => {
      files[0]?.change();
      await expect
        .poll(() => updates.join('\n'), { timeout: 30_000 })
        .toMatch(/\[vite\] (hot updated|page reload).*LoginRoute\.tsx/);
      await expect(page.getByRole('heading', { name: /^Ordrer for den / })).toBeVisible();
    });

    await test.step('a changed api source restarts the api', async () => {
      const before = output.split(STARTED).length;
      files[1]?.change();
      await expect
        .poll(() => output.split(STARTED).length, { timeout: 60_000, message: output })
        .toBeGreaterThan(before);
      await expect.poll(() => answers(`${API}/healthz`), { timeout: 30_000 }).toBe(true);
    });
  });
});
