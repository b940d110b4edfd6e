import { describe, expect, it } from 'vitest';
import {
  addBusinessDuration,
  businessMinutesBetween,
  CalendarRangeError,
  dayHoursOf,
  toZonedIso,
  isWorkingTime,
  nextOpening,
  workingIntervalsOn,
  type Calendar,
} from '../../../domain/calendar/index.js';
import { getCalendar } from '../../../domain/calendar/registry.js';
import { BERLIN_24_7, DE, TR } from './fixtures.js';

const minutes = (calendar: Calendar, from: string, to: string) =>
  businessMinutesBetween(calendar, new Date(from), new Date(to));

describe('businessMinutesBetween', () => {
  it.each([
    ['counts the arife morning and Monday morning around Ramazan Bayramı', TR, '2026-03-19T11:00:00+03:00', '2026-03-23T13:00:00+03:00', 360],
    ['is negative when the end comes first', TR, '2026-03-23T13:00:00+03:00', '2026-03-19T11:00:00+03:00', -360],
    ['is zero over a weekend night', TR, '2026-11-20T20:00:00+03:00', '2026-11-23T09:00:00+03:00', 0],
    ['counts a plain week as five nine-hour days', TR, '2026-11-23T09:00:00+03:00', '2026-11-30T09:00:00+03:00', 2700],
    ['counts a week with a half day and a holiday run', TR, '2026-03-16T09:00:00+03:00', '2026-03-23T09:00:00+03:00', 1860],
    ['counts real minutes across the DST change', DE, '2026-03-27T08:00:00+01:00', '2026-03-30T08:00:00+02:00', 480],
    ['counts a 23-hour day on a 24/7 calendar', BERLIN_24_7, '2026-03-28T00:00:00+01:00', '2026-03-30T00:00:00+02:00', 2820],
    ['counts a 25-hour day on a 24/7 calendar', BERLIN_24_7, '2026-10-25T00:00:00+02:00', '2026-10-26T00:00:00+01:00', 1500],
  ] as const)('%s', (_, calendar, from, to, expected) => {
    expect(minutes(calendar, from, to)).toBe(expected);
  });
});

describe('the hours of a day', () => {
  it('cuts an arife at 13:00', () => {
    expect(dayHoursOf(TR, '2026-03-19')).toEqual([{ from: '09:00', to: '13:00' }]);
  });

  it('closes a bayram day', () => {
    expect(dayHoursOf(TR, '2026-03-20')).toEqual([]);
  });

  it('lists a lunch break as two intervals, as instants', () => {
    expect(workingIntervalsOn(DE, '2026-11-23').map((i) => [toZonedIso(DE, i.from), toZonedIso(DE, i.to)])).toEqual([
      ['2026-11-23T08:00:00+01:00', '2026-11-23T12:00:00+01:00'],
      ['2026-11-23T13:00:00+01:00', '2026-11-23T17:00:00+01:00'],
    ]);
  });

  it('reports a 25-hour day split by the DST change as one interval', () => {
    const [only, ...rest] = workingIntervalsOn(BERLIN_24_7, '2026-10-25');
    expect(rest).toEqual([]);
    expect(only!.to.getTime() - only!.from.getTime()).toBe(25 * 3_600_000);
  });

  it.each([
    ['10:00 on a weekday', '2026-11-23T10:00:00+03:00', true],
    ['the closing instant', '2026-11-23T18:00:00+03:00', false],
    ['12:59 on an arife', '2026-03-19T12:59:00+03:00', true],
    ['13:00 on an arife', '2026-03-19T13:00:00+03:00', false],
    ['a Saturday noon', '2026-11-21T12:00:00+03:00', false],
  ] as const)('says whether %s is working time', (_, at, expected) => {
    expect(isWorkingTime(TR, new Date(at))).toBe(expected);
  });
});

describe('named exceptions', () => {
  const withExceptions: Calendar = {
    ...TR,
    exceptions: [
      { kind: 'open', date: '2026-10-29', name: 'Open on Republic Day', hours: [{ from: '10:00', to: '12:00' }] },
      { kind: 'open', date: '2026-11-21', name: 'Saturday catch-up', hours: [{ from: '10:00', to: '14:00' }] },
      { kind: 'closed', date: '2026-11-24', name: 'Office move' },
    ],
  };

  it('opens an extra working day with its own hours', () => {
    expect(toZonedIso(TR, nextOpening(withExceptions, new Date('2026-11-20T20:00:00+03:00')))).toBe('2026-11-21T10:00:00+03:00');
  });

  it('closes an extra day', () => {
    const { deadline } = addBusinessDuration(withExceptions, new Date('2026-11-23T17:00:00+03:00'), { workingHours: 2 });
    expect(toZonedIso(TR, deadline)).toBe('2026-11-25T10:00:00+03:00');
  });

  it('wins over a public holiday', () => {
    expect(dayHoursOf(withExceptions, '2026-10-29')).toEqual([{ from: '10:00', to: '12:00' }]);
  });
});

describe('the years a calendar covers', () => {
  const only2026 = getCalendar('TR', 2026);

  it('refuses a deadline that runs past them', () => {
    expect(() => addBusinessDuration(only2026, new Date('2026-12-31T17:00:00+03:00'), { workingHours: 2 })).toThrow(CalendarRangeError);
  });

  it('refuses a start before them', () => {
    expect(() => nextOpening(only2026, new Date('2025-12-31T12:00:00+03:00'))).toThrow(/covers 2026–2026/);
  });
});
