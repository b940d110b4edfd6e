import { addBusinessDuration, type CalendarLike } from '../calendar/index.js';
import { elapsedMinutes, instantAtElapsed, type Instant, type SlaClock } from './clock.js';
import type { EscalationPolicy } from './escalation.js';
import {
  applyEscalationStep,
  nextEscalationStep,
  type EscalationState,
  type EscalationStep,
  type NextEscalation,
} from './escalation-steps.js';

/**
 * Escalation with a calendar (activities only): fire every due step, placing re-armed breaches
 * in business time, and say what comes next. The workflow then just sleeps until `next.step.at`.
 */

export interface EscalationRun {
  /** Steps that were due, in order; the caller notifies and reassigns accordingly. */
  fired: EscalationStep[];
  state: EscalationState;
  /** The next step (not yet due), or `null` when nothing more will fire. */
  next: NextEscalation | null;
}

/** Most steps a single call fires, so a tiny re-arm period cannot loop for long. */
const MAX_STEPS_PER_RUN = 100;

export function runDueEscalations(
  calendar: CalendarLike,
  policy: EscalationPolicy,
  clock: SlaClock,
  state: EscalationState,
  now: Instant,
): EscalationRun {
  const fired: EscalationStep[] = [];
  let current = state;
  for (let i = 0; i < MAX_STEPS_PER_RUN; i++) {
    const next = nextEscalationStep(policy, clock, current, now);
    if (next === null || !next.due) return { fired, state: current, next };
    const { step } = next;
    const rearm =
      step.kind === 'breach' && step.rearmAfter !== null ? rearmPoint(calendar, clock, step.at, step) : undefined;
    current = applyEscalationStep(policy, current, step, rearm);
    fired.push(step);
  }
  return { fired, state: current, next: nextEscalationStep(policy, clock, current, now) };
}

/**
 * After a resume, moves a pending re-armed breach by the paused business time (the clock's own
 * warning point and deadline are moved by `resumeClock`).
 */
export function rescheduleEscalation(calendar: CalendarLike, clock: SlaClock, state: EscalationState): EscalationState {
  if (state.nextBreach === null) return state;
  const at = instantAtElapsed(calendar, clock, state.nextBreach.elapsedMinutes).toISOString();
  return { ...state, nextBreach: { ...state.nextBreach, at } };
}

/** Where the breach after `step` (fired at `from`) falls: `step.rearmAfter` later, as clock minutes and as an instant. */
export function rearmPoint(
  calendar: CalendarLike,
  clock: SlaClock,
  from: string,
  step: Extract<EscalationStep, { kind: 'breach' }>,
): { elapsedMinutes: number; at: string } {
  const { deadline } = addBusinessDuration(calendar, new Date(from), step.rearmAfter!);
  return { elapsedMinutes: elapsedMinutes(calendar, clock, deadline), at: deadline.toISOString() };
}
