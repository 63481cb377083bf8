/**
 * The library as people outside the repository get it: `npm pack` of this package, installed
 * with npm in an empty folder, its shipped examples run there with the Node.js that runs this
 * test (`process.execPath`, so the Node 20 and the Node 24 runs of the suites both cover it).
 *
 * Needs the built `dist/` (turbo runs `build` before this package's `test`), npm, and the npm
 * registry for the dependencies (zod, temporal-polyfill).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

// Core's tsconfig leaves Node.js's types out (`types: []`), so that the library's sources cannot
// reach Node's globals. This test types the few parts of Node.js it uses itself.
interface ExecOptions {
  cwd: string;
  env?: Record<string, string | undefined>;
  maxBuffer?: number;
  timeout?: number;
}
interface ChildProcessModule {
  execFile(
    file: string,
    args: readonly string[],
    options: ExecOptions,
    callback: (error: Error | null, stdout: string, stderr: string) => void,
  ): unknown;
}
interface DirectoryEntry {
  name: string;
  isDirectory(): boolean;
}
interface FsModule {
  existsSync(path: string): boolean;
  promises: {
    copyFile(from: string, to: string): Promise<void>;
    mkdir(path: string): Promise<unknown>;
    mkdtemp(prefix: string): Promise<string>;
    readFile(path: string, encoding: 'utf8'): Promise<string>;
    readdir(path: string, options: { withFileTypes: true }): Promise<DirectoryEntry[]>;
    rm(path: string, options: { recursive: true; force: true }): Promise<void>;
  };
}
interface PathModule {
  join(...parts: string[]): string;
  resolve(...parts: string[]): string;
  dirname(path: string): string;
}

/** A Node.js built-in module, with the type the caller gives it. */
async function nodeModule<T>(name: string): Promise<T> {
  return (await import(`node:${name}`)) as T;
}

const childProcess = await nodeModule<ChildProcessModule>('child_process');
const fs = await nodeModule<FsModule>('fs');
const { copyFile, mkdir, mkdtemp, readFile, readdir, rm } = fs.promises;
const path = await nodeModule<PathModule>('path');
const { tmpdir } = await nodeModule<{ tmpdir(): string }>('os');
const { fileURLToPath } = await nodeModule<{ fileURLToPath(url: string): string }>('url');
const nodeProcess = (
  globalThis as unknown as {
    process: { env: Record<string, string | undefined>; execPath: string };
  }
).process;

/** Runs a program; its standard output, or an error with its standard error. */
function run(file: string, args: readonly string[], options: ExecOptions): Promise<string> {
  return new Promise((resolve, reject) => {
    childProcess.execFile(file, args, options, (error, stdout, stderr) => {
      if (error === null) {
        resolve(stdout);
      } else {
        reject(new Error(`${file} ${args.join(' ')} failed: ${error.message}\n${stderr}`));
      }
    });
  });
}

const testFile = fileURLToPath((import.meta as unknown as { url: string }).url);
const packageDir = path.dirname(path.dirname(testFile));
const examplesDir = path.join(packageDir, 'examples');

/** Installing from the registry may take a while on a cold cache. */
const SETUP_TIMEOUT_MS = 240_000;
const RUN_TIMEOUT_MS = 60_000;

/**
 * Key lines of each example's output, exactly. The figures are those of core's own tests:
 * decay and need from physics.test.ts and deliveredActivity.test.ts (A·2^(±Δt/T), F-18
 * T = 6586.2 s), deadlines from deadlines.test.ts, ISO week parity from schedule.test.ts, the
 * VAL file from valFile.test.ts, the HL7 message and its ACK from hl7.test.ts.
 */
const EXPECTED_LINES: Record<string, readonly string[]> = {
  'fdg-need.mjs': [
    'FDG delivered 2026-11-23 at 07:45:00:',
    '  300 MBq at 08:15:00 needs 362.6 MBq at delivery',
    '  300 MBq at 08:45:00 needs 438.2 MBq at delivery',
    '  250 MBq at 09:30:00 needs 485.2 MBq at delivery',
    '  300 MBq at 10:15:00 needs 773.5 MBq at delivery',
    '  400 MBq at 11:00:00 needs 1370.3 MBq at delivery',
    'Order 3429 MBq.',
  ],
  'vial-decay.mjs': [
    'F-18 vial of 2257 MBq filled 2026-12-07 07:10:00 (half-life 6586.2 s):',
    '  at 08:00:00, 3000 s after filling: 1645.94 MBq',
    '  at 09:00:00, 6600 s after filling: 1126.86 MBq',
    '  at 12:00:00, 17400 s after filling: 361.61 MBq',
    '  1200 MBq filled 07:10:00 -> 875.11 MBq',
    '  1057 MBq filled 07:40:00 -> 931.60 MBq',
    '  together 1806.71 MBq (screens show 1806 MBq)',
    'A vial filled at 08:30:00, after the delivery, counts as filled: 500.00 MBq',
  ],
  'order-deadline.mjs': [
    '  ordering for 2024-12-03 closes at 2024-12-02 13:00:00',
    '  at 2024-12-02 11:59:30 ordering for 2024-12-03 is open (3630 s left)',
    '  at 2024-12-02 13:00:00 ordering for 2024-12-03 is open (0 s left)',
    '  at 2024-12-02 13:00:01 ordering for 2024-12-03 is closed',
    '  ordering for 2018-03-21 closes at 2018-03-15 13:00:00',
    '  at 2018-03-15 12:59:59 ordering for 2018-03-21 is open (1 s left)',
    '  at 2018-03-16 08:00:00 ordering for 2018-03-21 is closed',
    '  at 2024-01-01 00:00:00 ordering for 2024-12-24 is closed',
  ],
  'slot-delivers.mjs': [
    '2018-03-12 (Monday, ISO week 11, odd): Monday every week, Monday odd weeks',
    '2024-12-23 (Monday, ISO week 52, even): Monday every week, Monday even weeks',
    '2024-12-30 (Monday, ISO week 1, odd): Monday every week, Monday odd weeks',
    '2020-12-31 (Thursday, ISO week 53, odd): Thursday odd weeks',
    '2021-01-04 (Monday, ISO week 1, odd): Monday every week, Monday odd weeks',
  ],
  'parse-val-file.mjs': [
    '  dispenser id (customer): 1',
    '  lot number:              FDGF-240124-1',
    '  fill date and time:      2024-01-24 08:45:05',
    '  activity:                13233 MBq',
    '  volume:                  7.89 ml',
    '  lot number valid:        true',
    '  {"dispenserId":null,"lotNumber":"FDGF-240124-2","fillDate":null,"fillTime":null,"activity":null,"volume":null}',
  ],
  'parse-hl7-orm.mjs': [
    'Message MSG00001:',
    '  book REGHXXXX1111: WBPCTFDG (PET/CT, FDG hele kroppen) in KFNM-PET1 on 2024-09-24 at 08:15:00',
    '  book REGHXXXX2222: WBPCTPSMA (PET/CT, PSMA) in KFNM-PET2 on 2024-09-24 at 11:30:00',
    '  delete DKREGHXXXXXX9112',
    'Not an order message: []',
    '  MSH|^~\\&|IBC-606|Veenstra|Sectra|Sectra RIS|20240923130614||ACK^O01|MSG00001-ACK|P|2.3.1',
    '  MSA|AA|MSG00001',
  ],
};

/**
 * The environment for npm: this test's own, without what `npm run` sets for the workspace it
 * runs in (which would make npm work on the repository instead of the empty folder).
 */
function npmEnvironment(): Record<string, string | undefined> {
  const env = { ...nodeProcess.env };
  for (const key of Object.keys(env)) {
    if (
      /^npm_(package_|lifecycle_|command$|config_(local_prefix|workspaces?|include_workspace_root)$)/i.test(
        key,
      )
    ) {
      delete env[key];
    }
  }
  return env;
}

function npm(args: readonly string[], cwd: string): Promise<string> {
  return run('npm', args, { cwd, env: npmEnvironment(), maxBuffer: 16 * 1024 * 1024 });
}

/** Runs a script with this test's Node.js; its standard output as lines. */
async function node(args: readonly string[], cwd: string): Promise<string[]> {
  const stdout = await run(nodeProcess.execPath, args, { cwd, timeout: RUN_TIMEOUT_MS });
  return stdout.split(/\r?\n/);
}

/** Every file under `dir`, relative to it, `/`-separated. */
async function filesUnder(dir: string, prefix = ''): Promise<string[]> {
  const files: string[] = [];
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const relative = prefix === '' ? entry.name : `${prefix}/${entry.name}`;
    if (entry.isDirectory()) {
      files.push(...(await filesUnder(path.join(dir, entry.name), relative)));
    } else {
      files.push(relative);
    }
  }
  return files.sort();
}

/** The module specifiers a JavaScript or declaration file imports or re-exports. */
function specifiersOf(source: string): string[] {
  const found = new Set<string>();
  const patterns = [
    /\b(?:import|export)\s[^'";]*?\bfrom\s*['"]([^'"]+)['"]/g,
    /\bimport\s*['"]([^'"]+)['"]/g,
    /\bimport\(\s*['"]([^'"]+)['"]\s*\)/g,
    /\brequire\(\s*['"]([^'"]+)['"]\s*\)/g,
  ];
  for (const pattern of patterns) {
    for (const match of source.matchAll(pattern)) {
      found.add(match[1] as string);
    }
  }
  return [...found];
}

/** `zod` of `zod/v4`, `@scope/name` of `@scope/name/sub`. */
function packageNameOf(specifier: string): string {
  const parts = specifier.split('/');
  return specifier.startsWith('@') ? parts.slice(0, 2).join('/') : (parts[0] as string);
}

const examples = (await readdir(examplesDir, { withFileTypes: true }))
  .map((entry) => entry.name)
  .filter((name) => name.endsWith('.mjs'))
  .sort();

let workDir = '';
let appDir = '';
let installedDir = '';
let shippedFiles: string[] = [];
let repoManifest: { version: string; dependencies: Record<string, string> };

beforeAll(async () => {
  if (!fs.existsSync(path.join(packageDir, 'dist', 'index.js'))) {
    throw new Error(
      'packages/core/dist is missing: build first (npx turbo run build --filter=@tracershop/core)',
    );
  }
  repoManifest = JSON.parse(await readFile(path.join(packageDir, 'package.json'), 'utf8'));
  workDir = await mkdtemp(path.join(tmpdir(), 'tracershop-core-packed-'));
  const packDir = path.join(workDir, 'pack');
  appDir = path.join(workDir, 'app');
  await mkdir(packDir);
  await mkdir(appDir);

  const packed = JSON.parse(
    await npm(['pack', '--json', '--pack-destination', packDir], packageDir),
  );
  const tarball = path.join(packDir, packed[0].filename as string);
  await npm(['init', '-y'], appDir);
  await npm(['install', '--no-audit', '--no-fund', '--prefer-offline', tarball], appDir);

  installedDir = path.join(appDir, 'node_modules', '@tracershop', 'core');
  shippedFiles = await filesUnder(installedDir);
  // The examples as a user finds them in the package, next to their node_modules.
  for (const example of examples) {
    await copyFile(path.join(installedDir, 'examples', example), path.join(appDir, example));
  }
}, SETUP_TIMEOUT_MS);

afterAll(async () => {
  if (workDir !== '') {
    await rm(workDir, { recursive: true, force: true });
  }
});

describe('the packed @tracershop/core', () => {
  it('is a public, versioned package for Node.js 20.19 and later', async () => {
    const manifest = JSON.parse(await readFile(path.join(installedDir, 'package.json'), 'utf8'));
    expect(manifest.private).toBeUndefined();
    expect(manifest.version).toBe(repoManifest.version);
    expect(manifest.license).toBe('UNLICENSED');
    expect(manifest.engines).toEqual({ node: '>=20.19' });
    expect(manifest.type).toBe('module');
    expect(manifest.exports['.']).toEqual({
      types: './dist/index.d.ts',
      import: './dist/index.js',
    });
  });

  it('ships the build, the examples, the README and the changelog, and no tests', () => {
    expect(shippedFiles).toEqual(
      expect.arrayContaining([
        'CHANGELOG.md',
        'README.md',
        'dist/index.d.ts',
        'dist/index.js',
        ...examples.map((example) => `examples/${example}`),
      ]),
    );
    expect(shippedFiles.filter((file) => /\.test\.ts$|^test\//.test(file))).toEqual([]);
  });

  it('refers only to its dependencies and to files it ships', async () => {
    const dependencies = Object.keys(repoManifest.dependencies);
    const problems: string[] = [];
    for (const file of shippedFiles.filter((name) => name.startsWith('dist/'))) {
      const source = await readFile(path.join(installedDir, file), 'utf8');
      const base = path.dirname(path.join(installedDir, file));
      const references = file.endsWith('.map')
        ? (JSON.parse(source).sources as string[])
        : specifiersOf(source);
      const mapUrl = /^\/\/# sourceMappingURL=(\S+)\s*$/m.exec(source)?.[1];
      if (mapUrl !== undefined) {
        references.push(mapUrl);
      }
      for (const reference of references) {
        const isPath = file.endsWith('.map') || reference === mapUrl || reference.startsWith('.');
        if (isPath) {
          if (!fs.existsSync(path.resolve(base, reference))) {
            problems.push(`${file} refers to ${reference}, which the package does not ship`);
          }
        } else if (!dependencies.includes(packageNameOf(reference))) {
          problems.push(`${file} imports ${reference}, which is not a dependency`);
        }
      }
    }
    expect(problems).toEqual([]);
  });

  it('is importable by name from the folder it is installed in', async () => {
    const lines = await node(
      [
        '--input-type=module',
        '--eval',
        [
          "const core = await import('@tracershop/core');",
          'console.log(typeof core.calculateActivity, typeof core.parseValFile,',
          "  core.OrderStatus.Released, typeof core.activityOrderCreateInput.safeParse, core.lotDateCode('2024-12-02'));",
        ].join('\n'),
      ],
      appDir,
    );
    expect(lines[0]).toBe('function function 3 function 241202');
  });

  it('has expectations for every example it ships', () => {
    expect(examples).toEqual(Object.keys(EXPECTED_LINES).sort());
  });

  it.each(examples)(
    'runs examples/%s from the installed package',
    async (example) => {
      const lines = await node([example], appDir);
      for (const line of EXPECTED_LINES[example] ?? []) {
        expect(lines).toContain(line);
      }
    },
    RUN_TIMEOUT_MS,
  );

  it.each(examples)(
    'runs examples/%s in the repository after the build',
    async (example) => {
      const lines = await node([path.join('examples', example)], packageDir);
      for (const line of EXPECTED_LINES[example] ?? []) {
        expect(lines).toContain(line);
      }
    },
    RUN_TIMEOUT_MS,
  );
});
