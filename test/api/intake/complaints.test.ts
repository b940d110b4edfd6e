import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { errorBodySchema } from '../../../api/http/errors.js';
import { intakeResponseSchema } from '../../../api/intake/intake.schemas.js';
import { complaintSchema } from '../../../api/staff/complaints.schemas.js';
import { purgeExpiredIntakeResponses } from '../../../jobs/intake-reconciler.js';
import { aComplaint } from '../../helpers/fixtures.js';
import { bearer, eventually, integrationContext, trackingPins, type IntegrationContext } from '../../helpers/integration.js';

let ctx: IntegrationContext;
let app: ReturnType<IntegrationContext['app']>;

beforeAll(async () => {
  ctx = await integrationContext();
  await ctx.startWorker();
  app = ctx.app();
});
afterAll(() => ctx.close());

const post = (body: unknown, headers: Record<string, string> = {}) =>
  app.request('/v1/complaints', {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });

describe('POST /v1/complaints', () => {
  it('files a web complaint without a key and answers 201 with reference, PIN and Location', async () => {
    const res = await post(aComplaint());
    expect(res.status).toBe(201);
    const body = intakeResponseSchema.parse(await res.json());
    expect(body.reference).toMatch(/^CMP-\d{4}-\d{6}$/);
    expect(body.pin).toMatch(/^\d{8}$/);
    expect(res.headers.get('location')).toBe(`/v1/complaints/${body.reference}`);

    const [row] = await ctx.sql<{ pin_hash: string }[]>`SELECT pin_hash FROM complaints WHERE id = ${body.id}`;
    expect(row!.pin_hash).not.toContain(body.pin);
    expect((await trackingPins.check(body.pin, row!.pin_hash)).matches).toBe(true);
    expect((await trackingPins.check('00000000', row!.pin_hash)).matches).toBe(false);
  });

  it('gives every complaint its own reference', async () => {
    const a = (await (await post(aComplaint())).json()) as { reference: string };
    const b = (await (await post(aComplaint())).json()) as { reference: string };
    expect(a.reference).not.toBe(b.reference);
  });

  it('returns the same complaint when a request is retried with the same Idempotency-Key', async () => {
    const headers = { 'idempotency-key': `retry-${crypto.randomUUID()}` };
    const first = await post(aComplaint(), headers);
    const again = await post(aComplaint(), headers);
    expect(first.status).toBe(201);
    expect(again.status).toBe(200);
    const [a, b] = [await first.json(), await again.json()] as Array<{ reference: string; pin: string }>;
    expect(b).toEqual(a);
    const [{ count }] = (await ctx.sql`SELECT count(*)::int AS count FROM complaints WHERE reference = ${a!.reference}`) as unknown as [{ count: number }];
    expect(count).toBe(1);
  });

  it('files one complaint for parallel requests with one Idempotency-Key: one 201, the others its answer or 409 to retry', async () => {
    const key = `parallel-${crypto.randomUUID()}`;
    const answers = await Promise.all(Array.from({ length: 6 }, () => post(aComplaint(), { 'idempotency-key': key })));
    const statuses = answers.map((r) => r.status);
    expect(statuses.filter((s) => s === 201)).toHaveLength(1);
    expect(statuses.every((s) => s === 201 || s === 200 || s === 409)).toBe(true);
    const bodies = (await Promise.all(answers.map((r) => r.json()))) as Array<{ reference?: string }>;
    const references = new Set(bodies.map((b) => b.reference).filter(Boolean));
    expect(references.size).toBe(1);
    const [{ count }] = (await ctx.sql`
      SELECT count(*)::int AS count FROM complaints c JOIN intake_requests i ON i.complaint_id = c.id
      WHERE i.idempotency_key LIKE ${`%${key}`}`) as unknown as [{ count: number }];
    expect(count).toBe(1);
    const [{ keys }] = (await ctx.sql`SELECT count(*)::int AS keys FROM complaint_data_keys k WHERE NOT EXISTS (SELECT 1 FROM complaints c WHERE c.id = k.complaint_id)`) as unknown as [{ keys: number }];
    expect(keys).toBe(0); // the losers' transactions left no data key behind
  });

  it("keeps Idempotency-Keys per caller: another caller's same key and body files its own complaint", async () => {
    const key = { 'idempotency-key': `shared-${crypto.randomUUID()}` };
    const agent = await post(aComplaint(), { ...key, ...bearer('agent') });
    const supervisor = await post(aComplaint(), { ...key, ...bearer('supervisor') });
    const anyone = await post(aComplaint(), key);
    expect([agent.status, supervisor.status, anyone.status]).toEqual([201, 201, 201]);
    const bodies = await Promise.all([agent, supervisor, anyone].map(async (r) => intakeResponseSchema.parse(await r.json())));
    expect(new Set(bodies.map((b) => b.reference)).size).toBe(3);
    expect(new Set(bodies.map((b) => b.pin)).size).toBe(3);
    const agentAgain = await post(aComplaint(), { ...key, ...bearer('agent') });
    expect(agentAgain.status).toBe(200);
    expect(await agentAgain.json()).toEqual(bodies[0]);
    const [row] = await ctx.sql`SELECT idempotency_key FROM intake_requests WHERE complaint_id = ${bodies[2]!.id}`;
    expect(row!.idempotency_key).toMatch(new RegExp(`^public:[0-9a-f]{32}:${key['idempotency-key']}$`));
  });

  it('keeps keyless Idempotency-Keys per client address: the same key from two clients files two complaints, no 409', async () => {
    const key = `mine-${crypto.randomUUID()}`;
    const from = (address: string, body = aComplaint()) => post(body, { 'idempotency-key': key, 'x-forwarded-for': address });
    const first = await from('198.51.100.41');
    const other = await from('198.51.100.42', aComplaint({ subject: 'A different complaint' }));
    expect([first.status, other.status]).toEqual([201, 201]);
    const [a, b] = await Promise.all([first, other].map(async (r) => intakeResponseSchema.parse(await r.json())));
    expect(a!.reference).not.toBe(b!.reference);
    const retry = await from('198.51.100.41');
    expect(retry.status).toBe(200);
    expect(await retry.json()).toEqual(a);
    const rows = await ctx.sql<{ idempotency_key: string }[]>`SELECT idempotency_key FROM intake_requests WHERE complaint_id IN ${ctx.sql([a!.id, b!.id])}`;
    for (const r of rows) expect(r.idempotency_key).not.toContain('198.51.100');
    // Nor a plain hash of it, which anyone could reverse by trying IPv4's few billion addresses.
    const plain = createHash('sha256').update('198.51.100.41').digest('hex').slice(0, 32);
    for (const r of rows) expect(r.idempotency_key).not.toContain(plain);
  });

  it('refuses an Idempotency-Key reused with a different body (409)', async () => {
    const headers = { 'idempotency-key': `reuse-${crypto.randomUUID()}` };
    await post(aComplaint(), headers);
    const res = await post(aComplaint({ subject: 'Something else entirely' }), headers);
    expect(res.status).toBe(409);
    expect(errorBodySchema.parse(await res.json()).error.code).toBe('CONFLICT');
  });

  it('refuses a retry with a key older than 24 hours (409), without the PIN, once the sealed response is erased', async () => {
    const headers = { 'idempotency-key': `old-${crypto.randomUUID()}` };
    const first = intakeResponseSchema.parse(await (await post(aComplaint(), headers)).json());
    await eventually(async () => {
      const [row] = await ctx.sql`SELECT 1 FROM complaints WHERE id = ${first.id} AND recorded_at IS NOT NULL`;
      return row;
    });
    await ctx.sql`UPDATE intake_requests SET created_at = now() - interval '25 hours' WHERE complaint_id = ${first.id}`;
    expect(await purgeExpiredIntakeResponses(ctx.sql)).toBeGreaterThanOrEqual(1);
    const res = await post(aComplaint(), headers);
    expect(res.status).toBe(409);
    const text = await res.text();
    expect(errorBodySchema.parse(JSON.parse(text)).error).toMatchObject({
      code: 'CONFLICT',
      message: 'This Idempotency-Key is older than 24 hours; file again without it',
    });
    expect(text).not.toContain(first.pin);
  });

  it('answers 400 naming each bad field', async () => {
    const res = await post({ channel: 'pigeon', customer: { email: 'not-an-email', locale: 'tr' }, subject: 'x' });
    expect(res.status).toBe(400);
    const { error } = errorBodySchema.parse(await res.json());
    expect(error.code).toBe('VALIDATION_FAILED');
    const paths = (error.details as Array<{ path: string }>).map((d) => d.path).sort();
    expect(paths).toEqual(['channel', 'customer.email', 'customer.name', 'description', 'subject']);
  });

  it.each([
    ['a NUL', 'Makine sızdırıyor\\u0000 ve çalışmıyor'],
    ['an unpaired surrogate', 'Makine sızdırıyor \\ud83d ve çalışmıyor'],
  ])('answers 400 naming the field, not 500, for %s in a text, and nothing is written', async (_what, escaped) => {
    const [{ before }] = (await ctx.sql`SELECT count(*)::int AS before FROM complaints`) as unknown as [{ before: number }];
    const body = JSON.stringify(aComplaint({ description: 'PLACEHOLDER-DESCRIPTION', customer: { ...aComplaint().customer, name: 'PLACEHOLDER-NAME' } }));
    const res = await post(body.replace('PLACEHOLDER-DESCRIPTION', escaped).replace('PLACEHOLDER-NAME', `Ay\\u0000şe`));
    expect(res.status).toBe(400);
    const { error } = errorBodySchema.parse(await res.json());
    expect(error).toMatchObject({ code: 'VALIDATION_FAILED' });
    expect((error.details as Array<{ path: string }>).map((d) => d.path).sort()).toEqual(['customer.name', 'description']);
    const [{ after }] = (await ctx.sql`SELECT count(*)::int AS after FROM complaints`) as unknown as [{ after: number }];
    expect(after).toBe(before);
  });

  it('answers 400 naming the header for an Idempotency-Key with characters outside visible ASCII', async () => {
    const res = await post(aComplaint(), { 'idempotency-key': 'schlüssel-12345' });
    expect(res.status).toBe(400);
    expect(errorBodySchema.parse(await res.json()).error.details).toEqual([expect.objectContaining({ path: 'header.idempotency-key' })]);
  });

  it('refuses a body over 128 KiB with 413 PAYLOAD_TOO_LARGE before reading it, by Content-Length or by stream', async () => {
    const big = JSON.stringify(aComplaint({ description: 'x'.repeat(129 * 1024) }));
    const declared = await post(big, { 'content-length': String(Buffer.byteLength(big)) });
    expect(declared.status).toBe(413);
    expect(errorBodySchema.parse(await declared.json()).error).toMatchObject({ code: 'PAYLOAD_TOO_LARGE', requestId: expect.any(String) });
    const chunks = [new TextEncoder().encode(big.slice(0, 100_000)), new TextEncoder().encode(big.slice(100_000))];
    const streamed = await app.request('/v1/complaints', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: new ReadableStream({
        start(controller) {
          for (const chunk of chunks) controller.enqueue(chunk);
          controller.close();
        },
      }),
      duplex: 'half',
    } as RequestInit);
    expect(streamed.status).toBe(413);
    // The biggest valid complaint still fits.
    const longest = aComplaint({ description: 'ş'.repeat(10_000), subject: 'ş'.repeat(200) });
    expect((await post(longest)).status).toBe(201);
  });

  it('answers 400 for a body that is not JSON, and nothing is written', async () => {
    const [{ before }] = (await ctx.sql`SELECT count(*)::int AS before FROM complaints`) as unknown as [{ before: number }];
    const res = await post('{"channel": ');
    expect(res.status).toBe(400);
    expect(errorBodySchema.parse(await res.json()).error.code).toBe('VALIDATION_FAILED');
    const [{ after }] = (await ctx.sql`SELECT count(*)::int AS after FROM complaints`) as unknown as [{ after: number }];
    expect(after).toBe(before);
  });

  it('answers 400 VALIDATION_FAILED, not 415, for a body sent as another content type', async () => {
    const res = await post(JSON.stringify(aComplaint()), { 'content-type': 'text/plain' });
    expect(res.status).toBe(400);
    const { error } = errorBodySchema.parse(await res.json());
    expect(error).toMatchObject({ code: 'VALIDATION_FAILED', message: expect.stringContaining('application/json') });
  });

  it('accepts only the web channel without a key (401), other channels from staff', async () => {
    expect((await post(aComplaint({ channel: 'phone' }))).status).toBe(401);
    expect((await post(aComplaint({ channel: 'phone' }), bearer('agent'))).status).toBe(201);
    expect((await post(aComplaint({ channel: 'phone' }), bearer('auditor'))).status).toBe(403);
  });

  it('rate-limits keyless intake per client address (429 with Retry-After)', async () => {
    const limited = ctx.app({ publicIntakePerMinute: 2, trustProxy: true });
    const from = (ip: string) => ({ 'content-type': 'application/json', 'x-forwarded-for': ip });
    const send = (ip: string) => limited.request('/v1/complaints', { method: 'POST', headers: from(ip), body: JSON.stringify(aComplaint()) });
    expect((await send('203.0.113.7')).status).toBe(201);
    expect((await send('203.0.113.7')).status).toBe(201);
    const third = await send('203.0.113.7');
    expect(third.status).toBe(429);
    expect(Number(third.headers.get('retry-after'))).toBeGreaterThan(0);
    expect((await send('203.0.113.8')).status).toBe(201);
  });

  it('counts invalid and oversized keyless requests against the address budget too', async () => {
    const limited = ctx.app({ publicIntakePerMinute: 2, trustProxy: true });
    const send = (body: string) =>
      limited.request('/v1/complaints', { method: 'POST', headers: { 'content-type': 'application/json', 'x-forwarded-for': '203.0.113.77' }, body });
    expect((await send('{"channel": ')).status).toBe(400);
    expect((await send(JSON.stringify(aComplaint({ description: 'x'.repeat(200_000) })))).status).toBe(413);
    const third = await send(JSON.stringify(aComplaint()));
    expect(third.status).toBe(429);
  });

  it('limits by the address our proxy appended to X-Forwarded-For, however the client spoofs the first entry', async () => {
    const limited = ctx.app({ publicIntakePerMinute: 2, trustProxy: true });
    const send = (spoofed: string) =>
      limited.request('/v1/complaints', {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-forwarded-for': `${spoofed}, 198.51.100.23` },
        body: JSON.stringify(aComplaint()),
      });
    expect((await send('10.0.0.1')).status).toBe(201);
    expect((await send('10.0.0.2')).status).toBe(201);
    expect((await send('10.0.0.3')).status).toBe(429);
  });
});

describe('GET /v1/complaints/{reference}', () => {
  it('returns the complaint, recorded by its workflow, to staff', async () => {
    const { reference } = (await (await post(aComplaint())).json()) as { reference: string };
    const complaint = await eventually(async () => {
      const res = await app.request(`/v1/complaints/${reference}`, { headers: bearer('agent') });
      const body = complaintSchema.parse(await res.json());
      return body.recordedByWorkflow ? body : undefined;
    });
    expect(complaint).toMatchObject({ reference, status: 'received', channel: 'web', customer: { name: 'Ayşe Yılmaz' } });
    const events = await ctx.sql`SELECT seq, type FROM complaint_events WHERE complaint_id = ${complaint.id} ORDER BY seq`;
    // The GET asks the workflow for the allowed decisions: `process_started` may be recorded by now.
    expect(events.map((e) => e.type).slice(0, 2)).toEqual(['received', 'registered']);
  });

  it.each([
    ['no key', {}, 401, 'UNAUTHENTICATED'],
    ['a wrong key', { authorization: 'Bearer nope' }, 401, 'UNAUTHENTICATED'],
    ['a role that may not read', bearer('process_owner'), 403, 'NOT_ALLOWED_FOR_ROLE'],
  ])('refuses %s', async (_what, headers, status, code) => {
    const res = await app.request('/v1/complaints/CMP-2026-000001', { headers });
    expect(res.status).toBe(status);
    expect(errorBodySchema.parse(await res.json()).error.code).toBe(code);
  });

  it('answers 404 for an unknown reference and 400 for a malformed one', async () => {
    expect((await app.request('/v1/complaints/CMP-1999-999999', { headers: bearer('agent') })).status).toBe(404);
    const bad = await app.request('/v1/complaints/nonsense', { headers: bearer('agent') });
    expect(bad.status).toBe(400);
    expect(errorBodySchema.parse(await bad.json()).error.details).toEqual([{ path: 'param.reference', message: expect.any(String) }]);
  });
});
