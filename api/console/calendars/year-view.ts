// A calendar year as the page lists it: per month the working days and each day that is not an
// ordinary one (holiday, half day, extra closure or working day), marked when an override made it
// so. Computed from GET /v1/calendars/{id}?year= by the rule that answer documents: a day's hours
// come from an exception, else a holiday, else a half day, else the weekly schedule in force.
import type { z } from '@hono/zod-openapi';
import type { calendarYearSchema } from '../../staff/calendars.schemas.js';
import type { overridesVersionSchema } from '../../staff/calendar-overrides.schemas.js';

export type CalendarYearView = z.output<typeof calendarYearSchema>;
export type OverridesView = z.output<typeof overridesVersionSchema>;

export type SpecialKind = 'holiday' | 'halfDay' | 'closed' | 'open';

export interface SpecialDay {
  date: string;
  kind: SpecialKind;
  name: string;
  /** Half day: working ends then; extra working day: its hours. */
  until?: string;
  hours?: string;
  /** The process owners' overrides made it so (an exception, or an announced holiday date). */
  override: boolean;
}

export interface MonthView {
  month: number;
  workingDays: number;
  halfDays: number;
  special: SpecialDay[];
}

const WEEKDAYS = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'] as const;
const DAY = 86_400_000;

const isoDate = (ms: number) => new Date(ms).toISOString().slice(0, 10);

/** Whether the weekly schedules in force on `date` open on its weekday. */
function weeklyOpen(year: CalendarYearView, date: string): boolean {
  const weekday = WEEKDAYS[new Date(`${date}T00:00:00Z`).getUTCDay()]!;
  const schedule = year.weeklyHours.find((s) => (s.effectiveFrom === null || s.effectiveFrom <= date) && (s.effectiveUntil === null || date <= s.effectiveUntil));
  return (schedule?.days[weekday]?.length ?? 0) > 0;
}

/** A holiday's date an announced first day put there: within the holiday's few days after it. */
function announced(overrides: OverridesView | undefined, key: string | undefined, date: string): boolean {
  if (!overrides || !key) return false;
  return overrides.overrides.movingHolidays.some((m) => m.key === key && date >= isoDate(Date.parse(`${m.firstDay}T00:00:00Z`) - DAY) && date <= isoDate(Date.parse(`${m.firstDay}T00:00:00Z`) + 6 * DAY));
}

export function monthsOf(year: CalendarYearView, overrides?: OverridesView): MonthView[] {
  const exceptionsByDate = new Map(year.exceptions.map((e) => [e.date, e]));
  const holidaysByDate = new Map(year.holidays.map((h) => [h.date, h]));
  const halfByDate = new Map(year.halfDays.map((h) => [h.date, h]));
  const overridden = new Set((overrides?.overrides.exceptions ?? []).map((e) => `${e.kind}:${e.date}`));
  const months: MonthView[] = [];
  for (let month = 1; month <= 12; month++) {
    const view: MonthView = { month, workingDays: 0, halfDays: 0, special: [] };
    for (let ms = Date.UTC(year.year, month - 1, 1); new Date(ms).getUTCMonth() === month - 1; ms += DAY) {
      const date = isoDate(ms);
      const exception = exceptionsByDate.get(date);
      const holiday = holidaysByDate.get(date);
      const half = halfByDate.get(date);
      if (exception) {
        const override = overridden.has(`${exception.kind}:${date}`);
        if (exception.kind === 'open') {
          view.workingDays++;
          view.special.push({ date, kind: 'open', name: exception.name, hours: exception.hours.map((h) => `${h.from}–${h.to}`).join(', '), override });
        } else view.special.push({ date, kind: 'closed', name: exception.name, override });
      } else if (holiday) {
        view.special.push({ date, kind: 'holiday', name: holiday.name, override: announced(overrides, holiday.key, date) });
      } else if (half) {
        if (weeklyOpen(year, date)) {
          view.workingDays++;
          view.halfDays++;
        }
        view.special.push({ date, kind: 'halfDay', name: half.name, until: half.until, override: announced(overrides, half.key, date) });
      } else if (weeklyOpen(year, date)) view.workingDays++;
    }
    months.push(view);
  }
  return months;
}
