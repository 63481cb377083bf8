/**
 * Playwright Test's JSON reporter output (`playwright test --reporter=json` with
 * PLAYWRIGHT_JSON_OUTPUT_FILE; e2e/playwright.config.ts) as evidence. A browser scenario is
 * one long test in steps, so besides the test itself each `test.step` whose title carries a
 * tag is evidence of its own, with the step's own outcome. A test that failed stops at the
 * failing step: the tags of its later steps are in its source only, and come back as
 * unfinished (not reached) so that their requirements turn red.
 */
import path from 'node:path';
import type { Suite } from './suites';
import type { SuiteResults, TestEvidence, UnfinishedSource } from './testEvidence';
import { failureSummary } from './testEvidence';
import { tagsIn } from './testTags';
import { repositoryPath } from './vitestResults';

interface PlaywrightError {
  message?: string;
  stack?: string;
}

interface PlaywrightStep {
  title: string;
  duration?: number;
  error?: PlaywrightError;
  steps?: PlaywrightStep[];
}

interface PlaywrightResult {
  status?: string;
  duration?: number;
  error?: PlaywrightError;
  errors?: PlaywrightError[];
  steps?: PlaywrightStep[];
  retry?: number;
}

interface PlaywrightTest {
  projectName: string;
  status: 'skipped' | 'expected' | 'unexpected' | 'flaky';
  results: PlaywrightResult[];
}

interface PlaywrightSpec {
  title: string;
  file: string;
  line: number;
  tests: PlaywrightTest[];
}

interface PlaywrightSuite {
  title: string;
  file: string;
  line?: number;
  specs: PlaywrightSpec[];
  suites?: PlaywrightSuite[];
}

interface PlaywrightReport {
  config: { rootDir?: string };
  suites: PlaywrightSuite[];
  errors?: PlaywrightError[];
}

function isPlaywrightReport(value: unknown): value is PlaywrightReport {
  return (
    typeof value === 'object' &&
    value !== null &&
    Array.isArray((value as { suites?: unknown }).suites) &&
    typeof (value as { config?: unknown }).config === 'object'
  );
}

function errorText(error: PlaywrightError | undefined): string | undefined {
  const text = error?.message ?? error?.stack;
  return text === undefined ? undefined : failureSummary(text);
}

interface SpecInFile {
  spec: PlaywrightSpec;
  /** The describe titles above it (not the file's own suite). */
  describeTitles: string[];
}

function collectSpecs(suite: PlaywrightSuite, titles: string[], into: SpecInFile[]): void {
  for (const spec of suite.specs) {
    into.push({ spec, describeTitles: titles });
  }
  for (const child of suite.suites ?? []) {
    collectSpecs(child, [...titles, child.title], into);
  }
}

/** Steps with tags, depth first, with the titles of the steps around them. */
function taggedSteps(
  steps: readonly PlaywrightStep[],
  above: string[],
): { step: PlaywrightStep; titles: string[] }[] {
  const found: { step: PlaywrightStep; titles: string[] }[] = [];
  for (const step of steps) {
    const titles = [...above, step.title];
    if (tagsIn(step.title).length > 0) {
      found.push({ step, titles });
    }
    found.push(...taggedSteps(step.steps ?? [], titles));
  }
  return found;
}

function stepFailed(step: PlaywrightStep): boolean {
  return step.error !== undefined || (step.steps ?? []).some(stepFailed);
}

function firstStepError(step: PlaywrightStep): PlaywrightError | undefined {
  if (step.error !== undefined) {
    return step.error;
  }
  for (const inner of step.steps ?? []) {
    const error = firstStepError(inner);
    if (error !== undefined) {
      return error;
    }
  }
  return undefined;
}

export function readPlaywrightResults(
  report: unknown,
  suite: Suite,
  repoRoot: string,
): SuiteResults {
  if (!isPlaywrightReport(report)) {
    throw new Error(`the ${suite.name} results are not Playwright JSON (no suites and config)`);
  }
  const rootDir = report.config.rootDir ?? path.join(repoRoot, suite.directory);
  const evidence: TestEvidence[] = [];
  const unfinished: UnfinishedSource[] = [];

  for (const fileSuite of report.suites) {
    const specs: SpecInFile[] = [];
    collectSpecs(fileSuite, [], specs);
    const file = repositoryPath(repoRoot, path.resolve(rootDir, fileSuite.file));
    const startLines = specs.map(({ spec }) => spec.line).sort((a, b) => a - b);

    for (const { spec, describeTitles } of specs) {
      for (const test of spec.tests) {
        const last = test.results[test.results.length - 1];
        const titlePath = [...describeTitles, spec.title];
        const status =
          test.status === 'skipped'
            ? 'skipped'
            : test.status === 'unexpected'
              ? 'failed'
              : 'passed';
        const failure =
          status === 'failed' ? errorText(last?.error ?? last?.errors?.[0]) : undefined;
        evidence.push({
          suite: suite.name,
          level: suite.level,
          file,
          titlePath,
          status,
          tags: tagsIn(titlePath.join(' ')),
          ...(failure !== undefined ? { failure } : {}),
          ...(typeof last?.duration === 'number' ? { durationMs: last.duration } : {}),
          ...(test.status === 'flaky' ? { flaky: true } : {}),
        });
        for (const { step, titles } of taggedSteps(last?.steps ?? [], [])) {
          const failed = stepFailed(step);
          const stepFailure = failed ? errorText(firstStepError(step)) : undefined;
          evidence.push({
            suite: suite.name,
            level: suite.level,
            file,
            titlePath: [...titlePath, ...titles],
            stepOf: titlePath,
            status: failed ? 'failed' : 'passed',
            tags: tagsIn(step.title),
            ...(stepFailure !== undefined ? { failure: stepFailure } : {}),
            ...(typeof step.duration === 'number' ? { durationMs: step.duration } : {}),
          });
        }
        if (status !== 'passed') {
          const next = startLines.find((line) => line > spec.line);
          unfinished.push({
            suite: suite.name,
            level: suite.level,
            file,
            titlePath,
            fromLine: spec.line,
            toLine: next === undefined ? Number.MAX_SAFE_INTEGER : next - 1,
            outcome: status === 'failed' ? 'failed' : 'not-run',
            reason:
              status === 'failed'
                ? `not reached: "${spec.title}" failed before it`
                : `not run: "${spec.title}" was skipped`,
          });
        }
      }
    }
  }
  return { suite: suite.name, evidence, unfinished };
}
