// A survey link's lifetime: calendar days count every day; working days count on the process's
// calendar like a deadline (weekends, holidays and half-day eves as the calendar has them).
import { describe, expect, it } from 'vitest';
import { getCalendar } from '../../../domain/calendar/registry.js';
import { surveyLinkExpiry } from '../../../domain/survey/link-expiry.js';

const TR = getCalendar('TR', { from: 2025, to: 2027 });

describe('surveyLinkExpiry', () => {
  it('counts calendar days as whole days of 24 hours, weekends included', () => {
    expect(surveyLinkExpiry(undefined, '2026-03-13T12:00:00.000Z', { calendarDays: 3 })).toBe('2026-03-16T12:00:00.000Z');
  });

  it.each([
    ['a Friday afternoon closure to Monday, over the weekend', '2026-03-13T15:00:00+03:00', 1, '2026-03-16T12:00:00.000Z'],
    ['a Tuesday closure to Friday', '2026-03-10T10:00:00+03:00', 3, '2026-03-13T07:00:00.000Z'],
    // Ramazan Bayramı 2026: the eve (19 March) closes at 13:00, 20–22 March are holidays.
    ['the day before the eve to the eve’s close at 13:00', '2026-03-18T15:00:00+03:00', 1, '2026-03-19T10:00:00.000Z'],
    ['the eve’s morning over the holiday to Monday', '2026-03-19T10:00:00+03:00', 1, '2026-03-23T07:00:00.000Z'],
  ])('counts working days in the TR calendar: %s', (_name, at, workingDays, expected) => {
    expect(surveyLinkExpiry(TR, new Date(at).toISOString(), { workingDays })).toBe(expected);
  });

  it('needs the calendar for working days', () => {
    expect(() => surveyLinkExpiry(undefined, '2026-03-13T12:00:00.000Z', { workingDays: 1 })).toThrow(RangeError);
  });
});
