// API keys on a person's People page: an administrator sees the person's keys with status, expiry
// and last use, makes one (the secret is on that answer only, never again), rotates it (the old
// one shown as replaced) and revokes it, each through /v1/api-keys.
import { describe, expect, it } from 'vitest';
import { aStaffPerson, consolePostHeaders, signedInCookie, useConsoleApp, type ConsoleTestEnv, type SignedIn } from '../helpers/console.js';

let env: ConsoleTestEnv;
useConsoleApp((ready) => (env = ready));

const post = (signedIn: SignedIn, path: string, fields: [string, string][]) =>
  env.app.request(path, { method: 'POST', headers: consolePostHeaders(signedIn), body: new URLSearchParams([['_csrf', signedIn.csrfToken], ...fields]).toString() });
const secretOn = (html: string) => /data-api-key-secret[^>]*>([^<]+)</.exec(html)?.[1];

describe('API keys on the People page', () => {
  it('makes, shows once, rotates and revokes a key', async () => {
    const admin = await signedInCookie(env.sql, await aStaffPerson(env.sql, { roles: ['admin'] }));
    const agent = await aStaffPerson(env.sql, { roles: ['agent'] });
    const page = `/console/people/${agent.id}`;
    expect(await (await env.app.request(page, { headers: { cookie: admin.cookie } })).text()).toContain('No API keys yet.');

    const bad = await post(admin, `${page}/api-keys`, [['label', ''], ['role', 'agent'], ['expiresInDays', '9999']]);
    expect(bad.status).toBe(400);
    const badHtml = await bad.text();
    expect(badHtml).toContain('id="new-api-key-label-error"');
    expect(badHtml).toContain('id="new-api-key-expiresInDays-error"');

    const made = await post(admin, `${page}/api-keys`, [['label', 'Call centre bridge'], ['role', 'agent'], ['expiresInDays', '30']]);
    expect(made.status).toBe(201);
    expect(made.headers.get('cache-control')).toBe('no-store');
    const secret = secretOn(await made.text())!;
    expect(secret).toMatch(/^plaint_[a-z0-9]{8}_/);
    expect((await env.app.request('/v1/complaints?limit=1', { headers: { authorization: `Bearer ${secret}` } })).status).toBe(200);

    const listed = await (await env.app.request(page, { headers: { cookie: admin.cookie } })).text();
    expect(secretOn(listed)).toBeUndefined();
    expect(listed).not.toContain(secret);
    expect(listed).toContain('Call centre bridge');
    expect(listed).toContain(secret.slice(0, 15));
    const id = (await env.sql<{ id: string }[]>`SELECT id FROM api_keys WHERE person_id = ${agent.id}`)[0]!.id;

    const rotated = await post(admin, `${page}/api-keys/${id}/rotation`, []);
    expect(rotated.status).toBe(201);
    const successor = secretOn(await rotated.text())!;
    expect(successor).not.toBe(secret);
    const after = await (await env.app.request(page, { headers: { cookie: admin.cookie } })).text();
    expect(after).toMatch(/Replaced, works until/);

    const revoked = await post(admin, `${page}/api-keys/${id}/revoke`, []);
    expect(revoked.headers.get('location')).toBe(`${page}?done=keyRevoked`);
    expect(await (await env.app.request(`${page}?done=keyRevoked`, { headers: { cookie: admin.cookie } })).text()).toContain('Every API process refuses it within 5 seconds');

    const supervisor = await signedInCookie(env.sql, await aStaffPerson(env.sql, { roles: ['supervisor'] }));
    expect((await post(supervisor, `${page}/api-keys`, [['label', 'x'], ['role', 'agent']])).status).toBe(403);
  });
});
