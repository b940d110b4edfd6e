// Drives one complaint's ComplaintRun through a path of decisions and customer answers exactly as
// the workflow's main loop does (complaint.workflow.ts): between events the virtual clock jumps to
// each `nextWakeAt()` and the due timers fire in an exclusive section; at an event's time it is
// validated as the update's validator would, then applied through `exclusive(applyUpdate)`.
import type { Channel } from '../domain/complaint.js';
import { DomainError, type ErrorCode } from '../domain/errors.js';
import type { Actor, CustomerAnswer, Decision, LifecycleEvent } from '../domain/lifecycle/index.js';
import type { ProcessDefinition } from '../domain/process-definition.js';
import type { TransitionRecord } from '../read-model/record-transition.js';
import type { ComplaintSnapshot, ComplaintWorkflowInput } from '../workflows/complaint.messages.js';
import { ComplaintRun, type EventOrigin } from '../workflows/complaint-run.js';
import { simulationPorts, VirtualClock, type ClockActivities } from './virtual-ports.js';

/** A decision or a customer answer, at the instant it is taken (ISO 8601). */
export type PathEvent =
  | { at: string; kind: 'decision'; actor: Actor; decision: Decision }
  | { at: string; kind: 'customer'; answer: CustomerAnswer };

export interface SimulatedCustomer {
  locale: string;
  country: string | null;
  /** Gave an e-mail or phone: the acknowledgement goes out by itself (else an agent acknowledges). */
  reachable: boolean;
}

export interface ComplaintPath {
  receivedAt: string;
  /** When its workflow began, if later than receipt (intake stored while Temporal was down). Default: `receivedAt`. */
  startedAt?: string;
  channel: Channel;
  customer: SimulatedCustomer;
  /** In time order. */
  events: readonly PathEvent[];
  /** The horizon: after the last event, timers fire up to this instant unless the complaint closes first. */
  until: string;
  /** For the run's snapshot and message parameters; nothing is looked up by it. */
  complaintId?: string;
  reference?: string;
}

/** An event the rules refused at its time, with the reducer's code. */
export interface Refusal {
  /** Index into the path's events. */
  index: number;
  at: string;
  type: string;
  code: ErrorCode;
  message: string;
}

export type StopReason = 'closed' | 'horizon' | 'step_limit';

export interface PathRun {
  transitions: TransitionRecord[];
  refusals: Refusal[];
  final: ComplaintSnapshot;
  stoppedBecause: StopReason;
  /** The virtual clock when the run stopped. */
  stoppedAt: string;
}

/** Timer firings one path may take; a re-arm of minutes across a year of horizon would be far fewer. */
export const MAX_TIMER_FIRINGS = 10_000;

const SIMULATED_COMPLAINT_ID = '00000000-0000-4000-8000-000000000000';

/** Runs `path` on `definition`; `clocks` are the real clock activities (createClockActivities). */
export async function runPath(
  definition: ProcessDefinition,
  path: ComplaintPath,
  clocks: ClockActivities,
  versionId = `${definition.id}@${definition.version}`,
): Promise<PathRun> {
  const clock = new VirtualClock(Date.parse(path.startedAt ?? path.receivedAt));
  const { ports, transitions } = simulationPorts(clocks, clock);
  const run = new ComplaintRun(workflowInput(definition, versionId, path), ports);
  const refusals: Refusal[] = [];
  let firings = 0;

  /** The main loop between events: wake at each timer up to `limitMs`, as the workflow's condition timeout does. */
  const fireTimersUntil = async (limitMs: number): Promise<boolean> => {
    for (;;) {
      const wakeAt = run.nextWakeAt();
      if (run.finished || wakeAt === undefined || wakeAt > limitMs) return true;
      if (++firings > MAX_TIMER_FIRINGS) return false;
      // A timer never fires before it is due, nor sooner than 1 ms after the last wake (the workflow's Math.max(…, 1)).
      clock.advanceTo(Math.max(wakeAt, clock.nowMs + (wakeAt <= clock.nowMs ? 1 : 0)));
      await run.exclusive(() => run.fireDueTimers());
    }
  };

  await run.exclusive(() => run.begin());
  let withinLimit = true;
  for (const [index, event] of path.events.entries()) {
    const at = Date.parse(event.at);
    withinLimit = await fireTimersUntil(at);
    if (!withinLimit) break;
    clock.advanceTo(at);
    const refusal = await applyEvent(run, event, `simulated-${index}`, clock.iso());
    if (refusal) refusals.push({ index, at: clock.iso(), type: eventType(event), code: refusal.code, message: refusal.message });
  }
  if (withinLimit) withinLimit = await fireTimersUntil(Date.parse(path.until));
  // Nothing more falls due before the horizon: the run has been simulated up to it.
  if (withinLimit && !run.finished) clock.advanceTo(Date.parse(path.until));
  return {
    transitions,
    refusals,
    final: run.status(),
    stoppedBecause: run.finished ? 'closed' : withinLimit ? 'horizon' : 'step_limit',
    stoppedAt: clock.iso(),
  };
}

/** The update handler's two steps: the validator (refuses without a trace), then the exclusive apply. */
async function applyEvent(run: ComplaintRun, event: PathEvent, updateId: string, at: string): Promise<DomainError | undefined> {
  const [lifecycleEvent, origin]: [LifecycleEvent, EventOrigin] =
    event.kind === 'decision'
      ? [
          { kind: 'decision', at, actor: event.actor, decision: event.decision },
          { actorId: event.actor.id, actorRole: event.actor.role, data: { ...event.decision } },
        ]
      : [{ kind: 'customer', at, answer: event.answer }, { actorId: 'customer', actorRole: 'customer', data: { ...event.answer } }];
  try {
    run.validate(lifecycleEvent);
    await run.exclusive(() => run.applyUpdate(updateId, lifecycleEvent, origin));
    return undefined;
  } catch (err) {
    if (err instanceof DomainError) return err;
    throw err;
  }
}

function workflowInput(definition: ProcessDefinition, versionId: string, path: ComplaintPath): ComplaintWorkflowInput {
  const { customer } = path;
  return {
    intake: {
      complaintId: path.complaintId ?? SIMULATED_COMPLAINT_ID,
      reference: path.reference ?? 'SIMULATION',
      receivedAt: path.receivedAt,
      pinHash: 'simulated',
      channel: path.channel,
      // Reachability is all the lifecycle takes from the contact details; no address is invented.
      customer: {
        name: 'Simulated customer',
        locale: customer.locale,
        ...(customer.country ? { country: customer.country } : {}),
        ...(customer.reachable ? { email: 'customer@simulation.invalid' } : {}),
      },
      subject: 'Simulation',
      description: 'Simulation',
    },
    process: { versionId, definition },
  };
}

function eventType(event: PathEvent): string {
  return event.kind === 'decision' ? event.decision.type : event.answer.type;
}
