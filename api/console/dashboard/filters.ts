// The dashboard's filters as the GET form sends them: a period (a preset, or from/to days), the
// interval of the trend charts, a department and a team. Presets are read in the report time zone
// (the API's default, Europe/Istanbul): "this month" there is what the report counts as this month.
import { addDays, differenceInCalendarDays, formatISO } from 'date-fns';

export const PRESETS = ['last-30-days', 'this-month', 'this-year', 'custom'] as const;
export type Preset = (typeof PRESETS)[number];
export const INTERVALS = ['week', 'month'] as const;
export type Interval = (typeof INTERVALS)[number];

export const DASHBOARD_TIME_ZONE = 'Europe/Istanbul';

export interface DashboardFilters {
  preset: Preset;
  /** As given (custom) or worked out from the preset; the API checks them. */
  from: string;
  to: string;
  interval: Interval;
  department: string | undefined;
  team: string | undefined;
}

/** Today's date (YYYY-MM-DD) in the report time zone. */
export function todayIn(timeZone: string, now: Date = new Date()): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);
}

const day = (d: string) => new Date(`${d}T00:00:00Z`);
const iso = (d: Date) => formatISO(d, { representation: 'date' });
const text = (v: string | undefined, max = 100) => {
  const trimmed = v?.trim();
  return trimmed ? trimmed.slice(0, max) : undefined;
};

export function parseFilters(query: Record<string, string | undefined>, today: string): DashboardFilters {
  const given = query['preset'];
  const hasDates = Boolean(query['from'] || query['to']);
  const preset: Preset = (PRESETS as readonly string[]).includes(given ?? '') ? (given as Preset) : hasDates ? 'custom' : 'last-30-days';
  let from: string;
  let to: string;
  if (preset === 'custom') {
    from = query['from']?.trim() || today;
    to = query['to']?.trim() || today;
  } else if (preset === 'this-month') {
    from = `${today.slice(0, 7)}-01`;
    to = today;
  } else if (preset === 'this-year') {
    from = `${today.slice(0, 4)}-01-01`;
    to = today;
  } else {
    from = iso(addDays(day(today), -29));
    to = today;
  }
  const wanted = query['interval'];
  const interval: Interval = (INTERVALS as readonly string[]).includes(wanted ?? '') ? (wanted as Interval) : defaultInterval(from, to);
  return { preset, from: from.slice(0, 40), to: to.slice(0, 40), interval, department: text(query['department']), team: text(query['team']) };
}

/** Weeks up to about a quarter, months beyond (a year of weeks is 53 bars). */
function defaultInterval(from: string, to: string): Interval {
  const a = day(from);
  const b = day(to);
  if (Number.isNaN(a.getTime()) || Number.isNaN(b.getTime())) return 'week';
  return differenceInCalendarDays(b, a) > 92 ? 'month' : 'week';
}

/**
 * The filters as a query string for the CSV links: the period as the days it resolved to (a
 * relative preset downloaded after midnight would otherwise count another period than the page).
 */
export function filterQuery(f: DashboardFilters): string {
  const params = new URLSearchParams({ preset: 'custom', from: f.from, to: f.to, interval: f.interval });
  if (f.department) params.set('department', f.department);
  if (f.team) params.set('team', f.team);
  return params.toString();
}
