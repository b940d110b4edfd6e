// Message definitions shared by the workflow and its callers (API, worker, tests), so the
// wire names, the task queue and the workflow-ID format are declared once.
import { defineQuery, defineUpdate } from '@temporalio/workflow';
import type { ComplaintIntakeBody, DecisionType } from '../domain/complaint.js';
import type {
  Actor,
  ComplaintState,
  CustomerAnswer,
  Decision,
  DeadlineRules,
  MigrationMemory,
  ProcessMigratedRecord,
} from '../domain/lifecycle/index.js';
import type { Deadlines, Timers } from '../domain/lifecycle/timers.js';
import type { ProcessDefinitionSnapshot } from '../domain/process-definition.js';

/** Default task queue of complaint workflows (config TEMPORAL_TASK_QUEUE may override). */
export const TASK_QUEUE = 'complaints';

/** The complaint's workflow ID is the complaint's ID: a UUID, never personal data. */
export function complaintWorkflowId(complaintId: string): string {
  return complaintId;
}

/** What intake hands the workflow: the intake body and what intake added. Personal fields travel encrypted (security/payload-codec.ts). */
export interface ComplaintIntake extends ComplaintIntakeBody {
  complaintId: string;
  reference: string;
  receivedAt: string;
  pinHash: string;
}

/**
 * The version of the reducer's rules (which decisions a status allows, what an event means) that
 * intake files new complaints under. A change to the rules bumps it and keys on `rulesVersionOf`,
 * so a running complaint keeps the rules it was filed under (README "Versioning running complaints").
 */
export const CURRENT_RULES_VERSION = 1;

export interface ComplaintWorkflowInput {
  intake: ComplaintIntake;
  /**
   * The process definition pinned at intake: a running complaint never changes under its feet,
   * except by an explicit migration (`migrateProcessUpdate`), whose target continue-as-new carries.
   */
  process: ProcessDefinitionSnapshot;
  /** The rules the complaint was filed under; absent on complaints filed before it existed (= 1). Carried by continue-as-new. */
  rulesVersion?: number;
  /** Set when the workflow continued as new: everything it had, so nothing restarts. */
  carried?: CarriedRun;
  /**
   * The id of intake's transaction (`txid_current()`), when the workflow was started before it
   * committed: the first activity waits for its outcome, and the run ends at once, recording
   * nothing, if it rolled back. Absent (complaints filed before it existed, tests): stored already.
   */
  intakeTransaction?: string;
  /** History events before continuing as new (tests set it low; default 5,000). */
  historyLimit?: number;
}

export type { Deadlines };

/** The rules a complaint runs under: complaints filed before `rulesVersion` existed run under version 1. */
export function rulesVersionOf(input: Pick<ComplaintWorkflowInput, 'rulesVersion'>): number {
  return input.rulesVersion ?? 1;
}

/** What a query or an accepted update answers: the lifecycle state and its deadlines. */
export interface ComplaintSnapshot {
  complaintId: string;
  processVersion: string;
  /** The business calendar the deadlines are counted in. */
  calendarId: string;
  /** Transitions recorded so far (the timeline's last sequence number). */
  seq: number;
  state: ComplaintState;
  deadlines: Deadlines;
  escalationLevel: string;
}

/** Opaque to callers: the run state handed to the next run by continue-as-new. */
export interface CarriedRun {
  seq: number;
  state: ComplaintState;
  timers: unknown;
  /** Ids of recently applied updates, so a retry after continue-as-new still applies once. */
  recentUpdateIds?: string[];
  /** The process migrations taken, so one plan never moves the complaint twice (absent: none). */
  migrations?: MigrationMemory[];
}

export interface DecisionInput {
  actor: Actor;
  decision: Decision;
  /**
   * The sequence the caller last saw (`If-Match`): refused with PRECONDITION_FAILED when the
   * complaint has recorded anything since. Absent in decisions sent before it existed: no check.
   */
  expectedSeq?: number;
  /**
   * Answer once the decision is in the history, before its transitions reach the read model (the
   * API asks for it and builds its answer from the result; the read model follows within moments).
   * Absent (other callers, and decisions sent before it existed): answered once recorded.
   */
  answerBeforeRecorded?: boolean;
}

/** What a decision answers: the status after it, and when it was taken if it was answered before recorded. */
export interface DecisionResult extends ComplaintSnapshot {
  /** The instant its (last) transition was applied: the read model's `updated_at` once written. */
  decidedAt?: string;
}

export interface CustomerAnswerInput {
  /** The signed link the answer came through (recorded, then revoked). */
  linkId: string;
  answer: CustomerAnswer;
  /** Where the request came from, recorded on the timeline (absent in answers sent before it existed). */
  origin?: AnswerOrigin;
}

/** What shows an answer came through the customer's link, besides the link itself. */
export interface AnswerOrigin {
  /** HMAC-SHA256 (hex) of the client address under a server secret; never the address itself. */
  clientAddressHash: string;
  /** The User-Agent header, control characters removed, cut to 200 characters; null without one. */
  userAgent: string | null;
}

/** A message the customer wrote to us by e-mail (inbound/), for the timeline. */
export interface CustomerMessageInput {
  message: Extract<CustomerAnswer, { type: 'customer_wrote' }>;
  /** Kept on the timeline with the text: the mail's subject and the names of the files kept as evidence. */
  details: { subject: string; attachments: string[] };
}

/** An agent's decision. An update, not a signal, because the caller needs a validated answer. */
export const decideUpdate = defineUpdate<DecisionResult, [DecisionInput]>('decide');
/** The customer's answer to a proposal or an information request, through a signed link. */
/** The update id of a customer's answer with this request key (the gateway sends it, a received answer is taken under it). */
export function customerAnswerUpdateId(requestKey: string): string {
  return `answer:${requestKey}`;
}
export const customerAnswerUpdate = defineUpdate<ComplaintSnapshot, [CustomerAnswerInput]>('customerAnswer');
/** What the customer wrote to us (a reply by e-mail); it answers our open question when there is one. */
export const customerMessageUpdate = defineUpdate<ComplaintSnapshot, [CustomerMessageInput]>('customerMessage');
/**
 * An administrator's erasure of the customer's personal data (issue 14). The update id is the
 * erasure's (`erase:<erasureId>`), so a retry after a crash closes the complaint once.
 */
export interface ErasePersonalDataInput {
  erasureId: string;
  actor: Actor;
}
/** Closes an open complaint as `withdrawn`, silently, before its personal data is erased. */
export const erasePersonalDataUpdate = defineUpdate<ComplaintSnapshot, [ErasePersonalDataInput]>('erasePersonalData');
export const statusQuery = defineQuery<ComplaintSnapshot>('status');
export const allowedDecisionsQuery = defineQuery<DecisionType[], [Actor['role']]>('allowedDecisions');

/** A process owner's migration plan, applied to one complaint at a safe point (between events). */
export interface MigrateProcessInput {
  /** The plan's id: a complaint takes each plan at most once. */
  migrationId: string;
  /** Who applied the plan (a process owner or an admin): the timeline names them. */
  actor: Actor;
  /** The published version the complaint moves to. */
  target: ProcessDefinitionSnapshot;
  /** What happens to the running stage's deadline, per timed stage. */
  deadlineRules: DeadlineRules;
}

export interface MigrateProcessResult {
  /** What the timeline recorded as `process_migrated`. */
  record: ProcessMigratedRecord;
  status: ComplaintSnapshot;
}

/** What a migration preview needs of a running complaint, as of its last recorded transition. */
export interface MigrationView {
  complaintId: string;
  process: ProcessDefinitionSnapshot;
  state: ComplaintState;
  timers: Timers;
  migrations: MigrationMemory[];
  seq: number;
}

/**
 * Moves the complaint to another process version. An update (not a signal): the plan needs to know
 * whether it moved, and why not (`NOT_MIGRATABLE` with `details.reason`).
 */
export const migrateProcessUpdate = defineUpdate<MigrateProcessResult, [MigrateProcessInput]>('migrateProcess');
export const migrationViewQuery = defineQuery<MigrationView>('migrationView');
