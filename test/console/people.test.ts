// The People page over HTTP: administrators only; adding a person goes through POST /v1/staff, so
// its errors come back beside the fields; a person's page sets a password, unlocks and
// deactivates (signing them out); anyone signed in changes their own password with the current one.
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { verifyPassword } from '../../security/passwords.js';
import { aStaffPerson, consolePostHeaders, signedInCookie, useConsoleApp, type ConsoleTestEnv, type SignedIn } from '../helpers/console.js';

let env: ConsoleTestEnv;
useConsoleApp((ready) => (env = ready));

const post = (signedIn: SignedIn, path: string, fields: [string, string][]) =>
  env.app.request(path, { method: 'POST', headers: consolePostHeaders(signedIn), body: new URLSearchParams([['_csrf', signedIn.csrfToken], ...fields]).toString() });
const anAdmin = async () => signedInCookie(env.sql, await aStaffPerson(env.sql, { roles: ['admin'] }));
const hashOf = async (id: string) => (await env.sql<{ password_hash: string }[]>`SELECT password_hash FROM staff_credentials WHERE person_id = ${id}`)[0]?.password_hash;

describe('the People page', () => {
  it('is for administrators only', async () => {
    const supervisor = await signedInCookie(env.sql, await aStaffPerson(env.sql, { roles: ['supervisor'] }));
    expect((await env.app.request('/console/people', { headers: { cookie: supervisor.cookie } })).status).toBe(403);
    expect((await post(supervisor, '/console/people', [['id', 'x'], ['name', 'X']])).status).toBe(403);
  });

  it('lists people with roles, teams and sign-in state', async () => {
    const admin = await anAdmin();
    const locked = await aStaffPerson(env.sql, { roles: ['agent', 'supervisor'], teams: ['people-test-team'], password: 'a password of theirs', name: 'Locked Lale' });
    await env.sql`UPDATE staff_credentials SET locked_until = now() + interval '5 minutes' WHERE person_id = ${locked.id}`;
    const html = await (await env.app.request('/console/people', { headers: { cookie: admin.cookie } })).text();
    const row = html.slice(html.indexOf('Locked Lale'), html.indexOf('</tr>', html.indexOf('Locked Lale')));
    expect(row).toContain('Agent, Supervisor');
    expect(row).toContain('people-test-team');
    expect(row).toMatch(/Locked until/);
  });

  it('adds a person through the API, with its errors beside the fields', async () => {
    const admin = await anAdmin();
    const bad = await post(admin, '/console/people', [['id', 'has spaces'], ['name', 'Bad Id'], ['email', 'not-an-email'], ['roles', 'agent']]);
    expect(bad.status).toBe(400);
    const html = await bad.text();
    expect(html).toMatch(/id="new-person-id"[^>]*aria-invalid="true"/);
    expect(html).toContain('id="new-person-id-error"');
    expect(html).toContain('id="new-person-email-error"');
    expect(html).toContain('href="#new-person-email"');
    expect(html).toContain('value="Bad Id"'); // what was typed stays

    const id = `mehmet-${Date.now()}`;
    const ok = await post(admin, '/console/people', [['id', id], ['name', 'Mehmet Kaya'], ['email', `${id}@staff.plaint.test`], ['language', 'tr'], ['roles', 'agent'], ['roles', 'supervisor'], ['password', 'his first password']]);
    expect(ok.status).toBe(303);
    expect(ok.headers.get('location')).toBe(`/console/people/${id}?done=created`);
    const [person] = await env.sql`SELECT roles, language FROM staff_people WHERE id = ${id}`;
    expect(person).toEqual({ roles: ['agent', 'supervisor'], language: 'tr' });
    expect(await verifyPassword('his first password', (await hashOf(id))!)).toBe(true);
    expect((await env.sql`SELECT 1 FROM staff_audit_events WHERE action = 'person_created' AND subject = ${id}`).length).toBe(1);
    expect((await post(admin, '/console/people', [['id', id], ['name', 'Again']])).status).toBe(409);

    // A first password the rules refuse: the person exists, and their page says why.
    const id2 = `weak-${Date.now()}`;
    const weak = await post(admin, '/console/people', [['id', id2], ['name', 'Weak Pass'], ['roles', 'agent'], ['password', 'short']]);
    expect(weak.status).toBe(400);
    expect(await weak.text()).toContain('id="set-password-password-error"');
  });

  it('sets a password, unlocks and deactivates from a person’s page', async () => {
    const admin = await anAdmin();
    const agent = await aStaffPerson(env.sql, { roles: ['agent'], password: 'the agent password' });
    const agentSession = await signedInCookie(env.sql, agent);
    const page = `/console/people/${agent.id}`;
    expect((await post(admin, `${page}/password`, [['password', 'tiny']])).status).toBe(400);
    const set = await post(admin, `${page}/password`, [['password', 'a fresh agent password']]);
    expect(set.headers.get('location')).toBe(`${page}?done=password`);
    expect(await verifyPassword('a fresh agent password', (await hashOf(agent.id))!)).toBe(true);
    const [ended] = await env.sql`SELECT end_reason FROM staff_sessions WHERE id_hash = ${createHash('sha256').update(agentSession.token).digest()}`;
    expect(ended).toMatchObject({ end_reason: 'password_changed' });

    await env.sql`UPDATE staff_credentials SET locked_until = now() + interval '5 minutes' WHERE person_id = ${agent.id}`;
    expect(await (await env.app.request(page, { headers: { cookie: admin.cookie } })).text()).toContain('Unlock sign-in');
    expect((await post(admin, `${page}/unlock`, [])).headers.get('location')).toBe(`${page}?done=unlocked`);
    expect((await env.sql`SELECT locked_until FROM staff_credentials WHERE person_id = ${agent.id}`)[0]).toEqual({ locked_until: null });

    const again = await signedInCookie(env.sql, agent);
    expect((await post(admin, `${page}/active`, [['active', 'false']])).headers.get('location')).toBe(`${page}?done=deactivated`);
    expect((await env.sql`SELECT active FROM staff_people WHERE id = ${agent.id}`)[0]).toEqual({ active: false });
    expect((await env.sql`SELECT end_reason FROM staff_sessions WHERE id_hash = ${createHash('sha256').update(again.token).digest()}`)[0]).toEqual({ end_reason: 'deactivated' });
    expect(await (await env.app.request(`${page}?done=deactivated`, { headers: { cookie: admin.cookie } })).text()).toContain('The person was deactivated and signed out.');
    expect((await env.app.request('/console/people/no-such-person', { headers: { cookie: admin.cookie } })).status).toBe(404);
  });
});

describe('changing one’s own password', () => {
  it('needs the current password, applies the rules, ends the other sessions and keeps this one', async () => {
    const person = await aStaffPerson(env.sql, { roles: ['auditor'], password: 'my current password' });
    const here = await signedInCookie(env.sql, person);
    const elsewhere = await signedInCookie(env.sql, person);
    expect((await env.app.request('/console/account/password', { headers: { cookie: here.cookie } })).status).toBe(200);
    const wrong = await post(here, '/console/account/password', [['currentPassword', 'not my password'], ['password', 'my next password!']]);
    expect(wrong.status).toBe(400);
    expect(await wrong.text()).toContain('This is not your current password.');
    // The policy is a rule stated in words (the API's 422); the form shows it beside the field, as a 400 page.
    const short = await post(here, '/console/account/password', [['currentPassword', 'my current password'], ['password', 'short']]);
    expect(short.status).toBe(400);
    expect(await short.text()).toContain('must be at least');
    const ok = await post(here, '/console/account/password', [['currentPassword', 'my current password'], ['password', 'my next password!']]);
    expect(ok.status).toBe(303);
    expect(await verifyPassword('my next password!', (await hashOf(person.id))!)).toBe(true);
    const fresh = /plaint_staff=([A-Za-z0-9_-]{43})/.exec(ok.headers.get('set-cookie') ?? '')![1]!;
    expect((await env.app.request('/console/account/password?done=password', { headers: { cookie: `plaint_staff=${fresh}` } })).status).toBe(200);
    expect((await env.app.request('/console/account/password', { headers: { cookie: elsewhere.cookie } })).status).toBe(303); // signed out
  });

  it('counts wrong current passwords toward the lockout, and refuses while locked', async () => {
    const person = await aStaffPerson(env.sql, { roles: ['agent'], password: 'my current password' });
    const here = await signedInCookie(env.sql, person);
    const statuses: number[] = [];
    for (let i = 0; i < 6; i++) statuses.push((await post(here, '/console/account/password', [['currentPassword', `guess ${i}`], ['password', 'my next password!']])).status);
    expect(statuses).toEqual([400, 400, 400, 400, 400, 423]);
    const locked = await post(here, '/console/account/password', [['currentPassword', 'my current password'], ['password', 'my next password!']]);
    expect(locked.status).toBe(423);
    expect(await locked.text()).toContain('sign-in is locked for this account');
    expect(await verifyPassword('my current password', (await hashOf(person.id))!)).toBe(true);
  });
});
