/**
 * One test's result as evidence: where it is, what it is called, what happened, and which
 * requirements it names. Read from the suites' JSON results (vitestResults.ts,
 * playwrightResults.ts).
 */
import type { SuiteLevel } from './suites';

export type TestStatus = 'passed' | 'failed' | 'skipped';

export interface TestEvidence {
  suite: string;
  level: SuiteLevel;
  /** Relative to the repository root, `/`-separated. */
  file: string;
  /** The describe blocks, the test and (browser suite) the step: what a reader sees. */
  titlePath: string[];
  status: TestStatus;
  /** The requirement ids its title path names. */
  tags: string[];
  /** The first lines of the failure, when it failed. */
  failure?: string;
  durationMs?: number;
  /** Passed only on a retry (browser suite). */
  flaky?: boolean;
  /** For a step of a browser test: that test's title path (the step is not a test itself). */
  stepOf?: string[];
}

/**
 * A test file, or one test of the browser suite, that did not finish: the tags written in
 * its source between `fromLine` and `toLine` that none of its results mentions were not
 * reached; they count as failed, or as not run for a skipped test (traceability.ts).
 */
export interface UnfinishedSource {
  suite: string;
  level: SuiteLevel;
  file: string;
  /** The test that did not finish; empty when the whole file did not run. */
  titlePath: string[];
  /** 1-based, inclusive; the whole file when the file did not run. */
  fromLine: number;
  toLine: number;
  outcome: 'failed' | 'not-run';
  /** What stopped it, for the report. */
  reason: string;
}

export interface SuiteResults {
  suite: string;
  evidence: TestEvidence[];
  unfinished: UnfinishedSource[];
}

/** The first lines of a failure message, without terminal colours. */
export function failureSummary(message: string, lines = 6): string {
  // eslint-disable-next-line no-control-regex
  const plain = message.replace(/\u001b\[[0-9;]*m/g, '');
  return plain.split('\n').slice(0, lines).join('\n').trim();
}
