// Who read whose personal data (migration 0040): every staff read of a complaint's personal data
// is a row of `personal_data_reads`. Callers record one request's reads in one multi-row INSERT,
// awaited before the data leaves (a read that could not be recorded is not answered), and run it
// beside the work that builds the answer so it adds no round trip of its own to a hot path.
import type { Sql, TransactionSql } from 'postgres';
import { readsCustomerContact } from '../domain/customer-masking.js';
import type { Role } from '../domain/complaint.js';

/**
 * What was read. The API's kinds, plus `codec_decode` (the Temporal codec server opening payloads)
 * and `console_page` (a console page reading personal data without the API: none does today).
 */
export const PERSONAL_DATA_READ_KINDS = [
  'complaint_view',
  'possible_duplicate',
  'decision_result',
  'timeline',
  'messages',
  'attachment_list',
  'attachment_download',
  'search_result',
  'queue',
  'claim',
  'audit_trail',
  'export',
  'codec_decode',
  'console_page',
] as const;
export type PersonalDataReadKind = (typeof PERSONAL_DATA_READ_KINDS)[number];

export type PersonalDataRead = {
  actorId: string;
  actorRole: string;
  kind: PersonalDataReadKind;
  /** The contact was shown masked (an auditor): what the customer wrote and their name were read all the same. */
  contactMasked: boolean;
  /** One thing among several a request could read (an attachment id). */
  item?: string | null;
  requestId?: string | null;
} & ({ complaintId: string } | { complaintReference: string });

/** Records the reads in one INSERT (nothing for none). Other code (the codec server) calls this too. */
export async function recordPersonalDataReads(sql: Sql | TransactionSql, reads: readonly PersonalDataRead[]): Promise<void> {
  if (reads.length === 0) return;
  const column = <T>(pick: (r: PersonalDataRead) => T) => reads.map(pick);
  // One statement, arrays unnested (all sent as text: postgres.js types an array of booleans or of nulls badly): a read named by reference (a possible duplicate) finds its id here.
  await sql`
    INSERT INTO personal_data_reads (actor_id, actor_role, complaint_id, kind, contact_masked, item, request_id)
    SELECT r.actor_id, r.actor_role, coalesce(r.complaint_id, c.id), r.kind, r.contact_masked, r.item, r.request_id
    FROM unnest(
      ${column((r) => r.actorId)}::text[], ${column((r) => r.actorRole)}::text[],
      ${column((r) => ('complaintId' in r ? r.complaintId : null))}::text[]::uuid[],
      ${column((r) => ('complaintReference' in r ? r.complaintReference : null))}::text[],
      ${column((r) => r.kind)}::text[], ${column((r) => String(r.contactMasked))}::text[]::boolean[],
      ${column((r) => r.item ?? null)}::text[], ${column((r) => r.requestId ?? null)}::text[]
    ) AS r(actor_id, actor_role, complaint_id, reference, kind, contact_masked, item, request_id)
    LEFT JOIN complaints c ON r.complaint_id IS NULL AND c.reference = r.reference
    WHERE coalesce(r.complaint_id, c.id) IS NOT NULL`;
}

/** The reads one staff request makes of these complaints (each once), by id or with `byReference` by reference. */
export function readsBy(
  actor: { id: string; role: Role },
  kind: PersonalDataReadKind,
  complaintIds: Iterable<string>,
  opts: { requestId?: string | undefined; item?: string; byReference?: boolean } = {},
): PersonalDataRead[] {
  const contactMasked = !readsCustomerContact(actor.role);
  return [...new Set(complaintIds)].map((key) => ({
    actorId: actor.id,
    actorRole: actor.role,
    ...(opts.byReference ? { complaintReference: key } : { complaintId: key }),
    kind,
    contactMasked,
    item: opts.item ?? null,
    requestId: opts.requestId ?? null,
  }));
}

export interface PersonalDataReadQuery {
  complaintId?: string | undefined;
  actorId?: string | undefined;
  /** Inclusive. */
  from?: Date | undefined;
  /** Exclusive. */
  to?: Date | undefined;
  limit: number;
  /** Strictly older than this (the previous page's last entry). */
  after?: { at: string; id: string } | undefined;
}

export interface PersonalDataReadEntry {
  id: string;
  /** UTC with microseconds. */
  at: string;
  actorId: string;
  actorRole: string;
  complaintId: string;
  /** Null when the complaint's row is gone (the read stays recorded). */
  complaintReference: string | null;
  kind: string;
  contactMasked: boolean;
  item: string | null;
  requestId: string | null;
}

const US = `'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'`;

/** Newest first, keyset pages on (at, id): each filter walks its own index (0040). */
export async function listPersonalDataReads(sql: Sql, q: PersonalDataReadQuery): Promise<{ entries: PersonalDataReadEntry[]; next: { at: string; id: string } | null }> {
  // The cursor's instant goes as text and is cast in PostgreSQL: a Date would lose its microseconds.
  const rows = await sql<(Omit<PersonalDataReadEntry, 'complaintReference'> & { reference: string | null })[]>`
    SELECT r.id::text AS id, to_char(r.at AT TIME ZONE 'UTC', ${sql.unsafe(US)}) AS at, r.actor_id AS "actorId", r.actor_role AS "actorRole",
      r.complaint_id AS "complaintId", c.reference, r.kind, r.contact_masked AS "contactMasked", r.item, r.request_id AS "requestId"
    FROM personal_data_reads r LEFT JOIN complaints c ON c.id = r.complaint_id
    WHERE true
      ${q.complaintId ? sql`AND r.complaint_id = ${q.complaintId}` : sql``}
      ${q.actorId ? sql`AND r.actor_id = ${q.actorId}` : sql``}
      ${q.from ? sql`AND r.at >= ${q.from.toISOString()}::text::timestamptz` : sql``}
      ${q.to ? sql`AND r.at < ${q.to.toISOString()}::text::timestamptz` : sql``}
      ${q.after ? sql`AND (r.at, r.id) < (${q.after.at}::text::timestamptz, ${q.after.id}::bigint)` : sql``}
    ORDER BY r.at DESC, r.id DESC
    LIMIT ${q.limit + 1}`;
  const page = rows.slice(0, q.limit).map(({ reference, ...r }) => ({ ...r, complaintReference: reference }));
  const last = page.at(-1);
  return { entries: page, next: rows.length > q.limit && last ? { at: last.at, id: last.id } : null };
}
