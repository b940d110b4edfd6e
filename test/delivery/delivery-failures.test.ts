// When the mail server says "later", is down, or refuses the address: retries with backoff,
// then either delivery or `failed` / `bounced` with the team told, visible to staff, who can send
// the message again.
import { describe, expect, it } from 'vitest';
import { bearer } from '../helpers/integration.js';
import { deliverUntil, messageIn, TEAM_LEAD, useDeliveryWorld, type DeliveryWorld } from './delivery-world.js';

let w: DeliveryWorld;
useDeliveryWorld((world) => (w = world));

const TRY_LATER = { code: 421, message: 'Service not available, try again later' };
const NO_MAILBOX = { code: 550, message: 'No such mailbox' };

function customer(email: string) {
  return { customer: { name: 'Ayşe Yılmaz', email, locale: 'tr', country: 'TR' } };
}

function retry(reference: string, id: number, role: 'agent' | 'auditor' = 'agent') {
  return w.d.app.request(`/v1/complaints/${reference}/messages/${id}/retry`, { method: 'POST', headers: bearer(role) });
}

describe('delivery failures', () => {
  it('tries again after "421 try later" and then delivers it once', async () => {
    const dispatcher = w.dispatcher();
    w.catcher.refuse('ayse.later@example.com', TRY_LATER, 1);
    const c = await w.d.file(customer('ayse.later@example.com'));
    const sent = await deliverUntil(dispatcher, () => messageIn(w, c, 'acknowledgement', 'sent'));
    expect(sent).toMatchObject({ attempts: 2, lastError: null });
    expect(w.catcher.to('ayse.later@example.com')).toHaveLength(1);
  });

  it('rides out a mail server outage with growing waits and delivers once it is back', async () => {
    await w.catcher.stop();
    const running = w.dispatcher({ maxAttempts: 10, backoffBaseMs: 200, backoffMaxMs: 800 }).start();
    try {
      const c = await w.d.file(customer('ayse.outage@example.com'));
      const waiting = await deliverUntil({ runOnce: async () => 0 }, async () => {
        const m = (await w.messages(c)).find((x) => x.template === 'acknowledgement');
        return m && m.attempts >= 3 && m.status === 'pending' ? m : undefined;
      });
      expect(waiting.lastError).toMatch(/ECONNREFUSED|ECONNECTION|connect/i);
      const [{ spread } = { spread: 0 }] = await w.ctx.sql<{ spread: number }[]>`
        SELECT (extract(epoch FROM next_attempt_at - now()) * 1000)::float8 AS spread FROM outbox_messages WHERE id = ${waiting.id}`;
      expect(spread).toBeLessThanOrEqual(800);
      await w.catcher.start();
      const sent = await deliverUntil({ runOnce: async () => 0 }, () => messageIn(w, c, 'acknowledgement', 'sent'));
      expect(sent.attempts).toBeGreaterThanOrEqual(4);
      expect(w.catcher.to('ayse.outage@example.com')).toHaveLength(1);
    } finally {
      await w.catcher.start();
      await running.stop();
    }
  });

  it('gives up after the configured attempts: failed, and the team lead is told by e-mail', async () => {
    const dispatcher = w.dispatcher({ maxAttempts: 2 });
    w.catcher.refuse('ayse.flaky@example.com', TRY_LATER, 2);
    const c = await w.d.file(customer('ayse.flaky@example.com'));
    const failed = await deliverUntil(dispatcher, () => messageIn(w, c, 'acknowledgement', 'failed'));
    expect(failed).toMatchObject({ attempts: 2, lastError: expect.stringContaining('421') });
    const notice = await deliverUntil(dispatcher, () => messageIn(w, c, 'delivery_failed', 'sent'));
    expect(notice).toMatchObject({ audience: 'staff', recipient: 'escalation:teamLead' });
    expect(notice.body).toContain('ayse.flaky@example.com');
    expect(notice.body).toContain('2 attempts');
    const mail = w.catcher.mails.find((m) => m.messageId === notice.providerMessageId)!;
    expect(mail.envelopeTo).toEqual([TEAM_LEAD.email]);
    expect(mail.parsed.subject).toContain(c.reference);
  });

  it('marks a refused address bounced at once, tells the team, and sends it again when staff retry', async () => {
    const dispatcher = w.dispatcher();
    w.catcher.refuse('nobody.here@example.com', NO_MAILBOX);
    const c = await w.d.file(customer('nobody.here@example.com'));
    const bounced = await deliverUntil(dispatcher, () => messageIn(w, c, 'acknowledgement', 'bounced'));
    expect(bounced).toMatchObject({ attempts: 1, provider: 'smtp', lastError: expect.stringContaining('550') });
    const notice = await deliverUntil(dispatcher, () => messageIn(w, c, 'delivery_failed', 'sent'));
    expect(notice.body).toContain('the address was refused');

    // What staff may and may not retry.
    expect((await retry(c.reference, notice.id)).status).toBe(409);
    expect(await (await retry(c.reference, notice.id)).json()).toMatchObject({ error: { code: 'CONFLICT' } });
    expect((await retry(c.reference, 987_654_321)).status).toBe(404);
    expect((await retry('CMP-2020-999999', bounced.id)).status).toBe(404);
    expect((await retry(c.reference, bounced.id, 'auditor')).status).toBe(403);

    w.catcher.accept('nobody.here@example.com'); // the mailbox exists now
    const res = await retry(c.reference, bounced.id);
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ id: bounced.id, status: 'pending', attempts: 0, retriedBy: 'test-agent' });
    expect((await retry(c.reference, bounced.id)).status).toBe(409);
    const sent = await deliverUntil(dispatcher, () => messageIn(w, c, 'acknowledgement', 'sent'));
    expect(sent).toMatchObject({ attempts: 1, retriedBy: 'test-agent' });
    expect(w.catcher.to('nobody.here@example.com')).toHaveLength(1);
    const log = await w.ctx.sql`SELECT event, actor_id, actor_role FROM outbox_delivery_log WHERE message_id = ${bounced.id} ORDER BY id`;
    expect(log).toEqual([
      { event: 'bounced', actor_id: null, actor_role: null },
      { event: 'retried', actor_id: 'test-agent', actor_role: 'agent' },
    ]);
  });
});
