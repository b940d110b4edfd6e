import { randomBytes, scryptSync } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { customerViewSchema } from '../../../api/customer/view.js';
import { errorBodySchema } from '../../../api/http/errors.js';
import {
  aProposedSnapshot,
  INTERNAL_NOTE,
  seedComplaint,
  STAFF_ID,
  type SeededComplaint,
  useCustomerApp,
  type CustomerTestEnv,
} from '../../helpers/customer-fixtures.js';

let ctx: CustomerTestEnv['ctx'];
let app: CustomerTestEnv['app'];
let flow: CustomerTestEnv['flow'];
useCustomerApp((env) => ({ ctx, app, flow } = env));

/** A random client address per call unless one is given (lockouts count per network: tests that count give one). */
const track = (body: unknown, from = `198.51.100.${Math.floor(Math.random() * 250) + 1}`, on = app) =>
  on.request('/v1/track', {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-forwarded-for': from },
    body: JSON.stringify(body),
  });

const wrongPin = (pin: string) => String((Number(pin) + 1) % 100_000_000).padStart(8, '0');

async function failures(reference: string): Promise<number | undefined> {
  const [row] = await ctx.sql<{ failures: number }[]>`SELECT failures FROM tracking_lockouts WHERE reference = ${reference}`;
  return row?.failures;
}

describe('POST /v1/track', () => {
  it("shows a running complaint in the customer's language, without staff names or internal notes", async () => {
    const c = await flow.investigating();
    await flow.waitForRow(c, 'investigating');
    const res = await track({ reference: c.reference, pin: c.pin });
    expect(res.status).toBe(200);
    const text = await res.text();
    const view = customerViewSchema.parse(JSON.parse(text));
    expect(view).toMatchObject({ reference: c.reference, status: 'investigating', label: 'İnceleniyor', language: 'tr', closure: null });
    expect(view.acknowledgedAt).not.toBeNull();
    expect(view.aimToAnswerBy).not.toBeNull();
    expect(view.nextStep).toContain('araştırıyoruz');
    for (const secret of [STAFF_ID, 'after-sales-istanbul', INTERNAL_NOTE, 'test-agent', 'pin_hash', 'scrypt', 'hmac$']) {
      expect(text).not.toContain(secret);
    }
  });

  it('shows the proposal waiting for an answer, with its due date', async () => {
    const c = await seedComplaint(ctx.sql, aProposedSnapshot(1));
    const view = customerViewSchema.parse(await (await track({ reference: c.reference, pin: c.pin })).json());
    expect(view).toMatchObject({ status: 'resolution_proposed', label: 'Çözümlendi', proposal: { round: 1, remedy: 'repair', answerDueAt: '2099-03-16T15:00:00.000Z' } });
  });

  it('answers a wrong PIN and an unknown reference with the same 401', async () => {
    const c = await seedComplaint(ctx.sql);
    const wrong = await track({ reference: c.reference, pin: wrongPin(c.pin) });
    const unknown = await track({ reference: 'CMP-1999-999999', pin: c.pin });
    expect([wrong.status, unknown.status]).toEqual([401, 401]);
    const [a, b] = [errorBodySchema.parse(await wrong.json()).error, errorBodySchema.parse(await unknown.json()).error];
    expect({ ...a, requestId: undefined }).toEqual({ ...b, requestId: undefined });
    expect(a.code).toBe('UNAUTHENTICATED');
  });

  it('lets in a complaint filed before keyed PINs (scrypt) and stores its hash keyed from then on', async () => {
    const c = await seedComplaint(ctx.sql);
    const salt = randomBytes(16);
    const legacy = `scrypt$${salt.toString('base64url')}$${scryptSync(c.pin, salt, 32).toString('base64url')}`;
    await ctx.sql`UPDATE complaints SET pin_hash = ${legacy} WHERE id = ${c.id}`;
    expect((await track({ reference: c.reference, pin: wrongPin(c.pin) })).status).toBe(401);
    const [kept] = await ctx.sql<{ pin_hash: string }[]>`SELECT pin_hash FROM complaints WHERE id = ${c.id}`;
    expect(kept!.pin_hash).toBe(legacy); // a wrong PIN moves nothing
    expect((await track({ reference: c.reference, pin: c.pin })).status).toBe(200);
    const [moved] = await ctx.sql<{ pin_hash: string }[]>`SELECT pin_hash FROM complaints WHERE id = ${c.id}`;
    expect(moved!.pin_hash).toMatch(/^hmac\$ls1\$/);
    expect((await track({ reference: c.reference, pin: c.pin })).status).toBe(200);
  });

  it('locks a reference after 5 wrong PINs for that network: 429 with Retry-After, even for the right PIN', async () => {
    const c = await seedComplaint(ctx.sql);
    for (let i = 0; i < 5; i++) expect((await track({ reference: c.reference, pin: wrongPin(c.pin) }, '192.0.2.10')).status).toBe(401);
    const locked = await track({ reference: c.reference, pin: c.pin }, '192.0.2.10');
    expect(locked.status).toBe(429);
    expect(errorBodySchema.parse(await locked.json()).error.code).toBe('RATE_LIMITED');
    const retryAfter = Number(locked.headers.get('retry-after'));
    expect(retryAfter).toBeGreaterThan(14 * 60);
    expect(retryAfter).toBeLessThanOrEqual(15 * 60);
  });

  it('never locks the customer out from their own network: the right PIN from another network still works', async () => {
    const customers = await Promise.all([seedComplaint(ctx.sql), seedComplaint(ctx.sql), seedComplaint(ctx.sql)]);
    for (const c of customers) {
      for (let i = 0; i < 6; i++) await track({ reference: c.reference, pin: wrongPin(c.pin) }, '192.0.2.66');
      expect((await track({ reference: c.reference, pin: c.pin }, '192.0.2.66')).status).toBe(429);
    }
    for (const c of customers) expect((await track({ reference: c.reference, pin: c.pin }, '198.51.100.77')).status).toBe(200);
  });

  it('locks a whole IPv6 /64, so hopping addresses inside it buys no fresh guesses', async () => {
    const c = await seedComplaint(ctx.sql);
    for (let i = 1; i <= 5; i++) await track({ reference: c.reference, pin: wrongPin(c.pin) }, `2001:db8:aa:bb::${i}`);
    expect((await track({ reference: c.reference, pin: c.pin }, '2001:db8:aa:bb:ffff::9')).status).toBe(429);
    expect((await track({ reference: c.reference, pin: c.pin }, '2001:db8:aa:bc::1')).status).toBe(200);
  });

  it('lets the right PIN in once the lock has passed, and forgets the failures', async () => {
    const c = await seedComplaint(ctx.sql);
    for (let i = 0; i < 5; i++) await track({ reference: c.reference, pin: wrongPin(c.pin) }, '192.0.2.21');
    await ctx.sql`UPDATE tracking_lockouts SET locked_until = now() - interval '1 second' WHERE reference = ${c.reference}`;
    expect((await track({ reference: c.reference, pin: c.pin }, '192.0.2.21')).status).toBe(200);
    expect(await failures(c.reference)).toBeUndefined();
  });

  it('resets the count with a right PIN, so the customer is not locked by old typos', async () => {
    const c = await seedComplaint(ctx.sql);
    for (let i = 0; i < 4; i++) await track({ reference: c.reference, pin: wrongPin(c.pin) }, '192.0.2.22');
    expect((await track({ reference: c.reference, pin: c.pin }, '192.0.2.22')).status).toBe(200);
    for (let i = 0; i < 4; i++) expect((await track({ reference: c.reference, pin: wrongPin(c.pin) }, '192.0.2.22')).status).toBe(401);
    expect((await track({ reference: c.reference, pin: c.pin }, '192.0.2.22')).status).toBe(200);
  });

  it('counts wrong PINs within 15 minutes only', async () => {
    const c = await seedComplaint(ctx.sql);
    for (let i = 0; i < 4; i++) await track({ reference: c.reference, pin: wrongPin(c.pin) }, '192.0.2.23');
    await ctx.sql`UPDATE tracking_lockouts SET window_started = now() - interval '16 minutes' WHERE reference = ${c.reference}`;
    expect((await track({ reference: c.reference, pin: wrongPin(c.pin) }, '192.0.2.23')).status).toBe(401);
    expect(await failures(c.reference)).toBe(1);
  });

  it('counts no wrong PIN for an unknown reference: no row, no lock (the address budget still applies)', async () => {
    const reference = `CMP-1999-${String(Math.floor(Math.random() * 1e6)).padStart(6, '0')}`;
    const answers = [];
    for (let i = 0; i < 6; i++) answers.push((await track({ reference, pin: '12345678' })).status);
    expect(answers).toEqual([401, 401, 401, 401, 401, 401]);
    expect(await failures(reference)).toBeUndefined();
  });

  it('refuses a reference longer than ours can be (400 on reference), counting nothing', async () => {
    const reference = `CMP-2026-${'1'.repeat(11)}`;
    const res = await track({ reference, pin: '12345678' });
    expect(res.status).toBe(400);
    const paths = (errorBodySchema.parse(await res.json()).error.details as Array<{ path: string }>).map((d) => d.path);
    expect(new Set(paths)).toEqual(new Set(['reference']));
    expect(await failures(reference)).toBeUndefined();
  });

  it('checks no more than 5 PINs of a burst of parallel guesses from one network', async () => {
    const c = await seedComplaint(ctx.sql);
    const statuses = await Promise.all(
      Array.from({ length: 12 }, () => track({ reference: c.reference, pin: wrongPin(c.pin) }, '203.0.113.44')),
    );
    expect(statuses.filter((r) => r.status === 401)).toHaveLength(5);
    expect(statuses.filter((r) => r.status === 429)).toHaveLength(7);
  });

  it('rate-limits tracking per client address (429 with Retry-After)', async () => {
    const limited = ctx.app({ trackingPerMinute: 2 });
    const c = await seedComplaint(ctx.sql);
    const body = { reference: c.reference, pin: c.pin };
    expect((await track(body, '203.0.113.200', limited)).status).toBe(200);
    expect((await track(body, '203.0.113.200', limited)).status).toBe(200);
    const third = await track(body, '203.0.113.200', limited);
    expect(third.status).toBe(429);
    expect(Number(third.headers.get('retry-after'))).toBeGreaterThan(0);
    expect((await track(body, '203.0.113.201', limited)).status).toBe(200);
  });

  it('counts an IPv6 client by its /64, so rotating addresses inside it buys no fresh budget', async () => {
    const limited = ctx.app({ trackingPerMinute: 2 });
    const c = await seedComplaint(ctx.sql);
    const body = { reference: c.reference, pin: c.pin };
    expect((await track(body, '2001:db8:77:1::1', limited)).status).toBe(200);
    expect((await track(body, '2001:db8:77:1::2', limited)).status).toBe(200);
    expect((await track(body, '2001:db8:77:1:abcd::3', limited)).status).toBe(429);
    expect((await track(body, '2001:db8:77:2::1', limited)).status).toBe(200);
  });

  it('counts malformed and oversized tracking requests against the address budget too', async () => {
    const limited = ctx.app({ trackingPerMinute: 2 });
    const c = await seedComplaint(ctx.sql);
    const from = '203.0.113.210';
    expect((await track({ reference: 'nonsense', pin: 'x' }, from, limited)).status).toBe(400);
    const huge = await limited.request('/v1/track', {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-forwarded-for': from },
      body: JSON.stringify({ reference: c.reference, pin: c.pin, padding: 'x'.repeat(10_000) }),
    });
    expect(huge.status).toBe(413);
    expect(errorBodySchema.parse(await huge.json()).error.code).toBe('PAYLOAD_TOO_LARGE');
    expect((await track({ reference: c.reference, pin: c.pin }, from, limited)).status).toBe(429);
  });

  it('answers 400 naming each bad field, without counting a failure', async () => {
    const c: SeededComplaint = await seedComplaint(ctx.sql);
    const res = await track({ reference: c.reference, pin: '12ab', extra: true });
    expect(res.status).toBe(400);
    const paths = (errorBodySchema.parse(await res.json()).error.details as Array<{ path: string }>).map((d) => d.path).sort();
    expect(paths).toEqual(['(body)', 'pin']);
    expect(await failures(c.reference)).toBeUndefined();
  });
});
