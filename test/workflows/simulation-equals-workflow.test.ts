// The simulation runs the workflow's own code: a real complaint on the time-skipping server (the
// default process on the TR calendar, days passing in milliseconds) and the simulation of its
// recorded path, read back from PostgreSQL as the backtest reads it, give the same transitions,
// deadlines, breaches, escalations, messages and end.
//
// The complaint arrives on a Saturday at 22:00, out of hours on any day: its clocks start at the
// next opening in both runs. (The workflow stamps a timer's transition with its task time, a few
// milliseconds after the timer; a stage started by such a transition in working hours would be
// those milliseconds later in the workflow. Decisions and answers carry their own instants.)
import { TZDate } from '@date-fns/tz';
import { describe, expect, it } from 'vitest';
import { calendarResolver } from '../../activities/calendars.js';
import { createClockActivities } from '../../activities/clocks.js';
import { DEFAULT_PROCESS_SNAPSHOT } from '../../config/default-process.js';
import type { CustomerAnswer, Decision } from '../../domain/lifecycle/index.js';
import { recordedComplaints } from '../../read-model/recorded-timelines.js';
import { readTimeline } from '../../simulation/recorded-timeline.js';
import { runPath } from '../../simulation/run-path.js';
import { customerAnswerUpdate, decideUpdate, statusQuery, type ComplaintSnapshot } from '../../workflows/complaint.messages.js';
import { CLASSIFY, PROPOSE_REFUND, PROPOSE_REPAIR } from '../helpers/complaint-driver.js';
import { eventually } from '../helpers/integration.js';
import { anIntake, useTimeSkippingWorld } from '../helpers/time-skipping.js';

const world = useTimeSkippingWorld();

const ZONE = 'Europe/Istanbul';
const HOUR = 3_600_000;
const agent = { id: 'agent-ayse', role: 'agent' as const };

/** The next Saturday 22:00 in Istanbul after `ms`. */
function nextSaturdayNight(ms: number): number {
  const now = new TZDate(ms, ZONE);
  const days = (6 - now.getDay() + 7) % 7 || 7;
  return new TZDate(now.getFullYear(), now.getMonth(), now.getDate() + days, 22, 0, 0, ZONE).getTime();
}

describe('a simulation of a recorded path', () => {
  it('gives what the real workflow gave: breaches and escalation, a question, two rounds', async () => {
    const { env, ctx } = world;
    const receivedMs = nextSaturdayNight(await env.currentTimeMs());
    await env.sleep(receivedMs - (await env.currentTimeMs()));
    const intake = anIntake(new Date(receivedMs).toISOString());
    const handle = await env.client.workflow.start('complaintWorkflow', {
      workflowId: intake.complaintId,
      taskQueue: ctx.taskQueue,
      args: [{ intake, process: DEFAULT_PROCESS_SNAPSHOT }],
    });
    await eventually(async () => ((await handle.query(statusQuery)).state.status === 'acknowledged' ? true : undefined));

    const snapshots: ComplaintSnapshot[] = [];
    const at = async (ms: number) => env.sleep(Math.max(ms - (await env.currentTimeMs()), 0));
    const decide = async (decision: Decision) => snapshots.push(await handle.executeUpdate(decideUpdate, { args: [{ actor: agent, decision }] }));
    const answer = async (purpose: 'info_request' | 'resolution', a: CustomerAnswer) => {
      const [link] = await ctx.sql<{ id: string }[]>`
        SELECT id FROM response_links WHERE complaint_id = ${intake.complaintId} AND purpose = ${purpose} AND revoked_at IS NULL AND used_at IS NULL`;
      snapshots.push(await handle.executeUpdate(customerAnswerUpdate, { args: [{ linkId: link!.id, answer: a }] }));
    };

    await at(receivedMs + 36 * HOUR); // Monday 10:00
    await decide({ type: 'assign', assignee: agent.id, team: 'after-sales' });
    // Left unclassified for a day past its deadline: breached, re-armed 4 working hours later, escalated twice.
    const classifyAt = Date.parse(snapshots[0]!.deadlines.stage!.deadline) + 26 * HOUR;
    await at(classifyAt);
    await decide(CLASSIFY);
    await at(classifyAt + 20 * HOUR);
    await decide({ type: 'request_info', question: 'Which programme was running?' });
    await at(classifyAt + 3 * 24 * HOUR);
    await answer('info_request', { type: 'customer_answered_info', requestId: 'info-1', text: 'Cotton 60' });
    await at(classifyAt + 4 * 24 * HOUR + HOUR);
    await decide(PROPOSE_REPAIR);
    await at(classifyAt + 5 * 24 * HOUR);
    await answer('resolution', { type: 'customer_rejected', round: 1, reason: 'A repair is not enough.' });
    await at(classifyAt + 7 * 24 * HOUR);
    await decide(PROPOSE_REFUND);
    await at(classifyAt + 7 * 24 * HOUR + 6 * HOUR);
    await answer('resolution', { type: 'customer_accepted', round: 2 });
    const result = (await handle.result()) as ComplaintSnapshot;

    // The recorded path, read as the backtest reads it, run through the simulation.
    const { complaints } = await recordedComplaints(ctx.sql, {
      definitionId: DEFAULT_PROCESS_SNAPSHOT.definition.id,
      receivedFrom: intake.receivedAt,
      receivedTo: new Date(receivedMs + 1).toISOString(),
      limit: 100,
    });
    const { path } = readTimeline(complaints.find((c) => c.id === intake.complaintId)!);
    expect(path!.events.map((e) => (e.kind === 'decision' ? e.decision.type : e.answer.type))).toEqual([
      'assign', 'classify', 'request_info', 'customer_answered_info', 'propose_resolution', 'customer_rejected', 'propose_resolution', 'customer_accepted',
    ]);
    const clocks = createClockActivities({ calendars: calendarResolver() });
    const simulated = await runPath(DEFAULT_PROCESS_SNAPSHOT.definition, { ...path!, until: result.state.closedAt! }, clocks, DEFAULT_PROCESS_SNAPSHOT.versionId);

    // The same transitions, in the same order, with the same stage outcomes.
    const events = await ctx.sql<{ seq: number; type: string; occurred_at: Date; data: Record<string, unknown> }[]>`
      SELECT seq, type, occurred_at, data FROM complaint_events WHERE complaint_id = ${intake.complaintId} AND seq > 1 ORDER BY seq`;
    expect(simulated.transitions.map((t) => [t.seq, t.event.type])).toEqual(events.map((e) => [e.seq, e.type]));
    expect(simulated.transitions.map((t) => t.event.data.stageOutcome ?? null)).toEqual(events.map((e) => e.data.stageOutcome ?? null));
    // Timers fire at their instant in the simulation, a task's few milliseconds later in the workflow.
    simulated.transitions.forEach((t, i) => {
      const lag = events[i]!.occurred_at.getTime() - Date.parse(t.at);
      expect(lag, `${t.event.type} at seq ${t.seq}`).toBeGreaterThanOrEqual(0);
      expect(lag, `${t.event.type} at seq ${t.seq}`).toBeLessThan(60_000);
    });
    const breaches = simulated.transitions.filter((t) => t.event.type === 'deadline_breached');
    expect(breaches.length).toBeGreaterThanOrEqual(2);

    // The same deadlines and escalation level after every decision and answer.
    for (const snapshot of snapshots) {
      const twin = simulated.transitions.find((t) => t.seq === snapshot.seq)!.status;
      expect({ ...twin.deadlines, progressUpdateAt: null }, `after seq ${snapshot.seq}`).toEqual({ ...snapshot.deadlines, progressUpdateAt: null });
      expect(Math.abs(Date.parse(twin.deadlines.progressUpdateAt ?? '0') - Date.parse(snapshot.deadlines.progressUpdateAt ?? '0'))).toBeLessThan(60_000);
      expect(twin.escalationLevel).toBe(snapshot.escalationLevel);
      expect(twin.state.counters).toEqual(snapshot.state.counters);
    }

    // The same messages, to the same staff; each breach escalated to the same owner.
    const outbox = await ctx.sql<{ seq: number; audience: string; template: string; recipient: string; owner: string | null }[]>`
      SELECT seq, audience, template, recipient, params->>'owner' AS owner FROM outbox_messages
      WHERE complaint_id = ${intake.complaintId} ORDER BY seq, ordinal`;
    const simulatedMessages = simulated.transitions.flatMap((t) =>
      t.messages.map((m) => ({ seq: t.seq, audience: m.audience, template: m.template, owner: m.params.owner === undefined ? null : String(m.params.owner) })),
    );
    expect(simulatedMessages).toEqual(outbox.map(({ seq, audience, template, owner }) => ({ seq, audience, template, owner })));
    expect(new Set(outbox.filter((m) => m.template === 'deadline_breached').map((m) => m.owner))).toEqual(new Set(['teamLead', 'complaintsManager', ...(breaches.length > 2 ? ['director'] : [])]));

    // The same end (the acknowledgement is a timer-like transition: its instant lags, as checked above).
    expect({ ...simulated.final.state, acknowledgedAt: null }).toEqual({ ...result.state, acknowledgedAt: null });
    expect(simulated).toMatchObject({ stoppedBecause: 'closed', refusals: [] });
  });
});
