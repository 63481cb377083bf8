import { describe, expect, it } from 'vitest';
import { parseRequirements } from '../src/requirements';
import type { SourceTag } from '../src/tagCheck';
import type { TestEvidence, UnfinishedSource } from '../src/testEvidence';
import { buildTraceabilityMatrix, countMatrix } from '../src/traceability';
import { requirementsMarkdown, tag } from './resultFixtures';

const document = parseRequirements(
  requirementsMarkdown([
    {
      name: 'Release and signature',
      prefix: 'URS-REL',
      rows: [
        { id: 'URS-REL-001', text: 'Signs with the password.', risk: 'high' },
        { id: 'URS-REL-002', text: 'Refuses a wrong password.', risk: 'high' },
        { id: 'URS-REL-003', text: 'Shows the release live.', risk: 'medium' },
        { id: 'URS-REL-004', text: 'Warns when not for today.', risk: 'low' },
        { id: 'URS-REL-005', text: 'Refuses an early release.', risk: 'high' },
      ],
    },
  ]),
);

function test(
  tags: string[],
  status: TestEvidence['status'],
  level: TestEvidence['level'] = 'integration',
  title = 'a test',
): TestEvidence {
  const suite = level === 'unit' ? 'core' : level === 'browser' ? 'e2e' : 'api';
  return {
    suite,
    level,
    file: `${suite}/x.test.ts`,
    titlePath: [`${tags.map(tag).join('')} ${title}`],
    status,
    tags,
  };
}

function matrixOf(
  evidence: TestEvidence[],
  more: { unfinished?: UnfinishedSource[]; sourceTags?: SourceTag[] } = {},
) {
  return buildTraceabilityMatrix({
    document,
    evidence,
    unfinished: more.unfinished ?? [],
    sourceTags: more.sourceTags ?? [],
    suites: [{ suite: 'api' }],
  });
}

function verdicts(matrix: ReturnType<typeof matrixOf>): Record<string, string> {
  return Object.fromEntries(matrix.rows.map((row) => [row.requirement.id, row.verdict]));
}

describe('buildTraceabilityMatrix', () => {
  it('reports a requirement that no test names as untested, and fails a high-risk one', () => {
    const matrix = matrixOf([
      test(['URS-REL-001', 'URS-REL-002', 'URS-REL-005'], 'passed'),
      test(['URS-REL-003'], 'passed', 'unit'),
    ]);
    expect(verdicts(matrix)).toEqual({
      'URS-REL-001': 'passed',
      'URS-REL-002': 'passed',
      'URS-REL-003': 'passed',
      'URS-REL-004': 'untested',
      'URS-REL-005': 'passed',
    });
    // A low-risk requirement without a test is listed, not a failure of the run.
    expect(matrix.problems).toEqual([]);

    const withoutSignature = matrixOf([test(['URS-REL-002', 'URS-REL-005'], 'passed')]);
    expect(verdicts(withoutSignature)['URS-REL-001']).toBe('untested');
    expect(withoutSignature.problems).toEqual(['URS-REL-001 (high risk) has no passing test.']);
  });

  it('turns a requirement red when one of its tests fails, whatever passed beside it', () => {
    const matrix = matrixOf([
      test(['URS-REL-001', 'URS-REL-002', 'URS-REL-005'], 'passed'),
      test(['URS-REL-003'], 'passed', 'browser'),
      test(['URS-REL-003'], 'failed', 'unit', 'shows the card green'),
    ]);
    expect(verdicts(matrix)['URS-REL-003']).toBe('failed');
    expect(matrix.problems).toEqual(['URS-REL-003 (medium risk): a test that proves it failed.']);
  });

  it('needs more than unit tests for a high-risk requirement', () => {
    const matrix = matrixOf([
      test(['URS-REL-001', 'URS-REL-005'], 'passed', 'browser'),
      test(['URS-REL-002'], 'passed', 'unit'),
    ]);
    expect(verdicts(matrix)['URS-REL-002']).toBe('passed');
    expect(matrix.rows.find((row) => row.requirement.id === 'URS-REL-002')?.provenBeyondUnit).toBe(
      false,
    );
    expect(matrix.problems).toEqual([
      'URS-REL-002 (high risk) is proven only by unit tests, not by an api, database or browser test.',
    ]);
  });

  it('counts only skipped tests as not run', () => {
    const matrix = matrixOf([
      test(['URS-REL-001', 'URS-REL-002'], 'passed'),
      test(['URS-REL-005'], 'skipped'),
    ]);
    expect(verdicts(matrix)['URS-REL-005']).toBe('not-run');
    expect(matrix.problems).toEqual(['URS-REL-005 (high risk) has no passing test.']);
  });

  it('fails the tags of a test that stopped before reaching them', () => {
    const gmpDay = {
      suite: 'e2e',
      level: 'browser' as const,
      file: 'e2e/test/gmpDay.spec.ts',
      titlePath: ['a GMP day'],
    };
    const evidence: TestEvidence[] = [
      { ...gmpDay, status: 'failed', tags: [], failure: 'Timed out' },
      {
        ...gmpDay,
        titlePath: ['a GMP day', `${tag('URS-REL-001')} signs`],
        stepOf: ['a GMP day'],
        status: 'failed',
        tags: ['URS-REL-001'],
      },
    ];
    const sourceTags: SourceTag[] = [
      { file: 'e2e/test/gmpDay.spec.ts', line: 80, text: 'URS-REL-001' },
      { file: 'e2e/test/gmpDay.spec.ts', line: 120, text: 'URS-REL-003' },
      { file: 'e2e/test/other.spec.ts', line: 120, text: 'URS-REL-004' },
    ];
    const matrix = matrixOf(evidence, {
      sourceTags,
      unfinished: [
        {
          ...gmpDay,
          fromLine: 57,
          toLine: 400,
          outcome: 'failed',
          reason: 'not reached: "a GMP day" failed before it',
        },
      ],
    });
    const row = matrix.rows.find((entry) => entry.requirement.id === 'URS-REL-003');
    expect(row?.verdict).toBe('failed');
    expect(row?.missing).toEqual([
      {
        suite: 'e2e',
        file: 'e2e/test/gmpDay.spec.ts',
        titlePath: ['a GMP day'],
        line: 120,
        outcome: 'failed',
        reason: 'not reached: "a GMP day" failed before it',
      },
    ]);
    // The step that ran and failed is evidence itself, not a missing result.
    expect(matrix.rows[0]?.missing).toEqual([]);
    expect(verdicts(matrix)['URS-REL-004']).toBe('untested');
    // The failed test is tagged through its steps.
    expect(matrix.problems).not.toContain(expect.stringContaining('name no requirement'));
  });

  it('fails the run for an unknown tag, a failed untagged test and a suite without results', () => {
    const matrix = buildTraceabilityMatrix({
      document,
      evidence: [
        test(['URS-REL-001', 'URS-REL-002', 'URS-REL-005'], 'passed'),
        test(['URS-REL-099'], 'passed'),
        test([], 'failed'),
      ],
      unfinished: [],
      sourceTags: [],
      suites: [
        { suite: 'db', problem: 'gave no results: it wrote no results file (it did not finish)' },
      ],
    });
    expect(matrix.problems).toEqual([
      'The db suite gave no results: it wrote no results file (it did not finish).',
      `A test is tagged ${tag('URS-REL-099')}, which names no requirement.`,
      '1 failed test names no requirement (listed under "Failed tests").',
    ]);
  });
});

describe('countMatrix', () => {
  it('counts requirements by risk and result, and tests without the steps', () => {
    const step: TestEvidence = {
      ...test(['URS-REL-002'], 'passed', 'browser'),
      stepOf: ['a test'],
    };
    const counts = countMatrix(
      matrixOf([
        test(['URS-REL-001', 'URS-REL-005'], 'passed'),
        step,
        test([], 'skipped'),
        test(['URS-REL-003'], 'failed'),
      ]),
    );
    expect(counts).toEqual({
      requirements: 5,
      byRisk: { high: 3, medium: 1, low: 1 },
      byVerdict: { passed: 3, failed: 1, 'not-run': 0, untested: 1 },
      tests: { total: 3, passed: 1, failed: 1, skipped: 1, tagged: 3 },
    });
  });
});
