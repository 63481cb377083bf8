/**
 * Vitest's JSON reporter output (`vitest run --reporter=json --outputFile.json=…`, one file per
 * package) as evidence: one entry per test, with its describe titles, status and tags. A test
 * file that could not run at all (an import that fails) has no tests in the output; it is
 * reported as unfinished, so that the requirements its source names turn red instead of
 * looking untested.
 */
import path from 'node:path';
import type { Suite } from './suites';
import type { SuiteResults, TestEvidence, TestStatus } from './testEvidence';
import { failureSummary } from './testEvidence';
import { tagsIn } from './testTags';

interface VitestAssertion {
  ancestorTitles: string[];
  title: string;
  status: string;
  duration?: number | null;
  failureMessages?: string[];
}

interface VitestFile {
  name: string;
  status: string;
  message?: string;
  assertionResults: VitestAssertion[];
}

interface VitestReport {
  testResults: VitestFile[];
}

function isVitestReport(value: unknown): value is VitestReport {
  return (
    typeof value === 'object' &&
    value !== null &&
    Array.isArray((value as { testResults?: unknown }).testResults)
  );
}

const STATUS: Record<string, TestStatus> = {
  passed: 'passed',
  failed: 'failed',
  skipped: 'skipped',
  pending: 'skipped',
  todo: 'skipped',
  disabled: 'skipped',
};

/** `file` relative to the repository root, `/`-separated. */
export function repositoryPath(repoRoot: string, file: string): string {
  const absolute = path.isAbsolute(file) ? file : path.resolve(repoRoot, file);
  return path.relative(repoRoot, absolute).split(path.sep).join('/');
}

export function readVitestResults(report: unknown, suite: Suite, repoRoot: string): SuiteResults {
  if (!isVitestReport(report)) {
    throw new Error(`the ${suite.name} results are not Vitest JSON (no testResults)`);
  }
  const evidence: TestEvidence[] = [];
  const unfinished: SuiteResults['unfinished'] = [];
  for (const file of report.testResults) {
    const relative = repositoryPath(repoRoot, file.name);
    if (file.assertionResults.length === 0 && file.status === 'failed') {
      unfinished.push({
        suite: suite.name,
        level: suite.level,
        file: relative,
        titlePath: [],
        fromLine: 1,
        toLine: Number.MAX_SAFE_INTEGER,
        outcome: 'failed',
        reason: `the test file did not run: ${failureSummary(file.message ?? 'no message', 2)}`,
      });
      continue;
    }
    for (const test of file.assertionResults) {
      const titlePath = [...test.ancestorTitles, test.title];
      const status = STATUS[test.status] ?? 'skipped';
      const failures = test.failureMessages ?? [];
      evidence.push({
        suite: suite.name,
        level: suite.level,
        file: relative,
        titlePath,
        status,
        tags: tagsIn(titlePath.join(' ')),
        ...(status === 'failed' && failures.length > 0
          ? { failure: failureSummary(failures.join('\n')) }
          : {}),
        ...(typeof test.duration === 'number' ? { durationMs: test.duration } : {}),
      });
    }
  }
  return { suite: suite.name, evidence, unfinished };
}
