// The staff search behind GET /v1/complaints: filters, free text in Turkish and English, an exact
// customer lookup by keyed hash, keyset pagination, and a total count that stays cheap.
//
// Keyset: rows come ordered by (sort key, id), both in the sort's direction, and a page starts
// strictly after the last row of the previous one. A complaint filed meanwhile takes its place in
// that order without moving any other row, so no page repeats or skips one (offsets would).
// Count: exact up to COUNT_CAP matches (a LIMITed scan stops early), beyond that the planner's
// estimate, never below the cap: a count(*) over a common word's 100 000 matches would cost more
// than the page itself.
import type { Fragment, Sql } from 'postgres';
import { complaintColumns, type ComplaintRow } from './complaint-queries.js';

export const SORTS = ['receivedAt', '-receivedAt', 'stageDeadline', '-stageDeadline', 'updatedAt', '-updatedAt'] as const;
export type ComplaintSort = (typeof SORTS)[number];

/** Matches counted exactly; above it the total is an estimate (`exact: false`). */
export const COUNT_CAP = 1_000;

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
  const pageWhere = after
    ? [...where, descending ? sql`(${key}, c.id) < (${after.key}::timestamptz, ${after.id}::uuid)` : sql`(${key}, c.id) > (${after.key}::timestamptz, ${after.id}::uuid)`]
    : where;
  const direction = descending ? sql`DESC` : sql`ASC`;
  const [rows, total] = await Promise.all([
    sql<(ComplaintRow & { sort_key: string })[]>`
      SELECT ${complaintColumns(sql)},
        CASE WHEN ${key} = 'infinity' THEN 'infinity' ELSE to_char(${key} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') END AS sort_key
      FROM complaints c ${whereClause(sql, pageWhere)}
      ORDER BY ${key} ${direction}, c.id ${direction}
      LIMIT ${limit + 1}`,
    countMatches(sql, where),
  ]);
  const more = rows.length > limit;
  const page = more ? rows.slice(0, limit) : rows;
  const last = page[page.length - 1];
  return {
    rows: page.map(({ sort_key: _key, ...row }) => row),
    next: more && last ? { key: last.sort_key, id: last.id } : null,
    total,
  };
}

async function countMatches(sql: Sql, where: Fragment[]): Promise<{ count: number; exact: boolean }> {
  const [capped] = await sql<{ n: number }[]>`
    SELECT count(*)::int AS n FROM (SELECT 1 FROM complaints c ${whereClause(sql, where)} LIMIT ${COUNT_CAP + 1}) capped`;
  const n = capped?.n ?? 0;
  if (n <= COUNT_CAP) return { count: n, exact: true };
  const [plan] = await sql<{ 'QUERY PLAN': [{ Plan: { 'Plan Rows': number } }] }[]>`
    EXPLAIN (FORMAT JSON) SELECT 1 FROM complaints c ${whereClause(sql, where)}`;
  const estimate = Math.round(plan?.['QUERY PLAN'][0].Plan['Plan Rows'] ?? 0);
  return { count: Math.max(estimate, COUNT_CAP + 1), exact: false };
}
