// Every response carries the security headers, and every kind of page a strict CSP of its own:
// customer pages (form, tracking, answer and survey links), the console (sign-in, a signed-in page,
// an htmx fragment, a problem page), the API docs; JSON answers get a CSP that allows nothing.
// Cookie-authenticated requests that change something are refused from another origin, whatever
// their body (a form, htmx, JSON through fetch).
import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import { securityHeaders, NOTHING_CSP } from '../../../api/http/security-headers.js';
import { aStaffPerson, signedInCookie, useConsoleApp, type ConsoleTestEnv } from '../../helpers/console.js';
import { bearer } from '../../helpers/integration.js';

let env: ConsoleTestEnv;
useConsoleApp((ready) => (env = ready));

const get = (path: string, headers: Record<string, string> = {}) => env.app.request(path, { headers });

function expectCommonHeaders(res: Response, label: string) {
  const h = (name: string) => res.headers.get(name);
  expect(h('x-content-type-options'), label).toBe('nosniff');
  expect(h('x-frame-options'), label).toBe('DENY');
  expect(h('cross-origin-opener-policy'), label).toBe('same-origin');
  expect(h('cross-origin-resource-policy'), label).toBe('same-origin');
  expect(h('permissions-policy'), label).toContain('camera=()');
  expect(h('permissions-policy'), label).toContain('geolocation=()');
  expect(h('strict-transport-security'), `${label}: no HSTS over plain http`).toBeNull();
  expect(h('x-powered-by'), label).toBeNull();
  const csp = h('content-security-policy') ?? '';
  expect(csp, label).toContain("frame-ancestors 'none'");
  expect(csp, label).toContain("base-uri 'none'");
  expect(csp, label).toMatch(/default-src 'none'/);
  // No page may run inline script or eval.
  const scriptSrc = /script-src ([^;]*)/.exec(csp)?.[1] ?? '';
  expect(scriptSrc, label).not.toContain('unsafe-inline');
  expect(scriptSrc, label).not.toContain('unsafe-eval');
  return csp;
}

describe('security headers', () => {
  it('customer pages: a CSP that loads nothing but their hashed style, and no Referer ever', async () => {
    const pages = ['/complaints/new', '/track', '/r/not-a-real-token', '/s/not-a-real-token', '/complaints/new?lang=fa'];
    for (const path of pages) {
      const res = await get(path);
      expect(res.headers.get('content-type'), path).toContain('text/html');
      const csp = expectCommonHeaders(res, path);
      expect(csp, path).not.toContain('script-src');
      expect(csp, path).toMatch(/style-src 'sha256-[A-Za-z0-9+/=]+'/);
      expect(csp, path).not.toContain('unsafe-inline');
      expect(csp, path).toContain("form-action 'self'");
      expect(res.headers.get('referrer-policy'), path).toBe('no-referrer');
      expect(await res.text(), path).not.toMatch(/\sstyle="/); // the hash allows the <style> element, not attributes
    }
  });

  it('console pages: scripts of our origin only, forms back to it', async () => {
    const person = await aStaffPerson(env.sql, { roles: ['agent'] });
    const { cookie } = await signedInCookie(env.sql, person);
    const pages: Array<[string, Record<string, string>]> = [
      ['/console/sign-in', {}],
      ['/console/queues', { cookie }],
      ['/console/complaints', { cookie, 'hx-request': 'true' }],
      ['/console/no-such-page', { cookie }],
    ];
    for (const [path, headers] of pages) {
      const res = await get(path, headers);
      expect(res.headers.get('content-type'), path).toContain('text/html');
      const csp = expectCommonHeaders(res, path);
      expect(csp, path).toContain("script-src 'self'");
      expect(csp, path).toContain("form-action 'self'");
      // same-origin, not no-referrer: Chromium posts forms with Origin: null otherwise (same-origin.ts); it never leaves our origin.
      expect(res.headers.get('referrer-policy'), path).toBe('same-origin');
      // Styles come from our stylesheet only: no inline <style>, no style attributes (htmx's indicator style is off).
      expect(csp, path).toContain("style-src 'self';");
      expect(csp, path).not.toContain('unsafe-inline');
      const html = await res.text();
      expect(html, path).not.toMatch(/\sstyle="|<style/);
    }
  });

  it('the API docs: Swagger UI from our origin, its start script a file of ours', async () => {
    const res = await get('/docs');
    const csp = expectCommonHeaders(res, '/docs');
    expect(csp).toContain("script-src 'self'");
    expect(await res.text()).not.toMatch(/<script>/);
    expect((await get('/docs/assets/start.js')).headers.get('content-type')).toContain('javascript');
  });

  it('JSON answers, errors included, carry the headers and a CSP that allows nothing', async () => {
    const responses: Array<[string, Response]> = [
      ['/healthz', await get('/healthz')],
      ['/openapi.json', await get('/openapi.json')],
      ['GET /v1/complaints (no key)', await get('/v1/complaints')],
      ['GET /v1/complaints (agent)', await get('/v1/complaints', bearer('agent'))],
      ['POST /v1/complaints (invalid)', await env.app.request('/v1/complaints', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{' })],
      ['GET /v1/nowhere', await get('/v1/nowhere', bearer('agent'))],
      ['DELETE /v1/track', await env.app.request('/v1/track', { method: 'DELETE' })],
    ];
    for (const [label, res] of responses) {
      expect(res.headers.get('content-type'), label).toContain('application/json');
      expect(expectCommonHeaders(res, label), label).toBe(NOTHING_CSP);
      expect(res.headers.get('referrer-policy'), label).toBe('no-referrer');
    }
  });

  it('sends HSTS when the public address is https', async () => {
    const app = new Hono().use(securityHeaders({ https: true })).get('/', (c) => c.json({}));
    expect((await app.request('/')).headers.get('strict-transport-security')).toBe('max-age=31536000; includeSubDomains');
  });
});

describe('cookie-authenticated requests from another origin', () => {
  it('are refused with 403 whatever their body: form, htmx, JSON by fetch', async () => {
    const person = await aStaffPerson(env.sql, { roles: ['agent', 'supervisor'] });
    const signedIn = await signedInCookie(env.sql, person);
    const attempt = (headers: Record<string, string>, body: string) =>
      env.app.request('/console/session/role', { method: 'POST', headers: { cookie: signedIn.cookie, ...headers }, body });
    const form = 'role=supervisor';
    const json = JSON.stringify({ role: 'supervisor' });
    const refused = [
      // A page elsewhere posting a form, with the token even (stolen or guessed): the origin decides.
      await attempt({ origin: 'https://evil.example', 'content-type': 'application/x-www-form-urlencoded' }, `${form}&_csrf=${signedIn.csrfToken}`),
      // htmx-style, the token in its header.
      await attempt({ origin: 'https://evil.example', 'hx-request': 'true', 'x-csrf-token': signedIn.csrfToken, 'content-type': 'application/x-www-form-urlencoded' }, form),
      // fetch() with a JSON body from another site.
      await attempt({ origin: 'https://evil.example', 'x-csrf-token': signedIn.csrfToken, 'content-type': 'application/json' }, json),
      // No Origin but the browser's Sec-Fetch-Site says cross-site.
      await attempt({ 'sec-fetch-site': 'cross-site', 'x-csrf-token': signedIn.csrfToken, 'content-type': 'application/json' }, json),
      // Neither header (not a browser we support, or one stripped by a proxy).
      await attempt({ 'x-csrf-token': signedIn.csrfToken, 'content-type': 'application/json' }, json),
      // Origin: null (a sandboxed frame) with a cross-site fetch.
      await attempt({ origin: 'null', 'sec-fetch-site': 'cross-site', 'x-csrf-token': signedIn.csrfToken, 'content-type': 'application/x-www-form-urlencoded' }, form),
    ];
    expect(refused.map((r) => r.status)).toEqual([403, 403, 403, 403, 403, 403]);
    const [session] = await env.sql<{ active_role: string }[]>`SELECT active_role FROM staff_sessions WHERE person_id = ${person.id}`;
    expect(session!.active_role).toBe('agent'); // nothing changed
    const audited = await env.sql`SELECT 1 FROM staff_audit_events WHERE actor_id = ${person.id} AND action = 'forgery_refused'`;
    expect(audited).toHaveLength(refused.length);

    // From our own origin the same htmx request goes through; a JSON body there is no form (415), still not a change.
    const ours = await attempt({ origin: 'http://localhost', 'hx-request': 'true', 'x-csrf-token': signedIn.csrfToken, 'content-type': 'application/x-www-form-urlencoded' }, form);
    expect(ours.status).toBe(303);
    const oursJson = await attempt({ origin: 'http://localhost', 'x-csrf-token': signedIn.csrfToken, 'content-type': 'application/json' }, json);
    expect(oursJson.status).toBe(415);
  });

  it('the JSON API takes no cookie: a console session cookie alone is 401 on /v1', async () => {
    const person = await aStaffPerson(env.sql, { roles: ['admin'] });
    const { cookie } = await signedInCookie(env.sql, person);
    const res = await env.app.request('/v1/complaints', { headers: { cookie, origin: 'https://evil.example' } });
    expect(res.status).toBe(401);
  });
});
