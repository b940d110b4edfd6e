// The pure reducer: advance(state, event, definition) → the next state and the effects to run,
// or the reason the event is refused. The workflow, its update validators and the API's
// simulation all call this one function.
import { DomainError } from '../errors.js';
import type { ProcessDefinition } from '../process-definition.js';
import { progressTimerEffects, startStageClockEffect } from './clocks.js';
import { CUSTOMER_ANSWER_HANDLERS } from './customer-answers.js';
import { DECISION_HANDLERS } from './decisions.js';
import { createDraft, invalidTransition, type Draft, type StepResult } from './draft.js';
import type { Effect } from './effects.js';
import type { Actor, CustomerAnswer, Decision, LifecycleEvent, SystemEvent } from './events.js';
import { allowedDecisions, roleMayDecide } from './rules.js';
import type { ComplaintState } from './state.js';
import { SYSTEM_EVENT_HANDLERS } from './system-events.js';

export type AdvanceResult =
  | { ok: true; state: ComplaintState; effects: Effect[] }
  | { ok: false; error: DomainError };

export function advance(
  state: ComplaintState,
  event: LifecycleEvent,
  definition: ProcessDefinition,
): AdvanceResult {
  const draft = createDraft(state, event.at, definition);
  const refusal = dispatch(draft, event);
  if (refusal) return { ok: false, error: refusal };
  const effects = [
    ...draft.effects,
    ...progressTimerEffects(state.status, draft.state.status, draft.effects, definition),
  ];
  return { ok: true, state: draft.state, effects };
}

/** What the workflow runs right after `initialState`: the acknowledgement clock and message. */
export function initialEffects(state: ComplaintState, definition: ProcessDefinition): Effect[] {
  const effects: Effect[] = [startStageClockEffect('acknowledgement', definition)];
  // Without e-mail or phone (a letter, a walk-in) an agent acknowledges by hand.
  if (state.customer.reachable) effects.push({ kind: 'send_acknowledgement' });
  return effects;
}

function dispatch(draft: Draft, event: LifecycleEvent): StepResult {
  switch (event.kind) {
    case 'decision': {
      const { decision, actor } = event;
      if (!roleMayDecide(actor.role, decision.type, draft.definition)) {
        return new DomainError('NOT_ALLOWED_FOR_ROLE', `a ${actor.role} may not ${decision.type}`, {
          role: actor.role,
          decision: decision.type,
        });
      }
      const allowed = allowedDecisions(draft.state, actor.role, draft.definition);
      if (!allowed.includes(decision.type)) return invalidTransition(draft.state, decision.type, allowed);
      return applyDecision(draft, decision, actor);
    }
    case 'customer':
      return applyAnswer(draft, event.answer);
    case 'system':
      return applySystemEvent(draft, event.system);
    default:
      throw new UnreachableError(event);
  }
}

// The casts narrow the handler maps to the event's own type: TypeScript cannot correlate a
// mapped type's key with the union member it was indexed by.
function applyDecision(draft: Draft, decision: Decision, actor: Actor): StepResult {
  const handler = DECISION_HANDLERS[decision.type] as (d: Draft, x: Decision, a: Actor) => StepResult;
  return handler(draft, decision, actor);
}

function applyAnswer(draft: Draft, answer: CustomerAnswer): StepResult {
  const handler = CUSTOMER_ANSWER_HANDLERS[answer.type] as (d: Draft, x: CustomerAnswer) => StepResult;
  return handler(draft, answer);
}

function applySystemEvent(draft: Draft, event: SystemEvent): StepResult {
  const handler = SYSTEM_EVENT_HANDLERS[event.type] as (d: Draft, x: SystemEvent) => StepResult;
  return handler(draft, event);
}

/** A bug: an event kind this reducer does not know. */
export class UnreachableError extends Error {
  override readonly name = 'UnreachableError';
  constructor(value: never) {
    super(`unreachable: ${JSON.stringify(value)}`);
  }
}
