// Stage clocks, escalation and the progress-update timer: the state changes and the effects
// that go with them, so every handler starts, pauses and stops clocks the same way.
import type { BusinessDuration } from '../business-duration.js';
import { isWorkingStatus, type ComplaintStatus, type TimedStageId } from '../complaint.js';
import type { ProcessDefinition } from '../process-definition.js';
import type { Draft } from './draft.js';
import type { Effect } from './effects.js';

/**
 * Business time a stage clock runs. Nothing observable ends an investigation except the proposal,
 * so the conclusion's deadline is added to the investigation and reinvestigation clocks. The
 * schema keeps those in one unit, so they add up to a single duration.
 */
export function stageDuration(stage: TimedStageId, definition: ProcessDefinition): BusinessDuration {
  const own = definition.stages[stage].deadline;
  if (stage !== 'investigation' && stage !== 'reinvestigation') return own;
  const conclusion = definition.stages.conclusion.deadline;
  if ('workingDays' in own && 'workingDays' in conclusion) {
    return { workingDays: own.workingDays + conclusion.workingDays };
  }
  if ('workingHours' in own && 'workingHours' in conclusion) {
    return { workingHours: own.workingHours + conclusion.workingHours };
  }
  return own; // Mixed units: refused by processDefinitionSchema, never reached with a parsed definition.
}

/** The clock effect for a stage, with everything the workflow's timer needs. */
export function startStageClockEffect(stage: TimedStageId, definition: ProcessDefinition): Effect {
  const { warnAtShare, escalation } = definition.stages[stage];
  return {
    kind: 'start_stage_clock',
    stage,
    duration: stageDuration(stage, definition),
    warnAtShare,
    escalation,
  };
}

/** Starts a stage: a fresh clock, and ownership back at the first level of its escalation chain. */
export function startStage(draft: Draft, stage: TimedStageId): void {
  draft.state.stage = { id: stage, startedAt: draft.at, pausedAt: null, warned: false, breachCount: 0 };
  draft.state.escalation = { stage, level: 0 };
  draft.effects.push(startStageClockEffect(stage, draft.definition));
}

/**
 * Stops the running (or paused) stage clock, if any; `abandoned` when the complaint closes early.
 * Whether the stage met its deadline is the clock's to say (the workflow records it), not the
 * breaches seen so far: a breach that had not fired yet when the stage ended still counts.
 */
export function stopStage(draft: Draft, abandoned = false): void {
  const stage = draft.state.stage;
  if (!stage) return;
  draft.effects.push({ kind: 'stop_stage_clock', stage: stage.id, abandoned });
  draft.state.stage = null;
}

export function pauseStage(draft: Draft): void {
  const stage = draft.state.stage;
  if (!stage || stage.pausedAt) return;
  draft.state.stage = { ...stage, pausedAt: draft.at };
  draft.effects.push({ kind: 'pause_stage_clock', stage: stage.id });
}

export function resumeStage(draft: Draft): void {
  const stage = draft.state.stage;
  if (!stage?.pausedAt) return;
  draft.state.stage = { ...stage, pausedAt: null };
  draft.effects.push({ kind: 'resume_stage_clock', stage: stage.id });
}

/** Moves ownership one level up the current escalation chain (it stays at the top once there). */
export function raiseEscalation(draft: Draft): string {
  const { escalation } = draft.state;
  const levels = draft.definition.stages[escalation.stage].escalation.levels;
  const level = Math.min(escalation.level + 1, levels.length - 1);
  draft.state.escalation = { ...escalation, level };
  return levels[level] ?? levels[levels.length - 1] ?? 'unknown';
}

/**
 * The silence timer runs while the customer waits on us. It restarts whenever we tell the
 * customer something, and when the complaint comes (back) into a working status.
 */
export function progressTimerEffects(
  before: ComplaintStatus,
  after: ComplaintStatus,
  effects: readonly Effect[],
  definition: ProcessDefinition,
): Effect[] {
  const wasWorking = isWorkingStatus(before);
  if (isWorkingStatus(after)) {
    const toldCustomer = effects.some((e) => e.kind === 'notify_customer');
    return !wasWorking || toldCustomer
      ? [{ kind: 'restart_progress_timer', every: definition.progressUpdateEvery }]
      : [];
  }
  return wasWorking ? [{ kind: 'stop_progress_timer' }] : [];
}
