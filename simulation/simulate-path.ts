// One path through a process definition, as a process owner asks for it: a received time and the
// decisions and answers that follow, run through the same ComplaintRun, reducer and calendar as
// the workflow, touching no real complaint.
import type { CalendarResolver } from '../activities/calendars.js';
import { createClockActivities } from '../activities/clocks.js';
import type { Channel } from '../domain/complaint.js';
import type { ProcessDefinition } from '../domain/process-definition.js';
import { pathReport, type PathReport } from './path-report.js';
import { runPath, type ComplaintPath, type PathEvent } from './run-path.js';

/** After the last event, timers fire for this long unless the complaint closes first (or `until` says otherwise). */
export const DEFAULT_HORIZON_DAYS = 30;

const DAY_MS = 86_400_000;

export interface SimulationRequest {
  receivedAt: string;
  channel?: Channel;
  /** Default: English, the calendar's country, reachable by e-mail (the acknowledgement goes out by itself). */
  customer?: { locale?: string; country?: string | null; reachable?: boolean };
  /** In time order, none before `receivedAt`. */
  events: readonly PathEvent[];
  /** Default: DEFAULT_HORIZON_DAYS after the last event (or receipt). */
  until?: string;
}

export async function simulatePath(
  definition: ProcessDefinition,
  request: SimulationRequest,
  deps: { calendars: CalendarResolver },
): Promise<PathReport> {
  const path = completePath(definition, request);
  const run = await runPath(definition, path, createClockActivities({ calendars: deps.calendars }));
  return pathReport(path, run);
}

/** The request with its defaults filled in. */
export function completePath(definition: ProcessDefinition, request: SimulationRequest): ComplaintPath {
  const lastAt = request.events.at(-1)?.at ?? request.receivedAt;
  return {
    receivedAt: request.receivedAt,
    channel: request.channel ?? 'web',
    customer: {
      locale: request.customer?.locale ?? 'en',
      country: request.customer?.country === undefined ? definition.calendarId.slice(0, 2) : request.customer.country,
      reachable: request.customer?.reachable ?? true,
    },
    events: request.events,
    until: request.until ?? new Date(Date.parse(lastAt) + DEFAULT_HORIZON_DAYS * DAY_MS).toISOString(),
  };
}
