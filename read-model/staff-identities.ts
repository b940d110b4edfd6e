// Single sign-on identities (staff_identities, sso_sign_in_attempts; migration 0033): which
// directory person a provider's subject is, and the sign-in attempts between the redirect and
// the callback. The role of a linked person follows the provider: each sign-in sets their roles.
import { createHash, randomBytes } from 'node:crypto';
import type { Sql } from 'postgres';
import type { Role } from '../domain/complaint.js';

export interface SsoPerson {
  id: string;
  name: string;
  active: boolean;
  roles: Role[];
  /** How the person was found: by the identity, by an e-mail now linked, or made now. */
  found: 'identity' | 'email' | 'created';
}

const attemptHash = (token: string) => createHash('sha256').update(token).digest();

/** Stores an attempt; answers the browser's token for it (its cookie). Removes attempts past their time. */
export async function startSsoAttempt(
  sql: Sql,
  input: { state: string; nonce: string; codeVerifier: string; next: string | undefined; language: string; minutes: number },
): Promise<string> {
  const token = randomBytes(32).toString('base64url');
  await sql`DELETE FROM sso_sign_in_attempts WHERE expires_at < now()`;
  await sql`
    INSERT INTO sso_sign_in_attempts (id_hash, state, nonce, code_verifier, next_path, language, expires_at)
    VALUES (${attemptHash(token)}, ${input.state}, ${input.nonce}, ${input.codeVerifier}, ${input.next ?? null}, ${input.language},
            now() + make_interval(mins => ${input.minutes}))`;
  return token;
}

/** Takes the attempt of `token` (once: a second callback with it finds nothing); undefined when unknown or expired. */
export async function takeSsoAttempt(sql: Sql, token: string) {
  const [row] = await sql<{ state: string; nonce: string; codeVerifier: string; next: string | null; language: string }[]>`
    DELETE FROM sso_sign_in_attempts WHERE id_hash = ${attemptHash(token)} AND expires_at > now()
    RETURNING state, nonce, code_verifier AS "codeVerifier", next_path AS next, language`;
  return row;
}

/**
 * The person of a provider identity: the linked one; else the one active person whose e-mail is
 * the identity's verified e-mail and who has no identity at this issuer yet (now linked); else a
 * new person made from the claims (now linked). Their roles become `roles` in the same transaction.
 */
export async function personForIdentity(
  sql: Sql,
  identity: { issuer: string; subject: string; email: string | undefined; emailVerified: boolean; name: string | undefined; language: string },
  roles: Role[],
): Promise<SsoPerson> {
  return sql.begin(async (tx) => {
    const person = async (id: string) => (await tx<{ id: string; name: string; active: boolean; roles: Role[] }[]>`SELECT id, name, active, roles FROM staff_people WHERE id = ${id}`)[0]!;
    const link = (id: string) =>
      tx`INSERT INTO staff_identities (issuer, subject, person_id, email, last_sign_in_at) VALUES (${identity.issuer}, ${identity.subject}, ${id}, ${identity.email ?? null}, now())`;
    const withRoles = async (id: string, found: SsoPerson['found']): Promise<SsoPerson> => {
      await tx`UPDATE staff_people SET roles = ${roles}, updated_at = now() WHERE id = ${id} AND roles IS DISTINCT FROM ${roles}::text[]`;
      return { ...(await person(id)), found };
    };

    const [linked] = await tx<{ person_id: string }[]>`
      UPDATE staff_identities SET last_sign_in_at = now(), email = ${identity.email ?? null}
      WHERE issuer = ${identity.issuer} AND subject = ${identity.subject} RETURNING person_id`;
    if (linked) return withRoles(linked.person_id, 'identity');

    if (identity.email && identity.emailVerified) {
      const byEmail = await tx<{ id: string }[]>`
        SELECT p.id FROM staff_people p
        WHERE p.active AND lower(p.email) = lower(${identity.email})
          AND NOT EXISTS (SELECT 1 FROM staff_identities i WHERE i.person_id = p.id AND i.issuer = ${identity.issuer})
        LIMIT 2`;
      if (byEmail.length === 1) {
        await link(byEmail[0]!.id);
        return withRoles(byEmail[0]!.id, 'email');
      }
    }

    const base = (identity.email?.split('@')[0] ?? 'sso').replace(/[^A-Za-z0-9._-]/g, '').slice(0, 60) || 'sso';
    const taken = await tx<{ id: string }[]>`SELECT id FROM staff_people WHERE id = ${base}`;
    const id = taken.length ? `${base}-${randomBytes(3).toString('hex')}` : base;
    await tx`
      INSERT INTO staff_people (id, name, email, language, roles)
      VALUES (${id}, ${identity.name ?? identity.email ?? id}, ${identity.email ?? null}, ${identity.language}, ${roles})`;
    await link(id);
    return { ...(await person(id)), found: 'created' };
  });
}

/** A linked person the provider now gives no role loses their roles (their live sessions end at the next request); answers their id. */
export async function removeRolesOfIdentity(sql: Sql, issuer: string, subject: string): Promise<string | undefined> {
  const [row] = await sql<{ id: string }[]>`
    UPDATE staff_people p SET roles = '{}', updated_at = now()
    FROM staff_identities i
    WHERE i.issuer = ${issuer} AND i.subject = ${subject} AND p.id = i.person_id
    RETURNING p.id`;
  return row?.id;
}
