#!/usr/bin/env node
/**
 * The validation pack's command (docs/validation/README.md):
 *
 *   tracershop-validation check           every [URS-…] tag of the tests names a requirement
 *   tracershop-validation run [--suites core,api,…] [--no-pdf]
 *                                         run the suites into validation/results/, then report
 *   tracershop-validation report [--no-pdf]
 *                                         the report of the results already in validation/results/
 *
 * The root scripts build it first: `npm run validation`, `npm run validation:check`. Exit code
 * 0 when the check or the run passes, 1 when it does not, 2 when the command cannot do its work.
 */
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { RequirementsError, parseRequirements } from './requirements';
import { collectEnvironment } from './runEnvironment';
import type { RunRecord, SuiteRun } from './suiteRuns';
import { RUN_RECORD_FILE, runSuite } from './suiteRuns';
import { SUITES, suiteNamed } from './suites';
import { scanSourceTags, tagProblems } from './tagCheck';
import { countMatrix } from './traceability';
import { defaultReportPaths, generateReport } from './validationReport';

const USAGE = `Usage: tracershop-validation check
       tracershop-validation run [--suites ${SUITES.map((suite) => suite.name).join(',')}] [--no-pdf]
       tracershop-validation report [--no-pdf]

  check    every [URS-…] tag in the repository's test files names a requirement of
           docs/validation/requirements.md (runs no tests)
  run      run the suites with machine-readable reporters into validation/results/ (all of
           them unless --suites names some), then write validation/report.html and .pdf
  report   write the report from the results already in validation/results/`;

/** tooling/validation/dist/cli.js → the repository root. */
const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');

async function check(repoRoot: string): Promise<number> {
  const file = path.join(repoRoot, 'docs/validation/requirements.md');
  const document = parseRequirements(
    await readFile(file, 'utf8'),
    'docs/validation/requirements.md',
  );
  const { files, tags } = await scanSourceTags(repoRoot);
  const problems = tagProblems(tags, document);
  const high = document.requirements.filter((requirement) => requirement.risk === 'high').length;
  console.log(
    `validation check: ${document.requirements.length} requirements (${high} high risk) in docs/validation/requirements.md; ${tags.length} tags in ${files} test files.`,
  );
  if (problems.length > 0) {
    console.error(`${problems.length} tags name no requirement:`);
    problems.forEach((problem) => console.error(`  ${problem}`));
    return 1;
  }
  const tagged = new Set(tags.map((tag) => tag.text));
  const untagged = document.requirements.filter((requirement) => !tagged.has(requirement.id));
  console.log(
    `Every tag names a requirement. ${document.requirements.length - untagged.length} requirements are named by a test, ${untagged.length} by none yet.`,
  );
  return 0;
}

async function report(repoRoot: string, pdf: boolean, command: string): Promise<number> {
  const generated = await generateReport(defaultReportPaths(repoRoot), { pdf, command });
  const counts = countMatrix(generated.matrix);
  console.log(
    `\nvalidation: ${counts.requirements} requirements: ${counts.byVerdict.passed} passed, ${counts.byVerdict.failed} failed, ${counts.byVerdict['not-run']} not run, ${counts.byVerdict.untested} untested; ${counts.tests.total} tests, ${counts.tests.failed} failed.`,
  );
  console.log(`  ${path.relative(process.cwd(), generated.htmlFile)}`);
  if (generated.pdfFile !== null) {
    console.log(`  ${path.relative(process.cwd(), generated.pdfFile)}`);
  }
  const { problems } = generated.matrix;
  if (problems.length > 0) {
    console.error(`\nFAIL: ${problems.length} ${problems.length === 1 ? 'problem' : 'problems'}:`);
    problems.forEach((problem) => console.error(`  ${problem}`));
    return 1;
  }
  console.log('\nPASS');
  return 0;
}

async function runAll(
  repoRoot: string,
  suiteNames: string[] | null,
  pdf: boolean,
): Promise<number> {
  const chosen =
    suiteNames === null
      ? [...SUITES]
      : suiteNames.map((name) => {
          const suite = suiteNamed(name);
          if (suite === undefined) {
            throw new UsageError(`no suite "${name}"`);
          }
          return suite;
        });
  const { resultsDir } = defaultReportPaths(repoRoot);
  await rm(resultsDir, { recursive: true, force: true });
  await mkdir(resultsDir, { recursive: true });
  const startedAt = new Date();
  const environment = await collectEnvironment(repoRoot);
  const runs: SuiteRun[] = [];
  for (const suite of chosen) {
    console.log(`\n=== validation: the ${suite.name} suite (${suite.directory}) ===`);
    runs.push(await runSuite(suite, repoRoot, path.join(resultsDir, `${suite.name}.json`)));
  }
  const command = `npm run validation${suiteNames === null ? '' : ` -- --suites ${suiteNames.join(',')}`}`;
  const record: RunRecord = {
    command,
    startedAt: startedAt.toISOString(),
    finishedAt: new Date().toISOString(),
    environment,
    suites: runs,
  };
  await writeFile(path.join(resultsDir, RUN_RECORD_FILE), `${JSON.stringify(record, null, 2)}\n`);
  return report(repoRoot, pdf, command);
}

class UsageError extends Error {}

async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  const { values } = parseArgs({
    args: rest,
    options: {
      suites: { type: 'string' },
      'no-pdf': { type: 'boolean', default: false },
    },
    strict: true,
    allowPositionals: false,
  });
  const pdf = values['no-pdf'] !== true;
  switch (command) {
    case 'check':
      return check(REPO_ROOT);
    case 'run':
      return runAll(
        REPO_ROOT,
        values.suites === undefined ? null : values.suites.split(',').map((name) => name.trim()),
        pdf,
      );
    case 'report':
      return report(REPO_ROOT, pdf, 'npm run validation:report');
    default:
      throw new UsageError(command === undefined ? 'no command' : `unknown command "${command}"`);
  }
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    if (error instanceof RequirementsError) {
      console.error(error.message);
      process.exitCode = 1;
    } else if (error instanceof UsageError || (error instanceof TypeError && 'code' in error)) {
      console.error(`Error: ${error.message}\n\n${USAGE}`);
      process.exitCode = 2;
    } else {
      console.error(error);
      process.exitCode = 2;
    }
  },
);
