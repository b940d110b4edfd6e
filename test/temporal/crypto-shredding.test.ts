// Crypto-shredding: a complaint's personal data travels sealed with its own data key, so the
// Temporal history holds no readable copy; staff read it through the codec server; destroying the
// key erases every copy at once while the history still replays and the timeline keeps its shape.
import { randomUUID } from 'node:crypto';
import { Worker } from '@temporalio/worker';
import type { Payload } from '@temporalio/common';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { pino } from 'pino';
import { createDispatcher } from '../../delivery/dispatcher.js';
import { createOutboxDelivery } from '../../read-model/outbox-delivery.js';
import { postgresAttachmentStore } from '../../read-model/attachments.js';
import { AesGcmPayloadCodec, encryptingDataConverter } from '../../security/payload-codec.js';
import { SealedBox } from '../../security/sealed-box.js';
import { complaintDriver, type FiledComplaint } from '../helpers/complaint-driver.js';
import { bearer, eventually, integrationContext, type IntegrationContext } from '../helpers/integration.js';
import { quietProcess } from '../helpers/process.js';
import { aStaffPerson, signedInCookie } from '../helpers/console.js';

let ctx: IntegrationContext;
let d: ReturnType<typeof complaintDriver>;
let filed: FiledComplaint;
const started = new Date();
const tag = randomUUID().slice(0, 8);
const NAME = `Zeynep Shredtest${tag}`;
const EMAIL = `zeynep.${tag}@example.com`;
const DESCRIPTION = `The washer flooded flat ${tag} on Moda street`;
const NOTE = `Called her husband at home ${tag}`;

beforeAll(async () => {
  ctx = await integrationContext();
  await ctx.startWorker();
  d = complaintDriver(ctx, quietProcess());
  filed = await d.file({ customer: { name: NAME, email: EMAIL, phone: '+90 532 111 22 33', locale: 'en' }, description: DESCRIPTION });
  await d.waitForStatus(filed, 'acknowledged');
  await d.decideOk(filed, { type: 'note', text: NOTE });
});
afterAll(() => ctx.close());

/** Every payload of the complaint's history, as stored (encrypted by the global codec). */
async function historyPayloads(): Promise<Payload[]> {
  const history = await ctx.client.workflow.getHandle(filed.id).fetchHistory();
  const found: Payload[] = [];
  const walk = (v: unknown): void => {
    if (v === null || typeof v !== 'object') return;
    if (v instanceof Uint8Array) return;
    const o = v as Record<string, unknown>;
    if (o.metadata && typeof o.metadata === 'object' && (o.metadata as Record<string, unknown>).encoding instanceof Uint8Array) {
      found.push(o as Payload);
      return;
    }
    Object.values(o).forEach(walk);
  };
  walk(history.events);
  return found;
}

const wire = (payloads: Payload[]) => ({
  payloads: payloads.map((p) => ({
    metadata: Object.fromEntries(Object.entries(p.metadata ?? {}).map(([k, v]) => [k, Buffer.from(v!).toString('base64')])),
    data: Buffer.from(p.data ?? []).toString('base64'),
  })),
});
const texts = (body: unknown) => (body as { payloads: Array<{ data: string }> }).payloads.map((p) => Buffer.from(p.data, 'base64').toString('utf8')).join('\n');

function decodeViaCodec(headers: Record<string, string>, payloads: Payload[]) {
  return d.app.request('/codec/decode', {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: 'http://localhost:8233', ...headers },
    body: JSON.stringify(wire(payloads)),
  });
}

describe('crypto-shredding', () => {
  it('keeps no personal value readable in the Temporal history, even with the payload keys: only sealed texts', async () => {
    const decoded = await new AesGcmPayloadCodec(ctx.encryptionKeys).decode(await historyPayloads());
    const plain = decoded.map((p) => Buffer.from(p.data ?? []).toString('utf8')).join('\n');
    expect(plain).toContain(filed.reference);
    expect(plain).toContain(`pd1.${filed.id}.`);
    for (const value of [NAME, EMAIL, '532 111 22 33', DESCRIPTION, NOTE]) expect(plain).not.toContain(value);
  });

  it('shows staff the values through the codec server; nobody without a key, nor a role that may not', async () => {
    const payloads = await historyPayloads();
    const asAuditor = await decodeViaCodec(bearer('auditor'), payloads);
    expect(asAuditor.status).toBe(200);
    expect(asAuditor.headers.get('access-control-allow-origin')).toBe('http://localhost:8233');
    expect(asAuditor.headers.get('access-control-allow-credentials')).toBe('true');
    const shown = texts(await asAuditor.json());
    for (const value of [NAME, EMAIL, DESCRIPTION, NOTE]) expect(shown).toContain(value);
    // What the UI showed is a read of the customer's personal data, on the record auditors list.
    const reads = await ctx.sql`SELECT actor_role, kind FROM personal_data_reads WHERE complaint_id = ${filed.id} AND kind = 'codec_decode'`;
    expect(reads.map((r) => r.actor_role)).toEqual(['auditor']);

    expect((await decodeViaCodec({}, payloads)).status).toBe(401);
    expect((await decodeViaCodec(bearer('agent'), payloads)).status).toBe(403);
    const preflight = await d.app.request('/codec/decode', {
      method: 'OPTIONS',
      headers: { origin: 'http://localhost:8233', 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type,x-namespace' },
    });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get('access-control-allow-origin')).toBe('http://localhost:8233');
    const elsewhere = await decodeViaCodec({ ...bearer('auditor'), origin: 'https://evil.example' }, payloads);
    expect(elsewhere.headers.get('access-control-allow-origin')).toBeNull();
  });

  it("takes the console's session cookie from the Temporal UI's origin and our pages only, never from another page", async () => {
    const supervisor = await aStaffPerson(ctx.sql, { roles: ['supervisor'] });
    const { cookie } = await signedInCookie(ctx.sql, supervisor);
    const payloads = wire(await historyPayloads());
    const post = (headers: Record<string, string>) =>
      d.app.request('/console/codec/decode', { method: 'POST', headers: { cookie, ...headers }, body: JSON.stringify(payloads) });
    const fromUi = await post({ 'content-type': 'application/json', origin: 'http://localhost:8233' });
    expect(fromUi.status).toBe(200);
    expect(texts(await fromUi.json())).toContain(NAME);
    // A text/plain POST needs no preflight: another page could send it with the cookie attached.
    const forgeries: Record<string, string>[] = [{ 'content-type': 'text/plain', origin: 'https://evil.example' }, { 'content-type': 'text/plain' }];
    for (const headers of forgeries) {
      const forged = await post(headers);
      expect(forged.status).toBe(403);
      expect(await forged.json()).toMatchObject({ error: { code: 'FOREIGN_ORIGIN' } });
    }
  });

  it('erases every copy with the key: the codec says [erased], the history replays, the timeline keeps its events, nothing more is sent, files are gone', async () => {
    const bytes = new TextEncoder().encode(`%PDF-1.4 invoice of ${NAME}`);
    const [file] = await ctx.sql.begin((tx) =>
      postgresAttachmentStore(ctx.sql, ctx.activityDeps.dataKeys).store(tx, filed.id, [{ name: `invoice-${tag}.pdf`, contentType: 'application/pdf', bytes }]),
    );
    const download = () => d.app.request(`/v1/complaints/${filed.reference}/attachments/${file!.id}`, { headers: bearer('auditor') });
    expect(Buffer.from(await (await download()).arrayBuffer()).toString()).toContain(NAME);
    const [stored] = await ctx.sql<{ content: Buffer; original_name: string }[]>`SELECT content, original_name FROM complaint_attachments WHERE id = ${file!.id}`;
    expect(stored!.content.toString('latin1')).not.toContain(NAME);
    expect(stored!.original_name).not.toContain(tag);
    const eventsBefore = await d.events(filed);
    expect(JSON.stringify(eventsBefore)).toContain(NOTE);

    await ctx.activityDeps.dataKeys.destroy(filed.id, 'request');

    const erased = texts(await (await decodeViaCodec(bearer('admin'), await historyPayloads())).json());
    expect(erased).toContain('[erased]');
    for (const value of [NAME, EMAIL, DESCRIPTION, NOTE]) expect(erased).not.toContain(value);

    const history = await ctx.client.workflow.getHandle(filed.id).fetchHistory();
    await Worker.runReplayHistory(
      { workflowBundle: { code: inject('workflowBundleCode') }, dataConverter: encryptingDataConverter(ctx.encryptionKeys) },
      history,
      filed.id,
    );

    const eventsAfter = await d.events(filed);
    expect(eventsAfter.map((e) => [e.seq, e.type])).toEqual(eventsBefore.map((e) => [e.seq, e.type]));
    const note = eventsAfter.find((e) => e.type === 'note')!;
    expect(JSON.stringify(note.data)).not.toContain(NOTE);

    const gone = await download();
    expect(gone.status).toBe(410);

    // The PIN SMS and the acknowledgement were queued before the erasure: never sent, never retried.
    const sent: string[] = [];
    const dispatcher = createDispatcher(
      {
        sql: ctx.sql,
        outbox: createOutboxDelivery({ ...ctx.activityDeps, sealedBox: new SealedBox(ctx.encryptionKeys) }),
        email: { send: async (m) => (sent.push(m.to.join(',')), { providerMessageId: randomUUID() }) },
        sms: { name: 'test', send: async (m) => (sent.push(m.to), { providerMessageId: randomUUID() }) },
        staffAddresses: { contactsFor: async () => [] },
        log: pino({ level: 'silent' }),
        dataKeys: ctx.activityDeps.dataKeys,
      },
      { maxAttempts: 3, backoffBaseMs: 10, backoffMaxMs: 10, leaseMs: 60_000, pollMs: 1000, batchSize: 100, staffLocale: 'en', notBefore: started, replyAddresses: { addressFor: () => 'reply@plaint.test' } },
    );
    await eventually(async () => ((await dispatcher.runOnce()) === 0 ? true : undefined));
    const rows = await ctx.sql<{ audience: string; status: string; last_error: string | null }[]>`
      SELECT audience, status, last_error FROM outbox_messages WHERE complaint_id = ${filed.id} AND audience = 'customer'`;
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.every((r) => r.status === 'skipped' && r.last_error === 'undeliverable: erased')).toBe(true);
    expect(sent.join()).not.toContain(EMAIL);
  });
});
