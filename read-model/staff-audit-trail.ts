// The auditor's timeline of what staff did, newest first, from the three places it is recorded:
// complaint decisions (complaint_events whose actor is a staff role), console actions
// (staff_audit_events: sign-ins, lockouts, role switches, …) and process changes (the who/when
// columns of migrations 0009–0011: definitions, versions, selection rules, calendar overrides,
// migration plans). Nothing is copied: each source is read where it lives, so the trail can never
// disagree with it.
//
// Pages are keyset pages on (at, entry id) descending: each source is cut at the cursor and limited
// on its own, then merged, so a page reads at most `limit + 1` rows of each source's ordered scan.
import type { Sql } from 'postgres';
import { ROLES } from '../domain/complaint.js';

export const AUDIT_SOURCES = ['complaint', 'console', 'process'] as const;
export type AuditSource = (typeof AUDIT_SOURCES)[number];

/** The actions of process changes (their own names: the tables only say who and when). */
export const PROCESS_ACTIONS = [
  'definition_created',
  'version_created',
  'version_published',
  'version_retired',
  'selection_rules_changed',
  'calendar_overrides_saved',
  'migration_requested',
] as const;

export interface AuditTrailQuery {
  actorId?: string | undefined;
  actions?: readonly string[] | undefined;
  sources?: readonly AuditSource[] | undefined;
  reference?: string | undefined;
  /** Inclusive. */
  from?: Date | undefined;
  /** Exclusive. */
  to?: Date | undefined;
  limit: number;
  /** Strictly older than this position (the previous page's last entry). */
  after?: AuditPosition | undefined;
}

export interface AuditPosition {
  /** The entry's instant with its microseconds, `2026-04-20T09:00:00.123456Z`. */
  at: string;
  id: string;
}

export interface AuditEntry {
  /** Stable and unique: `complaint:<complaint id>:<seq>`, `console:<id>`, `process:…`. */
  id: string;
  at: string;
  source: AuditSource;
  action: string;
  actorId: string | null;
  actorRole: string | null;
  /** What it was done to, in the source's words: a person id, a definition version, a calendar. */
  subject: string | null;
  /** The complaint it concerns, when there is one (its page is /console/complaints/{reference}). */
  complaintReference: string | null;
  details: Record<string, unknown>;
}

interface Row {
  id: string;
  at: string;
  source: AuditSource;
  action: string;
  actor_id: string | null;
  actor_role: string | null;
  subject: string | null;
  reference: string | null;
  details: Record<string, unknown> | null;
}

const STAFF_ROLES = [...ROLES];
const US = `'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'`;

export async function staffAuditTrail(sql: Sql, q: AuditTrailQuery): Promise<{ entries: AuditEntry[]; next: AuditPosition | null }> {
  const wants = (source: AuditSource) => !q.sources || q.sources.includes(source);
  const take = q.limit + 1;
  const atText = (column: string) => sql.unsafe(`to_char(${column} AT TIME ZONE 'UTC', ${US})`);
  /** The filters every source shares, on its own at / actor / action expressions. */
  const common = (at: string, actor: string, action: string) => {
    const col = (name: string) => sql.unsafe(name);
    return sql`
      ${q.actorId !== undefined ? sql`AND ${col(actor)} = ${q.actorId}` : sql``}
      ${q.actions ? sql`AND ${col(action)} IN ${sql(q.actions as string[])}` : sql``}
      ${q.from ? sql`AND ${col(at)} >= ${q.from}` : sql``}
      ${q.to ? sql`AND ${col(at)} < ${q.to}` : sql``}`;
  };
  const before = (at: string, id: ReturnType<typeof sql.unsafe>) =>
    q.after ? sql`AND (${sql.unsafe(at)}, ${id} COLLATE "C") < (${cursorInstant(sql, q.after)}, ${q.after.id})` : sql``;

  const parts: Promise<Row[]>[] = [];

  if (wants('complaint')) parts.push(complaintSource(sql, q));

  if (wants('console')) {
    const id = sql.unsafe(`('console:' || lpad(s.id::text, 19, '0'))`);
    parts.push(sql<Row[]>`
      SELECT ${id} AS id, ${atText('s.at')} AS at, 'console' AS source, s.action, s.actor_id, s.actor_role,
             s.subject, c.reference, s.details
      FROM staff_audit_events s LEFT JOIN complaints c ON c.reference = s.subject
      WHERE true
        ${common('s.at', 's.actor_id', 's.action')}
        ${q.reference !== undefined ? sql`AND s.subject = ${q.reference}` : sql``}
        ${before('s.at', id)}
      ORDER BY s.at DESC, ${id} COLLATE "C" DESC LIMIT ${take}`);
  }

  // Process changes concern no single complaint: a reference filter leaves them out.
  if (wants('process') && q.reference === undefined) {
    const id = sql.unsafe('p.id');
    parts.push(sql<Row[]>`
      SELECT p.id, ${atText('p.at')} AS at, 'process' AS source, p.action, p.actor_id, p.actor_role, p.subject,
             NULL::text AS reference, p.details
      FROM (
        SELECT 'process:definition:' || id AS id, created_at AS at, 'definition_created' AS action, created_by AS actor_id,
               NULL::text AS actor_role, id AS subject, '{}'::jsonb AS details
        FROM process_definitions
        UNION ALL
        SELECT 'process:version:' || definition_id || '@' || lpad(version::text, 10, '0') || ':created', created_at, 'version_created',
               author, NULL, definition_id || '@' || version, jsonb_build_object('basedOn', based_on)
        FROM process_definition_versions
        UNION ALL
        SELECT 'process:version:' || definition_id || '@' || lpad(version::text, 10, '0') || ':published', published_at, 'version_published',
               published_by, NULL, definition_id || '@' || version, jsonb_build_object('changeNote', change_note)
        FROM process_definition_versions WHERE published_at IS NOT NULL
        UNION ALL
        SELECT 'process:version:' || definition_id || '@' || lpad(version::text, 10, '0') || ':retired', retired_at, 'version_retired',
               retired_by, NULL, definition_id || '@' || version, '{}'::jsonb
        FROM process_definition_versions WHERE retired_at IS NOT NULL
        UNION ALL
        SELECT 'process:selection:' || lpad(revision::text, 10, '0'), changed_at, 'selection_rules_changed', changed_by, NULL,
               'revision ' || revision, jsonb_build_object('note', note)
        FROM process_selection_revisions
        UNION ALL
        SELECT 'process:calendar:' || calendar_id || ':' || lpad(version::text, 10, '0'), created_at, 'calendar_overrides_saved',
               author_id, author_role, calendar_id, jsonb_build_object('version', version, 'changeNote', change_note)
        FROM calendar_override_versions
        UNION ALL
        SELECT 'process:migration:' || id, requested_at, 'migration_requested', requested_by, requested_role,
               definition_id || '@' || target_version, jsonb_build_object('migrationId', id, 'status', status, 'applyAt', apply_at)
        FROM process_migrations
      ) p
      WHERE true
        ${common('p.at', 'p.actor_id', 'p.action')}
        ${before('p.at', id)}
      ORDER BY p.at DESC, p.id COLLATE "C" DESC LIMIT ${take}`);
  }

  const rows = (await Promise.all(parts)).flat();
  // The merge orders as each source did: by instant (text with microseconds sorts as time), then
  // by id in byte order (COLLATE "C" in SQL, plain comparison here).
  rows.sort((a, b) => (a.at !== b.at ? (a.at < b.at ? 1 : -1) : compareIds(b.id, a.id)));
  const page = rows.slice(0, q.limit);
  const last = page.at(-1);
  return {
    entries: page.map((r) => ({
      id: r.id,
      at: r.at,
      source: r.source,
      action: r.action,
      actorId: r.actor_id,
      actorRole: r.actor_role,
      subject: r.subject,
      complaintReference: r.reference,
      details: r.details ?? {},
    })),
    next: rows.length > q.limit && last ? { at: last.at, id: last.id } : null,
  };
}

/**
 * The complaint source: staff decisions, newest first, read along complaint_events_occurred_at_idx
 * (or complaint_events_actor_occurred_at_idx for one person; migration 0024). Its entry id
 * `complaint:<uuid>:<seq, 10 digits>` sorts in byte order as (complaint_id, seq) does (a uuid's
 * text is fixed-width lowercase hex, compared as its bytes), so the page is ordered, and cut at
 * the cursor, on the index's own columns. A fragment, so a test can EXPLAIN it.
 */
export function complaintSource(sql: Sql, q: AuditTrailQuery) {
  const id = sql.unsafe(`('complaint:' || e.complaint_id || ':' || lpad(e.seq::text, 10, '0'))`);
  const atText = sql.unsafe(`to_char(e.occurred_at AT TIME ZONE 'UTC', ${US})`);
  return sql<Row[]>`
    SELECT ${id} AS id, ${atText} AS at, 'complaint' AS source, e.type AS action,
           e.actor_id, e.actor_role, NULL::text AS subject, c.reference, e.data AS details
    FROM complaint_events e JOIN complaints c ON c.id = e.complaint_id
    WHERE e.actor_role IN ${sql(STAFF_ROLES)}
      ${q.actorId !== undefined ? sql`AND e.actor_id = ${q.actorId}` : sql``}
      ${q.actions ? sql`AND e.type IN ${sql(q.actions as string[])}` : sql``}
      ${q.from ? sql`AND e.occurred_at >= ${q.from}` : sql``}
      ${q.to ? sql`AND e.occurred_at < ${q.to}` : sql``}
      ${q.reference !== undefined ? sql`AND c.reference = ${q.reference}` : sql``}
      ${q.after ? complaintsBefore(sql, q.after, id) : sql``}
    ORDER BY e.occurred_at DESC, e.complaint_id DESC, e.seq DESC LIMIT ${q.limit + 1}`;
}

const COMPLAINT_ENTRY_ID = /^complaint:([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}):(\d{10})$/;

/** Complaint entries strictly older than `after` (an entry of any source) in the trail's order. */
function complaintsBefore(sql: Sql, after: AuditPosition, id: ReturnType<Sql['unsafe']>) {
  const match = COMPLAINT_ENTRY_ID.exec(after.id);
  const seq = match ? Number(match[2]) : NaN;
  if (match && seq <= 2_147_483_647) return sql`AND (e.occurred_at, e.complaint_id, e.seq) < (${cursorInstant(sql, after)}, ${match[1]!}::uuid, ${seq}::int)`;
  // Another source's entry (or one no complaint has): compared as the merge compares ids, the
  // instant bounding the index scan.
  return sql`AND e.occurred_at <= ${cursorInstant(sql, after)} AND (e.occurred_at, ${id} COLLATE "C") < (${cursorInstant(sql, after)}, ${after.id})`;
}

/**
 * The cursor's instant with its microseconds. Sent as text and cast by PostgreSQL: a parameter
 * PostgreSQL types as timestamptz, postgres.js serializes through a JavaScript Date, which keeps
 * milliseconds only, so a page would skip the entries later in the cursor's millisecond.
 */
const cursorInstant = (sql: Sql, after: AuditPosition) => sql`${after.at}::text::timestamptz`;

function compareIds(a: string, b: string): number {
  return a === b ? 0 : a < b ? -1 : 1;
}
