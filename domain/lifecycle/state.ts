// The reducer's state: one plain JSON object (ISO strings, no Dates, no classes), so it can be a
// query result and a continue-as-new argument as it is. Customer personal data stays out of it.
import type {
  Channel,
  Closure,
  ComplaintStatus,
  ExternalDecision,
  ProposalOutcome,
  RemedyKind,
  Severity,
  TimedStageId,
} from '../complaint.js';

/** The stage clock that is running or paused; `null` while no stage is timed. */
export interface StageProgress {
  id: TimedStageId;
  startedAt: string;
  /** Set while the customer owes information: the clock does not run. */
  pausedAt: string | null;
  warned: boolean;
  /** Breaches seen so far (the escalation policy may fire several). */
  breachCount: number;
}

/** Which stage's escalation chain applies, and how far up it the complaint is owned. */
export interface EscalationProgress {
  stage: TimedStageId;
  /** Index into that stage's `escalation.levels`; 0 = the stage owner. Resets when a stage starts. */
  level: number;
}

export interface Classification {
  category: string;
  product: string;
  severity: Severity;
  department: string;
  /** The team a routing rule named; absent when no rule routed it, or the rule named none. */
  team?: string;
  /** The id of the routing rule that chose the department; absent when the decision named it. */
  routedBy?: string;
}

export interface ProposalAnswer {
  outcome: 'accepted' | 'rejected' | 'deemed_accepted';
  at: string;
  reason?: string;
  /** Set when staff recorded an answer that came by phone, letter, …: reports tell it from the customer's own. */
  recorded?: { channel: string; by: string };
}

/** A proposed resolution; there is at most one per round. */
export interface Proposal {
  round: number;
  /** Null (or absent, in runs carried from before it existed) for proposals made before outcomes were recorded. */
  outcome?: ProposalOutcome | null;
  summary: string;
  remedy: RemedyKind;
  amount: number | null;
  currency: string | null;
  correctiveActionId: string | null;
  proposedAt: string;
  proposedBy: string;
  reminderSentAt: string | null;
  /** Set when the answer deadline passed under `noAnswer: 'stay_open'`; the link stays valid. */
  answerTimedOutAt: string | null;
  answer: ProposalAnswer | null;
}

export interface PendingInfoRequest {
  /** `info-1`, `info-2`, …: derived from a counter so replay gives the same id. */
  requestId: string;
  question: string;
  askedAt: string;
  askedBy: string;
  /** The status the complaint goes back to when the customer answers. */
  returnTo: ComplaintStatus;
  /** When the customer was reminded; absent in requests made before requests had a deadline. */
  reminderSentAt?: string | null;
}

export interface CorrectiveAction {
  /** `ca-1`, `ca-2`, …; a proposal may link to it. */
  id: string;
  rootCause: string;
  action: string;
  owner: string;
  dueDate: string;
  recordedAt: string;
  recordedBy: string;
}

export interface ExternalOutcome {
  body: string;
  bodyReference: string;
  decision: ExternalDecision;
  summary: string;
  recordedAt: string;
  recordedBy: string;
}

/** An agent's link to the earlier, closed complaint of the same customer that this one repeats. */
export interface RepeatLink {
  reference: string;
  linkedAt: string;
  linkedBy: string;
}

export interface LifecycleCounters {
  warnings: number;
  breaches: number;
  escalations: number;
  infoRequests: number;
  reminders: number;
  progressUpdates: number;
  notes: number;
  rejections: number;
}

export interface ComplaintState {
  reference: string;
  channel: Channel;
  /** What the lifecycle needs of the customer: language, country, whether we can reach them. */
  customer: { locale: string; country: string | null; reachable: boolean };
  status: ComplaintStatus;
  closure: Closure | null;
  stage: StageProgress | null;
  /** The round of the latest proposal; 0 before the first. */
  round: number;
  escalation: EscalationProgress;
  assignee: string | null;
  team: string | null;
  classification: Classification | null;
  proposals: Proposal[];
  pendingInfoRequest: PendingInfoRequest | null;
  correctiveActions: CorrectiveAction[];
  externalOutcome: ExternalOutcome | null;
  duplicateOf: string | null;
  /**
   * The complaint this one repeats (`link_repeat`; a later link replaces it). Absent until linked,
   * so complaints never linked carry the state they always did.
   */
  repeatOf?: RepeatLink;
  receivedAt: string;
  acknowledgedAt: string | null;
  closedAt: string | null;
  updatedAt: string;
  counters: LifecycleCounters;
}

/** What the workflow knows at start; personal fields are reduced to what the lifecycle needs. */
export interface LifecycleStartInput {
  reference: string;
  receivedAt: string;
  channel: Channel;
  customer: {
    locale: string;
    country?: string | null | undefined;
    email?: string | null | undefined;
    phone?: string | null | undefined;
  };
}

export function initialState(input: LifecycleStartInput): ComplaintState {
  const { customer } = input;
  return {
    reference: input.reference,
    channel: input.channel,
    customer: {
      locale: customer.locale,
      country: customer.country ?? null,
      reachable: Boolean(customer.email || customer.phone),
    },
    status: 'received',
    closure: null,
    stage: {
      id: 'acknowledgement',
      startedAt: input.receivedAt,
      pausedAt: null,
      warned: false,
      breachCount: 0,
    },
    round: 0,
    escalation: { stage: 'acknowledgement', level: 0 },
    assignee: null,
    team: null,
    classification: null,
    proposals: [],
    pendingInfoRequest: null,
    correctiveActions: [],
    externalOutcome: null,
    duplicateOf: null,
    receivedAt: input.receivedAt,
    acknowledgedAt: null,
    closedAt: null,
    updatedAt: input.receivedAt,
    counters: {
      warnings: 0,
      breaches: 0,
      escalations: 0,
      infoRequests: 0,
      reminders: 0,
      progressUpdates: 0,
      notes: 0,
      rejections: 0,
    },
  };
}

/** The latest proposal, if any. */
export function currentProposal(state: ComplaintState): Proposal | null {
  return state.proposals.at(-1) ?? null;
}
