// Personal data stays in the places meant for it (the encrypted payloads, the read model's own
// columns): complaints filed with distinctive names, e-mails, phones and texts, through the JSON
// intake, the inbound e-mail webhook and a decision's note, driven through decisions and a run of
// bad requests, leave none of those values in any log line (API and Temporal runtime, at debug),
// any workflow id, search attribute or memo, the raw (undecoded) workflow history, or any error
// body the API answered.
import { randomBytes } from 'node:crypto';
import { Writable } from 'node:stream';
import { temporal as proto } from '@temporalio/proto';
import { DefaultLogger } from '@temporalio/worker';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createInboundMail } from '../../inbound/receive-mail.js';
import { INBOUND_EMAIL_PATH } from '../../api/inbound/email-webhook.js';
import { memoryRateLimiters } from '../../api/http/rate-limit.js';
import { postgresAttachmentStore } from '../../read-model/attachments.js';
import { customerLookupHasher } from '../../security/customer-lookup.js';
import { replyAddressBook } from '../../security/reply-address.js';
import { SealedBox } from '../../security/sealed-box.js';
import { createTemporalGateway } from '../../temporal/gateway.js';
import { CLASSIFY, PROPOSE_REPAIR } from '../helpers/complaint-driver.js';
import { aComplaint } from '../helpers/fixtures.js';
import { bearer, eventually, integrationContext, LINK_SIGNING_SECRET, trackingPins, type IntegrationContext } from '../helpers/integration.js';
import { quietProcess } from '../helpers/process.js';

// Values no code, text or fixture holds: any hit is a leak.
const tag = randomBytes(3).toString('hex').toUpperCase();
const PERSONAL = {
  name: `Zebulon Quixotewright${tag}`,
  email: `zq.leakcheck.${tag.toLowerCase()}@example.com`,
  phone: '+90 532 417 93 86',
  phoneDigits: '5324179386',
  description: `Kettle model QX-${tag} scalded my left hand at the Karaköy branch`,
  mailName: `Philippa Vexillary${tag}`,
  mailEmail: `pv.leakcheck.${tag.toLowerCase()}@example.org`,
  mailText: `My invoice ${tag}-77 was charged twice by the Moda store`,
  note: `Customer's neighbour Ignatius Brambleforth${tag} saw it`,
  badEmail: `not-an-email-${tag}`,
  badName: `Name\u0000With${tag}Nul`,
};
const needles = (): string[] => [
  PERSONAL.name, PERSONAL.email, PERSONAL.phone, PERSONAL.phoneDigits, PERSONAL.description, PERSONAL.mailName, PERSONAL.mailEmail,
  PERSONAL.mailText, PERSONAL.note, PERSONAL.badEmail, `With${tag}Nul`, `Quixotewright${tag}`, `Vexillary${tag}`, `Brambleforth${tag}`,
];

const logLines: string[] = [];
const capture = new Writable({
  write(chunk: Buffer, _enc, done) {
    logLines.push(chunk.toString('utf8'));
    done();
  },
});
const runtimeLogger = new DefaultLogger('TRACE', (entry) => logLines.push(`${entry.level} ${entry.message} ${safeJson(entry.meta)}`));
const errorBodies: string[] = [];
const WEBHOOK_SECRET = `inbound-${randomBytes(8).toString('hex')}`;

let ctx: IntegrationContext;
let app: ReturnType<IntegrationContext['app']>;
const filedIds: string[] = [];

function safeJson(value: unknown): string {
  try {
    return JSON.stringify(value, (_k, v: unknown) => (typeof v === 'bigint' ? String(v) : v)) ?? '';
  } catch {
    return String(value);
  }
}

async function call(path: string, init: RequestInit = {}): Promise<Response> {
  const res = await app.request(path, init);
  if (res.status >= 400) errorBodies.push(`${res.status}: ${await res.clone().text()}`); // the body only: the path is what we sent
  return res;
}
const json = (body: unknown, headers: Record<string, string> = {}) => ({
  method: 'POST',
  headers: { 'content-type': 'application/json', ...headers },
  body: typeof body === 'string' ? body : JSON.stringify(body),
});

beforeAll(async () => {
  ctx = await integrationContext({ runtimeLogger });
  await ctx.startWorker();
  const log = pino({ level: 'trace' }, capture);
  const process = quietProcess();
  const inboundMail = createInboundMail({
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
    replyAddresses: replyAddressBook(LINK_SIGNING_SECRET, 'reply.plaint.test'),
    mailFrom: 'Plaint <complaints@plaint.test>',
    publicBaseUrl: 'http://plaint.test',
    senderLimiter: memoryRateLimiters('inbound-email-sender', 100, 3_600_000),
    maxBytes: 256 * 1024,
    attachmentLimits: { maxCount: 3, maxBytes: 64 * 1024, maxTotalBytes: 128 * 1024 },
    defaultLocale: 'tr',
    staffLocale: 'en',
    log,
  });
  app = ctx.app({ process, log, inboundMail: { mail: inboundMail, webhookSecret: WEBHOOK_SECRET } });
}, 60_000);
afterAll(() => ctx?.close());

describe('no personal data outside its place', () => {
  it('files, decides and refuses without leaking a distinctive value anywhere', async () => {
    // 1. The JSON intake.
    const customer = { name: PERSONAL.name, email: PERSONAL.email, phone: PERSONAL.phone, locale: 'tr' as const, country: 'TR' };
    const filed = await call('/v1/complaints', json(aComplaint({ customer, description: PERSONAL.description })));
    expect(filed.status).toBe(201);
    const web = (await filed.json()) as { id: string; reference: string; pin: string };
    filedIds.push(web.id);

    // 2. The inbound e-mail webhook.
    const raw = [
      `From: ${PERSONAL.mailName} <${PERSONAL.mailEmail}>`,
      'To: complaints@plaint.test',
      `Subject: Double charge ${tag}`,
      `Message-ID: <${randomBytes(8).toString('hex')}@mail.example.org>`,
      'Content-Type: text/plain; charset=utf-8',
      '',
      PERSONAL.mailText,
      '',
    ].join('\r\n');
    const mailed = await call(INBOUND_EMAIL_PATH, { method: 'POST', headers: { 'content-type': 'message/rfc822', 'x-plaint-inbound-secret': WEBHOOK_SECRET }, body: raw });
    expect(mailed.status, await mailed.clone().text()).toBeLessThan(300);
    const [byMail] = await eventually(async () => {
      const rows = await ctx.sql<{ id: string; reference: string }[]>`SELECT id, reference FROM complaints WHERE customer_email = ${PERSONAL.mailEmail}`;
      return rows.length > 0 ? rows : undefined;
    });
    filedIds.push(byMail!.id);

    // 3. Decisions, one with a note naming a third person.
    const decide = (reference: string, decision: unknown) => call(`/v1/complaints/${reference}/decisions`, json(decision, bearer('agent')));
    for (const [i, reference] of [web.reference, byMail!.reference].entries()) {
      // A customer with an address is acknowledged by the workflow itself.
      await eventually(async () => {
        const snapshot = (await ctx.client.workflow.getHandle(filedIds[i]!).query('status').catch(() => undefined)) as { state: { status: string } } | undefined;
        return snapshot?.state.status === 'acknowledged' || undefined;
      });
      const statuses = [];
      for (const decision of [CLASSIFY, { type: 'note', text: PERSONAL.note }]) statuses.push((await decide(reference, decision)).status);
      expect(statuses, reference).toEqual([200, 200]);
    }
    expect((await decide(web.reference, PROPOSE_REPAIR)).status).toBe(200);

    // 4. Bad requests carrying personal data: each must be refused without echoing it.
    const refusals = [
      await call('/v1/complaints', json(aComplaint({ customer: { ...customer, email: PERSONAL.badEmail } }))),
      await call('/v1/complaints', json(aComplaint({ customer: { ...customer, name: PERSONAL.badName } }))),
      await call('/v1/complaints', json(aComplaint({ customer: { ...customer, phone: `${PERSONAL.phone} call me ${tag}` } }))),
      await call('/v1/complaints', json({ ...aComplaint({ customer }), channel: PERSONAL.email })),
      await call('/v1/complaints', json(`{"customer": {"name": "${PERSONAL.name}"`)), // malformed JSON
      await call('/v1/complaints', json(aComplaint({ customer, description: PERSONAL.description, channel: 'phone' }))), // staff-only channel without a key
      await call('/v1/complaints', json(aComplaint({ customer, channel: 'phone', receivedAt: PERSONAL.badEmail, frontOffice: PERSONAL.mailName } as never), bearer('agent'))),
      await decide(web.reference, { type: 'note', text: `${PERSONAL.note}\u0000` }),
      await decide(web.reference, { type: 'propose_resolution', outcome: PERSONAL.name, summary: PERSONAL.note }),
      await decide(web.reference, { type: 'assign', assignee: PERSONAL.email }),
      await call('/v1/track', json({ reference: web.reference, pin: '00000000' })),
      await call('/v1/track', json({ reference: PERSONAL.email, pin: PERSONAL.phone })),
      await call(`/v1/complaints/${encodeURIComponent(PERSONAL.email)}`, { headers: bearer('agent') }),
      await call(`/v1/complaints?q=${encodeURIComponent(PERSONAL.badName)}`, { headers: bearer('agent') }),
    ];
    expect(refusals.filter((r) => r.status >= 400).length).toBeGreaterThanOrEqual(refusals.length - 2); // a search may find nothing, with 200
    expect(refusals.every((r) => r.status < 500)).toBe(true);

    // What Temporal holds outside the encrypted payloads.
    const temporalText: string[] = [];
    const rawHistories: Buffer[] = [];
    for (const id of filedIds) {
      const handle = ctx.client.workflow.getHandle(id);
      await eventually(async () => ((await handle.query('status')) as { state: { status: string } }).state.status !== 'received' || undefined);
      const description = await handle.describe();
      temporalText.push(description.workflowId, description.type, safeJson(description.searchAttributes), safeJson(description.typedSearchAttributes), safeJson(await description.memo));
      const history = await handle.fetchHistory();
      rawHistories.push(Buffer.from(proto.api.history.v1.History.encode(proto.api.history.v1.History.fromObject(history)).finish()));
    }
    for await (const execution of ctx.client.workflow.list({ query: `TaskQueue = '${ctx.taskQueue}'` })) {
      temporalText.push(execution.workflowId, safeJson(execution.searchAttributes), safeJson(await execution.memo));
    }

    const places: Record<string, string> = {
      'a log line': logLines.join('\n'),
      'an error body': errorBodies.join('\n'),
      'a workflow id, search attribute or memo': temporalText.join('\n'),
      'the raw workflow history': rawHistories.map((b) => b.toString('latin1')).join('\n'),
    };
    expect(logLines.length).toBeGreaterThan(20); // the capture works: every request logs a line
    expect(errorBodies.length).toBeGreaterThanOrEqual(refusals.length - 2);
    const leaks: string[] = [];
    for (const [place, text] of Object.entries(places)) {
      const lower = text.toLowerCase();
      for (const needle of needles()) {
        const utf8AsLatin1 = Buffer.from(needle, 'utf8').toString('latin1').toLowerCase();
        const at = lower.indexOf(place === 'the raw workflow history' ? utf8AsLatin1 : needle.toLowerCase());
        if (at >= 0) leaks.push(`${needle} in ${place}: …${text.slice(Math.max(0, at - 160), at + needle.length + 60)}…`);
      }
    }
    expect(leaks).toEqual([]);
    // The control: the values are there where they belong, so the search above could find them.
    const detail = await (await app.request(`/v1/complaints/${web.reference}`, { headers: bearer('agent') })).text();
    expect(detail).toContain(PERSONAL.name);
    expect(detail).toContain(PERSONAL.email);
  }, 120_000);
});
