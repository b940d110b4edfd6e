// A process that runs in seconds: a round-the-clock calendar and deadlines of a few working
// seconds, so the dev server reaches warnings, breaches and timeouts while a test waits.
import { DEFAULT_PROCESS_DEFINITION } from '../../config/default-process.js';
import { calendarSchema, type Calendar } from '../../domain/calendar/index.js';
import type { ProcessDefinition, ProcessDefinitionSnapshot } from '../../domain/process-definition.js';

const ALL_DAY = [{ from: '00:00', to: '24:00' }];

/** Open every minute of every day, in UTC: business time equals wall-clock time. */
export const ROUND_THE_CLOCK: Calendar = calendarSchema.parse({
  id: 'ZZ-always',
  name: 'Round the clock (tests)',
  timeZone: 'UTC',
  years: { from: 2020, to: 2040 },
  weeklyHours: [{ days: { mon: ALL_DAY, tue: ALL_DAY, wed: ALL_DAY, thu: ALL_DAY, fri: ALL_DAY, sat: ALL_DAY, sun: ALL_DAY } }],
  holidays: [],
  halfDays: [],
  exceptions: [],
});

/** Hours as working hours: `seconds(3)` is three seconds of round-the-clock business time. */
export const seconds = (n: number) => ({ workingHours: n / 3600 });

const LONG = seconds(3600);

/**
 * The default process on the round-the-clock calendar with every deadline an hour, so nothing
 * fires during a test unless the test shortens that stage (`overrides`).
 */
export function quietProcess(overrides: (d: ProcessDefinition) => void = () => undefined): ProcessDefinitionSnapshot {
  const definition = structuredClone(DEFAULT_PROCESS_DEFINITION);
  definition.calendarId = ROUND_THE_CLOCK.id;
  for (const stage of ['acknowledgement', 'initialReview', 'investigation', 'reinvestigation'] as const) {
    definition.stages[stage].deadline = LONG;
    definition.stages[stage].escalation.onBreach = definition.stages[stage].escalation.onBreach.map((step) => ({
      ...step,
      ...(step.rearmAfter ? { rearmAfter: LONG } : {}),
    }));
  }
  definition.stages.conclusion.deadline = LONG;
  definition.acceptance.answerDeadline = LONG;
  definition.progressUpdateEvery = LONG;
  overrides(definition);
  return { versionId: `test@${definition.version}`, definition };
}
