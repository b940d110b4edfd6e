// The lifecycle paths whose workflow histories test/histories/ keeps, so that `npm test` replays
// every path a running complaint can be on. Each drives one complaint to its closure on the
// time-skipping test server: the process is fixed (deadlines of an hour of round-the-clock time),
// time passes only where a path sleeps, and each decision meets an idle workflow, so the commands
// in a history do not depend on how fast the machine was. README "Versioning running complaints" says when to record.
import { randomUUID } from 'node:crypto';
import proto from '@temporalio/proto';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { expect } from 'vitest';
import type { ProcessDefinition, ProcessDefinitionSnapshot } from '../../domain/process-definition.js';
import { parseEncryptionKeys } from '../../security/payload-codec.js';
import { allStages, type DeadlineRule } from '../../domain/lifecycle/index.js';
import { createMigrationPlan } from '../../read-model/process-migrations.js';
import { createTemporalGateway } from '../../temporal/gateway.js';
import type { ComplaintSnapshot, MigrateProcessInput } from '../../workflows/complaint.messages.js';
import { processMigrationWorkflowId } from '../../workflows/process-migration.messages.js';
import { CLASSIFY, complaintDriver, PROPOSE_REFUND, PROPOSE_REPAIR, type FiledComplaint } from './complaint-driver.js';
import { eventually, type IntegrationContext } from './integration.js';
import { anIntake } from './time-skipping.js';
import { quietProcess, seconds } from './process.js';

/**
 * The version of the workflow code new recordings are made on, the `v<N>-` of their file names.
 * Bump it with every change behind `patched()`: the new code records `v<N+1>-…` beside the old
 * files, which stay, because running complaints started on the old code still replay them.
 * v3: `satisfaction-survey` (a surveyed closure issues the survey link).
 * v5: the `link_repeat` decision (no patch: old histories never carry it; every path recorded again).
 * v6: `local-clocks`. v7: `recorded-answers-first` (an answer received in time is taken at its deadline).
 * v8: no patch, new inputs: decisions answered before their transitions are written
 * (`answerBeforeRecorded`), intake started beside its commit (`intakeTransaction`).
 */
export const RECORDED_CODE_VERSION = 8;

export const HISTORY_DIR = new URL('../histories/', import.meta.url);

/** A key for the fixtures only: their complaints are made up. Payloads stay encrypted as in production. */
export const HISTORY_FIXTURE_KEYS = parseEncryptionKeys(['fixture:' + Buffer.alloc(32, 7).toString('base64')]);

/** A committed history must stay small enough to review and to replay in milliseconds. */
export const MAX_HISTORY_BYTES = 1_000_000;

export function historyFileName(version: number, path: string): string {
  return `v${version}-${path}.json`;
}

type Driver = ReturnType<typeof complaintDriver>;

/**
 * Every deadline an hour (quietProcess), progress updates every 50 minutes: two timers due at
 * nearly the same instant would fire in an order decided by milliseconds of real time.
 */
function recordingProcess(overrides: (d: ProcessDefinition) => void = () => undefined): ProcessDefinitionSnapshot {
  return quietProcess((d) => {
    d.progressUpdateEvery = seconds(3000);
    overrides(d);
  });
}

export interface PathRun {
  d: Driver;
  env: TestWorkflowEnvironment;
  ctx: IntegrationContext;
}

/** One run of the path's workflow to keep; `suffix` tells runs of one complaint apart (continue-as-new). */
export interface RecordedRun {
  workflowId: string;
  runId?: string;
  suffix?: string;
}

export interface LifecyclePath {
  /** The file name's path part: `v<N>-<name>.json`. */
  name: string;
  process: ProcessDefinitionSnapshot;
  /** Drives the complaint to its end; answers the runs whose histories are kept. */
  drive(run: PathRun): Promise<RecordedRun[]>;
}

/**
 * Version `n` of the recording process, named as intake names versions (`iso-10002-default@<n>`),
 * so migration plans (which select complaints by definition id) find complaints on it.
 */
function recordingVersion(n: number, overrides: (d: ProcessDefinition) => void = () => undefined): ProcessDefinitionSnapshot {
  const { definition } = recordingProcess((d) => {
    d.version = n;
    overrides(d);
  });
  return { versionId: `${definition.id}@${n}`, definition };
}

/** A migration plan as its workflow sends it to one complaint. */
function planTo(target: ProcessDefinitionSnapshot, rule: DeadlineRule, migrationId: string): MigrateProcessInput {
  return { migrationId, actor: { id: 'owner-1', role: 'process_owner' }, target, deadlineRules: allStages(rule) };
}

/** Proposed and accepted: the path's complaint ends as the first path's does. */
async function acceptedAfterProposal(run: PathRun, c: FiledComplaint): Promise<RecordedRun[]> {
  await run.d.decideOk(c, PROPOSE_REPAIR);
  await run.d.answer(c, { type: 'customer_accepted', round: 1 });
  return closedAs(run, c, 'accepted');
}

/** Filed on the web form and acknowledged automatically (the customer gave an e-mail). */
async function acknowledged(run: PathRun): Promise<FiledComplaint> {
  const c = await run.d.file();
  await until(run, c, (s) => s.state.status === 'acknowledged');
  return c;
}

/** Acknowledged, classified, and a repair proposed: waiting for the customer's answer to round 1. */
async function proposed(run: PathRun): Promise<FiledComplaint> {
  const c = await acknowledged(run);
  await run.d.decideOk(c, CLASSIFY);
  await run.d.decideOk(c, PROPOSE_REPAIR);
  return c;
}

/**
 * Polls the status query until `check` holds (queries do not let time pass), then waits until the
 * run has nothing in flight, so the next decision meets an idle workflow and the commands in the
 * history do not depend on how fast the worker was.
 */
async function until(run: PathRun, c: FiledComplaint, check: (s: ComplaintSnapshot) => boolean): Promise<ComplaintSnapshot> {
  let last: ComplaintSnapshot | undefined;
  const handle = run.env.client.workflow.getHandle(c.id);
  // Idle first too: a decision is answered before its transition is written, and a query sent while
  // the workflow task after that write continues the run as new is never answered by the test server.
  await eventually(async () => (isIdle(await handle.fetchHistory()) ? true : undefined));
  try {
    await eventually(async () => {
      last = await run.d.status(c);
      return check(last) ? last : undefined;
    });
  } catch (err) {
    throw new Error(`${String(err)}; the complaint stands at ${JSON.stringify({ status: last?.state.status, counters: last?.state.counters, deadlines: last?.deadlines })}`);
  }
  await eventually(async () => (isIdle(await handle.fetchHistory()) ? true : undefined));
  return run.d.status(c);
}

const { EventType } = proto.temporal.api.enums.v1;

/**
 * What a history says the workflow did: the commands it issued (activities by name, timers,
 * continue-as-new) and the updates it took, without what the server writes on its own clock:
 * workflow-task bookkeeping and activities starting and completing. Where those fall depends on how
 * fast the worker was (a continue-as-new's timer cancel landed before or after its activity's
 * completion, depending on how many workflow tasks the recorder's status polls had added).
 */
export function commandsOf(history: proto.temporal.api.history.v1.IHistory): string[] {
  return (history.events ?? []).flatMap((e) => {
    const type = EventType[e.eventType ?? 0] ?? String(e.eventType);
    if (type.startsWith('EVENT_TYPE_WORKFLOW_TASK_') || SERVER_PACED.has(type)) return [];
    const activity = e.activityTaskScheduledEventAttributes?.activityType?.name;
    return [activity ? `${type} ${activity}` : type];
  });
}

const SERVER_PACED = new Set(['EVENT_TYPE_ACTIVITY_TASK_STARTED', 'EVENT_TYPE_ACTIVITY_TASK_COMPLETED']);

/** Every activity and workflow task the history schedules has ended: only a timer or an update moves it on. */
function isIdle(history: proto.temporal.api.history.v1.IHistory): boolean {
  const count = (...types: number[]) => (history.events ?? []).filter((e) => types.includes(e.eventType ?? 0)).length;
  return (
    count(EventType.EVENT_TYPE_ACTIVITY_TASK_SCHEDULED) ===
      count(EventType.EVENT_TYPE_ACTIVITY_TASK_COMPLETED, EventType.EVENT_TYPE_ACTIVITY_TASK_FAILED, EventType.EVENT_TYPE_ACTIVITY_TASK_TIMED_OUT) &&
    count(EventType.EVENT_TYPE_WORKFLOW_TASK_SCHEDULED) ===
      count(EventType.EVENT_TYPE_WORKFLOW_TASK_COMPLETED, EventType.EVENT_TYPE_WORKFLOW_TASK_FAILED, EventType.EVENT_TYPE_WORKFLOW_TASK_TIMED_OUT)
  );
}

/**
 * Waits until the complaint is closed as `closure` and its run has completed. Not `result()`: on the
 * time-skipping server that lets time run (ten years at a go) until the result arrives.
 */
async function closedAs(run: PathRun, c: FiledComplaint, closure: string): Promise<RecordedRun[]> {
  const closed = await until(run, c, (s) => s.state.status === 'closed');
  expect(closed.state.closure).toBe(closure);
  const handle = run.env.client.workflow.getHandle(c.id);
  await eventually(async () => ((await handle.describe()).status.name === 'COMPLETED' ? true : undefined));
  return [{ workflowId: c.id }];
}

export const LIFECYCLE_PATHS: LifecyclePath[] = [
  {
    name: 'accepted-first-round',
    process: recordingProcess(),
    async drive(run) {
      const { d } = run;
      const c = await acknowledged(run);
      await d.decideOk(c, { type: 'assign', assignee: 'agent-ayse', team: 'after-sales' });
      await d.decideOk(c, CLASSIFY);
      await d.decideOk(c, { type: 'escalate', reason: 'The customer has complained about this model before.' });
      await d.decideOk(c, PROPOSE_REPAIR);
      await d.answer(c, { type: 'customer_accepted', round: 1 });
      return closedAs(run, c, 'accepted');
    },
  },
  {
    // v4: a queue release (`assign` with no assignee) and a decision refused for a stale If-Match.
    name: 'release-and-stale-decision',
    process: recordingProcess(),
    async drive(run) {
      const { d } = run;
      const c = await acknowledged(run);
      await d.decideOk(c, { type: 'assign', assignee: 'agent-ayse', team: 'after-sales' });
      await d.decideOk(c, { type: 'assign', assignee: null });
      const stale = await d.decide(c, { type: 'note', text: 'Called the customer back.' }, 'agent', { 'if-match': '"1"' });
      expect(stale.status).toBe(412);
      await d.decideOk(c, CLASSIFY);
      await d.decideOk(c, PROPOSE_REPAIR);
      await d.answer(c, { type: 'customer_accepted', round: 1 });
      return closedAs(run, c, 'accepted');
    },
  },
  {
    name: 'two-rounds-external',
    process: recordingProcess(),
    async drive(run) {
      const { d } = run;
      const c = await proposed(run);
      await d.answer(c, { type: 'customer_rejected', round: 1, reason: 'A repair is not enough, the drum is cracked.' });
      await d.decideOk(c, { type: 'record_corrective_action', rootCause: 'Drum weld', action: 'Inspect the batch', owner: 'quality', dueDate: '2099-01-31' });
      await d.decideOk(c, PROPOSE_REFUND);
      await d.answer(c, { type: 'customer_rejected', round: 2, reason: 'I want a new machine.' });
      expect((await d.status(c)).state.status).toBe('open_external');
      await d.decideOk(c, {
        type: 'record_external_outcome',
        body: 'Tüketici Hakem Heyeti (İstanbul)',
        bodyReference: 'THH-2098-0001',
        decision: 'partially_upheld',
        summary: 'Refund and a service voucher.',
      });
      return closedAs(run, c, 'external_decision');
    },
  },
  {
    // The initial review's warning, its breach and the chain re-arming up to the director; progress
    // updates; then the answer reminder before the customer accepts.
    name: 'timers-escalation',
    process: recordingProcess(),
    async drive(run) {
      const { d, env } = run;
      const c = await acknowledged(run);
      await env.sleep('270m');
      const breached = await until(run, c, (s) => s.state.counters.breaches === 4);
      expect(breached.escalationLevel).toBe('director');
      await d.decideOk(c, CLASSIFY);
      await d.decideOk(c, PROPOSE_REPAIR);
      await env.sleep('40m');
      await until(run, c, (s) => s.state.counters.reminders === 1);
      await d.answer(c, { type: 'customer_accepted', round: 1 });
      return closedAs(run, c, 'accepted');
    },
  },
  {
    // Started directly, as intake would, but with a history limit a long complaint reaches.
    name: 'continue-as-new',
    process: recordingProcess(),
    async drive(run) {
      const { d, env, ctx } = run;
      const intake = anIntake(new Date(await env.currentTimeMs()).toISOString());
      const started = await env.client.workflow.start('complaintWorkflow', {
        workflowId: intake.complaintId,
        taskQueue: ctx.taskQueue,
        args: [{ intake, process: this.process, historyLimit: 40 }],
      });
      const c = { id: intake.complaintId, reference: intake.reference, pin: '' };
      await until(run, c, (s) => s.state.status === 'acknowledged');
      const handle = env.client.workflow.getHandle(c.id);
      for (let i = 1; i <= 6; i++) {
        await d.decideOk(c, { type: 'note', text: `Called the customer, attempt ${i}.` });
        await until(run, c, (s) => s.state.counters.notes === i);
      }
      expect((await handle.describe()).runId).not.toBe(started.firstExecutionRunId);
      await d.decideOk(c, CLASSIFY);
      await d.decideOk(c, PROPOSE_REPAIR);
      await d.answer(c, { type: 'customer_accepted', round: 1 });
      await closedAs(run, c, 'accepted');
      return runsOf(env, c.id, started.firstExecutionRunId);
    },
  },
  {
    // The answer deadline passes under `stay_open`; the customer answers through the same link later.
    name: 'stay-open',
    process: recordingProcess((p) => {
      p.acceptance.noAnswer = 'stay_open';
    }),
    async drive(run) {
      const { d, env } = run;
      const c = await proposed(run);
      await env.sleep('70m');
      const timedOut = await until(run, c, (s) => s.state.proposals[0]?.answerTimedOutAt != null);
      expect(timedOut.state.status).toBe('resolution_proposed');
      await d.answer(c, { type: 'customer_accepted', round: 1 });
      return closedAs(run, c, 'accepted');
    },
  },
  {
    // Asked before classification; time passes while the customer is asked; the answer resumes the clock.
    name: 'info-request',
    process: recordingProcess(),
    async drive(run) {
      const { d, env } = run;
      const c = await acknowledged(run);
      const asked = await d.decideOk(c, { type: 'request_info', question: 'Which programme was running?' });
      expect(asked.status).toBe('awaiting_customer');
      await env.sleep('2h');
      const waiting = await until(run, c, (s) => s.state.status === 'awaiting_customer');
      const requestId = waiting.state.pendingInfoRequest!.requestId;
      await d.answer(c, { type: 'customer_answered_info', requestId, text: 'Cotton 60.' });
      await until(run, c, (s) => s.state.status === 'acknowledged');
      await d.decideOk(c, CLASSIFY);
      await d.decideOk(c, PROPOSE_REPAIR);
      await d.answer(c, { type: 'customer_accepted', round: 1 });
      return closedAs(run, c, 'accepted');
    },
  },
  {
    // No answer: reminded half-way, closed as deemed accepted at the answer deadline.
    name: 'deemed-acceptance',
    process: recordingProcess(),
    async drive(run) {
      const c = await proposed(run);
      await run.env.sleep('70m');
      return closedAs(run, c, 'deemed_accepted');
    },
  },
  {
    name: 'withdraw',
    process: recordingProcess(),
    async drive(run) {
      const { d } = run;
      const c = await proposed(run);
      await d.decideOk(c, { type: 'withdraw', reason: 'The customer bought a new machine elsewhere.' });
      return closedAs(run, c, 'withdrawn');
    },
  },
  {
    // A letter without e-mail or phone: an agent acknowledges it, a supervisor closes it out of scope.
    name: 'manual-acknowledgement-out-of-scope',
    process: recordingProcess(),
    async drive(run) {
      const { d } = run;
      const c = await d.file(
        { channel: 'letter', customer: { name: 'Mehmet Demir', locale: 'tr', country: 'TR', postalAddress: 'Atatürk Cad. 12\n34000 Kadıköy, İstanbul' } },
        'agent',
      );
      await until(run, c, (s) => s.state.status === 'received');
      await d.decideOk(c, { type: 'acknowledge' });
      await d.decideOk(c, { type: 'close_out_of_scope', reason: 'A product we do not sell.' }, 'supervisor');
      return closedAs(run, c, 'out_of_scope');
    },
  },
  {
    name: 'mark-duplicate',
    process: recordingProcess(),
    async drive(run) {
      const { d } = run;
      const original = await acknowledged(run);
      const c = await acknowledged(run);
      await d.decideOk(c, { type: 'mark_duplicate', duplicateOf: original.reference }, 'supervisor');
      await d.decideOk(original, { type: 'withdraw', reason: 'Recorded only to be duplicated.' });
      return closedAs(run, c, 'duplicate');
    },
  },
  {
    // v5: a repeat link to the same customer's earlier, withdrawn complaint, then handled to acceptance.
    name: 'link-repeat',
    process: recordingProcess(),
    async drive(run) {
      const { d } = run;
      const earlier = await acknowledged(run);
      await d.decideOk(earlier, { type: 'withdraw', reason: 'Solved with the dealer.' });
      await closedAs(run, earlier, 'withdrawn');
      const c = await acknowledged(run);
      await d.decideOk(c, { type: 'link_repeat', repeatOf: earlier.reference });
      await d.decideOk(c, CLASSIFY);
      await d.decideOk(c, PROPOSE_REPAIR);
      await d.answer(c, { type: 'customer_accepted', round: 1 });
      return closedAs(run, c, 'accepted');
    },
  },
  {
    // v2: an unanswered question reminds half-way, alerts staff at its deadline and resumes the clock.
    name: 'info-deadline-resume',
    process: recordingProcess((p) => {
      p.infoRequest = { ...p.infoRequest!, answerDeadline: seconds(3600), onNoAnswer: 'resume' };
    }),
    async drive(run) {
      const { d, env } = run;
      const c = await acknowledged(run);
      await d.decideOk(c, { type: 'request_info', question: 'Which programme was running?' });
      await env.sleep('70m');
      const resumed = await until(run, c, (s) => s.state.status === 'acknowledged');
      expect(resumed.state.pendingInfoRequest).toBeNull();
      await d.decideOk(c, CLASSIFY);
      await d.decideOk(c, PROPOSE_REPAIR);
      await d.answer(c, { type: 'customer_accepted', round: 1 });
      return closedAs(run, c, 'accepted');
    },
  },
  {
    // v2: an unanswered question closes the complaint as `no_response` when the process says so.
    name: 'info-deadline-no-response',
    process: recordingProcess((p) => {
      p.infoRequest = { ...p.infoRequest!, answerDeadline: seconds(3600), onNoAnswer: 'close_no_response' };
    }),
    async drive(run) {
      const { d, env } = run;
      const c = await acknowledged(run);
      await d.decideOk(c, CLASSIFY);
      await d.decideOk(c, { type: 'request_info', question: 'Can you send a photo of the label?' });
      await env.sleep('70m');
      return closedAs(run, c, 'no_response');
    },
  },
  {
    // v2: staff reissue links and record answers that came by phone and by letter, also after the
    // proposal's answer timed out under `stay_open`.
    name: 'recorded-answers-reissued-links',
    process: recordingProcess((p) => {
      p.acceptance.noAnswer = 'stay_open';
      p.infoRequest = { ...p.infoRequest!, answerDeadline: seconds(3600) };
    }),
    async drive(run) {
      const { d, env } = run;
      const c = await acknowledged(run);
      await d.decideOk(c, CLASSIFY);
      await d.decideOk(c, { type: 'request_info', question: 'Which programme was running?' });
      await d.decideOk(c, { type: 'reissue_link' });
      await d.decideOk(c, { type: 'record_customer_answer', answer: 'info', text: 'Cotton 60, said on the phone.', channel: 'phone' });
      await until(run, c, (s) => s.state.status === 'investigating');
      await d.decideOk(c, PROPOSE_REPAIR);
      await env.sleep('70m');
      await until(run, c, (s) => s.state.proposals[0]?.answerTimedOutAt != null);
      await d.decideOk(c, { type: 'reissue_link' });
      await d.decideOk(c, { type: 'record_customer_answer', answer: 'accepted', text: 'Accepted by letter.', channel: 'letter' });
      return closedAs(run, c, 'accepted');
    },
  },
  {
    // v2: staff withdraw their question; the clock resumes and the complaint goes on.
    name: 'cancel-info-request',
    process: recordingProcess(),
    async drive(run) {
      const { d } = run;
      const c = await acknowledged(run);
      await d.decideOk(c, CLASSIFY);
      await d.decideOk(c, { type: 'request_info', question: 'Can you send a photo of the label?' });
      await d.decideOk(c, { type: 'cancel_info_request', reason: 'The dealer sent the photo.' });
      await until(run, c, (s) => s.state.status === 'investigating');
      await d.decideOk(c, PROPOSE_REPAIR);
      await d.answer(c, { type: 'customer_accepted', round: 1 });
      return closedAs(run, c, 'accepted');
    },
  },
  {
    // Issue 13: the customer writes by e-mail (the `customerMessage` update): it answers the open
    // question (the clock resumes), then a second e-mail with no question only tells the owner.
    name: 'customer-wrote-by-email',
    process: recordingProcess(),
    async drive(run) {
      const { d, env } = run;
      const c = await acknowledged(run);
      await d.decideOk(c, { type: 'request_info', question: 'Which programme was running?' });
      await env.sleep('1h');
      const write = (text: string, n: number) =>
        env.client.workflow.getHandle(c.id).executeUpdate('customerMessage', {
          args: [{ message: { type: 'customer_wrote', channel: 'email', text }, details: { subject: 'Re: your question', attachments: [] } }],
          updateId: `wrote:test-${c.id}-${n}`,
        });
      await write('Cotton 60.', 1);
      await until(run, c, (s) => s.state.status === 'acknowledged');
      await write('The service has not come yet.', 2);
      await d.decideOk(c, CLASSIFY);
      await d.decideOk(c, PROPOSE_REPAIR);
      await d.answer(c, { type: 'customer_accepted', round: 1 });
      return closedAs(run, c, 'accepted');
    },
  },
  {
    // Issue 14: an administrator erases the customer's data while our question waits for them: the
    // complaint closes as withdrawn through `erasePersonalData`, with no message to the customer.
    name: 'erased-while-awaiting-customer',
    process: recordingProcess(),
    async drive(run) {
      const { d, env } = run;
      const c = await acknowledged(run);
      await d.decideOk(c, { type: 'request_info', question: 'Which programme was running?' });
      await env.client.workflow.getHandle(c.id).executeUpdate('erasePersonalData', {
        args: [{ erasureId: '00000000-0000-4000-8000-000000000014', actor: { id: 'admin-1', role: 'admin' } }],
        updateId: `erase:test-${c.id}`,
      });
      return closedAs(run, c, 'withdrawn');
    },
  },
  {
    // Migrated with `keep`: the investigation keeps its deadline under a longer version.
    name: 'migration-keep',
    process: recordingVersion(1),
    async drive(run) {
      const c = await acknowledged(run);
      await run.d.decideOk(c, CLASSIFY);
      await run.d.migrate(c, planTo(recordingVersion(2, (d) => (d.stages.investigation.deadline = seconds(3 * 3600))), 'keep', 'plan-keep'));
      await until(run, c, (s) => s.processVersion === 'iso-10002-default@2');
      return acceptedAfterProposal(run, c);
    },
  },
  {
    // Migrated with `recompute` after a paused question: the new clock counts the pause, and its
    // warning fires under the new version.
    name: 'migration-recompute',
    process: recordingVersion(1),
    async drive(run) {
      const { d, env } = run;
      const c = await acknowledged(run);
      await d.decideOk(c, CLASSIFY);
      await d.decideOk(c, { type: 'request_info', question: 'Which programme was running?' });
      await env.sleep('10m');
      await until(run, c, (s) => s.state.status === 'awaiting_customer');
      await d.answer(c, { type: 'customer_answered_info', requestId: 'info-1', text: 'Cotton 60.' });
      await until(run, c, (s) => s.state.status === 'investigating');
      await d.migrate(c, planTo(recordingVersion(2, (p) => (p.stages.investigation.deadline = seconds(3 * 3600))), 'recompute', 'plan-recompute'));
      await env.sleep('200m');
      await until(run, c, (s) => s.state.counters.warnings === 1);
      return acceptedAfterProposal(run, c);
    },
  },
  {
    // Migrated with `restart` half-way through the initial review: a full new clock, whose warning fires.
    name: 'migration-restart',
    process: recordingVersion(1),
    async drive(run) {
      const { d, env } = run;
      const c = await acknowledged(run);
      await env.sleep('30m');
      await until(run, c, (s) => s.state.status === 'acknowledged');
      await d.migrate(c, planTo(recordingVersion(2, (p) => (p.stages.initialReview.deadline = seconds(2 * 3600))), 'restart', 'plan-restart'));
      await env.sleep('100m');
      await until(run, c, (s) => s.state.counters.warnings === 1);
      await d.decideOk(c, CLASSIFY);
      return acceptedAfterProposal(run, c);
    },
  },
  {
    // Migrated after its first breach to a chain that re-arms every four minutes: the breaches it
    // has made due fire at once, collapsed into one, and the complaint climbs to the director.
    name: 'migration-breach-escalates',
    process: recordingVersion(1),
    async drive(run) {
      const { d, env } = run;
      const c = await acknowledged(run);
      await env.sleep('70m');
      await until(run, c, (s) => s.state.counters.breaches === 1);
      const fastChain = recordingVersion(2, (p) => {
        p.stages.initialReview.escalation = {
          levels: ['assignee', 'teamLead', 'complaintsManager', 'director'],
          onWarning: { notify: ['assignee'] },
          onBreach: [
            { notify: ['teamLead'], escalate: true, rearmAfter: seconds(240) },
            { notify: ['complaintsManager'], escalate: true, rearmAfter: seconds(240) },
            { notify: ['director'], escalate: true },
          ],
        };
      });
      const { status } = await d.migrate(c, planTo(fastChain, 'keep', 'plan-breach'));
      expect(status.escalationLevel).toBe('director');
      await d.decideOk(c, CLASSIFY);
      return acceptedAfterProposal(run, c);
    },
  },
  {
    // Migrated, then continued as new: the next runs start on the target version.
    name: 'migration-continue-as-new',
    process: recordingVersion(1),
    async drive(run) {
      const { d, env, ctx } = run;
      const intake = anIntake(new Date(await env.currentTimeMs()).toISOString());
      const started = await env.client.workflow.start('complaintWorkflow', {
        workflowId: intake.complaintId,
        taskQueue: ctx.taskQueue,
        args: [{ intake, process: this.process, historyLimit: 40 }],
      });
      const c = { id: intake.complaintId, reference: intake.reference, pin: '' };
      await until(run, c, (s) => s.state.status === 'acknowledged');
      await d.decideOk(c, CLASSIFY);
      await until(run, c, (s) => s.state.status === 'investigating');
      await d.migrate(c, planTo(recordingVersion(2, (p) => (p.stages.investigation.deadline = seconds(3 * 3600))), 'recompute', 'plan-can'));
      await until(run, c, (s) => s.processVersion === 'iso-10002-default@2');
      const handle = env.client.workflow.getHandle(c.id);
      for (let i = 1; i <= 6; i++) {
        await d.decideOk(c, { type: 'note', text: `Called the customer, attempt ${i}.` });
        await until(run, c, (s) => s.state.counters.notes === i);
      }
      expect((await handle.describe()).runId).not.toBe(started.firstExecutionRunId);
      expect((await d.status(c)).processVersion).toBe('iso-10002-default@2');
      await acceptedAfterProposal(run, c);
      return runsOf(env, c.id, started.firstExecutionRunId);
    },
  },
  {
    // The plan's own workflow: it moves the one complaint a stored plan covers, in a batch.
    name: 'process-migration-plan',
    process: recordingVersion(1),
    async drive(run) {
      const { d, env, ctx } = run;
      const since = new Date().toISOString();
      const c = await acknowledged(run);
      const target = recordingVersion(2, (p) => (p.stages.initialReview.deadline = seconds(2 * 3600)));
      const migrationId = randomUUID();
      await createMigrationPlan(ctx.sql, {
        id: migrationId,
        scope: { definitionId: target.definition.id, targetVersionId: target.versionId, filter: { receivedFrom: since } },
        targetVersion: 2,
        target,
        targetHash: null,
        deadlineRules: allStages('recompute'),
        requestedBy: { id: 'owner-1', role: 'process_owner' },
        applyAt: null,
      });
      await createTemporalGateway(env.client, ctx.taskQueue).startProcessMigration({ migrationId });
      const plan = env.client.workflow.getHandle(processMigrationWorkflowId(migrationId));
      await eventually(async () => ((await plan.describe()).status.name === 'COMPLETED' ? true : undefined));
      await until(run, c, (s) => s.processVersion === target.versionId);
      await d.decideOk(c, CLASSIFY);
      await acceptedAfterProposal(run, c);
      return [{ workflowId: processMigrationWorkflowId(migrationId) }];
    },
  },
  {
    // Issue 13: a letter entered 90 minutes after it arrived, with only a postal address: the
    // acknowledgement clock starts at receipt, so its deadline has passed when the workflow
    // starts and the first timer check breaches and escalates; then an agent acknowledges.
    name: 'backdated-receipt-breached',
    process: recordingProcess(),
    async drive(run) {
      const { d, env, ctx } = run;
      const receivedAt = new Date((await env.currentTimeMs()) - 90 * 60_000).toISOString();
      const intake = {
        ...anIntake(receivedAt),
        channel: 'letter' as const,
        customer: { name: 'Mehmet Demir', locale: 'tr', country: 'TR', postalAddress: 'Atatürk Bulvarı No 5\n06420 Çankaya / Ankara' },
      };
      await env.client.workflow.start('complaintWorkflow', { workflowId: intake.complaintId, taskQueue: ctx.taskQueue, args: [{ intake, process: this.process }] });
      const c = { id: intake.complaintId, reference: intake.reference, pin: '' };
      const breached = await until(run, c, (s) => s.state.counters.breaches === 1);
      expect(breached.escalationLevel).toBe('teamLead');
      await d.decideOk(c, { type: 'acknowledge' });
      await d.decideOk(c, CLASSIFY);
      return acceptedAfterProposal(run, c);
    },
  },
];


/** Every run of a workflow from its first, following continue-as-new. */
async function runsOf(env: TestWorkflowEnvironment, workflowId: string, firstRunId: string): Promise<RecordedRun[]> {
  const runs: RecordedRun[] = [];
  for (let runId: string | undefined = firstRunId; runId; ) {
    runs.push({ workflowId, runId, suffix: `run-${runs.length + 1}` });
    const history = await env.client.workflow.getHandle(workflowId, runId).fetchHistory();
    const last = history.events?.at(-1);
    runId = last?.workflowExecutionContinuedAsNewEventAttributes?.newExecutionRunId ?? undefined;
  }
  expect(runs.length).toBeGreaterThan(1);
  return runs;
}
