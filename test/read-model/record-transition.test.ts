// recordTransition against a real PostgreSQL: a retried attempt is a no-op, and a different
// transition under a recorded (complaint, seq) — what a Temporal reset produces — fails loudly.
import { randomUUID } from 'node:crypto';
import { ApplicationFailure } from '@temporalio/common';
import { MockActivityEnvironment } from '@temporalio/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createActivities } from '../../activities/index.js';
import type { TransitionRecord } from '../../read-model/record-transition.js';
import { aSnapshot } from '../helpers/customer-fixtures.js';
import { aComplaint } from '../helpers/fixtures.js';
import { integrationContext, type IntegrationContext } from '../helpers/integration.js';
import type { ComplaintIntake } from '../../workflows/complaint.messages.js';

let ctx: IntegrationContext;
let activities: ReturnType<typeof createActivities>;
const env = new MockActivityEnvironment();

beforeAll(async () => {
  ctx = await integrationContext();
  activities = createActivities(ctx.activityDeps);
});
afterAll(() => ctx.close());

async function aRecordedComplaint(): Promise<ComplaintIntake> {
  const complaintId = randomUUID();
  const intake: ComplaintIntake = {
    ...aComplaint(),
    complaintId,
    reference: `CMP-2026-${String(Math.floor(Math.random() * 900_000) + 100_000)}`,
    receivedAt: '2026-03-02T08:00:00.000Z',
    pinHash: 'scrypt$test',
  };
  await env.run(activities.recordComplaint, intake);
  return intake;
}

function aNote(complaintId: string, seq: number, text: string): TransitionRecord {
  return {
    complaintId,
    seq,
    at: '2026-03-02T09:00:00.000Z',
    event: { type: 'note', actorId: 'agent-1', actorRole: 'agent', data: { type: 'note', text } },
    status: { ...aSnapshot(), complaintId, seq },
    messages: [{ audience: 'staff', recipient: { kind: 'user', userId: 'agent-2' }, template: 'complaint_assigned', params: { assignee: 'agent-2' } }],
    links: [],
    revokeLinks: false,
  };
}

async function rows(complaintId: string) {
  const events = await ctx.sql<{ seq: number; type: string; data: { text?: string }; transition_hash: string | null }[]>`
    SELECT seq, type, data, transition_hash FROM complaint_events WHERE complaint_id = ${complaintId} ORDER BY seq`;
  const [outbox] = await ctx.sql<{ n: number }[]>`
    SELECT count(*)::int AS n FROM outbox_messages WHERE complaint_id = ${complaintId}`;
  return { events, messages: outbox!.n };
}

describe('recordTransition', () => {
  it('records a transition once with its hash, and takes the same record again as a no-op', async () => {
    const intake = await aRecordedComplaint();
    const note = aNote(intake.complaintId, 2, 'Called the customer back.');
    await env.run(activities.recordTransition, note);
    const first = await rows(intake.complaintId);
    await env.run(activities.recordTransition, structuredClone(note));
    expect(await rows(intake.complaintId)).toEqual(first);
    expect(first.events.at(-1)).toMatchObject({ seq: 2, type: 'note', transition_hash: expect.stringMatching(/^[0-9a-f]{64}$/) });
  });

  it('takes the same record with its keys in another order as the same transition', async () => {
    const intake = await aRecordedComplaint();
    const note = aNote(intake.complaintId, 2, 'Called the customer back.');
    await env.run(activities.recordTransition, note);
    const reordered = Object.fromEntries(Object.entries(note).reverse()) as unknown as TransitionRecord;
    await expect(env.run(activities.recordTransition, reordered)).resolves.toBeUndefined();
  });

  it('takes the same facts re-run at a later instant (a reset that re-runs a workflow task) as the same transition', async () => {
    const intake = await aRecordedComplaint();
    const note = aNote(intake.complaintId, 2, 'Called the customer back.');
    await env.run(activities.recordTransition, note);
    const later = { ...note, at: '2026-03-02T09:00:07.000Z', status: { ...note.status, deadlines: { ...note.status.deadlines, progressUpdateAt: '2026-03-09T09:00:07.000Z' } } };
    await expect(env.run(activities.recordTransition, later)).resolves.toBeUndefined();
  });

  it("takes a reset run's same decision as the same transition: new link ids, later instants in the messages and outcome", async () => {
    const intake = await aRecordedComplaint();
    const proposal = (linkId: string, dueAt: string, byMinutes: number): TransitionRecord => ({
      ...aNote(intake.complaintId, 2, ''),
      event: { type: 'propose_resolution', actorId: 'agent-1', actorRole: 'agent', data: { type: 'propose_resolution', summary: 'A repair.', stageOutcome: { stage: 'investigation', outcome: 'met', met: true, byMinutes } } },
      messages: [{ audience: 'customer', template: 'resolution_proposed', params: { round: 1, answerDueAt: dueAt } }],
      links: [{ linkId, purpose: 'resolution', round: 1 }],
    });
    await env.run(activities.recordTransition, proposal(randomUUID(), '2026-03-16T15:00:00.000Z', 900));
    await expect(env.run(activities.recordTransition, proposal(randomUUID(), '2026-03-17T10:00:00.000Z', 780))).resolves.toBeUndefined();
  });

  it("takes a reset run's same migration as the same transition: a restart's deadlines count from a later instant", async () => {
    const intake = await aRecordedComplaint();
    const migrated = (deadline: string, breached: boolean, rule = 'restart'): TransitionRecord => ({
      ...aNote(intake.complaintId, 2, ''),
      event: {
        type: 'process_migrated',
        actorId: 'owner-1',
        actorRole: 'process_owner',
        data: { migrationId: 'plan-1', from: 'p@1', to: 'p@2', stage: 'investigation', rule, deadline: { old: '2026-03-05T09:00:00.000Z', new: deadline }, guarded: [], breached },
      },
      messages: [],
    });
    await env.run(activities.recordTransition, migrated('2026-03-09T09:00:00.000Z', false));
    await expect(env.run(activities.recordTransition, migrated('2026-03-09T09:00:07.000Z', true))).resolves.toBeUndefined();
    await expect(env.run(activities.recordTransition, migrated('2026-03-09T09:00:00.000Z', false, 'keep'))).rejects.toMatchObject({ type: 'READ_MODEL_DIVERGED' });
  });

  it.each([
    ['another event', (r: TransitionRecord) => ({ ...r, event: { ...r.event, data: { type: 'note', text: 'A note of the reset run.' } } })],
    ['another outcome', (r: TransitionRecord) => ({ ...r, status: { ...r.status, state: { ...r.status.state, status: 'closed' as const } } })],
    ['another link', (r: TransitionRecord) => ({ ...r, links: [{ linkId: randomUUID(), purpose: 'resolution' as const, round: 1 }] })],
  ])('refuses %s under a recorded (complaint, seq)', async (_name, change) => {
    const intake = await aRecordedComplaint();
    const note = aNote(intake.complaintId, 2, 'Called the customer back.');
    await env.run(activities.recordTransition, note);
    await expect(env.run(activities.recordTransition, change(note))).rejects.toMatchObject({ type: 'READ_MODEL_DIVERGED', nonRetryable: true });
  });

  it('refuses a different transition under a recorded (complaint, seq) with a non-retryable READ_MODEL_DIVERGED', async () => {
    const intake = await aRecordedComplaint();
    await env.run(activities.recordTransition, aNote(intake.complaintId, 2, 'Called the customer back.'));
    const before = await rows(intake.complaintId);
    const reset = aNote(intake.complaintId, 2, 'A note of the reset run.');
    const failure = await env.run(activities.recordTransition, reset).then(
      () => undefined,
      (err: unknown) => err,
    );
    expect(failure).toBeInstanceOf(ApplicationFailure);
    expect(failure).toMatchObject({ type: 'READ_MODEL_DIVERGED', nonRetryable: true });
    expect((failure as ApplicationFailure).message).toMatch(/seq 2 .*reset/);
    // Nothing of the new run was written: the old record stands until an operator decides.
    expect(await rows(intake.complaintId)).toEqual(before);
  });

  it('takes a retry of a transition recorded before hashes existed as a no-op', async () => {
    const intake = await aRecordedComplaint();
    const note = aNote(intake.complaintId, 2, 'Called the customer back.');
    await env.run(activities.recordTransition, note);
    await ctx.sql`UPDATE complaint_events SET transition_hash = NULL WHERE complaint_id = ${intake.complaintId} AND seq = 2`;
    await expect(env.run(activities.recordTransition, aNote(intake.complaintId, 2, 'Other text'))).resolves.toBeUndefined();
  });
});
