// An independent check of the shipped calendars: the Python `holidays` package (PyPI, pinned,
// installed into .tools/holidays by scripts/install-holiday-reference.sh) against ours, every
// working day of 2024–2035. A difference fails unless it is one of the few listed below, with
// its reason; a listed difference that no longer exists fails too.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { dayHoursOf, type Calendar } from '../../../domain/calendar/index.js';
import { getCalendar } from '../../../domain/calendar/registry.js';
import { PROJECT_ROOT } from '../../../scripts/tools.js';

const PYTHON = `${PROJECT_ROOT}.tools/holidays/bin/python`;
const SCRIPT = fileURLToPath(new URL('holiday-reference.py', import.meta.url));
const REFERENCE_VERSION = '0.109';
const YEARS = { from: 2024, to: 2035 };

type CalendarId = 'TR' | 'US' | 'DE' | 'AZ' | 'IR';

/** The reference's categories that close an office. Its others are not days off: */
const CLOSING: Record<CalendarId, string[]> = {
  TR: ['public'], // half_day: the eves off from 13:00, compared with our half days below
  US: ['public', 'government'], // government: the federal holidays; unofficial (Valentine's Day…) close nothing
  DE: ['public'], // catholic, school: per state only, none nationwide
  AZ: ['public'], // workday: commemoration days that Labour Code art. 105 keeps as working days
  IR: ['public'],
};

/**
 * Deliberate differences. All are one-off decrees for a single year: not rules a calendar can
 * hold, so a process owner adds them as calendar overrides (closures and extra working days).
 */
const DELIBERATE: { calendar: CalendarId; closedOnlyBy: Side; dates: string[]; reason: string }[] = [
  {
    calendar: 'US',
    closedOnlyBy: 'the reference',
    dates: ['2024-12-24', '2025-01-09', '2025-12-24', '2025-12-26'],
    reason: 'federal agencies closed by executive order (E.O. 14129, 14133: mourning for President Carter, 14371)',
  },
  {
    calendar: 'AZ',
    closedOnlyBy: 'the reference',
    dates: ['2024-01-04', '2024-01-05', '2024-04-12', '2024-11-12', '2024-11-13', '2024-12-30'],
    reason: 'Cabinet decisions swapping a working day with a rest day (the rest day that works is not in the reference)',
  },
  {
    calendar: 'AZ',
    closedOnlyBy: 'the reference',
    dates: ['2025-01-03', '2025-03-27', '2025-03-28', '2025-06-27'],
    reason: 'Cabinet decisions swapping days of 2025, two of them the made-up days below',
  },
  {
    calendar: 'AZ',
    closedOnlyBy: 'ours',
    dates: ['2025-03-10', '2025-04-01'],
    reason: 'the law’s made-up days for 8 March and Ramazan 2025, which the Cabinet moved to 27 and 28 March',
  },
  {
    calendar: 'AZ',
    closedOnlyBy: 'the reference',
    dates: ['2024-02-07', '2025-01-29'],
    reason: 'election days (presidential 2024, municipal 2025), declared days off each time',
  },
  {
    calendar: 'IR',
    closedOnlyBy: 'the reference',
    dates: ['2026-03-01', '2026-03-02', '2026-03-03', '2026-03-04', '2026-03-05', '2026-03-07'],
    reason: 'public mourning the government decreed on 1 March 2026 (the Friday between is a rest day anyway)',
  },
];

type Side = 'ours' | 'the reference';

interface Reference {
  version: string;
  countries: Record<CalendarId, Record<string, Record<string, string>>>;
}

let reference: Reference;
beforeAll(() => {
  if (!existsSync(PYTHON)) throw new Error(`${PYTHON} is missing: run scripts/install-holiday-reference.sh (npm test does)`);
  const ids = Object.keys(CLOSING);
  const out = execFileSync(PYTHON, [SCRIPT, String(YEARS.from), String(YEARS.to), ...ids], { encoding: 'utf8' });
  reference = JSON.parse(out) as Reference;
});

const DAY_MS = 86_400_000;
const DAYS = Array.from(
  { length: (Date.UTC(YEARS.to + 1, 0, 1) - Date.UTC(YEARS.from, 0, 1)) / DAY_MS },
  (_, i) => new Date(Date.UTC(YEARS.from, 0, 1) + i * DAY_MS).toISOString().slice(0, 10),
);

const calendarOf = (id: CalendarId) => getCalendar(id, YEARS);

/** The days the weekly hours open (holidays aside): the only days a holiday changes a deadline on. */
function workingDaysOfTheWeek(calendar: Calendar): string[] {
  const weekOnly: Calendar = { ...calendar, holidays: [], halfDays: [], exceptions: [] };
  return DAYS.filter((date) => dayHoursOf(weekOnly, date).length > 0);
}

function referenceDays(id: CalendarId, categories: readonly string[]): Map<string, string> {
  const days = new Map<string, string>();
  for (const category of categories) {
    for (const [date, name] of Object.entries(reference.countries[id][category] ?? {})) days.set(date, name);
  }
  return days;
}

const difference = (date: string, closedOnlyBy: Side) => `${date} closed only by ${closedOnlyBy}`;

describe('the shipped calendars against the Python holidays package, 2024–2035', () => {
  it(`runs the pinned reference, holidays ${REFERENCE_VERSION}`, () => {
    expect(reference.version).toBe(REFERENCE_VERSION);
  });

  it.each(Object.keys(CLOSING) as CalendarId[])(
    'closes %s on the same working days as the reference, but for the deliberate differences listed',
    (id) => {
      const calendar = calendarOf(id);
      const closedByReference = referenceDays(id, CLOSING[id]);
      const found = workingDaysOfTheWeek(calendar).flatMap((date) => {
        const closedByUs = dayHoursOf(calendar, date).length === 0;
        if (closedByUs === closedByReference.has(date)) return [];
        const name = closedByUs ? calendar.holidays.find((h) => h.date === date)?.name : closedByReference.get(date);
        return [{ difference: difference(date, closedByUs ? 'ours' : 'the reference'), name }];
      });
      const deliberate = new Set(
        DELIBERATE.filter((d) => d.calendar === id).flatMap((d) => d.dates.map((date) => difference(date, d.closedOnlyBy))),
      );
      const unexplained = found.filter((f) => !deliberate.has(f.difference)).map((f) => `${f.difference} (${f.name})`);
      const stale = [...deliberate].filter((d) => !found.some((f) => f.difference === d));
      expect({ unexplained, stale }).toEqual({ unexplained: [], stale: [] });
    },
  );

  it.each(Object.keys(CLOSING) as CalendarId[])('shortens %s on exactly the reference’s half days, from 13:00', (id) => {
    const calendar = calendarOf(id);
    const weekOnly: Calendar = { ...calendar, holidays: [], halfDays: [], exceptions: [] };
    const halfDays = referenceDays(id, ['half_day']);
    const closed = referenceDays(id, CLOSING[id]); // an eve on a holiday (23 April 2029) is closed all day
    const shortened = workingDaysOfTheWeek(calendar).filter((date) => {
      const hours = dayHoursOf(calendar, date);
      return hours.length > 0 && JSON.stringify(hours) !== JSON.stringify(dayHoursOf(weekOnly, date));
    });
    expect(shortened).toEqual(workingDaysOfTheWeek(calendar).filter((date) => halfDays.has(date) && !closed.has(date)));
    for (const date of shortened) expect(dayHoursOf(calendar, date).at(-1)?.to).toBe('13:00');
  });

  it('has half days to compare in Turkey, and commemoration working days in Azerbaijan', () => {
    // Guards the two checks that lean on a category: an empty category would make them pass unseen.
    expect(referenceDays('TR', ['half_day']).size).toBeGreaterThanOrEqual(3 * 12);
    expect(referenceDays('AZ', ['workday']).size).toBeGreaterThanOrEqual(4 * 12);
  });

  it('keeps every Azerbaijani commemoration day the reference marks a working day open', () => {
    const calendar = calendarOf('AZ');
    const workdays = referenceDays('AZ', ['workday']);
    const closed = workingDaysOfTheWeek(calendar).filter((date) => workdays.has(date) && dayHoursOf(calendar, date).length === 0);
    expect(closed).toEqual([]);
  });
});
