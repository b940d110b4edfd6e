// A past complaint's recorded timeline, read two ways: as the path to replay (its decisions and
// the customer's answers, at the instants they were applied) and as the facts of what happened
// then (how each stage ended, the breaches that fired), for comparison with the replay.
import { DECISION_TYPES, ROLES, type Role, type TimedStageId } from '../domain/complaint.js';
import type { CustomerAnswer, Decision, StageOutcome } from '../domain/lifecycle/index.js';
import type { RecordedComplaint, RecordedEvent } from '../read-model/recorded-timelines.js';
import type { ProcessDefinition } from '../domain/process-definition.js';
import type { ComplaintPath, PathEvent } from './run-path.js';

/** How one run of a stage clock ended, as the transition that ended it recorded (`stageOutcome`). */
export interface StageEnding {
  stage: TimedStageId;
  /** The timeline's sequence number of the transition that ended it. */
  seq: number;
  at: string;
  outcome: StageOutcome;
  met: boolean;
  /** Working minutes before (met) or after (breached) the deadline. */
  byMinutes: number;
}

export interface BreachRecord {
  stage: TimedStageId;
  breachCount: number;
  seq: number;
  at: string;
}

export interface RecordedFacts {
  endings: StageEnding[];
  breaches: BreachRecord[];
  /** The version the complaint was filed under (`process_started`), e.g. `iso-10002-default@1`. */
  versionId: string | null;
}

export interface ReadTimeline {
  /** Without `until`: the backtest sets the horizon. Undefined when the workflow never started. */
  path: Omit<ComplaintPath, 'until'> | undefined;
  facts: RecordedFacts;
}

const STAFF_ROLES: readonly string[] = ROLES;
const DECISIONS: readonly string[] = DECISION_TYPES;

export function readTimeline(complaint: RecordedComplaint): ReadTimeline {
  const events: PathEvent[] = [];
  const facts: RecordedFacts = { endings: [], breaches: [], versionId: null };
  let startedAt: string | undefined;
  for (const row of complaint.events) {
    const ending = stageEndingOf(row);
    if (ending) facts.endings.push(ending);
    if (row.type === 'process_started' && startedAt === undefined) {
      startedAt = row.at;
      facts.versionId = typeof row.data.processVersion === 'string' ? row.data.processVersion : null;
    } else if (row.type === 'deadline_breached') {
      facts.breaches.push({ stage: row.data.stage as TimedStageId, breachCount: Number(row.data.breachCount), seq: row.seq, at: row.at });
    } else if (row.actorRole === 'customer') {
      const answer = answerOf(row);
      if (answer) events.push({ at: row.at, kind: 'customer', answer });
    } else if (STAFF_ROLES.includes(row.actorRole) && DECISIONS.includes(row.type)) {
      // Only decisions replay: a staff row of another kind (`process_migrated`, by the process
      // owner) is no decision the version could take; the replay stays on the version tried.
      events.push({ at: row.at, kind: 'decision', actor: { id: row.actorId, role: row.actorRole as Role }, decision: decisionOf(row) });
    }
  }
  const path =
    startedAt === undefined
      ? undefined
      : {
          complaintId: complaint.id,
          reference: complaint.reference,
          receivedAt: complaint.receivedAt,
          startedAt,
          channel: complaint.channel,
          customer: complaint.customer,
          events,
        };
  return { path, facts };
}

/** The decision as it was taken: its row's data is the decision's body, plus the stage outcome the transition recorded. */
function decisionOf(row: RecordedEvent): Decision {
  const { stageOutcome, ...decision } = row.data;
  void stageOutcome;
  return { ...decision, type: row.type } as unknown as Decision;
}

/** The answer alone: the row also keeps what proved it came through the link (link id, address hash, user agent). */
function answerOf(row: RecordedEvent): CustomerAnswer | undefined {
  const d = row.data;
  switch (row.type) {
    case 'customer_accepted':
      return { type: 'customer_accepted', round: Number(d.round) };
    case 'customer_rejected':
      return { type: 'customer_rejected', round: Number(d.round), reason: String(d.reason ?? '') };
    case 'customer_answered_info':
      return { type: 'customer_answered_info', requestId: String(d.requestId), text: String(d.text ?? '') };
    case 'customer_wrote':
      return { type: 'customer_wrote', channel: 'email', text: String(d.text ?? '') };
    default:
      return undefined;
  }
}

function stageEndingOf(row: RecordedEvent): StageEnding | undefined {
  const o = row.data.stageOutcome as { stage: TimedStageId; outcome: StageOutcome; met: boolean; byMinutes: number } | undefined;
  return o && { stage: o.stage, seq: row.seq, at: row.at, outcome: o.outcome, met: o.met, byMinutes: o.byMinutes };
}

/**
 * Escalation steps the recorded breaches took, per stage, under the policy the complaint ran on:
 * breach k escalated when its step says so (the reducer's rule, system-events.ts), and breaches
 * that came due together (breach count jumping by more than one) took every step they covered.
 */
export function recordedEscalations(facts: RecordedFacts, definition: ProcessDefinition): Partial<Record<TimedStageId, number>> {
  const counts: Partial<Record<TimedStageId, number>> = {};
  const lastBreach: Partial<Record<TimedStageId, number>> = {};
  const rows = [
    ...facts.endings.map((e) => ({ seq: e.seq, stage: e.stage, breachCount: 0 })),
    ...facts.breaches.map((b) => ({ seq: b.seq, stage: b.stage, breachCount: b.breachCount })),
  ].sort((a, b) => a.seq - b.seq);
  for (const { stage, breachCount } of rows) {
    // A stage's end starts its next run's breaches from zero.
    if (breachCount === 0) {
      lastBreach[stage] = 0;
      continue;
    }
    const { onBreach } = definition.stages[stage].escalation;
    for (let k = (lastBreach[stage] ?? 0) + 1; k <= breachCount; k++) {
      if (onBreach[Math.min(k, onBreach.length) - 1]?.escalate) counts[stage] = (counts[stage] ?? 0) + 1;
    }
    lastBreach[stage] = Math.max(lastBreach[stage] ?? 0, breachCount);
  }
  return counts;
}
