// Single sign-on against a real OpenID Connect provider in-process (oidc-provider): the sign-in
// page offers it, the code flow (PKCE, state, nonce) ends in a console session that opens pages,
// the role comes from the claim at every sign-in (a change at the provider applies at the next),
// a claim that maps to no role is refused, and a tampered or foreign callback signs nobody in.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sessionCookieName } from '../../api/console/session-cookie.js';
import { aStaffPerson, useConsoleApp, type ConsoleTestEnv } from '../helpers/console.js';
import { signInAtProvider, startTestProvider, type TestProvider } from '../helpers/oidc-provider.js';

const REDIRECT_URI = 'http://localhost/console/sso/callback';
let provider: TestProvider;
let env: ConsoleTestEnv;
let app: ConsoleTestEnv['app'];

beforeAll(async () => {
  provider = await startTestProvider({ redirectUri: REDIRECT_URI });
});
useConsoleApp((ready) => {
  env = ready;
  app = ready.ctx.app({
    extraConfig: {
      OIDC_ISSUER: provider.issuer,
      OIDC_CLIENT_ID: provider.clientId,
      OIDC_CLIENT_SECRET: provider.clientSecret,
      OIDC_REDIRECT_URI: REDIRECT_URI,
      OIDC_ROLE_CLAIM: 'plaint_roles',
      OIDC_ROLE_MAP: 'plaint-agents=agent,plaint-supervisors=supervisor,plaint-admins=admin',
      OIDC_PROVIDER_NAME: 'Test IdP',
    },
  });
});
afterAll(() => provider?.close());

const SESSION = sessionCookieName({ secureCookies: false });
const cookieOf = (res: Response, name: string) => new RegExp(`${name}=([^;]*)`).exec(res.headers.getSetCookie().join('\n'))?.[1];

/** Starts at our sign-in button, signs in at the provider as `sub`, and comes back to our callback. */
async function ssoSignIn(sub: string, opts: { next?: string; tamper?: (callback: URL) => URL; attemptCookie?: string } = {}) {
  const start = await app.request(`/console/sso/start?lang=en${opts.next ? `&next=${encodeURIComponent(opts.next)}` : ''}`);
  expect(start.status).toBe(302);
  const authorize = new URL(start.headers.get('location')!);
  expect(authorize.origin).toBe(provider.issuer);
  expect(authorize.searchParams.get('code_challenge_method')).toBe('S256');
  expect(authorize.searchParams.get('state')).toBeTruthy();
  expect(authorize.searchParams.get('nonce')).toBeTruthy();
  const attempt = opts.attemptCookie ?? cookieOf(start, 'plaint_sso')!;
  let callback = await signInAtProvider(authorize.href, sub, REDIRECT_URI);
  if (opts.tamper) callback = opts.tamper(callback);
  const res = await app.request(`${callback.pathname}${callback.search}`, { headers: { cookie: `plaint_sso=${attempt}` } });
  return { res, html: await res.text(), session: cookieOf(res, SESSION) };
}
const roleOfSession = async (token: string) =>
  (await env.sql<{ active_role: string; person_id: string }[]>`SELECT active_role, person_id FROM staff_sessions WHERE id_hash = sha256(${token}::bytea)`)[0];

describe('single sign-on with OpenID Connect', () => {
  it('the sign-in page offers the provider', async () => {
    const html = await (await app.request('/console/sign-in?lang=en')).text();
    expect(html).toContain('Sign in with Test IdP');
    expect(html).toContain('href="/console/sso/start?lang=en"');
    expect(await (await env.app.request('/console/sign-in?lang=en')).text()).not.toContain('/console/sso/start');
  });

  it('signs a new person in with the role of their claim, in a session that opens console pages', async () => {
    const sub = `sso-new-${Date.now()}`;
    provider.setAccount(sub, { email: `${sub}@idp.plaint.test`, email_verified: true, name: 'Selin SSO', plaint_roles: ['plaint-supervisors', 'unrelated-group'] });
    const { res, html, session } = await ssoSignIn(sub, { next: '/console/queues' });
    expect(res.status).toBe(200);
    expect(html).toContain('http-equiv="refresh" content="0;url=/console/queues"');
    expect(session).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const [person] = await env.sql`SELECT p.id, p.name, p.roles FROM staff_people p JOIN staff_identities i ON i.person_id = p.id WHERE i.subject = ${sub}`;
    expect(person).toMatchObject({ name: 'Selin SSO', roles: ['supervisor'] });
    expect(await roleOfSession(session!)).toEqual({ active_role: 'supervisor', person_id: person!.id });
    const page = await app.request('/console/queues', { headers: { cookie: `${SESSION}=${session}` } });
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('Selin SSO');
    const [audit] = await env.sql`SELECT actor_role, details FROM staff_audit_events WHERE action = 'sign_in' AND actor_id = ${person!.id}`;
    expect(audit).toMatchObject({ actor_role: 'supervisor', details: { method: 'sso', issuer: `${provider.issuer}/`, found: 'created' } });
  });

  it('links a directory person by verified e-mail, and follows a role change at the provider at the next sign-in', async () => {
    const known = await aStaffPerson(env.sql, { roles: ['agent'], name: 'Known Kemal' });
    const sub = `sso-known-${Date.now()}`;
    provider.setAccount(sub, { email: known.email.toUpperCase(), email_verified: true, plaint_roles: 'plaint-agents' });
    const first = await ssoSignIn(sub);
    expect(await roleOfSession(first.session!)).toEqual({ active_role: 'agent', person_id: known.id });

    provider.setAccount(sub, { email: known.email, email_verified: true, plaint_roles: ['plaint-admins', 'plaint-agents'] });
    const second = await ssoSignIn(sub);
    expect(await roleOfSession(second.session!)).toEqual({ active_role: 'admin', person_id: known.id });
    expect((await env.sql`SELECT roles FROM staff_people WHERE id = ${known.id}`)[0]).toEqual({ roles: ['agent', 'admin'] });
    expect((await app.request('/console/people', { headers: { cookie: `${SESSION}=${second.session}` } })).status).toBe(200);
  });

  it('refuses a claim that maps to no role, with a page that says so', async () => {
    const sub = `sso-norole-${Date.now()}`;
    provider.setAccount(sub, { email: `${sub}@idp.plaint.test`, email_verified: true, plaint_roles: ['marketing'] });
    const { res, html, session } = await ssoSignIn(sub);
    expect(res.status).toBe(403);
    expect(html).toContain('gives you no role in Plaint');
    expect(session).toBeUndefined();
    expect((await env.sql`SELECT 1 FROM staff_identities WHERE subject = ${sub}`).length).toBe(0);
    expect((await env.sql`SELECT 1 FROM staff_audit_events WHERE action = 'sign_in_failed' AND details->>'reason' = 'no_mapped_role'`).length).toBeGreaterThan(0);
  });

  it('refuses a tampered state and a callback from another browser', async () => {
    const sub = `sso-tamper-${Date.now()}`;
    provider.setAccount(sub, { email: `${sub}@idp.plaint.test`, email_verified: true, plaint_roles: ['plaint-admins'] });
    const tampered = await ssoSignIn(sub, {
      tamper: (callback) => {
        callback.searchParams.set('state', `${callback.searchParams.get('state')}x`);
        return callback;
      },
    });
    expect(tampered.res.status).toBe(400);
    expect(tampered.html).toContain('changed on the way');
    expect(tampered.session).toBeUndefined();

    // A callback whose browser holds no attempt (a link planted on someone else): refused before the provider is asked.
    const foreign = await ssoSignIn(sub, { attemptCookie: 'A'.repeat(43) });
    expect(foreign.res.status).toBe(400);
    expect(foreign.session).toBeUndefined();
    expect((await env.sql`SELECT 1 FROM staff_identities WHERE subject = ${sub}`).length).toBe(0);
  });
});
