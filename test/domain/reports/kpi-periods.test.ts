import { describe, expect, it } from 'vitest';
import { getCalendar } from '../../../domain/calendar/registry.js';
import { ageingThresholds, daysSpanned, reportBounds, subPeriods } from '../../../domain/reports/kpi-periods.js';

describe('reportBounds', () => {
  it('runs from midnight of `from` to midnight after `to` in the report time zone', () => {
    expect(reportBounds('2026-04-20', '2026-05-03', 'Europe/Istanbul')).toEqual({
      start: new Date('2026-04-19T21:00:00Z'),
      end: new Date('2026-05-03T21:00:00Z'),
    });
    // Berlin changes to summer time on 29 March 2026: the day after `to` starts at 22:00Z.
    expect(reportBounds('2026-03-01', '2026-03-31', 'Europe/Berlin')).toEqual({
      start: new Date('2026-02-28T23:00:00Z'),
      end: new Date('2026-03-31T22:00:00Z'),
    });
  });

  it('counts both days of the span', () => {
    expect(daysSpanned('2026-01-01', '2026-01-01')).toBe(1);
    expect(daysSpanned('2026-01-02', '2026-01-01')).toBe(0);
    expect(daysSpanned('2024-01-01', '2026-12-31')).toBe(1096);
  });
});

describe('subPeriods', () => {
  it('lists ISO weeks, the first and last clipped, named by ISO year and week', () => {
    expect(subPeriods('2026-12-30', '2027-01-12', 'week')).toEqual([
      // 31 Dec 2026 is a Thursday: the week of 28 Dec is 2026-W53.
      { key: '2026-W53', unitStart: '2026-12-28', from: '2026-12-30', to: '2027-01-03' },
      { key: '2027-W01', unitStart: '2027-01-04', from: '2027-01-04', to: '2027-01-10' },
      { key: '2027-W02', unitStart: '2027-01-11', from: '2027-01-11', to: '2027-01-12' },
    ]);
    // Mon 29 Dec 2025 starts the week of Thursday 1 January 2026: 2026-W01.
    expect(subPeriods('2025-12-29', '2025-12-29', 'week')[0]!.key).toBe('2026-W01');
  });

  it('lists months across a new year', () => {
    expect(subPeriods('2025-11-15', '2026-01-10', 'month')).toEqual([
      { key: '2025-11', unitStart: '2025-11-01', from: '2025-11-15', to: '2025-11-30' },
      { key: '2025-12', unitStart: '2025-12-01', from: '2025-12-01', to: '2025-12-31' },
      { key: '2026-01', unitStart: '2026-01-01', from: '2026-01-01', to: '2026-01-10' },
    ]);
  });
});

describe('ageingThresholds', () => {
  it('are the local midnights of the 3rd, 6th, 11th and 21st working day back from the last day, skipping holidays', () => {
    const tr = getCalendar('TR', { from: 2025, to: 2026 });
    // Back from Sun 3 May 2026: 30, 29, 28 Apr (1 May a holiday) → 3rd = 28 Apr; 27, 24, 22 (23 Apr a holiday) → 6th = 22 Apr;
    // 21, 20, 17, 16, 15 → 11th = 15 Apr; 14, 13, 10, 9, 8, 7, 6, 3, 2, 1 → 21st = 1 Apr.
    expect(ageingThresholds(tr, '2026-05-03')).toEqual([
      new Date('2026-04-27T21:00:00Z'),
      new Date('2026-04-21T21:00:00Z'),
      new Date('2026-04-14T21:00:00Z'),
      new Date('2026-03-31T21:00:00Z'),
    ]);
  });

  it('count the last day itself when it is a working day', () => {
    const tr = getCalendar('TR', { from: 2025, to: 2026 });
    // Thu 30 Apr, Wed 29, Tue 28 → the 3rd is 28 Apr: received on the 28th is 2 days old on the 30th.
    expect(ageingThresholds(tr, '2026-04-30')[0]).toEqual(new Date('2026-04-27T21:00:00Z'));
  });
});
