// Rate limits held in PostgreSQL: two API instances on one database spend one budget per client
// network, concurrent hits never let more through than the limit, the table keeps no address in
// the clear, and windows that ended are swept away.
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sharedRateLimiters } from '../../../api/http/shared-rate-limit.js';
import { connectDatabase } from '../../../db/connect.js';
import { integrationContext, type IntegrationContext } from '../../helpers/integration.js';
import { inject } from 'vitest';
import type { Sql } from 'postgres';

let ctx: IntegrationContext;
let otherPool: Sql;
// One deployment's secret: every instance derives the same key hashes from it.
const secret = randomBytes(32).toString('hex');

beforeAll(async () => {
  ctx = await integrationContext();
  otherPool = connectDatabase(inject('databaseUrl'), { max: 2 });
});
afterAll(async () => {
  await otherPool.end({ timeout: 5 });
  await ctx.close();
});

const keylessIntake = (app: ReturnType<IntegrationContext['app']>, address: string) =>
  app.request('/v1/complaints', { method: 'POST', headers: { 'content-type': 'application/json', 'x-forwarded-for': address }, body: '{}' });

describe('rate limits shared by API instances', () => {
  it('two instances on one database hold one intake budget per client network', async () => {
    // Two instances as two processes would be: their own pools, their own limiter objects, one secret.
    const first = ctx.app({ publicIntakePerMinute: 3, rateLimiters: sharedRateLimiters({ sql: ctx.sql, secret }) });
    const second = ctx.app({ publicIntakePerMinute: 3, rateLimiters: sharedRateLimiters({ sql: otherPool, secret }) });
    const address = '203.0.113.77';
    const statuses = [];
    for (const app of [first, second, first, second, first]) statuses.push((await keylessIntake(app, address)).status);
    // Every request counts before its body is read: three invalid bodies (400), then both refuse.
    expect(statuses).toEqual([400, 400, 400, 429, 429]);
    const refused = await keylessIntake(second, address);
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(Number(refused.headers.get('retry-after'))).toBeLessThanOrEqual(60);
    expect(((await refused.json()) as { error: { code: string } }).error.code).toBe('RATE_LIMITED');
    // Another network still has its budget, on either instance.
    expect((await keylessIntake(second, '203.0.113.78')).status).toBe(400);
  });

  it('the tracking budget is one across instances too (JSON route and form alike)', async () => {
    const first = ctx.app({ trackingPerMinute: 2, rateLimiters: sharedRateLimiters({ sql: ctx.sql, secret }) });
    const second = ctx.app({ trackingPerMinute: 2, rateLimiters: sharedRateLimiters({ sql: otherPool, secret }) });
    const track = (app: typeof first) =>
      app.request('/v1/track', { method: 'POST', headers: { 'content-type': 'application/json', 'x-forwarded-for': '203.0.113.90' }, body: '{}' });
    expect([(await track(first)).status, (await track(second)).status, (await track(first)).status]).toEqual([400, 400, 429]);
  });

  it('lets exactly the limit through when many hits arrive at once from several pools', async () => {
    const limiters = [sharedRateLimiters({ sql: ctx.sql, secret }), sharedRateLimiters({ sql: otherPool, secret })].map((make) =>
      make('test-burst', 5, 60_000),
    );
    const verdicts = await Promise.all(Array.from({ length: 30 }, (_, i) => limiters[i % 2]!.hit('burst-key')));
    expect(verdicts.filter((v) => v.allowed)).toHaveLength(5);
  });

  it('stores only keyed hashes, never the address or e-mail it counts', async () => {
    const limiter = sharedRateLimiters({ sql: ctx.sql, secret })('test-privacy', 10, 60_000);
    await limiter.hit('ayse.distinctive@example.com');
    await limiter.hit('198.51.100.201');
    const rows = await ctx.sql<{ row: string }[]>`SELECT r::text AS row FROM rate_limit_windows r WHERE limiter = 'test-privacy'`;
    expect(rows).toHaveLength(2);
    for (const { row } of rows) {
      expect(row).not.toContain('distinctive');
      expect(row).not.toContain('198.51.100');
      expect(row).not.toContain(Buffer.from('198.51.100').toString('hex'));
    }
  });

  it('sweeps windows that have ended', async () => {
    const limiter = sharedRateLimiters({ sql: ctx.sql, secret })('test-sweep', 10, 1_000);
    await ctx.sql`INSERT INTO rate_limit_windows (limiter, key_hash, window_start, hits, expires_at)
      VALUES ('test-sweep', '\\x00', now() - interval '1 hour', 3, now() - interval '59 minutes')`;
    await limiter.hit('someone'); // the first hit of a limiter sweeps (then at most once a minute)
    await expect
      // The sweep does not hold up the hit: on a loaded machine it lands a while later.
      .poll(async () => (await ctx.sql`SELECT 1 FROM rate_limit_windows WHERE limiter = 'test-sweep' AND expires_at < now()`).length, { timeout: 15_000 })
      .toBe(0);
  });
});
