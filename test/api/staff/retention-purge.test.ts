// The retention run deletes the operational records that would otherwise grow forever, on real
// Temporal and PostgreSQL: SSO sign-in attempts long expired (default: 90 days after expiry) and
// records of who read personal data older than their period (default: two years), and says how
// many in its report; younger ones stay, and the read record stays append-only for anything else.
import { randomBytes, randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseConfig } from '../../../config/env.js';
import { bearer, integrationContext, type IntegrationContext } from '../../helpers/integration.js';

let ctx: IntegrationContext;
let app: ReturnType<IntegrationContext['app']>;
beforeAll(async () => {
  ctx = await integrationContext();
  await ctx.startWorker();
  app = ctx.app();
});
afterAll(() => ctx?.close());

async function anAttempt(expiredDaysAgo: number): Promise<Buffer> {
  const idHash = randomBytes(32);
  await ctx.sql`
    INSERT INTO sso_sign_in_attempts (id_hash, state, nonce, code_verifier, language, created_at, expires_at)
    VALUES (${idHash}, 's', 'n', 'v', 'tr', now() - make_interval(days => ${expiredDaysAgo}, mins => 10), now() - make_interval(days => ${expiredDaysAgo}))`;
  return idHash;
}

async function aRead(daysAgo: number): Promise<string> {
  const complaintId = randomUUID();
  await ctx.sql`
    INSERT INTO personal_data_reads (at, actor_id, actor_role, complaint_id, kind, contact_masked)
    VALUES (now() - make_interval(days => ${daysAgo}), 'agent-1', 'agent', ${complaintId}, 'complaint_view', false)`;
  return complaintId;
}

const attemptsLeft = async (hashes: Buffer[]) =>
  (await ctx.sql<{ n: number }[]>`SELECT count(*)::int AS n FROM sso_sign_in_attempts WHERE encode(id_hash, 'hex') = ANY(${hashes.map((h) => h.toString('hex'))}::text[])`)[0]!.n;
const readsLeft = async (ids: string[]) =>
  (await ctx.sql<{ n: number }[]>`SELECT count(*)::int AS n FROM personal_data_reads WHERE complaint_id = ANY(${ids}::uuid[])`)[0]!.n;

describe('the retention run purges old operational records', () => {
  it('deletes SSO attempts expired over 90 days ago and reads older than two years, keeps the rest, and reports the counts', async () => {
    const oldAttempts = [await anAttempt(91), await anAttempt(400)];
    const youngAttempts = [await anAttempt(89), await anAttempt(0)];
    const oldReads = [await aRead(731), await aRead(3 * 365)];
    const youngReads = [await aRead(729), await aRead(400), await aRead(0)];

    const res = await app.request('/v1/retention/runs', { method: 'POST', headers: bearer('admin') });
    expect(res.status, await res.clone().text()).toBe(200);
    const report = (await res.json()) as { id: string; purged: Record<string, number> };
    expect(report.purged).toEqual({ sso_sign_in_attempts: 2, personal_data_reads: 2 });

    expect(await attemptsLeft(oldAttempts)).toBe(0);
    expect(await attemptsLeft(youngAttempts)).toBe(2);
    expect(await readsLeft(oldReads)).toBe(0);
    expect(await readsLeft(youngReads)).toBe(3);

    // The list shows the same report; a second run finds nothing more.
    const list = (await (await app.request('/v1/retention/runs', { headers: bearer('auditor') })).json()) as Array<{ id: string; purged: Record<string, number> }>;
    expect(list.find((r) => r.id === report.id)?.purged).toEqual(report.purged);
    const second = (await (await app.request('/v1/retention/runs', { method: 'POST', headers: bearer('admin') })).json()) as { purged: Record<string, number> };
    expect(second.purged).toEqual({});
  });

  it('leaves the read record append-only outside the purge: a DELETE, even of an old row, is refused', async () => {
    const old = await aRead(3 * 365);
    await expect(ctx.sql`DELETE FROM personal_data_reads WHERE complaint_id = ${old}`).rejects.toThrow(/append-only/);
    // Declared as the purge, a row younger than a year is still refused.
    const young = await aRead(100);
    await expect(
      ctx.sql.begin(async (tx) => {
        await tx`SELECT set_config('plaint.retention_purge', 'personal_data_reads', true)`;
        await tx`DELETE FROM personal_data_reads WHERE complaint_id = ${young}`;
      }),
    ).rejects.toThrow(/append-only/);
    expect(await readsLeft([old, young])).toBe(2);
  });

  it('takes its periods from the environment, refusing a read record kept under a year', () => {
    expect(parseConfig({})).toMatchObject({ RETENTION_SSO_SIGN_IN_ATTEMPTS_DAYS: 90, RETENTION_PERSONAL_DATA_READS_DAYS: 730 });
    expect(parseConfig({ RETENTION_PERSONAL_DATA_READS_DAYS: '1825' }).RETENTION_PERSONAL_DATA_READS_DAYS).toBe(1825);
    expect(() => parseConfig({ RETENTION_PERSONAL_DATA_READS_DAYS: '30' })).toThrow(/RETENTION_PERSONAL_DATA_READS_DAYS/);
    expect(() => parseConfig({ RETENTION_SSO_SIGN_IN_ATTEMPTS_DAYS: '0' })).toThrow(/RETENTION_SSO_SIGN_IN_ATTEMPTS_DAYS/);
  });
});
