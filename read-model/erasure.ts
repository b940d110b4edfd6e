// Erasing a complaint's personal data (issue 14): in ONE transaction, its data key is destroyed
// (every sealed copy, Temporal histories included, becomes unreadable) and every plain column that
// holds personal data is blanked, in every table. Rows stay: the timeline keeps its events, the
// communication record its messages, an attachment its type and size, the reports their numbers
// (report facts and rollups are not touched). The `erasures` row is the record, written as
// `requested` first so a process that dies half-way leaves work a retry finishes.
import { randomUUID } from 'node:crypto';
import type { Sql, TransactionSql } from 'postgres';
import { blankPersonalFields, holdsPersonalFields, type Json } from '../domain/erasure/blank-personal-fields.js';
import type { DataKeyStore, ErasureReason } from '../security/data-keys.js';

export type ErasureWorkflowOutcome = 'withdrawn' | 'already_closed';

export interface ErasureRecord {
  id: string;
  complaintId: string;
  reference: string;
  reason: ErasureReason;
  requestedBy: { id: string; role: string };
  note: string | null;
  requestedAt: string;
  status: 'requested' | 'completed';
  workflow: ErasureWorkflowOutcome | null;
  completedAt: string | null;
  /** Rows blanked (or removed, for lockouts and PIN messages) per table. */
  blanked: Record<string, number>;
}

export interface ErasureRequest {
  complaintId: string;
  reason: ErasureReason;
  actor: { id: string; role: string };
  note?: string | null | undefined;
}

interface ErasureRow {
  id: string;
  complaint_id: string;
  reference: string;
  reason: ErasureReason;
  requested_by: string;
  requested_role: string;
  note: string | null;
  requested_at: Date;
  status: 'requested' | 'completed';
  workflow: ErasureWorkflowOutcome | null;
  completed_at: Date | null;
  blanked: Record<string, number>;
}

type Db = Sql | TransactionSql;

function toRecord(row: ErasureRow): ErasureRecord {
  return {
    id: row.id,
    complaintId: row.complaint_id,
    reference: row.reference,
    reason: row.reason,
    requestedBy: { id: row.requested_by, role: row.requested_role },
    note: row.note,
    requestedAt: row.requested_at.toISOString(),
    status: row.status,
    workflow: row.workflow,
    completedAt: row.completed_at?.toISOString() ?? null,
    blanked: row.blanked,
  };
}

export async function findErasure(db: Db, complaintId: string, lock = false): Promise<ErasureRecord | undefined> {
  const [row] = lock
    ? await db<ErasureRow[]>`
        SELECT e.*, c.reference FROM erasures e JOIN complaints c ON c.id = e.complaint_id
        WHERE e.complaint_id = ${complaintId} FOR UPDATE OF e`
    : await db<ErasureRow[]>`
        SELECT e.*, c.reference FROM erasures e JOIN complaints c ON c.id = e.complaint_id WHERE e.complaint_id = ${complaintId}`;
  return row && toRecord(row);
}

/** Records the request (once: a second request answers the first's record, its reason and who asked). */
export async function requestErasure(sql: Sql, request: ErasureRequest): Promise<ErasureRecord> {
  await sql`
    INSERT INTO erasures (complaint_id, id, reason, requested_by, requested_role, note)
    VALUES (${request.complaintId}, ${randomUUID()}, ${request.reason}, ${request.actor.id}, ${request.actor.role}, ${request.note ?? null})
    ON CONFLICT (complaint_id) DO NOTHING`;
  return (await findErasure(sql, request.complaintId))!;
}

/** What the workflow did before the erasure (kept on the record). */
export async function noteWorkflowOutcome(sql: Sql, complaintId: string, outcome: ErasureWorkflowOutcome): Promise<void> {
  await sql`UPDATE erasures SET workflow = coalesce(workflow, ${outcome}) WHERE complaint_id = ${complaintId}`;
}

/** Erasures asked for but not finished (a process died between the steps), oldest first. */
export async function unfinishedErasures(sql: Sql, limit: number): Promise<string[]> {
  const rows = await sql<{ complaint_id: string }[]>`
    SELECT complaint_id FROM erasures WHERE status = 'requested' ORDER BY requested_at LIMIT ${limit}`;
  return rows.map((r) => r.complaint_id);
}

export interface ErasureDeps {
  sql: Sql;
  dataKeys: DataKeyStore;
}

/**
 * The erasure itself, for a complaint whose workflow is closed (the caller closes it first, so no
 * message goes out after). Idempotent: a completed erasure answers its record unchanged.
 */
export async function erasePersonalData(deps: ErasureDeps, complaintId: string): Promise<ErasureRecord> {
  return deps.sql.begin(async (tx) => {
    const request = await findErasure(tx, complaintId, true);
    if (!request) throw new Error(`complaint ${complaintId} has no erasure request`);
    if (request.status === 'completed') return request;
    await deps.dataKeys.destroy(complaintId, request.reason, tx);
    await closeNeverStarted(tx, request);
    const blanked = await blankPlainColumns(tx, complaintId);
    const [complaint] = await tx<{ last_seq: number; reference: string }[]>`
      UPDATE complaints SET last_seq = last_seq + 1, updated_at = now() WHERE id = ${complaintId} RETURNING last_seq, reference`;
    const data = { erasureId: request.id, reason: request.reason, blanked };
    await tx`
      INSERT INTO complaint_events (complaint_id, seq, type, actor_id, actor_role, occurred_at, data)
      VALUES (${complaintId}, ${complaint!.last_seq}, 'personal_data_erased', ${request.requestedBy.id}, ${request.requestedBy.role}, now(), ${tx.json(data)})`;
    await tx`
      INSERT INTO staff_audit_events (actor_id, actor_role, action, subject, details)
      VALUES (${request.requestedBy.id}, ${request.requestedBy.role}, 'personal_data_erased', ${complaint!.reference}, ${tx.json({ reason: request.reason, erasureId: request.id })})`;
    await tx`
      UPDATE erasures SET status = 'completed', completed_at = now(), blanked = ${tx.json(blanked)} WHERE complaint_id = ${complaintId}`;
    return (await findErasure(tx, complaintId))!;
  });
}

/**
 * A complaint whose workflow never started (Temporal was down at intake; no workflow recorded it)
 * closes here as `withdrawn`, silently, with the event the workflow would have written: it must not
 * stay `received` forever, and the intake reconciler skips erased complaints (its row lock orders
 * it with the erasure's request).
 */
async function closeNeverStarted(tx: TransactionSql, request: ErasureRecord): Promise<void> {
  const [closed] = await tx<{ last_seq: number }[]>`
    UPDATE complaints SET status = 'closed', closure = 'withdrawn', closed_at = now(), updated_at = now(), last_seq = last_seq + 1
    WHERE id = ${request.complaintId} AND status <> 'closed' AND recorded_at IS NULL
    RETURNING last_seq`;
  if (!closed) return;
  await tx`
    INSERT INTO complaint_events (complaint_id, seq, type, actor_id, actor_role, occurred_at, data)
    VALUES (${request.complaintId}, ${closed.last_seq}, 'personal_data_erasure_requested', ${request.requestedBy.id}, ${request.requestedBy.role}, now(),
      ${tx.json({ erasureId: request.id })})`;
}

/**
 * Every plain column of the complaint that holds personal data, blanked; the number of rows each
 * table had blanked. Report facts, rollups and counts are left as they are.
 */
async function blankPlainColumns(tx: TransactionSql, complaintId: string): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  const count = (table: string, rows: { count: number }) => {
    if (rows.count > 0) counts[table] = (counts[table] ?? 0) + rows.count;
  };
  const [row] = await tx<{ reference: string; lifecycle: Json | null }[]>`
    SELECT reference, lifecycle FROM complaints WHERE id = ${complaintId} FOR UPDATE`;
  if (!row) throw new Error(`complaint ${complaintId} has no row`);
  // The search vector and the duplicate finder's trigram text are computed from subject and
  // description (triggers, expression index): blanking those empties both.
  count(
    'complaints',
    await tx`
      UPDATE complaints SET customer_name = '', customer_email = NULL, customer_phone = NULL, customer_postal_address = NULL,
        subject = '', description = '', customer_email_hash = NULL, customer_phone_hash = NULL, intermediary = NULL,
        lifecycle = ${row.lifecycle === null ? null : tx.json(blankPersonalFields(row.lifecycle) as never)}
      WHERE id = ${complaintId}`,
  );
  const events = await tx<{ seq: number; data: Json }[]>`SELECT seq, data FROM complaint_events WHERE complaint_id = ${complaintId}`;
  for (const event of events) {
    if (!holdsPersonalFields(event.data)) continue;
    count(
      'complaint_events',
      await tx`UPDATE complaint_events SET data = ${tx.json(blankPersonalFields(event.data) as never)} WHERE complaint_id = ${complaintId} AND seq = ${event.seq}`,
    );
  }
  // Nothing more goes out: what waited is cancelled; what went keeps its template, channel and times.
  count(
    'outbox_messages (cancelled)',
    await tx`UPDATE outbox_messages SET status = 'skipped', next_attempt_at = NULL WHERE complaint_id = ${complaintId} AND status IN ('pending', 'sending')`,
  );
  count(
    'outbox_messages',
    await tx`
      UPDATE outbox_messages SET recipient = CASE WHEN audience = 'customer' THEN '' ELSE recipient END,
        subject = '', body = '', params = '{}', last_error = NULL
      WHERE complaint_id = ${complaintId}`,
  );
  // A provider's refusal may quote the address ("550 <ayse@…>: no such user").
  count(
    'outbox_delivery_log',
    await tx`
      UPDATE outbox_delivery_log SET detail = NULL
      WHERE detail IS NOT NULL AND message_id IN (SELECT id FROM outbox_messages WHERE complaint_id = ${complaintId})`,
  );
  count('tracking_pin_messages', await tx`DELETE FROM tracking_pin_messages WHERE complaint_id = ${complaintId}`);
  count('response_links', await tx`UPDATE response_links SET revoked_at = now() WHERE complaint_id = ${complaintId} AND revoked_at IS NULL`);
  count(
    'complaint_attachments',
    await tx`
      UPDATE complaint_attachments SET content = NULL, original_name = NULL, sha256 = NULL, erased_at = now()
      WHERE complaint_id = ${complaintId} AND erased_at IS NULL`,
  );
  count('survey_answers', await tx`UPDATE survey_answers SET comment = NULL WHERE complaint_id = ${complaintId} AND comment IS NOT NULL`);
  count(
    'inbound_emails',
    await tx`
      UPDATE inbound_emails SET sender_hash = NULL, refused_attachments = '{}'
      WHERE complaint_id = ${complaintId} OR outbox_message_id IN (SELECT id FROM outbox_messages WHERE complaint_id = ${complaintId})`,
  );
  count(
    'integration_messages',
    await tx`UPDATE integration_messages SET handle = NULL, conversation_url = NULL WHERE complaint_id = ${complaintId}`,
  );
  // The first 201 body and the workflow input, sealed (the PIN, the customer): an intake retry now finds no answer to repeat.
  count('intake_requests', await tx`UPDATE intake_requests SET sealed_response = NULL WHERE complaint_id = ${complaintId} AND sealed_response IS NOT NULL`);
  // Keyed by the reference and the client's network: the network is personal data.
  count('tracking_lockouts', await tx`DELETE FROM tracking_lockouts WHERE reference = ${row.reference}`);
  return counts;
}
