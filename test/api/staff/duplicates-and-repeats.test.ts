// Possible duplicates and repeat links over HTTP, with a real worker: the single complaint lists
// the same customer's earlier complaints and very similar texts (masked for an auditor, absent
// from lists), `link_repeat` goes through the workflow onto the timeline and the read model,
// refused unless it names an earlier closed complaint of the same customer, counts in the
// repeat-rate KPI once, and the customer's own view shows nothing of any other complaint.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { customerViewSchema } from '../../../api/customer/view.js';
import { errorBodySchema } from '../../../api/http/errors.js';
import { complaintSchema, type ComplaintView } from '../../../api/staff/complaints.schemas.js';
import { reportRollupDifferences } from '../../../read-model/report-rollups.js';
import { complaintDriver, type FiledComplaint } from '../../helpers/complaint-driver.js';
import { bearer, eventually, integrationContext, type IntegrationContext } from '../../helpers/integration.js';
import { quietProcess } from '../../helpers/process.js';

let ctx: IntegrationContext;
let d: ReturnType<typeof complaintDriver>;

beforeAll(async () => {
  ctx = await integrationContext();
  await ctx.startWorker();
  d = complaintDriver(ctx, quietProcess());
});
afterAll(() => ctx.close());

const person = (name: string) => ({ name, email: `${randomUUID()}@example.com`, phone: `+90 532 ${Math.floor(1_000_000 + Math.random() * 8_999_999)}`, locale: 'tr', country: 'TR' });

/** A text no other test file files: a made-up model name in it. */
function leakText() {
  const model = `BM-${randomUUID().slice(0, 8)}`;
  return {
    subject: `Bulaşık makinesi ${model} su kaçırıyor`,
    description: `Geçen ay aldığım ${model} model bulaşık makinesi her yıkamada alttan su kaçırıyor, mutfak zemini ıslanıyor. Servis iki kez geldi, arıza giderilmedi.`,
  };
}

async function read(c: FiledComplaint, role: 'agent' | 'supervisor' | 'auditor' | 'process_owner' = 'agent') {
  return d.app.request(`/v1/complaints/${c.reference}`, { headers: bearer(role) });
}
const view = async (c: FiledComplaint, role: 'agent' | 'auditor' = 'agent'): Promise<ComplaintView> => complaintSchema.parse(await (await read(c, role)).json());
const errorOf = async (res: Response) => errorBodySchema.parse(await res.json()).error;

/** Waits until the read model shows the complaint closed. */
const closedInReadModel = (c: FiledComplaint) =>
  eventually(async () => ((await view(c)).status === 'closed' ? true : undefined), 20_000);

interface Setting {
  customer: ReturnType<typeof person>;
  /** The customer's earlier complaint, closed (withdrawn). */
  earlier: FiledComplaint;
  /** Another customer's complaint with the same text in capitals. */
  stranger: FiledComplaint;
  /** The customer's complaint the agent reads: the same matter again. */
  latest: FiledComplaint;
}

async function setting(): Promise<Setting> {
  const customer = person('Ayşe Yılmaz');
  const text = leakText();
  const earlier = await d.file({ customer, ...text });
  const stranger = await d.file({
    customer: person('Mehmet Kaya'),
    subject: text.subject.toLocaleUpperCase('tr-TR'),
    description: text.description.toLocaleUpperCase('tr-TR'),
  });
  await d.waitForStatus(earlier, 'acknowledged');
  await d.decideOk(earlier, { type: 'withdraw', reason: 'Solved with the dealer.' });
  await closedInReadModel(earlier);
  const latest = await d.file({ customer: { ...customer, email: customer.email.toUpperCase() }, ...text });
  await d.waitForStatus(latest, 'acknowledged');
  return { customer, earlier, stranger, latest };
}

describe('possibleDuplicates on the single complaint', () => {
  it('lists the same customer (both ways) and a very similar text of another customer, with why and the score', async () => {
    const s = await setting();
    const { possibleDuplicates } = await view(s.latest);
    expect(possibleDuplicates).toEqual([
      expect.objectContaining({ reference: s.earlier.reference, why: 'both', score: 1, status: 'closed', closure: 'withdrawn' }),
      expect.objectContaining({ reference: s.stranger.reference, why: 'similar_text', score: 1, customer: expect.objectContaining({ name: 'Mehmet Kaya', masked: false }) }),
    ]);
  });

  it('masks the other customers\' contact for an auditor, refuses a process owner, and leaves lists without them', async () => {
    const s = await setting();
    const audited = await view(s.latest, 'auditor');
    const stranger = audited.possibleDuplicates!.find((p) => p.reference === s.stranger.reference)!;
    expect(stranger.customer).toMatchObject({ name: 'Mehmet Kaya', masked: true });
    expect(stranger.customer.email).toMatch(/^.•••@e•••\.com$/);
    expect(stranger.customer.phone).toMatch(/^•••\d\d$/);
    expect((await read(s.latest, 'process_owner')).status).toBe(403);
    const list = await d.app.request(`/v1/complaints?customerEmail=${encodeURIComponent(s.customer.email)}`, { headers: bearer('agent') });
    const items = ((await list.json()) as { items: ComplaintView[] }).items;
    expect(items.map((i) => i.reference).sort()).toEqual([s.earlier.reference, s.latest.reference].sort());
    expect(items.every((i) => i.possibleDuplicates === null)).toBe(true);
  });
});

describe('link_repeat', () => {
  it('links a complaint to the customer\'s earlier closed one through the workflow: timeline, read model, API field', async () => {
    const s = await setting();
    const before = await view(s.latest);
    expect(before.allowedDecisions).toContain('link_repeat');
    expect(before.repeatOf).toBeNull();
    const res = await d.decide(s.latest, { type: 'link_repeat', repeatOf: s.earlier.reference });
    expect(res.status).toBe(200);
    const after = complaintSchema.parse(await res.json());
    expect(after.repeatOf).toEqual({ reference: s.earlier.reference, linkedAt: expect.any(String), linkedBy: 'test-agent' });
    expect(after.status).toBe(before.status);
    const events = await d.events(s.latest);
    expect(events.at(-1)).toMatchObject({ type: 'link_repeat', actor: { role: 'agent' }, data: { repeatOf: s.earlier.reference } });
    const [row] = await ctx.sql<{ repeat_of_id: string | null }[]>`SELECT repeat_of_id FROM complaints WHERE id = ${s.latest.id}`;
    expect(row!.repeat_of_id).toBe(s.earlier.id);
  });

  it.each([
    ['another customer\'s complaint', 'stranger', "another customer's"],
    ['a complaint still open', 'open', 'still open'],
    ['a complaint received later', 'later', 'received after'],
    ['a reference nobody has', 'unknown', 'no complaint has this reference'],
    ['itself', 'itself', 'cannot repeat itself'],
  ] as const)('refuses a link to %s with 422 naming repeatOf', async (_what, target, message) => {
    const s = await setting();
    // The same customer's complaint filed after the latest one, still open.
    const next = await d.file({ customer: s.customer, ...leakText() });
    const [asked, repeatOf] = {
      stranger: [s.latest, s.stranger.reference],
      open: [next, s.latest.reference],
      later: [s.latest, next.reference],
      unknown: [s.latest, 'CMP-2026-987654'],
      itself: [s.latest, s.latest.reference],
    }[target] as [FiledComplaint, string];
    const res = await d.decide(asked, { type: 'link_repeat', repeatOf });
    expect(res.status).toBe(422);
    const error = await errorOf(res);
    expect(error.code).toBe('UNPROCESSABLE');
    expect(error.details).toEqual([{ path: 'repeatOf', message: expect.stringContaining(message) }]);
  });

  it('counts the linked complaint once in the repeat-rate KPI, and the rollups stay exact', async () => {
    const s = await setting();
    const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Istanbul' }).format(new Date());
    const repeats = async () => {
      const res = await d.app.request(`/v1/reports/kpis?from=${today}&to=${today}`, { headers: bearer('supervisor') });
      expect(res.status).toBe(200);
      return ((await res.json()) as { total: { repeatComplaints: { count: number } } }).total.repeatComplaints.count;
    };
    const counted = await repeats();
    await d.decideOk(s.latest, { type: 'link_repeat', repeatOf: s.earlier.reference });
    expect(await repeats()).toBe(counted + 1);
    // Linked again (the same earlier complaint): still one repeat.
    await d.decideOk(s.latest, { type: 'link_repeat', repeatOf: s.earlier.reference });
    expect(await repeats()).toBe(counted + 1);
    expect(await reportRollupDifferences(ctx.sql)).toEqual([]);
  });
});

describe('the customer\'s view', () => {
  it('shows nothing of the possible duplicates or the repeated complaint, in JSON and on the tracking page', async () => {
    const s = await setting();
    await d.decideOk(s.latest, { type: 'link_repeat', repeatOf: s.earlier.reference });
    expect((await view(s.latest)).possibleDuplicates!.length).toBeGreaterThan(0);
    const json = await d.app.request('/v1/track', {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-forwarded-for': '198.51.100.91' },
      body: JSON.stringify({ reference: s.latest.reference, pin: s.latest.pin }),
    });
    expect(json.status).toBe(200);
    const body = await json.text();
    customerViewSchema.parse(JSON.parse(body));
    const page = await d.app.request('/track', {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-forwarded-for': '198.51.100.92' },
      body: new URLSearchParams({ reference: s.latest.reference, pin: s.latest.pin, lang: 'tr' }).toString(),
    });
    expect(page.status).toBe(200);
    const html = await page.text();
    for (const shown of [body, html]) {
      for (const other of [s.earlier.reference, s.stranger.reference, 'Mehmet Kaya', 'repeatOf', 'possibleDuplicates', 'similar_text']) {
        expect(shown).not.toContain(other);
      }
    }
  });
});
