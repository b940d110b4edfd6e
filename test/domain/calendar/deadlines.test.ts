import { describe, expect, it } from 'vitest';
import type { BusinessDuration } from '../../../domain/business-duration.js';
import { addBusinessDuration, toZonedIso, nextOpening, type Calendar } from '../../../domain/calendar/index.js';
import { AE_WEEKEND_CHANGE, AZ, BERLIN_24_7, DE, IR, TR, UNEVEN_WEEK, US } from './fixtures.js';

/** Deadline of `duration` from a local ISO instant, answered in the calendar's own offset. */
function deadline(calendar: Calendar, from: string, duration: BusinessDuration) {
  const r = addBusinessDuration(calendar, new Date(from), duration);
  return { clockStart: toZonedIso(calendar, r.clockStart), deadline: toZonedIso(calendar, r.deadline) };
}

describe('addBusinessDuration on the TR calendar', () => {
  it('gives Mon 2026-03-23 13:00 for 6 working hours from Thu 2026-03-19 11:00, the Ramazan arife open until 13:00', () => {
    expect(deadline(TR, '2026-03-19T11:00:00+03:00', { workingHours: 6 })).toEqual({
      clockStart: '2026-03-19T11:00:00+03:00',
      deadline: '2026-03-23T13:00:00+03:00',
    });
  });

  it('gives Tue 2026-03-24 11:00 for 2 working days from Thu 2026-03-19 11:00', () => {
    expect(deadline(TR, '2026-03-19T11:00:00+03:00', { workingDays: 2 }).deadline).toBe('2026-03-24T11:00:00+03:00');
  });

  it('starts the clock on Mon 2026-11-23 09:00 for a complaint received Fri 2026-11-20 20:00', () => {
    expect(deadline(TR, '2026-11-20T20:00:00+03:00', { workingHours: 6 }).clockStart).toBe('2026-11-23T09:00:00+03:00');
    expect(deadline(TR, '2026-11-20T20:00:00+03:00', { workingDays: 2 }).clockStart).toBe('2026-11-23T09:00:00+03:00');
  });

  it.each([
    ['skips the weekend', '2026-11-20T16:00:00+03:00', { workingHours: 6 }, '2026-11-20T16:00:00+03:00', '2026-11-23T13:00:00+03:00'],
    ['lands on the same time after a weekend', '2026-11-20T16:00:00+03:00', { workingDays: 1 }, '2026-11-20T16:00:00+03:00', '2026-11-23T16:00:00+03:00'],
    ['counts the whole Kurban Bayramı run and its arife as closed', '2026-05-26T10:00:00+03:00', { workingHours: 6 }, '2026-05-26T10:00:00+03:00', '2026-06-01T12:00:00+03:00'],
    ['lands after the Kurban Bayramı run for working days', '2026-05-26T10:00:00+03:00', { workingDays: 1 }, '2026-05-26T10:00:00+03:00', '2026-06-01T10:00:00+03:00'],
    ['takes a complaint after 13:00 on an arife in on the next working day', '2026-05-26T14:00:00+03:00', { workingHours: 1 }, '2026-06-01T09:00:00+03:00', '2026-06-01T10:00:00+03:00'],
    ['closes 28 October at 13:00 and all of 29 October', '2026-10-28T12:00:00+03:00', { workingHours: 2 }, '2026-10-28T12:00:00+03:00', '2026-10-30T10:00:00+03:00'],
    ['ends at the close of a half day when the same time is past it', '2026-10-27T15:00:00+03:00', { workingDays: 1 }, '2026-10-27T15:00:00+03:00', '2026-10-28T13:00:00+03:00'],
    ['ends at the closing time rather than the next opening', '2026-11-23T09:00:00+03:00', { workingHours: 9 }, '2026-11-23T09:00:00+03:00', '2026-11-23T18:00:00+03:00'],
    ['treats the closing instant as out of hours', '2026-11-23T18:00:00+03:00', { workingHours: 1 }, '2026-11-24T09:00:00+03:00', '2026-11-24T10:00:00+03:00'],
    ['treats the opening instant as in hours', '2026-11-23T09:00:00+03:00', { workingDays: 1 }, '2026-11-23T09:00:00+03:00', '2026-11-24T09:00:00+03:00'],
    ['adds fractional hours', '2026-11-23T17:45:00+03:00', { workingHours: 0.5 }, '2026-11-23T17:45:00+03:00', '2026-11-24T09:15:00+03:00'],
    ['crosses New Year into the next year', '2026-12-31T17:00:00+03:00', { workingHours: 2 }, '2026-12-31T17:00:00+03:00', '2027-01-04T10:00:00+03:00'],
    ['keeps seconds of the start', '2026-11-23T10:15:30+03:00', { workingDays: 2 }, '2026-11-23T10:15:30+03:00', '2026-11-25T10:15:30+03:00'],
  ] as const)('%s', (_, from, duration, clockStart, expected) => {
    expect(deadline(TR, from, duration)).toEqual({ clockStart, deadline: expected });
  });

  it('accepts an instant given in any offset and answers in Istanbul time', () => {
    expect(deadline(TR, '2026-03-19T08:00:00Z', { workingHours: 6 }).deadline).toBe('2026-03-23T13:00:00+03:00');
  });
});

describe('addBusinessDuration on other shipped calendars', () => {
  it.each([
    ['DE skips the lunch break', DE, '2026-11-23T11:00:00+01:00', { workingHours: 2 }, '2026-11-23T11:00:00+01:00', '2026-11-23T14:00:00+01:00'],
    ['DE starts a complaint received at lunch after lunch', DE, '2026-11-23T12:30:00+01:00', { workingHours: 1 }, '2026-11-23T13:00:00+01:00', '2026-11-23T14:00:00+01:00'],
    ['DE counts Easter as closed', DE, '2026-04-02T16:00:00+02:00', { workingHours: 2 }, '2026-04-02T16:00:00+02:00', '2026-04-07T09:00:00+02:00'],
    ['DE keeps working hours across the spring DST change', DE, '2026-03-27T16:00:00+01:00', { workingHours: 2 }, '2026-03-27T16:00:00+01:00', '2026-03-30T09:00:00+02:00'],
    ['DE keeps the local time across the spring DST change', DE, '2026-03-27T10:00:00+01:00', { workingDays: 1 }, '2026-03-27T10:00:00+01:00', '2026-03-30T10:00:00+02:00'],
    ['DE keeps the local time across the autumn DST change', DE, '2026-10-23T10:00:00+02:00', { workingDays: 1 }, '2026-10-23T10:00:00+02:00', '2026-10-26T10:00:00+01:00'],
    ['US skips Thanksgiving', US, '2026-11-25T16:00:00-05:00', { workingHours: 2 }, '2026-11-25T16:00:00-05:00', '2026-11-27T10:00:00-05:00'],
    ['US skips an observed (substitute) holiday', US, '2026-07-02T10:00:00-04:00', { workingDays: 1 }, '2026-07-02T10:00:00-04:00', '2026-07-06T10:00:00-04:00'],
    ['US keeps the local time across its DST change', US, '2026-03-06T10:00:00-05:00', { workingDays: 1 }, '2026-03-06T10:00:00-05:00', '2026-03-09T10:00:00-04:00'],
    ['IR works Thursday morning and rests on Friday', IR, '2026-11-25T15:00:00+03:30', { workingHours: 2 }, '2026-11-25T15:00:00+03:30', '2026-11-26T09:00:00+03:30'],
    ['IR goes from Thursday to Saturday', IR, '2026-11-26T11:00:00+03:30', { workingHours: 2 }, '2026-11-26T11:00:00+03:30', '2026-11-28T09:00:00+03:30'],
    ['IR ends at Thursday noon when the same time is past it', IR, '2026-11-25T14:00:00+03:30', { workingDays: 1 }, '2026-11-25T14:00:00+03:30', '2026-11-26T12:00:00+03:30'],
    ['AZ closes all five Novruz days and makes up the two on the weekend', AZ, '2027-03-19T17:00:00+04:00', { workingHours: 2 }, '2027-03-19T17:00:00+04:00', '2027-03-29T10:00:00+04:00'],
    ['AZ carries made-up days on when Novruz and Ramazan collide', AZ, '2026-03-19T17:00:00+04:00', { workingHours: 2 }, '2026-03-19T17:00:00+04:00', '2026-03-31T10:00:00+04:00'],
  ] as const)('%s', (_, calendar, from, duration, clockStart, expected) => {
    expect(deadline(calendar, from, duration)).toEqual({ clockStart, deadline: expected });
  });
});

describe('addBusinessDuration with effective-dated weekly hours', () => {
  it.each([
    ['keeps the Friday–Saturday weekend before the change', '2021-12-23T10:00:00+04:00', { workingDays: 1 }, '2021-12-26T10:00:00+04:00'],
    ['uses the old hours, then the new weekend, across the change', '2021-12-30T16:00:00+04:00', { workingHours: 2 }, '2022-01-03T08:30:00+04:00'],
    ['uses the short Friday after the change', '2022-01-07T10:00:00+04:00', { workingHours: 3 }, '2022-01-10T08:30:00+04:00'],
  ] as const)('%s', (_, from, duration, expected) => {
    expect(deadline(AE_WEEKEND_CHANGE, from, duration).deadline).toBe(expected);
  });
});

describe('addBusinessDuration in working days when the local time is not open on the target day', () => {
  it.each([
    ['a time inside the target day’s hours is kept', '2026-11-23T10:00:00+03:00', '2026-11-24T10:00:00+03:00'],
    ['a time in the target day’s midday gap becomes that day’s close', '2026-11-23T12:30:00+03:00', '2026-11-24T18:00:00+03:00'],
    ['a time before the target day opens becomes that day’s close', '2026-11-23T08:00:00+03:00', '2026-11-24T18:00:00+03:00'],
  ] as const)('%s', (_, from, expected) => {
    expect(deadline(UNEVEN_WEEK, from, { workingDays: 1 }).deadline).toBe(expected);
  });
});

describe('addBusinessDuration on days that a DST change makes 23 or 25 hours long', () => {
  it('counts the 23 real hours of the spring-forward day', () => {
    expect(deadline(BERLIN_24_7, '2026-03-29T00:00:00+01:00', { workingHours: 24 }).deadline).toBe('2026-03-30T01:00:00+02:00');
  });

  it('counts the 25 real hours of the fall-back day', () => {
    expect(deadline(BERLIN_24_7, '2026-10-25T00:00:00+02:00', { workingHours: 24 }).deadline).toBe('2026-10-25T23:00:00+01:00');
  });

  it('moves a same-time deadline that falls in the skipped hour to the end of the jump', () => {
    expect(deadline(BERLIN_24_7, '2026-03-28T02:30:00+01:00', { workingDays: 1 }).deadline).toBe('2026-03-29T03:00:00+02:00');
  });

  it('takes the first of two repeated local times', () => {
    expect(deadline(BERLIN_24_7, '2026-10-24T02:30:00+02:00', { workingDays: 1 }).deadline).toBe('2026-10-25T02:30:00+02:00');
  });
});

describe('nextOpening', () => {
  it.each([
    ['returns a working instant unchanged', '2026-11-23T10:00:00+03:00', '2026-11-23T10:00:00+03:00'],
    ['moves a night arrival to the morning', '2026-11-23T23:59:00+03:00', '2026-11-24T09:00:00+03:00'],
    ['moves an early arrival to the opening', '2026-11-24T06:00:00+03:00', '2026-11-24T09:00:00+03:00'],
    ['moves a Saturday arrival to Monday', '2026-11-21T12:00:00+03:00', '2026-11-23T09:00:00+03:00'],
    ['moves an arrival on the first day of a bayram past the whole run', '2026-03-20T10:00:00+03:00', '2026-03-23T09:00:00+03:00'],
  ] as const)('%s', (_, at, expected) => {
    expect(toZonedIso(TR, nextOpening(TR, new Date(at)))).toBe(expected);
  });
});
