// The backtest: past complaints' recorded timelines (their decisions and answers, at the instants
// they were applied) replayed through a draft on the same ComplaintRun as the workflow, then
// compared with what was recorded: on-time rates, deadline shifts, breaches and escalations per
// stage and category, and the workload per team and week.
import type { CalendarResolver } from '../activities/calendars.js';
import { createClockActivities } from '../activities/clocks.js';
import type { TimedStageId } from '../domain/complaint.js';
import type { ProcessDefinition } from '../domain/process-definition.js';
import type { RecordedComplaint } from '../read-model/recorded-timelines.js';
import { stageReports, workload, type ComplaintComparison, type PerStage, type StageReport, type WorkloadRow } from './backtest-report.js';
import { isoWeeks } from './iso-weeks.js';
import { readTimeline, recordedEscalations, type StageEnding } from './recorded-timeline.js';
import { runPath, type PathRun, type Refusal } from './run-path.js';

export const UNCLASSIFIED = '(unclassified)';
export const UNROUTED = '(unrouted)';

export interface BacktestInput {
  draft: ProcessDefinition;
  complaints: readonly RecordedComplaint[];
  /** The received range the complaints were read for (the workload's weeks); `to` exclusive. */
  received: { from: string; to: string };
  /** The replay runs up to here, as the recorded timelines did. */
  asOf: string;
  /** Definitions by the version id complaints were filed under: their escalation policies say which recorded breaches escalated. */
  filedUnder: (versionId: string) => ProcessDefinition | undefined;
  calendars: CalendarResolver;
  /** Awaited between complaints every so often: the API yields to its event loop there. */
  breathe?: () => Promise<void>;
}

export interface BacktestSummary {
  replayed: number;
  /** Their workflow never started (no `process_started`): nothing to replay. */
  notStarted: number;
  /** Complaints the draft refused at least one recorded event of, and the refusals by event and code. */
  withRefusals: number;
  refusals: Array<{ type: string; code: string; count: number }>;
  /** Complaints per version they were filed under. */
  filedUnder: Array<{ versionId: string | null; complaints: number }>;
  /** Closed as recorded, and under the draft by `asOf`. */
  closed: { asWas: number; draft: number };
}

export interface BacktestReport {
  summary: BacktestSummary;
  stages: StageReport[];
  workload: WorkloadRow[];
  /** The zone the weeks are counted in: the draft calendar's. */
  timeZone: string;
}

const BREATHE_EVERY = 250;

export async function backtest(input: BacktestInput): Promise<BacktestReport> {
  const { draft, asOf } = input;
  const clocks = createClockActivities({ calendars: input.calendars });
  const comparisons: ComplaintComparison[] = [];
  const refusals = new Map<string, { type: string; code: string; count: number }>();
  const versions = new Map<string | null, number>();
  let notStarted = 0;
  let withRefusals = 0;
  for (const [i, complaint] of input.complaints.entries()) {
    if (input.breathe && i > 0 && i % BREATHE_EVERY === 0) await input.breathe();
    const { path, facts } = readTimeline(complaint);
    versions.set(facts.versionId, (versions.get(facts.versionId) ?? 0) + 1);
    if (!path) {
      notStarted++;
      continue;
    }
    const run = await runPath(draft, { ...path, until: asOf }, clocks, 'backtest');
    if (run.refusals.length > 0) withRefusals++;
    for (const r of run.refusals) countRefusal(refusals, r);
    const filedUnder = facts.versionId === null ? undefined : input.filedUnder(facts.versionId);
    comparisons.push({
      category: complaint.category ?? UNCLASSIFIED,
      receivedAt: complaint.receivedAt,
      team: { asWas: complaint.team ?? complaint.department ?? UNROUTED, draft: draftTeam(run) },
      closedAt: { asWas: complaint.closedAt, draft: run.final.state.closedAt },
      endings: { asWas: facts.endings, draft: draftEndings(run) },
      breaches: { asWas: perStage(facts.breaches.map((b) => [b.stage, 1])), draft: perStage(draftBreaches(run, 'breaches')) },
      escalations: { asWas: filedUnder ? recordedEscalations(facts, filedUnder) : null, draft: perStage(draftBreaches(run, 'escalations')) },
    });
  }
  const timeZone = (await input.calendars(draft.calendarId, new Date(asOf))).timeZone;
  return {
    summary: {
      replayed: comparisons.length,
      notStarted,
      withRefusals,
      refusals: [...refusals.values()].sort((a, b) => b.count - a.count),
      filedUnder: [...versions.entries()].map(([versionId, complaints]) => ({ versionId, complaints })),
      closed: {
        asWas: comparisons.filter((c) => c.closedAt.asWas !== null).length,
        draft: comparisons.filter((c) => c.closedAt.draft !== null).length,
      },
    },
    stages: stageReports(comparisons),
    workload: workload(comparisons, isoWeeks(Date.parse(input.received.from), Date.parse(input.received.to), timeZone)),
    timeZone,
  };
}

function draftTeam(run: PathRun): string {
  const { team, classification } = run.final.state;
  return team ?? classification?.department ?? UNROUTED;
}

function draftEndings(run: PathRun): StageEnding[] {
  return run.transitions.flatMap(({ seq, at, event }) => {
    const o = (event.data as { stageOutcome?: Omit<StageEnding, 'seq' | 'at'> }).stageOutcome;
    return o ? [{ stage: o.stage, seq, at, outcome: o.outcome, met: o.met, byMinutes: o.byMinutes }] : [];
  });
}

/** Per breach transition of the draft: one breach, and the escalation steps it took (the reducer's counter). */
function draftBreaches(run: PathRun, what: 'breaches' | 'escalations'): Array<[TimedStageId, number]> {
  const pairs: Array<[TimedStageId, number]> = [];
  let escalations = 0;
  for (const { event, status } of run.transitions) {
    const now = status.state.counters.escalations;
    if (event.type === 'deadline_breached') {
      pairs.push([event.data.stage as TimedStageId, what === 'breaches' ? 1 : now - escalations]);
    }
    escalations = now;
  }
  return pairs;
}

function perStage(pairs: ReadonlyArray<[TimedStageId, number]>): PerStage {
  const counts: PerStage = {};
  for (const [stage, n] of pairs) counts[stage] = (counts[stage] ?? 0) + n;
  return counts;
}

function countRefusal(counts: Map<string, { type: string; code: string; count: number }>, r: Refusal): void {
  const key = `${r.type}|${r.code}`;
  const entry = counts.get(key) ?? { type: r.type, code: r.code, count: 0 };
  entry.count++;
  counts.set(key, entry);
}
