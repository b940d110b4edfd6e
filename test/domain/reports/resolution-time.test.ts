// The resolution-time facts on the Turkish calendar, counted by hand: working hours 09:00–18:00
// Europe/Istanbul (UTC+3), Mon–Fri; 2026-10-28 is the eve of Republic Day (work until 13:00),
// 2026-10-29 the holiday itself.
import { describe, expect, it } from 'vitest';
import { getCalendar } from '../../../domain/calendar/registry.js';
import { closeOfBusinessDaysAfter, resolutionTime } from '../../../domain/reports/resolution-time.js';

const TR = getCalendar('TR', { from: 2025, to: 2027 });
const istanbul = (local: string) => new Date(`${local}+03:00`);

describe('resolutionTime', () => {
  // Received Tue 27 Oct 16:00. Business days after it: Wed 28 (half day), Fri 30, Mon 2 Nov.
  const received = istanbul('2026-10-27T16:00:00');

  it('counts working minutes across the half day, the holiday and the weekend, and closes within three business days by Monday 18:00', () => {
    // Tue 16:00–18:00 (120) + Wed 09:00–13:00 (240) + Fri 09:00–18:00 (540) + Mon 09:00–17:30 (510).
    expect(resolutionTime(TR, received, istanbul('2026-11-02T17:30:00'))).toEqual({ businessMinutes: 1410, closedWithin3BusinessDays: true });
    expect(resolutionTime(TR, received, istanbul('2026-11-02T18:00:00'))).toEqual({ businessMinutes: 1440, closedWithin3BusinessDays: true });
  });

  it('is not within three business days once the third one has closed, even in the evening when no working minute passed', () => {
    expect(resolutionTime(TR, received, istanbul('2026-11-02T18:30:00'))).toEqual({ businessMinutes: 1440, closedWithin3BusinessDays: false });
    expect(resolutionTime(TR, received, istanbul('2026-11-03T09:30:00'))).toEqual({ businessMinutes: 1470, closedWithin3BusinessDays: false });
  });

  it('counts nothing for a complaint closed the evening it came in', () => {
    expect(resolutionTime(TR, istanbul('2026-10-27T18:10:00'), istanbul('2026-10-27T20:00:00'))).toEqual({ businessMinutes: 0, closedWithin3BusinessDays: true });
  });
});

describe('closeOfBusinessDaysAfter', () => {
  it('never counts the day of receipt: after the eve closed at 13:00 the three days are Fri, Mon, Tue', () => {
    expect(closeOfBusinessDaysAfter(TR, istanbul('2026-10-28T15:00:00'), 3)).toEqual(istanbul('2026-11-03T18:00:00'));
    // Received in working hours that morning: still the day of receipt.
    expect(closeOfBusinessDaysAfter(TR, istanbul('2026-10-28T10:00:00'), 3)).toEqual(istanbul('2026-11-03T18:00:00'));
  });

  it('starts counting on Monday for a complaint received on a Saturday', () => {
    expect(closeOfBusinessDaysAfter(TR, istanbul('2026-10-31T10:00:00'), 3)).toEqual(istanbul('2026-11-04T18:00:00'));
  });

  it('takes the day of receipt in the calendar zone: 22:30 UTC on Monday is already Tuesday in Istanbul', () => {
    expect(closeOfBusinessDaysAfter(TR, new Date('2026-11-02T22:30:00Z'), 1)).toEqual(istanbul('2026-11-04T18:00:00'));
  });

  it('ends a half day at its own closing time', () => {
    expect(closeOfBusinessDaysAfter(TR, istanbul('2026-10-27T12:00:00'), 1)).toEqual(istanbul('2026-10-28T13:00:00'));
  });
});
