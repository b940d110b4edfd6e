// The KPI report (GET /v1/reports/kpis): every figure from the read model's complaints and the
// report fact tables (db/migrations/0018), one small aggregate query per fact and deciding date,
// each an index range scan with FILTER aggregates, run side by side. Totals and groups come from
// the same scan (GROUPING SETS). What each figure means is documented in
// api/staff/kpi-reports.schemas.ts; this module only counts. Where the rollups are exact
// (useRollups: every boundary on a whole UTC hour) every figure comes from them instead
// (read-model/kpi-rollup-reads.ts, db/migrations/0020 and 0022), for every grouping, and for a
// report filtered to one department or one team (but its root causes); the fact queries below
// remain for the other time zones and filter combinations, and are what the rollups' tests
// compare with.
import type { PendingQuery, Row, Sql } from 'postgres';
import { AGEING_BUCKETS, ageingThresholds, reportBounds, type AgeingBucketId, type ReportBounds } from '../domain/reports/kpi-periods.js';
import type { CalendarResolver } from './calendar-resolver.js';
import { readRollups, rollupPercentiles, rollupRootCauses, youngBacklog, type Histogram, type Period, type RollupDimension, type RollupRow } from './kpi-rollup-reads.js';
import { filterCondition, isFiltered, type ReportFilter } from './report-filter.js';
import { rollupCovers } from './report-rollups.js';

export const DIMENSIONS = ['category', 'product', 'channel', 'department', 'team'] as const;
export type Dimension = (typeof DIMENSIONS)[number];
export const GROUPINGS = [...DIMENSIONS, 'week', 'month'] as const;
export type Grouping = (typeof GROUPINGS)[number];

export const TIMED_STAGE_IDS = ['acknowledgement', 'initialReview', 'investigation', 'reinvestigation'] as const;
export const PROPOSAL_OUTCOMES = ['upheld', 'partly_upheld', 'not_upheld'] as const;
export const CLOSURE_IDS = ['accepted', 'deemed_accepted', 'withdrawn', 'out_of_scope', 'duplicate', 'external_decision', 'no_response'] as const;

/** Business-day ageing thresholds of one calendar (ageingThresholds' instants for 3, 6, 11, 21). */
export interface CalendarAgeing {
  calendarId: string;
  thresholds: Date[];
}

export interface KpiQuery extends ReportBounds {
  groupBy?: Grouping | undefined;
  /** Only the complaints of this department and/or team: every figure, the total and the groups. */
  filter?: ReportFilter | undefined;
  timeZone: string;
  repeatWindowDays: number;
  rootCauseLimit: number;
  /** One entry per calendar; complaints on any other (or none) age by `defaultCalendarId`'s. */
  ageing: CalendarAgeing[];
  defaultCalendarId: string;
  /** With groupBy week or month: the local start date of every unit the report touches, oldest first. */
  units?: string[];
  /**
   * Read the figures from the rollups (db/migrations/0020, 0022) where they are exact: every
   * boundary (start, end, each unit's start) on a whole UTC hour. Default true; false reads the
   * fact tables (the rollups' tests compare the two).
   */
  rollups?: boolean;
}

export interface Ratio {
  count: number;
  of: number;
  rate: number | null;
}

export interface KpiFigures {
  volume: { received: number; closed: number; openAtStart: number; openAtEnd: number };
  backlogAgeing: Record<AgeingBucketId, number> | null;
  acknowledgementOnTime: Ratio;
  stageSla: Record<(typeof TIMED_STAGE_IDS)[number], Ratio>;
  escalations: { total: number; byLevel: Record<string, number> };
  resolution: {
    medianBusinessHours: number | null;
    p90BusinessHours: number | null;
    closedWithin3BusinessDays: Ratio;
    closedWithin8Weeks: Ratio;
  };
  closures: Record<(typeof CLOSURE_IDS)[number], number>;
  withdrawal: Ratio;
  outOfScope: Ratio;
  duplicates: Ratio;
  acceptance: { firstRound: Ratio; secondRound: Ratio; deemed: Ratio; externalHandOffs: number };
  proposalsByOutcome: Record<(typeof PROPOSAL_OUTCOMES)[number] | 'unrecorded', number>;
  redress: { currency: string; amount: string; proposals: number }[];
  repeatComplaints: Ratio;
  satisfaction: { answers: number; meanHandling: number | null; meanOutcome: number | null; satisfiedHandling: Ratio; satisfiedOutcome: Ratio };
}

export interface KpiReport {
  total: KpiFigures;
  /** Keyed by the group's value (null: complaints without one) or a time unit's local start date. */
  groups: Map<string | null, KpiFigures>;
  rootCauses: { rootCause: string; count: number }[];
}

/** Rows of one query: `g` the group (absent for the total), plus its aggregates. */
type Grouped = { g: string | null; is_total: boolean } & Row;

export async function kpiReport(sql: Sql, q: KpiQuery): Promise<KpiReport> {
  const { counts, percentiles, openAtEnd, rootCauses } = useRollups(q) ? await rollupParts(sql, q) : await factParts(sql, q);
  const { received, closed, clocks, escalations, proposed, answered, redress, handOffs, survey } = counts;
  const keys = new Set<string | null>();
  for (const rows of [received, closed, percentiles, openAtEnd, clocks, escalations, proposed, answered, handOffs, redress, survey]) {
    for (const r of rows) if (!r.is_total) keys.add(r.g);
  }
  const figuresOf = (pick: (rows: Grouped[]) => Grouped[], kind: 'whole' | 'time' = 'whole'): KpiFigures =>
    figures(
      {
        received: pick(received), closed: pick(closed), percentiles: pick(percentiles), openAtEnd: pick(openAtEnd), clocks: pick(clocks),
        escalations: pick(escalations), proposed: pick(proposed), answered: pick(answered), handOffs: pick(handOffs), redress: pick(redress), survey: pick(survey),
      },
      kind,
    );
  const total = figuresOf((rows) => rows.filter((r) => r.is_total));
  const groups = new Map<string | null, KpiFigures>();
  // Time units: every one present (zero weeks too), open counts carried from the report's start.
  let open = total.volume.openAtStart;
  for (const key of q.units ?? []) keys.delete(key);
  for (const key of [...(q.units ?? []), ...keys]) {
    const group = figuresOf((rows) => rows.filter((r) => !r.is_total && r.g === key), q.units ? 'time' : 'whole');
    if (q.units) {
      group.volume.openAtStart = open;
      open += group.volume.received - group.volume.closed;
      group.volume.openAtEnd = open;
    }
    groups.set(key, group);
  }
  return { total, groups, rootCauses: rootCauses.map((r) => ({ rootCause: r.root_cause as string, count: Number(r.count) })) };
}

type Counts = Pick<SourceRows, 'received' | 'closed' | 'clocks' | 'escalations' | 'proposed' | 'answered' | 'redress' | 'handOffs' | 'survey'>;

/** What kpiReport shapes into figures, read from the facts or from the rollups alike. */
interface Parts {
  counts: Counts;
  percentiles: Grouped[];
  openAtEnd: Grouped[];
  rootCauses: Row[];
}

function unitStartsOf(q: KpiQuery): Date[] {
  return (q.units ?? []).map((u, i) => (i === 0 ? q.start : reportBounds(u, u, q.timeZone).start));
}

function dimensionOf(q: KpiQuery): Dimension | undefined {
  return q.groupBy && (DIMENSIONS as readonly string[]).includes(q.groupBy) ? (q.groupBy as Dimension) : undefined;
}

/**
 * Whether the rollups can answer exactly: rows of the one dimension they are kept by answer the
 * query (rollupSlice), and every boundary (start, end, each unit's start) is on a whole UTC hour
 * (a half-hour time zone's midnights are not).
 */
export function useRollups(q: KpiQuery): boolean {
  return q.rollups !== false && rollupSlice(q) !== null && rollupCovers([q.start, q.end, ...unitStartsOf(q)]);
}

/**
 * The rollup rows that answer a query: those of the dimension it is grouped by ('' the whole),
 * or, filtered to one department or one team, that dimension's one value (grouped by time or by
 * that same dimension). Null when only the facts can answer: department and team together, or a
 * filter with another dimension's grouping (the rollups keep one dimension at a time).
 */
function rollupSlice(q: KpiQuery): { dimension: RollupDimension; value?: string } | null {
  const grouping = dimensionOf(q);
  const filters = (['department', 'team'] as const).filter((d) => q.filter?.[d]);
  if (filters.length === 0) return { dimension: grouping ?? '' };
  const [dimension] = filters;
  if (filters.length > 1 || (grouping && grouping !== dimension)) return null;
  return { dimension: dimension!, value: q.filter![dimension!]! };
}

/** Every figure from the fact tables, one range scan per fact and deciding date. */
async function factParts(sql: Sql, q: KpiQuery): Promise<Parts> {
  const src = sources(sql, q);
  // Time units come back as their number (1…): named by their first local date here.
  const named = (rows: Grouped[]) =>
    q.units ? rows.map((r) => (r.is_total || r.g === null ? r : { ...r, g: q.units![Number(r.g) - 1] ?? null })) : rows;
  const [received, closed, clocks, escalations, proposed, answers, handOffs, survey, percentiles, openAtEnd, rootCauses] = await Promise.all([
    src.received().then(named),
    src.closed().then(named),
    src.stageClocks().then(named),
    src.escalations().then(named),
    src.proposalsProposed().then(named),
    src.proposalsAnswered().then(named),
    src.externalHandOffs().then(named),
    src.survey().then(named),
    src.resolutionPercentiles().then(named),
    src.openAtEnd(),
    src.rootCauses(),
  ]);
  const counts = { received, closed, clocks, escalations, proposed, answered: sumOverKeys(answers), redress: answers.filter((r) => r.k !== null), handOffs, survey };
  return { counts, percentiles, openAtEnd, rootCauses };
}

/**
 * Every figure from the rollups (read-model/kpi-rollup-reads.ts), shaped as the fact queries'
 * rows so that `figures` reads both alike: the counts and the resolution histogram of the period
 * (by unit or value), the open count before it, the young backlog by ageing bucket and the root
 * causes, side by side.
 */
async function rollupParts(sql: Sql, q: KpiQuery): Promise<Parts> {
  const { dimension, value } = rollupSlice(q)!;
  const grouping = dimensionOf(q);
  const starts = unitStartsOf(q);
  const periods: Period[] = q.units ? starts.map((from, i) => ({ g: i + 1, from, to: starts[i + 1] ?? q.end })) : [{ g: 1, from: q.start, to: q.end }];
  const { repeatWindowDays } = q;
  const [rows, before, young, rootCauses] = await Promise.all([
    readRollups(sql, { dimension, value, by: q.units ? 'period' : grouping ? 'value' : 'none', periods, repeatWindowDays }),
    readRollups(sql, { dimension, value, by: grouping ? 'value' : 'none', periods: [{ g: 1, from: null, to: q.start }], repeatWindowDays, metrics: ['received', 'closed'] }),
    youngBacklog(sql, grouping ?? '', q.end, ageingRows(q), q.filter),
    // The rollups keep root causes for the whole only: a filtered report counts its complaints' corrective actions.
    isFiltered(q.filter) ? sources(sql, q).rootCauses() : rollupRootCauses(sql, q.start, q.end, q.rootCauseLimit),
  ]);
  // A row's group: its unit's first local date, its dimension's value, or none (the total).
  const ids = new Map<string, { g: string | null; is_total: boolean }>();
  const idOf = (r: { grp: string | null; is_total: boolean }) => {
    const g = r.is_total ? null : q.units ? (q.units[Number(r.grp) - 1] ?? null) : r.grp;
    const id = r.is_total ? 'total' : `g:${JSON.stringify(g)}`;
    if (!ids.has(id)) ids.set(id, { g, is_total: r.is_total });
    return id;
  };
  const collect = <T extends { grp: string | null; is_total: boolean }>(list: readonly T[]) => {
    const by = new Map<string, T[]>();
    for (const r of list) by.set(idOf(r), [...(by.get(idOf(r)) ?? []), r]);
    return by;
  };
  ids.set('total', { g: null, is_total: true });
  const byGroup = collect(rows);
  const counts = countsFromRollup([...ids].map(([id, group]) => ({ ...group, rows: byGroup.get(id) ?? [] })));

  // Percentiles: one histogram per group and the total, read where their closures are.
  const histograms: Histogram[] = [...ids].map(([id, { g, is_total }]) => {
    const unit = q.units && !is_total ? q.units.indexOf(g!) : -1;
    return {
      id,
      buckets: (byGroup.get(id) ?? []).filter((r) => r.metric === RESOLUTION_BUCKETS).map((r) => ({ bucket: Number(r.key), n: Number(r.amount) })),
      from: unit >= 0 ? periods[unit]!.from! : q.start,
      to: unit >= 0 ? periods[unit]!.to : q.end,
      // Filtered: every histogram's closures are the filter's value's (the total's too).
      value: value ?? g,
      whole: value === undefined && (is_total || !!q.units),
    };
  });
  const found = await rollupPercentiles(sql, dimension, histograms);
  const percentiles = histograms.map((h) => ({ ...ids.get(h.id)!, percentiles: found.get(h.id) ?? null }) as Grouped);

  // The backlog at the end: open before the period, plus received, less closed in it; by the
  // ageing buckets of the young backlog, the oldest bucket taking the rest.
  const sum = (list: RollupRow[] | undefined, metric: string) => (list ?? []).filter((r) => r.metric === metric).reduce((a, r) => a + Number(r.amount), 0);
  // A group counts here when it had figures in the period or complaints open at its end (as the facts' backlog query finds them).
  const active = new Set(ids.keys());
  const beforeBy = collect(before);
  const youngBy = new Map([...collect(young)].map(([id, [r]]) => [id, r]));
  const openIds = q.units ? ['total'] : [...ids.keys()];
  const openAtEnd = openIds.flatMap((id) => {
    const open = sum(beforeBy.get(id), 'received') - sum(beforeBy.get(id), 'closed') + sum(byGroup.get(id), 'received') - sum(byGroup.get(id), 'closed');
    const y = youngBy.get(id);
    const younger = { days0to2: Number(y?.days0to2 ?? 0), days3to5: Number(y?.days3to5 ?? 0), days6to10: Number(y?.days6to10 ?? 0), days11to20: Number(y?.days11to20 ?? 0) };
    if (open === 0 && !active.has(id)) return [];
    return [{ ...ids.get(id), is_total: id === 'total', g: ids.get(id)?.g ?? null, open, ...younger, over20: open - Object.values(younger).reduce((a, b) => a + b, 0) } as Grouped];
  });
  return { counts, percentiles, openAtEnd, rootCauses };
}

/** The rollup metric counting closures by resolution-time bucket (0022; key: the bucket number). */
const RESOLUTION_BUCKETS = 'resolution_4h';

function ageingRows(q: KpiQuery) {
  return {
    thresholds: q.ageing.map((a) => ({ calendar_id: a.calendarId, ...Object.fromEntries(a.thresholds.map((t, i) => [`t${i + 1}`, t.toISOString()])) })),
    known: q.ageing.map((a) => a.calendarId),
    defaultCalendarId: q.defaultCalendarId,
  };
}

/** The rollup's rows of each group summed into the fact queries' row shapes. */
function countsFromRollup(groups: { g: string | null; is_total: boolean; rows: RollupRow[] }[]): Counts {
  const counts: Counts = { received: [], closed: [], clocks: [], escalations: [], proposed: [], answered: [], redress: [], handOffs: [], survey: [] };
  for (const { g, is_total, rows: mine } of groups) {
    const sum = (metric: string, key?: (k: string) => boolean) =>
      mine.filter((r) => r.metric === metric && (!key || key(r.key))).reduce((a, r) => a + Number(r.amount), 0);
    const keysOf = (metric: string) => [...new Set(mine.filter((r) => r.metric === metric).map((r) => r.key))];
    const row = (values: Row): Grouped => ({ g, is_total, ...values }) as Grouped;
    const accepted = (k: string) => k.endsWith(':accepted') || k.endsWith(':deemed_accepted');
    counts.received.push(row({
      received: sum('received'),
      repeats: sum('repeat_gap_days', (k) => k === 'within'),
    }));
    counts.closed.push(row({
      closed: sum('closed'),
      ...Object.fromEntries(CLOSURE_IDS.map((id) => [id, sum('closure', (k) => k === id)])),
      within_3_business_days: sum('closed_within_3_business_days'),
      within_8_weeks: sum('closed_within_8_weeks'),
    }));
    for (const stage of new Set([...keysOf('stage_met'), ...keysOf('stage_missed')])) {
      const met = sum('stage_met', (k) => k === stage);
      counts.clocks.push(row({ k: stage, met, settled: met + sum('stage_missed', (k) => k === stage) }));
    }
    for (const level of keysOf('escalation').sort()) {
      const count = sum('escalation', (k) => k === level);
      if (count !== 0) counts.escalations.push(row({ k: level, count }));
    }
    counts.proposed.push(row(Object.fromEntries([...PROPOSAL_OUTCOMES, 'unrecorded'].map((o) => [o, sum('proposed', (k) => k === o)]))));
    counts.answered.push(row({
      answered: sum('answered'),
      first_answered: sum('answered', (k) => k.startsWith('first:')),
      first_accepted: sum('answered', (k) => k.startsWith('first:') && accepted(k)),
      later_answered: sum('answered', (k) => k.startsWith('later:')),
      later_accepted: sum('answered', (k) => k.startsWith('later:') && accepted(k)),
      deemed: sum('answered', (k) => k.endsWith(':deemed_accepted')),
    }));
    for (const currency of keysOf('redress_proposals')) {
      const proposals = sum('redress_proposals', (k) => k === currency);
      // Money stays an exact decimal string, summed in SQL.
      const amount = mine.find((r) => r.metric === 'redress_amount' && r.key === currency)?.amount;
      if (proposals !== 0) counts.redress.push(row({ k: currency, answered: proposals, amount: amount ?? '0.00' }));
    }
    counts.handOffs.push(row({ count: sum('external_hand_off') }));
    const answers = sum('survey_answers');
    counts.survey.push(row({
      answers,
      mean_handling: answers === 0 ? null : sum('survey_handling_sum') / answers,
      mean_outcome: answers === 0 ? null : sum('survey_outcome_sum') / answers,
      satisfied_handling: sum('survey_satisfied_handling'),
      satisfied_outcome: sum('survey_satisfied_outcome'),
    }));
  }
  return counts;
}

/** Rows keyed by `k` (here: the redress currency) summed into one row per group. */
function sumOverKeys(rows: Grouped[]): Grouped[] {
  const sums = new Map<string, Grouped>();
  for (const r of rows) {
    const id = `${r.is_total}|${r.g}`;
    const sum = sums.get(id) ?? ({ g: r.g, is_total: r.is_total } as Grouped);
    for (const [column, value] of Object.entries(r)) {
      if (column !== 'g' && column !== 'k' && column !== 'is_total' && column !== 'amount') sum[column] = Number(sum[column] ?? 0) + Number(value);
    }
    sums.set(id, sum);
  }
  return [...sums.values()];
}

interface SourceRows {
  received: Grouped[]; closed: Grouped[]; percentiles: Grouped[]; openAtEnd: Grouped[]; clocks: Grouped[]; escalations: Grouped[];
  proposed: Grouped[]; answered: Grouped[]; handOffs: Grouped[]; redress: Grouped[]; survey: Grouped[];
}

/** `time` groups leave backlog figures to the caller (they follow from the totals, see kpi-trends). */
function figures(s: SourceRows, kind: 'whole' | 'time'): KpiFigures {
  const one = (rows: Grouped[]): Row => rows[0] ?? {};
  const n = (v: unknown) => (v === null || v === undefined ? 0 : Number(v));
  const num = (v: unknown) => (v === null || v === undefined ? null : Number(v));
  const received = one(s.received);
  const closed = one(s.closed);
  const answered = one(s.answered);
  const survey = one(s.survey);
  const end = one(s.openAtEnd);
  const closedCount = n(closed.closed);
  const percentiles = (one(s.percentiles).percentiles as (number | null)[] | undefined) ?? [];
  const clockOf = (stage: string) => {
    const row = s.clocks.find((r) => r.k === stage);
    return ratio(n(row?.met), n(row?.settled));
  };
  const byLevel = Object.fromEntries(s.escalations.map((r) => [r.k as string, n(r.count)]));
  return {
    // Open at the start follows from the end: open(end) = open(start) + received − closed (one scan fewer).
    volume: {
      received: n(received.received),
      closed: closedCount,
      openAtStart: n(end.open) - n(received.received) + closedCount,
      openAtEnd: n(end.open),
    },
    backlogAgeing: kind === 'time' ? null : (Object.fromEntries(AGEING_BUCKETS.map((b) => [b.id, n(end[b.id.toLowerCase()])])) as Record<AgeingBucketId, number>),
    acknowledgementOnTime: clockOf('acknowledgement'),
    stageSla: Object.fromEntries(TIMED_STAGE_IDS.map((stage) => [stage, clockOf(stage)])) as KpiFigures['stageSla'],
    escalations: { total: Object.values(byLevel).reduce((a, b) => a + b, 0), byLevel },
    resolution: {
      medianBusinessHours: hours(num(percentiles[0])),
      p90BusinessHours: hours(num(percentiles[1])),
      closedWithin3BusinessDays: ratio(n(closed.within_3_business_days), closedCount),
      closedWithin8Weeks: ratio(n(closed.within_8_weeks), closedCount),
    },
    closures: Object.fromEntries(CLOSURE_IDS.map((id) => [id, n(closed[id])])) as KpiFigures['closures'],
    withdrawal: ratio(n(closed.withdrawn), closedCount),
    outOfScope: ratio(n(closed.out_of_scope), closedCount),
    duplicates: ratio(n(closed.duplicate), closedCount),
    acceptance: {
      firstRound: ratio(n(answered.first_accepted), n(answered.first_answered)),
      secondRound: ratio(n(answered.later_accepted), n(answered.later_answered)),
      deemed: ratio(n(answered.deemed), n(answered.answered)),
      externalHandOffs: n(one(s.handOffs).count),
    },
    proposalsByOutcome: {
      upheld: n(one(s.proposed).upheld),
      partly_upheld: n(one(s.proposed).partly_upheld),
      not_upheld: n(one(s.proposed).not_upheld),
      unrecorded: n(one(s.proposed).unrecorded),
    },
    redress: s.redress
      .map((r) => ({ currency: r.k as string, amount: String(r.amount), proposals: n(r.answered) }))
      .sort((a, b) => a.currency.localeCompare(b.currency)),
    repeatComplaints: ratio(n(received.repeats), n(received.received)),
    satisfaction: {
      answers: n(survey.answers),
      meanHandling: round(num(survey.mean_handling), 2),
      meanOutcome: round(num(survey.mean_outcome), 2),
      satisfiedHandling: ratio(n(survey.satisfied_handling), n(survey.answers)),
      satisfiedOutcome: ratio(n(survey.satisfied_outcome), n(survey.answers)),
    },
  };
}

export function ratio(count: number, of: number): Ratio {
  return { count, of, rate: of === 0 ? null : round(count / of, 4) };
}

function hours(minutes: number | null): number | null {
  return minutes === null ? null : round(minutes / 60, 2);
}

function round(v: number | null, digits: number): number | null {
  return v === null ? null : Math.round(v * 10 ** digits) / 10 ** digits;
}

/** The aggregate queries, one per fact and the date that decides its period. */
function sources(sql: Sql, q: KpiQuery) {
  const { start, end } = q;
  const dimension = q.groupBy && (DIMENSIONS as readonly string[]).includes(q.groupBy) ? (q.groupBy as Dimension) : undefined;
  const unit = q.groupBy === 'week' || q.groupBy === 'month' ? q.groupBy : undefined;
  if (unit && !q.units?.length) throw new Error(`grouping by ${unit} needs the units`);
  // Each unit's first instant (the report's start for the first): width_bucket finds a fact's unit
  // by binary search, far cheaper per row than converting it to the report time zone.
  const unitStarts = (q.units ?? []).map((u, i) => (i === 0 ? q.start : reportBounds(u, u, q.timeZone).start).toISOString());
  /** The group of a fact: the complaint's column (alias c), or the number (1…) of the time unit of its deciding date. */
  const groupOf = (decidingDate: string): PendingQuery<Row[]> =>
    dimension
      ? sql.unsafe(`c.${dimension}`)
      : unit
        ? sql`width_bucket(${sql.unsafe(decidingDate)}, ${unitStarts}::timestamptz[])`
        : sql.unsafe('NULL::text');
  /** The group of an open complaint: its column, or none (by time unit only the total is counted). */
  const openGroup = dimension ? sql.unsafe(`c.${dimension}`) : sql.unsafe('NULL::text');
  /** The filter's complaints only (empty without one), after a WHERE over alias c. */
  const filtered = isFiltered(q.filter);
  const only = filterCondition(sql, q.filter);
  /** Complaint columns for a fact table (alias f): joined only when grouping or filtering by one of them. */
  const joinComplaints = dimension || filtered ? sql.unsafe('JOIN complaints c ON c.id = f.complaint_id') : sql.unsafe('');
  /**
   * `inner` selects `g` (and `k`, a second key such as the stage) and the columns `aggregates`
   * reads; the total and every group come from one pass.
   */
  const grouped = (inner: PendingQuery<Row[]>, aggregates: PendingQuery<Row[]>, opts: { keyed?: boolean; totalOnly?: boolean } = {}) => {
    const byGroup = !!q.groupBy && !opts.totalOnly;
    const k = opts.keyed ? sql.unsafe('k,') : sql.unsafe('');
    // Without groups a plain aggregate: GROUPING SETS would keep PostgreSQL from scanning in parallel.
    const groupBy = byGroup
      ? sql.unsafe(opts.keyed ? 'GROUP BY GROUPING SETS ((k), (k, g))' : 'GROUP BY GROUPING SETS ((), (g))')
      : sql.unsafe(opts.keyed ? 'GROUP BY k' : '');
    const isTotal = byGroup ? sql.unsafe('grouping(g) = 1') : sql.unsafe('true');
    return sql<Grouped[]>`SELECT ${sql.unsafe(byGroup ? 'g' : 'NULL::text')} AS g, ${k} ${isTotal} AS is_total, ${aggregates}
      FROM (${inner}) s ${groupBy}`;
  };

  /** A year's closures sorted in memory: the default work_mem (4 MB) would sort them on disk. */
  const roomToSort = (query: () => PendingQuery<Grouped[]>): Promise<Grouped[]> =>
    sql.begin(async (tx) => {
      await tx`SET LOCAL work_mem = '64MB'`;
      return (tx as unknown as Sql)<Grouped[]>`${query()}`;
    }) as Promise<Grouped[]>;

  return {
    received: () =>
      grouped(
        sql`SELECT ${groupOf('c.received_at')} AS g, c.received_at, c.prior_complaint_at, c.repeat_of_id FROM complaints c
            WHERE c.received_at >= ${start} AND c.received_at < ${end} ${only}`,
        // A complaint an agent linked as a repeat (link_repeat) is one whatever the window; counted once when both.
        sql`count(*) AS received,
            count(*) FILTER (WHERE repeat_of_id IS NOT NULL
                                OR prior_complaint_at >= received_at - make_interval(days => ${q.repeatWindowDays})) AS repeats`,
      ),
    closed: () =>
      grouped(
        sql`SELECT ${groupOf('c.closed_at')} AS g, c.received_at, c.closed_at, c.closure, c.resolution_business_minutes,
                   c.closed_within_3_business_days
            FROM complaints c WHERE c.closed_at >= ${start} AND c.closed_at < ${end} ${only}`,
        sql`count(*) AS closed,
            ${sql.unsafe(CLOSURE_IDS.map((id) => `count(*) FILTER (WHERE closure = '${id}') AS ${id}`).join(', '))},
            count(*) FILTER (WHERE closed_within_3_business_days) AS within_3_business_days,
            count(*) FILTER (WHERE closed_at <= received_at + interval '8 weeks') AS within_8_weeks`,
      ),
    /** Apart from the counts: an ordered-set aggregate would keep the counts from a parallel scan. */
    resolutionPercentiles: () => {
      const closedIn = sql`SELECT ${groupOf('c.closed_at')} AS g, c.resolution_business_minutes FROM complaints c
            WHERE c.closed_at >= ${start} AND c.closed_at < ${end} ${only}`;
      const percentiles = sql`percentile_cont(ARRAY[0.5, 0.9]) WITHIN GROUP (ORDER BY resolution_business_minutes) AS percentiles`;
      if (!unit) return roomToSort(() => grouped(closedIn, percentiles));
      // By time unit: the total, and each unit as a range scan of its own (small sorts, no
      // width_bucket per row; GROUPING SETS would sort every closure twice), side by side.
      const ends = [...unitStarts.slice(1), end.toISOString()];
      return Promise.all([
        roomToSort(() => grouped(closedIn, percentiles, { totalOnly: true })),
        sql<Grouped[]>`
          SELECT u.g::text AS g, false AS is_total, p.percentiles
          FROM unnest(${unitStarts.map((_, i) => i + 1)}::int[], ${unitStarts}::timestamptz[], ${ends}::timestamptz[]) AS u (g, f, t),
            LATERAL (SELECT ${percentiles} FROM complaints c WHERE c.closed_at >= u.f AND c.closed_at < u.t ${only}) p
          WHERE p.percentiles IS NOT NULL`,
      ]).then(([total, units]) => [...total, ...units]);
    },
    openAtEnd: () => {
      // One timestamptz column per threshold (t1 … t4), so no row casts anything.
      const thresholds = q.ageing.map((a) => ({
        calendar_id: a.calendarId,
        ...Object.fromEntries(a.thresholds.map((t, i) => [`t${i + 1}`, t.toISOString()])),
      }));
      const known = q.ageing.map((a) => a.calendarId);
      const columns = AGEING_BUCKETS.slice(1).map((_, i) => `t${i + 1} timestamptz`).join(', ');
      const buckets = AGEING_BUCKETS.map((b, i) => {
        const younger = i + 1 < AGEING_BUCKETS.length ? `received_at >= t${i + 1}` : 'true';
        // A complaint on a calendar without thresholds (none given for it) is open, and the oldest.
        const older = i === 0 ? 'true' : i + 1 === AGEING_BUCKETS.length ? `(received_at < t${i} OR t${i} IS NULL)` : `received_at < t${i}`;
        return `count(*) FILTER (WHERE ${younger} AND ${older}) AS ${b.id.toLowerCase()}`;
      }).join(', ');
      return grouped(
        sql`SELECT o.g, o.received_at, ${sql.unsafe(AGEING_BUCKETS.slice(1).map((_, i) => `a.t${i + 1}`).join(', '))} FROM (
              SELECT ${openGroup} AS g, c.received_at, c.calendar_id FROM complaints c WHERE c.closed_at IS NULL AND c.received_at < ${end} ${only}
              UNION ALL
              SELECT ${openGroup} AS g, c.received_at, c.calendar_id FROM complaints c WHERE c.closed_at >= ${end} AND c.received_at < ${end} ${only}
            ) o
            LEFT JOIN jsonb_to_recordset(${sql.json(thresholds)}) AS a(calendar_id text, ${sql.unsafe(columns)})
              ON a.calendar_id = CASE WHEN o.calendar_id = ANY(${known}::text[]) THEN o.calendar_id ELSE ${q.defaultCalendarId} END`,
        sql`count(*) AS open, ${sql.unsafe(buckets)}`,
        { totalOnly: !!unit },
      );
    },
    /**
     * A stage clock run is settled when it stopped without a breach (met, at ended_at) or when its
     * deadline was breached (missed, at deadline_at, running or not).
     */
    stageClocks: () =>
      grouped(
        sql`SELECT ${groupOf('(CASE WHEN f.breached THEN f.deadline_at ELSE f.ended_at END)')} AS g, f.stage AS k, f.breached
            FROM complaint_stage_clocks f ${joinComplaints}
            WHERE (CASE WHEN f.breached THEN f.deadline_at ELSE f.ended_at END) >= ${start}
              AND (CASE WHEN f.breached THEN f.deadline_at ELSE f.ended_at END) < ${end} ${only}`,
        sql`count(*) AS settled, count(*) FILTER (WHERE NOT breached) AS met`,
        { keyed: true },
      ),
    escalations: () =>
      grouped(
        sql`SELECT ${groupOf('f.occurred_at')} AS g, f.level AS k FROM complaint_escalations f ${joinComplaints}
            WHERE f.occurred_at >= ${start} AND f.occurred_at < ${end} ${only}`,
        sql`count(*) AS count`,
        { keyed: true },
      ),
    proposalsProposed: () =>
      grouped(
        sql`SELECT ${groupOf('f.proposed_at')} AS g, f.outcome FROM complaint_proposals f ${joinComplaints}
            WHERE f.proposed_at >= ${start} AND f.proposed_at < ${end} ${only}`,
        sql`${sql.unsafe(PROPOSAL_OUTCOMES.map((o) => `count(*) FILTER (WHERE outcome = '${o}') AS ${o}`).join(', '))},
            count(*) FILTER (WHERE outcome IS NULL) AS unrecorded`,
      ),
    /** Answers to proposals; `k` the currency of accepted money (the redress), summed per currency alongside. */
    proposalsAnswered: () =>
      grouped(
        sql`SELECT ${groupOf('f.answered_at')} AS g, f.round, f.answer, f.amount,
                   CASE WHEN f.answer IN ('accepted', 'deemed_accepted') AND f.amount IS NOT NULL THEN f.currency END AS k
            FROM complaint_proposals f ${joinComplaints}
            WHERE f.answered_at >= ${start} AND f.answered_at < ${end} ${only}`,
        sql`count(*) AS answered,
            count(*) FILTER (WHERE round = 1) AS first_answered,
            count(*) FILTER (WHERE round = 1 AND answer IN ('accepted', 'deemed_accepted')) AS first_accepted,
            count(*) FILTER (WHERE round >= 2) AS later_answered,
            count(*) FILTER (WHERE round >= 2 AND answer IN ('accepted', 'deemed_accepted')) AS later_accepted,
            count(*) FILTER (WHERE answer = 'deemed_accepted') AS deemed,
            (sum(amount) FILTER (WHERE k IS NOT NULL))::text AS amount`,
        { keyed: true },
      ),
    /** The customer's rejection of the last round that sent the complaint to an external body. */
    externalHandOffs: () =>
      grouped(
        sql`SELECT ${groupOf('f.answered_at')} AS g FROM complaints c
            JOIN complaint_proposals f ON f.complaint_id = c.id AND f.round = c.round
            WHERE (c.status = 'open_external' OR c.closure = 'external_decision')
              AND f.answer = 'rejected' AND f.answered_at >= ${start} AND f.answered_at < ${end} ${only}`,
        sql`count(*) AS count`,
      ),
    survey: () =>
      grouped(
        sql`SELECT ${groupOf('f.answered_at')} AS g, f.handling, f.outcome FROM survey_answers f ${joinComplaints}
            WHERE f.answered_at >= ${start} AND f.answered_at < ${end} ${only}`,
        sql`count(*) AS answers, avg(handling) AS mean_handling, avg(outcome) AS mean_outcome,
            count(*) FILTER (WHERE handling >= 4) AS satisfied_handling, count(*) FILTER (WHERE outcome >= 4) AS satisfied_outcome`,
      ),
    /** Root causes as written, compared without case and runs of white space (normalised once per distinct text). */
    rootCauses: () =>
      sql`SELECT lower(regexp_replace(btrim(root_cause), '\\s+', ' ', 'g')) AS root_cause, sum(n)::int AS count
          FROM (SELECT f.root_cause, count(*) AS n FROM complaint_corrective_actions f ${filtered ? joinComplaints : sql``}
                WHERE f.recorded_at >= ${start} AND f.recorded_at < ${end} ${only} GROUP BY f.root_cause) written
          GROUP BY 1 ORDER BY 2 DESC, 1 LIMIT ${q.rootCauseLimit}`,
  };
}

/**
 * Ageing thresholds at the report's last day for every shipped calendar (overrides applied) and
 * any other the resolver knows that complaints name; built for that year and the one before.
 */
export async function calendarAgeing(
  calendars: CalendarResolver,
  calendarIds: readonly string[],
  lastDay: string,
): Promise<CalendarAgeing[]> {
  const year = Number(lastDay.slice(0, 4));
  return Promise.all(
    calendarIds.map(async (calendarId) => {
      const { calendar } = await calendars.forYears(calendarId, { from: year - 1, to: year });
      return { calendarId, thresholds: ageingThresholds(calendar, lastDay) };
    }),
  );
}
