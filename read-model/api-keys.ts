// Staff API keys (api_keys, migration 0032): issuing, listing, rotating, revoking, and the lookup
// authentication makes by hash. A key's secret is returned once, by issueApiKey, and never
// stored: the table has its SHA-256 and its visible prefix only.
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import type { Sql, TransactionSql } from 'postgres';
import type { Role } from '../domain/complaint.js';
import { DomainError } from '../domain/errors.js';
import { apiKeyExpiry, apiKeyStatus, rotationGraceEnd, type ApiKeyPolicy } from '../domain/staff-access/api-keys.js';

type Db = Sql | TransactionSql;

export interface ApiKeyRecord {
  id: string;
  personId: string;
  role: Role;
  label: string;
  prefix: string;
  createdBy: string | null;
  createdAt: Date;
  expiresAt: Date;
  lastUsedAt: Date | null;
  revokedAt: Date | null;
  rotatedFrom: string | null;
  replacedBy: string | null;
  graceEndsAt: Date | null;
}

/** What authentication needs of a key: the record and whether its person may still act. */
export interface ApiKeyCredential extends ApiKeyRecord {
  personActive: boolean;
  personRoles: Role[];
}

const COLUMNS = (db: Db) => db`
  k.id, k.person_id AS "personId", k.role, k.label, k.prefix, k.created_by AS "createdBy", k.created_at AS "createdAt",
  k.expires_at AS "expiresAt", k.last_used_at AS "lastUsedAt", k.revoked_at AS "revokedAt", k.rotated_from AS "rotatedFrom",
  k.replaced_by AS "replacedBy", k.grace_ends_at AS "graceEndsAt"`;

export const apiKeyHash = (key: string): Buffer => createHash('sha256').update(key).digest();

const BASE36 = 'abcdefghijklmnopqrstuvwxyz0123456789';
function newKey(): { prefix: string; secret: string } {
  const prefix = `plaint_${[...randomBytes(8)].map((b) => BASE36[b % 36]).join('')}`;
  return { prefix, secret: `${prefix}_${randomBytes(32).toString('base64url')}` };
}

async function insertKey(
  db: Db,
  input: { personId: string; role: Role; label: string; createdBy: string | null; createdAt: Date; expiresAt: Date; rotatedFrom?: string },
): Promise<{ record: ApiKeyRecord; secret: string }> {
  const id = randomUUID();
  const { prefix, secret } = newKey();
  await db`
    INSERT INTO api_keys (id, person_id, role, label, prefix, key_hash, created_by, created_at, expires_at, rotated_from)
    VALUES (${id}, ${input.personId}, ${input.role}, ${input.label}, ${prefix}, ${apiKeyHash(secret)}, ${input.createdBy},
            ${input.createdAt}, ${input.expiresAt}, ${input.rotatedFrom ?? null})`;
  return { record: await getApiKey(db, id), secret };
}

/** A new key for `personId` acting as `role`; the person must be active and hold the role. */
export async function issueApiKey(
  sql: Sql,
  input: { personId: string; role: Role; label: string; expiresInDays?: number | undefined; createdBy: string | null },
  policy: Pick<ApiKeyPolicy, 'maxDays'>,
  now = new Date(),
): Promise<{ record: ApiKeyRecord; secret: string }> {
  const [person] = await sql<{ active: boolean; roles: string[] }[]>`SELECT active, roles FROM staff_people WHERE id = ${input.personId}`;
  const issues = !person
    ? [{ path: 'personId', message: 'no such person in the staff directory' }]
    : [
        ...(person.active ? [] : [{ path: 'personId', message: 'this person is deactivated' }]),
        ...(person.roles.includes(input.role) ? [] : [{ path: 'role', message: `the person does not hold the role '${input.role}'` }]),
      ];
  // 422: the body fits the document; the directory refuses it.
  if (issues.length) throw new DomainError('UNPROCESSABLE', 'The key cannot be issued', issues);
  return insertKey(sql, { ...input, createdAt: now, expiresAt: apiKeyExpiry(now, input.expiresInDays, policy) });
}

export async function getApiKey(db: Db, id: string): Promise<ApiKeyRecord> {
  const [row] = await db<ApiKeyRecord[]>`SELECT ${COLUMNS(db)} FROM api_keys k WHERE k.id = ${id}`;
  if (!row) throw new DomainError('NOT_FOUND', `No API key ${id}`);
  return row;
}

/** Keys newest first, of one person when `personId` is given. */
export async function listApiKeys(sql: Sql, filter: { personId?: string | undefined } = {}): Promise<ApiKeyRecord[]> {
  return sql<ApiKeyRecord[]>`
    SELECT ${COLUMNS(sql)} FROM api_keys k
    ${filter.personId !== undefined ? sql`WHERE k.person_id = ${filter.personId}` : sql``}
    ORDER BY k.created_at DESC, k.id
    LIMIT 1000`;
}

/**
 * Issues the successor of an active key (same person, role and label, a lifetime as long as the
 * old one's, within the maximum) and lets the old one work until its grace ends.
 */
export async function rotateApiKey(
  sql: Sql,
  input: { id: string; graceHours: number; rotatedBy: string | null },
  policy: Pick<ApiKeyPolicy, 'maxDays'>,
  now = new Date(),
): Promise<{ previous: ApiKeyRecord; successor: ApiKeyRecord; secret: string }> {
  return sql.begin(async (tx) => {
    const [locked] = await tx`SELECT 1 FROM api_keys WHERE id = ${input.id} FOR UPDATE`;
    if (!locked) throw new DomainError('NOT_FOUND', `No API key ${input.id}`);
    const old = await getApiKey(tx, input.id);
    const status = apiKeyStatus(old, now);
    if (status !== 'active') {
      throw new DomainError('CONFLICT', `Only an active key can be rotated; this one is ${status}`, { status, replacedBy: old.replacedBy });
    }
    const lifetimeDays = Math.max(1, Math.round((old.expiresAt.getTime() - old.createdAt.getTime()) / 86_400_000));
    const created = await insertKey(tx, {
      personId: old.personId,
      role: old.role,
      label: old.label,
      createdBy: input.rotatedBy,
      createdAt: now,
      expiresAt: apiKeyExpiry(now, lifetimeDays, policy),
      rotatedFrom: old.id,
    });
    await tx`UPDATE api_keys SET replaced_by = ${created.record.id}, grace_ends_at = ${rotationGraceEnd(now, input.graceHours, old.expiresAt)} WHERE id = ${old.id}`;
    return { previous: await getApiKey(tx, old.id), successor: created.record, secret: created.secret };
  });
}

/** Revokes a key (again: no change). */
export async function revokeApiKey(sql: Sql, id: string, revokedBy: string | null): Promise<{ record: ApiKeyRecord; wasLive: boolean }> {
  const changed = await sql`UPDATE api_keys SET revoked_at = now(), revoked_by = ${revokedBy} WHERE id = ${id} AND revoked_at IS NULL RETURNING 1`;
  return { record: await getApiKey(sql, id), wasLive: changed.length > 0 };
}

/** The key whose SHA-256 is `hash`, with its person's state; undefined when unknown. */
export async function apiKeyByHash(sql: Sql, hash: Buffer): Promise<ApiKeyCredential | undefined> {
  const [row] = await sql<(ApiKeyCredential & { personRoles: string[] })[]>`
    SELECT ${COLUMNS(sql)}, p.active AS "personActive", p.roles AS "personRoles"
    FROM api_keys k JOIN staff_people p ON p.id = k.person_id
    WHERE k.key_hash = ${hash}`;
  return row as ApiKeyCredential | undefined;
}

/** Marks the key used now, unless it was marked within the last minute (one write a minute per key at most). */
export async function touchApiKey(sql: Sql, id: string): Promise<void> {
  await sql`UPDATE api_keys SET last_used_at = now() WHERE id = ${id} AND (last_used_at IS NULL OR last_used_at < now() - interval '1 minute')`;
}
