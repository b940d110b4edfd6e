import type { BusinessDuration } from '../business-duration.js';
import type { EscalationPolicy } from './escalation.js';
import { toMs, type Instant, type SlaClock } from './clock-state.js';

/**
 * What an escalation policy has done so far and what it will do next. Pure and calendar-free:
 * it reads the clock's stored instants, so workflow code may import this module (no zod either).
 * Placing a re-armed breach needs the calendar; `escalation-run.ts` does that in activities.
 */

/**
 * Timing only: who owns the stage (the escalation level) is the reducer's to say
 * (`ComplaintState.escalation`); this says which steps fired and when the next one falls.
 */
export interface EscalationState {
  warned: boolean;
  /** Breach steps fired so far. */
  breaches: number;
  /**
   * Where the next re-armed breach falls, as clock business minutes (so a later pause can move
   * it) and as an instant. `null` before the first breach, which falls on the clock's deadline.
   */
  nextBreach: { elapsedMinutes: number; at: string } | null;
  /** The chain is over: a breach step without `rearmAfter` has fired. */
  ended: boolean;
}

export type EscalationStep =
  | { kind: 'warning'; at: string; notify: string[] }
  | {
      kind: 'breach';
      at: string;
      /** 1 for the breach at the deadline, 2 for the first re-armed one, … */
      breach: number;
      notify: string[];
      /** The step moves ownership one level up (the reducer climbs, and stays at the top once there). */
      escalate: boolean;
      /** When set, the next breach fires this much business time after `at`. */
      rearmAfter: BusinessDuration | null;
    };

export interface NextEscalation {
  step: EscalationStep;
  /** `step.at` has come: fire it now (then ask again, more may be due). */
  due: boolean;
}

/** The clock instants escalation reads. */
export type EscalationClock = Pick<SlaClock, 'warningAt' | 'deadline' | 'pausedAt' | 'stoppedAt'>;

export function startEscalation(): EscalationState {
  return { warned: false, breaches: 0, nextBreach: null, ended: false };
}

/**
 * What is due next and when, or `null` when nothing will be (the clock is stopped or paused, or
 * the chain has ended). A warning whose breach is already due too is skipped: the breach says more.
 */
export function nextEscalationStep(
  policy: EscalationPolicy,
  clock: EscalationClock,
  state: EscalationState,
  now: Instant,
): NextEscalation | null {
  if (clock.stoppedAt !== null || clock.pausedAt !== null || state.ended) return null;
  const t = toMs(now);
  const breachAt = state.breaches === 0 ? clock.deadline : state.nextBreach?.at;
  if (breachAt === undefined) return null;
  const breachDue = t >= toMs(breachAt);
  if (state.breaches === 0 && !state.warned && policy.onWarning && !breachDue) {
    return {
      step: { kind: 'warning', at: clock.warningAt, notify: [...policy.onWarning.notify] },
      due: t >= toMs(clock.warningAt),
    };
  }
  const spec = policy.onBreach[Math.min(state.breaches, policy.onBreach.length - 1)]!;
  return {
    step: {
      kind: 'breach',
      at: breachAt,
      breach: state.breaches + 1,
      notify: [...spec.notify],
      escalate: spec.escalate,
      rearmAfter: spec.rearmAfter ?? null,
    },
    due: breachDue,
  };
}

/**
 * The state after firing `step`. A breach step with `rearmAfter` needs `rearm`: where the next
 * breach falls (computed with the calendar, see `escalation-run.ts`).
 */
export function applyEscalationStep(
  policy: EscalationPolicy,
  state: EscalationState,
  step: EscalationStep,
  rearm?: { elapsedMinutes: number; at: string },
): EscalationState {
  if (step.kind === 'warning') return { ...state, warned: true };
  if (step.breach !== state.breaches + 1) {
    throw new RangeError(`breach ${step.breach} does not follow ${state.breaches} fired breaches`);
  }
  if (step.rearmAfter !== null && rearm === undefined) {
    throw new RangeError('a re-arming breach step needs the next breach instant');
  }
  return {
    warned: true,
    breaches: step.breach,
    nextBreach: step.rearmAfter === null ? null : rearm!,
    ended: step.rearmAfter === null,
  };
}
