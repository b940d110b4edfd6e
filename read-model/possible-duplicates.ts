// The duplicate finder: the earlier complaints an agent should look at before handling this one —
// those of the same customer (the keyed e-mail or phone hash) and those whose text is very
// similar (pg_trgm similarity of the Turkish-aware lower-cased subject and description, through
// the GiST of db/migrations/0030 led by received_at) — received within a window before it. Found when the complaint is read,
// never stored: a complaint filed, reclassified or closed since shows as it is now.
import type { Sql } from 'postgres';
import type { DuplicateReason } from '../domain/complaint.js';

export interface DuplicateFinderSettings {
  /** Earlier complaints received at most this many days before (DUPLICATE_WINDOW_DAYS). */
  windowDays: number;
  /** Trigram similarity (0–1) from which two texts count as very similar (DUPLICATE_SIMILARITY_THRESHOLD). */
  similarityThreshold: number;
}

export const DEFAULT_DUPLICATE_FINDER: DuplicateFinderSettings = { windowDays: 30, similarityThreshold: 0.5 };

/**
 * How long the search may take before the complaint is shown without it (null): a complaint page
 * must not wait on it (a very long window on a busy server, a lock held by a migration).
 */
export const DUPLICATE_SEARCH_TIMEOUT_MS = 1_000;

/** PostgreSQL's query_canceled: the statement timeout ended the search. */
const QUERY_CANCELED = '57014';

/** The most listed: an agent reads them all, and a customer who files daily should not bury the similar texts. */
export const POSSIBLE_DUPLICATES_LISTED = 10;

export interface PossibleDuplicate {
  reference: string;
  subject: string;
  status: string;
  closure: string | null;
  receivedAt: string;
  closedAt: string | null;
  why: DuplicateReason;
  /** Trigram similarity of the two texts, 0–1, two decimals (also for a same-customer match). */
  score: number;
  /** Who complained there: the API masks the contact for a role that reads no contact details. */
  customer: { name: string; email: string | null; phone: string | null };
}

interface Subject {
  email: Buffer | null;
  phone: Buffer | null;
  text: string;
  received_at: Date;
  since: Date;
}

interface Found {
  reference: string;
  subject: string;
  status: string;
  closure: string | null;
  received_at: Date;
  closed_at: Date | null;
  customer_name: string;
  customer_email: string | null;
  customer_phone: string | null;
  same_customer: boolean;
  score: number;
}

/**
 * The possible duplicates of complaint `complaintId`, both kinds first, then the most similar, then
 * the latest; at most POSSIBLE_DUPLICATES_LISTED. Each kind is found through its own index: the
 * hash indexes for the customer, the time-led trigram GiST for the text. Null when the search
 * did not finish within `timeoutMs`.
 */
export async function findPossibleDuplicates(
  sql: Sql,
  complaintId: string,
  settings: DuplicateFinderSettings,
  timeoutMs = DUPLICATE_SEARCH_TIMEOUT_MS,
): Promise<PossibleDuplicate[] | null> {
  try {
    return await search(sql, complaintId, settings, timeoutMs);
  } catch (err) {
    if ((err as { code?: string }).code === QUERY_CANCELED) return null;
    throw err;
  }
}

async function search(sql: Sql, complaintId: string, settings: DuplicateFinderSettings, timeoutMs: number): Promise<PossibleDuplicate[]> {
  const { windowDays, similarityThreshold } = settings;
  return sql.begin(async (tx) => {
    // `%` compares with this setting: the index finds exactly the texts at or above the threshold.
    await tx`SELECT set_config('pg_trgm.similarity_threshold', ${String(similarityThreshold)}, true),
                    set_config('plan_cache_mode', 'force_custom_plan', true), set_config('jit', 'off', true),
                    set_config('statement_timeout', ${`${timeoutMs}ms`}, true)`;
    const [me] = await tx<Subject[]>`
      SELECT customer_email_hash AS email, customer_phone_hash AS phone, plaint_duplicate_text(subject, description) AS text,
             received_at, received_at - make_interval(days => ${windowDays}) AS since
      FROM complaints WHERE id = ${complaintId}`;
    if (!me) return [];
    const earlier = tx`c.received_at >= ${me.since} AND c.received_at < ${me.received_at}`;
    const rows = await tx<Found[]>`
      WITH found AS (
        SELECT c.id FROM complaints c WHERE c.customer_email_hash = ${me.email} AND ${earlier}
        UNION
        SELECT c.id FROM complaints c WHERE c.customer_phone_hash = ${me.phone} AND ${earlier}
        UNION
        SELECT c.id FROM complaints c WHERE plaint_duplicate_text(c.subject, c.description) % ${me.text} AND ${earlier}
      )
      SELECT * FROM (
        SELECT c.reference, c.subject, c.status, c.closure, c.received_at, c.closed_at, c.customer_name, c.customer_email,
               c.customer_phone,
               coalesce(c.customer_email_hash = ${me.email}, false) OR coalesce(c.customer_phone_hash = ${me.phone}, false) AS same_customer,
               similarity(plaint_duplicate_text(c.subject, c.description), ${me.text})::float8 AS score
        FROM found JOIN complaints c USING (id)
      ) d
      ORDER BY same_customer AND score >= ${similarityThreshold} DESC, score DESC, received_at DESC
      LIMIT ${POSSIBLE_DUPLICATES_LISTED}`;
    return rows.map((r) => toDuplicate(r, similarityThreshold));
  }) as Promise<PossibleDuplicate[]>;
}

function toDuplicate(r: Found, threshold: number): PossibleDuplicate {
  const similar = r.score >= threshold;
  return {
    reference: r.reference,
    subject: r.subject,
    status: r.status,
    closure: r.closure,
    receivedAt: r.received_at.toISOString(),
    closedAt: r.closed_at?.toISOString() ?? null,
    why: r.same_customer && similar ? 'both' : r.same_customer ? 'same_customer' : 'similar_text',
    score: Math.round(r.score * 100) / 100,
    customer: { name: r.customer_name, email: r.customer_email, phone: r.customer_phone },
  };
}
