// Delivery reports from a webhook gateway: POST /hooks/sms/webhook through the whole API, signed as
// the protocol says, moving the outbox row a staff member sees.
import { createHmac } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { integrationContext, SMS_WEBHOOK_SECRET, type IntegrationContext } from '../helpers/integration.js';
import { rowStatus, sentSmsRows } from './sms-rows.js';

let ctx: IntegrationContext;
let app: ReturnType<IntegrationContext['app']>;

beforeAll(async () => {
  ctx = await integrationContext();
  app = ctx.app();
});
afterAll(() => ctx.close());

/** Signed the way a gateway signs it (computed here, not with our module). */
function report(body: unknown, opts: { secret?: string; timestamp?: number; signature?: string } = {}) {
  const raw = JSON.stringify(body);
  const timestamp = String(opts.timestamp ?? Math.floor(Date.now() / 1000));
  const signature = opts.signature ?? `sha256=${createHmac('sha256', opts.secret ?? SMS_WEBHOOK_SECRET).update(`${timestamp}.${raw}`).digest('hex')}`;
  return app.request('/hooks/sms/webhook', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'X-Plaint-Timestamp': timestamp, 'X-Plaint-Signature': signature },
    body: raw,
  });
}

describe('POST /hooks/sms/webhook', () => {
  it('marks the SMS delivered, and a repeated report changes nothing', async () => {
    const { rowIds } = await sentSmsRows(ctx.sql, 'webhook', ['wh-delivered-1']);
    const res = await report({ messageId: 'wh-delivered-1', status: 'delivered' });
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ messageId: 'wh-delivered-1', status: 'delivered', changed: true });
    expect(await rowStatus(ctx.sql, rowIds[0]!)).toMatchObject({ status: 'delivered', delivered_at: expect.any(Date) });
    const again = await report({ messageId: 'wh-delivered-1', status: 'failed' });
    expect(await again.json()).toMatchObject({ status: 'delivered', changed: false });
  });

  it('records a bounce with the gateway\'s reason', async () => {
    const { rowIds } = await sentSmsRows(ctx.sql, 'webhook', ['wh-bounced-1']);
    expect((await report({ messageId: 'wh-bounced-1', status: 'bounced', error: 'number not in service' })).status).toBe(200);
    expect(await rowStatus(ctx.sql, rowIds[0]!)).toMatchObject({ status: 'bounced', last_error: 'number not in service' });
    // A bounce reported later is a failure like any other: logged, and the complaint's team told.
    const [notice] = await ctx.sql`SELECT template, audience, channel FROM outbox_messages WHERE about_message_id = ${rowIds[0]!}`;
    expect(notice).toEqual({ template: 'delivery_failed', audience: 'staff', channel: 'staff_inbox' });
    const log = await ctx.sql`SELECT event, detail FROM outbox_delivery_log WHERE message_id = ${rowIds[0]!}`;
    expect(log).toEqual([{ event: 'bounced', detail: 'number not in service' }]);
    // A repeated report tells nobody twice.
    await report({ messageId: 'wh-bounced-1', status: 'bounced', error: 'number not in service' });
    expect(await ctx.sql`SELECT id FROM outbox_messages WHERE about_message_id = ${rowIds[0]!}`).toHaveLength(1);
  });

  it('refuses a wrong signature, a missing one and a stale timestamp, naming the header', async () => {
    const { rowIds } = await sentSmsRows(ctx.sql, 'webhook', ['wh-forged-1']);
    const forged = await report({ messageId: 'wh-forged-1', status: 'delivered' }, { secret: 'not-the-shared-secret' });
    expect(forged.status).toBe(401);
    expect(await forged.json()).toMatchObject({
      error: { code: 'UNAUTHENTICATED', details: { header: 'X-Plaint-Signature', problem: 'does not match the body and timestamp' } },
    });
    const stale = await report({ messageId: 'wh-forged-1', status: 'delivered' }, { timestamp: Math.floor(Date.now() / 1000) - 301 });
    expect(stale.status).toBe(401);
    expect(await stale.json()).toMatchObject({ error: { details: { header: 'X-Plaint-Timestamp' } } });
    const unsigned = await app.request('/hooks/sms/webhook', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{}' });
    expect(unsigned.status).toBe(401);
    expect(await rowStatus(ctx.sql, rowIds[0]!)).toMatchObject({ status: 'sent' });
  });

  it('names each bad field of a signed report', async () => {
    const res = await report({ messageId: '', status: 'read' });
    expect(res.status).toBe(400);
    const body = (await res.json()) as { error: { code: string; details: Array<{ path: string }> } };
    expect(body.error.code).toBe('VALIDATION_FAILED');
    expect(body.error.details.map((d) => d.path).sort()).toEqual(['messageId', 'status']);
  });

  it('answers 404 for a messageId no SMS has, so the gateway tries again later', async () => {
    const res = await report({ messageId: 'wh-never-sent', status: 'delivered' });
    expect(res.status).toBe(404);
    expect(await res.json()).toMatchObject({ error: { code: 'NOT_FOUND', details: { messageId: 'wh-never-sent' } } });
  });

  it('applies a webhook report only to rows sent through the webhook', async () => {
    const { rowIds } = await sentSmsRows(ctx.sql, 'netgsm', ['shared-id-1']);
    expect((await report({ messageId: 'shared-id-1', status: 'delivered' })).status).toBe(404);
    expect(await rowStatus(ctx.sql, rowIds[0]!)).toMatchObject({ status: 'sent' });
  });
});
