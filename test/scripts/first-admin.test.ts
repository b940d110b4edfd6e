// The first administrator `npm start` ensures (scripts/first-admin.ts): made once with the
// password of secrets.json, then left alone: a second start changes nothing, and a password or
// e-mail changed in between stays changed (and the start no longer claims the old password works).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadOrCreateDevSecrets } from '../../scripts/dev-secrets.js';
import { ensureFirstAdmin } from '../../scripts/first-admin.js';
import { passwordHashOf } from '../../read-model/staff-credentials.js';
import { hashPassword, verifyPassword } from '../../security/passwords.js';
import { forgetFirstAdmin } from '../helpers/first-admin.js';
import { integrationContext, type IntegrationContext } from '../helpers/integration.js';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';

let ctx: IntegrationContext;
beforeAll(async () => {
  ctx = await integrationContext();
  await forgetFirstAdmin(ctx.sql);
});
afterAll(async () => {
  await forgetFirstAdmin(ctx.sql);
  await ctx.close();
});

describe('the first administrator', () => {
  it('keeps a generated password in secrets.json, the same on every start', async () => {
    const dir = await mkdtemp(`${tmpdir()}/plaint-secrets-`);
    const first = await loadOrCreateDevSecrets(`${dir}/secrets.json`);
    expect(first.consoleAdminPassword).toMatch(/^[A-Za-z0-9_-]{20}$/);
    expect((await loadOrCreateDevSecrets(`${dir}/secrets.json`)).consoleAdminPassword).toBe(first.consoleAdminPassword);
    expect(JSON.parse(await readFile(`${dir}/secrets.json`, 'utf8'))).toMatchObject({ consoleAdminPassword: first.consoleAdminPassword });
    await rm(dir, { recursive: true });
  });

  it('is created once with role admin and the given password, and left alone after', async () => {
    const made = await ensureFirstAdmin(ctx.sql, { email: 'admin@plaint.local', password: 'generated-password-1' });
    expect(made).toEqual({ email: 'admin@plaint.local', passwordWorks: true, created: true });
    const [person] = await ctx.sql`SELECT roles, active, email FROM staff_people WHERE id = 'admin'`;
    expect(person).toMatchObject({ roles: ['admin'], active: true });
    const hash = await passwordHashOf(ctx.sql, 'admin');
    expect(await verifyPassword('generated-password-1', hash!)).toBe(true);

    // A second start with another configured e-mail: nothing is overwritten.
    expect(await ensureFirstAdmin(ctx.sql, { email: 'other@plaint.local', password: 'generated-password-1' })).toEqual({
      email: 'admin@plaint.local',
      passwordWorks: true,
      created: false,
    });
    expect(await passwordHashOf(ctx.sql, 'admin')).toBe(hash);

    // The admin changed their password on the console: the start keeps it and says the printed one is stale.
    await ctx.sql`UPDATE staff_credentials SET password_hash = ${await hashPassword('changed on the console', { logN: 10, r: 8, p: 1 })} WHERE person_id = 'admin'`;
    expect(await ensureFirstAdmin(ctx.sql, { email: 'admin@plaint.local', password: 'generated-password-1' })).toMatchObject({ passwordWorks: false, created: false });
    expect(await verifyPassword('changed on the console', (await passwordHashOf(ctx.sql, 'admin'))!)).toBe(true);
  });

  it('gives an existing `admin` without a password the one of secrets.json', async () => {
    await forgetFirstAdmin(ctx.sql);
    await ctx.sql`INSERT INTO staff_people (id, name, email, roles) VALUES ('admin', 'Existing Admin', 'boss@example.com', '{admin,auditor}')`;
    expect(await ensureFirstAdmin(ctx.sql, { email: 'admin@plaint.local', password: 'generated-password-2' })).toEqual({
      email: 'boss@example.com',
      passwordWorks: true,
      created: false,
    });
    const [person] = await ctx.sql`SELECT name, roles FROM staff_people WHERE id = 'admin'`;
    expect(person).toMatchObject({ name: 'Existing Admin', roles: ['admin', 'auditor'] });
  });
});
