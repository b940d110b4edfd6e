import { describe, expect, it } from 'vitest';
import { normalizeOverrides, overrideIssues } from '../../../domain/calendar/overrides.js';
import type { CalendarOverrides } from '../../../domain/calendar/index.js';
import { isDomainError } from '../../../domain/errors.js';

const closed = (date: string, name = 'Şirket tatili') => ({ kind: 'closed' as const, date, name });
const open = (date: string, hours = [{ from: '09:00', to: '13:00' }]) => ({ kind: 'open' as const, date, name: 'Telafi günü', hours });

describe('overrideIssues', () => {
  it('accepts announced dates, a bridge-day closure and a Saturday worked instead', () => {
    const overrides: CalendarOverrides = {
      movingHolidays: [{ key: 'kurbanBayrami', firstDay: '2027-05-17' }],
      exceptions: [closed('2026-10-30', 'Köprü izni'), open('2026-10-31')],
    };
    expect(overrideIssues('TR', overrides)).toEqual([]);
  });

  it.each<[string, string, CalendarOverrides, string, RegExp]>([
    ['a moving holiday the calendar does not have', 'TR', { movingHolidays: [{ key: 'ramadan', firstDay: '2027-03-09' }] }, 'movingHolidays.0.key', /no moving holiday "ramadan"; its moving holidays are ramazanBayrami, kurbanBayrami/],
    ['a moving holiday on a calendar without any', 'DE', { movingHolidays: [{ key: 'ramazanBayrami', firstDay: '2027-03-09' }] }, 'movingHolidays.0.key', /DE has no moving holiday "ramazanBayrami"; it has no moving holidays/],
    ['an announced day with no such holiday within 15 days', 'TR', { movingHolidays: [{ key: 'kurbanBayrami', firstDay: '2027-09-01' }] }, 'movingHolidays.0.firstDay', /no kurbanBayrami within 15 days of 2027-09-01/],
    ['a closure on a public holiday', 'TR', { exceptions: [closed('2026-10-29')] }, 'exceptions.0.date', /2026-10-29 is already closed \(Cumhuriyet Bayramı\)/],
    ['a closure on a weekend', 'TR', { exceptions: [closed('2026-10-31')] }, 'exceptions.0.date', /already closed \(a Saturday\)/],
    ['an extra working day that adds nothing', 'TR', { exceptions: [open('2026-10-30', [{ from: '10:00', to: '12:00' }])] }, 'exceptions.0.date', /already works 09:00–18:00/],
    ['a date beyond the years calendars cover', 'TR', { exceptions: [closed('2090-01-02')] }, 'exceptions.0.date', /within 1971–2075/],
  ])('names %s', (_, calendarId, overrides, path, message) => {
    const issues = overrideIssues(calendarId, overrides);
    expect(issues).toHaveLength(1);
    expect(issues[0]!.path).toBe(path);
    expect(issues[0]!.message).toMatch(message);
  });

  it('checks closures against the holidays as the same document moves them', () => {
    // Kurban Bayramı 2027 moved to start on Mon 17 May: Wed 19 May is now closed by it.
    const overrides = { movingHolidays: [{ key: 'kurbanBayrami', firstDay: '2027-05-17' }], exceptions: [closed('2027-05-20'), closed('2027-05-21')] };
    expect(overrideIssues('TR', overrides)).toEqual([{ path: 'exceptions.0.date', message: expect.stringMatching(/already closed \(.*Kurban Bayramı/) }]);
  });

  it('opens the arife afternoon: an extra working day may lengthen a half day', () => {
    expect(overrideIssues('TR', { exceptions: [open('2026-10-28', [{ from: '09:00', to: '18:00' }])] })).toEqual([]);
  });

  it('names every duplicate: two entries on one day, two moves of one holiday', () => {
    const overrides: CalendarOverrides = {
      movingHolidays: [
        { key: 'kurbanBayrami', firstDay: '2027-05-17' },
        { key: 'kurbanBayrami', firstDay: '2027-05-18' },
      ],
      exceptions: [closed('2026-12-31'), open('2026-12-31', [{ from: '08:00', to: '20:00' }])],
    };
    expect(overrideIssues('TR', overrides)).toEqual([
      { path: 'movingHolidays.1.firstDay', message: 'moves the same kurbanBayrami as movingHolidays.0' },
      { path: 'exceptions.1.date', message: 'exceptions.0 is on 2026-12-31 too' },
    ]);
  });

  it('moves both Ramazan Bayramı of 2033 (one in January, one in December)', () => {
    const overrides = { movingHolidays: [{ key: 'ramazanBayrami', firstDay: '2033-01-03' }, { key: 'ramazanBayrami', firstDay: '2033-12-24' }] };
    expect(overrideIssues('TR', overrides)).toEqual([]);
  });

  it('refuses an unknown calendar with NOT_FOUND', () => {
    let thrown: unknown;
    try {
      overrideIssues('XX', {});
    } catch (err) {
      thrown = err;
    }
    expect(isDomainError(thrown) && thrown.code).toBe('NOT_FOUND');
  });
});

describe('normalizeOverrides', () => {
  it('puts entries in date order and fills absent lists, so equal sets are stored (and hashed) equal', () => {
    const a = normalizeOverrides({ exceptions: [closed('2026-12-31'), closed('2026-10-30')] });
    const b = normalizeOverrides({ exceptions: [closed('2026-10-30'), closed('2026-12-31')], movingHolidays: [] });
    expect(a).toEqual(b);
    expect(a.exceptions.map((e) => e.date)).toEqual(['2026-10-30', '2026-12-31']);
    expect(a.movingHolidays).toEqual([]);
  });
});
