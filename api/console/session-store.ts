// Staff sessions in PostgreSQL (staff_sessions, migration 0021). The cookie carries 32 random
// bytes; the table keeps their SHA-256, so reading the table signs nobody in. Each session has a
// CSRF key of its own: its forms carry HMAC(key), which a page of another origin cannot compute.
import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import type { Sql } from 'postgres';
import { ROLES, type Role } from '../../domain/complaint.js';

export type SessionEndReason = 'signed_out' | 'idle' | 'expired' | 'password_changed' | 'deactivated' | 'role_removed';

export interface SessionRow {
  idHash: Buffer;
  csrfKey: Buffer;
  role: Role;
  lastSeenAt: Date;
  expiresAt: Date;
  person: { id: string; name: string; email: string | null; language: string; roles: Role[]; active: boolean };
}

export function sessionIdHash(token: string): Buffer {
  return createHash('sha256').update(token).digest();
}

export function csrfTokenOf(csrfKey: Buffer): string {
  return createHmac('sha256', csrfKey).update('plaint:console-csrf:v1').digest('base64url');
}

export function csrfTokenMatches(csrfKey: Buffer, presented: string | undefined): boolean {
  if (!presented) return false;
  const expected = Buffer.from(csrfTokenOf(csrfKey));
  const given = Buffer.from(presented);
  return given.length === expected.length && timingSafeEqual(given, expected);
}

/** Starts a session for `personId` acting as `role`; answers the cookie's token (shown to nobody else). */
export async function createSession(
  sql: Sql,
  input: { personId: string; role: Role; absoluteHours: number; userAgent?: string | undefined },
): Promise<{ token: string; idHash: Buffer; csrfToken: string }> {
  const token = randomBytes(32).toString('base64url');
  const idHash = sessionIdHash(token);
  const csrfKey = randomBytes(32);
  await sql`
    INSERT INTO staff_sessions (id_hash, person_id, active_role, csrf_key, expires_at, user_agent)
    VALUES (${idHash}, ${input.personId}, ${input.role}, ${csrfKey},
            now() + make_interval(hours => ${input.absoluteHours}), ${input.userAgent?.slice(0, 300) ?? null})`;
  return { token, idHash, csrfToken: csrfTokenOf(csrfKey) };
}

/** The live session of `token` with its person; undefined when unknown or ended. Timeouts are the caller's (checkSession). */
export async function findSession(sql: Sql, token: string): Promise<SessionRow | undefined> {
  const [row] = await sql<{ id_hash: Buffer; csrf_key: Buffer; active_role: string; last_seen_at: Date; expires_at: Date; id: string; name: string; email: string | null; language: string; roles: string[]; active: boolean }[]>`
    SELECT s.id_hash, s.csrf_key, s.active_role, s.last_seen_at, s.expires_at, p.id, p.name, p.email, p.language, p.roles, p.active
    FROM staff_sessions s JOIN staff_people p ON p.id = s.person_id
    WHERE s.id_hash = ${sessionIdHash(token)} AND s.ended_at IS NULL`;
  if (!row) return undefined;
  return {
    idHash: row.id_hash,
    csrfKey: row.csrf_key,
    role: row.active_role as Role,
    lastSeenAt: row.last_seen_at,
    expiresAt: row.expires_at,
    person: { id: row.id, name: row.name, email: row.email, language: row.language, roles: row.roles.filter(isRole), active: row.active },
  };
}

const isRole = (role: string): role is Role => (ROLES as readonly string[]).includes(role);

/** Why a live session may not go on now (timeouts, the person deactivated or no longer in the role), or undefined. */
export function sessionEndReason(session: SessionRow, now: Date, idleMinutes: number): SessionEndReason | undefined {
  if (!session.person.active) return 'deactivated';
  if (!session.person.roles.includes(session.role)) return 'role_removed';
  if (session.expiresAt.getTime() <= now.getTime()) return 'expired';
  if (session.lastSeenAt.getTime() + idleMinutes * 60_000 <= now.getTime()) return 'idle';
  return undefined;
}

export async function endSession(sql: Sql, idHash: Buffer, reason: SessionEndReason): Promise<void> {
  await sql`UPDATE staff_sessions SET ended_at = now(), end_reason = ${reason} WHERE id_hash = ${idHash} AND ended_at IS NULL`;
}

/** Ends every live session of a person (password changed, deactivated). */
export async function endSessionsOf(sql: Sql, personId: string, reason: SessionEndReason): Promise<number> {
  const rows = await sql`UPDATE staff_sessions SET ended_at = now(), end_reason = ${reason} WHERE person_id = ${personId} AND ended_at IS NULL RETURNING 1`;
  return rows.length;
}

/** Marks the session used now; at most once every 30 s, so reading pages does not write on every request. */
export async function touchSession(sql: Sql, session: SessionRow, now: Date): Promise<void> {
  if (now.getTime() - session.lastSeenAt.getTime() < 30_000) return;
  await sql`UPDATE staff_sessions SET last_seen_at = now() WHERE id_hash = ${session.idHash} AND ended_at IS NULL`;
}

export async function switchSessionRole(sql: Sql, idHash: Buffer, role: Role): Promise<void> {
  await sql`UPDATE staff_sessions SET active_role = ${role} WHERE id_hash = ${idHash} AND ended_at IS NULL`;
}
