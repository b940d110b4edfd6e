// A crash between the provider's acceptance and our record leaves a row `sending`. The next
// dispatcher to claim it (after the lease) must not send a second, different message: the SMS
// gateway is asked and the row recorded; an e-mail goes again under the same Message-ID. And two
// dispatchers running side by side never send one row twice.
import { randomUUID } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Accepted, EmailTransport, OutgoingEmail, OutgoingSms, SmsProvider } from '../../delivery/transport.js';
import { deliverUntil, messageIn, useDeliveryWorld, type DeliveryWorld } from './delivery-world.js';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openSentJournal, type SentJournal } from '../../delivery/sent-journal.js';

let w: DeliveryWorld;
useDeliveryWorld((world) => (w = world));

/** A tiny gateway over real HTTP: POST / takes `{id,to,text}` (idempotent on id), GET /{id} answers what it holds. */
function startGateway() {
  const accepted = new Map<string, { messageId: string; to: string; text: string }>();
  const posts: string[] = [];
  const server: Server = createServer((req, res) => {
    let body = '';
    req.on('data', (chunk: Buffer) => (body += chunk.toString()));
    req.on('end', () => {
      if (req.method === 'POST') {
        const { id, to, text } = JSON.parse(body) as { id: string; to: string; text: string };
        posts.push(id);
        const known = accepted.get(id) ?? { messageId: `gw-${randomUUID()}`, to, text };
        accepted.set(id, known);
        res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ messageId: known.messageId }));
        return;
      }
      const known = accepted.get(decodeURIComponent(req.url!.slice(1)));
      res.writeHead(known ? 200 : 404, { 'content-type': 'application/json' }).end(JSON.stringify(known ? { messageId: known.messageId, status: 'accepted' } : {}));
    });
  });
  return { server, posts, accepted };
}

let gateway: ReturnType<typeof startGateway>;
let gatewayUrl: string;
beforeAll(async () => {
  gateway = startGateway();
  await new Promise<void>((resolve) => gateway.server.listen(0, '127.0.0.1', resolve));
  gatewayUrl = `http://127.0.0.1:${(gateway.server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise((resolve) => gateway.server.close(resolve)));

const sms: SmsProvider = {
  name: 'tiny',
  async send(m: OutgoingSms): Promise<Accepted> {
    const res = await fetch(gatewayUrl, { method: 'POST', body: JSON.stringify({ id: m.idempotencyKey, to: m.to, text: m.text }) });
    return { providerMessageId: ((await res.json()) as { messageId: string }).messageId };
  },
  async findAccepted(key: string): Promise<Accepted | null> {
    const res = await fetch(`${gatewayUrl}/${encodeURIComponent(key)}`);
    return res.status === 200 ? { providerMessageId: ((await res.json()) as { messageId: string }).messageId } : null;
  },
};

/** The process "dies" after the provider took the message: the send never returns (until released). */
function dyingAfterSend<T extends { send(m: never): Promise<Accepted> }>(provider: T, sent: (m: Parameters<T['send']>[0]) => boolean) {
  let release = () => {};
  const gate = new Promise<void>((resolve) => (release = resolve));
  const wrapped = {
    ...provider,
    async send(m: Parameters<T['send']>[0]) {
      const accepted = await provider.send(m as never);
      if (sent(m)) await gate;
      return accepted;
    },
  } as T;
  return { provider: wrapped, release };
}

const PHONE = '+90 532 111 22 33';

describe('a crash between sending and recording', () => {
  it('does not send an SMS twice: the next dispatcher finds it at the gateway and records it', async () => {
    const dying = dyingAfterSend(sms, (m: OutgoingSms) => m.to === '+905321112233');
    const since = new Date();
    const first = w.dispatcher({ sms: dying.provider, notBefore: since });
    const c = await w.d.file({ channel: 'phone', customer: { name: 'Ayşe Yılmaz', phone: PHONE, locale: 'tr', country: 'TR' } }, 'agent');
    // A phone complaint's acknowledgement is the SMS with the reference and the tracking PIN.
    const ack = await waitForAck(c.id, 'tracking_pin');
    const crashed = first.runOnce();
    await deliverUntil({ runOnce: async () => 0 }, async () => (gateway.posts.includes(ack.key) ? true : undefined));
    expect((await messageIn(w, c, 'tracking_pin', 'sending'))?.attempts).toBe(1);

    const second = w.dispatcher({ sms, leaseMs: 300, notBefore: since });
    const recorded = await deliverUntil(second, () => messageIn(w, c, 'tracking_pin', 'sent'));
    expect(recorded).toMatchObject({ attempts: 2, provider: 'tiny', providerMessageId: gateway.accepted.get(ack.key)!.messageId });
    expect(gateway.posts.filter((id) => id === ack.key)).toHaveLength(1);

    // The first one wakes up: its claim was taken over, so it changes nothing.
    dying.release();
    await crashed;
    expect(await messageIn(w, c, 'tracking_pin', 'sent')).toMatchObject({ attempts: 2, providerMessageId: recorded.providerMessageId });
  });

  it('resends an e-mail under the same Message-ID, which SMTP cannot be asked about', async () => {
    const email = 'ayse.crash@example.com';
    const dying = dyingAfterSend(w.smtp(), (m: OutgoingEmail) => m.to.includes(email));
    const since = new Date();
    const first = w.dispatcher({ email: dying.provider, notBefore: since });
    const c = await w.d.file({ customer: { name: 'Ayşe Yılmaz', email, locale: 'tr', country: 'TR' } });
    await waitForAck(c.id);
    const crashed = first.runOnce();
    await deliverUntil({ runOnce: async () => 0 }, async () => (w.catcher.to(email).length === 1 ? true : undefined));

    const second = w.dispatcher({ leaseMs: 300, notBefore: since });
    const sent = await deliverUntil(second, () => messageIn(w, c, 'acknowledgement', 'sent'));
    const copies = w.catcher.to(email);
    expect(copies).toHaveLength(2);
    expect(new Set(copies.map((m) => m.messageId))).toEqual(new Set([`<${await w.keyOf(sent.id)}@plaint.test>`]));
    expect(sent.attempts).toBe(2);
    dying.release();
    await crashed;
  });
});

describe('an e-mail the server took before PostgreSQL recorded it (the sent journal)', () => {
  it('is recorded as sent by the restarted process, not sent again', async () => {
    const email = 'ayse.journal@example.com';
    const file = join(await mkdtemp(join(tmpdir(), 'plaint-journal-')), 'delivery-sent.journal');
    const journal = openSentJournal(file);
    // The process dies right after the journal's fsync: PostgreSQL never hears of the send.
    const dying: SentJournal = { find: journal.find, add: (key, id) => (journal.add(key, id), (() => { throw new Error('killed after the journal write'); })()) };
    const since = new Date();
    const c = await w.d.file({ customer: { name: 'Ayşe Yılmaz', email, locale: 'tr', country: 'TR' } });
    await waitForAck(c.id);
    await deliverUntil(w.dispatcher({ sentJournal: dying, notBefore: since }), async () => (w.catcher.to(email).length === 1 ? true : undefined));

    const restarted = w.dispatcher({ sentJournal: openSentJournal(file), notBefore: since });
    const sent = await deliverUntil(restarted, () => messageIn(w, c, 'acknowledgement', 'sent'));
    expect(w.catcher.to(email)).toHaveLength(1);
    expect(sent.attempts).toBe(2);
  });
});

describe('two dispatchers side by side', () => {
  it('send every message exactly once', async () => {
    const a = w.dispatcher({ batchSize: 2 });
    const b = w.dispatcher({ batchSize: 2 });
    const emails = Array.from({ length: 6 }, (_, i) => `ayse.pair${i}@example.com`);
    const complaints = await Promise.all(emails.map((email) => w.d.file({ customer: { name: 'Ayşe Yılmaz', email, locale: 'tr', country: 'TR' } })));
    await Promise.all(complaints.map((c) => waitForAck(c.id)));
    const runs = [a.start(), b.start()];
    try {
      for (const c of complaints) await deliverUntil({ runOnce: async () => 0 }, () => messageIn(w, c, 'acknowledgement', 'sent'), 30_000);
    } finally {
      await Promise.all(runs.map((r) => r.stop()));
    }
    for (const email of emails) expect(w.catcher.to(email), email).toHaveLength(1);
    const rows = await w.ctx.sql<{ attempts: number }[]>`
      SELECT attempts FROM outbox_messages WHERE complaint_id = ANY(${complaints.map((c) => c.id)}) AND status = 'sent'`;
    expect(rows.every((r) => r.attempts === 1)).toBe(true);
  });
});

async function waitForAck(complaintId: string, template = 'acknowledgement'): Promise<{ id: number; key: string }> {
  return deliverUntil({ runOnce: async () => 0 }, async () => {
    const [row] = await w.ctx.sql<{ id: number; key: string }[]>`
      SELECT id, idempotency_key AS key FROM outbox_messages WHERE complaint_id = ${complaintId} AND template = ${template}`;
    return row;
  });
}
