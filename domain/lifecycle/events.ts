// The reducer's input: agent decisions, customer answers and system facts (timers, deliveries),
// all plain JSON with ISO-8601 instants, so they cross Temporal boundaries unchanged.
import type {
  CustomerMessageChannel,
  ExternalDecision,
  ProposalOutcome,
  RecordedAnswer,
  RemedyKind,
  Role,
  Severity,
  StaffRecordedChannel,
  TimedStageId,
} from '../complaint.js';

/** Who took a decision. The id is a staff user id, never personal data of the customer. */
export interface Actor {
  id: string;
  role: Role;
}

/** An agent's decision body, as the API receives it (see complaint-schemas.ts). */
export type Decision =
  | { type: 'acknowledge' }
  /** Without `department`, the process's routing rules choose it (domain/lifecycle/routing.ts). */
  | { type: 'classify'; category: string; product: string; severity: Severity; department?: string | undefined }
  /** `assignee: null` releases it: nobody has it now (status and team stay). */
  | { type: 'assign'; assignee: string | null; team?: string | undefined }
  | { type: 'request_info'; question: string }
  | {
      type: 'propose_resolution';
      /**
       * Whether the complaint is upheld, partly upheld or not upheld. Required on the wire;
       * decisions recorded before it existed lack it (the proposal's outcome is then null).
       */
      outcome: ProposalOutcome;
      summary: string;
      remedy: RemedyKind;
      /** Required for `refund` and `credit`, together with `currency`. */
      amount?: number | undefined;
      /** ISO 4217: `TRY`, `EUR`. */
      currency?: string | undefined;
      correctiveActionId?: string | undefined;
    }
  | { type: 'escalate'; reason: string }
  | { type: 'note'; text: string }
  | {
      type: 'record_corrective_action';
      rootCause: string;
      action: string;
      owner: string;
      /** A calendar date, `YYYY-MM-DD`. */
      dueDate: string;
    }
  | {
      type: 'record_external_outcome';
      /** The external body, e.g. `Tüketici Hakem Heyeti (İstanbul)`. */
      body: string;
      /** The body's own file number. */
      bodyReference: string;
      decision: ExternalDecision;
      summary: string;
    }
  | { type: 'withdraw'; reason: string }
  | { type: 'close_out_of_scope'; reason: string }
  | { type: 'mark_duplicate'; duplicateOf: string }
  /**
   * An answer that reached staff by phone, mail, …: it applies as the customer's own answer through
   * their link would (`accepted` / `rejected` the open proposal, `info` the open question). `text`
   * is what the customer said (the reason, when rejected); the timeline keeps it with the channel.
   */
  | { type: 'record_customer_answer'; answer: RecordedAnswer; text: string; channel: StaffRecordedChannel }
  /** Staff no longer need the answer: the stage clock resumes and the customer's link dies. */
  | { type: 'cancel_info_request'; reason: string }
  /** A fresh link for the open question or proposal; the earlier links stop working. */
  | { type: 'reissue_link' }
  /** This complaint repeats `repeatOf`, an earlier closed complaint of the same customer (the API checks that). */
  | { type: 'link_repeat'; repeatOf: string };

/**
 * A customer's answer, through a signed link (`round` and `requestId` come from that link), or a
 * message the customer wrote to us (`customer_wrote`: a reply by e-mail, which answers our open
 * question when there is one, and is otherwise on the timeline for the owner to read).
 */
export type CustomerAnswer =
  | { type: 'customer_accepted'; round: number }
  | { type: 'customer_rejected'; round: number; reason: string }
  | { type: 'customer_answered_info'; requestId: string; text: string }
  | { type: 'customer_wrote'; channel: CustomerMessageChannel; text: string };

/** Facts the workflow reports: a delivered acknowledgement and timer outcomes. */
export type SystemEvent =
  | { type: 'acknowledgement_sent' }
  | { type: 'deadline_warning'; stage: TimedStageId }
  /** `breachCount` is 1 at the deadline and grows each time the escalation policy re-arms. */
  | { type: 'deadline_breached'; stage: TimedStageId; breachCount: number }
  | { type: 'customer_answer_timed_out'; round: number }
  | { type: 'answer_reminder_due'; round: number }
  | { type: 'info_reminder_due'; requestId: string }
  | { type: 'info_answer_timed_out'; requestId: string }
  | { type: 'progress_update_due' }
  /** An activity failed in a way no retry cures; the complaint goes on without what it computes. */
  | { type: 'activity_failed'; activity: string; errorType: string; message: string }
  /**
   * An administrator asked for the customer's personal data to be erased (issue 14): the complaint
   * closes as `withdrawn` at once, the customer is no longer reachable, and nothing more is sent to
   * them. `erasureId` names the erasure (read-model/erasure.ts), never the person.
   */
  | { type: 'personal_data_erasure_requested'; erasureId: string };

/** Everything `advance` accepts. `at` is an ISO-8601 instant (the workflow's clock). */
export type LifecycleEvent =
  | { kind: 'decision'; at: string; actor: Actor; decision: Decision }
  | { kind: 'customer'; at: string; answer: CustomerAnswer }
  | { kind: 'system'; at: string; system: SystemEvent };

export type DecisionOf<T extends Decision['type']> = Extract<Decision, { type: T }>;
export type CustomerAnswerOf<T extends CustomerAnswer['type']> = Extract<CustomerAnswer, { type: T }>;
export type SystemEventOf<T extends SystemEvent['type']> = Extract<SystemEvent, { type: T }>;
