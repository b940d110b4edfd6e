// One Idempotency-Key, one staff request. Temporal de-duplicates updates by id alone and answers a
// repeated id with the first result, so a key reused with a different body would be "accepted"
// and silently dropped. Before an update is sent, its (caller, key) is written here with the
// SHA-256 of what it asks; the same key with another body is refused with 409 CONFLICT.
import { createHash } from 'node:crypto';
import type { Sql } from 'postgres';
import { DomainError, type ErrorCode } from '../domain/errors.js';

export interface RequestKey {
  /** Who owns the key, e.g. `decide:<staff id>`. */
  caller: string;
  key: string;
  /** What the request asks, hashed; equal requests hash equal. */
  body: unknown;
}

/** Days a key is remembered; Temporal keeps update ids only as long as the run's history. */
export const REQUEST_KEY_DAYS = 30;

/** Rows of expired keys deleted per sweep at most. */
const SWEEP_BATCH = 1_000;

/** The 409's message for a key reused with another body. */
export type ConflictMessage = (key: string) => string;

/**
 * Records the key for this body, or finds it recorded for the same body (a retry); throws 409
 * CONFLICT, naming the key, when it was used for another body.
 */
export async function claimRequestKey(
  sql: Sql,
  { caller, key, body }: RequestKey,
  conflictMessage: ConflictMessage = keyReused,
): Promise<void> {
  const sha = requestDigest(body);
  const inserted = await sql`
    INSERT INTO request_keys (caller, idempotency_key, body_sha256) VALUES (${caller}, ${key}, ${sha})
    ON CONFLICT (caller, idempotency_key) DO NOTHING RETURNING 1`;
  if (inserted.length > 0) return;
  // A statement of its own, so it sees a concurrent request's row once that has committed.
  const [row] = await sql<{ body_sha256: string }[]>`
    SELECT body_sha256 FROM request_keys WHERE caller = ${caller} AND idempotency_key = ${key}`;
  if (row && row.body_sha256 !== sha) {
    throw new DomainError('CONFLICT', conflictMessage(key), { idempotencyKey: key });
  }
}

/**
 * Forgets a key whose request the workflow refused (its validator rejected the update, so Temporal
 * kept no trace of it): the caller may send a corrected request under the same key.
 */
export async function releaseRequestKey(sql: Sql, { caller, key, body }: RequestKey): Promise<void> {
  await sql`DELETE FROM request_keys WHERE caller = ${caller} AND idempotency_key = ${key} AND body_sha256 = ${requestDigest(body)}`;
}

/**
 * Sends a request under its key: claims the key (409 if it carried another body), then sends. When
 * the workflow refuses the request (its validator rejected the update, so nothing happened) the
 * key is freed for a corrected request; unavailability and GONE keep it (the update may yet apply).
 */
export async function sendOnce<T>(sql: Sql, requestKey: RequestKey, send: () => Promise<T>): Promise<T> {
  await claimRequestKey(sql, requestKey);
  try {
    return await send();
  } catch (err) {
    if (refusedByWorkflow(err)) await releaseRequestKey(sql, requestKey);
    throw err;
  }
}

const REFUSALS: readonly ErrorCode[] = ['INVALID_TRANSITION', 'NOT_ALLOWED_FOR_ROLE', 'VALIDATION_FAILED', 'PRECONDITION_FAILED'];

function refusedByWorkflow(err: unknown): boolean {
  return err instanceof DomainError && REFUSALS.includes(err.code);
}

/** Deletes up to a batch of keys older than REQUEST_KEY_DAYS; answers how many. */
export async function purgeExpiredRequestKeys(sql: Sql): Promise<number> {
  const deleted = await sql`
    DELETE FROM request_keys WHERE (caller, idempotency_key) IN (
      SELECT caller, idempotency_key FROM request_keys
      WHERE created_at < now() - make_interval(days => ${REQUEST_KEY_DAYS}::int)
      LIMIT ${SWEEP_BATCH} FOR UPDATE SKIP LOCKED)`;
  return deleted.count;
}

/** The request's own fingerprint: its body as canonical JSON, hashed (hex SHA-256). */
export function requestDigest(body: unknown): string {
  return createHash('sha256').update(canonicalJson(body)).digest('hex');
}

/** JSON with object keys sorted and no white space, so equal content hashes equal whatever its key order. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value).filter(([, v]) => v !== undefined).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

function keyReused(key: string): string {
  return `Idempotency-Key '${key}' was already used for a different request; send a new request with a new key`;
}
