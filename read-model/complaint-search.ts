// The staff search behind GET /v1/complaints: filters, free text in Turkish and English, an exact
// customer lookup by keyed hash, keyset pagination, and a total count that stays cheap.
//
// Keyset: rows come ordered by (sort key, id), both in the sort's direction, and a page starts
// strictly after the last row of the previous one. A complaint filed meanwhile takes its place in
// that order without moving any other row, so no page repeats or skips one (offsets would).
// Count: exact up to COUNT_CAP matches (a LIMITed scan stops early), beyond that the planner's
// estimate, never below the cap: a count(*) over a common word's 100 000 matches would cost more
// than the page itself.
import type { Fragment, Sql, TransactionSql } from 'postgres';
import { complaintColumns, type ComplaintRow } from './complaint-queries.js';

export const SORTS = ['receivedAt', '-receivedAt', 'stageDeadline', '-stageDeadline', 'updatedAt', '-updatedAt'] as const;
export type ComplaintSort = (typeof SORTS)[number];

/** Matches counted exactly; above it the total is an estimate (`exact: false`). */
export const COUNT_CAP = 1_000;

/**
 * Estimated matches above which the total is the estimate without counting: the capped count
 * would read 1 001 rows scattered through the table (cold pages, seconds under load) only to
 * say "more than 1000", which an estimate ten times the cap says already.
 */
export const ESTIMATE_ONLY_ABOVE = 10 * COUNT_CAP;

/** What staff filter on; each list holds the values any of which a complaint may have. */
export interface ComplaintFilters {
  status?: string[];
  stage?: string[];
  closure?: string[];
  category?: string[];
  product?: string[];
  department?: string[];
  team?: string[];
  /** Staff ids (`me` already replaced by the caller's id). */
  assignee?: string[];
  channel?: string[];
  severity?: string[];
  escalationLevel?: string[];
  processVersion?: string[];
  /** Past the running stage's warning point (an unpaused clock), deadline passed or not. */
  atRisk?: boolean;
  /** At least one stage deadline breached in the complaint's life. */
  breached?: boolean;
  receivedFrom?: Date;
  receivedTo?: Date;
  closedFrom?: Date;
  closedTo?: Date;
  /** Free text: words (websearch syntax: "a phrase", or, -not) in Turkish, English or as written. */
  q?: string;
  customerEmailHash?: Buffer;
  customerPhoneHash?: Buffer;
}

/** Where the previous page ended: its last row's sort key (µs-exact text, or `infinity`) and id. */
export interface PagePosition {
  key: string;
  id: string;
}

export interface SearchPage {
  rows: ComplaintRow[];
  /** The position after the last row, when more rows follow. */
  next: PagePosition | null;
  total: { count: number; exact: boolean };
}

const LIST_COLUMNS: Record<keyof Omit<ComplaintFilters, 'atRisk' | 'breached' | 'receivedFrom' | 'receivedTo' | 'closedFrom' | 'closedTo' | 'q' | 'customerEmailHash' | 'customerPhoneHash'>, string> = {
  status: 'status',
  stage: 'stage',
  closure: 'closure',
  category: 'category',
  product: 'product',
  department: 'department',
  team: 'team',
  assignee: 'assignee',
  channel: 'channel',
  severity: 'severity',
  escalationLevel: 'escalation_level',
  processVersion: 'process_version',
};

/** The sort key expression, as the indexes of migration 0017 have it (a missing deadline sorts as infinitely far). */
function sortKey(sql: Sql, sort: ComplaintSort): Fragment {
  switch (sort.replace(/^-/, '')) {
    case 'stageDeadline':
      return sql`coalesce(c.stage_deadline_at, 'infinity'::timestamptz)`;
    case 'updatedAt':
      return sql`c.updated_at`;
    default:
      return sql`c.received_at`;
  }
}

function conditions(sql: Sql, f: ComplaintFilters, now: Date): Fragment[] {
  const where: Fragment[] = [];
  for (const [field, column] of Object.entries(LIST_COLUMNS) as [keyof typeof LIST_COLUMNS, string][]) {
    const values = f[field];
    if (values?.length) where.push(sql`${sql('c.' + column)} = ANY(${values})`);
  }
  const atRisk = sql`(c.stage_warning_at <= ${now} AND NOT c.stage_paused)`;
  if (f.atRisk === true) where.push(atRisk);
  if (f.atRisk === false) where.push(sql`NOT coalesce(${atRisk}, false)`);
  if (f.breached === true) where.push(sql`c.breach_count > 0`);
  if (f.breached === false) where.push(sql`c.breach_count = 0`);
  if (f.receivedFrom) where.push(sql`c.received_at >= ${f.receivedFrom}`);
  if (f.receivedTo) where.push(sql`c.received_at < ${f.receivedTo}`);
  if (f.closedFrom) where.push(sql`c.closed_at >= ${f.closedFrom}`);
  if (f.closedTo) where.push(sql`c.closed_at < ${f.closedTo}`);
  if (f.q) where.push(sql`c.search_vector @@ ${textQuery(sql, f.q)}`);
  if (f.customerEmailHash) where.push(sql`c.customer_email_hash = ${f.customerEmailHash}`);
  if (f.customerPhoneHash) where.push(sql`c.customer_phone_hash = ${f.customerPhoneHash}`);
  return where;
}

/**
 * One tsquery matching the words in any of the configurations a vector may be built in
 * (complaint_search_config): Turkish and English stems, and the words as written (Persian,
 * Azerbaijani, and words a stemmer drops as stop words). One `@@` keeps the GIN index usable.
 */
function textQuery(sql: Sql, q: string): Fragment {
  return sql`(websearch_to_tsquery('turkish', ${q}) || websearch_to_tsquery('english', ${q}) || websearch_to_tsquery('simple', ${q}))`;
}

const whereClause = (sql: Sql, where: Fragment[]): Fragment =>
  where.length === 0 ? sql`` : where.slice(1).reduce((acc, w) => sql`${acc} AND ${w}`, sql`WHERE ${where[0]!}`);

export async function searchComplaints(
  sql: Sql,
  opts: { filters: ComplaintFilters; sort: ComplaintSort; limit: number; after?: PagePosition; now: Date },
): Promise<SearchPage> {
  const { filters, sort, limit, after, now } = opts;
  const descending = sort.startsWith('-');
  const key = sortKey(sql, sort);
  const where = conditions(sql, filters, now);
  // `::text` first: a parameter PostgreSQL types as timestamptz is sent by postgres.js through a
  // JavaScript Date, which keeps milliseconds only, and a cursor needs the key's microseconds.
  const afterPosition = (k: Fragment, id: Fragment) =>
    after && (descending ? sql`(${k}, ${id}) < (${after.key}::text::timestamptz, ${after.id}::uuid)` : sql`(${k}, ${id}) > (${after.key}::text::timestamptz, ${after.id}::uuid)`);
  const pageWhere = after ? [...where, afterPosition(key, sql`c.id`)!] : where;
  const direction = descending ? sql`DESC` : sql`ASC`;
  const sortKeyText = (k: Fragment) =>
    sql`CASE WHEN ${k} = 'infinity' THEN 'infinity' ELSE to_char(${k} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') END`;
  const select = sql`SELECT ${complaintColumns(sql)}`;
  // Few matches: take them all through the filters' indexes (GIN, hashes, …), sort those, and
  // read the full rows of one page only.
  // Walking the order's index, as the planner likes to for a LIMIT, would read the whole table
  // when a word matches nothing or little.
  // All matches, not only those after the cursor: their number is the exact total, for free.
  const sortMatches = (tx: Sql | TransactionSql) => tx<(ComplaintRow & { sort_key: string; match_count: number })[]>`
    WITH matches AS MATERIALIZED (SELECT c.id, ${key} AS k FROM complaints c ${whereClause(sql, where)}),
      page AS MATERIALIZED (SELECT id, k FROM matches ${after ? sql`WHERE ${afterPosition(sql`k`, sql`id`)!}` : sql``}
        ORDER BY k ${direction}, id ${direction} LIMIT ${limit + 1})
    ${select}, ${sortKeyText(sql`m.k`)} AS sort_key, (SELECT count(*) FROM matches)::int AS match_count
    FROM page m JOIN complaints c ON c.id = m.id
    ORDER BY m.k ${direction}, m.id ${direction}`;
  // Many matches: walking the order's index finds a page of them after a few rows, unless they
  // lie far along it (all of last year's, sorted newest first): past a budget, sort them instead —
  // when they are not too many to sort (by the estimate); a common filter always walks.
  const walkOrder = (tx: Sql | TransactionSql) => tx<(ComplaintRow & { sort_key: string })[]>`
    ${select}, ${sortKeyText(key)} AS sort_key
    FROM complaints c ${whereClause(sql, pageWhere)}
    ORDER BY ${key} ${direction}, c.id ${direction}
    LIMIT ${limit + 1}`;
  const estimate = await estimateMatches(sql, where);
  // Few matches by the estimate: sorting them all (within a budget: the estimate may be far too
  // low) counts them in the same query, with no capped count before — when they are fewer than
  // walking the order to a page would read (table / estimate rows per match; the walk's rows are
  // recent, mostly cached, the matches not). A page past the last match (no rows) tells no count.
  const tableRows = await estimateTableRows(sql);
  const sortFirst = estimate * estimate <= tableRows * (limit + 1);
  const sortedFirst = sortFirst ? await throughIndexes(sql, SORT_BUDGET_MS, sortMatches) : undefined;
  const sorted = sortedFirst && (sortedFirst.length > 0 || !after) ? sortedFirst : undefined;
  // Far more than the cap by the estimate: the page by walking, and the estimate for the total
  // with no count (which would read 1 001 scattered rows to say "more than 1 000") — within a
  // budget: a misestimate (matches that are few, or none) would walk the whole order.
  const walked = !sorted && estimate > ESTIMATE_ONLY_ABOVE ? await throughIndexes(sql, ESTIMATE_WALK_BUDGET_MS, walkOrder, { seqscan: true }) : undefined;
  const counted: Counted = sorted
    ? { count: sorted[0]?.match_count ?? 0, exact: (sorted[0]?.match_count ?? 0) <= COUNT_CAP, estimate }
    : walked
      ? // A first page that holds every match is their exact count.
        walked.length <= limit && !after ? { count: walked.length, exact: true, estimate } : { count: estimate, exact: false, estimate }
      : await countMatches(sql, where, estimate);
  // Not by the estimate: for words GIN finds imprecisely (several common words at once) the
  // planner's figure is small while the index hands over ten times as many rows to recheck.
  const fewMatches = counted.exact;
  const rows = sorted ?? walked ?? (fewMatches
      ? ((await throughIndexes(sql, undefined, sortMatches)) ?? [])
      : counted.estimate > SORT_FALLBACK_UP_TO
        ? ((await throughIndexes(sql, undefined, walkOrder, { seqscan: true })) ?? [])
        : ((await throughIndexes(sql, WALK_BUDGET_MS, walkOrder, { seqscan: true })) ??
          (await throughIndexes(sql, SORT_BUDGET_MS, sortMatches)) ??
          // Neither in time: the matches are many and no index finds them alone (a word, a
          // category and a closing year: the closing index hands over 550 000 rows to filter,
          // seconds), while the walk meets a page at its own pace (tens of ms).
          (await throughIndexes(sql, undefined, walkOrder, { seqscan: true })) ??
          []));
  const more = rows.length > limit;
  const page = more ? rows.slice(0, limit) : rows;
  // An estimate is never below the rows this page read.
  const total = counted.exact ? { count: counted.count, exact: true } : { count: Math.max(counted.count, rows.length), exact: false };
  const last = page[page.length - 1];
  return {
    rows: page.map(({ sort_key: _key, ...row }) => ('match_count' in row ? (({ match_count: _n, ...rest }) => rest)(row) : row)),
    next: more && last ? { key: last.sort_key, id: last.id } : null,
    total,
  };
}

/** How long the exact count through the indexes may take before the answer settles for the planner's estimate. */
export const COUNT_BUDGET_MS = 500;

/** How long walking the order's index may take before the page is sorted from all matches instead. */
export const WALK_BUDGET_MS = 25;

/** How long the walk to a page may take when the estimate is far above the cap, before the count decides. */
export const ESTIMATE_WALK_BUDGET_MS = 150;

/** How long sorting all matches, after a walk ran out of time, may take before the walk goes on without a budget. */
export const SORT_BUDGET_MS = 100;

/**
 * Estimated matches up to which a walk that runs out of time is replaced by sorting all matches;
 * above, sorting reads more rows than the walk (≈ table / estimate × page), so the walk goes on.
 */
export const SORT_FALLBACK_UP_TO = ESTIMATE_ONLY_ABOVE;

/**
 * Runs `query` in a transaction that keeps the planner off sequential scans (unless `seqscan`),
 * which it picks when it expects many matches and which read the whole table when there are
 * fewer than it thought (or none); with `budgetMs`, answers undefined when the query takes longer.
 */
async function throughIndexes<T>(
  sql: Sql,
  budgetMs: number | undefined,
  query: (tx: TransactionSql) => Promise<T>,
  opts: { seqscan?: boolean; bitmaps?: boolean } = {},
): Promise<T | undefined> {
  // Custom plans always: a generic plan (postgres.js prepares statements) cannot see the words of
  // the tsquery nor the filters' values, and then walks a whole index for a word that matches nothing.
  const settings = [
    'SET LOCAL plan_cache_mode = force_custom_plan',
    // A big estimate (a walk of a million-row order) makes PostgreSQL compile the plan, which
    // costs more (100 ms and up) than these queries take to run.
    'SET LOCAL jit = off',
    ...(opts.seqscan ? [] : ['SET LOCAL enable_seqscan = off']),
    ...(opts.bitmaps === false ? ['SET LOCAL enable_bitmapscan = off'] : []),
    ...(budgetMs === undefined ? [] : [`SET LOCAL statement_timeout = ${Math.round(budgetMs)}`]),
  ];
  return sql
    .begin(async (tx) => {
      await tx.unsafe(settings.join('; '));
      return query(tx);
    })
    .catch((err: unknown) => {
      if (budgetMs !== undefined && (err as { code?: string }).code === QUERY_CANCELED) return undefined;
      throw err;
    }) as Promise<T | undefined>;
}

/** How long a count that stops early (no bitmap) may take before the indexes are asked instead. */
export const EARLY_STOP_BUDGET_MS = 20;

/** Estimated share of the table above which a count stops early sooner than the indexes list every match. */
const COMMON_SHARE = 0.025;

interface Counted {
  count: number;
  exact: boolean;
  /** The planner's estimate of the matches. */
  estimate: number;
}

/**
 * Exact up to COUNT_CAP, by the cheaper of two ways, chosen by the planner's estimate: for a common
 * filter (a word in 2.5 % of complaints or more) a scan without bitmaps meets 1 001 matches after a
 * few ten thousand rows, sooner than the GIN index lists (and intersects) 100 000 of them; for a
 * rarer one the indexes. Either way within a budget; the early stop falls back to the indexes.
 */
async function countMatches(sql: Sql, where: Fragment[], estimate: number): Promise<Counted> {
  const count = async (tx: TransactionSql) => {
    const [row] = await tx<{ n: number }[]>`
      SELECT count(*)::int AS n FROM (SELECT 1 FROM complaints c ${whereClause(sql, where)} LIMIT ${COUNT_CAP + 1}) capped`;
    return row?.n ?? 0;
  };
  const common = estimate / (await estimateTableRows(sql)) >= COMMON_SHARE;
  const capped =
    (common ? await throughIndexes(sql, EARLY_STOP_BUDGET_MS, count, { seqscan: true, bitmaps: false }) : undefined) ??
    (await throughIndexes(sql, COUNT_BUDGET_MS, count));
  if (capped !== undefined && capped <= COUNT_CAP) return { count: capped, exact: true, estimate };
  // Over the cap (or out of time): the estimate, never below what was counted.
  return { count: Math.max(estimate, capped === undefined ? 0 : COUNT_CAP + 1), exact: false, estimate };
}

/** The planner's estimate of the matches. */
async function estimateMatches(sql: Sql, where: Fragment[]): Promise<number> {
  const [plan] = await sql<{ 'QUERY PLAN': [{ Plan: { 'Plan Rows': number } }] }[]>`
    EXPLAIN (FORMAT JSON) SELECT 1 FROM complaints c ${whereClause(sql, where)}`;
  return Math.round(plan?.['QUERY PLAN'][0].Plan['Plan Rows'] ?? 0);
}

/** The planner's figure for the complaints in the table. */
async function estimateTableRows(sql: Sql): Promise<number> {
  const [table] = await sql<{ rows: number }[]>`SELECT greatest(reltuples, 1)::float8 AS rows FROM pg_class WHERE oid = 'complaints'::regclass`;
  return table?.rows ?? 1;
}

/** PostgreSQL's SQLSTATE for a statement cancelled by statement_timeout. */
const QUERY_CANCELED = '57014';
