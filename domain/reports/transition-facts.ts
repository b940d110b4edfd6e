// The report facts one recorded transition establishes, derived from the snapshot recorded with
// the previous transition and the new one (read-model/report-facts.ts writes them in the same
// transaction). Pure, and expressed as upserts that merge: writing the facts of a transition
// twice, or of a snapshot whose predecessor's facts were never written, leaves them exact.
import type { ProposalOutcome, RemedyKind, TimedStageId } from '../complaint.js';
import type { ComplaintState, StageProgress } from '../lifecycle/state.js';

/** What the facts need of a snapshot (workflows/complaint.messages.ts `ComplaintSnapshot`). */
export interface FactSnapshot {
  state: ComplaintState;
  deadlines: { stage: { id: string; deadline: string } | null };
  escalationLevel: string;
}

export interface RecordedTransition {
  seq: number;
  at: string;
  event: { type: string; data: Record<string, unknown> };
}

/**
 * One run of a stage clock: from the stage's start (the reducer's `stage.startedAt`) until it
 * stopped. Merged into a stored row: a known deadline replaces the stored one (the latest in
 * force), `endedAt` is set once, `breached` only ever becomes true.
 */
export interface StageClockFact {
  stage: TimedStageId;
  startedAt: string;
  deadlineAt: string | null;
  endedAt: string | null;
  breached: boolean;
}

export interface EscalationFact {
  seq: number;
  stage: TimedStageId;
  level: string;
  occurredAt: string;
}

export interface ProposalFact {
  round: number;
  outcome: ProposalOutcome | null;
  remedy: RemedyKind;
  amount: number | null;
  currency: string | null;
  proposedAt: string;
  answer: 'accepted' | 'rejected' | 'deemed_accepted' | null;
  answeredAt: string | null;
}

export interface CorrectiveActionFact {
  actionId: string;
  rootCause: string;
  recordedAt: string;
}

export interface TransitionFacts {
  stageClocks: StageClockFact[];
  escalation: EscalationFact | null;
  /** Proposals new or changed by this transition. */
  proposals: ProposalFact[];
  /** Corrective actions recorded by this transition. */
  correctiveActions: CorrectiveActionFact[];
  /** The category was set or changed: the customer's repeat-complaint links need recomputing. */
  categoryChanged: boolean;
  /** This transition closed the complaint: its resolution time is due. */
  closed: boolean;
  breachCount: number;
}

export function transitionFacts(previous: FactSnapshot | null, current: FactSnapshot, transition: RecordedTransition): TransitionFacts {
  const before = previous?.state ?? null;
  const after = current.state;
  return {
    stageClocks: stageClockFacts(previous, current, transition),
    escalation:
      after.counters.escalations > (before?.counters.escalations ?? 0)
        ? { seq: transition.seq, stage: after.escalation.stage, level: current.escalationLevel, occurredAt: transition.at }
        : null,
    proposals: after.proposals
      .map(proposalFact)
      .filter((fact) => {
        const earlier = before?.proposals.find((p) => p.round === fact.round);
        return !earlier || JSON.stringify(proposalFact(earlier)) !== JSON.stringify(fact);
      }),
    correctiveActions: after.correctiveActions
      .filter((a) => !before?.correctiveActions.some((b) => b.id === a.id))
      .map((a) => ({ actionId: a.id, rootCause: a.rootCause, recordedAt: a.recordedAt })),
    categoryChanged:
      after.classification !== null && after.classification.category !== (before?.classification?.category ?? null),
    closed: after.status === 'closed' && before?.status !== 'closed',
    breachCount: after.counters.breaches,
  };
}

/** The run that stopped (if the stage changed or ended) and the run going on now (if any). */
function stageClockFacts(previous: FactSnapshot | null, current: FactSnapshot, transition: RecordedTransition): StageClockFact[] {
  const ran = previous?.state.stage ?? null;
  const runs = current.state.stage;
  const facts: StageClockFact[] = [];
  if (ran && !(runs && sameRun(ran, runs))) {
    // The clock that stopped says whether the stage met its deadline: a breach it had not yet
    // fired (a decision taken just past the deadline) still counts.
    const outcome = transition.event.data['stageOutcome'] as { stage?: string; met?: boolean } | undefined;
    facts.push({
      stage: ran.id,
      startedAt: ran.startedAt,
      deadlineAt: deadlineOf(previous!, ran),
      endedAt: transition.at,
      breached: ran.breachCount > 0 || (outcome?.stage === ran.id && outcome.met === false),
    });
  }
  if (runs) {
    facts.push({ stage: runs.id, startedAt: runs.startedAt, deadlineAt: deadlineOf(current, runs), endedAt: null, breached: runs.breachCount > 0 });
  }
  return facts;
}

function sameRun(a: StageProgress, b: StageProgress): boolean {
  return a.id === b.id && a.startedAt === b.startedAt;
}

/** The deadline the snapshot shows for that run; null when its clock could not be computed. */
function deadlineOf(snapshot: FactSnapshot, run: StageProgress): string | null {
  const shown = snapshot.deadlines.stage;
  return shown?.id === run.id ? shown.deadline : null;
}

function proposalFact(p: ComplaintState['proposals'][number]): ProposalFact {
  return {
    round: p.round,
    outcome: p.outcome ?? null,
    remedy: p.remedy,
    amount: p.amount,
    currency: p.currency,
    proposedAt: p.proposedAt,
    answer: p.answer?.outcome ?? null,
    answeredAt: p.answer?.at ?? null,
  };
}
