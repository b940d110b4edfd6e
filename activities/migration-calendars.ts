// A process migration's arithmetic is one pure function with a synchronous calendar lookup
// (domain/process-migration.ts), and the resolver is asynchronous (overrides live in PostgreSQL).
// So the calendars it may ask for are resolved first, for every year it may touch.
import type { BusinessDuration } from '../domain/business-duration.js';
import type { Calendar } from '../domain/calendar/index.js';
import { yearsFor } from '../domain/calendar/registry.js';
import { TIMED_STAGES } from '../domain/complaint.js';
import { currentProposal, infoRequestPolicy, stageDuration } from '../domain/lifecycle/index.js';
import type { CalendarFor, ComplaintMigrationInput } from '../domain/process-migration.js';
import type { CalendarResolver } from './calendars.js';

/** The calendars of the complaint's clock and of the target, built from its oldest instant to past its longest span. */
export async function migrationCalendars(resolver: CalendarResolver, input: ComplaintMigrationInput): Promise<CalendarFor> {
  const at = new Date(input.at);
  const { timers, state, target } = input;
  const to = target.definition;
  const ids = new Set([to.calendarId, ...(timers.stage ? [timers.stage.clock.calendarId] : [])]);
  const instants = [input.at, timers.stage?.clock.receivedAt, timers.answer?.startedAt, currentProposal(state)?.proposedAt, state.pendingInfoRequest?.askedAt];
  const since = new Date(Math.min(...instants.filter((i): i is string => typeof i === 'string').map(Date.parse)));
  const spans: BusinessDuration[] = [
    ...TIMED_STAGES.map((stage) => stageDuration(stage, to)),
    ...TIMED_STAGES.flatMap((stage) => to.stages[stage].escalation.onBreach.flatMap((step) => (step.rearmAfter ? [step.rearmAfter] : []))),
    to.acceptance.answerDeadline,
    to.progressUpdateEvery,
    ...(infoRequestPolicy(to) ? [infoRequestPolicy(to)!.answerDeadline] : []),
    ...(timers.stage ? [timers.stage.clock.duration] : []),
  ];
  const longest = spans.reduce((a, b) => (yearsFor(at, b).to > yearsFor(at, a).to ? b : a));
  const built = new Map<string, Calendar>();
  for (const id of ids) built.set(id, await resolver(id, at, longest, since));
  return (calendarId) => {
    const calendar = built.get(calendarId);
    if (!calendar) throw new RangeError(`calendar ${calendarId} was not resolved for this migration`);
    return calendar;
  };
}
