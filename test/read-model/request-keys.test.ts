import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { claimRequestKey, purgeExpiredRequestKeys, sendOnce } from '../../read-model/request-keys.js';
import { DomainError } from '../../domain/errors.js';
import { integrationContext, type IntegrationContext } from '../helpers/integration.js';

let ctx: IntegrationContext;
beforeAll(async () => {
  ctx = await integrationContext();
});
afterAll(() => ctx.close());

const aKey = (body: unknown) => ({ caller: `decide:test-${randomUUID()}`, key: randomUUID(), body });

describe('request keys', () => {
  it('takes the same body again whatever its key order, and refuses another body with 409 naming the key', async () => {
    const first = aKey({ reference: 'CMP-2026-000001', decision: { type: 'note', text: 'a' } });
    await claimRequestKey(ctx.sql, first);
    await claimRequestKey(ctx.sql, { ...first, body: { decision: { text: 'a', type: 'note' }, reference: 'CMP-2026-000001' } });
    await expect(claimRequestKey(ctx.sql, { ...first, body: { reference: 'CMP-2026-000001', decision: { type: 'note', text: 'b' } } })).rejects.toMatchObject({
      code: 'CONFLICT',
      details: { idempotencyKey: first.key },
      message: expect.stringContaining(first.key),
    });
  });

  it('frees a key whose request the workflow refused, and keeps one whose request may yet apply', async () => {
    const refused = aKey({ n: 1 });
    await expect(sendOnce(ctx.sql, refused, () => Promise.reject(new DomainError('INVALID_TRANSITION', 'not now')))).rejects.toThrow('not now');
    await expect(sendOnce(ctx.sql, { ...refused, body: { n: 2 } }, () => Promise.resolve('ok'))).resolves.toBe('ok');

    const unavailable = aKey({ n: 1 });
    await expect(sendOnce(ctx.sql, unavailable, () => Promise.reject(new DomainError('TEMPORARILY_UNAVAILABLE', 'down')))).rejects.toThrow('down');
    await expect(sendOnce(ctx.sql, { ...unavailable, body: { n: 2 } }, () => Promise.resolve('ok'))).rejects.toMatchObject({ code: 'CONFLICT' });
  });

  it('forgets keys after 30 days', async () => {
    const old = aKey({ n: 1 });
    const recent = aKey({ n: 1 });
    await claimRequestKey(ctx.sql, old);
    await claimRequestKey(ctx.sql, recent);
    await ctx.sql`UPDATE request_keys SET created_at = now() - interval '31 days' WHERE caller = ${old.caller}`;
    await ctx.sql`UPDATE request_keys SET created_at = now() - interval '29 days' WHERE caller = ${recent.caller}`;
    expect(await purgeExpiredRequestKeys(ctx.sql)).toBeGreaterThanOrEqual(1);
    const rows = await ctx.sql<{ caller: string }[]>`SELECT caller FROM request_keys WHERE caller IN ${ctx.sql([old.caller, recent.caller])}`;
    expect(rows.map((r) => r.caller)).toEqual([recent.caller]);
  });
});
