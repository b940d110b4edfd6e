// What a simulated path amounts to, read from the transitions the run recorded: every stage with
// its deadline, warning and how it ended, the warnings, breaches and escalations that fired, the
// messages that would go out, refusals, incidents and where the complaint ends up.
import type { Closure, ComplaintStatus, TimedStageId } from '../domain/complaint.js';
import type { StageOutcome } from '../domain/lifecycle/index.js';
import { replyChannel } from '../domain/reply-channel.js';
import type { Deadlines } from '../domain/lifecycle/timers.js';
import { staffRecipient } from '../read-model/outbox.js';
import type { OutgoingMessage, TransitionRecord } from '../read-model/record-transition.js';
import { isRetiredCustomerTemplate } from '../texts/messages/customer.js';
import type { ComplaintPath, PathRun, Refusal, StopReason } from './run-path.js';

/** One run of a stage clock, from its start to its end (or the end of the simulation). */
export interface StageSpan {
  stage: TimedStageId;
  /** The proposal round the stage works towards: 1 until the first proposal, 2 for the first reinvestigation, … */
  round: number;
  /** When the clock started counting (the next opening when the stage began out of hours). */
  startedAt: string;
  warningAt: string;
  /** The deadline when the stage began, and as it stood at its end (pauses push it out). */
  deadlineAtStart: string;
  deadline: string;
  endedAt: string | null;
  /** `running`: still going when the simulation stopped. */
  outcome: StageOutcome | 'running';
  /** Working minutes the stage ended before (met) or after (breached) its deadline; null while running. */
  byWorkingMinutes: number | null;
}

export interface WarningFact {
  at: string;
  stage: TimedStageId;
  notified: string[];
}

export interface BreachFact {
  at: string;
  stage: TimedStageId;
  /** 1 at the deadline, 2 at the first re-armed breach, … */
  breachCount: number;
  /** Who owns the stage after this breach (its escalation level). */
  owner: string;
  notified: string[];
}

export interface EscalationFact {
  at: string;
  stage: TimedStageId;
  from: string;
  to: string;
  /** Escalation steps taken (several when breach steps came due together); `to` stays at the top once there. */
  steps: number;
  cause: 'breach' | 'decision';
}

export interface MessageFact {
  at: string;
  seq: number;
  audience: 'customer' | 'staff';
  template: string;
  /** `customer:email` (how the customer is answered), or the staff address as the outbox writes it (`escalation:teamLead`). */
  recipient: string;
}

export interface IncidentFact {
  at: string;
  activity: string;
  errorType: string;
  message: string;
}

export interface PathReport {
  stages: StageSpan[];
  warnings: WarningFact[];
  breaches: BreachFact[];
  escalations: EscalationFact[];
  messages: MessageFact[];
  refusals: Refusal[];
  incidents: IncidentFact[];
  transitions: Array<{ seq: number; at: string; type: string; actor: { id: string; role: string }; status: ComplaintStatus }>;
  final: {
    status: ComplaintStatus;
    closure: Closure | null;
    round: number;
    escalationLevel: string;
    closedAt: string | null;
    deadlines: Deadlines;
  };
  stoppedBecause: StopReason;
  simulatedUntil: string;
}

export function pathReport(path: ComplaintPath, run: PathRun): PathReport {
  const customerRecipient = `customer:${replyChannel(path.channel, {
    email: path.customer.reachable ? 'simulated' : null,
    phone: null,
    postalAddress: null,
  })}`;
  const report: PathReport = {
    stages: stageSpans(run.transitions),
    warnings: [],
    breaches: [],
    escalations: [],
    messages: [],
    refusals: run.refusals,
    incidents: [],
    transitions: [],
    final: {
      status: run.final.state.status,
      closure: run.final.state.closure,
      round: run.final.state.round,
      escalationLevel: run.final.escalationLevel,
      closedAt: run.final.state.closedAt,
      deadlines: run.final.deadlines,
    },
    stoppedBecause: run.stoppedBecause,
    simulatedUntil: run.stoppedAt,
  };
  let before: TransitionRecord | undefined;
  for (const record of run.transitions) {
    const { at, seq, event, status } = record;
    const data = event.data as Record<string, unknown>;
    const notified = record.messages.flatMap((m) => (m.audience === 'staff' ? [staffRecipient(m.recipient)] : []));
    report.transitions.push({ seq, at, type: event.type, actor: { id: event.actorId, role: event.actorRole }, status: status.state.status });
    for (const message of record.messages) {
      if (message.audience === 'customer' && isRetiredCustomerTemplate(message.template)) continue;
      report.messages.push({ at, seq, audience: message.audience, template: message.template, recipient: recipientOf(message, customerRecipient) });
    }
    if (event.type === 'deadline_warning') report.warnings.push({ at, stage: data.stage as TimedStageId, notified });
    if (event.type === 'deadline_breached') {
      report.breaches.push({ at, stage: data.stage as TimedStageId, breachCount: data.breachCount as number, owner: status.escalationLevel, notified });
    }
    if (event.type === 'activity_failed') {
      report.incidents.push({ at, activity: String(data.activity), errorType: String(data.errorType), message: String(data.message) });
    }
    const steps = status.state.counters.escalations - (before?.status.state.counters.escalations ?? 0);
    if (steps > 0) {
      report.escalations.push({
        at,
        stage: status.state.escalation.stage,
        from: before?.status.escalationLevel ?? status.escalationLevel,
        to: status.escalationLevel,
        steps,
        cause: event.type === 'deadline_breached' ? 'breach' : 'decision',
      });
    }
    before = record;
  }
  return report;
}

/**
 * Stage runs from the snapshots: a stage appears in a transition's deadlines when it starts, its
 * deadline moves there when a pause ends, and the transition that ends it carries `stageOutcome`.
 */
export function stageSpans(transitions: readonly TransitionRecord[]): StageSpan[] {
  const spans: StageSpan[] = [];
  let open: StageSpan | undefined;
  for (const { at, event, status } of transitions) {
    const outcome = (event.data as { stageOutcome?: { stage: TimedStageId; outcome: StageOutcome; byMinutes: number } }).stageOutcome;
    const current = status.deadlines.stage;
    if (open && outcome?.stage === open.stage) {
      Object.assign(open, { endedAt: at, outcome: outcome.outcome, byWorkingMinutes: outcome.byMinutes });
      open = undefined;
    }
    if (open && (!current || current.id !== open.stage || current.startedAt !== open.startedAt)) {
      // Its clock stopped without an outcome (a clock activity failed for good): it ended here, unjudged.
      Object.assign(open, { endedAt: at, outcome: 'abandoned' });
      open = undefined;
    }
    if (!current) continue;
    if (!open) {
      open = {
        stage: current.id as TimedStageId,
        round: status.state.round + 1,
        startedAt: current.startedAt,
        warningAt: current.warningAt,
        deadlineAtStart: current.deadline,
        deadline: current.deadline,
        endedAt: null,
        outcome: 'running',
        byWorkingMinutes: null,
      };
      spans.push(open);
    } else {
      open.warningAt = current.warningAt;
      open.deadline = current.deadline;
    }
  }
  return spans;
}

function recipientOf(message: OutgoingMessage, customerRecipient: string): string {
  return message.audience === 'customer' ? customerRecipient : staffRecipient(message.recipient);
}
