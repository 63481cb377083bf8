/**
 * Small requirement documents and suite results in the shapes Vitest's and Playwright's JSON
 * reporters write, for the tests of the readers, the matrix and the report. Tags are built
 * with `tag()`, never written out, so that the repository's tag check does not read these
 * made-up ids as tags of real tests.
 */

/** `[URS-ORD-001]`, built so that this source holds no tag. */
export function tag(id: string): string {
  return `${'['}${id}]`;
}

export interface RequirementRow {
  id: string;
  text: string;
  risk: string;
  regulation?: string;
}

/** A requirements document with the given areas, in the layout of docs/validation. */
export function requirementsMarkdown(
  areas: { name: string; prefix: string; rows: RequirementRow[] }[],
): string {
  const parts = ['# User requirements', '', 'Introduction.', ''];
  for (const area of areas) {
    parts.push(`## ${area.name} (${area.prefix})`, '');
    parts.push('| Id | Requirement | Risk | Regulation |', '| --- | --- | --- | --- |');
    for (const row of area.rows) {
      parts.push(`| ${row.id} | ${row.text} | ${row.risk} | ${row.regulation ?? '—'} |`);
    }
    parts.push('');
  }
  return parts.join('\n');
}

export interface VitestTest {
  titles: string[];
  status: 'passed' | 'failed' | 'skipped' | 'pending' | 'todo';
  failure?: string;
}

/** Vitest's JSON report of one package: `files` maps absolute file names to their tests. */
export function vitestReport(
  files: Record<string, VitestTest[]>,
  brokenFiles: Record<string, string> = {},
): unknown {
  return {
    numTotalTests: Object.values(files).flat().length,
    success: true,
    testResults: [
      ...Object.entries(files).map(([name, tests]) => ({
        name,
        status: tests.some((test) => test.status === 'failed') ? 'failed' : 'passed',
        message: '',
        startTime: 0,
        endTime: 1,
        assertionResults: tests.map((test) => ({
          ancestorTitles: test.titles.slice(0, -1),
          fullName: test.titles.join(' '),
          title: test.titles[test.titles.length - 1],
          status: test.status,
          duration: 12,
          failureMessages: test.failure === undefined ? [] : [test.failure],
        })),
      })),
      ...Object.entries(brokenFiles).map(([name, message]) => ({
        name,
        status: 'failed',
        message,
        startTime: 0,
        endTime: 0,
        assertionResults: [],
      })),
    ],
  };
}

export interface PlaywrightStepFixture {
  title: string;
  error?: string;
  steps?: PlaywrightStepFixture[];
}

export interface PlaywrightSpecFixture {
  title: string;
  line: number;
  status: 'expected' | 'unexpected' | 'flaky' | 'skipped';
  steps?: PlaywrightStepFixture[];
  error?: string;
}

function stepJson(step: PlaywrightStepFixture): unknown {
  return {
    title: step.title,
    duration: 5,
    ...(step.error === undefined ? {} : { error: { message: step.error } }),
    ...(step.steps === undefined ? {} : { steps: step.steps.map(stepJson) }),
  };
}

/** Playwright's JSON report: `files` maps file names (relative to `rootDir`) to specs. */
export function playwrightReport(
  rootDir: string,
  files: Record<string, PlaywrightSpecFixture[]>,
): unknown {
  return {
    config: { rootDir, projects: [] },
    errors: [],
    stats: { startTime: '2026-12-07T06:00:00.000Z', duration: 1, expected: 1, unexpected: 0 },
    suites: Object.entries(files).map(([file, specs]) => ({
      title: file,
      file,
      line: 0,
      column: 0,
      specs: specs.map((spec) => ({
        title: spec.title,
        file,
        line: spec.line,
        column: 1,
        ok: spec.status !== 'unexpected',
        tags: [],
        id: `${file}-${spec.line}`,
        tests: [
          {
            projectName: 'scenarios',
            projectId: 'scenarios',
            expectedStatus: 'passed',
            annotations: [],
            timeout: 180000,
            status: spec.status,
            results:
              spec.status === 'skipped'
                ? [{ status: 'skipped', duration: 0, steps: [], errors: [] }]
                : [
                    {
                      status: spec.status === 'unexpected' ? 'failed' : 'passed',
                      duration: 1000,
                      retry: 0,
                      ...(spec.error === undefined
                        ? { errors: [] }
                        : { error: { message: spec.error }, errors: [{ message: spec.error }] }),
                      steps: (spec.steps ?? []).map(stepJson),
                    },
                  ],
          },
        ],
      })),
    })),
  };
}
