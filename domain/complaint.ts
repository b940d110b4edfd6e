// The complaint's vocabulary: stable API values (snake_case on the wire) as `as const` arrays with
// their string-literal unions, and the customer-facing labels kept apart from them. No zod here:
// the workflow bundle imports this file.

/** Where a complaint stands. `open_external`: two rounds rejected, the customer goes outside. */
export const COMPLAINT_STATUSES = [
  'received',
  'acknowledged',
  'in_review',
  'investigating',
  'awaiting_customer',
  'resolution_proposed',
  'reinvestigating',
  'open_external',
  'closed',
] as const;
export type ComplaintStatus = (typeof COMPLAINT_STATUSES)[number];

/** Why a `closed` complaint closed. */
export const CLOSURES = [
  'accepted',
  'deemed_accepted',
  'withdrawn',
  'out_of_scope',
  'duplicate',
  'external_decision',
  /** The customer did not answer an information request in time and the process says close. */
  'no_response',
] as const;
export type Closure = (typeof CLOSURES)[number];

/**
 * Stage ids, the keys of `ProcessDefinition.stages`. `conclusion` has no status of its own: its
 * deadline extends the investigation and reinvestigation clocks (see domain/lifecycle/clocks.ts).
 */
export const STAGES = [
  'acknowledgement',
  'initialReview',
  'investigation',
  'conclusion',
  'reinvestigation',
] as const;
export type StageId = (typeof STAGES)[number];

/** Stages that run a clock of their own: every stage but `conclusion`. */
export const TIMED_STAGES = [
  'acknowledgement',
  'initialReview',
  'investigation',
  'reinvestigation',
] as const satisfies readonly StageId[];
export type TimedStageId = (typeof TIMED_STAGES)[number];

/** Staff roles. `process_owner` and `auditor` read and change the process; they take no decisions. */
export const ROLES = ['agent', 'supervisor', 'process_owner', 'auditor', 'admin'] as const;
export type Role = (typeof ROLES)[number];

/** Agent decisions, the `type` of a decision body. */
export const DECISION_TYPES = [
  'acknowledge',
  'classify',
  'assign',
  'request_info',
  'propose_resolution',
  'escalate',
  'note',
  'record_corrective_action',
  'record_external_outcome',
  'withdraw',
  'close_out_of_scope',
  'mark_duplicate',
  'record_customer_answer',
  'cancel_info_request',
  'reissue_link',
  /** Records that this complaint repeats an earlier, closed complaint of the same customer. */
  'link_repeat',
] as const;
export type DecisionType = (typeof DECISION_TYPES)[number];

/**
 * Decisions added after definitions began to state `decisionRoles`. A definition that lists one
 * for no role at all was written before it existed (the seeded version 1 is one), so the code
 * default (`DECISIONS_BY_ROLE`) says who takes it there (domain/lifecycle/rules.ts). A definition
 * that lists it for any role says who takes it, as for every other decision.
 */
export const DECISIONS_NEWER_THAN_DECISION_ROLES = ['link_repeat'] as const satisfies readonly DecisionType[];

/**
 * Why an earlier complaint is listed among a complaint's possible duplicates: the same customer
 * (keyed e-mail or phone hash), a very similar text, or both.
 */
export const DUPLICATE_REASONS = ['same_customer', 'similar_text', 'both'] as const;
export type DuplicateReason = (typeof DUPLICATE_REASONS)[number];

/** Customer answers, the `type` of a customer event. */
export const CUSTOMER_ANSWER_TYPES = [
  'customer_accepted',
  'customer_rejected',
  'customer_answered_info',
  /** The customer wrote to us (a reply by e-mail): on the timeline; it answers our open question if there is one. */
  'customer_wrote',
] as const;
export type CustomerAnswerType = (typeof CUSTOMER_ANSWER_TYPES)[number];

/** How a complaint arrived. Every channel lands in the same pool. */
export const CHANNELS = [
  'web',
  'email',
  'phone',
  'live_chat',
  'social_media',
  'letter',
  'fax',
  'front_office',
  'dealer',
  'sales_representative',
  'technical_support',
] as const;
export type Channel = (typeof CHANNELS)[number];

/**
 * Channels whose complaint names who passed it on to us (the dealer, the sales representative):
 * `intermediary` on intake.
 */
export const INTERMEDIARY_CHANNELS = ['dealer', 'sales_representative'] as const satisfies readonly Channel[];

/**
 * Channels an answer can reach staff through, who then record it (`record_customer_answer`). Not
 * `web`: a web answer is the customer's own, through their signed link.
 */
export const STAFF_RECORDED_CHANNELS = CHANNELS.filter(
  (c): c is Exclude<Channel, 'web'> => c !== 'web',
);
export type StaffRecordedChannel = Exclude<Channel, 'web'>;

/** Channels a customer's own message (`customer_wrote`) arrives through by itself, without staff. */
export const CUSTOMER_MESSAGE_CHANNELS = ['email'] as const satisfies readonly Channel[];
export type CustomerMessageChannel = (typeof CUSTOMER_MESSAGE_CHANNELS)[number];

/** What an answer recorded by staff says: to the proposal (accepted, rejected) or to our question. */
export const RECORDED_ANSWERS = ['accepted', 'rejected', 'info'] as const;
export type RecordedAnswer = (typeof RECORDED_ANSWERS)[number];

/** What a proposed resolution offers. `refund` and `credit` carry an amount and a currency. */
export const REMEDY_KINDS = [
  'refund',
  'replacement',
  'repair',
  'credit',
  'apology',
  'explanation',
  'other',
] as const;
export type RemedyKind = (typeof REMEDY_KINDS)[number];

/**
 * How far a proposed resolution finds the complaint justified: what regulators ask complaint
 * reports to count (the FCA's upheld / partly upheld / not upheld).
 */
export const PROPOSAL_OUTCOMES = ['upheld', 'partly_upheld', 'not_upheld'] as const;
export type ProposalOutcome = (typeof PROPOSAL_OUTCOMES)[number];

/** Remedy kinds that are money and so need `amount` and `currency`. */
export const MONETARY_REMEDY_KINDS = ['refund', 'credit'] as const satisfies readonly RemedyKind[];

export const SEVERITIES = ['low', 'medium', 'high', 'critical'] as const;
export type Severity = (typeof SEVERITIES)[number];

/** What an external body (arbitration committee, court, ombudsman) decided. */
export const EXTERNAL_DECISIONS = [
  'upheld',
  'partially_upheld',
  'not_upheld',
  'settled',
  'dismissed',
] as const;
export type ExternalDecision = (typeof EXTERNAL_DECISIONS)[number];

/**
 * Roles that may be given decisions. Process owners change the process and auditors review it:
 * no process definition may give them a decision, so the API refuses them without asking the
 * complaint's workflow.
 */
export const DECIDING_ROLES = ['agent', 'supervisor', 'admin'] as const satisfies readonly Role[];
export type DecidingRole = (typeof DECIDING_ROLES)[number];

export function isDecidingRole(role: Role): role is DecidingRole {
  return (DECIDING_ROLES as readonly Role[]).includes(role);
}

/**
 * Who may take which decision when the pinned process definition says nothing (`decisionRoles`
 * absent, as in definitions pinned before it existed): `admin` may do what a supervisor may; the
 * two readers take none. The shipped definition states exactly this mapping.
 */
export const DECISIONS_BY_ROLE: Readonly<Record<Role, readonly DecisionType[]>> = {
  agent: DECISION_TYPES.filter((t) => t !== 'close_out_of_scope' && t !== 'mark_duplicate'),
  supervisor: DECISION_TYPES,
  admin: DECISION_TYPES,
  process_owner: [],
  auditor: [],
};

/** Statuses where the customer waits on us, so silence triggers a progress update. */
export const WORKING_STATUSES = [
  'acknowledged',
  'in_review',
  'investigating',
  'reinvestigating',
] as const satisfies readonly ComplaintStatus[];

export function isWorkingStatus(status: ComplaintStatus): boolean {
  return (WORKING_STATUSES as readonly ComplaintStatus[]).includes(status);
}

/** What a complaint's intake carries (the API body). Phone and letter intake may have no e-mail or phone. */
export interface ComplaintIntakeBody {
  channel: Channel;
  customer: {
    name: string;
    email?: string | undefined;
    phone?: string | undefined;
    /** A BCP-47-ish language tag: `tr`, `en`, `tr-TR`. */
    locale: string;
    /** ISO 3166 alpha-2, upper case: `TR`. */
    country?: string | undefined;
    /** Where letters go: the lines as written on the envelope. Required for a letter without e-mail or phone. */
    postalAddress?: string | undefined;
  };
  subject: string;
  description: string;
  category?: string | undefined;
  product?: string | undefined;
}

/**
 * What staff file on top of the complaint itself (POST /v1/complaints with an API key): when it
 * was really received, and for some channels through whom. Not part of the workflow's input: the
 * workflow gets the resolved `receivedAt` of `ComplaintIntake`, the rest stays in the read model.
 */
export interface AgentEntryFields {
  /** When the complaint reached us (ISO 8601 with offset), if earlier than now: the clock starts then. Staff only, never `web`. */
  receivedAt?: string | undefined;
  /** Which front office received it (an id of FRONT_OFFICES); required for `front_office`, refused otherwise. */
  frontOffice?: string | undefined;
  /** Who passed it on (a name or id); only for the INTERMEDIARY_CHANNELS. */
  intermediary?: string | undefined;
}

/** The intake body as POST /v1/complaints takes it: the complaint and, from staff, how it was received. */
export interface ComplaintFilingBody extends ComplaintIntakeBody, AgentEntryFields {}

// Customer-facing labels: the tracking view shows these, never the status ids. Their words are in
// texts/ (`view.status.<key>`); which one a status shows is a rule, so it is here.

export const CUSTOMER_LABEL_KEYS = [
  'created',
  'in_progress',
  'under_review',
  'resolved',
  'closed',
  'open',
] as const;
export type CustomerLabelKey = (typeof CUSTOMER_LABEL_KEYS)[number];

const LABEL_KEY_BY_STATUS: Readonly<Record<ComplaintStatus, CustomerLabelKey>> = {
  received: 'created',
  acknowledged: 'created',
  in_review: 'in_progress',
  investigating: 'under_review',
  awaiting_customer: 'in_progress',
  resolution_proposed: 'resolved',
  reinvestigating: 'under_review',
  open_external: 'open',
  closed: 'closed',
};

/**
 * The label key the customer sees. While the customer owes information, they see the label of
 * the status the complaint returns to, so the tracking view never appears to go backwards.
 */
export function customerLabelKey(
  status: ComplaintStatus,
  returnTo?: ComplaintStatus | null,
): CustomerLabelKey {
  if (status === 'awaiting_customer' && returnTo && returnTo !== 'awaiting_customer') {
    return LABEL_KEY_BY_STATUS[returnTo];
  }
  return LABEL_KEY_BY_STATUS[status];
}
