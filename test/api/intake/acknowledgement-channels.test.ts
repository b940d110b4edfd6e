// The acknowledgement goes back the way the complaint came in: web and e-mail by e-mail, a phone
// number gets the reference and the tracking PIN by SMS (the PIN sealed until it is sent, never in
// clear in PostgreSQL), a letter, fax or front-office complaint becomes an agent's task with a
// deadline of 6 working hours in the complaint's calendar.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_PROCESS_SNAPSHOT } from '../../../config/default-process.js';
import { addBusinessDuration } from '../../../domain/calendar/index.js';
import { getCalendar } from '../../../domain/calendar/registry.js';
import { DeliveryError } from '../../../delivery/transport.js';
import { createOutboxDelivery } from '../../../read-model/outbox-delivery.js';
import { PIN_PLACEHOLDER } from '../../../read-model/outbox.js';
import { SealedBox } from '../../../security/sealed-box.js';
import { complaintDriver, type ComplaintDriver, type FiledComplaint } from '../../helpers/complaint-driver.js';
import { eventually, integrationContext, type IntegrationContext } from '../../helpers/integration.js';

let ctx: IntegrationContext;
let d: ComplaintDriver;
beforeAll(async () => {
  ctx = await integrationContext();
  await ctx.startWorker();
  d = complaintDriver(ctx, DEFAULT_PROCESS_SNAPSHOT);
});
afterAll(() => ctx?.close());

interface Row {
  id: string;
  seq: number;
  audience: string;
  channel: string;
  recipient: string;
  template: string;
  subject: string;
  body: string;
  params: Record<string, unknown>;
  response_link_id: string | null;
}
/** The complaint's outbox rows, opened (recipients and texts are sealed at rest with its data key). */
const outbox = async (c: FiledComplaint) =>
  ctx.activityDeps.dataKeys.openDeep(
    await ctx.sql<Row[]>`SELECT id, seq, audience, channel, recipient, template, subject, body, params, response_link_id
      FROM outbox_messages WHERE complaint_id = ${c.id} ORDER BY seq, ordinal`,
  );

/** Every row of every table in the schema that holds `text` anywhere, as table names. */
async function tablesHolding(text: string): Promise<string[]> {
  const tables = await ctx.sql<{ name: string }[]>`
    SELECT table_name AS name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE'`;
  const holding: string[] = [];
  for (const { name } of tables) {
    const [hit] = await ctx.sql`SELECT 1 FROM ${ctx.sql(name)} t WHERE t::text LIKE ${`%${text}%`} LIMIT 1`;
    if (hit) holding.push(name);
  }
  return holding;
}

const delivery = () => createOutboxDelivery({ ...ctx.activityDeps, sealedBox: new SealedBox(ctx.encryptionKeys) });
const stored = (row: Row) => ({ id: row.id, complaintId: '', subject: row.subject, body: row.body, responseLinkId: row.response_link_id });

describe('the tracking PIN by SMS', () => {
  it('queues the reference and a PIN placeholder with the complaint; only delivery opens the sealed PIN, which is gone once sent', async () => {
    const c = await d.file({ channel: 'phone', customer: { name: 'Ayşe Yılmaz', phone: '+905321234567', locale: 'tr', country: 'TR' } }, 'agent');
    const [sms] = (await outbox(c)).filter((m) => m.template === 'tracking_pin');
    expect(sms).toMatchObject({ seq: 0, audience: 'customer', channel: 'sms', recipient: '+905321234567' });
    expect(sms!.body).toContain(c.reference);
    expect(sms!.body).toContain(PIN_PLACEHOLDER);
    expect(await tablesHolding(c.pin)).toEqual([]);

    const rendered = await delivery().renderForDelivery({ ...stored(sms!), complaintId: c.id });
    expect(rendered.body).toContain(`PIN’iniz: ${c.pin}`);
    expect(rendered.body).not.toContain(PIN_PLACEHOLDER);

    await ctx.sql`UPDATE outbox_messages SET status = 'sent', sent_at = now() WHERE id = ${sms!.id}`;
    const [kept] = await ctx.sql`SELECT 1 FROM tracking_pin_messages WHERE outbox_message_id = ${sms!.id}`;
    expect(kept).toBeUndefined();
    await expect(delivery().renderForDelivery({ ...stored(sms!), complaintId: c.id })).rejects.toSatisfy(
      (err) => err instanceof DeliveryError && err.permanent,
    );

    // The PIN the customer read works on the tracking endpoint.
    const track = await d.app.request('/v1/track', {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-forwarded-for': '198.51.100.77' },
      body: JSON.stringify({ reference: c.reference, pin: c.pin }),
    });
    expect(track.status).toBe(200);

    // The PIN SMS is the phone complaint's acknowledgement: no second SMS saying the same.
    await d.waitForStatus(c, 'acknowledged');
    expect((await outbox(c)).filter((m) => m.audience === 'customer').map((m) => m.template)).toEqual(['tracking_pin']);
  });

  it('sends a web complaint its acknowledgement by e-mail and the PIN by SMS when a phone is given; none without a phone', async () => {
    const c = await d.file({ channel: 'web' });
    await d.waitForStatus(c, 'acknowledged');
    await eventually(async () => ((await outbox(c)).some((m) => m.template === 'acknowledgement') ? true : undefined));
    const customer = (await outbox(c)).filter((m) => m.audience === 'customer');
    expect(customer.map((m) => [m.template, m.channel])).toEqual([['tracking_pin', 'sms'], ['acknowledgement', 'email']]);
    expect(await tablesHolding(c.pin)).toEqual([]);

    const noPhone = await d.file({ channel: 'email', customer: { name: 'Ali Veli', email: 'ali@example.com', locale: 'en' } }, 'agent');
    await d.waitForStatus(noPhone, 'acknowledged');
    expect((await outbox(noPhone)).filter((m) => m.audience === 'customer').map((m) => [m.template, m.channel])).toEqual([['acknowledgement', 'email']]);
  });
});

describe('a letter, fax or front-office complaint', () => {
  it('gives an agent the acknowledgement to pass on by letter, due 6 working hours later in the complaint’s calendar', async () => {
    const address = 'Mehmet Demir\nAtatürk Bulvarı No 5\n06420 Çankaya / Ankara';
    const c = await d.file({ channel: 'letter', customer: { name: 'Mehmet Demir', locale: 'fa', country: 'TR', postalAddress: address } }, 'agent');
    const rows = await eventually(async () => {
      const all = await outbox(c);
      return all.length >= 2 ? all : undefined;
    });
    const stage = (await d.waitForStatus(c, 'received')).deadlines.stage!;
    expect(stage.id).toBe('acknowledgement');
    const start = new Date(stage.startedAt);
    const tr = getCalendar('TR', { from: start.getUTCFullYear() - 1, to: start.getUTCFullYear() + 1 });
    expect(stage.deadline).toBe(addBusinessDuration(tr, start, { workingHours: 6 }).deadline.toISOString());

    const agentRow = rows.find((m) => m.channel === 'agent')!;
    expect(agentRow).toMatchObject({ audience: 'customer', template: 'acknowledgement', recipient: address });
    expect(agentRow.body).toContain(c.reference);
    const task = rows.find((m) => m.template === 'agent_acknowledgement')!;
    expect(task).toMatchObject({ audience: 'staff', channel: 'staff_inbox', recipient: 'escalation:assignee' });
    expect(task.params).toMatchObject({ dueAt: stage.deadline, channel: 'letter' });
    expect(task.subject).toContain('mektup');
    expect(task.body).toContain('Atatürk Bulvarı No 5, 06420 Çankaya / Ankara');
    expect(task.body).toContain('alındı kararını kaydedin');
    // Nothing the dispatcher would send: no e-mail, no SMS for a letter without them.
    expect(rows.filter((m) => m.channel === 'email' || m.channel === 'sms')).toEqual([]);
  });

  it('passes it on by hand even when the customer also gave an e-mail address', async () => {
    const c = await d.file({ channel: 'front_office', frontOffice: 'head-office', customer: { name: 'Leyla Əliyeva', email: 'leyla@example.com', locale: 'az' } }, 'agent');
    await d.waitForStatus(c, 'acknowledged');
    const rows = await outbox(c);
    expect(rows.filter((m) => m.audience === 'customer').map((m) => [m.template, m.channel])).toEqual([['acknowledgement', 'agent']]);
    const task = rows.find((m) => m.template === 'agent_acknowledgement')!.body;
    expect(task).toContain('yüz yüze');
    // The workflow acknowledged it already (an e-mail is on file): nothing more to record.
    expect(task).not.toContain('alındı kararını kaydedin');
  });
});
