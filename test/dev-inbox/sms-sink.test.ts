// The dev inbox's SMS sink, spoken to as Plaint's webhook adapter does (the generic SMS webhook
// protocol): signed requests only, one message per id, lookups, and a delivery report back.
import { createHmac } from 'node:crypto';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import { Hono } from 'hono';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDevInbox, type DevInbox, type InboxSms } from '../../dev-inbox/index.js';
import { eventually } from '../helpers/integration.js';

const SECRET = 'sms-webhook-secret-for-the-dev-inbox-test';
let inbox: DevInbox;
let reports: Array<{ body: string; timestamp: string; signature: string }>;
let plaint: Server;

const sign = (timestamp: string, body: string) => `sha256=${createHmac('sha256', SECRET).update(`${timestamp}.${body}`).digest('hex')}`;
const nowSeconds = () => String(Math.floor(Date.now() / 1000));

function post(body: object, opts: { secretSigned?: boolean; timestamp?: string } = {}) {
  const raw = JSON.stringify(body);
  const timestamp = opts.timestamp ?? nowSeconds();
  const signature = opts.secretSigned === false ? `sha256=${'0'.repeat(64)}` : sign(timestamp, raw);
  return fetch(inbox.smsUrl, { method: 'POST', headers: { 'content-type': 'application/json', 'x-plaint-timestamp': timestamp, 'x-plaint-signature': signature }, body: raw });
}

function lookup(id: string) {
  const timestamp = nowSeconds();
  return fetch(`${inbox.smsUrl}/${encodeURIComponent(id)}`, { headers: { 'x-plaint-timestamp': timestamp, 'x-plaint-signature': sign(timestamp, '') } });
}

beforeAll(async () => {
  // Plaint's delivery-report endpoint, as far as the sink can tell: it records what it is sent.
  reports = [];
  const hooks = new Hono().post('/hooks/sms/webhook', async (c) => {
    reports.push({ body: await c.req.text(), timestamp: c.req.header('x-plaint-timestamp') ?? '', signature: c.req.header('x-plaint-signature') ?? '' });
    return c.json({ ok: true });
  });
  const port = await new Promise<number>((resolve) => {
    plaint = serve({ fetch: hooks.fetch, port: 0, hostname: '127.0.0.1' }, (info) => resolve(info.port)) as Server;
  });
  inbox = await startDevInbox({
    smtpPort: 0, smsPort: 0, httpPort: 0, smsSecret: SECRET,
    deliveryReportUrl: `http://127.0.0.1:${port}/hooks/sms/webhook`, deliveryReportDelayMs: 50,
  });
});
afterAll(async () => {
  await inbox?.close();
  await new Promise((r) => plaint?.close(r));
});

describe('the dev inbox: SMS', () => {
  it('accepts a signed SMS, shows it with its encoding and segments, and reports it delivered to Plaint', async () => {
    const text = 'PLT-2026-000042: şikayetiniz alındı. Takip: https://plaint.test/t/PLT-2026-000042 PIN 123456';
    const res = await post({ id: 'idem-sms-1', to: '+905321234567', text, encoding: 'UCS-2', segments: 2 });
    expect(res.status).toBe(202);
    const { messageId } = (await res.json()) as { messageId: string };
    expect(messageId).toMatch(/\S/);

    const page = await (await fetch(inbox.inboxUrl)).text();
    expect(page).toContain('SMS to +905321234567');
    expect(page).toContain('<a href="https://plaint.test/t/PLT-2026-000042">');
    expect(page).toMatch(/<dt>Encoding<\/dt><dd>UCS-2<\/dd><dt>Segments<\/dt><dd>2<\/dd>/);

    const report = await eventually(async () => reports[0]);
    expect(JSON.parse(report.body)).toEqual({ messageId, status: 'delivered' });
    expect(report.signature).toBe(sign(report.timestamp, report.body));
    await eventually(async () => ((await (await lookup('idem-sms-1')).json()) as { status: string }).status === 'delivered' || undefined);
    expect(inbox.messages().find((m): m is InboxSms => m.kind === 'sms' && m.clientId === 'idem-sms-1')).toMatchObject({ status: 'delivered', reportResult: 'HTTP 200' });
  });

  it('answers a lookup by the sender\u2019s id, and 404 for an id it never received', async () => {
    await post({ id: 'idem-sms-2', to: '+994501234567', text: 'Şikayətiniz qəbul edildi', encoding: 'UCS-2', segments: 1 });
    const found = await lookup('idem-sms-2');
    expect(found.status).toBe(200);
    expect(await found.json()).toMatchObject({ messageId: expect.any(String), status: expect.stringMatching(/^(accepted|delivered)$/) });
    expect((await lookup('never-sent')).status).toBe(404);
  });

  it('refuses a bad signature and a stale timestamp with 401, and keeps nothing', async () => {
    const before = inbox.messages().length;
    const forged = await post({ id: 'idem-forged', to: '+905321234567', text: 'forged', encoding: 'GSM-7', segments: 1 }, { secretSigned: false });
    expect(forged.status).toBe(401);
    expect(await forged.json()).toMatchObject({ message: expect.stringContaining('X-Plaint-Signature') });
    const stale = await post({ id: 'idem-stale', to: '+905321234567', text: 'old', encoding: 'GSM-7', segments: 1 }, { timestamp: String(Math.floor(Date.now() / 1000) - 600) });
    expect(stale.status).toBe(401);
    const unsignedLookup = await fetch(`${inbox.smsUrl}/idem-sms-1`);
    expect(unsignedLookup.status).toBe(401);
    expect(inbox.messages()).toHaveLength(before);
  });

  it('keeps an SMS sent twice with the same id once and answers the same messageId', async () => {
    const sms = { id: 'idem-sms-3', to: '+905329876543', text: 'Bir kez', encoding: 'GSM-7', segments: 1 };
    const first = (await (await post(sms)).json()) as { messageId: string };
    const again = await post(sms);
    expect(again.status).toBe(200);
    expect(await again.json()).toEqual(first);
    expect(inbox.messages().filter((m) => m.kind === 'sms' && m.clientId === 'idem-sms-3')).toHaveLength(1);
  });

  it('names each bad field of a malformed request', async () => {
    const res = await post({ id: 'idem-bad', to: '0532', text: '', encoding: 'ASCII', segments: 0 });
    expect(res.status).toBe(400);
    const { errors } = (await res.json()) as { errors: Array<{ field: string }> };
    expect(errors.map((e) => e.field).sort()).toEqual(['encoding', 'segments', 'text', 'to']);
  });
});
