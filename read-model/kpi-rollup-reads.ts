// How the KPI report reads the rollups (db/migrations/0020 and 0022) where they are exact: a period
// is split into whole UTC months (report_grouped_monthly), whole UTC days around them
// (report_grouped_daily) and the hours at either end (report_hourly for the whole, the facts for a
// dimension's groups: report_grouped_between). A year is about 11 months, 30 days and 2 part-days
// of rows instead of a year of facts. The figures are shaped by kpi-report.ts.
import type { PendingQuery, Row, Sql } from 'postgres';
import { filterCondition, type ReportFilter } from './report-filter.js';

export type RollupDimension = '' | 'category' | 'product' | 'channel' | 'department' | 'team';

/** A stretch of time the report counts, numbered (its group when grouping by week or month). */
export interface Period {
  g: number;
  /** null: from the beginning of the records. */
  from: Date | null;
  to: Date;
}

export interface Segment {
  g: number;
  tier: 'monthly' | 'daily' | 'hourly';
  from: string;
  to: string;
  /** −1: taken away (the hours of a whole day outside the period, see rollupSegments). */
  sign: 1 | -1;
}

/** One summed rollup row: `grp` the period's number or the dimension's value, `is_total` the sum over all of them. */
export interface RollupRow {
  grp: string | null;
  is_total: boolean;
  metric: string;
  key: string;
  amount: string;
}

const DAY_MS = 86_400_000;
/** Before any complaint (a timestamptz array parameter takes no '-infinity'). */
const BEGINNING = '0001-01-01T00:00:00.000Z';

/** The resolution histogram's bucket width in the grouped rollups (0022's `resolution_4h`). */
export const RESOLUTION_BUCKET_MINUTES = 240;

const monthStart = (ms: number) => {
  const d = new Date(ms);
  return Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), 1);
};
const nextMonth = (ms: number) => {
  const d = new Date(ms);
  return Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 1);
};

/**
 * Each period as whole UTC months, the whole days on either side of them, then the hours left at
 * either end. Hours cost most (a dimension reads them from the facts), so a part of a day longer
 * than 12 hours is read as its whole day less the hours outside the period: a report cut at
 * Istanbul midnights (21:00Z) reads 3 hours at either end, not 3 and 21.
 */
export function rollupSegments(periods: readonly Period[]): Segment[] {
  const out: Segment[] = [];
  const push = (g: number, tier: Segment['tier'], from: number | null, to: number, sign: 1 | -1 = 1) => {
    if (from === null || from < to) out.push({ g, tier, from: from === null ? BEGINNING : new Date(from).toISOString(), to: new Date(to).toISOString(), sign });
  };
  /** [from, to) within one UTC day. */
  const partOfDay = (g: number, from: number, to: number) => {
    if (to - from <= DAY_MS / 2) return push(g, 'hourly', from, to);
    const day = Math.floor(from / DAY_MS) * DAY_MS;
    push(g, 'daily', day, day + DAY_MS);
    push(g, 'hourly', day, from, -1);
    push(g, 'hourly', to, day + DAY_MS, -1);
  };
  for (const { g, from: fromDate, to: toDate } of periods) {
    const to = toDate.getTime();
    const lastDay = Math.floor(to / DAY_MS) * DAY_MS;
    const lastMonth = monthStart(lastDay);
    if (fromDate === null) {
      push(g, 'monthly', null, lastMonth);
      push(g, 'daily', lastMonth, lastDay);
      partOfDay(g, lastDay, to);
      continue;
    }
    const from = fromDate.getTime();
    const firstDay = Math.ceil(from / DAY_MS) * DAY_MS;
    if (firstDay > lastDay) {
      partOfDay(g, from, to);
      continue;
    }
    partOfDay(g, from, firstDay);
    const firstMonth = monthStart(firstDay) === firstDay ? firstDay : nextMonth(firstDay);
    if (firstMonth >= lastMonth) {
      push(g, 'daily', firstDay, lastDay);
    } else {
      push(g, 'daily', firstDay, firstMonth);
      push(g, 'monthly', firstMonth, lastMonth);
      push(g, 'daily', lastMonth, lastDay);
    }
    partOfDay(g, lastDay, to);
  }
  return out;
}

/** The segments of one tier as unnest() columns: number, from, to, sign. */
function columnsOf(segments: readonly Segment[], tier: Segment['tier']) {
  const mine = segments.filter((s) => s.tier === tier);
  return [mine.map((s) => s.g), mine.map((s) => s.from), mine.map((s) => s.to), mine.map((s) => s.sign)] as const;
}

/**
 * A query with JIT compilation off: the planner's estimates for these short index reads pass
 * jit_above_cost, and compiling costs more (~100 ms) than the query.
 */
async function withoutJit<T>(sql: Sql, query: (tx: Sql) => Promise<T>): Promise<T> {
  return sql.begin(async (tx) => {
    await tx`SET LOCAL jit = off`;
    return query(tx as unknown as Sql);
  }) as Promise<T>;
}

/**
 * The rows of `dimension` (its values; '' the whole) over the periods — of its one `value` only
 * when given (a report filtered to one department or team) — summed per group (`by`: the
 * period's number, the dimension's value, or none) and metric and key, with the total over all
 * groups. `metrics` limits the metrics read. The repeat gaps come back as one key, 'within' (the
 * complaints whose prior one is within the window).
 */
export async function readRollups(
  sql: Sql,
  opts: {
    dimension: RollupDimension;
    value?: string | undefined;
    by: 'period' | 'value' | 'none';
    periods: readonly Period[];
    repeatWindowDays: number;
    metrics?: readonly string[];
  },
): Promise<RollupRow[]> {
  const { dimension, value, by } = opts;
  if (value !== undefined && dimension === '') throw new Error('a rollup value needs its dimension');
  // The value is the third column of the rollups' unique index (dimension, day|month, value, …): checked inside the index scan.
  const ofValue = value === undefined ? sql`` : sql`AND r.value = ${value}`;
  const segments = rollupSegments(opts.periods);
  const [mg, mf, mt, ms] = columnsOf(segments, 'monthly');
  const [dg, df, dt, ds] = columnsOf(segments, 'daily');
  const [hg, hf, ht, hs] = columnsOf(segments, 'hourly');
  // Only the repeat gaps within the window (keys zero-padded, compared in the index), no root causes.
  const within = String(Math.min(Math.max(opts.repeatWindowDays, 0), 9999)).padStart(4, '0');
  const wanted = opts.metrics
    ? sql`r.metric = ANY(${opts.metrics as string[]}::text[])`
    : sql`r.metric <> 'root_cause' AND (r.metric <> 'repeat_gap_days' OR r.key <= ${within})`;
  // A dimension's hours come from the facts, each distinct stretch once: by week, a unit's last
  // hours (taken from its whole last day) are the next unit's first, so half the reads.
  const hours = [...new Map(segments.filter((x) => x.tier === 'hourly').map((x) => [`${x.from}|${x.to}`, { from: x.from, to: x.to }])).values()];
  const segmentHours = segments.filter((x) => x.tier === 'hourly').map((x) => hours.findIndex((h) => h.from === x.from && h.to === x.to));
  // Each segment is one index range scan (LATERAL … OFFSET 0 keeps the planner from a full scan with a join filter).
  const edges =
    dimension === ''
      ? sql`SELECT s.g, NULL::text AS value, x.metric, x.key, s.sign * x.amount
            FROM unnest(${hg}::int[], ${hf}::timestamptz[], ${ht}::timestamptz[], ${hs}::int[]) AS s (g, f, t, sign),
            LATERAL (SELECT r.metric, r.key, h.amount FROM report_hourly h, report_grouped_metric(h.metric, h.key) r
                     WHERE h.hour >= s.f AND h.hour < s.t AND ${wanted} OFFSET 0) x`
      : sql`SELECT s.g, x.value, x.metric, x.key, s.sign * x.amount
            FROM (SELECT w.i, r.* FROM unnest(${hours.map((_, i) => i)}::int[], ${hours.map((h) => h.from)}::timestamptz[], ${hours.map((h) => h.to)}::timestamptz[]) AS w (i, f, t),
                    LATERAL (SELECT * FROM report_grouped_between(${dimension}, w.f, w.t) r WHERE ${wanted} ${ofValue} OFFSET 0) r) x
            JOIN unnest(${hg}::int[], ${segmentHours}::int[], ${hs}::int[]) AS s (g, i, sign) ON s.i = x.i`;
  // By period even when there is one (a month's report by month): its rows are that group's.
  const grp = by === 'period' ? sql`g::text` : by === 'value' ? sql`value` : sql`NULL::text`;
  const grouping = by !== 'none';
  return withoutJit(sql, (tx) => tx<RollupRow[]>`
    SELECT ${grp} AS grp, ${grouping ? sql`grouping(${grp}) = 1` : sql`true`} AS is_total, metric, k AS key, sum(amount)::text AS amount
    FROM (
      SELECT g, value, metric, CASE WHEN metric = 'repeat_gap_days' THEN 'within' ELSE key END AS k, amount
      FROM (
        SELECT s.g, r.value, r.metric, r.key, s.sign * r.amount AS amount
        FROM unnest(${mg}::int[], ${mf}::timestamptz[], ${mt}::timestamptz[], ${ms}::int[]) AS s (g, f, t, sign),
        LATERAL (SELECT * FROM report_grouped_monthly r WHERE r.dimension = ${dimension} AND r.month >= s.f AND r.month < s.t ${ofValue} AND ${wanted} OFFSET 0) r
        UNION ALL
        SELECT s.g, r.value, r.metric, r.key, s.sign * r.amount
        FROM unnest(${dg}::int[], ${df}::timestamptz[], ${dt}::timestamptz[], ${ds}::int[]) AS s (g, f, t, sign),
        LATERAL (SELECT * FROM report_grouped_daily r WHERE r.dimension = ${dimension} AND r.day >= s.f AND r.day < s.t ${ofValue} AND ${wanted} OFFSET 0) r
        UNION ALL
        ${edges}
      ) r
    ) r
    GROUP BY ${grouping ? sql`GROUPING SETS ((${grp}, metric, k), (metric, k))` : sql`metric, k`}
    HAVING sum(amount) <> 0`);
}

/** The top root causes of [start, end), normalised as 0022's report_root_cause. */
export async function rollupRootCauses(sql: Sql, start: Date, end: Date, limit: number): Promise<{ root_cause: string; count: number }[]> {
  const segments = rollupSegments([{ g: 1, from: start, to: end }]);
  const [, mf, mt, ms] = columnsOf(segments, 'monthly');
  const [, df, dt, ds] = columnsOf(segments, 'daily');
  const [, hf, ht, hs] = columnsOf(segments, 'hourly');
  return withoutJit(sql, (tx) => tx<{ root_cause: string; count: number }[]>`
    SELECT key AS root_cause, sum(n)::int AS count FROM (
      SELECT r.key, s.sign * r.amount AS n FROM unnest(${mf}::timestamptz[], ${mt}::timestamptz[], ${ms}::int[]) AS s (f, t, sign),
      LATERAL (SELECT * FROM report_grouped_monthly r WHERE r.dimension = '' AND r.month >= s.f AND r.month < s.t AND r.metric = 'root_cause' OFFSET 0) r
      UNION ALL
      SELECT r.key, s.sign * r.amount FROM unnest(${df}::timestamptz[], ${dt}::timestamptz[], ${ds}::int[]) AS s (f, t, sign),
      LATERAL (SELECT * FROM report_grouped_daily r WHERE r.dimension = '' AND r.day >= s.f AND r.day < s.t AND r.metric = 'root_cause' OFFSET 0) r
      UNION ALL
      SELECT report_root_cause(a.root_cause), s.sign FROM unnest(${hf}::timestamptz[], ${ht}::timestamptz[], ${hs}::int[]) AS s (f, t, sign),
      LATERAL (SELECT root_cause FROM complaint_corrective_actions a WHERE a.recorded_at >= s.f AND a.recorded_at < s.t OFFSET 0) a
    ) r
    GROUP BY 1 HAVING sum(n) > 0 ORDER BY 2 DESC, 1 LIMIT ${limit}`);
}

/** A histogram of one group's closures by resolution bucket (key: the bucket number), and where to read their minutes. */
export interface Histogram {
  id: string;
  buckets: { bucket: number; n: number }[];
  from: Date;
  to: Date;
  /** The dimension's value the closures have (`whole`: any). */
  value: string | null;
  whole: boolean;
}

/**
 * percentile_cont(0.5) and (0.9) of each histogram's resolution minutes, exactly as the facts'
 * query computes them, without sorting all closures: the histogram says which bucket holds each
 * rank, and a short index read per needed bucket (the group's value and minutes, 0022's
 * indexes) skips to the rank within it. The reads go as one query for the whole and one per value
 * (a filtered report by week needs ~100 reads: one round trip each cost more than the reads).
 */
export async function rollupPercentiles(sql: Sql, dimension: RollupDimension, histograms: readonly Histogram[]): Promise<Map<string, [number, number] | null>> {
  /** Per histogram and bucket: the offsets within the bucket whose values are needed. */
  const wanted = new Map<string, { h: Histogram; bucket: number; offsets: Set<number> }>();
  const ranksOf = histograms.map((h) => {
    const sorted = [...h.buckets].filter((b) => b.n > 0).sort((a, b) => a.bucket - b.bucket);
    const total = sorted.reduce((a, b) => a + b.n, 0);
    const locate = (rank: number) => {
      let before = 0;
      for (const b of sorted) {
        if (rank < before + b.n) {
          const id = `${h.id}|${b.bucket}`;
          const read = wanted.get(id) ?? { h, bucket: b.bucket, offsets: new Set<number>() };
          read.offsets.add(rank - before);
          wanted.set(id, read);
          return { id, offset: rank - before };
        }
        before += b.n;
      }
      throw new Error(`rank ${rank} is beyond the resolution histogram's ${total} closures`);
    };
    const at = (p: number) => {
      const position = p * (total - 1);
      const low = Math.floor(position);
      return { position, low: locate(low), high: Math.ceil(position) === low ? null : locate(low + 1) };
    };
    return { h, ranks: total === 0 ? null : [at(0.5), at(0.9)] };
  });
  const values = new Map<string, Map<number, number>>();
  const reads = [...wanted].map(([id, { h, bucket, offsets }]) => {
    const first = Math.min(...offsets);
    return { id, h, lo: bucket * RESOLUTION_BUCKET_MINUTES, first, count: Math.max(...offsets) - first + 1 };
  });
  const keep = (read: (typeof reads)[number], rows: { m: number }[]) => values.set(read.id, new Map(rows.map((r, i) => [read.first + i, r.m])));
  /** Reads side by side in one query; `group` (a condition and AND, or nothing) narrows them to one value's closures. */
  const readAll = async (list: typeof reads, group: PendingQuery<Row[]>) => {
    const rows = await sql<{ i: number; m: number }[]>`
      SELECT q.i, b.m FROM unnest(${list.map((_, i) => i)}::int[], ${list.map((r) => r.lo)}::int[], ${list.map((r) => r.h.from.toISOString())}::timestamptz[],
        ${list.map((r) => r.h.to.toISOString())}::timestamptz[], ${list.map((r) => r.first)}::int[], ${list.map((r) => r.count)}::int[]) AS q (i, lo, f, t, first, n),
      LATERAL (
        SELECT c.resolution_business_minutes AS m FROM complaints c
        WHERE ${group} c.resolution_business_minutes >= q.lo AND c.resolution_business_minutes < q.lo + ${RESOLUTION_BUCKET_MINUTES}
          AND c.closed_at >= q.f AND c.closed_at < q.t
        ORDER BY 1 OFFSET q.first LIMIT q.n
      ) b
      ORDER BY q.i, b.m`;
    list.forEach((read, i) => keep(read, rows.filter((r) => r.i === i)));
  };
  // Reads of any closure (the whole, a week, a month) in one query; those of a value (a group, or
  // a filtered report's every week) in one query per value, on its dimension's index.
  const byValue = new Map<string | null, typeof reads>();
  for (const read of reads) {
    const key = read.h.whole || dimension === '' ? undefined : read.h.value;
    if (key !== undefined) byValue.set(key, [...(byValue.get(key) ?? []), read]);
  }
  const whole = reads.filter((r) => r.h.whole || dimension === '');
  await Promise.all([
    whole.length > 0 ? readAll(whole, sql``) : undefined,
    ...[...byValue].map(([value, list]) => readAll(list, value === null ? sql`c.${sql(dimension)} IS NULL AND` : sql`c.${sql(dimension)} = ${value} AND`)),
  ]);
  const valueAt = (rank: { id: string; offset: number }) => {
    const v = values.get(rank.id)!.get(rank.offset);
    if (v === undefined) throw new Error(`the resolution histogram disagrees with the facts (${rank.id})`);
    return v;
  };
  const out = new Map<string, [number, number] | null>();
  for (const { h, ranks } of ranksOf) {
    if (!ranks) {
      out.set(h.id, null);
      continue;
    }
    const [p50, p90] = ranks.map(({ position, low, high }) => {
      const first = valueAt(low);
      const second = high === null ? first : valueAt(high);
      return first + (second - first) * (position - Math.floor(position));
    });
    out.set(h.id, [p50!, p90!]);
  }
  return out;
}

/** Business-day ageing thresholds (t1…t4 for 3, 6, 11, 21 days) per calendar. */
export interface AgeingRows {
  thresholds: { calendar_id: string; [t: string]: string }[];
  known: string[];
  defaultCalendarId: string;
}

/**
 * The backlog at `end` received on or after the oldest 21-business-day threshold, by the younger
 * four ageing buckets (the oldest bucket is the rest of the open count), by `dimension`'s values
 * ('' none), of the filter's complaints: one index range scan over a few weeks of receipts.
 */
export async function youngBacklog(sql: Sql, dimension: RollupDimension, end: Date, ageing: AgeingRows, filter?: ReportFilter) {
  const oldest = ageing.thresholds.map((t) => t.t4!).sort()[0];
  if (oldest === undefined) return [];
  const column = dimension === '' ? sql`NULL::text` : sql.unsafe(`c.${dimension}`);
  const grouping = dimension !== '';
  return withoutJit(sql, (tx) => tx<{ grp: string | null; is_total: boolean; days0to2: string; days3to5: string; days6to10: string; days11to20: string }[]>`
    SELECT ${grouping ? sql`g` : sql`NULL::text`} AS grp, ${grouping ? sql`grouping(g) = 1` : sql`true`} AS is_total,
      count(*) FILTER (WHERE received_at >= t1) AS days0to2,
      count(*) FILTER (WHERE received_at >= t2 AND received_at < t1) AS days3to5,
      count(*) FILTER (WHERE received_at >= t3 AND received_at < t2) AS days6to10,
      count(*) FILTER (WHERE received_at >= t4 AND received_at < t3) AS days11to20
    FROM (
      SELECT ${column} AS g, c.received_at, c.calendar_id FROM complaints c
      WHERE c.received_at >= ${oldest} AND c.received_at < ${end} AND (c.closed_at IS NULL OR c.closed_at >= ${end}) ${filterCondition(sql, filter)}
    ) o
    JOIN jsonb_to_recordset(${sql.json(ageing.thresholds)}) AS a (calendar_id text, t1 timestamptz, t2 timestamptz, t3 timestamptz, t4 timestamptz)
      ON a.calendar_id = CASE WHEN o.calendar_id = ANY(${ageing.known}::text[]) THEN o.calendar_id ELSE ${ageing.defaultCalendarId} END
    ${grouping ? sql`GROUP BY GROUPING SETS ((), (g))` : sql``}`);
}
