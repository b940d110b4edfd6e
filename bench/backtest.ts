/**
 * Backtests a draft against 10,000 past complaints (by default) and prints the time beside a loop
 * that only reads the same timelines, in the same run, with their ratio.
 *
 *   npx tsx bench/backtest.ts [count]
 *
 * The timelines are generated (bench/past-complaints.ts) as the read model would hold them;
 * reading them from PostgreSQL is not measured: the figure is the replay engine's.
 */
import { calendarResolver } from '../activities/calendars.js';
import { DEFAULT_PROCESS_DEFINITION } from '../config/default-process.js';
import type { ProcessDefinition } from '../domain/process-definition.js';
import { backtest } from '../simulation/backtest.js';
import { readTimeline } from '../simulation/recorded-timeline.js';
import { AS_OF, generateComplaints, RECEIVED_FROM, RECEIVED_TO } from './past-complaints.js';

const COUNT = Number(process.argv[2] ?? 10_000);
const BUDGET_MS = 10_000;
const WARM_UP = 500;

const t0 = performance.now();
const complaints = await generateComplaints(COUNT);
const generatedMs = performance.now() - t0;

const draft: ProcessDefinition = structuredClone(DEFAULT_PROCESS_DEFINITION);
draft.version = 2;
draft.stages.initialReview.deadline = { workingDays: 1 };
draft.stages.investigation.deadline = { workingDays: 3 };
draft.acceptance.answerDeadline = { workingDays: 7 };

const input = {
  draft,
  received: { from: new Date(RECEIVED_FROM).toISOString(), to: new Date(RECEIVED_TO).toISOString() },
  asOf: AS_OF,
  filedUnder: (versionId: string) => (versionId === 'iso-10002-default@1' ? DEFAULT_PROCESS_DEFINITION : undefined),
  calendars: calendarResolver(),
};

/** The baseline: the same timelines, only read (each turned into its path and recorded facts). */
function readAll(): number {
  let rows = 0;
  for (const complaint of complaints) {
    const { path, facts } = readTimeline(complaint);
    rows += (path?.events.length ?? 0) + facts.endings.length + facts.breaches.length;
  }
  return rows;
}

// Both loops run once on a few complaints first, so neither figure includes compiling the code.
readAll();
await backtest({ ...input, complaints: complaints.slice(0, WARM_UP) });

const t1 = performance.now();
const rows = readAll();
const readMs = performance.now() - t1;

const t2 = performance.now();
const cpu = process.cpuUsage();
const report = await backtest({ ...input, complaints });
const backtestMs = performance.now() - t2;
const cpuUsed = process.cpuUsage(cpu);
const backtestCpuMs = (cpuUsed.user + cpuUsed.system) / 1000;

const transitions = complaints.reduce((sum, c) => sum + c.events.length, 0);
const fmt = (n: number, digits = 0) => n.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });
const investigation = report.stages.find((s) => s.stage === 'investigation')!.overall;
console.log(`complaints: ${fmt(COUNT)} (${fmt(transitions)} recorded transitions; generated in ${fmt(generatedMs)} ms)`);
console.log(`read the timelines only:  ${fmt(readMs, 1).padStart(9)} ms  (${fmt(rows)} rows)`);
console.log(
  `backtest through draft:   ${fmt(backtestMs, 1).padStart(9)} ms  (${fmt((backtestMs * 1000) / COUNT, 1)} µs per complaint; ` +
    `${fmt(backtestCpuMs)} ms of CPU time)`,
);
console.log(`ratio backtest / read:    ${fmt(backtestMs / readMs, 1).padStart(9)} ×`);
console.log(
  `investigation on time: ${fmt(100 * (investigation.onTime.asWas.rate ?? 0), 1)} % as recorded, ` +
    `${fmt(100 * (investigation.onTime.draft.rate ?? 0), 1)} % under the draft; shift p50 ${investigation.deadlineShift.p50Hours} h; ` +
    `refused events in ${fmt(report.summary.withRefusals)} complaints`,
);
const within = backtestMs < (BUDGET_MS * COUNT) / 10_000;
console.log(within ? `within budget (${BUDGET_MS / 1000} s per 10,000 complaints)` : `OVER BUDGET (${BUDGET_MS / 1000} s per 10,000 complaints)`);
process.exitCode = within ? 0 : 1;
