// The console's frame, over HTTP against the real database: a session is needed past sign-in, it
// ends on the idle and absolute timeouts and when the person is deactivated or loses the role;
// every post needs our origin and the session's token; sign-out ends it; the console's in-process
// API calls act as the signed-in person with the API's own role rules; assets are ours.
import { describe, expect, it } from 'vitest';
import { CONSOLE_ACTOR } from '../../api/http/auth.js';
import { aStaffPerson, consolePostHeaders, signedInCookie, useConsoleApp, type ConsoleTestEnv } from '../helpers/console.js';

let env: ConsoleTestEnv;
useConsoleApp((ready) => (env = ready));

const sessionRow = async (token: string) => {
  const { createHash } = await import('node:crypto');
  const [row] = await env.sql<{ ended_at: Date | null; end_reason: string | null; active_role: string }[]>`
    SELECT ended_at, end_reason, active_role FROM staff_sessions WHERE id_hash = ${createHash('sha256').update(token).digest()}`;
  return row!;
};

describe('the staff session', () => {
  it('sends a visitor without a session to the sign-in page, keeping where they were going', async () => {
    const res = await env.app.request('/console/complaints?status=received');
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe(`/console/sign-in?next=${encodeURIComponent('/console/complaints?status=received')}`);
    const htmx = await env.app.request('/console/complaints', { headers: { 'hx-request': 'true' } });
    expect(htmx.status).toBe(401);
    expect(htmx.headers.get('hx-redirect')).toMatch(/^\/console\/sign-in/);
  });

  it('lands a signed-in person on their role’s first section, with strict security headers', async () => {
    const agent = await aStaffPerson(env.sql, { roles: ['agent'] });
    const res = await env.app.request('/console', { headers: { cookie: (await signedInCookie(env.sql, agent)).cookie } });
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe('/console/queues');
    const owner = await aStaffPerson(env.sql, { roles: ['process_owner'] });
    const page = await env.app.request('/console/no-such-page', { headers: { cookie: (await signedInCookie(env.sql, owner)).cookie } });
    expect(page.status).toBe(404);
    expect(page.headers.get('content-type')).toMatch(/^text\/html/);
    expect(page.headers.get('content-security-policy')).toContain("script-src 'self'");
    expect(page.headers.get('cache-control')).toBe('no-store');
    expect(await page.text()).toContain('href="/console/process"');
  });

  it('ends a session idle too long, one past its absolute lifetime, and those of a deactivated person', async () => {
    const agent = await aStaffPerson(env.sql, { roles: ['agent'] });
    const idle = await signedInCookie(env.sql, agent);
    await env.sql`UPDATE staff_sessions SET last_seen_at = now() - interval '31 minutes' WHERE ended_at IS NULL AND person_id = ${agent.id}`;
    expect((await env.app.request('/console', { headers: { cookie: idle.cookie } })).status).toBe(303);
    expect(await sessionRow(idle.token)).toMatchObject({ end_reason: 'idle' });
    const res = await env.app.request('/console', { headers: { cookie: idle.cookie } });
    expect(res.headers.get('location')).toMatch(/^\/console\/sign-in/); // ended stays ended

    const old = await signedInCookie(env.sql, agent);
    await env.sql`UPDATE staff_sessions SET expires_at = now() - interval '1 second' WHERE ended_at IS NULL AND person_id = ${agent.id}`;
    expect((await env.app.request('/console', { headers: { cookie: old.cookie } })).headers.get('location')).toMatch(/^\/console\/sign-in/);
    expect(await sessionRow(old.token)).toMatchObject({ end_reason: 'expired' });

    const gone = await signedInCookie(env.sql, agent);
    await env.sql`UPDATE staff_people SET active = false WHERE id = ${agent.id}`;
    expect((await env.app.request('/console', { headers: { cookie: gone.cookie } })).headers.get('location')).toMatch(/^\/console\/sign-in/);
    expect(await sessionRow(gone.token)).toMatchObject({ end_reason: 'deactivated' });
  });

  it('refuses a post without the session’s token or from another origin, and takes it from our page', async () => {
    const person = await aStaffPerson(env.sql, { roles: ['agent', 'supervisor'] });
    const signedIn = await signedInCookie(env.sql, person, 'agent');
    const post = (headers: Record<string, string>, body: string) => env.app.request('/console/session/role', { method: 'POST', headers, body });

    const noToken = await post(consolePostHeaders(signedIn), 'role=supervisor');
    expect(noToken.status).toBe(403);
    expect(await noToken.text()).toContain('The form was refused');
    const foreign = await post(consolePostHeaders(signedIn, 'https://evil.example'), `role=supervisor&_csrf=${signedIn.csrfToken}`);
    expect(foreign.status).toBe(403);
    const { origin: _origin, ...withoutOrigin } = consolePostHeaders(signedIn);
    expect((await post(withoutOrigin, `role=supervisor&_csrf=${signedIn.csrfToken}`)).status).toBe(403);
    expect((await sessionRow(signedIn.token)).active_role).toBe('agent');
    const [refused] = await env.sql`SELECT count(*)::int AS n FROM staff_audit_events WHERE actor_id = ${person.id} AND action = 'forgery_refused'`;
    expect(refused!.n).toBe(3);

    const ours = await post(consolePostHeaders(signedIn), `role=supervisor&_csrf=${signedIn.csrfToken}`);
    expect(ours.status).toBe(303);
    expect((await sessionRow(signedIn.token)).active_role).toBe('supervisor');
    const viaHeader = await env.app.request('/console/session/role', {
      method: 'POST',
      headers: { ...consolePostHeaders(signedIn), 'x-csrf-token': signedIn.csrfToken },
      body: 'role=agent',
    });
    expect(viaHeader.status).toBe(303);
    // A role the person does not hold is refused.
    expect((await post(consolePostHeaders(signedIn), `role=admin&_csrf=${signedIn.csrfToken}`)).status).toBe(403);
    expect((await sessionRow(signedIn.token)).active_role).toBe('agent');
  });

  it('ends the session when its role is taken from the person', async () => {
    const person = await aStaffPerson(env.sql, { roles: ['agent', 'supervisor'] });
    const signedIn = await signedInCookie(env.sql, person, 'supervisor');
    await env.sql`UPDATE staff_people SET roles = '{agent}' WHERE id = ${person.id}`;
    expect((await env.app.request('/console', { headers: { cookie: signedIn.cookie } })).headers.get('location')).toMatch(/^\/console\/sign-in/);
    expect(await sessionRow(signedIn.token)).toMatchObject({ end_reason: 'role_removed' });
  });

  it('signs out: the session ends and the cookie is cleared', async () => {
    const agent = await aStaffPerson(env.sql, { roles: ['agent'] });
    const signedIn = await signedInCookie(env.sql, agent);
    const res = await env.app.request('/console/sign-out', { method: 'POST', headers: consolePostHeaders(signedIn), body: `_csrf=${signedIn.csrfToken}` });
    expect(res.status).toBe(303);
    expect(res.headers.get('set-cookie')).toMatch(/plaint_staff=;/);
    expect(await sessionRow(signedIn.token)).toMatchObject({ end_reason: 'signed_out' });
    expect((await env.app.request('/console', { headers: { cookie: signedIn.cookie } })).headers.get('location')).toMatch(/^\/console\/sign-in/);
  });
});

describe('the console’s API calls', () => {
  it('act as the signed-in person under the API’s own role rules; the network cannot claim to be the console', async () => {
    const asConsole = (role: string, path: string, init: RequestInit = {}) =>
      env.app.fetch(new Request(`http://localhost${path}`, init), { [CONSOLE_ACTOR]: { id: `someone-${role}`, role } } as never);
    expect((await asConsole('agent', '/v1/complaints?limit=1')).status).toBe(200);
    expect((await asConsole('process_owner', '/v1/complaints?limit=1')).status).toBe(403);
    expect((await env.app.request('/v1/complaints?limit=1')).status).toBe(401);
    expect((await env.app.request('/v1/complaints?limit=1', {}, { CONSOLE_ACTOR: { id: 'x', role: 'admin' } })).status).toBe(401);
  });
});

describe('the console’s assets', () => {
  it('serves htmx, Chart.js, Mermaid and our own files from this origin, cacheable by ETag', async () => {
    for (const name of ['htmx.min.js', 'chart.umd.min.js', 'mermaid.min.js', 'console.js', 'console.css']) {
      const res = await env.app.request(`/console/assets/${name}`);
      expect(res.status, name).toBe(200);
      expect(res.headers.get('content-type')).toMatch(name.endsWith('.css') ? /^text\/css/ : /^text\/javascript/);
      const etag = res.headers.get('etag')!;
      expect((await env.app.request(`/console/assets/${name}`, { headers: { 'if-none-match': etag } })).status).toBe(304);
    }
    expect((await env.app.request('/console/assets/..%2Fpackage.json')).status).toBe(404);
    expect((await env.app.request('/console/assets/nothing.js')).status).toBe(404);
  });
});
