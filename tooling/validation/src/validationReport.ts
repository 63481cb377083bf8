/**
 * Making the OQ report from a run's results (docs/validation/README.md): the requirements,
 * the suites' JSON results and `run.json` in `validation/results/`, the tags in the test
 * sources and the GMP day's screenshots become `validation/report.html` and
 * `validation/report.pdf`.
 */
import { createHash } from 'node:crypto';
import { mkdir, readFile, readdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { readPlaywrightResults } from './playwrightResults';
import { parseRequirements } from './requirements';
import type { ValidationReport, SuiteSummary } from './reportHtml';
import { renderReportHtml, siteTime } from './reportHtml';
import { printReportPdf } from './reportPdf';
import { collectEnvironment } from './runEnvironment';
import { collectScreenshots } from './screenshotEvidence';
import type { RunRecord } from './suiteRuns';
import { RUN_RECORD_FILE } from './suiteRuns';
import { SUITES } from './suites';
import { scanSourceTags } from './tagCheck';
import type { TestEvidence, UnfinishedSource } from './testEvidence';
import type { SuiteOutcome, TraceabilityMatrix } from './traceability';
import { buildTraceabilityMatrix } from './traceability';
import { readVitestResults } from './vitestResults';

export interface ReportPaths {
  repoRoot: string;
  requirementsFile: string;
  resultsDir: string;
  outDir: string;
  artifactsDir: string;
  docsDir: string;
}

export function defaultReportPaths(repoRoot: string): ReportPaths {
  return {
    repoRoot,
    requirementsFile: path.join(repoRoot, 'docs/validation/requirements.md'),
    resultsDir: path.join(repoRoot, 'validation/results'),
    outDir: path.join(repoRoot, 'validation'),
    artifactsDir: path.join(repoRoot, 'e2e/artifacts'),
    docsDir: path.join(repoRoot, 'docs'),
  };
}

export interface GeneratedReport {
  matrix: TraceabilityMatrix;
  htmlFile: string;
  pdfFile: string | null;
}

function sha256(bytes: Buffer | string): string {
  return createHash('sha256').update(bytes).digest('hex');
}

async function readIfPresent(file: string): Promise<Buffer | null> {
  try {
    return await readFile(file);
  } catch {
    return null;
  }
}

async function readRunRecord(resultsDir: string): Promise<RunRecord | null> {
  const bytes = await readIfPresent(path.join(resultsDir, RUN_RECORD_FILE));
  return bytes === null ? null : (JSON.parse(bytes.toString('utf8')) as RunRecord);
}

async function filesOfSuite(repoRoot: string, directory: string): Promise<string[]> {
  const files: string[] = [];
  const walk = async (folder: string) => {
    for (const entry of await readdir(folder, { withFileTypes: true })) {
      if (entry.isDirectory() && !['node_modules', 'dist'].includes(entry.name)) {
        await walk(path.join(folder, entry.name));
      } else if (entry.isFile()) {
        files.push(
          path.relative(repoRoot, path.join(folder, entry.name)).split(path.sep).join('/'),
        );
      }
    }
  };
  await walk(path.join(repoRoot, directory));
  return files;
}

interface CollectedResults {
  evidence: TestEvidence[];
  unfinished: UnfinishedSource[];
  outcomes: SuiteOutcome[];
  summaries: SuiteSummary[];
}

async function collectResults(
  paths: ReportPaths,
  run: RunRecord | null,
): Promise<CollectedResults> {
  const collected: CollectedResults = { evidence: [], unfinished: [], outcomes: [], summaries: [] };
  for (const suite of SUITES) {
    const runOfSuite = run?.suites.find((entry) => entry.name === suite.name) ?? null;
    const resultsFile = path.join(paths.resultsDir, `${suite.name}.json`);
    const bytes = await readIfPresent(resultsFile);
    const ran = run === null ? bytes !== null : runOfSuite !== null;
    const summary: SuiteSummary = {
      suite,
      ran,
      exitCode: runOfSuite?.exitCode ?? null,
      durationMs: runOfSuite?.durationMs ?? null,
      resultsFile:
        bytes === null
          ? null
          : path.relative(paths.repoRoot, resultsFile).split(path.sep).join('/'),
      resultsSha256: bytes === null ? null : sha256(bytes),
      tests: { total: 0, passed: 0, failed: 0, skipped: 0 },
    };
    collected.summaries.push(summary);
    if (!ran) {
      continue;
    }
    let problem: string | undefined;
    if (bytes === null) {
      problem = 'gave no results: it wrote no results file (it did not finish)';
    } else {
      try {
        const report: unknown = JSON.parse(bytes.toString('utf8'));
        const results =
          suite.runner === 'vitest'
            ? readVitestResults(report, suite, paths.repoRoot)
            : readPlaywrightResults(report, suite, paths.repoRoot);
        collected.evidence.push(...results.evidence);
        collected.unfinished.push(...results.unfinished);
        const tests = results.evidence.filter((entry) => entry.stepOf === undefined);
        summary.tests = {
          total: tests.length,
          passed: tests.filter((entry) => entry.status === 'passed').length,
          failed: tests.filter((entry) => entry.status === 'failed').length,
          skipped: tests.filter((entry) => entry.status === 'skipped').length,
        };
      } catch (error) {
        problem = `gave no results: its results file cannot be read (${error instanceof Error ? error.message : String(error)})`;
      }
    }
    if (problem !== undefined) {
      summary.problem = problem;
      collected.outcomes.push({ suite: suite.name, problem });
      for (const file of await filesOfSuite(paths.repoRoot, suite.directory)) {
        collected.unfinished.push({
          suite: suite.name,
          level: suite.level,
          file,
          titlePath: [],
          fromLine: 1,
          toLine: Number.MAX_SAFE_INTEGER,
          outcome: 'not-run',
          reason: `the ${suite.name} suite gave no results`,
        });
      }
    } else if (summary.exitCode !== null && summary.exitCode !== 0 && summary.tests.failed === 0) {
      // Vitest fails a run for errors outside the tests (an unhandled rejection, a file that
      // cannot be imported): the results then show no failed test, but the run did fail.
      const outside = `exited with code ${summary.exitCode} although none of its tests failed: an error outside the tests (see the suite's output)`;
      summary.problem = outside;
      collected.outcomes.push({ suite: suite.name, problem: outside });
    } else {
      collected.outcomes.push({ suite: suite.name });
    }
  }
  return collected;
}

/** Reads everything, writes report.html (and report.pdf unless `pdf` is false). */
export async function generateReport(
  paths: ReportPaths,
  options: { pdf: boolean; command: string },
): Promise<GeneratedReport> {
  const requirementsBytes = await readFile(paths.requirementsFile);
  const document = parseRequirements(
    requirementsBytes.toString('utf8'),
    path.relative(paths.repoRoot, paths.requirementsFile),
  );
  const run = await readRunRecord(paths.resultsDir);
  const [collected, sources, environment] = await Promise.all([
    collectResults(paths, run),
    scanSourceTags(paths.repoRoot),
    run === null ? collectEnvironment(paths.repoRoot) : Promise.resolve(run.environment),
  ]);
  const matrix = buildTraceabilityMatrix({
    document,
    evidence: collected.evidence,
    unfinished: collected.unfinished,
    sourceTags: sources.tags,
    suites: collected.outcomes,
  });
  const startedAt = run === null ? null : new Date(run.startedAt);
  const report: ValidationReport = {
    generatedAt: new Date(),
    run: {
      startedAt,
      finishedAt: run === null ? null : new Date(run.finishedAt),
      command: run?.command ?? options.command,
    },
    environment,
    document,
    requirementsFile: {
      path: path.relative(paths.repoRoot, paths.requirementsFile).split(path.sep).join('/'),
      sha256: sha256(requirementsBytes),
    },
    matrix,
    suites: collected.summaries,
    screenshots: await collectScreenshots(paths.artifactsDir, paths.docsDir, startedAt),
  };

  await mkdir(paths.outDir, { recursive: true });
  const htmlFile = path.join(paths.outDir, 'report.html');
  await writeFile(htmlFile, renderReportHtml(report));
  let pdfFile: string | null = null;
  if (options.pdf) {
    pdfFile = path.join(paths.outDir, 'report.pdf');
    const commit = environment.system.commit?.slice(0, 12) ?? 'no commit';
    await printReportPdf(
      htmlFile,
      pdfFile,
      `Tracershop ${environment.system.version} · ${commit} · OQ report of ${siteTime(report.generatedAt, environment.timeZone)}`,
    );
  }
  return { matrix, htmlFile, pdfFile };
}
