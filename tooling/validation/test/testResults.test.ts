import { describe, expect, it } from 'vitest';
import { readPlaywrightResults } from '../src/playwrightResults';
import { suiteNamed } from '../src/suites';
import { tagsIn } from '../src/testTags';
import { readVitestResults } from '../src/vitestResults';
import { playwrightReport, tag, vitestReport } from './resultFixtures';

const ROOT = '/repo';
const core = suiteNamed('core')!;
const e2e = suiteNamed('e2e')!;

describe('tagsIn', () => {
  it('finds every well-formed tag once, in order, and ignores malformed ones', () => {
    expect(
      tagsIn(
        `${tag('URS-REL-001')}${tag('URS-REL-002')} signs ${tag('URS-REL-001')} ${tag('URS-REL-3')} ${tag('URS-rel-004')}`,
      ),
    ).toEqual(['URS-REL-001', 'URS-REL-002']);
  });
});

describe('readVitestResults', () => {
  it('gives each test its file, title path, status and the tags of its titles', () => {
    const results = readVitestResults(
      vitestReport({
        '/repo/packages/core/src/moves.test.ts': [
          { titles: ['checkMove', `${tag('URS-PRD-005')} refuses a later slot`], status: 'passed' },
          {
            titles: [`${tag('URS-PRD-001')} decay`, 'halves over one half-life'],
            status: 'failed',
            failure: 'AssertionError: expected 2 to be 1\n    at moves.test.ts:12',
          },
          { titles: ['checkRestore', 'is skipped'], status: 'skipped' },
          { titles: ['checkRestore', 'is todo'], status: 'todo' },
        ],
      }),
      core,
      ROOT,
    );
    expect(results.unfinished).toEqual([]);
    expect(results.evidence).toEqual([
      {
        suite: 'core',
        level: 'unit',
        file: 'packages/core/src/moves.test.ts',
        titlePath: ['checkMove', `${tag('URS-PRD-005')} refuses a later slot`],
        status: 'passed',
        tags: ['URS-PRD-005'],
        durationMs: 12,
      },
      {
        suite: 'core',
        level: 'unit',
        file: 'packages/core/src/moves.test.ts',
        titlePath: [`${tag('URS-PRD-001')} decay`, 'halves over one half-life'],
        status: 'failed',
        tags: ['URS-PRD-001'],
        failure: 'AssertionError: expected 2 to be 1\n    at moves.test.ts:12',
        durationMs: 12,
      },
      expect.objectContaining({ status: 'skipped', tags: [] }),
      expect.objectContaining({ status: 'skipped', tags: [] }),
    ]);
  });

  it('reports a test file that did not run as unfinished, the whole file', () => {
    const results = readVitestResults(
      vitestReport({}, { '/repo/packages/core/src/broken.test.ts': 'Cannot find module ./gone' }),
      core,
      ROOT,
    );
    expect(results.evidence).toEqual([]);
    expect(results.unfinished).toEqual([
      {
        suite: 'core',
        level: 'unit',
        file: 'packages/core/src/broken.test.ts',
        titlePath: [],
        fromLine: 1,
        toLine: Number.MAX_SAFE_INTEGER,
        outcome: 'failed',
        reason: 'the test file did not run: Cannot find module ./gone',
      },
    ]);
  });

  it('refuses what is not Vitest JSON', () => {
    expect(() => readVitestResults({ suites: [] }, core, ROOT)).toThrow(
      'the core results are not Vitest JSON (no testResults)',
    );
  });
});

describe('readPlaywrightResults', () => {
  const rootDir = '/repo/e2e/test';

  it('gives the test and each tagged step, with the step’s own outcome', () => {
    const results = readPlaywrightResults(
      playwrightReport(rootDir, {
        'gmpDay.spec.ts': [
          {
            title: 'a GMP day',
            line: 57,
            status: 'unexpected',
            error: 'Timed out waiting for "Frigivet"',
            steps: [
              { title: `${tag('URS-ORD-001')} orders 300 MBq` },
              { title: 'opens the day' },
              {
                title: `${tag('URS-REL-002')} refuses a wrong password`,
                steps: [{ title: 'expect.toBeVisible', error: 'Timed out waiting for "Frigivet"' }],
              },
            ],
          },
        ],
      }),
      e2e,
      ROOT,
    );
    expect(results.evidence).toEqual([
      expect.objectContaining({
        file: 'e2e/test/gmpDay.spec.ts',
        titlePath: ['a GMP day'],
        status: 'failed',
        tags: [],
        failure: 'Timed out waiting for "Frigivet"',
      }),
      expect.objectContaining({
        titlePath: ['a GMP day', `${tag('URS-ORD-001')} orders 300 MBq`],
        stepOf: ['a GMP day'],
        status: 'passed',
        tags: ['URS-ORD-001'],
        level: 'browser',
      }),
      expect.objectContaining({
        titlePath: ['a GMP day', `${tag('URS-REL-002')} refuses a wrong password`],
        status: 'failed',
        tags: ['URS-REL-002'],
        failure: 'Timed out waiting for "Frigivet"',
      }),
    ]);
    expect(results.unfinished).toEqual([
      {
        suite: 'e2e',
        level: 'browser',
        file: 'e2e/test/gmpDay.spec.ts',
        titlePath: ['a GMP day'],
        fromLine: 57,
        toLine: Number.MAX_SAFE_INTEGER,
        outcome: 'failed',
        reason: 'not reached: "a GMP day" failed before it',
      },
    ]);
  });

  it('takes the tags of the test title, counts a flaky test as passed and marks it', () => {
    const results = readPlaywrightResults(
      playwrightReport(rootDir, {
        'favicon.spec.ts': [
          { title: `${tag('URS-PRF-008')} serves its icon`, line: 9, status: 'flaky' },
          { title: 'skipped without Chromium', line: 30, status: 'skipped' },
        ],
      }),
      e2e,
      ROOT,
    );
    expect(results.evidence).toEqual([
      expect.objectContaining({ status: 'passed', flaky: true, tags: ['URS-PRF-008'] }),
      expect.objectContaining({ status: 'skipped', tags: [] }),
    ]);
    expect(results.unfinished).toEqual([
      expect.objectContaining({
        fromLine: 30,
        outcome: 'not-run',
        reason: 'not run: "skipped without Chromium" was skipped',
      }),
    ]);
  });

  it('refuses what is not Playwright JSON', () => {
    expect(() => readPlaywrightResults({ testResults: [] }, e2e, ROOT)).toThrow(
      'the e2e results are not Playwright JSON (no suites and config)',
    );
  });
});
