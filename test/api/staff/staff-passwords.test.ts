// PUT /v1/staff/{id}/password and POST /v1/staff/{id}/unlock: only administrators; a password that
// breaks a rule is 400 naming `password`; a set password signs the person out everywhere and is
// audited without the password; unlocking lifts a lockout.
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { errorBodySchema } from '../../../api/http/errors.js';
import { verifyPassword } from '../../../security/passwords.js';
import { aStaffPerson, signedInCookie, useConsoleApp, type ConsoleTestEnv } from '../../helpers/console.js';
import { bearer } from '../../helpers/integration.js';

let env: ConsoleTestEnv;
useConsoleApp((ready) => (env = ready));

const put = (id: string, body: unknown, role: Parameters<typeof bearer>[0] = 'admin') =>
  env.app.request(`/v1/staff/${id}/password`, { method: 'PUT', headers: { ...bearer(role), 'content-type': 'application/json' }, body: JSON.stringify(body) });

describe('PUT /v1/staff/{id}/password', () => {
  it('stores a hash, ends the person’s live sessions and audits who set it', async () => {
    const person = await aStaffPerson(env.sql, { roles: ['agent'], password: 'the old password' });
    const session = await signedInCookie(env.sql, person);
    const res = await put(person.id, { password: 'a brand new password' });
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ personId: person.id, sessionsEnded: 1 });
    const [cred] = await env.sql<{ password_hash: string }[]>`SELECT password_hash FROM staff_credentials WHERE person_id = ${person.id}`;
    expect(await verifyPassword('a brand new password', cred!.password_hash)).toBe(true);
    const [row] = await env.sql`SELECT end_reason FROM staff_sessions WHERE id_hash = ${createHash('sha256').update(session.token).digest()}`;
    expect(row).toMatchObject({ end_reason: 'password_changed' });
    const audit = await env.sql`SELECT actor_id, actor_role, details FROM staff_audit_events WHERE action = 'password_set' AND subject = ${person.id}`;
    expect(audit).toEqual([{ actor_id: 'test-admin', actor_role: 'admin', details: { sessionsEnded: 1 } }]);
    expect(JSON.stringify(audit)).not.toContain('a brand new password');
  });

  it('refuses a weak password naming the field, other roles, unknown people and extra fields', async () => {
    const person = await aStaffPerson(env.sql, { roles: ['agent'], email: `weak-${Date.now()}@staff.plaint.test` });
    // The policy is stated in words (characters, not the e-mail, not one repeated): 422 naming the field.
    for (const password of ['short', 'a'.repeat(20), person.email, person.email.toUpperCase(), 'x'.repeat(201)]) {
      const res = await put(person.id, { password });
      expect(res.status, password).toBe(422);
      const { error } = errorBodySchema.parse(await res.json());
      expect(error.details, password).toEqual([{ path: 'password', message: expect.any(String) }]);
    }
    expect((await put(person.id, { password: 'a good long password', extra: 1 })).status).toBe(400);
    expect((await put(person.id, {})).status).toBe(400);
    for (const role of ['agent', 'supervisor', 'process_owner', 'auditor'] as const) expect((await put(person.id, { password: 'a good long password' }, role)).status).toBe(403);
    expect((await put('nobody-here', { password: 'a good long password' })).status).toBe(404);
    expect((await env.sql`SELECT 1 FROM staff_credentials WHERE person_id = ${person.id}`).length).toBe(0);
  });
});

describe('POST /v1/staff/{id}/unlock', () => {
  it('lifts a lockout (admin only)', async () => {
    const person = await aStaffPerson(env.sql, { roles: ['agent'], password: 'some password here' });
    await env.sql`UPDATE staff_credentials SET locked_until = now() + interval '10 minutes', failed_attempts = 2 WHERE person_id = ${person.id}`;
    expect((await env.app.request(`/v1/staff/${person.id}/unlock`, { method: 'POST', headers: bearer('supervisor') })).status).toBe(403);
    const res = await env.app.request(`/v1/staff/${person.id}/unlock`, { method: 'POST', headers: bearer('admin') });
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ personId: person.id, wasLocked: true });
    const [cred] = await env.sql`SELECT failed_attempts, locked_until FROM staff_credentials WHERE person_id = ${person.id}`;
    expect(cred).toEqual({ failed_attempts: 0, locked_until: null });
    expect((await env.app.request('/v1/staff/nobody-here/unlock', { method: 'POST', headers: bearer('admin') })).status).toBe(404);
  });

  it('are in the OpenAPI document', async () => {
    const doc = (await (await env.app.request('/openapi.json')).json()) as { paths: Record<string, Record<string, unknown>> };
    expect(Object.keys(doc.paths['/v1/staff/{id}/password']!)).toEqual(['put']);
    expect(Object.keys(doc.paths['/v1/staff/{id}/unlock']!)).toEqual(['post']);
  });
});
