// Stored API keys over HTTP against the real database: an administrator issues a key (its secret
// answered once and never stored), the key acts as its person in its role, its last use is
// recorded at most once a minute, rotation keeps both keys valid until the grace ends, expiry and
// revocation answer 401 with their own codes, and revocation reaches a caching process within 5 s.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { aStaffPerson } from '../../helpers/console.js';
import { bearer, eventually, integrationContext, type IntegrationContext } from '../../helpers/integration.js';

let ctx: IntegrationContext;
let app: ReturnType<IntegrationContext['app']>;
beforeAll(async () => {
  ctx = await integrationContext();
  // No lookup cache here: each request sees the table as it is (the cache's bound has a test of its own).
  app = ctx.app({ apiKeyCacheMs: 0, extraConfig: { API_KEY_MAX_DAYS: 90, API_KEY_EXPIRY_WARNING_DAYS: 14 } });
});
afterAll(() => ctx?.close());

const asAdmin = (path: string, init: { method?: string; body?: unknown } = {}) =>
  app.request(path, {
    method: init.method ?? 'GET',
    headers: { ...bearer('admin'), 'content-type': 'application/json' },
    ...(init.body !== undefined ? { body: JSON.stringify(init.body) } : {}),
  });
const withKey = (key: string, path = '/v1/complaints?limit=1') => app.request(path, { headers: { authorization: `Bearer ${key}` } });

interface Issued {
  key: { id: string; prefix: string; status: string; lastUsedAt: string | null; expiresAt: string; graceEndsAt: string | null; replacedById: string | null };
  secret: string;
}
async function issue(personId: string, body: Record<string, unknown> = {}): Promise<Issued> {
  const res = await asAdmin('/v1/api-keys', { method: 'POST', body: { personId, role: 'agent', label: 'CRM integration', ...body } });
  expect(res.status).toBe(201);
  return (await res.json()) as Issued;
}
const anAgent = () => aStaffPerson(ctx.sql, { roles: ['agent'] });
const keyRow = async (id: string) => (await ctx.sql`SELECT * FROM api_keys WHERE id = ${id}`)[0]!;

describe('stored API keys', () => {
  it('are issued by an administrator, shown once, and act as their person in their role', async () => {
    const agent = await anAgent();
    const { key, secret } = await issue(agent.id);
    expect(secret).toMatch(/^plaint_[a-z0-9]{8}_[A-Za-z0-9_-]{43}$/);
    expect(secret.startsWith(`${key.prefix}_`)).toBe(true);
    expect(key.status).toBe('active');
    // Default lifetime: API_KEY_MAX_DAYS.
    expect(Math.round((Date.parse(key.expiresAt) - Date.now()) / 86_400_000)).toBe(90);

    expect((await withKey(secret)).status).toBe(200);
    // An agent's key is no administrator's.
    const forbidden = await withKey(secret, '/v1/api-keys');
    expect(forbidden.status).toBe(403);

    const list = (await (await asAdmin(`/v1/api-keys?personId=${agent.id}`)).json()) as { keys: Record<string, unknown>[] };
    expect(list.keys.map((k) => k.id)).toEqual([key.id]);
    expect(JSON.stringify(list)).not.toContain(secret.slice(key.prefix.length + 1));

    // The secret is in no column of the table, in any encoding.
    const dump = JSON.stringify(await ctx.sql`SELECT row_to_json(k)::text AS row, encode(key_hash, 'hex') AS hex FROM api_keys k`);
    expect(dump).not.toContain(secret);
    expect(dump).not.toContain(secret.slice(key.prefix.length + 1));

    const audit = await ctx.sql`SELECT actor_id, details FROM staff_audit_events WHERE action = 'api_key_created' AND subject = ${agent.id}`;
    expect(audit).toEqual([{ actor_id: 'test-admin', details: expect.objectContaining({ keyId: key.id, prefix: key.prefix }) }]);
  });

  it('records the last use, at most once a minute', async () => {
    const { key, secret } = await issue((await anAgent()).id);
    expect(key.lastUsedAt).toBeNull();
    await withKey(secret);
    const first = await eventually(async () => ((await keyRow(key.id)).last_used_at as Date | null) ?? undefined);
    await withKey(secret);
    await new Promise((r) => setTimeout(r, 200));
    expect((await keyRow(key.id)).last_used_at).toEqual(first);
    const listed = (await (await asAdmin(`/v1/api-keys?personId=${(await keyRow(key.id)).person_id}`)).json()) as { keys: { lastUsedAt: string }[] };
    expect(listed.keys[0]!.lastUsedAt).toBe(first.toISOString());
  });

  it('rotate: both keys work until the grace ends, then only the successor', async () => {
    const { key: old, secret: oldSecret } = await issue((await anAgent()).id);
    const res = await asAdmin(`/v1/api-keys/${old.id}/rotation`, { method: 'POST', body: { graceHours: 2 } });
    expect(res.status).toBe(201);
    const rotated = (await res.json()) as Issued & { previous: Issued['key'] };
    expect(rotated.secret).not.toBe(oldSecret);
    expect(rotated.previous).toMatchObject({ status: 'rotating', replacedById: rotated.key.id });
    expect(Date.parse(rotated.previous.graceEndsAt!) - Date.now()).toBeGreaterThan(2 * 3_600_000 - 60_000);
    expect((await withKey(oldSecret)).status).toBe(200);
    expect((await withKey(rotated.secret)).status).toBe(200);
    // Rotating the replaced key again is a conflict: one successor each.
    expect((await asAdmin(`/v1/api-keys/${old.id}/rotation`, { method: 'POST', body: {} })).status).toBe(409);

    await ctx.sql`UPDATE api_keys SET grace_ends_at = now() - interval '1 second' WHERE id = ${old.id}`;
    const refused = await withKey(oldSecret);
    expect(refused.status).toBe(401);
    expect(((await refused.json()) as { error: { code: string; message: string } }).error).toMatchObject({ code: 'API_KEY_EXPIRED', message: expect.stringContaining('successor') });
    expect((await withKey(rotated.secret)).status).toBe(200);

    // A rotation with no body takes the default grace (API_KEY_ROTATION_GRACE_HOURS, 24 h).
    const again = (await (await app.request(`/v1/api-keys/${rotated.key.id}/rotation`, { method: 'POST', headers: bearer('admin') })).json()) as { previous: Issued['key'] };
    expect(Math.round((Date.parse(again.previous.graceEndsAt!) - Date.now()) / 3_600_000)).toBe(24);
    // The grace never outlasts the old key's expiry.
    const short = await issue((await anAgent()).id, { expiresInDays: 1 });
    const capped = (await (await asAdmin(`/v1/api-keys/${short.key.id}/rotation`, { method: 'POST', body: { graceHours: 200 } })).json()) as { previous: Issued['key'] };
    expect(capped.previous.graceEndsAt).toBe(short.key.expiresAt);
  });

  it('expire: 401 API_KEY_EXPIRED after expiresAt, and a warning header before', async () => {
    const soon = await issue((await anAgent()).id, { expiresInDays: 3 });
    const warned = await withKey(soon.secret);
    expect(warned.status).toBe(200);
    expect(warned.headers.get('plaint-api-key-expires')).toBe(soon.key.expiresAt);
    const later = await issue((await anAgent()).id);
    expect((await withKey(later.secret)).headers.get('plaint-api-key-expires')).toBeNull();

    await ctx.sql`UPDATE api_keys SET created_at = now() - interval '4 days', expires_at = now() - interval '1 second' WHERE id = ${soon.key.id}`;
    const refused = await withKey(soon.secret);
    expect(refused.status).toBe(401);
    expect(((await refused.json()) as { error: { code: string } }).error.code).toBe('API_KEY_EXPIRED');
    const [listed] = ((await (await asAdmin(`/v1/api-keys?personId=${(await keyRow(soon.key.id)).person_id}`)).json()) as { keys: { status: string }[] }).keys;
    expect(listed!.status).toBe('expired');
    expect((await asAdmin(`/v1/api-keys/${soon.key.id}/rotation`, { method: 'POST', body: {} })).status).toBe(409);
  });

  it('revoke: 401 API_KEY_REVOKED; a deactivated person’s key stops too', async () => {
    const agent = await anAgent();
    const { key, secret } = await issue(agent.id);
    const revoked = await asAdmin(`/v1/api-keys/${key.id}`, { method: 'DELETE' });
    expect(revoked.status).toBe(200);
    expect(((await revoked.json()) as { status: string }).status).toBe('revoked');
    const refused = await withKey(secret);
    expect(refused.status).toBe(401);
    expect(((await refused.json()) as { error: { code: string } }).error.code).toBe('API_KEY_REVOKED');
    expect((await ctx.sql`SELECT 1 FROM staff_audit_events WHERE action = 'api_key_revoked' AND details->>'keyId' = ${key.id}`).length).toBe(1);

    const other = await issue(agent.id);
    await ctx.sql`UPDATE staff_people SET active = false WHERE id = ${agent.id}`;
    expect((await withKey(other.secret)).status).toBe(401);
    expect((await asAdmin(`/v1/api-keys/${randomUUID()}`, { method: 'DELETE' })).status).toBe(404);
  });

  it('refuses bad input naming each field, and non-administrators', async () => {
    const agent = await anAgent();
    const bad = await asAdmin('/v1/api-keys', { method: 'POST', body: { personId: agent.id, role: 'wizard', label: '', expiresInDays: 1000 } });
    expect(bad.status).toBe(400);
    const paths = ((await bad.json()) as { error: { details: { path: string }[] } }).error.details.map((d) => d.path).sort();
    expect(paths).toEqual(['expiresInDays', 'label', 'role']);
    const notHeld = await asAdmin('/v1/api-keys', { method: 'POST', body: { personId: agent.id, role: 'admin', label: 'x' } });
    expect(((await notHeld.json()) as { error: { details: { path: string }[] } }).error.details.map((d) => d.path)).toEqual(['role']);
    // Ids that fit the document but name nobody (or a role the person lacks): 422.
    expect(notHeld.status).toBe(422);
    const nobody = await asAdmin('/v1/api-keys', { method: 'POST', body: { personId: `nobody-${randomUUID()}`, role: 'agent', label: 'x' } });
    expect(nobody.status).toBe(422);
    expect((await asAdmin('/v1/api-keys/not-a-uuid/rotation', { method: 'POST', body: {} })).status).toBe(400);
    expect((await app.request('/v1/api-keys', { headers: bearer('supervisor') })).status).toBe(403);
    expect((await app.request('/v1/api-keys')).status).toBe(401);
    expect((await withKey('plaint_abcdefgh_' + 'x'.repeat(43))).status).toBe(401);
  });

  it('a revocation reaches a process that caches lookups within 5 seconds', async () => {
    const cached = ctx.app();
    const { key, secret } = await issue((await anAgent()).id);
    const call = () => cached.request('/v1/complaints?limit=1', { headers: { authorization: `Bearer ${secret}` } });
    expect((await call()).status).toBe(200);
    const revokedAt = Date.now();
    await asAdmin(`/v1/api-keys/${key.id}`, { method: 'DELETE' });
    await eventually(async () => ((await call()).status === 401 ? true : undefined), 6_000);
    expect(Date.now() - revokedAt).toBeLessThanOrEqual(5_500);
  });
});
