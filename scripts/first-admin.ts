// The first administrator of a fresh stack: `npm start` makes sure the staff directory has person
// `admin` (role admin) with a password, so someone can sign in to the console and add everyone
// else on the People page. Created once: an `admin` that exists keeps its e-mail and roles, a
// password changed since keeps the change (then the one in .data/secrets.json is no longer it).
import type { Sql } from 'postgres';
import { hashPassword, verifyPassword } from '../security/passwords.js';

export const FIRST_ADMIN_ID = 'admin';

export interface FirstAdmin {
  email: string | null;
  /** Whether `password` (the one in secrets.json) still signs the admin in. */
  passwordWorks: boolean;
  created: boolean;
}

export async function ensureFirstAdmin(sql: Sql, input: { email: string; password: string }): Promise<FirstAdmin> {
  const [inserted] = await sql`
    INSERT INTO staff_people (id, name, email, language, roles) VALUES (${FIRST_ADMIN_ID}, 'Administrator', ${input.email}, 'en', '{admin}')
    ON CONFLICT (id) DO NOTHING RETURNING 1`;
  const hash = await hashPassword(input.password);
  await sql`INSERT INTO staff_credentials (person_id, password_hash) VALUES (${FIRST_ADMIN_ID}, ${hash}) ON CONFLICT (person_id) DO NOTHING`;
  const [row] = await sql<{ email: string | null; password_hash: string }[]>`
    SELECT p.email, c.password_hash FROM staff_people p JOIN staff_credentials c ON c.person_id = p.id WHERE p.id = ${FIRST_ADMIN_ID}`;
  return { email: row!.email, passwordWorks: await verifyPassword(input.password, row!.password_hash), created: inserted !== undefined };
}
