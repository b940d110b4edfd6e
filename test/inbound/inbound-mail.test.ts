// Mail to Plaint's own address, as a customer's mail client and mail servers send it: real SMTP
// (nodemailer) to the listener the API runs, and raw messages through POST /v1/inbound/email. A new
// message opens an `email` complaint with its files as evidence; a reply lands on its complaint's
// timeline and answers the open question; auto-replies, lists and bounces open nothing, and a
// bounce marks the message it reports; too big, too many and the same message twice are refused
// or taken once.
import { randomUUID } from 'node:crypto';
import { createTransport, type SendMailOptions } from 'nodemailer';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FixedWindowLimiter } from '../../api/http/rate-limit.js';
import { createInboundMail, type InboundMail } from '../../inbound/receive-mail.js';
import { startInboundSmtp, type InboundSmtp } from '../../inbound/smtp-listener.js';
import { postgresAttachmentStore } from '../../read-model/attachments.js';
import { customerLookupHasher } from '../../security/customer-lookup.js';
import { replyAddressBook } from '../../security/reply-address.js';
import { SealedBox } from '../../security/sealed-box.js';
import { createTemporalGateway } from '../../temporal/gateway.js';
import { CLASSIFY, complaintDriver, type ComplaintDriver, type FiledComplaint } from '../helpers/complaint-driver.js';
import { bearer, eventually, integrationContext, LINK_SIGNING_SECRET, trackingPins, type IntegrationContext } from '../helpers/integration.js';
import { quietProcess } from '../helpers/process.js';

const FROM = 'Plaint <complaints@plaint.test>';
const OUR_ADDRESS = 'complaints@plaint.test';
const REPLY_DOMAIN = 'reply.plaint.test';
const WEBHOOK_SECRET = `inbound-secret-${randomUUID()}`;
const MAX_BYTES = 256 * 1024;
const PER_SENDER = 4;
const PNG = Buffer.from('89504e470d0a1a0a0000000d4948445200000001000000010806000000', 'hex');
const replyAddresses = replyAddressBook(LINK_SIGNING_SECRET, REPLY_DOMAIN);

let ctx: IntegrationContext;
let d: ComplaintDriver;
let inbound: InboundMail;
let smtp: InboundSmtp;
let app: ReturnType<IntegrationContext['app']>;

beforeAll(async () => {
  ctx = await integrationContext();
  await ctx.startWorker();
  const process = quietProcess();
  inbound = createInboundMail({
    sql: ctx.sql,
    intake: {
      sql: ctx.sql,
      temporal: createTemporalGateway(ctx.client, ctx.taskQueue),
      sealedBox: new SealedBox(ctx.encryptionKeys),
      pinProcess: async () => process,
      publicBaseUrl: 'http://plaint.test',
      customerLookup: customerLookupHasher(LINK_SIGNING_SECRET),
      dataKeys: ctx.activityDeps.dataKeys,
      trackingPins,
    },
    attachments: postgresAttachmentStore(ctx.sql, ctx.activityDeps.dataKeys),
    replyAddresses,
    mailFrom: FROM,
    publicBaseUrl: 'http://plaint.test',
    senderLimiter: new FixedWindowLimiter(PER_SENDER, 60 * 60_000),
    maxBytes: MAX_BYTES,
    attachmentLimits: { maxCount: 3, maxBytes: 64 * 1024, maxTotalBytes: 128 * 1024 },
    defaultLocale: 'tr',
    staffLocale: 'en',
    log: pino({ level: 'silent' }),
  });
  smtp = await startInboundSmtp({ host: '127.0.0.1', port: 0, mail: inbound, log: pino({ level: 'silent' }) });
  d = complaintDriver(ctx, process);
  app = ctx.app({ process, inboundMail: { mail: inbound, webhookSecret: WEBHOOK_SECRET } });
});
afterAll(async () => {
  await smtp?.close();
  await ctx?.close();
});

type Mail = SendMailOptions;

/** Sends as a customer's mail client does: SMTP to the listener; answers the server's reply or its refusal. */
async function send(mail: Mail): Promise<{ accepted: true } | { accepted: false; code: number | undefined; said: string }> {
  const transport = createTransport({ host: '127.0.0.1', port: smtp.port, secure: false, ignoreTLS: true });
  try {
    await transport.sendMail({ to: OUR_ADDRESS, ...mail });
    return { accepted: true };
  } catch (err) {
    const e = err as { responseCode?: number; response?: string; message: string };
    return { accepted: false, code: e.responseCode, said: e.response ?? e.message };
  } finally {
    transport.close();
  }
}

async function sendOk(mail: Mail): Promise<void> {
  expect(await send(mail)).toEqual({ accepted: true });
}

async function inboundRow(messageId: string) {
  const [row] = await ctx.sql<{ outcome: string; reason: string | null; complaint_id: string | null; refused_attachments: string[] }[]>`
    SELECT outcome, reason, complaint_id, refused_attachments FROM inbound_emails WHERE message_key = ${messageId}`;
  return row;
}

async function complaintsOf(email: string) {
  return ctx.sql<{ id: string; reference: string; channel: string; subject: string; description: string; customer_name: string }[]>`
    SELECT id, reference, channel, subject, description, customer_name FROM complaints WHERE customer_email = ${email} ORDER BY received_at`;
}

async function filedByMail(email: string): Promise<FiledComplaint> {
  const messageId = `<${randomUUID()}@mail.example.com>`;
  await sendOk({ from: `Ayşe Yılmaz <${email}>`, subject: 'Çamaşır makinesi su sızdırıyor', text: 'Makine iki haftalık, alttan su sızdırıyor.', messageId });
  const [row] = await complaintsOf(email);
  return { id: row!.id, reference: row!.reference, pin: '' };
}

/** A delivery status notification as Postfix writes it, for the message with this Message-ID. */
function deliveryReport(reportId: string, originalMessageId: string, recipient: string, action = 'failed'): string {
  return [
    'From: Mail Delivery System <MAILER-DAEMON@mx.example.com>',
    `To: ${OUR_ADDRESS}`,
    'Subject: Undelivered Mail Returned to Sender',
    `Message-ID: ${reportId}`,
    'Auto-Submitted: auto-replied',
    'MIME-Version: 1.0',
    'Content-Type: multipart/report; report-type=delivery-status; boundary="B"',
    '',
    '--B',
    'Content-Type: text/plain; charset=us-ascii',
    '',
    `I'm sorry to have to inform you that your message could not be delivered to ${recipient}.`,
    '',
    '--B',
    'Content-Type: message/delivery-status',
    '',
    'Reporting-MTA: dns; mx.example.com',
    '',
    `Final-Recipient: rfc822; ${recipient}`,
    `Action: ${action}`,
    'Status: 5.1.1',
    'Diagnostic-Code: smtp; 550 5.1.1 <' + recipient + '>: Recipient address rejected: User unknown',
    '',
    '--B',
    'Content-Type: text/rfc822-headers',
    '',
    `From: ${FROM}`,
    `To: ${recipient}`,
    `Message-ID: ${originalMessageId}`,
    'Subject: Şikâyetiniz alındı',
    '',
    '--B--',
    '',
  ].join('\r\n');
}

describe('a new message', () => {
  it('opens a complaint on the email channel, the sender as its contact, the files kept as evidence', async () => {
    const email = `ayse.${randomUUID().slice(0, 8)}@example.com`;
    const messageId = `<${randomUUID()}@mail.example.com>`;
    await sendOk({
      from: `Ayşe Yılmaz <${email}>`,
      subject: 'Çamaşır makinesi su sızdırıyor',
      html: '<p>Makine iki haftalık, <b>alttan</b> su sızdırıyor.</p><script>alert(1)</script>',
      messageId,
      attachments: [
        { filename: 'leak.png', content: PNG },
        { filename: 'notes.txt', content: 'not evidence' },
      ],
    });
    expect(await inboundRow(messageId)).toMatchObject({ outcome: 'complaint_filed', refused_attachments: ['notes.txt: unsupported_type'] });
    const [complaint, ...more] = await complaintsOf(email);
    expect(more).toHaveLength(0);
    expect(complaint).toMatchObject({ channel: 'email', customer_name: 'Ayşe Yılmaz', subject: 'Çamaşır makinesi su sızdırıyor' });
    // The HTML as text, no markup and no script left.
    expect(complaint!.description).toContain('Makine iki haftalık, alttan su sızdırıyor.');
    expect(complaint!.description).not.toMatch(/<|alert/);
    const files = (await (await app.request(`/v1/complaints/${complaint!.reference}/attachments`, { headers: bearer('agent') })).json()) as Array<{ name: string; contentType: string }>;
    expect(files).toMatchObject([{ name: 'leak.png', contentType: 'image/png' }]);
    // Acknowledged by e-mail, back the way it came.
    const c = { id: complaint!.id, reference: complaint!.reference, pin: '' };
    await d.waitForStatus(c, 'acknowledged');
    expect((await d.messages(c)).find((m) => m.template === 'acknowledgement')).toMatchObject({ channel: 'email', recipient: email });
  });

  it('is taken once when the same message arrives twice', async () => {
    const email = `twice.${randomUUID().slice(0, 8)}@example.com`;
    const mail = { from: email, subject: 'Fatura iki kez kesildi', text: 'Aynı ay için iki fatura geldi.', messageId: `<${randomUUID()}@mail.example.com>` };
    await sendOk(mail);
    await sendOk(mail);
    expect(await complaintsOf(email)).toHaveLength(1);
  });
});

describe('a reply', () => {
  it('to the reply address lands on the timeline, answers the open question, and tells the assignee', async () => {
    const email = `reply.${randomUUID().slice(0, 8)}@example.com`;
    const c = await filedByMail(email);
    await d.waitForStatus(c, 'acknowledged');
    await d.decideOk(c, { type: 'assign', assignee: 'agent-7' });
    await d.decideOk(c, CLASSIFY);
    await d.decideOk(c, { type: 'request_info', question: 'Which programme was running?' });
    await sendOk({
      from: email,
      to: replyAddresses.addressFor(c.reference),
      subject: `Re: Sorunuz: ${c.reference}`,
      text: 'Pamuklu 60 programı.\n\nOn Tue, 1 Dec 2026 at 10:00, Plaint <complaints@plaint.test> wrote:\n> Which programme was running?\n> http://plaint.test/r/abc.def',
      attachments: [{ filename: 'programme.png', content: PNG }],
    });
    const resumed = await d.waitForStatus(c, 'investigating');
    expect(resumed.state.pendingInfoRequest).toBeNull();
    const wrote = (await d.events(c)).find((e) => e.type === 'customer_wrote')!;
    expect(wrote).toMatchObject({ actor: { id: 'customer', role: 'customer' }, data: { channel: 'email', text: 'Pamuklu 60 programı.', requestId: 'info-1', attachments: ['programme.png'] } });
    const notice = await eventually(async () => (await d.messages(c)).find((m) => m.template === 'customer_answered_info'));
    expect(notice).toMatchObject({ recipient: 'user:agent-7' });
    expect(notice.body).toContain('Yanıt e-posta ile geldi; müşteri kendisi yazdı.');
    const files = (await (await app.request(`/v1/complaints/${c.reference}/attachments`, { headers: bearer('agent') })).json()) as unknown[];
    expect(files).toHaveLength(1);
  });

  it('answering one of our messages threads by In-Reply-To, and without a question it is for the owner to read', async () => {
    const email = `thread.${randomUUID().slice(0, 8)}@example.com`;
    const c = await filedByMail(email);
    await d.waitForStatus(c, 'acknowledged');
    const [ack] = await ctx.sql<{ key: string }[]>`
      SELECT idempotency_key::text AS key FROM outbox_messages WHERE complaint_id = ${c.id} AND template = 'acknowledgement'`;
    await sendOk({ from: email, subject: 'Re: Şikâyetiniz alındı', text: 'Servis hâlâ gelmedi.', inReplyTo: `<${ack!.key}@plaint.test>` });
    const wrote = await eventually(async () => (await d.events(c)).find((e) => e.type === 'customer_wrote'));
    expect(wrote.data).toMatchObject({ text: 'Servis hâlâ gelmedi.' });
    expect(wrote.data.requestId).toBeUndefined();
    expect((await d.messages(c)).find((m) => m.template === 'customer_wrote')).toMatchObject({ audience: 'staff' });
    expect(await complaintsOf(email)).toHaveLength(1);
  });

  it('to a closed complaint reaches its owner in a notice that carries it', async () => {
    const email = `closed.${randomUUID().slice(0, 8)}@example.com`;
    const c = await filedByMail(email);
    await d.waitForStatus(c, 'acknowledged');
    await d.decideOk(c, { type: 'withdraw', reason: 'The customer withdrew by phone.' });
    await eventually(async () => ((await ctx.sql`SELECT 1 FROM complaints WHERE id = ${c.id} AND status = 'closed'`).length ? true : undefined));
    const messageId = `<${randomUUID()}@mail.example.com>`;
    await sendOk({ from: email, to: replyAddresses.addressFor(c.reference), subject: 'Re: Şikâyetiniz kapandı', text: 'Aslında sorun devam ediyor.', messageId });
    expect(await inboundRow(messageId)).toMatchObject({ outcome: 'after_closure', complaint_id: c.id });
    const notice = (await d.messages(c)).find((m) => m.template === 'customer_wrote')!;
    expect(notice).toMatchObject({ audience: 'staff', channel: 'staff_inbox' });
    expect(notice.body).toContain('Aslında sorun devam ediyor.');
    expect(await complaintsOf(email)).toHaveLength(1);
  });

  it('threads by the reference in the subject only from the complaint\'s own contact', async () => {
    const email = `subject.${randomUUID().slice(0, 8)}@example.com`;
    const c = await filedByMail(email);
    await d.waitForStatus(c, 'acknowledged');
    await sendOk({ from: email, to: OUR_ADDRESS, subject: `Re: ${c.reference}`, text: 'Bir fotoğraf daha ekliyorum.' });
    await eventually(async () => (await d.events(c)).find((e) => e.type === 'customer_wrote'));
    // Someone else naming the reference reaches nobody's complaint: theirs is a new one.
    const stranger = `stranger.${randomUUID().slice(0, 8)}@example.com`;
    await sendOk({ from: stranger, subject: `Re: ${c.reference}`, text: 'Bu şikâyetin ayrıntılarını görmek istiyorum.' });
    expect(await complaintsOf(stranger)).toHaveLength(1);
    expect((await d.events(c)).filter((e) => e.type === 'customer_wrote')).toHaveLength(1);
  });
});

describe('never a complaint', () => {
  it('from an auto-reply, a mailing list or our own address, even to a reply address', async () => {
    const email = `away.${randomUUID().slice(0, 8)}@example.com`;
    const c = await filedByMail(email);
    await d.waitForStatus(c, 'acknowledged');
    const ignored = [
      { messageId: `<${randomUUID()}@mail.example.com>`, headers: { 'Auto-Submitted': 'auto-replied' }, from: email, to: replyAddresses.addressFor(c.reference), subject: 'Out of office', text: 'I am away until Monday.' },
      { messageId: `<${randomUUID()}@list.example.com>`, headers: { Precedence: 'bulk', 'List-Id': '<news.example.com>' }, from: 'news@example.com', subject: 'Haftalık bülten', text: 'Bu haftanın fırsatları burada.' },
      { messageId: `<${randomUUID()}@plaint.test>`, from: FROM, subject: 'Şikâyetiniz alındı', text: 'Loop: our own message came back.' },
    ];
    for (const mail of ignored) await sendOk(mail);
    expect(await Promise.all(ignored.map(async (m) => (await inboundRow(m.messageId))?.outcome))).toEqual(['ignored', 'ignored', 'ignored']);
    expect((await inboundRow(ignored[0]!.messageId))?.reason).toBe('auto_reply');
    expect(await complaintsOf('news@example.com')).toHaveLength(0);
    expect((await d.events(c)).some((e) => e.type === 'customer_wrote')).toBe(false);
  });

  it('from a bounce, which marks the message it reports bounced and tells the team', async () => {
    const email = `bounced.${randomUUID().slice(0, 8)}@example.com`;
    const c = await filedByMail(email);
    await d.waitForStatus(c, 'acknowledged');
    // As the dispatcher records a message the SMTP server took.
    const [ack] = await ctx.sql<{ id: number; key: string }[]>`
      UPDATE outbox_messages SET status = 'sent', sent_at = now(), attempts = 1, provider = 'smtp'
      WHERE complaint_id = ${c.id} AND template = 'acknowledgement' RETURNING id, idempotency_key::text AS key`;
    const reportId = `<${randomUUID()}@mx.example.com>`;
    await sendOk({ envelope: { from: 'MAILER-DAEMON@mx.example.com', to: [OUR_ADDRESS] }, raw: deliveryReport(reportId, `<${ack!.key}@plaint.test>`, email) });
    expect(await inboundRow(reportId)).toMatchObject({ outcome: 'bounce_recorded', complaint_id: c.id });
    const messages = (await (await app.request(`/v1/complaints/${c.reference}/messages`, { headers: bearer('agent') })).json()) as Array<{ id: number; status: string; lastError: string | null; template: string }>;
    expect(messages.find((m) => m.id === ack!.id)).toMatchObject({ status: 'bounced', lastError: expect.stringContaining('5.1.1') as unknown });
    expect(messages.some((m) => m.template === 'delivery_failed')).toBe(true);
    expect(await complaintsOf('mailer-daemon@mx.example.com')).toHaveLength(0);
    // A delay is no bounce (the server still tries), and a report of nothing of ours marks nothing.
    const delayedId = `<${randomUUID()}@mx.example.com>`;
    await sendOk({ envelope: { from: 'MAILER-DAEMON@mx.example.com', to: [OUR_ADDRESS] }, raw: deliveryReport(delayedId, `<${ack!.key}@plaint.test>`, email, 'delayed') });
    expect(await inboundRow(delayedId)).toMatchObject({ outcome: 'ignored', reason: 'delivery_not_failed' });
    const strangerId = `<${randomUUID()}@mx.example.com>`;
    await sendOk({ envelope: { from: 'MAILER-DAEMON@mx.example.com', to: [OUR_ADDRESS] }, raw: deliveryReport(strangerId, `<${randomUUID()}@elsewhere.example>`, email) });
    expect(await inboundRow(strangerId)).toMatchObject({ outcome: 'ignored', reason: 'bounce_of_no_message_of_ours' });
  });
});

describe('limits', () => {
  it('refuses a message larger than the limit, by the SIZE the client declares or by what it sends', async () => {
    const big = Buffer.alloc(MAX_BYTES, 1);
    const refused = await send({ from: `big.${randomUUID().slice(0, 8)}@example.com`, subject: 'Büyük dosya', text: 'Ekte büyük bir dosya var.', attachments: [{ filename: 'big.pdf', content: big }] });
    expect(refused).toMatchObject({ accepted: false, code: 552 });
  });

  it('tells a sender that floods to try later', async () => {
    const flooder = `loop.${randomUUID().slice(0, 8)}@example.com`;
    const answers = [];
    for (let i = 0; i <= PER_SENDER; i++) {
      answers.push(await send({ from: flooder, subject: `Otomatik yanıt ${i}`, text: 'Şu an ofis dışındayım.', headers: { 'Auto-Submitted': 'auto-replied' } }));
    }
    expect(answers.slice(0, PER_SENDER).every((a) => a.accepted)).toBe(true);
    expect(answers[PER_SENDER]).toMatchObject({ accepted: false, code: 451 });
  });
});

describe('POST /v1/inbound/email', () => {
  const raw = (from: string, messageId: string) =>
    [`From: Mehmet Demir <${from}>`, `To: ${OUR_ADDRESS}`, 'Subject: Kargo hasarlı geldi', `Message-ID: ${messageId}`, 'MIME-Version: 1.0', 'Content-Type: text/plain; charset=utf-8', '', 'Kutunun köşesi ezik, ürün çizik geldi.', ''].join('\r\n');
  const post = (body: string, headers: Record<string, string>) => app.request('/v1/inbound/email', { method: 'POST', headers, body });

  it('takes a raw message with the shared secret, once', async () => {
    const from = `mehmet.${randomUUID().slice(0, 8)}@example.com`;
    const messageId = `<${randomUUID()}@mail.example.com>`;
    const headers = { 'content-type': 'message/rfc822', 'x-plaint-inbound-secret': WEBHOOK_SECRET };
    const first = await post(raw(from, messageId), headers);
    expect(first.status).toBe(200);
    const body = (await first.json()) as { outcome: string; complaintReference: string; duplicate: boolean };
    expect(body).toMatchObject({ outcome: 'complaint_filed', duplicate: false });
    const again = (await (await post(raw(from, messageId), headers)).json()) as { complaintReference: string; duplicate: boolean };
    expect(again).toEqual({ outcome: 'complaint_filed', complaintReference: body.complaintReference, duplicate: true });
    expect(await complaintsOf(from)).toMatchObject([{ reference: body.complaintReference, channel: 'email', customer_name: 'Mehmet Demir' }]);
  });

  it('refuses a wrong secret, another media type and a body over the limit', async () => {
    const message = raw(`x.${randomUUID().slice(0, 8)}@example.com`, `<${randomUUID()}@mail.example.com>`);
    expect((await post(message, { 'content-type': 'message/rfc822', 'x-plaint-inbound-secret': 'wrong' })).status).toBe(401);
    expect((await post(message, { 'content-type': 'message/rfc822' })).status).toBe(401);
    const json = await post(message, { 'content-type': 'application/json', 'x-plaint-inbound-secret': WEBHOOK_SECRET });
    expect(json.status).toBe(400);
    expect(((await json.json()) as { error: { details: Array<{ path: string }> } }).error.details[0]?.path).toBe('content-type');
    const big = `${message}${'x'.repeat(MAX_BYTES)}`;
    expect((await post(big, { 'content-type': 'message/rfc822', 'x-plaint-inbound-secret': WEBHOOK_SECRET })).status).toBe(413);
  });

  it('is in the API reference', async () => {
    const doc = (await (await app.request('/openapi.json')).json()) as { paths: Record<string, { post?: { requestBody?: { content: Record<string, unknown> } } }> };
    expect(Object.keys(doc.paths['/v1/inbound/email']?.post?.requestBody?.content ?? {})).toEqual(['message/rfc822']);
  });
});
