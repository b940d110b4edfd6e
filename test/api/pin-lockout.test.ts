import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_PIN_LOCKOUT, DEFAULT_PIN_LOCKOUT_SWEEP, PinLockout } from '../../api/pin-lockout.js';
import { integrationContext, type IntegrationContext } from '../helpers/integration.js';

let ctx: IntegrationContext;
beforeAll(async () => {
  ctx = await integrationContext();
});
afterAll(() => ctx.close());

/** A row of `tracking_lockouts` whose window started `windowAgo` ago and whose lock ends `lockedFor` from now. */
async function aRow(windowAgo: string, lockedFor: string | null = null): Promise<string> {
  const reference = `SWEEP-${randomUUID()}`;
  await ctx.sql`
    INSERT INTO tracking_lockouts (reference, failures, window_started, locked_until)
    VALUES (${reference}, 3, now() - ${windowAgo}::interval, ${lockedFor === null ? null : ctx.sql`now() + ${lockedFor}::interval`})`;
  return reference;
}

async function remaining(references: string[]): Promise<string[]> {
  const rows = await ctx.sql<{ reference: string }[]>`SELECT reference FROM tracking_lockouts WHERE reference IN ${ctx.sql(references)}`;
  return references.filter((r) => rows.some((row) => row.reference === r));
}

/** One wrong PIN on a fresh reference, as tracking counts it. */
async function aWrongPin(lockout: PinLockout): Promise<void> {
  const reference = `SWEEP-${randomUUID()}`;
  const claim = await lockout.claim(reference);
  if (!claim.allowed) throw new Error('a fresh reference is never locked');
  await lockout.failed(reference, claim);
}

describe('PinLockout', () => {
  it('forgets, when it counts a wrong PIN, the rows whose window and lock are over', async () => {
    const forgotten = [await aRow('2 days'), await aRow('2 days', '-1 hour')];
    const kept = [await aRow('2 days', '1 hour'), await aRow('1 hour'), await aRow('20 hours', '-1 minute')];
    await aWrongPin(new PinLockout(ctx.sql));
    expect(await remaining(forgotten)).toEqual([]);
    expect(await remaining(kept)).toEqual(kept);
  });

  it('sweeps at most once per interval', async () => {
    let now = 1_000_000;
    const lockout = new PinLockout(ctx.sql, DEFAULT_PIN_LOCKOUT, { ...DEFAULT_PIN_LOCKOUT_SWEEP, everyMs: 60_000, now: () => now });
    await aWrongPin(lockout);
    const old = await aRow('3 days');
    now += 59_000;
    await aWrongPin(lockout);
    expect(await remaining([old])).toEqual([old]);
    now += 1_000;
    await aWrongPin(lockout);
    expect(await remaining([old])).toEqual([]);
  });

  it('deletes at most a batch of rows per sweep', async () => {
    const lockout = new PinLockout(ctx.sql, DEFAULT_PIN_LOCKOUT, { ...DEFAULT_PIN_LOCKOUT_SWEEP, batch: 2 });
    while ((await lockout.sweep()) > 0); // whatever other tests left behind
    const old = [await aRow('2 days'), await aRow('3 days'), await aRow('4 days')];
    expect(await lockout.sweep()).toBe(2);
    expect(await remaining(old)).toHaveLength(1);
  });
});
