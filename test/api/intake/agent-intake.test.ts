// Complaints staff enter for the customer: every staff channel through the real workflow, the
// clock started at the time the complaint really reached us (not at data entry), a receipt already
// past its acknowledgement deadline breaching at once, and what intake refuses with 400 naming
// the field (a time in the future or too far back, an office missing or unknown, a web complaint
// or a keyless caller with a received time).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_PROCESS_SNAPSHOT } from '../../../config/default-process.js';
import { addBusinessDuration } from '../../../domain/calendar/index.js';
import { getCalendar } from '../../../domain/calendar/registry.js';
import { complaintDriver, type ComplaintDriver, type FiledComplaint } from '../../helpers/complaint-driver.js';
import { aComplaint } from '../../helpers/fixtures.js';
import { bearer, eventually, integrationContext, type IntegrationContext } from '../../helpers/integration.js';
import { quietProcess } from '../../helpers/process.js';

let ctx: IntegrationContext;
/** Every deadline an hour of round-the-clock time: a deadline is the received time plus one hour. */
let quick: ComplaintDriver;
beforeAll(async () => {
  ctx = await integrationContext();
  await ctx.startWorker();
  quick = complaintDriver(ctx, quietProcess());
});
afterAll(() => ctx?.close());

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const ago = (ms: number) => new Date(Date.now() - ms);

function post(d: ComplaintDriver, body: unknown, headers: Record<string, string> = bearer('agent')) {
  return d.app.request('/v1/complaints', { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });
}

async function fileOk(d: ComplaintDriver, body: unknown): Promise<FiledComplaint & { receivedAt: string }> {
  const res = await post(d, body);
  expect(res.status, JSON.stringify(await res.clone().json())).toBe(201);
  return res.json() as never;
}

async function view(d: ComplaintDriver, c: FiledComplaint) {
  const res = await d.app.request(`/v1/complaints/${c.reference}`, { headers: bearer('agent') });
  expect(res.status).toBe(200);
  return (await res.json()) as {
    channel: string;
    receivedAt: string;
    breachCount: number;
    escalationLevel: string | null;
    entry: { enteredAt: string | null; enteredBy: string | null; frontOffice: string | null; intermediary: string | null };
  };
}

/** The fields a refusal names; `status` 422 for what only the clock or the configuration refuses. */
async function fieldsRefused(res: Response, status: 400 | 422 = 400): Promise<string[]> {
  expect(res.status).toBe(status);
  const body = (await res.json()) as { error: { code: string; details: { path: string }[] } };
  expect(body.error.code).toBe(status === 400 ? 'VALIDATION_FAILED' : 'UNPROCESSABLE');
  return body.error.details.map((d) => d.path);
}

/** A letter with only a postal address: nobody can acknowledge it but an agent, so its clock runs on. */
const letterToAcknowledge = (receivedAt: string) =>
  aComplaint({ channel: 'letter', receivedAt, customer: { name: 'Mehmet Demir', locale: 'tr', postalAddress: 'Atatürk Bulvarı No 5\n06420 Çankaya / Ankara' } });

describe('a complaint an agent enters', () => {
  it.each([
    ['phone', {}],
    ['letter', {}],
    ['fax', {}],
    ['front_office', { frontOffice: 'head-office' }],
    ['dealer', { intermediary: 'Yılmaz Oto (D-1043)' }],
    ['sales_representative', { intermediary: 'Can Öztürk' }],
    ['technical_support', {}],
    ['social_media', {}],
    ['live_chat', {}],
  ] as const)('runs the web intake’s workflow when it came by %s, keeping who entered it and through whom', async (channel, extra) => {
    const receivedAt = ago(25 * MINUTE).toISOString();
    const c = await fileOk(quick, aComplaint({ channel, receivedAt, customer: { name: 'Elif Aksoy', email: 'elif@example.com', locale: 'en' }, ...extra }));
    expect(c.receivedAt).toBe(receivedAt);
    await quick.waitForStatus(c, 'acknowledged');
    const v = await view(quick, c);
    expect(v).toMatchObject({ channel, receivedAt });
    expect(v.entry).toMatchObject({
      enteredBy: 'test-agent',
      frontOffice: 'frontOffice' in extra ? extra.frontOffice : null,
      intermediary: 'intermediary' in extra ? extra.intermediary : null,
    });
    expect(Date.parse(v.entry.enteredAt!)).toBeGreaterThan(Date.parse(receivedAt));
    // The acknowledgement is written in the customer's preferred language, dated at receipt.
    await eventually(async () => (await quick.messages(c)).find((m) => m.template === 'acknowledgement'));
    const [row] = await ctx.sql<{ locale: string; params: { receivedAt: string } }[]>`
      SELECT locale, params FROM outbox_messages WHERE complaint_id = ${c.id} AND template = 'acknowledgement'`;
    expect(row!.locale).toBe('en');
    expect(Date.parse(row!.params.receivedAt)).toBe(Date.parse(receivedAt));
    const [received] = (await quick.events(c)).filter((e) => e.type === 'received');
    expect(received!.data).toMatchObject({ channel, enteredBy: { id: 'test-agent', role: 'agent' } });
  });

  it('starts the acknowledgement clock at the received time, not when it was entered', async () => {
    const receivedAt = ago(20 * MINUTE);
    const c = await fileOk(quick, letterToAcknowledge(receivedAt.toISOString()));
    const stage = await eventually(async () => (await quick.status(c).catch(() => undefined))?.deadlines.stage ?? undefined);
    expect(stage.id).toBe('acknowledgement');
    expect(Date.parse(stage.deadline)).toBe(receivedAt.getTime() + HOUR);
    const [row] = await ctx.sql<{ occurred_at: Date }[]>`SELECT occurred_at FROM complaint_events WHERE complaint_id = ${c.id} AND seq = 0`;
    expect(row!.occurred_at.getTime()).toBe(receivedAt.getTime());
  });

  it('counts the shipped 6 working hours from receipt in the Turkish calendar', async () => {
    const shipped = complaintDriver(ctx, DEFAULT_PROCESS_SNAPSHOT);
    const receivedAt = ago(2 * 24 * HOUR);
    const c = await fileOk(shipped, letterToAcknowledge(receivedAt.toISOString()));
    const stage = await eventually(async () => (await shipped.status(c).catch(() => undefined))?.deadlines.stage ?? undefined);
    const tr = getCalendar('TR', { from: receivedAt.getUTCFullYear() - 1, to: receivedAt.getUTCFullYear() + 1 });
    expect(stage.deadline).toBe(addBusinessDuration(tr, receivedAt, { workingHours: 6 }).deadline.toISOString());
  });

  it('breaches and escalates at once when the acknowledgement deadline had passed before it was entered', async () => {
    const c = await fileOk(quick, letterToAcknowledge(ago(90 * MINUTE).toISOString()));
    const breached = await eventually(async () => {
      const s = await quick.status(c).catch(() => undefined);
      return s && s.state.counters.breaches >= 1 ? s : undefined;
    });
    expect(breached.state.status).toBe('received');
    expect(breached.escalationLevel).toBe('teamLead');
    const events = await quick.events(c);
    expect(events.filter((e) => e.type === 'deadline_breached').map((e) => e.data.stage)).toEqual(['acknowledgement']);
    expect((await quick.messages(c)).some((m) => m.template === 'deadline_breached')).toBe(true);
  });

  it('records a late acknowledgement as breached when the customer could be told at once', async () => {
    const c = await fileOk(quick, aComplaint({ channel: 'phone', receivedAt: ago(90 * MINUTE).toISOString() }));
    await quick.waitForStatus(c, 'acknowledged');
    const sent = (await quick.events(c)).find((e) => e.type === 'acknowledgement_sent')!;
    expect(sent.data.stageOutcome).toMatchObject({ stage: 'acknowledgement', outcome: 'breached', met: false });
    expect((await quick.events(c)).some((e) => e.type === 'deadline_breached')).toBe(false); // nothing left to escalate
  });

  it('takes a time a little ahead of our clock as now, and one given without an API key never', async () => {
    const c = await fileOk(quick, aComplaint({ channel: 'phone', receivedAt: new Date(Date.now() + 30_000).toISOString() }));
    expect(Date.parse(c.receivedAt)).toBeLessThanOrEqual(Date.now());
    expect(await fieldsRefused(await post(quick, aComplaint({ channel: 'web', receivedAt: ago(HOUR).toISOString() }), {}))).toEqual(['receivedAt']);
    const keylessPhone = await post(quick, aComplaint({ channel: 'phone', receivedAt: ago(HOUR).toISOString() }), {});
    expect(keylessPhone.status).toBe(401);
  });
});

describe('what agent intake refuses', () => {
  it.each([
    ['a received time in the future', { channel: 'phone', receivedAt: new Date(Date.now() + 10 * MINUTE).toISOString() }, ['receivedAt'], 422],
    ['a received time more than 7 days back', { channel: 'phone', receivedAt: ago(8 * 24 * HOUR).toISOString() }, ['receivedAt'], 422],
    ['a received time without an offset', { channel: 'phone', receivedAt: '2026-03-02T14:05:00' }, ['receivedAt']],
    ['a web complaint with a received time', { channel: 'web', receivedAt: ago(HOUR).toISOString() }, ['receivedAt']],
    ['a front-office complaint without its office', { channel: 'front_office' }, ['frontOffice']],
    ['an office nobody configured', { channel: 'front_office', frontOffice: 'nowhere' }, ['frontOffice'], 422],
    ['an office for a phone call', { channel: 'phone', frontOffice: 'head-office' }, ['frontOffice']],
    ['who passed it on, for a phone call', { channel: 'phone', intermediary: 'Somebody' }, ['intermediary']],
    [
      'a future time beside a blank name (every bad field at once)',
      { channel: 'phone', receivedAt: new Date(Date.now() + 10 * MINUTE).toISOString(), customer: { name: ' ', locale: 'tr', phone: '+905321234567' } },
      ['customer.name', 'receivedAt'],
    ],
  ] as const)('%s, with 400 (422 for the clock and the configuration) naming the field', async (_, fields, paths, status?: 400 | 422) => {
    expect(await fieldsRefused(await post(quick, aComplaint(fields)), status)).toEqual(paths);
  });

  it('says how far back and which offices it takes (GET /v1/intake-options)', async () => {
    const res = await quick.app.request('/v1/intake-options', { headers: bearer('agent') });
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ backdateMaxDays: 7, clockSkewSeconds: 120, frontOffices: [{ id: 'head-office', name: 'Head office' }] });
    expect((await quick.app.request('/v1/intake-options')).status).toBe(401);
  });
});
