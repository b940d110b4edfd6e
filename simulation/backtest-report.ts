// The backtest's figures, from each replayed complaint's comparison of what was recorded with what
// the draft gives: pure aggregation, no calendar but the week boundaries handed in.
import { TIMED_STAGES, type TimedStageId } from '../domain/complaint.js';
import type { StageEnding } from './recorded-timeline.js';

export type PerStage = Partial<Record<TimedStageId, number>>;

/** One past complaint: as recorded, and as the draft replays it. */
export interface ComplaintComparison {
  category: string;
  receivedAt: string;
  team: { asWas: string; draft: string };
  closedAt: { asWas: string | null; draft: string | null };
  endings: { asWas: StageEnding[]; draft: StageEnding[] };
  breaches: { asWas: PerStage; draft: PerStage };
  /** `asWas` is null when the version it was filed under is not known (its escalation policy decides). */
  escalations: { asWas: PerStage | null; draft: PerStage };
}

export interface OnTime {
  met: number;
  breached: number;
  /** met / (met + breached); null without either. Stages cut short by a closure are not counted. */
  rate: number | null;
}

export interface ShiftBucket {
  /** Business hours. Below zero a bucket holds from ≤ shift < to, zero is its own bucket, above zero from < shift ≤ to; null is open. */
  fromHours: number | null;
  toHours: number | null;
  count: number;
}

export interface ShiftDistribution {
  /** Stage runs with an end both as recorded and under the draft (paired in order per stage). */
  count: number;
  minHours: number | null;
  p50Hours: number | null;
  p90Hours: number | null;
  maxHours: number | null;
  meanHours: number | null;
  buckets: ShiftBucket[];
}

export interface CountChange {
  asWas: number;
  draft: number;
  /** Summed per complaint: more under the draft than recorded … */
  added: number;
  /** … and fewer. */
  removed: number;
}

export interface StageMetrics {
  /** Complaints where the stage ran (as recorded or under the draft). */
  complaints: number;
  onTime: { asWas: OnTime; draft: OnTime };
  deadlineShift: ShiftDistribution;
  breaches: CountChange;
  escalations: CountChange & { notCompared: number };
}

export interface StageReport {
  stage: TimedStageId;
  overall: StageMetrics;
  byCategory: Array<StageMetrics & { category: string }>;
}

export interface Week {
  /** ISO week, `2026-W12`. */
  week: string;
  /** Its Monday, as a local date in the calendar's zone. */
  weekStart: string;
  startMs: number;
  endMs: number;
}

export interface WorkloadRow {
  week: string;
  weekStart: string;
  team: string;
  /** Complaints received that week. */
  new: { asWas: number; draft: number };
  /** Complaints open at some point of that week. */
  inProgress: { asWas: number; draft: number };
}

/** The shift buckets in business hours (a working day of the default calendar has 9). */
export const SHIFT_BUCKETS_HOURS: ReadonlyArray<[from: number | null, to: number | null]> = [
  [null, -24], [-24, -8], [-8, -1], [-1, 0], [0, 0], [0, 1], [1, 8], [8, 24], [24, null],
];

export function stageReports(comparisons: readonly ComplaintComparison[]): StageReport[] {
  return TIMED_STAGES.map((stage) => {
    const runs = stageRuns(comparisons, stage);
    const byCategory = new Map<string, StageRun[]>();
    for (const run of runs) {
      const list = byCategory.get(run.category);
      if (list) list.push(run);
      else byCategory.set(run.category, [run]);
    }
    return {
      stage,
      overall: metricsOf(runs),
      byCategory: [...byCategory.entries()]
        .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
        .map(([category, categoryRuns]) => ({ category, ...metricsOf(categoryRuns) })),
    };
  });
}

/** One complaint's part in one stage: picked out once, then counted overall and per category. */
interface StageRun {
  category: string;
  asWas: StageEnding[];
  draft: StageEnding[];
  breaches: [asWas: number, draft: number];
  /** Null when the recorded escalations cannot be told. */
  escalations: [asWas: number, draft: number] | null;
}

/** The complaints where the stage ran, as recorded or under the draft. */
function stageRuns(comparisons: readonly ComplaintComparison[], stage: TimedStageId): StageRun[] {
  const runs: StageRun[] = [];
  for (const c of comparisons) {
    const asWas = c.endings.asWas.filter((e) => e.stage === stage);
    const draft = c.endings.draft.filter((e) => e.stage === stage);
    const breaches: [number, number] = [c.breaches.asWas[stage] ?? 0, c.breaches.draft[stage] ?? 0];
    if (asWas.length === 0 && draft.length === 0 && breaches[0] === 0 && breaches[1] === 0) continue;
    const escalations: [number, number] | null = c.escalations.asWas ? [c.escalations.asWas[stage] ?? 0, c.escalations.draft[stage] ?? 0] : null;
    runs.push({ category: c.category, asWas, draft, breaches, escalations });
  }
  return runs;
}

function metricsOf(runs: readonly StageRun[]): StageMetrics {
  const shifts: number[] = [];
  const asWas: StageEnding[] = [];
  const draft: StageEnding[] = [];
  const breaches = emptyChange();
  const escalations = emptyChange();
  let notCompared = 0;
  for (const run of runs) {
    for (let i = 0; i < Math.min(run.asWas.length, run.draft.length); i++) shifts.push(shiftMinutes(run.asWas[i]!, run.draft[i]!) / 60);
    asWas.push(...run.asWas);
    draft.push(...run.draft);
    addChange(breaches, run.breaches);
    if (run.escalations) addChange(escalations, run.escalations);
    else notCompared++;
  }
  return {
    complaints: runs.length,
    onTime: { asWas: onTime(asWas), draft: onTime(draft) },
    deadlineShift: distribution(shifts),
    breaches,
    escalations: { ...escalations, notCompared },
  };
}

/**
 * How much later the draft's deadline falls than the recorded one, in working minutes: both runs
 * end the stage at the same instant (the same decision), so the difference of their margins
 * (before the deadline +, after it −) is the working time between the two deadlines.
 */
export function shiftMinutes(asWas: StageEnding, draft: StageEnding): number {
  const margin = (e: StageEnding) => (e.met ? e.byMinutes : -e.byMinutes);
  return Math.round(margin(draft) - margin(asWas));
}

export function onTime(endings: readonly StageEnding[]): OnTime {
  const met = endings.filter((e) => e.outcome === 'met').length;
  const breached = endings.filter((e) => e.outcome === 'breached').length;
  return { met, breached, rate: met + breached === 0 ? null : met / (met + breached) };
}

/** Nearest-rank percentiles (p50 is the value at rank ⌈n/2⌉ of the sorted shifts). */
export function distribution(hours: readonly number[]): ShiftDistribution {
  const sorted = [...hours].sort((a, b) => a - b);
  const n = sorted.length;
  const rank = (p: number) => (n === 0 ? null : sorted[Math.max(0, Math.ceil(p * n) - 1)]!);
  const buckets = SHIFT_BUCKETS_HOURS.map(([fromHours, toHours]) => ({ fromHours, toHours, count: 0 }));
  for (const h of sorted) buckets.find((b) => inBucket(b, h))!.count++;
  return {
    count: n,
    minHours: n ? sorted[0]! : null,
    p50Hours: rank(0.5),
    p90Hours: rank(0.9),
    maxHours: n ? sorted[n - 1]! : null,
    meanHours: n ? sorted.reduce((sum, h) => sum + h, 0) / n : null,
    buckets,
  };
}

function inBucket(b: ShiftBucket, h: number): boolean {
  if (b.fromHours === 0 && b.toHours === 0) return h === 0;
  if (b.toHours !== null && b.toHours <= 0) return (b.fromHours === null || h >= b.fromHours) && h < b.toHours;
  return h > b.fromHours! && (b.toHours === null || h <= b.toHours);
}

function emptyChange(): CountChange {
  return { asWas: 0, draft: 0, added: 0, removed: 0 };
}

function addChange(change: CountChange, [asWas, draft]: readonly [number, number]): void {
  change.asWas += asWas;
  change.draft += draft;
  change.added += Math.max(0, draft - asWas);
  change.removed += Math.max(0, asWas - draft);
}

/** Per ISO week and team: complaints received, and complaints open at some point of the week. */
export function workload(comparisons: readonly ComplaintComparison[], weeks: readonly Week[]): WorkloadRow[] {
  const rows = weeks.map(() => new Map<string, WorkloadRow>());
  for (const c of comparisons) {
    const received = Date.parse(c.receivedAt);
    for (const side of ['asWas', 'draft'] as const) {
      const closed = c.closedAt[side] === null ? Infinity : Date.parse(c.closedAt[side]!);
      // Weeks are in order: from the one it arrived in (or the first) to the one it closed in.
      for (let i = firstWeekEndingAfter(weeks, received); i < weeks.length && weeks[i]!.startMs <= closed; i++) {
        const week = weeks[i]!;
        const team = c.team[side];
        let row = rows[i]!.get(team);
        if (!row) rows[i]!.set(team, (row = { week: week.week, weekStart: week.weekStart, team, new: { asWas: 0, draft: 0 }, inProgress: { asWas: 0, draft: 0 } }));
        row.inProgress[side]++;
        if (received >= week.startMs) row.new[side]++;
      }
    }
  }
  return rows.flatMap((byTeam) => [...byTeam.values()].sort((a, b) => (a.team < b.team ? -1 : a.team > b.team ? 1 : 0)));
}

function firstWeekEndingAfter(weeks: readonly Week[], ms: number): number {
  let [lo, hi] = [0, weeks.length];
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (weeks[mid]!.endMs <= ms) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
