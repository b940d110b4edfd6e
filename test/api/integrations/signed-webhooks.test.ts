// Only the platform that holds an integration's secret files complaints through
// POST /v1/integrations/{source}/complaints, and only with a request signed within the last 5 minutes:
// a forged, foreign, stale or replayed-late request is refused and files nothing.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { integrationContext, type IntegrationContext } from '../../helpers/integration.js';
import {
  aPlatformComplaint,
  CHAT_PREVIOUS_SECRET,
  CHAT_SECRET,
  nowSeconds,
  platformSignature,
  signedComplaintRequest,
  SOCIAL_SECRET,
} from '../../helpers/integration-webhooks.js';

let ctx: IntegrationContext;
let app: ReturnType<IntegrationContext['app']>;
beforeAll(async () => {
  ctx = await integrationContext();
  await ctx.startWorker();
  app = ctx.app();
});
afterAll(() => ctx?.close());

const post = (source: string, init: RequestInit) => app.request(`/v1/integrations/${source}/complaints`, init);

/** Complaints filed for a platform message id (its row is written with the complaint). */
async function complaintsFor(messageId: unknown): Promise<number> {
  const [row] = await ctx.sql<{ n: number }[]>`SELECT count(*)::int AS n FROM integration_messages WHERE message_id = ${String(messageId)}`;
  return row!.n;
}

async function refusal(res: Response) {
  return { status: res.status, error: ((await res.json()) as { error: { code: string; details?: unknown } }).error };
}

describe('a signed platform request', () => {
  it('files a complaint when signed with the integration’s secret, and with its previous one while the secret rotates', async () => {
    for (const secret of [CHAT_SECRET, CHAT_PREVIOUS_SECRET]) {
      const body = aPlatformComplaint();
      const res = await post('test-chat', signedComplaintRequest(body, { secret }));
      expect(res.status).toBe(201);
      expect(res.headers.get('location')).toMatch(/^\/v1\/complaints\/CMP-/);
      expect(await complaintsFor(body.messageId)).toBe(1);
    }
  });
});

describe('a request that is not the platform’s', () => {
  it('refuses a signature that does not match the body (another body under a captured signature)', async () => {
    const captured = aPlatformComplaint();
    const timestamp = nowSeconds();
    const signature = platformSignature(CHAT_SECRET, timestamp, JSON.stringify(captured));
    const forged = { ...captured, transcript: [{ from: 'customer', at: '2026-12-01T11:03:00Z', text: 'Başka bir metin, başka bir şikâyet.' }] };
    const res = await post('test-chat', signedComplaintRequest(forged, { secret: CHAT_SECRET, timestamp, signature }));
    expect(await refusal(res)).toMatchObject({
      status: 401,
      error: { code: 'UNAUTHENTICATED', details: { header: 'X-Plaint-Signature', problem: 'does not match the body and timestamp' } },
    });
    expect(await complaintsFor(captured.messageId)).toBe(0);
  });

  it('refuses a request signed with another integration’s secret, or a made-up one', async () => {
    for (const secret of [SOCIAL_SECRET, 'a-secret-nobody-configured-anywhere-at-all']) {
      const body = aPlatformComplaint();
      expect((await post('test-chat', signedComplaintRequest(body, { secret }))).status).toBe(401);
      expect(await complaintsFor(body.messageId)).toBe(0);
    }
  });

  it.each([
    ['more than 5 minutes old', -301],
    ['more than 5 minutes ahead', 301],
  ])('refuses a timestamp %s, signed correctly', async (_when, offsetSeconds) => {
    const body = aPlatformComplaint();
    const res = await post('test-chat', signedComplaintRequest(body, { secret: CHAT_SECRET, timestamp: nowSeconds() + offsetSeconds }));
    expect(await refusal(res)).toMatchObject({ status: 401, error: { details: { header: 'X-Plaint-Timestamp', problem: 'more than 300 seconds from our clock' } } });
    expect(await complaintsFor(body.messageId)).toBe(0);
  });

  it('refuses a request without its signature headers, naming the missing one', async () => {
    const raw = JSON.stringify(aPlatformComplaint());
    const unsigned = await post('test-chat', { method: 'POST', headers: { 'content-type': 'application/json' }, body: raw });
    expect(await refusal(unsigned)).toMatchObject({ status: 401, error: { details: { header: 'X-Plaint-Timestamp', problem: 'missing' } } });
    const noSignature = await post('test-chat', { method: 'POST', headers: { 'content-type': 'application/json', 'x-plaint-timestamp': String(nowSeconds()) }, body: raw });
    expect(await refusal(noSignature)).toMatchObject({ status: 401, error: { details: { header: 'X-Plaint-Signature', problem: 'missing' } } });
  });

  it('answers 404 for a source nobody configured, and 401 for one whose secret is not configured', async () => {
    const body = aPlatformComplaint();
    expect(await refusal(await post('no-such-platform', signedComplaintRequest(body, { secret: CHAT_SECRET })))).toMatchObject({
      status: 404,
      error: { code: 'NOT_FOUND', details: { source: 'no-such-platform' } },
    });
    expect(await refusal(await post('test-unsigned', signedComplaintRequest(body, { secret: CHAT_SECRET })))).toMatchObject({
      status: 401,
      error: { code: 'UNAUTHENTICATED', details: { source: 'test-unsigned' } },
    });
    expect(await complaintsFor(body.messageId)).toBe(0);
  });

  it('checks the signature before the body: an unsigned invalid body is 401, not a list of its bad fields', async () => {
    const res = await post('test-chat', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"messageId":""}' });
    expect(res.status).toBe(401);
  });
});

describe('a replayed request', () => {
  it('answers a replay within the 5 minutes with the same complaint, filing nothing new', async () => {
    const init = signedComplaintRequest(aPlatformComplaint(), { secret: CHAT_SECRET });
    const first = await post('test-chat', init);
    expect(first.status).toBe(201);
    const replayed = await post('test-chat', init);
    expect(replayed.status).toBe(200);
    const [a, b] = [(await first.json()) as { reference: string }, (await replayed.json()) as { reference: string }];
    expect(b.reference).toBe(a.reference);
    expect(await complaintsFor(JSON.parse(init.body as string).messageId)).toBe(1);
  });

  it('refuses the same signed bytes replayed once the 5 minutes have passed', async () => {
    // Signed 298 seconds ago: accepted now, stale in three seconds.
    const init = signedComplaintRequest(aPlatformComplaint(), { secret: CHAT_SECRET, timestamp: nowSeconds() - 298 });
    expect((await post('test-chat', init)).status).toBe(201);
    await new Promise((r) => setTimeout(r, 3_100));
    const replayed = await post('test-chat', init);
    expect(await refusal(replayed)).toMatchObject({ status: 401, error: { details: { header: 'X-Plaint-Timestamp' } } });
    expect(await complaintsFor(JSON.parse(init.body as string).messageId)).toBe(1);
  });
});
