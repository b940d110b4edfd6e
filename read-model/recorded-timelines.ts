// What a backtest reads of past complaints: each one's intake facts and the timeline rows that
// matter for a replay (decisions and answers with their data, the start of its workflow, the
// breaches and every row that ended a stage). Personal data stays behind: reachability is a flag.
import type { Sql } from 'postgres';
import type { Channel } from '../domain/complaint.js';

export interface RecordedEvent {
  seq: number;
  type: string;
  actorId: string;
  actorRole: string;
  at: string;
  data: Record<string, unknown>;
}

export interface RecordedComplaint {
  id: string;
  reference: string;
  channel: Channel;
  receivedAt: string;
  customer: { locale: string; country: string | null; reachable: boolean };
  /** As the read model holds them now (the last classification, the last team). */
  category: string | null;
  team: string | null;
  department: string | null;
  closedAt: string | null;
  processVersion: string | null;
  /** Oldest first. */
  events: RecordedEvent[];
}

export interface RecordedComplaintsQuery {
  /** Complaints filed under any version of this definition (`processVersion` is `<id>@<version>`). */
  definitionId: string;
  receivedFrom: string;
  /** Exclusive. */
  receivedTo: string;
  /** The most complaints read (oldest received first). */
  limit: number;
}

/** Rows fetched per round trip: a backtest's ids go in chunks, so no one query holds them all. */
const EVENT_CHUNK = 2_000;

/** The complaints received in the range whose workflow started, with their replay-relevant events; `matched` counts all of them. */
export async function recordedComplaints(sql: Sql, query: RecordedComplaintsQuery): Promise<{ complaints: RecordedComplaint[]; matched: number }> {
  const where = sql`
    received_at >= ${query.receivedFrom} AND received_at < ${query.receivedTo}
    AND split_part(process_version, '@', 1) = ${query.definitionId}`;
  const [counted] = await sql<{ matched: number }[]>`SELECT count(*)::int AS matched FROM complaints WHERE ${where}`;
  const matched = counted?.matched ?? 0;
  const rows = await sql<ComplaintRow[]>`
    SELECT id, reference, channel, received_at, customer_locale, customer_country,
      (customer_email IS NOT NULL OR customer_phone IS NOT NULL) AS reachable,
      category, team, department, closed_at, process_version
    FROM complaints WHERE ${where}
    ORDER BY received_at, id LIMIT ${query.limit}`;
  const complaints = new Map<string, RecordedComplaint>(rows.map((r) => [r.id, complaintOf(r)]));
  const ids = [...complaints.keys()];
  for (let i = 0; i < ids.length; i += EVENT_CHUNK) {
    const events = await sql<EventRow[]>`
      SELECT complaint_id, seq, type, actor_id, actor_role, occurred_at, data FROM complaint_events
      WHERE complaint_id = ANY(${sql.array(ids.slice(i, i + EVENT_CHUNK))}::uuid[])
        AND (actor_role <> 'system' OR type IN ('process_started', 'deadline_breached') OR data ? 'stageOutcome')
      ORDER BY complaint_id, seq`;
    for (const e of events) {
      complaints.get(e.complaint_id)!.events.push({
        seq: e.seq,
        type: e.type,
        actorId: e.actor_id,
        actorRole: e.actor_role,
        at: e.occurred_at.toISOString(),
        data: e.data,
      });
    }
  }
  return { complaints: [...complaints.values()], matched };
}

interface ComplaintRow {
  id: string;
  reference: string;
  channel: Channel;
  received_at: Date;
  customer_locale: string;
  customer_country: string | null;
  reachable: boolean;
  category: string | null;
  team: string | null;
  department: string | null;
  closed_at: Date | null;
  process_version: string | null;
}

interface EventRow {
  complaint_id: string;
  seq: number;
  type: string;
  actor_id: string;
  actor_role: string;
  occurred_at: Date;
  data: Record<string, unknown>;
}

function complaintOf(r: ComplaintRow): RecordedComplaint {
  return {
    id: r.id,
    reference: r.reference,
    channel: r.channel,
    receivedAt: r.received_at.toISOString(),
    customer: { locale: r.customer_locale, country: r.customer_country, reachable: r.reachable },
    category: r.category,
    team: r.team,
    department: r.department,
    closedAt: r.closed_at?.toISOString() ?? null,
    processVersion: r.process_version,
    events: [],
  };
}
