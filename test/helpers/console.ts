// For the staff console's tests: an app on the real servers with a worker running, directory
// people with passwords, sessions made directly (for app.request tests) and browser pages that
// carry a session cookie (for chromium tests; signing in through the form is the sign-in test's).
import { randomUUID } from 'node:crypto';
import type { Sql } from 'postgres';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import type { Role } from '../../domain/complaint.js';
import { createSession } from '../../api/console/session-store.js';
import { sessionCookieName } from '../../api/console/session-cookie.js';
import { hashPassword } from '../../security/passwords.js';
import { integrationContext, type IntegrationContext } from './integration.js';
import type { BrowserSession } from './browser.js';

export interface ConsoleTestEnv {
  ctx: IntegrationContext;
  sql: Sql;
  app: ReturnType<IntegrationContext['app']>;
}

/** For a console test file: a worker, the app (options as ctx.app's), closed after. */
export function useConsoleApp(onReady: (env: ConsoleTestEnv) => void, appOptions: Parameters<IntegrationContext['app']>[0] = {}): void {
  let ctx: IntegrationContext | undefined;
  beforeAll(async () => {
    ctx = await integrationContext();
    await ctx.startWorker();
    onReady({ ctx, sql: ctx.sql, app: ctx.app(appOptions) });
  });
  afterAll(() => ctx?.close());
}

export interface StaffPerson {
  id: string;
  name: string;
  email: string;
  roles: Role[];
  language: string;
  password?: string;
}

/**
 * A person of the staff directory (unique id and e-mail unless given), member of `teams` (created
 * when missing), with a password when `password` is given. Hashing at a low cost keeps tests fast;
 * the first real sign-in rehashes it at today's cost.
 */
export async function aStaffPerson(
  sql: Sql,
  opts: { id?: string; name?: string; email?: string; roles: Role[]; language?: string; teams?: string[]; password?: string },
): Promise<StaffPerson> {
  const id = opts.id ?? `${opts.roles[0]}-${randomUUID().slice(0, 8)}`;
  const person: StaffPerson = {
    id,
    name: opts.name ?? `Test ${id}`,
    email: opts.email ?? `${id}@staff.plaint.test`,
    roles: opts.roles,
    language: opts.language ?? 'en',
    ...(opts.password !== undefined ? { password: opts.password } : {}),
  };
  await sql`
    INSERT INTO staff_people (id, name, email, language, roles) VALUES (${person.id}, ${person.name}, ${person.email}, ${person.language}, ${person.roles})
    ON CONFLICT (id) DO UPDATE SET name = EXCLUDED.name, email = EXCLUDED.email, language = EXCLUDED.language, roles = EXCLUDED.roles, active = true`;
  for (const team of opts.teams ?? []) {
    await sql`INSERT INTO staff_teams (id, name) VALUES (${team}, ${team}) ON CONFLICT (id) DO NOTHING`;
    await sql`INSERT INTO staff_team_members (team_id, person_id) VALUES (${team}, ${person.id}) ON CONFLICT DO NOTHING`;
  }
  if (opts.password !== undefined) {
    const hash = await hashPassword(opts.password, { logN: 10, r: 8, p: 1 });
    await sql`
      INSERT INTO staff_credentials (person_id, password_hash) VALUES (${person.id}, ${hash})
      ON CONFLICT (person_id) DO UPDATE SET password_hash = EXCLUDED.password_hash, failed_attempts = 0, locked_until = NULL`;
  }
  return person;
}

export interface SignedIn {
  /** The `Cookie` header value for app.request. */
  cookie: string;
  /** What the session's forms post as `_csrf` (or send as X-CSRF-Token). */
  csrfToken: string;
  token: string;
}

/** A live session for `person` acting as `role` (default their first), made directly in the table. */
export async function signedInCookie(sql: Sql, person: StaffPerson, role: Role = person.roles[0]!): Promise<SignedIn> {
  const { token, csrfToken } = await createSession(sql, { personId: person.id, role, absoluteHours: 12 });
  return { cookie: `${sessionCookieName({ secureCookies: false })}=${token}`, csrfToken, token };
}

/** Headers for a console form post through app.request: the session cookie, our origin, a form body type. */
export function consolePostHeaders(signedIn: SignedIn, origin = 'http://localhost'): Record<string, string> {
  return { cookie: signedIn.cookie, origin, 'content-type': 'application/x-www-form-urlencoded' };
}

/**
 * A chromium page (fresh context, `viewport` default 1280×800) already signed in as `person`.
 * The console's CSP is kept (unlike the customer pages' tests, which bypass theirs): pages must run on it.
 */
export async function signInBrowser(
  session: BrowserSession,
  sql: Sql,
  person: StaffPerson,
  opts: { role?: Role; viewport?: { width: number; height: number } } = {},
): Promise<Page> {
  const { token } = await createSession(sql, { personId: person.id, role: opts.role ?? person.roles[0]!, absoluteHours: 12 });
  const context = await session.browser.newContext({ baseURL: session.baseUrl, viewport: opts.viewport ?? { width: 1280, height: 800 }, locale: person.language === 'tr' ? 'tr-TR' : 'en-GB' });
  await context.addCookies([{ name: sessionCookieName({ secureCookies: false }), value: token, url: `${session.baseUrl}/console` }]);
  return session.watchCsp(await context.newPage());
}

/** The phone viewport every console page must work at. */
export const PHONE = { width: 390, height: 844 } as const;
export const DESKTOP = { width: 1280, height: 800 } as const;
