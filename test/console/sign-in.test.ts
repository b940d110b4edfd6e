// Signing in to the staff console over HTTP against the real database: the right password opens a
// new session in the person's first role, every refusal reads alike, repeated wrong passwords lock
// the account until the lock runs out, `next` never leaves the console, the cookie is as strict as
// the deployment allows, forged posts and floods are refused, and each step is in the staff audit.
import { createHash } from 'node:crypto';
import { pino } from 'pino';
import { describe, expect, it } from 'vitest';
import { createApp } from '../../api/app.js';
import { createTemporalGateway } from '../../temporal/gateway.js';
import { PASSWORD_COST } from '../../security/passwords.js';
import { aStaffPerson, signedInCookie, useConsoleApp, type ConsoleTestEnv } from '../helpers/console.js';
import { LINK_SIGNING_SECRET } from '../helpers/integration.js';

let env: ConsoleTestEnv;
useConsoleApp((ready) => (env = ready));

type App = { request: ConsoleTestEnv['app']['request'] };
let address = 0;
/** A client address of its own per test, so the per-address budget of one test never spends another's. */
const newAddress = () => `198.51.100.${++address}`;

/** Opens the form as a browser would: its pre-session cookie and the token in the page. */
async function openForm(app: App, query = '', headers: Record<string, string> = {}) {
  const res = await app.request(`/console/sign-in${query}`, { headers });
  const html = await res.text();
  const setCookie = res.headers.get('set-cookie') ?? '';
  const [, name, value] = /((?:__Host-)?plaint_sign_in)=([^;]+)/.exec(setCookie) ?? [];
  return { res, html, cookie: name ? `${name}=${value}` : '', token: /name="_csrf" value="([^"]+)"/.exec(html)?.[1] ?? '' };
}

async function postSignIn(
  app: App,
  fields: Record<string, string>,
  opts: { origin?: string; address?: string; form?: Awaited<ReturnType<typeof openForm>>; cookie?: string } = {},
) {
  const form = opts.form ?? (await openForm(app));
  const body = new URLSearchParams({ _csrf: form.token, ...fields }).toString();
  return app.request('/console/sign-in', {
    method: 'POST',
    headers: {
      origin: opts.origin ?? 'http://localhost',
      'content-type': 'application/x-www-form-urlencoded',
      cookie: [form.cookie, opts.cookie].filter(Boolean).join('; '),
      'x-forwarded-for': opts.address ?? newAddress(),
    },
    body,
  });
}

const sessionToken = (res: Response) => /plaint_staff=([A-Za-z0-9_-]{43})/.exec(res.headers.get('set-cookie') ?? '')?.[1];
const sessionOf = async (token: string) =>
  (await env.sql<{ person_id: string; active_role: string; ended_at: Date | null; end_reason: string | null }[]>`
    SELECT person_id, active_role, ended_at, end_reason FROM staff_sessions WHERE id_hash = ${createHash('sha256').update(token).digest()}`)[0];
const auditOf = (personId: string) =>
  env.sql<{ action: string; actor_id: string | null; subject: string | null; details: Record<string, unknown> }[]>`
    SELECT action, actor_id, subject, details FROM staff_audit_events WHERE subject = ${personId} OR actor_id = ${personId} ORDER BY id`;
const credentialOf = async (personId: string) =>
  (await env.sql<{ password_hash: string; failed_attempts: number; locked_until: Date | null }[]>`
    SELECT password_hash, failed_attempts, locked_until FROM staff_credentials WHERE person_id = ${personId}`)[0]!;
const problemText = async (res: Response) => /<div class="form-errors"[^>]*><p>([^<]*)<\/p>/.exec(await res.text())?.[1];

describe('signing in', () => {
  it('opens a new session in the person’s first role, with a strict cookie, rehashing an old hash', async () => {
    const person = await aStaffPerson(env.sql, { roles: ['auditor', 'agent', 'supervisor'], password: 'a long enough password', email: `Mixed.Case.${Date.now()}@Staff.plaint.test` });
    const res = await postSignIn(env.app, { email: person.email.toLowerCase(), password: 'a long enough password' });
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe('/console/queues'); // supervisor comes before agent and auditor
    const cookie = res.headers.get('set-cookie')!;
    expect(cookie).toMatch(/plaint_staff=[A-Za-z0-9_-]{43}; Max-Age=43200; Path=\/console; HttpOnly; SameSite=Strict/);
    expect(cookie).not.toMatch(/Secure/);
    const first = sessionToken(res)!;
    expect(await sessionOf(first)).toMatchObject({ person_id: person.id, active_role: 'supervisor', ended_at: null });
    // The test helper hashed at a low cost; the sign-in stored today's.
    expect((await credentialOf(person.id)).password_hash.startsWith(`scrypt$${PASSWORD_COST.logN}$${PASSWORD_COST.r}$${PASSWORD_COST.p}$`)).toBe(true);

    // Signing in again from the same browser: a new token, the old session ended (no fixation).
    const again = await postSignIn(env.app, { email: person.email, password: 'a long enough password' }, { cookie: `plaint_staff=${first}` });
    const second = sessionToken(again)!;
    expect(second).not.toBe(first);
    expect(await sessionOf(first)).toMatchObject({ end_reason: 'signed_out' });
    expect((await env.app.request('/console', { headers: { cookie: `plaint_staff=${second}` } })).headers.get('location')).toBe('/console/queues');
    expect((await auditOf(person.id)).filter((a) => a.action === 'sign_in')).toHaveLength(2);
  });

  it('says the same for an unknown e-mail and a wrong password, and audits both without the password', async () => {
    const person = await aStaffPerson(env.sql, { roles: ['agent'], password: 'the right password' });
    const wrong = await postSignIn(env.app, { email: person.email, password: 'the wrong password' });
    const unknownEmail = `nobody-${Date.now()}@staff.plaint.test`;
    const unknown = await postSignIn(env.app, { email: unknownEmail, password: 'the wrong password' });
    const noPassword = await aStaffPerson(env.sql, { roles: ['agent'] });
    const without = await postSignIn(env.app, { email: noPassword.email, password: 'the wrong password' });
    expect([wrong.status, unknown.status, without.status]).toEqual([400, 400, 400]);
    const texts = [await problemText(wrong), await problemText(unknown), await problemText(without)];
    expect(texts[0]).toBe('The e-mail address or the password is not right. Check both and try again.');
    expect(new Set(texts).size).toBe(1);
    expect(sessionToken(wrong)).toBeUndefined();

    expect(await auditOf(person.id)).toEqual([expect.objectContaining({ action: 'sign_in_failed', actor_id: person.id, details: { reason: 'wrong_password' } })]);
    const anonymous = await env.sql<{ actor_id: string | null; details: { emailHmac?: string } }[]>`
      SELECT actor_id, details FROM staff_audit_events WHERE action = 'sign_in_failed' AND actor_id IS NULL AND details->>'reason' = 'unknown_email' ORDER BY id DESC LIMIT 1`;
    expect(anonymous[0]!.details.emailHmac).toMatch(/^[0-9a-f]{64}$/);
    const everything = JSON.stringify(await env.sql`SELECT details FROM staff_audit_events WHERE action = 'sign_in_failed'`);
    expect(everything).not.toContain('the wrong password');
    expect(everything).not.toContain(unknownEmail);
  });

  it('locks the account after the limit of wrong passwords, refuses even the right one while locked, and lets it in after', async () => {
    const person = await aStaffPerson(env.sql, { roles: ['agent'], password: 'the right password' });
    const statuses: number[] = [];
    for (let i = 0; i < 5; i++) statuses.push((await postSignIn(env.app, { email: person.email, password: `wrong ${i} password` })).status);
    expect(statuses).toEqual([400, 400, 400, 400, 423]);
    const locked = await postSignIn(env.app, { email: person.email, password: 'the right password' });
    expect(locked.status).toBe(423);
    expect(await problemText(locked)).toBe(
      'Too many wrong passwords: sign-in is locked for this account. Try again in 15 minutes, or ask an administrator to unlock it.',
    );
    expect(sessionToken(locked)).toBeUndefined();
    const actions = (await auditOf(person.id)).map((a) => a.action);
    expect(actions.filter((a) => a === 'locked_out')).toHaveLength(1);
    expect((await auditOf(person.id)).at(-1)).toMatchObject({ action: 'sign_in_failed', details: { reason: 'locked' } });

    // The lock runs out: the right password opens a session and the count starts again.
    await env.sql`UPDATE staff_credentials SET locked_until = now() - interval '1 second' WHERE person_id = ${person.id}`;
    await postSignIn(env.app, { email: person.email, password: 'wrong again password' });
    expect((await credentialOf(person.id)).failed_attempts).toBe(1);
    const after = await postSignIn(env.app, { email: person.email, password: 'the right password' });
    expect(after.status).toBe(303);
    expect(await credentialOf(person.id)).toMatchObject({ failed_attempts: 0, locked_until: null });
  });

  it('locks an unknown e-mail after as many tries, so a lockout does not tell whether an account exists', async () => {
    const email = `ghost-${Date.now()}@staff.plaint.test`;
    const statuses: number[] = [];
    for (let i = 0; i < 6; i++) statuses.push((await postSignIn(env.app, { email, password: `guess number ${i}` })).status);
    expect(statuses).toEqual([400, 400, 400, 400, 423, 423]);
  }, 30_000);

  it('counts an unknown e-mail\'s tries across API instances, in PostgreSQL and without the address', async () => {
    const other = env.ctx.app(); // a second instance: its own process state, the same database
    const email = `ghost-shared-${Date.now()}@staff.plaint.test`;
    const statuses: number[] = [];
    for (let i = 0; i < 5; i++) statuses.push((await postSignIn(i % 2 === 0 ? env.app : other, { email, password: `guess number ${i}` })).status);
    expect(statuses).toEqual([400, 400, 400, 400, 423]);
    expect((await postSignIn(other, { email: email.toUpperCase(), password: 'one more guess' })).status).toBe(423);
    const rows = await env.sql<{ email_key: Buffer }[]>`SELECT email_key FROM phantom_sign_in_lockouts WHERE locked_until > now()`;
    expect(rows.length).toBeGreaterThan(0);
    expect(JSON.stringify(rows)).not.toContain('ghost-shared');
  }, 30_000);

  it('refuses an e-mail two active people share, and a person with no role', async () => {
    const email = `shared-${Date.now()}@staff.plaint.test`;
    const one = await aStaffPerson(env.sql, { roles: ['agent'], email, password: 'shared password one' });
    await aStaffPerson(env.sql, { roles: ['agent'], email: email.toUpperCase(), password: 'shared password two' });
    expect((await postSignIn(env.app, { email, password: 'shared password one' })).status).toBe(400);
    await env.sql`UPDATE staff_people SET active = false WHERE email = ${email.toUpperCase()}`;
    expect((await postSignIn(env.app, { email, password: 'shared password one' })).status).toBe(303);

    const roleless = await aStaffPerson(env.sql, { roles: [], id: `roleless-${Date.now()}`, password: 'a password without roles' });
    const res = await postSignIn(env.app, { email: roleless.email, password: 'a password without roles' });
    expect(res.status).toBe(403);
    expect(await problemText(res)).toBe('Your account has no console role yet. Ask an administrator to give you one.');
    expect(one.id).toBeDefined();
  });

  it('goes on to `next` only when it is a console page', async () => {
    const person = await aStaffPerson(env.sql, { roles: ['agent'], password: 'the right password' });
    const land = async (next: string) => (await postSignIn(env.app, { email: person.email, password: 'the right password', next })).headers.get('location');
    expect(await land('/console/complaints?status=received')).toBe('/console/complaints?status=received');
    for (const evil of ['https://evil.example/console', '//evil.example/console', '/\\evil.example', '/console/../v1/staff', '/consolex', 'javascript:alert(1)', '/console/sign-in']) {
      expect(await land(evil), evil).toBe('/console/queues');
    }
    // The form carries a safe `next` from the link that sent the person here, and drops a foreign one.
    expect((await openForm(env.app, `?next=${encodeURIComponent('/console/complaints')}`)).html).toContain('name="next" value="/console/complaints"');
    expect((await openForm(env.app, `?next=${encodeURIComponent('https://evil.example')}`)).html).not.toContain('name="next"');
  });

  it('refuses a post from another origin or without this browser’s form token', async () => {
    const person = await aStaffPerson(env.sql, { roles: ['agent'], password: 'the right password' });
    const foreign = await postSignIn(env.app, { email: person.email, password: 'the right password' }, { origin: 'https://evil.example' });
    expect(foreign.status).toBe(403);
    expect(await foreign.text()).toContain('The form was refused');
    const form = await openForm(env.app);
    const stolen = await postSignIn(env.app, { email: person.email, password: 'the right password' }, { form: { ...form, cookie: '' } });
    expect(stolen.status).toBe(403);
    expect(await problemText(stolen)).toBe('The sign-in form had expired. Enter your e-mail address and password again.');
    const otherToken = await postSignIn(env.app, { email: person.email, password: 'the right password' }, { form: { ...form, token: 'x'.repeat(43) } });
    expect(otherToken.status).toBe(403);
    expect(sessionToken(foreign) ?? sessionToken(stolen) ?? sessionToken(otherToken)).toBeUndefined();
    // `Origin: null` (a sandboxed frame; also our own pages under Referrer-Policy: no-referrer): Sec-Fetch-Site decides.
    const opaque = await openForm(env.app);
    const post = (site: string) =>
      env.app.request('/console/sign-in', {
        method: 'POST',
        headers: { origin: 'null', 'sec-fetch-site': site, 'content-type': 'application/x-www-form-urlencoded', cookie: opaque.cookie, 'x-forwarded-for': newAddress() },
        body: new URLSearchParams({ _csrf: opaque.token, email: person.email, password: 'the right password' }).toString(),
      });
    expect((await post('cross-site')).status).toBe(403);
    expect((await post('same-origin')).status).toBe(303);
  });

  it('answers 429 with Retry-After past the per-address budget', async () => {
    const from = newAddress();
    const statuses: number[] = [];
    for (let i = 0; i < 21; i++) statuses.push((await postSignIn(env.app, { email: 'x@y.example', password: '' }, { address: from })).status);
    expect(statuses.slice(0, 20).every((s) => s === 400)).toBe(true);
    const limited = await postSignIn(env.app, { email: 'x@y.example', password: '' }, { address: from });
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(await limited.text()).toContain('Too many sign-in attempts came from your network');
    expect((await postSignIn(env.app, { email: 'x@y.example', password: '' })).status).toBe(400); // another address is not held up
  });

  it('speaks the browser’s language or the one asked for, with a switch; shows a link on when already signed in', async () => {
    const tr = await openForm(env.app, '', { 'accept-language': 'de-DE, tr;q=0.8, en;q=0.5' });
    expect(tr.html).toContain('<html lang="tr">');
    expect(tr.html).toContain('Oturum aç');
    expect(tr.html).toContain('href="/console/sign-in?lang=en"');
    const en = await openForm(env.app, '?lang=en', { 'accept-language': 'tr' });
    expect(en.html).toContain('<html lang="en">');
    expect(en.html).toContain('hreflang="tr"');
    expect(en.res.headers.get('content-security-policy')).toContain("form-action 'self'");

    const person = await aStaffPerson(env.sql, { roles: ['process_owner'], name: 'Zeynep Demir' });
    const signedIn = await signedInCookie(env.sql, person);
    const page = await (await env.app.request('/console/sign-in?lang=en', { headers: { cookie: signedIn.cookie } })).text();
    expect(page).toContain('You are already signed in as Zeynep Demir in this browser.');
    expect(page).toContain('href="/console/dashboard"'); // a process owner's first section
  });
});

describe('signing in over HTTPS', () => {
  it('sets a Secure __Host- cookie for the whole site', async () => {
    const app = createApp({
      config: { API_KEYS: [], PUBLIC_INTAKE_PER_MINUTE: 1000, TRUST_PROXY: true, LINK_SIGNING_SECRET, PUBLIC_BASE_URL: 'https://complaints.example.com', CONSOLE_SIGN_IN_MAX_FAILURES: 2 },
      sql: env.sql,
      temporal: createTemporalGateway(env.ctx.client, env.ctx.taskQueue),
      encryptionKeys: env.ctx.encryptionKeys,
      log: pino({ level: 'silent' }),
    });
    const form = await openForm(app);
    expect(form.cookie).toMatch(/^__Host-plaint_sign_in=/);
    const person = await aStaffPerson(env.sql, { roles: ['agent'], password: 'the right password' });
    const res = await postSignIn(app, { email: person.email, password: 'the right password' }, { form, origin: 'https://complaints.example.com' });
    expect(res.status).toBe(303);
    expect(res.headers.get('set-cookie')).toMatch(/^__Host-plaint_staff=[A-Za-z0-9_-]{43}; Max-Age=43200; Path=\/; HttpOnly; Secure; SameSite=Strict/);
    // The configured limit applies: two wrong passwords lock.
    expect((await postSignIn(app, { email: person.email, password: 'wrong password 1' }, { origin: 'https://complaints.example.com' })).status).toBe(400);
    expect((await postSignIn(app, { email: person.email, password: 'wrong password 2' }, { origin: 'https://complaints.example.com' })).status).toBe(423);
  });
});
