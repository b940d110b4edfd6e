import type { BusinessDuration } from '../business-duration.js';

/**
 * The SLA clock of one stage as plain JSON (ISO instants, minutes as numbers), so it can travel
 * in Temporal workflow state. Functions here need no calendar and may run in workflow code;
 * those that do (start, resume, elapsed, …) are in `clock.ts` and run in activities.
 */
export interface SlaClock {
  calendarId: string;
  duration: BusinessDuration;
  /** Share of the business time after which the warning fires (0 < share ≤ 1). */
  warnAtShare: number;
  /** When the stage began (ISO instant). */
  receivedAt: string;
  /** When the clock started: `receivedAt`, or the next opening when that was out of hours. */
  startedAt: string;
  /** Business minutes from `startedAt` to the original deadline: the stage's budget. */
  targetMinutes: number;
  /** The warning point; pushed by pauses that begin before it. Provisional while paused. */
  warningAt: string;
  /** The breach point; pushed by pauses that begin before it. Provisional while paused. */
  deadline: string;
  /** Set while paused (e.g. waiting for the customer). */
  pausedAt: string | null;
  /** Closed pauses, in order, with the business minutes each one lasted. */
  pauses: SlaPause[];
  /** Set once the stage is done; the clock then reads the same forever. */
  stoppedAt: string | null;
}

export interface SlaPause {
  from: string;
  to: string;
  businessMinutes: number;
}

export type SlaPhase = 'running' | 'warning' | 'breached' | 'paused' | 'stopped';

/** An instant as an ISO string, epoch ms or a Date. */
export type Instant = string | number | Date;

export function toMs(at: Instant): number {
  const ms = typeof at === 'number' ? at : typeof at === 'string' ? Date.parse(at) : at.getTime();
  if (!Number.isFinite(ms)) throw new RangeError(`not an instant: ${String(at)}`);
  return ms;
}

/** Where the clock stands at `now`, from its stored instants alone (no calendar needed). */
export function slaPhaseAt(clock: SlaClock, now: Instant): SlaPhase {
  if (clock.stoppedAt !== null) return 'stopped';
  if (clock.pausedAt !== null) return 'paused';
  const t = toMs(now);
  if (t >= toMs(clock.deadline)) return 'breached';
  if (t >= toMs(clock.warningAt)) return 'warning';
  return 'running';
}

/** Total business minutes of closed pauses. */
export function pausedMinutes(clock: SlaClock): number {
  return clock.pauses.reduce((sum, p) => sum + p.businessMinutes, 0);
}

/** Whether a stopped clock met its deadline (`null` while it still runs). */
export function slaMet(clock: SlaClock): boolean | null {
  return clock.stoppedAt === null ? null : toMs(clock.stoppedAt) <= toMs(clock.deadline);
}
