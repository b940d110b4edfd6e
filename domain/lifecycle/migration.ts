// Moving a running complaint to another version of its process definition: the rules per stage,
// what the timeline records, and when a migration does not apply. Calendar-free, so the workflow
// bundles it (its update validator refuses with these reasons); the re-arm arithmetic itself is
// in domain/process-migration.ts and runs in an activity.
import type { TimedStageId } from '../complaint.js';
import { DomainError } from '../errors.js';
import type { ProcessDefinition, ProcessDefinitionSnapshot } from '../process-definition.js';
import type { Timers } from './timers.js';
import { currentProposal, type ComplaintState } from './state.js';

/**
 * What happens to the running stage's deadline: `keep` it; `recompute` it from the stage's start
 * under the new rules (paused time counted as the clock counts it); `restart` a full new deadline
 * from the moment of migration.
 */
export const DEADLINE_RULES = ['keep', 'recompute', 'restart'] as const;
export type DeadlineRule = (typeof DEADLINE_RULES)[number];

/** The rule for each timed stage; a complaint applies the one of the stage it is in. */
export type DeadlineRules = Readonly<Record<TimedStageId, DeadlineRule>>;

/**
 * Why a migration does not apply to a complaint. Each is a stable id (the API reports it per
 * complaint) with a sentence in `migrationRefusal`'s message.
 */
export const MIGRATION_SKIP_REASONS = [
  'already_migrated',
  'closed',
  'already_on_target',
  'other_definition',
  'round_beyond_target',
  'calendar_differs',
  'answer_policy_differs',
  'info_policy_differs',
  'cannot_compute',
] as const;
export type MigrationSkipReason = (typeof MIGRATION_SKIP_REASONS)[number];

export interface MigrationSkip {
  reason: MigrationSkipReason;
  message: string;
  /** For `already_migrated`: what the complaint remembers of it. */
  earlier?: MigrationMemory;
}

/** A deadline the customer was told, kept because the new rules would have moved it earlier (or a promised update later). */
export type GuardedDeadline = 'stage_deadline' | 'answer_deadline' | 'info_deadline' | 'progress_update';

/** One instant before and after the migration (null where there is none). */
export interface MovedInstant {
  old: string | null;
  new: string | null;
}

/** What `process_migrated` records on the timeline (and the plan keeps per complaint). */
export interface ProcessMigratedRecord {
  migrationId: string;
  /** Version ids: `iso-10002-default@1` → `iso-10002-default@2`. */
  from: string;
  to: string;
  /** The timed stage whose clock the rule applied to; null when none runs (e.g. a proposal awaits its answer). */
  stage: TimedStageId | null;
  rule: DeadlineRule | null;
  deadline: MovedInstant;
  warningAt: MovedInstant;
  answerDeadline: MovedInstant;
  infoDeadline: MovedInstant;
  progressUpdateAt: MovedInstant;
  /** Deadlines kept as they were because the customer had been told them. */
  guarded: GuardedDeadline[];
  /** The stage is past its (new) deadline once migrated. */
  breached: boolean;
  escalationLevel: { old: string; new: string };
}

/** What a complaint remembers of each migration it took, so one plan never moves it twice. */
export interface MigrationMemory {
  migrationId: string;
  at: string;
  from: string;
  to: string;
}

export interface MigrationCheck {
  state: ComplaintState;
  timers: Timers;
  current: ProcessDefinitionSnapshot;
  target: ProcessDefinitionSnapshot;
  deadlineRules: DeadlineRules;
  migrationId: string;
  migrations: readonly MigrationMemory[];
}

/**
 * Why the migration does not apply now, or null when it does. The update validator, the update
 * handler (the state may have moved since validation) and the preview all ask this one function.
 */
export function migrationRefusal(check: MigrationCheck): MigrationSkip | null {
  const { state, timers, current, target, deadlineRules, migrationId } = check;
  const from = current.definition;
  const to = target.definition;
  const earlier = check.migrations.find((m) => m.migrationId === migrationId);
  if (earlier) {
    return { ...skip('already_migrated', `migration ${migrationId} already moved this complaint (${earlier.from} → ${earlier.to}) at ${earlier.at}`), earlier };
  }
  if (state.status === 'closed') return skip('closed', 'the complaint is closed');
  if (current.versionId === target.versionId) return skip('already_on_target', `the complaint already runs on ${target.versionId}`);
  if (from.id !== to.id) return skip('other_definition', `the complaint runs on definition ${from.id}, not ${to.id}`);
  const round = roundInPlay(state);
  if (round > to.acceptance.rounds) {
    return skip('round_beyond_target', `the complaint is in round ${round}; ${target.versionId} allows ${to.acceptance.rounds}`);
  }
  const stage = timers.stage;
  if (stage && from.calendarId !== to.calendarId && deadlineRules[stage.id] !== 'restart') {
    return skip(
      'calendar_differs',
      `its ${stage.id} clock counts business time on calendar ${stage.clock.calendarId}, ${target.versionId} on ${to.calendarId}: only a restart starts a clock on the new calendar`,
    );
  }
  if (awaitsProposalAnswer(state) && from.acceptance.noAnswer === 'stay_open' && to.acceptance.noAnswer === 'deemed_accepted') {
    return skip('answer_policy_differs', 'the customer was told their silence keeps the proposal open; the new version would take it as accepted');
  }
  if (awaitsInfoAnswer(state) && infoOnNoAnswer(from) === 'resume' && infoOnNoAnswer(to) === 'close_no_response') {
    return skip('info_policy_differs', 'the customer was told we go on without their answer; the new version would close the complaint');
  }
  return null;
}

/** The running stage's escalation progress and the owner's level, as the new rules re-armed them. */
export interface MigratedProgress {
  stage: { warned: boolean; breachCount: number } | null;
  /** Index into the target's escalation levels of the escalation stage. */
  escalationLevel: number;
}

/**
 * The lifecycle state once migrated: the stage counts as warned and breached as far as the new
 * rules have those steps behind it (later steps fire then, through the reducer), and the owner
 * keeps their level. Not an `advance` event: no decision or timer, nothing a simulation replays.
 */
export function migratedState(state: ComplaintState, progress: MigratedProgress, at: string, target: ProcessDefinition): ComplaintState {
  const levels = target.stages[state.escalation.stage].escalation.levels;
  const level = Math.max(0, Math.min(progress.escalationLevel, levels.length - 1));
  return {
    ...state,
    stage: state.stage && progress.stage ? { ...state.stage, warned: progress.stage.warned, breachCount: progress.stage.breachCount } : state.stage,
    escalation: { ...state.escalation, level },
    updatedAt: at,
  };
}

/** A refusal as the error an update is refused with (the API's 409 NOT_MIGRATABLE, its reason in `details`). */
export function migrationRefusalError(refusal: MigrationSkip): DomainError {
  return new DomainError('NOT_MIGRATABLE', refusal.message, { reason: refusal.reason, ...(refusal.earlier ? { earlier: refusal.earlier } : {}) });
}

/** Every stage on one rule (tests and defaults). */
export function allStages(rule: DeadlineRule): DeadlineRules {
  return { acknowledgement: rule, initialReview: rule, investigation: rule, reinvestigation: rule };
}

/** The round the complaint is in, or heading to while it reinvestigates. */
function roundInPlay(state: ComplaintState): number {
  const status = state.status === 'awaiting_customer' ? state.pendingInfoRequest?.returnTo : state.status;
  return status === 'reinvestigating' ? state.round + 1 : state.round;
}

function awaitsProposalAnswer(state: ComplaintState): boolean {
  const proposal = currentProposal(state);
  return state.status === 'resolution_proposed' && proposal !== null && !proposal.answer && !proposal.answerTimedOutAt;
}

function awaitsInfoAnswer(state: ComplaintState): boolean {
  return state.status === 'awaiting_customer' && state.pendingInfoRequest !== null;
}

/** Definitions pinned before information requests had a policy wait without one (as `resume` would, minus the deadline). */
function infoOnNoAnswer(definition: ProcessDefinition): string {
  return (definition as Partial<ProcessDefinition>).infoRequest?.onNoAnswer ?? 'resume';
}

function skip(reason: MigrationSkipReason, message: string): MigrationSkip {
  return { reason, message };
}
