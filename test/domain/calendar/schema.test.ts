import { describe, expect, it } from 'vitest';
import { calendarSchema, weeklyHoursInYear, type Calendar } from '../../../domain/calendar/index.js';
import { AE_WEEKEND_CHANGE, BERLIN_24_7, UNEVEN_WEEK } from './fixtures.js';

const base: Calendar = UNEVEN_WEEK;

function issuesOf(input: unknown): { path: string; message: string }[] {
  const result = calendarSchema.safeParse(input);
  return result.success ? [] : result.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message }));
}

describe('calendarSchema', () => {
  it.each([
    ['a lunch break and uneven days', UNEVEN_WEEK],
    ['an effective-dated weekend change', AE_WEEKEND_CHANGE],
    ['24-hour days', BERLIN_24_7],
  ] as const)('accepts a calendar with %s', (_, calendar) => {
    expect(issuesOf(calendar)).toEqual([]);
  });

  it.each([
    ['overlapping intervals', { weeklyHours: [{ days: { mon: [{ from: '09:00', to: '13:00' }, { from: '12:00', to: '18:00' }] } }] }, 'weeklyHours.0.days.mon.1.from'],
    ['an interval that ends before it starts', { weeklyHours: [{ days: { mon: [{ from: '18:00', to: '09:00' }] } }] }, 'weeklyHours.0.days.mon.0.to'],
    ['a time past 24:00', { weeklyHours: [{ days: { mon: [{ from: '09:00', to: '24:30' }] } }] }, 'weeklyHours.0.days.mon.0.to'],
    ['an unknown time zone', { timeZone: 'Europe/Atlantis' }, 'timeZone'],
    ['a date that does not exist', { holidays: [{ date: '2026-02-30', name: 'Nope' }] }, 'holidays.0.date'],
    ['a later schedule without effectiveFrom', { weeklyHours: [base.weeklyHours[0], { days: {} }] }, 'weeklyHours.1.effectiveFrom'],
    ['schedules out of order', { weeklyHours: [{ effectiveFrom: '2026-06-01', days: {} }, { effectiveFrom: '2026-01-01', days: {} }] }, 'weeklyHours.1.effectiveFrom'],
    ['two exceptions on one date', { exceptions: [{ kind: 'closed', date: '2026-05-04', name: 'A' }, { kind: 'closed', date: '2026-05-04', name: 'B' }] }, 'exceptions.1.date'],
    ['an open exception without hours', { exceptions: [{ kind: 'open', date: '2026-05-02', name: 'A', hours: [] }] }, 'exceptions.0.hours'],
    ['years in the wrong order', { years: { from: 2027, to: 2026 } }, 'years.to'],
    ['an unknown weekday', { weeklyHours: [{ days: { fri: [], sab: [] } }] }, 'weeklyHours.0.days'],
  ] as const)('rejects %s at its exact path', (_, change, path) => {
    expect(issuesOf({ ...base, ...change }).map((i) => i.path)).toContain(path);
  });
});

describe('weeklyHoursInYear', () => {
  const spans = (year: number) =>
    weeklyHoursInYear(AE_WEEKEND_CHANGE, year).map((s) => [s.effectiveFrom, s.effectiveUntil, Object.keys(s.days)]);

  it('gives a year before a change only the schedule then in force, with its last day', () => {
    expect(spans(2021)).toEqual([[null, '2021-12-31', ['sun', 'mon', 'tue', 'wed', 'thu']]]);
  });

  it('gives a year after a change only the new schedule, open-ended', () => {
    expect(spans(2022)).toEqual([['2022-01-01', null, ['mon', 'tue', 'wed', 'thu', 'fri']]]);
  });

  it('gives both schedules in the year a change falls inside', () => {
    const midYear: Calendar = {
      ...AE_WEEKEND_CHANGE,
      weeklyHours: [
        AE_WEEKEND_CHANGE.weeklyHours[0]!,
        { ...AE_WEEKEND_CHANGE.weeklyHours[1]!, effectiveFrom: '2022-03-01' },
      ],
    };
    const inForce = weeklyHoursInYear(midYear, 2022).map((s) => [s.effectiveFrom, s.effectiveUntil]);
    expect(inForce).toEqual([[null, '2022-02-28'], ['2022-03-01', null]]);
  });
});
