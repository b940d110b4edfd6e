// Live chat and social media, end to end: a platform's signed webhook files the conversation as a
// complaint on its channel, through the same intake and workflow as every channel, once per
// platform message however often (and however concurrently) it is delivered.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { complaintDriver, type ComplaintDriver, type FiledComplaint } from '../../helpers/complaint-driver.js';
import { bearer, eventually, integrationContext, type IntegrationContext } from '../../helpers/integration.js';
import { aPlatformComplaint, CHAT_SECRET, signedComplaintRequest, SOCIAL_SECRET } from '../../helpers/integration-webhooks.js';
import { quietProcess } from '../../helpers/process.js';

let ctx: IntegrationContext;
let d: ComplaintDriver;
beforeAll(async () => {
  ctx = await integrationContext();
  await ctx.startWorker();
  d = complaintDriver(ctx, quietProcess());
});
afterAll(() => ctx?.close());

interface Filed extends FiledComplaint {
  status: string;
}

const SECRETS: Record<string, string> = { 'test-chat': CHAT_SECRET, 'test-social': SOCIAL_SECRET };
const deliver = (source: string, body: Record<string, unknown>) =>
  d.app.request(`/v1/integrations/${source}/complaints`, signedComplaintRequest(body, { secret: SECRETS[source]! }));

async function fileFrom(source: string, body: Record<string, unknown>): Promise<Filed> {
  const res = await deliver(source, body);
  expect(res.status, await res.clone().text()).toBe(201);
  return (await res.json()) as Filed;
}

async function complaint(c: FiledComplaint) {
  const res = await d.app.request(`/v1/complaints/${c.reference}`, { headers: bearer('agent') });
  expect(res.status).toBe(200);
  return (await res.json()) as { channel: string; subject: string; description: string; customer: { name: string; email: string | null; phone: string | null } };
}

/** The complaint's outbox rows, oldest first, with their sealed recipient, subject and body opened. */
const outbox = async (c: FiledComplaint) =>
  ctx.activityDeps.dataKeys.openDeep(
    await ctx.sql<{ audience: string; channel: string; recipient: string; template: string; subject: string; body: string }[]>`
      SELECT audience, channel, recipient, template, subject, body FROM outbox_messages WHERE complaint_id = ${c.id} ORDER BY seq, ordinal`,
  );

describe('a live-chat conversation', () => {
  it('becomes a live_chat complaint: the transcript in time order with times, the handle as the contact, the subject from the customer’s words', async () => {
    const c = await fileFrom('test-chat', aPlatformComplaint());
    const filed = await complaint(c);
    expect(filed.channel).toBe('live_chat');
    expect(filed.customer).toMatchObject({ name: 'Ayşe Yılmaz', email: null, phone: null });
    expect(filed.subject).toBe('Bulaşık makinem teslim edilmedi, iki haftadır bekliyorum. SP-99812');
    const lines = filed.description.split('\n');
    expect(lines.slice(0, 2)).toEqual(['Destek Sohbeti görüşmesi: @ayse.yilmaz (Ayşe Yılmaz)', 'Destek Sohbeti üzerinde açmak için: https://chat.example.com/c/8812']);
    // Times in the centre's zone (Europe/Istanbul, UTC+3), named.
    expect(lines.slice(3)).toEqual([
      expect.stringMatching(/^\[1 Aralık 2026 14:03 GMT\+3\] Müşteri: Bulaşık makinem teslim edilmedi/),
      expect.stringMatching(/^\[1 Aralık 2026 14:03 GMT\+3\] Bot: Sipariş numaranızı yazar mısınız\?$/),
      expect.stringMatching(/^\[1 Aralık 2026 14:04 GMT\+3\] Müşteri: SP-99812$/),
      expect.stringMatching(/^\[1 Aralık 2026 14:05 GMT\+3\] Temsilci: Kaydınızı şikâyet olarak açıyorum\.$/),
    ]);
    expect((await d.status(c)).state.status).toBe('received');
  });

  it('tells an agent to answer on the platform when the customer gave neither e-mail nor phone, and waits for their acknowledgement', async () => {
    const c = await fileFrom('test-chat', aPlatformComplaint());
    const rows = await eventually(async () => {
      const all = await outbox(c);
      return all.some((m) => m.template === 'agent_acknowledgement') ? all : undefined;
    });
    expect(rows.find((m) => m.channel === 'agent')).toMatchObject({ audience: 'customer', template: 'acknowledgement', recipient: '@ayse.yilmaz (Destek Sohbeti)' });
    const task = rows.find((m) => m.template === 'agent_acknowledgement')!;
    expect(task.subject).toContain('canlı destek');
    expect(task.body).toContain('Destek Sohbeti üzerinden @ayse.yilmaz hesabına (görüşme: https://chat.example.com/c/8812)');
    expect(task.body).toContain('alındı kararını kaydedin');
    expect(rows.filter((m) => m.channel === 'email' || m.channel === 'sms')).toEqual([]);
    await d.decideOk(c, { type: 'acknowledge' });
    await d.waitForStatus(c, 'acknowledged');

    // Every later message too is for an agent to pass on in the conversation, never a letter to no address.
    await d.decideOk(c, { type: 'request_info', question: 'Faturanızın fotoğrafını gönderir misiniz?' });
    const question = await eventually(async () => (await outbox(c)).find((m) => m.template === 'info_requested'));
    expect(question).toMatchObject({ audience: 'customer', channel: 'agent', recipient: '@ayse.yilmaz (Destek Sohbeti)' });

    // The handle is a way to reach the customer: an auditor reads it masked, as an e-mail or a phone.
    const asAuditor = (await (await d.app.request(`/v1/complaints/${c.reference}/messages`, { headers: bearer('auditor') })).json()) as { channel: string; recipient: string }[];
    expect(asAuditor.filter((m) => m.channel === 'agent').map((m) => m.recipient)).toEqual(['•••', '•••']);
  });
});

describe('a social-media message', () => {
  it('becomes a social_media complaint acknowledged by e-mail when the customer gave an address, as on every channel', async () => {
    const body = aPlatformComplaint({
      customer: { handle: '@mehmet_d', email: 'mehmet@example.com', locale: 'en' },
      subject: 'Broken oven door',
      transcript: [{ from: 'customer', at: '2026-12-01T09:00:00Z', text: 'The oven door came off its hinge on day two.' }],
      conversationUrl: undefined,
    });
    const c = await fileFrom('test-social', body);
    const filed = await complaint(c);
    expect(filed).toMatchObject({ channel: 'social_media', subject: 'Broken oven door', customer: { name: '@mehmet_d', email: 'mehmet@example.com' } });
    expect(filed.description.split('\n')[0]).toBe('Instagram conversation with @mehmet_d');
    await d.waitForStatus(c, 'acknowledged');
    const ack = await eventually(async () => (await outbox(c)).find((m) => m.template === 'acknowledgement'));
    expect(ack).toMatchObject({ channel: 'email', recipient: 'mehmet@example.com' });
  });
});

describe('the same platform message delivered again', () => {
  it('answers a repeat with 200 and the same complaint, reference and PIN', async () => {
    const body = aPlatformComplaint();
    const first = await fileFrom('test-chat', body);
    const again = await deliver('test-chat', body);
    expect(again.status).toBe(200);
    expect(await again.json()).toEqual(first);
  });

  it('files one complaint when several deliveries of one message race', async () => {
    const body = aPlatformComplaint();
    const answers = await Promise.all(Array.from({ length: 6 }, () => deliver('test-chat', body)));
    expect(answers.map((r) => r.status).sort()).toEqual([200, 200, 200, 200, 200, 201]);
    const references = new Set(await Promise.all(answers.map(async (r) => ((await r.json()) as Filed).reference)));
    expect(references.size).toBe(1);
    const [row] = await ctx.sql<{ n: number }[]>`SELECT count(*)::int AS n FROM integration_messages WHERE message_id = ${String(body.messageId)}`;
    expect(row!.n).toBe(1);
  });

  it('is told the message id was used for another body (409) instead of filing a second complaint', async () => {
    const body = aPlatformComplaint();
    await fileFrom('test-chat', body);
    const res = await deliver('test-chat', { ...body, subject: 'Başka bir konu' });
    expect(res.status).toBe(409);
    expect(await res.json()).toMatchObject({ error: { code: 'CONFLICT', message: expect.stringContaining(`Message id '${String(body.messageId)}' of 'test-chat'`) } });
  });

  it('still finds the complaint after the intake ledger forgot its first answer (24 hours), without the PIN', async () => {
    const body = aPlatformComplaint();
    const first = await fileFrom('test-chat', body);
    await ctx.sql`UPDATE intake_requests SET sealed_response = NULL WHERE complaint_id = ${first.id}`;
    const late = await deliver('test-chat', body);
    expect(late.status).toBe(200);
    const answer = (await late.json()) as Partial<Filed>;
    expect(answer).toMatchObject({ id: first.id, reference: first.reference });
    expect(answer.pin).toBeUndefined();
  });
});

describe('a body the intake cannot take', () => {
  it('answers 400 naming each bad field, and files nothing', async () => {
    const body = aPlatformComplaint({
      customer: { handle: 'x'.repeat(201), locale: 'turkish' },
      transcript: [{ from: 'customer', at: 'yesterday', text: 'Kapak\u0000kırık' }],
    });
    const res = await deliver('test-chat', body);
    expect(res.status).toBe(400);
    const paths = ((await res.json()) as { error: { details: { path: string }[] } }).error.details.map((i) => i.path);
    expect(paths.sort()).toEqual(['customer.handle', 'customer.locale', 'transcript.0.at', 'transcript.0.text']);
  });

  it('needs a customer message, and a transcript that fits a description once written out', async () => {
    const botOnly = await deliver('test-chat', aPlatformComplaint({ transcript: [{ from: 'bot', at: '2026-12-01T09:00:00Z', text: 'Merhaba, nasıl yardımcı olabilirim?' }] }));
    expect(await botOnly.json()).toMatchObject({ error: { details: [{ path: 'transcript', message: 'must hold at least one message from the customer' }] } });
    const long = Array.from({ length: 3 }, (_, i) => ({ from: 'customer', at: `2026-12-01T09:0${i}:00Z`, text: 'ç'.repeat(3_900) }));
    const tooLong = await deliver('test-chat', aPlatformComplaint({ transcript: long }));
    expect(tooLong.status).toBe(400);
    expect(await tooLong.json()).toMatchObject({ error: { details: [{ path: 'transcript', message: expect.stringContaining('more than a description holds (10000)') }] } });
  });

  it('refuses a body over the route’s limit with 413 before reading it', async () => {
    const res = await deliver('test-chat', aPlatformComplaint({ padding: 'x'.repeat(140 * 1024) }));
    expect(res.status).toBe(413);
  });
});
