// The working copy a transition builds: a shallow copy of the state (nested values are replaced,
// never mutated, so the caller's state stays intact) plus the effects collected so far.
import { DomainError, type FieldIssue } from '../errors.js';
import type { ProcessDefinition } from '../process-definition.js';
import type { Effect, StaffRecipient } from './effects.js';
import type { ComplaintState, LifecycleCounters } from './state.js';

export interface Draft {
  state: ComplaintState;
  effects: Effect[];
  /** The event's instant, ISO-8601. */
  at: string;
  definition: ProcessDefinition;
}

/** A step handler returns nothing when it applied, or the reason it refused. */
export type StepResult = DomainError | undefined;

export function createDraft(state: ComplaintState, at: string, definition: ProcessDefinition): Draft {
  return { state: { ...state, updatedAt: at }, effects: [], at, definition };
}

export function bump(draft: Draft, counter: keyof LifecycleCounters, by = 1): void {
  draft.state.counters = { ...draft.state.counters, [counter]: draft.state.counters[counter] + by };
}

/** Who looks after the complaint now: the assignee, else the team, else the department, else supervisors. */
export function ownerRecipient(state: ComplaintState): StaffRecipient {
  if (state.assignee) return { kind: 'user', userId: state.assignee };
  if (state.team) return { kind: 'team', team: state.team };
  if (state.classification) return { kind: 'department', department: state.classification.department };
  return { kind: 'role', role: 'supervisor' };
}

export function invalidTransition(
  state: ComplaintState,
  what: string,
  allowed: readonly string[],
): DomainError {
  return new DomainError('INVALID_TRANSITION', `${what} is not possible while the complaint is ${state.status}`, {
    status: state.status,
    allowed: [...allowed],
  });
}

/** The answer or timer refers to a round, request or stage that is already over. */
export function gone(state: ComplaintState, message: string): DomainError {
  return new DomainError('GONE', message, { status: state.status });
}

/**
 * A well-formed field that the complaint's state refuses (an acceptance while a question, not a
 * proposal, is open): 409, naming the field as a validation failure would.
 */
export function stateConflict(issues: FieldIssue[]): DomainError {
  return new DomainError('CONFLICT', issues.map((i) => `${i.path}: ${i.message}`).join('; '), issues);
}

/** A well-formed field that a rule stated in words refuses (a due date in the past): 422, naming the field. */
export function ruleFailed(issues: FieldIssue[]): DomainError {
  return new DomainError('UNPROCESSABLE', issues.map((i) => `${i.path}: ${i.message}`).join('; '), issues);
}

export function validationFailed(issues: FieldIssue[]): DomainError {
  return new DomainError('VALIDATION_FAILED', issues.map((i) => `${i.path}: ${i.message}`).join('; '), issues);
}
