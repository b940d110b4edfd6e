import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_PIN_LOCKOUT, DEFAULT_PIN_LOCKOUT_SWEEP, PinLockout } from '../../../api/customer/pin-lockout.js';
import { integrationContext, type IntegrationContext } from '../../helpers/integration.js';

let ctx: IntegrationContext;
beforeAll(async () => {
  ctx = await integrationContext();
});
afterAll(() => ctx.close());

/** A row of `tracking_lockouts` whose window started `windowAgo` ago and whose lock ends `lockedFor` from now. */
async function aRow(windowAgo: string, lockedFor: string | null = null): Promise<string> {
  const reference = `SWEEP-${randomUUID()}`;
  await ctx.sql`
    INSERT INTO tracking_lockouts (reference, network, failures, window_started, locked_until)
    VALUES (${reference}, '192.0.2.1', 3, now() - ${windowAgo}::interval, ${lockedFor === null ? null : ctx.sql`now() + ${lockedFor}::interval`})`;
  return reference;
}

async function remaining(references: string[]): Promise<string[]> {
  const rows = await ctx.sql<{ reference: string }[]>`SELECT reference FROM tracking_lockouts WHERE reference IN ${ctx.sql(references)}`;
  return references.filter((r) => rows.some((row) => row.reference === r));
}

/** One wrong PIN on a fresh reference, as tracking counts it. */
async function aWrongPin(lockout: PinLockout): Promise<void> {
  const source = { reference: `SWEEP-${randomUUID()}`, network: '192.0.2.1' };
  const claim = await lockout.claim(source);
  if (!claim.allowed) throw new Error('a fresh reference is never locked');
  await lockout.failed(source, claim);
}

/** `failures` wrong PINs in a row from one network; answers the Retry-After of the claim after them. */
async function lockFor(lockout: PinLockout, source: { reference: string; network: string }, failures = 5): Promise<number> {
  for (let i = 0; i < failures; i++) {
    const claim = await lockout.claim(source);
    if (!claim.allowed) throw new Error(`attempt ${i + 1} was refused`);
    await lockout.failed(source, claim);
  }
  const refused = await lockout.claim(source);
  if (refused.allowed) throw new Error('not locked');
  return refused.retryAfterSeconds;
}

const endLock = (source: { reference: string; network: string }) =>
  ctx.sql`UPDATE tracking_lockouts SET locked_until = now() - interval '1 second' WHERE reference = ${source.reference} AND network = ${source.network}`;

describe('PinLockout', () => {
  it('locks one network at a time: the same reference from another network is still checked', async () => {
    const lockout = new PinLockout(ctx.sql);
    const reference = `LOCK-${randomUUID()}`;
    await lockFor(lockout, { reference, network: '198.51.100.7' });
    expect(await lockout.claim({ reference, network: '198.51.100.8' })).toEqual({ allowed: true, attempt: 1 });
  });

  it('doubles the lock each time the same network is locked again, up to a day', async () => {
    const lockout = new PinLockout(ctx.sql);
    const source = { reference: `LOCK-${randomUUID()}`, network: '2001:db8:1:2::/64' };
    const locks: number[] = [];
    for (let i = 0; i < 9; i++) {
      locks.push(Math.round((await lockFor(lockout, source)) / 60));
      await endLock(source);
    }
    expect(locks).toEqual([15, 30, 60, 120, 240, 480, 960, 1440, 1440]);
  });

  it('starts again from the shortest lock after a right PIN from that network', async () => {
    const lockout = new PinLockout(ctx.sql);
    const source = { reference: `LOCK-${randomUUID()}`, network: '203.0.113.9' };
    await lockFor(lockout, source);
    await endLock(source);
    await lockout.succeeded(source);
    expect(Math.round((await lockFor(lockout, source)) / 60)).toBe(15);
  });

  it('forgets, when it counts a wrong PIN, the rows quiet for a day (window and lock over a day ago)', async () => {
    const forgotten = [await aRow('2 days'), await aRow('3 days', '-25 hours')];
    // A lock that ended an hour ago is remembered, so the next lock of that network lasts longer.
    const kept = [await aRow('2 days', '1 hour'), await aRow('1 hour'), await aRow('20 hours', '-1 minute'), await aRow('2 days', '-1 hour')];
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
