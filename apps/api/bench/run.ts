/**
 * `npm run bench`: fan-out, throughput (SQLite, and MariaDB when BENCH_MYSQL_URL or
 * TEST_MYSQL_URL is set) and page-data figures, written to docs/performance.md.
 */
import { writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { benchMysqlUrl, startBenchSite } from './benchSite';
import type { BenchDialect } from './benchSite';
import type { FanoutResult } from './fanout';
import { runFanout } from './fanout';
import type { InspectorResult } from './inspectorRecords';
import { runInspectorRecords } from './inspectorRecords';
import type { PageDataResult } from './pageData';
import { runPageData } from './pageData';
import type { ThroughputResult } from './throughput';
import { runThroughput } from './throughput';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const ms = (value: number) => `${value.toFixed(1)} ms`;

async function machine(dialects: BenchDialect[]): Promise<string> {
  const cpus = os.cpus();
  let mariadb = 'not measured';
  if (dialects.includes('mysql')) {
    const site = await startBenchSite('mysql');
    const [rows] = await site.db.record.query('SELECT VERSION() AS version');
    mariadb = String((rows as { version: string }[])[0]?.version ?? 'unknown');
    await site.close();
  }
  return [
    `- CPU: ${cpus.length} × ${cpus[0]?.model ?? 'unknown'}`,
    `- Memory: ${(os.totalmem() / 2 ** 30).toFixed(1)} GiB`,
    `- OS: ${os.type()} ${os.release()} (${os.arch()})`,
    `- Node.js ${process.version}; SQLite through sqlite3; MariaDB ${mariadb} on the same machine`,
    '- Clients, server and database share the machine (loopback), as in CI.',
  ].join('\n');
}

function fanoutSection(result: FanoutResult): string {
  const ratio = (key: 'p50' | 'p95' | 'p99') =>
    (result.api[key] / Math.max(result.bareWs[key], 0.001)).toFixed(1);
  return `## Real-time fan-out

${result.subscribers} WebSocket subscribers (half production, half the shop user of the
ordering customer), a burst of ${result.mutations} concurrent order creations. Time from the
publish right after each commit to the moment the last subscriber has the event, beside a bare
\`ws\` server broadcasting the same payloads to ${result.subscribers} sockets at the same pace
in the same run (the ratio is the cost of tRPC, per-subscriber filtering and tracking).

| | p50 | p95 | p99 |
|---|---|---|---|
| api (tRPC subscription, per-subscriber filtering) | ${ms(result.api.p50)} | ${ms(result.api.p95)} | ${ms(result.api.p99)} |
| bare \`ws\` broadcast | ${ms(result.bareWs.p50)} | ${ms(result.bareWs.p95)} | ${ms(result.bareWs.p99)} |
| ratio | ${ratio('p50')} | ${ratio('p95')} | ${ratio('p99')} |
`;
}

function throughputSection(results: Record<string, ThroughputResult>): string {
  const rows = Object.entries(results)
    .map(
      ([dialect, result]) =>
        `| ${dialect} | ${result.orders} | ${result.concurrency} | ${result.apiPerSecond.toFixed(0)} /s | ${result.rawPerSecond.toFixed(0)} /s | ${(result.apiPerSecond / result.rawPerSecond).toFixed(2)} |`,
    )
    .join('\n');
  return `## Order throughput

Concurrent activity-order creations by a shop user through the api (HTTP batch link,
session, role and customer checks, deadline and schedule rules, one transaction with the
audit row, the change event), beside raw \`ActivityOrder.create\` calls through the same
Sequelize models, same concurrency, same run.

| database | orders | concurrency | through the api | raw inserts | api / raw |
|---|---|---|---|---|---|
${rows}
`;
}

function pageDataSection(result: PageDataResult): string {
  return `## Page data

\`orders.productionDay\` (slot summaries, per-order figures and run totals of FDG for one day)
on SQLite with ${result.orders.toLocaleString('en')} activity orders of history, ${result.loads} loads.

| median | p95 |
|---|---|
| ${ms(result.medianMs)} | ${ms(result.p95Ms)} |
`;
}

function inspectorSection(result: InspectorResult): string {
  const rows = result.timings
    .map(
      (timing) =>
        `| ${timing.what} | ${ms(timing.medianMs)} | ${ms(timing.p95Ms)} | ${ms(timing.limitMs)} | ${timing.p95Ms <= timing.limitMs ? 'within' : '**over**'} |`,
    )
    .join('\n');
  return `## Inspector's records

A year of released deliveries on SQLite (${result.orders.toLocaleString('en')} activity orders, a
vial and a signed release per delivery) and ${result.events.toLocaleString('en')} audit events.
A page of the audit trail is 50 events in words (\`admin.auditTrail\`); the recall trace is
\`recall.trace\` of a lot from the middle of the year. The limit applies to the p95.

| | median | p95 | limit | |
|---|---|---|---|---|
${rows}
`;
}

/** The limits a run broke, if any. */
function brokenLimits(result: InspectorResult): string[] {
  return result.timings
    .filter((timing) => timing.p95Ms > timing.limitMs)
    .map((timing) => `${timing.what}: p95 ${ms(timing.p95Ms)} > ${ms(timing.limitMs)}`);
}

async function main(): Promise<void> {
  const dialects: BenchDialect[] = (await benchMysqlUrl()) ? ['sqlite', 'mysql'] : ['sqlite'];
  const started = new Date();

  console.log('fan-out …');
  const fanoutSite = await startBenchSite('sqlite');
  const fanout = await runFanout(fanoutSite);
  await fanoutSite.close();

  const throughput: Record<string, ThroughputResult> = {};
  for (const dialect of dialects) {
    console.log(`throughput on ${dialect} …`);
    const site = await startBenchSite(dialect);
    throughput[dialect === 'mysql' ? 'MariaDB' : 'SQLite'] = await runThroughput(site);
    await site.close();
  }

  console.log('page data …');
  const pageSite = await startBenchSite('sqlite');
  const pageData = await runPageData(pageSite);
  await pageSite.close();

  console.log('inspector records …');
  const inspectorSite = await startBenchSite('sqlite');
  const inspector = await runInspectorRecords(inspectorSite);
  await inspectorSite.close();

  const report = `# Performance

Measured by \`npm run bench\` (apps/api/bench) on ${started.toISOString().slice(0, 10)}. Figures
are from one run on the machine below; compare runs on the same machine, not across machines.

${await machine(dialects)}

${fanoutSection(fanout)}
${throughputSection(throughput)}
${pageDataSection(pageData)}
${inspectorSection(inspector)}`;
  const file = path.join(repoRoot, 'docs', 'performance.md');
  await writeFile(file, report);
  console.log(report);
  console.log(`written to ${file}`);
  const broken = brokenLimits(inspector);
  if (broken.length > 0) {
    console.error(`over the limit:\n${broken.join('\n')}`);
    process.exitCode = 1;
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
