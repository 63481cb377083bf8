/**
 * The OQ report as one self-contained, printable HTML page (docs/validation/README.md, "The
 * OQ report"): what was tested and on what, the verdict, the requirements without a passing
 * test first and in red, the traceability matrix, the failed tests, the GMP day's screenshots
 * and a signature block. Written for a reader who never saw the code: every test is named by
 * its file and its title in words.
 */
import type { Requirement, RequirementsDocument } from './requirements';
import type { RunEnvironment } from './runEnvironment';
import type { Screenshot } from './screenshotEvidence';
import type { Suite } from './suites';
import { LEVEL_WORDS } from './suites';
import type { TestEvidence } from './testEvidence';
import type { MatrixRow, MissingResult, TraceabilityMatrix, Verdict } from './traceability';
import { countMatrix, isStepEvidence } from './traceability';
import { escapeHtml, withCode } from './htmlText';

export interface SuiteSummary {
  suite: Suite;
  /** The suite was part of this run. */
  ran: boolean;
  exitCode: number | null;
  durationMs: number | null;
  /** The results file, relative to the repository root, and its SHA-256. */
  resultsFile: string | null;
  resultsSha256: string | null;
  tests: { total: number; passed: number; failed: number; skipped: number };
  problem?: string;
}

export interface ValidationReport {
  generatedAt: Date;
  run: { startedAt: Date | null; finishedAt: Date | null; command: string };
  environment: RunEnvironment;
  document: RequirementsDocument;
  requirementsFile: { path: string; sha256: string };
  matrix: TraceabilityMatrix;
  suites: SuiteSummary[];
  screenshots: Screenshot[];
}

export const REPORT_TITLE = 'Tracershop — Operational Qualification (OQ) report';

const VERDICT_WORDS: Record<Verdict, string> = {
  passed: 'Passed',
  failed: 'Failed',
  'not-run': 'Not run',
  untested: 'Untested',
};

const STATUS_MARK: Record<TestEvidence['status'] | 'not-reached', string> = {
  passed: '✔',
  failed: '✘',
  skipped: '–',
  'not-reached': '✘',
};

/** `2026-12-05 14:03:12` on the site's clock. */
export function siteTime(date: Date, timeZone: string): string {
  return new Intl.DateTimeFormat('sv-SE', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
    hour12: false,
  }).format(date);
}

function duration(ms: number | null): string {
  if (ms === null) {
    return '—';
  }
  const seconds = Math.round(ms / 1000);
  return seconds < 60 ? `${seconds} s` : `${Math.floor(seconds / 60)} min ${seconds % 60} s`;
}

/** A test's title as a reader sees it: without its tags, the parts joined by ›. */
function titleInWords(titlePath: readonly string[]): string {
  return titlePath
    .map((title) => title.replace(/\[URS-[A-Z]{3}-\d{3}\]\s*/g, '').trim())
    .filter((title) => title !== '')
    .join(' › ');
}

function riskBadge(risk: Requirement['risk']): string {
  return `<span class="risk risk-${risk}">${risk}</span>`;
}

function verdictBadge(verdict: Verdict): string {
  return `<span class="verdict verdict-${verdict}">${VERDICT_WORDS[verdict]}</span>`;
}

function evidenceItem(entry: TestEvidence): string {
  const flaky = entry.flaky === true ? ' <em>(passed on a retry)</em>' : '';
  const failure =
    entry.failure !== undefined ? `<pre class="failure">${escapeHtml(entry.failure)}</pre>` : '';
  return `<li class="test test-${entry.status}"><span class="mark">${STATUS_MARK[entry.status]}</span><span class="where">${escapeHtml(entry.suite)} · ${LEVEL_WORDS[entry.level]} · ${escapeHtml(entry.file)}</span><span class="title">${escapeHtml(titleInWords(entry.titlePath))}${flaky}</span>${failure}</li>`;
}

function missingItem(entry: MissingResult): string {
  const status = entry.outcome === 'failed' ? 'failed' : 'skipped';
  return `<li class="test test-${status}"><span class="mark">${STATUS_MARK[entry.outcome === 'failed' ? 'not-reached' : 'skipped']}</span><span class="where">${escapeHtml(entry.suite)} · ${escapeHtml(entry.file)}:${entry.line}</span><span class="title">${escapeHtml(entry.reason)}</span></li>`;
}

/** Parametrised tests (`it.each`) of one block share one line from this many cases on. */
const GROUPED_FROM = 5;
/** Cases named on a grouped line. */
const CASES_NAMED = 3;

function groupItem(group: readonly TestEvidence[]): string {
  const first = group[0] as TestEvidence;
  const parent = titleInWords(first.titlePath.slice(0, -1));
  const named = group
    .slice(0, CASES_NAMED)
    .map((entry) => escapeHtml(titleInWords(entry.titlePath.slice(-1))))
    .join('; ');
  const more = group.length - CASES_NAMED;
  const words = first.status === 'passed' ? 'passed' : 'skipped';
  return `<li class="test test-${first.status}"><span class="mark">${STATUS_MARK[first.status]}</span><span class="where">${escapeHtml(first.suite)} · ${LEVEL_WORDS[first.level]} · ${escapeHtml(first.file)}</span><span class="title">${escapeHtml(parent)} › ${group.length} tests ${words}: ${named}; … and ${more} more</span></li>`;
}

const LEVEL_ORDER: Record<TestEvidence['level'], number> = { browser: 0, integration: 1, unit: 2 };
const STATUS_ORDER: Record<TestEvidence['status'], number> = { failed: 0, passed: 1, skipped: 2 };

/**
 * A requirement's tests: failures first, then the strongest evidence (browser, integration,
 * unit). Many passing cases of one block (parametrised tests) share a line; a failure is
 * always listed on its own.
 */
function evidenceList(row: MatrixRow): string {
  if (row.evidence.length === 0 && row.missing.length === 0) {
    return '<p class="none">No test names this requirement.</p>';
  }
  const sorted = [...row.evidence].sort(
    (a, b) =>
      STATUS_ORDER[a.status] - STATUS_ORDER[b.status] ||
      LEVEL_ORDER[a.level] - LEVEL_ORDER[b.level] ||
      a.suite.localeCompare(b.suite) ||
      a.file.localeCompare(b.file),
  );
  const groups = new Map<string, TestEvidence[]>();
  for (const entry of sorted) {
    const key = [entry.status, entry.suite, entry.file, ...entry.titlePath.slice(0, -1)].join(
      '\u0000',
    );
    groups.set(key, [...(groups.get(key) ?? []), entry]);
  }
  const items = [...groups.values()].map((group) =>
    group.length >= GROUPED_FROM && group[0]?.status !== 'failed'
      ? groupItem(group)
      : group.map(evidenceItem).join(''),
  );
  return `<ul class="tests">${row.missing.map(missingItem).join('')}${items.join('')}</ul>`;
}

function matrixRow(row: MatrixRow): string {
  const { requirement } = row;
  const unitOnly =
    requirement.risk === 'high' && row.verdict === 'passed' && !row.provenBeyondUnit
      ? '<p class="warning">Proven only by unit tests.</p>'
      : '';
  const regulation =
    requirement.regulation === ''
      ? ''
      : `<div class="regulation">${escapeHtml(requirement.regulation)}</div>`;
  return `<tr class="row-${row.verdict}" id="${requirement.id}">
<td class="id">${requirement.id}<br>${riskBadge(requirement.risk)}</td>
<td class="requirement">${withCode(requirement.text)}${regulation}</td>
<td class="evidence">${evidenceList(row)}${unitOnly}</td>
<td class="result">${verdictBadge(row.verdict)}</td>
</tr>`;
}

function matrixTable(rows: readonly MatrixRow[]): string {
  return `<table class="matrix">
<colgroup><col class="c-id"><col class="c-requirement"><col class="c-evidence"><col class="c-result"></colgroup>
<thead><tr><th>Id · risk</th><th>Requirement · regulation</th><th>Tests that prove it, with their result in this run</th><th>Result</th></tr></thead>
<tbody>${rows.map(matrixRow).join('\n')}</tbody>
</table>`;
}

function keyValueTable(rows: readonly [string, string][], className = 'facts'): string {
  return `<table class="${className}"><tbody>${rows
    .map(([key, value]) => `<tr><th scope="row">${escapeHtml(key)}</th><td>${value}</td></tr>`)
    .join('')}</tbody></table>`;
}

function systemSection(report: ValidationReport): string {
  const { system, machine, timeZone } = report.environment;
  const at = (date: Date | null) => (date === null ? '—' : `${siteTime(date, timeZone)}`);
  const tree =
    system.uncommitted.length === 0
      ? 'clean: the tested code is exactly the commit'
      : `<strong class="bad">${system.uncommitted.length} uncommitted ${system.uncommitted.length === 1 ? 'change' : 'changes'}</strong>: the tested code is the commit plus the changes listed in Appendix B`;
  return `<h2 id="system">1 System under test</h2>
${keyValueTable([
  ['System', `${escapeHtml(system.name)} ${escapeHtml(system.version)}`],
  [
    'Commit',
    system.commit === null
      ? 'unknown (not a git checkout)'
      : `<code>${escapeHtml(system.commit)}</code>`,
  ],
  ['Commit date', system.commitDate === null ? '—' : escapeHtml(system.commitDate)],
  ['Branch', system.branch === null ? '—' : escapeHtml(system.branch)],
  ['Working tree', tree],
  [
    'Requirements',
    `<code>${escapeHtml(report.requirementsFile.path)}</code>, SHA-256 <code>${report.requirementsFile.sha256}</code>`,
  ],
  ['Run', `${at(report.run.startedAt)} – ${at(report.run.finishedAt)} (${escapeHtml(timeZone)})`],
  [
    'Report generated',
    `${at(report.generatedAt)} by <code>${escapeHtml(report.run.command)}</code>`,
  ],
  [
    'Machine',
    `${escapeHtml(machine.hostname)}, ${escapeHtml(machine.os)}, ${escapeHtml(machine.cpus)}, ${escapeHtml(machine.memory)}; run by ${escapeHtml(machine.user)}`,
  ],
])}`;
}

function environmentSection(report: ValidationReport): string {
  return `<h2 id="environment">2 Environment</h2>
<table class="grid"><thead><tr><th>Software</th><th>Version</th><th>Note</th></tr></thead><tbody>
${report.environment.software
  .map(
    (item) =>
      `<tr><td>${escapeHtml(item.name)}</td><td>${escapeHtml(item.version)}</td><td>${escapeHtml(item.note ?? '')}</td></tr>`,
  )
  .join('\n')}
</tbody></table>`;
}

function verdictSection(report: ValidationReport): string {
  const { problems } = report.matrix;
  const counts = countMatrix(report.matrix);
  const passed = problems.length === 0;
  const shown = problems.slice(0, 40);
  const more = problems.length - shown.length;
  const list =
    problems.length === 0
      ? ''
      : `<ul>${shown.map((problem) => `<li>${escapeHtml(problem)}</li>`).join('')}${more > 0 ? `<li>… and ${more} more (see section 4).</li>` : ''}</ul>`;
  const summary = keyValueTable(
    [
      [
        'Requirements',
        `${counts.requirements} (${counts.byRisk.high} high, ${counts.byRisk.medium} medium, ${counts.byRisk.low} low risk)`,
      ],
      ['Passed', `${counts.byVerdict.passed}`],
      [
        'Failed',
        `<span class="${counts.byVerdict.failed > 0 ? 'bad' : ''}">${counts.byVerdict.failed}</span>`,
      ],
      [
        'Untested or not run',
        `<span class="${counts.byVerdict.untested + counts.byVerdict['not-run'] > 0 ? 'bad' : ''}">${counts.byVerdict.untested + counts.byVerdict['not-run']}</span>`,
      ],
      [
        'Tests',
        `${counts.tests.total} run: ${counts.tests.passed} passed, ${counts.tests.failed} failed, ${counts.tests.skipped} skipped; ${counts.tests.tagged} results (tests and browser steps) name a requirement`,
      ],
    ],
    'facts summary',
  );
  return `<section class="outcome ${passed ? 'outcome-pass' : 'outcome-fail'}">
<p class="outcome-word">${passed ? 'PASS' : 'FAIL'}</p>
<p>${
    passed
      ? 'Every high-risk requirement passed with at least one test of the real server or the browser, no test failed, every suite reported and every tag names a requirement.'
      : 'The run does not meet the acceptance criteria (Appendix A):'
  }</p>
${list}
</section>
${summary}`;
}

function suitesSection(report: ValidationReport): string {
  const rows = report.suites
    .map((summary) => {
      const state = !summary.ran
        ? 'not part of this run'
        : summary.problem !== undefined
          ? `<span class="bad">${escapeHtml(summary.problem)}</span>`
          : summary.exitCode === 0 || summary.exitCode === null
            ? 'completed'
            : `<span class="bad">completed with failures (exit code ${summary.exitCode})</span>`;
      return `<tr><td><strong>${escapeHtml(summary.suite.name)}</strong> — ${escapeHtml(summary.suite.description)}</td><td>${LEVEL_WORDS[summary.suite.level]}</td><td class="num">${summary.tests.total}</td><td class="num">${summary.tests.passed}</td><td class="num ${summary.tests.failed > 0 ? 'bad' : ''}">${summary.tests.failed}</td><td class="num">${summary.tests.skipped}</td><td class="num">${duration(summary.durationMs)}</td><td>${state}</td></tr>`;
    })
    .join('\n');
  const files = report.suites.filter((summary) => summary.resultsFile !== null);
  const fileList =
    files.length === 0
      ? '<p class="bad">No results files.</p>'
      : `<table class="grid files"><thead><tr><th>Results file</th><th>SHA-256</th></tr></thead><tbody>${files
          .map(
            (summary) =>
              `<tr><td><code>${escapeHtml(summary.resultsFile ?? '')}</code></td><td><code class="hash">${summary.resultsSha256 ?? ''}</code></td></tr>`,
          )
          .join('')}</tbody></table>`;
  return `<h2 id="suites">3 Test suites</h2>
<table class="grid suites"><colgroup><col><col class="c-level"><col class="c-count"><col class="c-count"><col class="c-count"><col class="c-count"><col class="c-time"><col class="c-run"></colgroup>
<thead><tr><th>Suite</th><th>Level</th><th>Tests</th><th>Passed</th><th>Failed</th><th>Skipped</th><th>Time</th><th>Run</th></tr></thead><tbody>
${rows}
</tbody></table>
<p>Each suite ran with a machine-readable reporter. Its results file is kept beside this report; the SHA-256 identifies the file this report was made from.</p>
${fileList}`;
}

function withoutPassingSection(rows: readonly MatrixRow[]): string {
  const order: Record<Verdict, number> = { untested: 0, 'not-run': 1, failed: 2, passed: 3 };
  const riskOrder = { high: 0, medium: 1, low: 2 };
  const open = rows
    .filter((row) => row.verdict !== 'passed')
    .sort(
      (a, b) =>
        order[a.verdict] - order[b.verdict] ||
        riskOrder[a.requirement.risk] - riskOrder[b.requirement.risk] ||
        a.requirement.line - b.requirement.line,
    );
  if (open.length === 0) {
    return `<h2 id="open">4 Requirements without a passing test</h2><p>None: every requirement has a passing test in this run.</p>`;
  }
  return `<h2 id="open" class="bad">4 Requirements without a passing test (${open.length})</h2>
<p>Untested requirements first, then those whose tests did not run, then those with a failing test; within each, high risk first.</p>
<table class="grid open"><colgroup><col class="c-id"><col><col class="c-risk"><col class="c-result"></colgroup>
<thead><tr><th>Id</th><th>Requirement</th><th>Risk</th><th>Result</th></tr></thead><tbody>
${open
  .map(
    (row) =>
      `<tr class="row-${row.verdict}"><td><a href="#${row.requirement.id}">${row.requirement.id}</a></td><td>${withCode(row.requirement.text)}</td><td>${riskBadge(row.requirement.risk)}</td><td>${verdictBadge(row.verdict)}</td></tr>`,
  )
  .join('\n')}
</tbody></table>`;
}

function matrixSection(report: ValidationReport): string {
  const byArea = new Map<string, MatrixRow[]>();
  for (const row of report.matrix.rows) {
    const list = byArea.get(row.requirement.area) ?? [];
    list.push(row);
    byArea.set(row.requirement.area, list);
  }
  const areas = report.document.areas.filter((area) => byArea.has(area));
  return `<h2 id="matrix" class="new-page">5 Traceability matrix</h2>
<p>Each requirement, the tests that name it and their result in this run: ✔ passed, ✘ failed or not reached, – skipped. A test is named by its suite, level, file and title; browser tests are named down to the step that proves the requirement.</p>
${areas
  .map(
    (area, index) =>
      `<h3>5.${index + 1} ${escapeHtml(area)}</h3>\n${matrixTable(byArea.get(area) ?? [])}`,
  )
  .join('\n')}`;
}

function failedTestsSection(report: ValidationReport): string {
  const failed = report.matrix.evidence.filter(
    (entry) => entry.status === 'failed' && !isStepEvidence(entry),
  );
  if (failed.length === 0) {
    return `<h2 id="failed">6 Failed tests</h2><p>No test failed.</p>`;
  }
  return `<h2 id="failed" class="bad">6 Failed tests (${failed.length})</h2>
<ul class="tests failed-tests">${failed.map(evidenceItem).join('')}</ul>`;
}

function screenshotsSection(report: ValidationReport): string {
  const shots = report.screenshots;
  if (shots.length === 0) {
    return `<h2 id="evidence" class="new-page">7 Evidence: the GMP day in the browser</h2><p class="bad">No screenshots of the GMP day were found in <code>e2e/artifacts/</code>: the browser suite did not run.</p>`;
  }
  const zone = report.environment.timeZone;
  return `<h2 id="evidence" class="new-page">7 Evidence: the GMP day in the browser</h2>
<p>Screenshots the browser suite took while it ran the GMP day (e2e/test/gmpDay.spec.ts): a department orders, production accepts, a dispenser vial arrives, a wrong password is refused, the release is signed and corrected, and the audit trail shows, verifies and reviews it all.</p>
${shots
  .map(
    (shot, index) => `<figure class="shot">
<img src="${shot.dataUri}" alt="${escapeHtml(shot.caption)}">
<figcaption>Figure ${index + 1}. ${escapeHtml(shot.caption)} <span class="hash">(${escapeHtml(shot.name)}, taken ${siteTime(shot.takenAt, zone)})</span>${shot.fromThisRun ? '' : ' <strong class="bad">— from an earlier run, not this one</strong>'}</figcaption>
</figure>`,
  )
  .join('\n')}`;
}

function signatureSection(report: ValidationReport): string {
  const { system, machine, timeZone } = report.environment;
  const counts = countMatrix(report.matrix);
  const passed = report.matrix.problems.length === 0;
  const commit =
    system.commit === null ? 'an unknown commit' : `commit ${system.commit.slice(0, 12)}`;
  const changes =
    system.uncommitted.length === 0 ? '' : ` with ${system.uncommitted.length} uncommitted changes`;
  const summary = `<section class="summary-box"><p><strong>Summary.</strong> ${escapeHtml(system.name)} ${escapeHtml(system.version)} at ${escapeHtml(commit)}${changes} was tested on ${escapeHtml(machine.hostname)} on ${escapeHtml(siteTime(report.run.startedAt ?? report.generatedAt, timeZone))}: ${counts.requirements} requirements (${counts.byRisk.high} high risk), ${counts.byVerdict.passed} passed, ${counts.byVerdict.failed} failed, ${counts.byVerdict['not-run']} not run, ${counts.byVerdict.untested} untested; ${counts.tests.total} tests, ${counts.tests.failed} failed. Result of the run: <strong class="${passed ? 'good' : 'bad'}">${passed ? 'PASS' : 'FAIL'}</strong>${passed ? '' : ' (the reasons are listed on the first page)'}.</p></section>`;
  const row = (role: string, meaning: string) =>
    `<tr><th scope="row">${role}<br><span class="meaning">${meaning}</span></th><td></td><td></td><td></td><td></td></tr>`;
  return `<h2 id="signatures" class="new-page">8 Review and approval</h2>
${summary}
<p>By signing, each person confirms what the meaning beside their role says. Deviations from the expected results (failed, not run or untested requirements, screenshots from an earlier run, uncommitted changes) are recorded below with the site's deviation numbers before approval.</p>
<table class="deviations"><thead><tr><th>Deviation no.</th><th>Requirement or test</th><th>Assessment and action</th></tr></thead><tbody>
<tr><td></td><td></td><td></td></tr><tr><td></td><td></td><td></td></tr><tr><td></td><td></td><td></td></tr>
</tbody></table>
<table class="signatures"><thead><tr><th>Role</th><th>Name</th><th>Function</th><th>Date</th><th>Signature</th></tr></thead><tbody>
${row('Prepared by', 'I ran the suites as described and this report shows their results.')}
${row('Reviewed by', 'I checked the report against the requirements and assessed every deviation.')}
${row('Approved by', 'The system is fit for its intended use on this installation, subject to the deviations above.')}
</tbody></table>`;
}

function appendixSection(report: ValidationReport): string {
  const { uncommitted } = report.environment.system;
  const changes =
    uncommitted.length === 0
      ? '<p>None: the working tree was clean.</p>'
      : `<pre class="changes">${escapeHtml(uncommitted.join('\n'))}</pre>`;
  const withdrawn =
    report.document.withdrawn.length === 0
      ? '<p>None.</p>'
      : `<ul>${report.document.withdrawn.map((item) => `<li>${item.id}: ${withCode(item.text)}</li>`).join('')}</ul>`;
  return `<h2 id="appendix" class="new-page">Appendix A — How to read this report</h2>
<p>The requirements are the user requirements of Tracershop (<code>${escapeHtml(report.requirementsFile.path)}</code>), each with a stable id and a GMP risk. A test proves a requirement by naming its id in its title, e.g. “[URS-REL-002] refuses a wrong password …”. This report was generated from the machine-readable results of this run, not written by hand.</p>
<ul>
<li><strong>Passed</strong>: at least one test naming the requirement passed and none failed.</li>
<li><strong>Failed</strong>: a test naming the requirement failed, or was not reached because its test or test file stopped earlier.</li>
<li><strong>Not run</strong>: the tests naming the requirement were all skipped or their suite gave no results.</li>
<li><strong>Untested</strong>: no test names the requirement.</li>
</ul>
<p><strong>Acceptance criteria of the run.</strong> Every high-risk requirement passed, with at least one <em>integration</em> test (the api or database suites, against real SQLite and MariaDB databases) or <em>browser</em> test (the built apps in Chromium against a running api), not only <em>unit</em> tests; no test failed; every suite reported its results; every tag names a requirement. Medium- and low-risk requirements without a test are listed in section 4 for the reviewer's assessment.</p>
<h2 id="uncommitted">Appendix B — Changes not in the commit</h2>
${changes}
<h2 id="withdrawn">Appendix C — Withdrawn requirements</h2>
${withdrawn}`;
}

const STYLE = `
@page { size: A4; }
* { box-sizing: border-box; }
html { font-family: "DejaVu Sans", "Liberation Sans", Arial, sans-serif; font-size: 9pt; color: #111; }
body { margin: 0 auto; max-width: 190mm; line-height: 1.35; }
h1 { font-size: 17pt; margin: 0 0 2mm; }
h2 { font-size: 12.5pt; margin: 7mm 0 2mm; border-bottom: 0.4mm solid #333; padding-bottom: 1mm; }
h3 { font-size: 10.5pt; margin: 5mm 0 1.5mm; }
h2, h3 { break-after: avoid; }
p { margin: 1.5mm 0; }
code { font-family: "DejaVu Sans Mono", monospace; font-size: 0.92em; overflow-wrap: anywhere; }
.subtitle { color: #444; margin: 0 0 4mm; }
.bad { color: #b00020; }
.good { color: #0a6b2d; }
section.summary-box { border: 0.4mm solid #333; padding: 1mm 3mm; margin: 3mm 0; }
.warning { color: #b00020; font-weight: bold; margin: 1mm 0 0; }
.hash { color: #555; font-size: 0.85em; overflow-wrap: anywhere; }
table { border-collapse: collapse; width: 100%; margin: 2mm 0; }
thead { display: table-header-group; }
tr { break-inside: avoid; }
th, td { text-align: left; vertical-align: top; padding: 1.2mm 1.6mm; }
table.grid th, table.grid td, table.matrix th, table.matrix td, table.signatures th, table.signatures td, table.deviations th, table.deviations td { border: 0.25mm solid #999; }
table.grid thead th, table.matrix thead th, table.signatures thead th, table.deviations thead th { background: #e8e8e8; }
table.facts th { width: 44mm; color: #333; font-weight: bold; }
table.facts td, table.facts th { border-bottom: 0.2mm solid #ddd; }
td.num { text-align: right; }
table.suites td, table.files td { font-size: 8pt; }
col.c-level { width: 20mm; } col.c-count { width: 14mm; } col.c-time { width: 18mm; } col.c-run { width: 34mm; }
table.suites th { font-size: 8pt; }
table.matrix { table-layout: fixed; font-size: 8pt; }
col.c-id { width: 25mm; } col.c-requirement { width: 58mm; } col.c-result { width: 17mm; } col.c-risk { width: 16mm; }
td.id { font-weight: bold; white-space: nowrap; }
table.open td:first-child { white-space: nowrap; }
.regulation { color: #333; font-size: 0.9em; margin-top: 1mm; font-style: italic; }
.risk { display: inline-block; font-weight: bold; font-size: 0.85em; padding: 0 1mm; border-radius: 0.8mm; border: 0.2mm solid #555; margin-top: 0.8mm; }
.risk-high { background: #fde2e2; }
.risk-medium { background: #fff3cd; }
.risk-low { background: #eef1f4; }
.verdict { font-weight: bold; }
.verdict-passed { color: #0a6b2d; }
.verdict-failed, .verdict-untested, .verdict-not-run { color: #b00020; }
tr.row-failed td, tr.row-untested td, tr.row-not-run td { background: #fdecec; }
ul.tests { list-style: none; margin: 0; padding: 0; }
ul.tests li { margin: 0 0 1mm; padding-left: 4mm; text-indent: -4mm; overflow-wrap: anywhere; }
ul.tests .mark { display: inline-block; width: 4mm; text-indent: 0; font-weight: bold; }
.test-passed .mark { color: #0a6b2d; }
.test-failed .mark, .test-failed .title { color: #b00020; }
.test-skipped { color: #666; }
ul.tests .where { color: #555; font-size: 0.9em; margin-right: 1mm; }
ul.tests .where::after { content: " —"; }
pre.failure { white-space: pre-wrap; font-size: 7pt; color: #b00020; margin: 0.5mm 0 0; text-indent: 0; }
p.none { color: #b00020; font-weight: bold; margin: 0; }
section.outcome { border: 0.6mm solid; padding: 2mm 4mm; margin: 4mm 0; break-inside: avoid; }
section.outcome ul { margin: 1mm 0; padding-left: 5mm; }
.outcome-pass { border-color: #0a6b2d; background: #e8f5ec; }
.outcome-fail { border-color: #b00020; background: #fdecec; }
.outcome-word { font-size: 20pt; font-weight: bold; margin: 0; }
.outcome-pass .outcome-word { color: #0a6b2d; }
.outcome-fail .outcome-word { color: #b00020; }
.new-page { break-before: page; }
figure.shot { margin: 2mm 0 5mm; break-inside: avoid; }
figure.shot img { display: block; max-width: 100%; max-height: 112mm; margin: 0 auto; border: 0.25mm solid #999; }
figcaption { margin-top: 1.5mm; font-size: 8.5pt; }
table.signatures td { height: 16mm; }
table.signatures th[scope="row"] { width: 44mm; }
.meaning { font-weight: normal; font-size: 7.5pt; color: #333; }
table.deviations td { height: 9mm; }
pre.changes { white-space: pre-wrap; font-size: 7pt; columns: 2; column-gap: 6mm; }
nav.contents ol { margin: 1mm 0; padding-left: 5mm; columns: 2; }
@media screen { body { padding: 8mm; } }
`;

export function renderReportHtml(report: ValidationReport): string {
  const { system } = report.environment;
  const commit = system.commit === null ? 'no commit' : `commit ${system.commit.slice(0, 12)}`;
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>${escapeHtml(REPORT_TITLE)}</title>
<style>${STYLE}</style>
</head>
<body>
<h1>${escapeHtml(REPORT_TITLE)}</h1>
<p class="subtitle">${escapeHtml(system.name)} ${escapeHtml(system.version)}, ${escapeHtml(commit)} — requirements traceability and test evidence from the automated test suites, generated by <code>${escapeHtml(report.run.command)}</code> on ${escapeHtml(siteTime(report.generatedAt, report.environment.timeZone))}.</p>
${verdictSection(report)}
<nav class="contents"><ol>
<li><a href="#system">System under test</a></li><li><a href="#environment">Environment</a></li>
<li><a href="#suites">Test suites</a></li><li><a href="#open">Requirements without a passing test</a></li>
<li><a href="#matrix">Traceability matrix</a></li><li><a href="#failed">Failed tests</a></li>
<li><a href="#evidence">Evidence: the GMP day</a></li><li><a href="#signatures">Review and approval</a></li>
</ol></nav>
${systemSection(report)}
${environmentSection(report)}
${suitesSection(report)}
${withoutPassingSection(report.matrix.rows)}
${matrixSection(report)}
${failedTestsSection(report)}
${screenshotsSection(report)}
${signatureSection(report)}
${appendixSection(report)}
</body>
</html>
`;
}
