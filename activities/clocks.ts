// Business-time arithmetic for the workflow: every deadline is computed here, from the calendar,
// and reaches the workflow as an absolute instant (recorded in history), so workflow code never
// depends on the worker's time zone or on holiday data that changes.
import type { BusinessDuration } from '../domain/business-duration.js';
import { pauseClock, resumeClock, slaOutcome, startClock, stopClock, type SlaClock, type SlaOutcome } from '../domain/sla/clock.js';
import { runDueEscalations, rescheduleEscalation, type EscalationRun } from '../domain/sla/escalation-run.js';
import { startEscalation, type EscalationPolicy, type EscalationState } from '../domain/sla/escalation.js';
import { planComplaintMigration, type ComplaintMigrationInput, type ComplaintMigrationPlan } from '../domain/process-migration.js';
import type { CalendarResolver } from './calendars.js';
import { migrationCalendars } from './migration-calendars.js';
import type { SurveyLifetime } from '../domain/process-definition.js';
import { surveyLinkExpiry } from '../domain/survey/link-expiry.js';

export interface StageClock {
  clock: SlaClock;
  escalation: EscalationState;
}

export function createClockActivities({ calendars }: { calendars: CalendarResolver }) {
  // Built from the clock's own start: stopping or resuming a clock paused across New Year needs both years.
  const calendarFor = (clock: SlaClock, at: string) =>
    calendars(clock.calendarId, new Date(at), clock.duration, new Date(clock.receivedAt));
  return {
    async startStageClock(input: { calendarId: string; duration: BusinessDuration; warnAtShare: number; at: string }): Promise<StageClock> {
      const calendar = await calendars(input.calendarId, new Date(input.at), input.duration);
      const clock = startClock(calendar, { at: input.at, duration: input.duration, warnAtShare: input.warnAtShare });
      return { clock, escalation: startEscalation() };
    },

    async pauseStageClock(input: { clock: SlaClock; at: string }): Promise<SlaClock> {
      return pauseClock(input.clock, input.at);
    },

    async resumeStageClock(input: StageClock & { at: string }): Promise<StageClock> {
      const calendar = await calendarFor(input.clock, input.at);
      const clock = resumeClock(calendar, input.clock, input.at);
      return { clock, escalation: rescheduleEscalation(calendar, clock, input.escalation) };
    },

    async stopStageClock(input: { clock: SlaClock; at: string }): Promise<{ clock: SlaClock; outcome: SlaOutcome }> {
      const calendar = await calendarFor(input.clock, input.at);
      const clock = stopClock(calendar, input.clock, input.at);
      return { clock, outcome: slaOutcome(calendar, clock) };
    },

    /** Fires every escalation step due at `at` (warning, breaches), placing re-armed breaches. */
    async fireDueEscalations(input: StageClock & { policy: EscalationPolicy; at: string }): Promise<EscalationRun> {
      return runDueEscalations(await calendarFor(input.clock, input.at), input.policy, input.clock, input.escalation, input.at);
    },

    /** The reminder and the deadline of the customer's answer to a proposal. */
    async answerDeadlines(input: { calendarId: string; duration: BusinessDuration; reminderAtShare: number; at: string }) {
      const calendar = await calendars(input.calendarId, new Date(input.at), input.duration);
      const clock = startClock(calendar, { at: input.at, duration: input.duration, warnAtShare: input.reminderAtShare });
      return { reminderAt: clock.warningAt, deadline: clock.deadline };
    },

    /** The reminder and the deadline of the customer's answer to an information request. */
    async infoRequestDeadlines(input: { calendarId: string; duration: BusinessDuration; reminderAtShare: number; at: string }) {
      const calendar = await calendars(input.calendarId, new Date(input.at), input.duration);
      const clock = startClock(calendar, { at: input.at, duration: input.duration, warnAtShare: input.reminderAtShare });
      return { reminderAt: clock.warningAt, deadline: clock.deadline };
    },

    /** A process migration's timers and escalation for one complaint (the preview calls the same function). */
    async planProcessMigration(input: ComplaintMigrationInput): Promise<ComplaintMigrationPlan> {
      return planComplaintMigration(await migrationCalendars(calendars, input), input);
    },

    /** When the survey link issued at `at` stops working (calendar days, or working days of the calendar). */
    async surveyLinkExpiry(input: { calendarId: string; lifetime: SurveyLifetime; at: string }): Promise<string> {
      const { lifetime } = input;
      const calendar = 'workingDays' in lifetime ? await calendars(input.calendarId, new Date(input.at), lifetime) : undefined;
      return surveyLinkExpiry(calendar, input.at, lifetime);
    },

    /** When the customer is next told how things stand, if nothing else is said before. */
    async progressUpdateDue(input: { calendarId: string; every: BusinessDuration; at: string }): Promise<string> {
      const calendar = await calendars(input.calendarId, new Date(input.at), input.every);
      return startClock(calendar, { at: input.at, duration: input.every, warnAtShare: 1 }).deadline;
    },
  };
}
