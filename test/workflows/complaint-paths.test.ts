// The ISO 10002 paths end to end: API intake and decisions, the workflow on a real Temporal
// server, the customer's answers through their links, and what the read model and outbox show.
import { describe, expect, it } from 'vitest';
import { CLASSIFY, type ComplaintDriver, type FiledComplaint, PROPOSE_REFUND, PROPOSE_REPAIR, useComplaintDriver } from '../helpers/complaint-driver.js';
import { type IntegrationContext } from '../helpers/integration.js';

let ctx: IntegrationContext;
let d: ComplaintDriver;
useComplaintDriver((world) => ({ ctx, d } = world));

/** A complaint with its first proposal made, waiting for the customer. */
async function proposed(): Promise<FiledComplaint> {
  const c = await d.file();
  await d.waitForStatus(c, 'acknowledged');
  await d.decideOk(c, CLASSIFY);
  expect((await d.decideOk(c, PROPOSE_REPAIR)).status).toBe('resolution_proposed');
  return c;
}

const templates = async (c: FiledComplaint, audience: 'customer' | 'staff') =>
  (await d.messages(c)).filter((m) => m.audience === audience).map((m) => m.template);

describe('complaintWorkflow, end to end', () => {
  it('acknowledges a reachable customer automatically, back through the e-mail they gave', async () => {
    const c = await d.file();
    const status = await d.waitForStatus(c, 'acknowledged');
    expect(status.deadlines.stage?.id).toBe('initialReview');
    // (The PIN SMS intake queued comes first: acknowledgement-channels.test.ts.)
    const ack = (await d.messages(c)).find((m) => m.template === 'acknowledgement');
    expect(ack).toMatchObject({ audience: 'customer', channel: 'email', recipient: 'ayse@example.com', template: 'acknowledgement' });
    expect(ack!.body).toContain(c.reference);
    // It promises the end of the initial review, the stage the acknowledgement starts.
    const [row] = await ctx.sql<{ params: { dueAt?: string } }[]>`
      SELECT params FROM outbox_messages WHERE complaint_id = ${c.id} AND template = 'acknowledgement'`;
    expect(row!.params.dueAt).toBe(status.deadlines.stage!.deadline);
  });

  it('waits for an agent to acknowledge when the customer left no e-mail or phone', async () => {
    const customer = { name: 'Mehmet Demir', locale: 'tr', country: 'TR', postalAddress: 'Atatürk Bulvarı 5\n06420 Ankara' };
    const c = await d.file({ channel: 'letter', customer }, 'agent');
    await new Promise((r) => setTimeout(r, 500));
    expect((await d.status(c)).state.status).toBe('received');
    expect((await d.decideOk(c, { type: 'acknowledge' })).status).toBe('acknowledged');
  });

  it('closes as accepted when the customer accepts the first proposal, and revokes the link', async () => {
    const c = await proposed();
    const proposal = (await d.messages(c)).find((m) => m.template === 'resolution_proposed')!;
    // Staff read the outbox: the link is signed in only on delivery (answer-link-privacy.test.ts).
    expect(proposal.body).toContain('[answer link]');
    const link = await d.openLink(c, 'resolution');
    const after = await d.answer(c, { type: 'customer_accepted', round: 1 }, link!.id);
    expect(after.state).toMatchObject({ status: 'closed', closure: 'accepted', round: 1 });
    expect(await d.openLink(c, 'resolution')).toBeUndefined();
    // There is no survey yet: the closing message invites to none, and no survey message is sent.
    const customerTemplates = await templates(c, 'customer');
    expect(customerTemplates).toContain('complaint_closed');
    expect(customerTemplates).not.toContain('satisfaction_survey');
    const closing = (await d.messages(c)).find((m) => m.audience === 'customer' && m.template === 'complaint_closed')!;
    expect(closing.body).not.toMatch(/survey|anket|geri bildirim|feedback/i);
    const [row] = await ctx.sql`SELECT status, closure, closed_at FROM complaints WHERE id = ${c.id}`;
    expect(row).toMatchObject({ status: 'closed', closure: 'accepted' });
    expect(row!.closed_at).toBeInstanceOf(Date);
  });

  it('reinvestigates after a first rejection and closes when the second proposal is accepted', async () => {
    const c = await proposed();
    const rejected = await d.answer(c, { type: 'customer_rejected', round: 1, reason: 'A repair is not enough, the drum is cracked.' });
    expect(rejected.state.status).toBe('reinvestigating');
    expect(rejected.deadlines.stage?.id).toBe('reinvestigation');
    expect(await templates(c, 'customer')).toContain('reinvestigation_started');
    expect((await d.decideOk(c, PROPOSE_REFUND)).round).toBe(2);
    const accepted = await d.answer(c, { type: 'customer_accepted', round: 2 });
    expect(accepted.state).toMatchObject({ status: 'closed', closure: 'accepted', round: 2 });
    expect(accepted.state.proposals.map((p) => p.answer?.outcome)).toEqual(['rejected', 'accepted']);
  });

  it('goes open_external after two rejections, tells the customer the remedies, and closes on the external outcome', async () => {
    const c = await proposed();
    await d.answer(c, { type: 'customer_rejected', round: 1, reason: 'Not acceptable.' });
    await d.decideOk(c, PROPOSE_REFUND);
    const open = await d.answer(c, { type: 'customer_rejected', round: 2, reason: 'Still not acceptable.' });
    expect(open.state.status).toBe('open_external');
    const remedies = (await d.messages(c)).find((m) => m.template === 'external_remedies')!;
    expect(remedies.body).toMatch(/Tüketici Hakem Heyet/);
    expect(remedies.body).toMatch(/Tüketici Mahkeme/);
    expect(await templates(c, 'staff')).toContain('complaint_open_external');
    const closed = await d.decideOk(c, {
      type: 'record_external_outcome',
      body: 'İstanbul Tüketici Hakem Heyeti',
      bodyReference: '2026/1234',
      decision: 'upheld',
      summary: 'The committee ordered a full refund.',
    });
    expect(closed).toMatchObject({ status: 'closed', closure: 'external_decision' });
  });

  it('records every transition once, in order, with who did it', async () => {
    const c = await proposed();
    const events = await d.events(c);
    expect(events.map((e) => e.seq)).toEqual(events.map((_, i) => i));
    expect(events.map((e) => e.type)).toEqual(['received', 'registered', 'process_started', 'acknowledgement_sent', 'classify', 'propose_resolution']);
    expect(events.find((e) => e.type === 'classify')!.actor).toEqual({ id: 'test-agent', role: 'agent' });
    expect(events.find((e) => e.type === 'classify')!.data.stageOutcome).toMatchObject({ stage: 'initialReview', met: true });
  });

  it('pauses the stage clock while the customer owes information and moves the deadline by the pause', async () => {
    const c = await d.file();
    await d.waitForStatus(c, 'acknowledged');
    await d.decideOk(c, CLASSIFY);
    const before = (await d.status(c)).deadlines.stage!;
    const asked = await d.decideOk(c, { type: 'request_info', question: 'Could you send a photo of the serial number plate?' });
    expect(asked.status).toBe('awaiting_customer');
    const paused = await d.status(c);
    expect(paused.deadlines.stage?.paused).toBe(true);
    expect((await d.messages(c)).find((m) => m.template === 'info_requested')!.body).toContain('[answer link]');
    await new Promise((r) => setTimeout(r, 1500));
    const answered = await d.answer(c, { type: 'customer_answered_info', requestId: paused.state.pendingInfoRequest!.requestId, text: 'Serial SN-12345, photo attached.' });
    expect(answered.state.status).toBe('investigating');
    const moved = Date.parse(answered.deadlines.stage!.deadline) - Date.parse(before.deadline);
    expect(moved).toBeGreaterThanOrEqual(1400);
    expect(moved).toBeLessThan(10_000);
    expect(answered.deadlines.stage?.paused).toBe(false);
  });
});
