/**
 * The traceability matrix: each requirement → the tests that name it → their results in this
 * run, and the verdict of the run (docs/validation/README.md, "The OQ report").
 *
 * A requirement is
 * - **failed** when a test that names it failed, or was not reached because its test or test
 *   file stopped before it;
 * - **passed** when at least one test that names it passed and none failed;
 * - **not run** when the tests that name it were all skipped, or their suite gave no results;
 * - **untested** when no test names it.
 *
 * The run passes when every high-risk requirement passed with at least one integration or
 * browser test, no requirement failed, no test failed at all, every suite reported, and every
 * tag names a requirement.
 */
import type { Requirement, RequirementsDocument } from './requirements';
import type { SourceTag } from './tagCheck';
import type { TestEvidence, UnfinishedSource } from './testEvidence';
import { isRequirementId } from './testTags';

export type Verdict = 'passed' | 'failed' | 'not-run' | 'untested';

/** A requirement's test that did not finish, in place of its missing result. */
export interface MissingResult {
  suite: string;
  file: string;
  titlePath: string[];
  line: number;
  outcome: 'failed' | 'not-run';
  reason: string;
}

export interface MatrixRow {
  requirement: Requirement;
  evidence: TestEvidence[];
  missing: MissingResult[];
  verdict: Verdict;
  /** A passing test runs the real server or the browser (not only a unit test). */
  provenBeyondUnit: boolean;
}

export interface SuiteOutcome {
  suite: string;
  /**
   * What went wrong with the suite as a whole, completing "The <suite> suite …": it left no
   * readable results, or it failed outside its tests.
   */
  problem?: string;
}

export interface TraceabilityMatrix {
  rows: MatrixRow[];
  /** Every test result, tagged or not. */
  evidence: TestEvidence[];
  /** Why the run does not pass; empty when it does. */
  problems: string[];
}

function tagsReachedBy(
  evidence: readonly TestEvidence[],
  unfinished: UnfinishedSource,
): Set<string> {
  const reached = new Set<string>();
  const prefix = unfinished.titlePath;
  for (const entry of evidence) {
    if (
      entry.file === unfinished.file &&
      prefix.every((title, index) => entry.titlePath[index] === title)
    ) {
      entry.tags.forEach((tag) => reached.add(tag));
    }
  }
  return reached;
}

/** The tags in the sources of unfinished tests that no result of those tests carries. */
function missingResults(
  evidence: readonly TestEvidence[],
  unfinished: readonly UnfinishedSource[],
  sourceTags: readonly SourceTag[],
): Map<string, MissingResult[]> {
  const missing = new Map<string, MissingResult[]>();
  for (const gap of unfinished) {
    const reached = tagsReachedBy(evidence, gap);
    for (const tag of sourceTags) {
      if (
        tag.file === gap.file &&
        tag.line >= gap.fromLine &&
        tag.line <= gap.toLine &&
        isRequirementId(tag.text) &&
        !reached.has(tag.text)
      ) {
        const list = missing.get(tag.text) ?? [];
        if (!list.some((entry) => entry.file === tag.file && entry.line === tag.line)) {
          list.push({
            suite: gap.suite,
            file: gap.file,
            titlePath: gap.titlePath,
            line: tag.line,
            outcome: gap.outcome,
            reason: gap.reason,
          });
        }
        missing.set(tag.text, list);
      }
    }
  }
  return missing;
}

function verdictOf(evidence: readonly TestEvidence[], missing: readonly MissingResult[]): Verdict {
  if (
    evidence.some((entry) => entry.status === 'failed') ||
    missing.some((entry) => entry.outcome === 'failed')
  ) {
    return 'failed';
  }
  if (evidence.some((entry) => entry.status === 'passed')) {
    return 'passed';
  }
  return evidence.length > 0 || missing.length > 0 ? 'not-run' : 'untested';
}

export function buildTraceabilityMatrix(input: {
  document: RequirementsDocument;
  evidence: readonly TestEvidence[];
  unfinished: readonly UnfinishedSource[];
  sourceTags: readonly SourceTag[];
  suites: readonly SuiteOutcome[];
}): TraceabilityMatrix {
  const { document, evidence, unfinished, sourceTags, suites } = input;
  const missing = missingResults(evidence, unfinished, sourceTags);

  const rows: MatrixRow[] = document.requirements.map((requirement) => {
    const own = evidence.filter((entry) => entry.tags.includes(requirement.id));
    const gaps = missing.get(requirement.id) ?? [];
    return {
      requirement,
      evidence: own,
      missing: gaps,
      verdict: verdictOf(own, gaps),
      provenBeyondUnit: own.some((entry) => entry.status === 'passed' && entry.level !== 'unit'),
    };
  });

  const problems: string[] = [];
  for (const suite of suites) {
    if (suite.problem !== undefined) {
      problems.push(`The ${suite.suite} suite ${suite.problem}.`);
    }
  }
  for (const row of rows) {
    const { id, risk } = row.requirement;
    if (row.verdict === 'failed') {
      problems.push(`${id} (${risk} risk): a test that proves it failed.`);
    } else if (risk === 'high' && row.verdict !== 'passed') {
      problems.push(`${id} (high risk) has no passing test.`);
    } else if (risk === 'high' && !row.provenBeyondUnit) {
      problems.push(
        `${id} (high risk) is proven only by unit tests, not by an api, database or browser test.`,
      );
    }
  }
  const known = new Set(document.requirements.map((requirement) => requirement.id));
  const unknownTags = new Set<string>();
  for (const entry of evidence) {
    entry.tags.filter((tag) => !known.has(tag)).forEach((tag) => unknownTags.add(tag));
  }
  for (const tag of [...unknownTags].sort()) {
    problems.push(`A test is tagged [${tag}], which names no requirement.`);
  }
  // A browser test is tagged through its steps as well as its title.
  const stepTagged = (entry: TestEvidence) =>
    evidence.some(
      (step) =>
        step.file === entry.file &&
        step.stepOf !== undefined &&
        step.stepOf.join('\u0000') === entry.titlePath.join('\u0000'),
    );
  const untaggedFailures = evidence.filter(
    (entry) =>
      entry.status === 'failed' && !entry.tags.some((tag) => known.has(tag)) && !stepTagged(entry),
  );
  if (untaggedFailures.length > 0) {
    problems.push(
      `${untaggedFailures.length} failed ${untaggedFailures.length === 1 ? 'test names' : 'tests name'} no requirement (listed under "Failed tests").`,
    );
  }
  return { rows, evidence: [...evidence], problems };
}

export interface MatrixCounts {
  requirements: number;
  byRisk: Record<'high' | 'medium' | 'low', number>;
  byVerdict: Record<Verdict, number>;
  tests: { total: number; passed: number; failed: number; skipped: number; tagged: number };
}

export function countMatrix(matrix: TraceabilityMatrix): MatrixCounts {
  const byRisk = { high: 0, medium: 0, low: 0 };
  const byVerdict: Record<Verdict, number> = { passed: 0, failed: 0, 'not-run': 0, untested: 0 };
  for (const row of matrix.rows) {
    byRisk[row.requirement.risk] += 1;
    byVerdict[row.verdict] += 1;
  }
  const tests = matrix.evidence.filter((entry) => !isStepEvidence(entry));
  return {
    requirements: matrix.rows.length,
    byRisk,
    byVerdict,
    tests: {
      total: tests.length,
      passed: tests.filter((entry) => entry.status === 'passed').length,
      failed: tests.filter((entry) => entry.status === 'failed').length,
      skipped: tests.filter((entry) => entry.status === 'skipped').length,
      tagged: matrix.evidence.filter((entry) => entry.tags.length > 0).length,
    },
  };
}

/** A browser test's step is evidence but not a test of its own: counts of tests leave it out. */
export function isStepEvidence(entry: TestEvidence): boolean {
  return entry.stepOf !== undefined;
}
