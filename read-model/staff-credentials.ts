// Staff passwords and their lockout (staff_credentials, migration 0021): who may sign in with an
// e-mail, counting wrong passwords, locking, unlocking, storing a new hash. Only hashes are kept
// (security/passwords.ts); nothing here sees a password.
import type { Sql } from 'postgres';
import type { Role } from '../domain/complaint.js';

export interface SignInCandidate {
  id: string;
  name: string;
  email: string;
  roles: Role[];
  language: string;
  passwordHash: string | null;
  lockedUntil: Date | null;
}

/** The active directory people whose e-mail is `email` (any case), each with their credential if any. */
export async function signInCandidates(sql: Sql, email: string): Promise<SignInCandidate[]> {
  return sql<SignInCandidate[]>`
    SELECT p.id, p.name, p.email, p.roles, p.language, c.password_hash AS "passwordHash", c.locked_until AS "lockedUntil"
    FROM staff_people p LEFT JOIN staff_credentials c ON c.person_id = p.id
    WHERE p.active AND lower(p.email) = lower(${email})
    LIMIT 2`;
}

/**
 * Counts one wrong password; the `maxFailures`-th in a row locks the account for `lockMinutes`
 * (and starts the count again for after the lock). One statement, so parallel attempts all count.
 */
export async function recordFailedSignIn(
  sql: Sql,
  personId: string,
  limits: { maxFailures: number; lockMinutes: number },
): Promise<{ lockedUntil: Date | null; failedAttempts: number }> {
  const [row] = await sql<{ locked_until: Date | null; failed_attempts: number; locked_now: boolean }[]>`
    UPDATE staff_credentials SET
      failed_attempts = CASE WHEN failed_attempts + 1 >= ${limits.maxFailures} THEN 0 ELSE failed_attempts + 1 END,
      locked_until = CASE WHEN failed_attempts + 1 >= ${limits.maxFailures}
                          THEN now() + make_interval(mins => ${limits.lockMinutes}) ELSE locked_until END
    WHERE person_id = ${personId}
    RETURNING locked_until, failed_attempts`;
  return { lockedUntil: row?.locked_until ?? null, failedAttempts: row?.failed_attempts ?? 0 };
}

/** A successful sign-in: the count starts again; `rehashed` replaces a hash made at an older cost. */
export async function recordSuccessfulSignIn(sql: Sql, personId: string, rehashed?: string): Promise<void> {
  await sql`
    UPDATE staff_credentials SET failed_attempts = 0, locked_until = NULL,
      password_hash = coalesce(${rehashed ?? null}, password_hash)
    WHERE person_id = ${personId}`;
}

/** Stores a new password hash (and lifts any lock: an administrator set it, or the person proved the old one). */
export async function storePasswordHash(sql: Sql, personId: string, passwordHash: string): Promise<void> {
  await sql`
    INSERT INTO staff_credentials (person_id, password_hash) VALUES (${personId}, ${passwordHash})
    ON CONFLICT (person_id) DO UPDATE SET password_hash = EXCLUDED.password_hash, failed_attempts = 0, locked_until = NULL, changed_at = now()`;
}

/** Lifts a lock and clears the count; answers whether the person had a lock to lift. */
export async function unlockCredential(sql: Sql, personId: string): Promise<boolean> {
  const [row] = await sql<{ was_locked: boolean }[]>`
    UPDATE staff_credentials c SET failed_attempts = 0, locked_until = NULL
    FROM (SELECT person_id, locked_until > now() AS was_locked FROM staff_credentials WHERE person_id = ${personId}) old
    WHERE c.person_id = old.person_id
    RETURNING old.was_locked`;
  return row?.was_locked ?? false;
}

export interface CredentialStatus {
  personId: string;
  lockedUntil: Date | null;
  failedAttempts: number;
  changedAt: Date;
}

/** The credential of every person who has one (the People page's "password" and "locked" columns). */
export async function credentialStatuses(sql: Sql): Promise<Map<string, CredentialStatus>> {
  const rows = await sql<CredentialStatus[]>`
    SELECT person_id AS "personId", CASE WHEN locked_until > now() THEN locked_until END AS "lockedUntil",
           failed_attempts AS "failedAttempts", changed_at AS "changedAt"
    FROM staff_credentials`;
  return new Map(rows.map((r) => [r.personId, r]));
}

export async function passwordHashOf(sql: Sql, personId: string): Promise<string | undefined> {
  return (await credentialOf(sql, personId))?.passwordHash;
}

/** A person's hash and, while a lock holds, its end. */
export async function credentialOf(sql: Sql, personId: string): Promise<{ passwordHash: string; lockedUntil: Date | null } | undefined> {
  const [row] = await sql<{ passwordHash: string; lockedUntil: Date | null }[]>`
    SELECT password_hash AS "passwordHash", CASE WHEN locked_until > now() THEN locked_until END AS "lockedUntil"
    FROM staff_credentials WHERE person_id = ${personId}`;
  return row;
}
