// When a survey link stops working. Calendar days count the customer's own time (weekends too);
// working days count on the process's calendar exactly as a deadline does, so "5 working days"
// after a Friday-evening closure skips the weekend and the holidays in between. Activities only
// (it needs a built calendar); the workflow receives the instant.
import { addBusinessDuration, type Calendar } from '../calendar/index.js';
import type { SurveyLifetime } from '../process-definition.js';

const DAY_MS = 86_400_000;

/** The instant (ISO) a survey link issued at `at` expires. */
export function surveyLinkExpiry(calendar: Calendar | undefined, at: string, lifetime: SurveyLifetime): string {
  if ('calendarDays' in lifetime) return new Date(Date.parse(at) + lifetime.calendarDays * DAY_MS).toISOString();
  if (!calendar) throw new RangeError('a survey lifetime in working days needs the calendar');
  return addBusinessDuration(calendar, new Date(at), { workingDays: lifetime.workingDays }).deadline.toISOString();
}
