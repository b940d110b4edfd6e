// A customer's answer link must outlive the answer it is for: a link that dies before the answer
// deadline leaves the customer unable to answer in time. Checked at start by the worker and the API
// against the process definition new complaints are pinned to.
import { describeBusinessDuration, type BusinessDuration } from '../domain/business-duration.js';
import { addBusinessDurationMs, compileCalendar, type Calendar } from '../domain/calendar/index.js';
import { getCalendar, yearsFor } from '../domain/calendar/registry.js';
import type { ProcessDefinition } from '../domain/process-definition.js';

const HOUR_MS = 3_600_000;
const DAY_MS = 86_400_000;

/** One answer deadline of a definition, named by its path in the definition. */
interface AnswerDeadline {
  path: string;
  duration: BusinessDuration;
}

/** The answer deadlines a customer's link must outlive, by their path in the definition. */
export function answerDeadlines(definition: ProcessDefinition): AnswerDeadline[] {
  const deadlines = [{ path: 'acceptance.answerDeadline', duration: definition.acceptance.answerDeadline }];
  // Definitions pinned before information requests had a deadline have no `infoRequest`.
  const infoRequest = definition.infoRequest;
  if (infoRequest) deadlines.push({ path: 'infoRequest.answerDeadline', duration: infoRequest.answerDeadline });
  return deadlines;
}

/**
 * The longest calendar time (whole days, rounded up) a business duration takes from any start in the
 * year after `from`, holidays, half days and weekends included. Starts are tried every hour; the
 * span grows by at most that step between two tries, so an hour is added to stay an upper bound.
 */
export function longestCalendarDays(calendar: Calendar, duration: BusinessDuration, from: Date): number {
  const compiled = compileCalendar(calendar);
  let longest = 0;
  for (let t = from.getTime(); t <= from.getTime() + 366 * DAY_MS; t += HOUR_MS) {
    longest = Math.max(longest, addBusinessDurationMs(compiled, t, duration) - t);
  }
  return Math.ceil((longest + HOUR_MS) / DAY_MS);
}

interface LifetimeInput {
  linkTtlDays: number;
  definition: ProcessDefinition;
  /** Start of the year measured; the API and worker pass their start time. */
  from: Date;
  /** The calendar by id (default: the shipped calendars). */
  calendarFor?: (calendarId: string, from: Date, duration: BusinessDuration) => Calendar;
}

/** The answer deadlines of `definition` that can outlast a link of `linkTtlDays`, with the days they can take. */
function deadlinesTooLong(input: LifetimeInput) {
  const { linkTtlDays, definition, from } = input;
  const calendarFor = input.calendarFor ?? shippedCalendar;
  return answerDeadlines(definition).flatMap(({ path, duration }) => {
    const days = longestCalendarDays(calendarFor(definition.calendarId, from, duration), duration, from);
    return days > linkTtlDays ? [{ path, duration, days }] : [];
  });
}

/**
 * Refuses a link lifetime shorter than the longest answer deadline of `definition` (the answer to a
 * proposal, the answer to an information request) can take on its calendar. Throws one Error that
 * names the setting, the deadline and the lifetime needed.
 */
export function checkLinkLifetime(input: LifetimeInput): void {
  const { linkTtlDays, definition } = input;
  const tooShort = deadlinesTooLong(input);
  if (tooShort.length === 0) return;
  const needed = Math.max(...tooShort.map((d) => d.days));
  const lines = tooShort.map(
    (d) =>
      `  ${d.path} (${describeBusinessDuration(d.duration)}) can take up to ${d.days} calendar days ` +
      `on the ${definition.calendarId} calendar`,
  );
  throw new Error(
    `SIGNED_LINK_TTL_DAYS=${linkTtlDays} is shorter than the longest answer deadline of process ` +
      `${definition.id}@${definition.version}, so a customer's link could die before their answer is due:\n` +
      `${lines.join('\n')}\nSet SIGNED_LINK_TTL_DAYS to at least ${needed}.`,
  );
}

/**
 * The same check as field issues, for publishing a version: a deadline a customer's link cannot
 * cover is named by its path, so the process owner shortens it (or the operator lengthens links).
 */
export function linkLifetimeIssues(input: LifetimeInput): { path: string; message: string }[] {
  return deadlinesTooLong(input).map((d) => ({
    path: d.path,
    message:
      `can take up to ${d.days} calendar days on the ${input.definition.calendarId} calendar, longer than a ` +
      `customer's answer link lives (SIGNED_LINK_TTL_DAYS=${input.linkTtlDays})`,
  }));
}

/** A shipped calendar for the year after `from` and every deadline from it. */
function shippedCalendar(calendarId: string, from: Date, duration: BusinessDuration): Calendar {
  return getCalendar(calendarId, lifetimeYears(from, duration));
}

/** The years a deadline of `duration` started in the year after `from` can touch. */
export function lifetimeYears(from: Date, duration: BusinessDuration): { from: number; to: number } {
  const years = yearsFor(new Date(from.getTime() + 366 * DAY_MS), duration);
  return { from: from.getUTCFullYear() - 1, to: years.to };
}
