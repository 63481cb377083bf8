import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { missingTestPeers } from '@tracershop/db/testing';
import { PDFParse } from 'pdf-parse';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunEnvironment } from '../src/runEnvironment';
import type { RunRecord } from '../src/suiteRuns';
import type { GeneratedReport } from '../src/validationReport';
import { defaultReportPaths, generateReport } from '../src/validationReport';
import { playwrightReport, requirementsMarkdown, tag, vitestReport } from './resultFixtures';

/** A 2 × 2 PNG, the smallest screenshot. */
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAIAAAACCAIAAAD91JpzAAAAEElEQVR4nGNQSFgARAwQCgAdjgSBQe+XXgAAAABJRU5ErkJggg==',
  'base64',
);

const ENVIRONMENT: RunEnvironment = {
  system: {
    name: 'Tracershop',
    version: '0.1.0',
    commit: '0123456789abcdef0123456789abcdef01234567',
    commitDate: '2026-12-07T05:00:00+01:00',
    branch: 'main',
    uncommitted: [' M apps/api/src/server.ts'],
  },
  machine: {
    hostname: 'ci-1',
    os: 'Debian GNU/Linux 12',
    cpus: '2 × EPYC',
    memory: '8.0 GiB',
    user: 'ci',
  },
  timeZone: 'Europe/Copenhagen',
  software: [
    { name: 'Node.js', version: 'v20.20.2' },
    { name: 'MariaDB / MySQL', version: '10.11.19-MariaDB-0+deb12u1' },
    { name: 'Chromium', version: 'Chromium 156.0.8078.114 built on Debian GNU/Linux 12' },
  ],
};

let root: string;

async function write(file: string, content: string | Buffer): Promise<void> {
  await mkdir(path.dirname(path.join(root, file)), { recursive: true });
  await writeFile(path.join(root, file), content);
}

async function pdfText(file: string): Promise<string> {
  const parser = new PDFParse({ data: new Uint8Array(await readFile(file)) });
  try {
    return (await parser.getText()).text.replace(/\s+/g, ' ');
  } finally {
    await parser.destroy();
  }
}

/**
 * A repository of one run: the core suite passes one requirement and fails another, the
 * browser suite proves the release and stops before its last step; one requirement has no
 * test at all.
 */
async function writeRun(): Promise<void> {
  await write(
    'docs/validation/requirements.md',
    requirementsMarkdown([
      {
        name: 'Ordering',
        prefix: 'URS-ORD',
        rows: [
          { id: 'URS-ORD-001', text: 'Orders activity in `MBq`.', risk: 'medium' },
          {
            id: 'URS-ORD-002',
            text: 'Refuses an order above the limit.',
            risk: 'high',
            regulation: 'Annex 11 §6',
          },
          { id: 'URS-ORD-003', text: 'Mass orders the day’s bookings.', risk: 'low' },
        ],
      },
      {
        name: 'Release and signature',
        prefix: 'URS-REL',
        rows: [
          {
            id: 'URS-REL-001',
            text: 'Signs the release with the password.',
            risk: 'high',
            regulation: 'Annex 11 §14',
          },
          { id: 'URS-REL-002', text: 'Shows the certificate.', risk: 'medium' },
        ],
      },
    ]),
  );
  await write(
    'docs/user-guide-production.md',
    '![A wrong password changes nothing](images/gmp-05-wrong-password.png)\n',
  );
  await write('e2e/artifacts/gmp-05-wrong-password.png', PNG);
  await write('e2e/artifacts/production-01-orders.png', PNG);
  await write(
    'packages/core/src/ordering.test.ts',
    `it('${tag('URS-ORD-001')} orders', () => {});\nit('${tag('URS-ORD-002')} limits', () => {});\n`,
  );
  const gmpDaySource = [
    "test('a GMP day', async () => {",
    `  await test.step('${tag('URS-REL-001')} signs', async () => {});`,
    `  await test.step('${tag('URS-REL-002')} shows the certificate', async () => {});`,
    '});',
  ];
  await write('e2e/test/gmpDay.spec.ts', gmpDaySource.join('\n'));

  const results = path.join(root, 'validation/results');
  await write(
    'validation/results/core.json',
    JSON.stringify(
      vitestReport({
        [path.join(root, 'packages/core/src/ordering.test.ts')]: [
          { titles: ['ordering', `${tag('URS-ORD-001')} orders 300 MBq`], status: 'passed' },
          ...[1, 2, 3, 4, 5, 6].map((n) => ({
            titles: ['figures', `${tag('URS-ORD-001')} reads case ${n}`],
            status: 'passed' as const,
          })),
          {
            titles: ['ordering', `${tag('URS-ORD-002')} refuses 999 999 999 MBq`],
            status: 'failed',
            failure: 'AssertionError: expected LIMIT_ACTIVITY_PER_ORDER',
          },
        ],
      }),
    ),
  );
  await write(
    'validation/results/e2e.json',
    JSON.stringify(
      playwrightReport(path.join(root, 'e2e/test'), {
        'gmpDay.spec.ts': [
          {
            title: 'a GMP day',
            line: 1,
            status: 'unexpected',
            error: 'Timed out waiting for the certificate link',
            steps: [{ title: `${tag('URS-REL-001')} signs with the password` }],
          },
        ],
      }),
    ),
  );
  const run: RunRecord = {
    command: 'npm run validation',
    startedAt: new Date(Date.now() - 60_000).toISOString(),
    finishedAt: new Date().toISOString(),
    environment: ENVIRONMENT,
    suites: [
      { name: 'core', exitCode: 1, durationMs: 4_000, resultsFile: 'validation/results/core.json' },
      { name: 'e2e', exitCode: 1, durationMs: 95_000, resultsFile: 'validation/results/e2e.json' },
    ],
  };
  await writeFile(path.join(results, 'run.json'), JSON.stringify(run));
}

let generated: GeneratedReport;
let html: string;
const chromiumMissing = missingTestPeers(['chromium']);
const withChromium = chromiumMissing === undefined;
if (chromiumMissing !== undefined) {
  console.log(`validation: skipping the report's PDF: it ${chromiumMissing}.`);
}

beforeAll(async () => {
  root = await mkdtemp(path.join(tmpdir(), 'validation-report-'));
  await writeRun();
  generated = await generateReport(defaultReportPaths(root), {
    pdf: withChromium,
    command: 'npm run validation:report',
  });
  html = await readFile(generated.htmlFile, 'utf8');
});

afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

describe('the OQ report', () => {
  it('writes validation/report.html and report.pdf', () => {
    expect(generated.htmlFile).toBe(path.join(root, 'validation/report.html'));
    expect(generated.pdfFile).toBe(withChromium ? path.join(root, 'validation/report.pdf') : null);
  });

  it('gives each requirement the verdict of its tests', () => {
    expect(
      Object.fromEntries(generated.matrix.rows.map((row) => [row.requirement.id, row.verdict])),
    ).toEqual({
      'URS-ORD-001': 'passed',
      'URS-ORD-002': 'failed',
      'URS-ORD-003': 'untested',
      'URS-REL-001': 'passed',
      // The step naming it was never reached: the test failed before it.
      'URS-REL-002': 'failed',
    });
    expect(generated.matrix.problems).toEqual([
      'URS-ORD-002 (high risk): a test that proves it failed.',
      'URS-REL-002 (medium risk): a test that proves it failed.',
    ]);
  });

  it('says FAIL and lists the requirements without a passing test, untested first, in red', () => {
    expect(html).toContain('<p class="outcome-word">FAIL</p>');
    const open = html.slice(html.indexOf('id="open"'), html.indexOf('id="matrix"'));
    const order = ['URS-ORD-003', 'URS-ORD-002', 'URS-REL-002'].map((id) =>
      open.indexOf(`#${id}"`),
    );
    expect(order.every((index) => index > 0)).toBe(true);
    expect(order).toEqual([...order].sort((a, b) => a - b));
    expect(open).toContain('<tr class="row-untested"><td><a href="#URS-ORD-003">');
    expect(html).toMatch(
      /tr\.row-failed td, tr\.row-untested td, tr\.row-not-run td \{ background: #fdecec; \}/,
    );
  });

  it('shows each requirement with its tests and their results, and the failures', () => {
    const row = (id: string) => {
      const start = html.indexOf(`<tr class="row-`, html.indexOf(`id="${id}"`) - 40);
      return html.slice(start, html.indexOf('</tr>', start));
    };
    expect(row('URS-ORD-001')).toContain('core · unit · packages/core/src/ordering.test.ts');
    expect(row('URS-ORD-001')).toContain('ordering › orders 300 MBq');
    expect(row('URS-ORD-001')).toContain('<span class="verdict verdict-passed">Passed</span>');
    expect(row('URS-ORD-002')).toContain('AssertionError: expected LIMIT_ACTIVITY_PER_ORDER');
    expect(row('URS-REL-001')).toContain('a GMP day › signs with the password');
    expect(row('URS-REL-002')).toContain('not reached: &quot;a GMP day&quot; failed before it');
    expect(row('URS-ORD-003')).toContain('No test names this requirement.');
  });

  it('names many cases of one block on one line, a few of them by title', () => {
    const start = html.indexOf('id="URS-ORD-001"');
    const row = html.slice(start, html.indexOf('</tr>', start));
    expect(row).toContain(
      'figures › 6 tests passed: reads case 1; reads case 2; reads case 3; … and 3 more',
    );
  });

  it('names the system, the environment and the results files with their hashes', () => {
    expect(html).toContain('<code>0123456789abcdef0123456789abcdef01234567</code>');
    expect(html).toContain('1 uncommitted change');
    expect(html).toContain('10.11.19-MariaDB-0+deb12u1');
    expect(html).toContain('Chromium 156.0.8078.114');
    expect(html).toMatch(
      /<td><code>validation\/results\/core\.json<\/code><\/td><td><code class="hash">[0-9a-f]{64}<\/code>/,
    );
  });

  it('embeds the GMP day’s screenshots with the guide’s caption, and nothing else', () => {
    expect(html).toContain(`src="data:image/png;base64,${PNG.toString('base64')}"`);
    expect(html).toContain('Figure 1. A wrong password changes nothing');
    expect(html).not.toContain('production-01-orders.png');
  });

  it('ends with a signature block an inspector can sign', () => {
    expect(html).toContain('8 Review and approval');
    for (const role of ['Prepared by', 'Reviewed by', 'Approved by']) {
      expect(html).toContain(`<tr><th scope="row">${role}<br>`);
    }
    expect(html).toContain('<th>Name</th><th>Function</th><th>Date</th><th>Signature</th>');
  });

  it.runIf(withChromium)('prints a PDF that parses and holds the matrix', async () => {
    const text = await pdfText(path.join(root, 'validation/report.pdf'));
    expect(text).toContain('Tracershop — Operational Qualification (OQ) report');
    expect(text).toContain('FAIL');
    expect(text).toContain('Traceability matrix');
    for (const id of ['URS-ORD-001', 'URS-ORD-002', 'URS-ORD-003', 'URS-REL-001', 'URS-REL-002']) {
      expect(text).toContain(id);
    }
    expect(text).toContain('ordering › orders 300 MBq');
    expect(text).toContain('No test names this requirement.');
    expect(text).toMatch(/Page 1 of \d+/);
    expect(text).toContain('Approved by');
  });
});

describe('a suite that fails outside its tests', () => {
  it('fails the run although every test passed', async () => {
    const other = await mkdtemp(path.join(tmpdir(), 'validation-exit-'));
    try {
      const put = async (file: string, content: string) => {
        await mkdir(path.dirname(path.join(other, file)), { recursive: true });
        await writeFile(path.join(other, file), content);
      };
      await put(
        'docs/validation/requirements.md',
        requirementsMarkdown([
          {
            name: 'Ordering',
            prefix: 'URS-ORD',
            rows: [{ id: 'URS-ORD-001', text: 'Orders.', risk: 'low' }],
          },
        ]),
      );
      await put(
        'validation/results/core.json',
        JSON.stringify(
          vitestReport({
            [path.join(other, 'packages/core/src/a.test.ts')]: [
              { titles: [`${tag('URS-ORD-001')} orders`], status: 'passed' },
            ],
          }),
        ),
      );
      const run: RunRecord = {
        command: 'npm run validation',
        startedAt: new Date().toISOString(),
        finishedAt: new Date().toISOString(),
        environment: ENVIRONMENT,
        suites: [
          { name: 'core', exitCode: 1, durationMs: 1, resultsFile: 'validation/results/core.json' },
        ],
      };
      await put('validation/results/run.json', JSON.stringify(run));
      const { matrix } = await generateReport(defaultReportPaths(other), {
        pdf: false,
        command: 'npm run validation:report',
      });
      expect(matrix.rows.map((row) => row.verdict)).toEqual(['passed']);
      expect(matrix.problems).toEqual([
        "The core suite exited with code 1 although none of its tests failed: an error outside the tests (see the suite's output).",
      ]);
    } finally {
      await rm(other, { recursive: true, force: true });
    }
  });
});
