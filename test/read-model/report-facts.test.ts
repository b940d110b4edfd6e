// The KPI facts (db/migrations/0018) as the transaction that records each transition writes them:
// complaints driven through their lifecycle by a real worker on a round-the-clock process, and
// closures on real calendars recorded through the activity, with resolution times counted by hand.
import { randomUUID } from 'node:crypto';
import { MockActivityEnvironment } from '@temporalio/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createActivities } from '../../activities/index.js';
import type { TransitionRecord } from '../../read-model/record-transition.js';
import { storeCalendarOverrides } from '../../read-model/calendar-overrides.js';
import { refreshPriorComplaints } from '../../read-model/report-facts.js';
import { customerLookupHasher } from '../../security/customer-lookup.js';
import type { ComplaintIntake, ComplaintSnapshot } from '../../workflows/complaint.messages.js';
import { CLASSIFY, complaintDriver, type ComplaintDriver, type FiledComplaint } from '../helpers/complaint-driver.js';
import { aSnapshot } from '../helpers/customer-fixtures.js';
import { aComplaint } from '../helpers/fixtures.js';
import { eventually, integrationContext, LINK_SIGNING_SECRET, type IntegrationContext } from '../helpers/integration.js';
import { quietProcess, ROUND_THE_CLOCK, seconds } from '../helpers/process.js';
import { readFile } from 'node:fs/promises';
import { hoursOf, migrationTo, processVersion } from '../helpers/migration.js';
import { anIntake } from '../helpers/time-skipping.js';
import { createCalendarResolver } from '../../read-model/calendar-resolver.js';
import { backfillReportFacts, PRIOR_LINKS_STEP } from '../../read-model/report-facts-backfill.js';

let ctx: IntegrationContext;
const hasher = customerLookupHasher(LINK_SIGNING_SECRET);
beforeAll(async () => {
  ctx = await integrationContext();
  await ctx.startWorker();
});
afterAll(() => ctx.close());

/** Every fact row of a complaint, for comparing before and after. */
async function factsOf(complaintId: string) {
  const [complaint] = await ctx.sql`
    SELECT prior_complaint_at, resolution_business_minutes, closed_within_3_business_days, breach_count
    FROM complaints WHERE id = ${complaintId}`;
  return {
    complaint,
    stageClocks: await ctx.sql`SELECT stage, started_at, deadline_at, ended_at, breached FROM complaint_stage_clocks WHERE complaint_id = ${complaintId} ORDER BY started_at, stage`,
    escalations: await ctx.sql`SELECT seq, stage, level, occurred_at FROM complaint_escalations WHERE complaint_id = ${complaintId} ORDER BY seq`,
    proposals: await ctx.sql`SELECT round, outcome, remedy, amount, currency, proposed_at, answer, answered_at FROM complaint_proposals WHERE complaint_id = ${complaintId} ORDER BY round`,
    correctiveActions: await ctx.sql`SELECT action_id, root_cause, recorded_at FROM complaint_corrective_actions WHERE complaint_id = ${complaintId} ORDER BY action_id`,
  };
}

async function occurredAt(complaintId: string, type: string): Promise<Date[]> {
  const rows = await ctx.sql<{ occurred_at: Date }[]>`
    SELECT occurred_at FROM complaint_events WHERE complaint_id = ${complaintId} AND type = ${type} ORDER BY seq`;
  return rows.map((r) => r.occurred_at);
}

/** The complaint the first test drives through every kind of fact (the backfill test derives them again). */
let driven: FiledComplaint | undefined;
/** Complaints the repeat-link tests linked (the backfill test links them again). */
const linked: string[] = [];

describe('facts of a complaint driven through its lifecycle', () => {
  it('records the breached and escalated stage, both rounds, the corrective action and the resolution time', async () => {
    const d = complaintDriver(
      ctx,
      quietProcess((def) => {
        def.stages.initialReview.deadline = seconds(2);
        def.stages.initialReview.escalation = { levels: ['assignee', 'teamLead'], onBreach: [{ notify: ['teamLead'], escalate: true }] };
      }),
    );
    // A customer of this test's own: no earlier complaint of theirs.
    const c = await d.file({ customer: { name: 'Ayşe Yılmaz', email: `facts-${randomUUID()}@example.com`, locale: 'tr', country: 'TR' } });
    const escalated = await eventually(async () => {
      const s = await d.status(c);
      return s.escalationLevel === 'teamLead' ? s : undefined;
    });
    const reviewDeadline = escalated.deadlines.stage!.deadline;
    await d.decideOk(c, CLASSIFY);
    await d.decideOk(c, { type: 'record_corrective_action', rootCause: 'Door seal fitted wrongly at the factory', action: 'Check every seal', owner: 'qa-lead', dueDate: '2026-12-31' });
    await d.decideOk(c, { type: 'propose_resolution', outcome: 'partly_upheld', summary: 'We refund half the price.', remedy: 'refund', amount: 7500, currency: 'TRY' });
    await d.answer(c, { type: 'customer_rejected', round: 1, reason: 'Half is not enough.' });
    await d.waitForStatus(c, 'reinvestigating');
    await d.decideOk(c, { type: 'propose_resolution', outcome: 'upheld', summary: 'We refund the full price.', remedy: 'refund', amount: 14999.9, currency: 'TRY', correctiveActionId: 'ca-1' });
    await d.answer(c, { type: 'customer_accepted', round: 2 });
    await d.waitForStatus(c, 'closed');
    driven = c;

    const facts = await factsOf(c.id);
    const [row] = await ctx.sql<{ received_at: Date; closed_at: Date }[]>`SELECT received_at, closed_at FROM complaints WHERE id = ${c.id}`;
    const [acknowledged] = await occurredAt(c.id, 'acknowledgement_sent');
    const [classified] = await occurredAt(c.id, 'classify');
    const [firstProposal, secondProposal] = await occurredAt(c.id, 'propose_resolution');
    const [rejected] = await occurredAt(c.id, 'customer_rejected');
    const [accepted] = await occurredAt(c.id, 'customer_accepted');
    expect(facts.stageClocks).toEqual([
      expect.objectContaining({ stage: 'acknowledgement', started_at: row!.received_at, ended_at: acknowledged, breached: false }),
      { stage: 'initialReview', started_at: acknowledged, deadline_at: new Date(reviewDeadline), ended_at: classified, breached: true },
      expect.objectContaining({ stage: 'investigation', started_at: classified, ended_at: firstProposal, breached: false }),
      expect.objectContaining({ stage: 'reinvestigation', started_at: rejected, ended_at: secondProposal, breached: false }),
    ]);
    const [breach] = (await d.events(c)).filter((e) => e.type === 'deadline_breached');
    expect(facts.escalations).toEqual([{ seq: breach!.seq, stage: 'initialReview', level: 'teamLead', occurred_at: expect.any(Date) }]);
    expect(facts.proposals).toEqual([
      { round: 1, outcome: 'partly_upheld', remedy: 'refund', amount: '7500.00', currency: 'TRY', proposed_at: firstProposal, answer: 'rejected', answered_at: rejected },
      { round: 2, outcome: 'upheld', remedy: 'refund', amount: '14999.90', currency: 'TRY', proposed_at: secondProposal, answer: 'accepted', answered_at: accepted },
    ]);
    expect(facts.correctiveActions).toEqual([{ action_id: 'ca-1', root_cause: 'Door seal fitted wrongly at the factory', recorded_at: expect.any(Date) }]);
    // Round the clock, business minutes are wall-clock minutes.
    expect(facts.complaint).toEqual({
      prior_complaint_at: null,
      resolution_business_minutes: Math.round((row!.closed_at.getTime() - row!.received_at.getTime()) / 60_000),
      closed_within_3_business_days: true,
      breach_count: 1,
    });
  });

  it('keeps one row per stage run through a pause, a process migration and continue-as-new, with the deadline last in force', async () => {
    const v1 = processVersion(1);
    const d = complaintDriver(ctx, v1);
    const intake = anIntake();
    const started = await ctx.client.workflow.start('complaintWorkflow', {
      workflowId: intake.complaintId,
      taskQueue: ctx.taskQueue,
      args: [{ intake, process: v1, historyLimit: 60 }],
    });
    const c = { id: intake.complaintId, reference: intake.reference, pin: '' };
    await d.waitForStatus(c, 'acknowledged');
    await d.decideOk(c, CLASSIFY);
    const investigationRun = async () =>
      (await ctx.sql`SELECT started_at, deadline_at, ended_at, breached FROM complaint_stage_clocks WHERE complaint_id = ${c.id} AND stage = 'investigation'`);
    const asked = await d.decideOk(c, { type: 'request_info', question: 'Which model is it?' });
    expect(asked.status).toBe('awaiting_customer');
    await new Promise((r) => setTimeout(r, 1_000));
    const resumed = await d.answer(c, { type: 'customer_answered_info', requestId: 'info-1', text: 'WM-8000' });
    expect((await investigationRun())).toEqual([expect.objectContaining({ deadline_at: new Date(resumed.deadlines.stage!.deadline), ended_at: null })]);
    const { status: migrated } = await d.migrate(c, migrationTo(processVersion(2, (def) => (def.stages.investigation.deadline = hoursOf(5))), 'restart'));
    expect(migrated.deadlines.stage!.deadline).not.toBe(resumed.deadlines.stage!.deadline);
    const handle = ctx.client.workflow.getHandle(c.id);
    for (let i = 1; (await handle.describe()).runId === started.firstExecutionRunId; i++) {
      await d.decideOk(c, { type: 'note', text: `Called the customer, attempt ${i}.` });
      expect(i).toBeLessThan(20);
    }
    await eventually(async () => d.status(c).catch(() => undefined));
    await d.decideOk(c, { type: 'propose_resolution', outcome: 'not_upheld', summary: 'The machine was installed against the manual.', remedy: 'explanation' });
    const [classified] = await occurredAt(c.id, 'classify');
    const [proposed] = await occurredAt(c.id, 'propose_resolution');
    expect(await investigationRun()).toEqual([{ started_at: classified, deadline_at: new Date(migrated.deadlines.stage!.deadline), ended_at: proposed, breached: false }]);
    const [proposal] = await ctx.sql`SELECT outcome, remedy, amount FROM complaint_proposals WHERE complaint_id = ${c.id}`;
    expect(proposal).toEqual({ outcome: 'not_upheld', remedy: 'explanation', amount: null });
  });

  describe('the repeat-complaint link', () => {
    let d: ComplaintDriver;
    beforeAll(() => {
      d = complaintDriver(ctx, quietProcess());
    });

    /** A complaint of one customer (an e-mail of this test's own), with the lookup hash intake stores. */
    async function fileAs(email: string): Promise<FiledComplaint> {
      const c = await d.file({ customer: { name: 'Deniz Kaya', email, locale: 'tr', country: 'TR' } });
      await ctx.sql`UPDATE complaints SET customer_email_hash = ${hasher.email(email)} WHERE id = ${c.id}`;
      linked.push(c.id);
      await d.waitForStatus(c, 'acknowledged');
      return c;
    }
    const classify = (c: FiledComplaint, category: string) => d.decideOk(c, { ...CLASSIFY, category } as typeof CLASSIFY);
    const priorOf = async (c: FiledComplaint) => (await ctx.sql`SELECT prior_complaint_at FROM complaints WHERE id = ${c.id}`)[0]!.prior_complaint_at as Date | null;
    const receivedAt = async (c: FiledComplaint) => (await ctx.sql`SELECT received_at FROM complaints WHERE id = ${c.id}`)[0]!.received_at as Date;

    it("links each complaint to the same customer's latest earlier one in its category, and follows every change of category", async () => {
      const email = `repeat-${randomUUID()}@example.com`;
      const first = await fileAs(email);
      const second = await fileAs(email);
      const third = await fileAs(email);
      const stranger = await fileAs(`other-${randomUUID()}@example.com`);
      // The second is classified first: the first has no category yet.
      await classify(second, 'product_defect');
      expect(await priorOf(second)).toBeNull();
      // Classifying the first makes it the second's prior complaint.
      await classify(first, 'product_defect');
      expect(await priorOf(first)).toBeNull();
      expect(await priorOf(second)).toEqual(await receivedAt(first));
      await classify(third, 'delivery');
      expect(await priorOf(third)).toBeNull();
      await classify(stranger, 'product_defect');
      expect(await priorOf(stranger)).toBeNull();
      // Recategorised: the latest earlier one in the new category.
      await classify(third, 'product_defect');
      expect(await priorOf(third)).toEqual(await receivedAt(second));
      // The second leaves the category: the third falls back to the first, the second has none before it.
      await classify(second, 'delivery');
      expect(await priorOf(third)).toEqual(await receivedAt(first));
      expect(await priorOf(second)).toBeNull();
    });
  });
});

describe('facts recorded through the activity', () => {
  const activities = () => createActivities(ctx.activityDeps);
  const env = new MockActivityEnvironment();

  async function recorded(intake: Partial<ComplaintIntake> & { receivedAt: string }): Promise<ComplaintIntake> {
    const full: ComplaintIntake = {
      ...aComplaint(),
      complaintId: randomUUID(),
      reference: `CMP-2026-${String(Math.floor(Math.random() * 900_000) + 100_000)}`,
      pinHash: 'scrypt$test',
      ...intake,
    };
    await env.run(activities().recordComplaint, full);
    return full;
  }

  /** process_started, then a withdrawal at `closedAt` (the acknowledgement clock still running, met). */
  function startAndClose(intake: ComplaintIntake, calendarId: string, closedAt: string): TransitionRecord[] {
    const started = aSnapshot({ status: 'received', acknowledgedAt: null, receivedAt: intake.receivedAt, stage: { id: 'acknowledgement', startedAt: intake.receivedAt, pausedAt: null, warned: false, breachCount: 0 } }, {
      stage: { id: 'acknowledgement', startedAt: intake.receivedAt, warningAt: intake.receivedAt, deadline: '2026-12-31T00:00:00.000Z', paused: false },
    });
    const closed = aSnapshot({ status: 'closed', closure: 'withdrawn', receivedAt: intake.receivedAt, closedAt, stage: null }, { stage: null });
    const snapshot = (s: ComplaintSnapshot, seq: number): ComplaintSnapshot => ({ ...s, complaintId: intake.complaintId, calendarId, seq });
    const base = { complaintId: intake.complaintId, messages: [], links: [], revokeLinks: false };
    return [
      { ...base, seq: 2, at: intake.receivedAt, event: { type: 'process_started', actorId: 'system', actorRole: 'system', data: {} }, status: snapshot(started, 2) },
      {
        ...base,
        seq: 3,
        at: closedAt,
        event: { type: 'withdraw', actorId: 'agent-1', actorRole: 'agent', data: { type: 'withdraw', reason: 'Solved', stageOutcome: { stage: 'acknowledgement', outcome: 'abandoned', met: true, byMinutes: 10 } } },
        status: snapshot(closed, 3),
      },
    ];
  }

  it('counts the resolution time in working minutes across the Republic Day eve, the holiday and the weekend, and records each fact once however often it is retried', async () => {
    // Received Tue 27 Oct 2026 16:00 Istanbul, closed Mon 2 Nov 17:30: Tue 16–18 (120) + Wed eve 09–13 (240)
    // + Thu holiday (0) + Fri 09–18 (540) + weekend (0) + Mon 09–17:30 (510) = 1410; the third business day
    // after receipt (Wed, Fri, Mon) closes Mon 18:00.
    const intake = await recorded({ receivedAt: '2026-10-27T13:00:00.000Z' });
    const transitions = startAndClose(intake, 'TR', '2026-11-02T14:30:00.000Z');
    for (const t of transitions) await env.run(activities().recordTransition, t);
    const facts = await factsOf(intake.complaintId);
    expect(facts.complaint).toMatchObject({ resolution_business_minutes: 1410, closed_within_3_business_days: true, breach_count: 0 });
    expect(facts.stageClocks).toEqual([
      { stage: 'acknowledgement', started_at: new Date(intake.receivedAt), deadline_at: new Date('2026-12-31T00:00:00.000Z'), ended_at: new Date('2026-11-02T14:30:00.000Z'), breached: false },
    ]);
    // An activity retried after a crash, and a worker re-running the whole run: nothing changes.
    for (const t of [...transitions, ...transitions].map((r) => structuredClone(r))) await env.run(activities().recordTransition, t);
    expect(await factsOf(intake.complaintId)).toEqual(facts);
  });

  it("counts in the calendar with its process owners' overrides: a company closure is no business day", async () => {
    await storeCalendarOverrides(ctx.sql, {
      calendarId: 'AZ',
      overrides: { movingHolidays: [], exceptions: [{ kind: 'closed', date: '2026-02-06', name: 'Company closure' }] },
      author: { id: 'owner-1', role: 'process_owner' },
      changeNote: 'report facts test',
    });
    // Baku (UTC+4), 09–13 and 14–18. Received Thu 5 Feb 17:00, closed Mon 9 Feb 10:00: Thu 17–18 (60) +
    // Fri closed (0, else 480) + weekend + Mon 09–10 (60) = 120. The third business day after receipt is Wed 11 Feb.
    const intake = await recorded({ receivedAt: '2026-02-05T13:00:00.000Z' });
    for (const t of startAndClose(intake, 'AZ', '2026-02-09T06:00:00.000Z')) await env.run(activities().recordTransition, t);
    expect((await factsOf(intake.complaintId)).complaint).toMatchObject({ resolution_business_minutes: 120, closed_within_3_business_days: true });
  });

  it('links a complaint whose intake named its category, matched by phone when the customer gave no e-mail', async () => {
    const phone = `+90 555 ${String(Math.floor(Math.random() * 9_000_000) + 1_000_000)}`;
    const customer = { name: 'Deniz Kaya', phone, locale: 'tr', country: 'TR' };
    const withHash = async (intake: ComplaintIntake) => {
      await ctx.sql`UPDATE complaints SET customer_phone_hash = ${hasher.phone(phone)} WHERE id = ${intake.complaintId}`;
      linked.push(intake.complaintId);
      // Intake wrote the row with its hash before the workflow recorded it: record it again as the workflow would.
      await env.run(activities().recordComplaint, intake);
    };
    const earlier = await recorded({ receivedAt: '2026-04-01T08:00:00.000Z', customer, category: 'billing' });
    await withHash(earlier);
    const later = await recorded({ receivedAt: '2026-04-20T08:00:00.000Z', customer, category: 'billing' });
    await withHash(later);
    const [row] = await ctx.sql`SELECT prior_complaint_at FROM complaints WHERE id = ${later.complaintId}`;
    expect(row!.prior_complaint_at).toEqual(new Date('2026-04-01T08:00:00.000Z'));
  });
});

describe('repeat links under concurrency', () => {
  it("serialises one customer's classifications: the later complaint sees the earlier one's category committed meanwhile", async () => {
    const activities = createActivities(ctx.activityDeps);
    const env = new MockActivityEnvironment();
    const email = `concurrent-${randomUUID()}@example.com`;
    const file = async (receivedAt: string) => {
      const intake: ComplaintIntake = { ...aComplaint({ customer: { name: 'Deniz Kaya', email, locale: 'tr' } }), complaintId: randomUUID(), reference: `CMP-2026-${String(Math.floor(Math.random() * 900_000) + 100_000)}`, pinHash: 'scrypt$test', receivedAt };
      await env.run(activities.recordComplaint, intake);
      await ctx.sql`UPDATE complaints SET customer_email_hash = ${hasher.email(email)} WHERE id = ${intake.complaintId}`;
      return intake.complaintId;
    };
    const earlier = await file('2026-05-04T08:00:00.000Z');
    const later = await file('2026-05-05T08:00:00.000Z');
    // Two classifications at once: the earlier complaint's transaction holds the customer until it commits.
    let commitEarlier = () => undefined as void;
    let earlierRefreshed = () => undefined as void;
    const refreshed = new Promise<void>((r) => (earlierRefreshed = r));
    const first = ctx.sql.begin(async (tx) => {
      await refreshPriorComplaints(tx, earlier, 'billing');
      await tx`UPDATE complaints SET category = 'billing' WHERE id = ${earlier}`;
      earlierRefreshed();
      await new Promise<void>((r) => (commitEarlier = r));
    });
    await refreshed;
    const second = ctx.sql.begin(async (tx) => {
      await refreshPriorComplaints(tx, later, 'billing');
      await tx`UPDATE complaints SET category = 'billing' WHERE id = ${later}`;
    });
    await new Promise((r) => setTimeout(r, 300));
    commitEarlier();
    await Promise.all([first, second]);
    const [row] = await ctx.sql`SELECT prior_complaint_at FROM complaints WHERE id = ${later}`;
    expect(row!.prior_complaint_at).toEqual(new Date('2026-05-04T08:00:00.000Z'));
  });
});

describe('the backfill of complaints recorded before 0018', () => {
  it("derives the same facts from the lifecycle and the timeline, except the deadlines of ended stage runs, which were never recorded", async () => {
    const c = driven!;
    const live = await factsOf(c.id);
    const linksOf = () => ctx.sql<{ id: string; prior_complaint_at: Date | null }[]>`
      SELECT id, prior_complaint_at FROM complaints WHERE id IN ${ctx.sql(linked)} ORDER BY id`;
    const links = await linksOf();
    expect(links.filter((l) => l.prior_complaint_at !== null).length).toBeGreaterThan(0);
    // As before 0018: none of the facts.
    for (const table of ['complaint_stage_clocks', 'complaint_escalations', 'complaint_proposals', 'complaint_corrective_actions']) {
      await ctx.sql`DELETE FROM ${ctx.sql(table)} WHERE complaint_id = ${c.id}`;
    }
    await ctx.sql`UPDATE complaints SET breach_count = 0, resolution_business_minutes = NULL, closed_within_3_business_days = NULL WHERE id = ${c.id}`;
    await ctx.sql`UPDATE complaints SET prior_complaint_at = NULL WHERE id IN ${ctx.sql(linked)}`;
    await ctx.sql`DELETE FROM report_fact_backfills WHERE step = ${PRIOR_LINKS_STEP}`;

    const migration = await readFile(new URL('../../db/migrations/0018_report_facts.sql', import.meta.url), 'utf8');
    // The backfill section, without the KPI report's indexes that follow it (they exist already).
    const backfill = migration.slice(migration.indexOf('-- ---- Backfill'), migration.indexOf('-- KPI report indexes'));
    await ctx.sql.begin((tx) => tx.unsafe(backfill));
    const calendars = createCalendarResolver({ sql: ctx.sql, extraCalendars: { [ROUND_THE_CLOCK.id]: ROUND_THE_CLOCK } });
    const result = await backfillReportFacts(ctx.sql, calendars, { batchSize: 2 });
    expect(result.resolutionTimes).toBeGreaterThanOrEqual(1);

    expect(await factsOf(c.id)).toEqual({ ...live, stageClocks: live.stageClocks.map((run) => ({ ...run, deadline_at: null })) });
    expect(await linksOf()).toEqual(links);
    // Once done, the links are not computed again at the next start.
    expect((await backfillReportFacts(ctx.sql, calendars)).priorLinks).toBe(0);
  });
});
