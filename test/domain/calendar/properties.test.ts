import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { TZDate } from '@date-fns/tz';
import {
  addBusinessDuration,
  businessMinutesBetween,
  dayHoursOf,
  isWorkingTime,
  nextOpening,
  type Calendar,
} from '../../../domain/calendar/index.js';
import { BERLIN_24_7, DE, TR, US } from './fixtures.js';

const MINUTE = 60_000;
const instant = (from: string, to: string) => fc.integer({ min: Date.parse(from), max: Date.parse(to) }).map((ms) => new Date(ms));
/** Whole minutes as hours, so that a + b is exact. */
const hoursOfMinutes = (max: number) => fc.integer({ min: 1, max }).map((m) => ({ minutes: m, workingHours: m / 60 }));

const calendars = [
  ['TR', TR, instant('2025-01-01T00:00:00Z', '2027-12-01T00:00:00Z')],
  ['DE', DE, instant('2025-01-01T00:00:00Z', '2027-12-01T00:00:00Z')],
  ['a 24/7 calendar with DST', BERLIN_24_7, instant('2026-01-01T00:00:00Z', '2026-10-01T00:00:00Z')],
] as const;

describe.each(calendars)('business-time invariants on %s', (_, calendar, from) => {
  it('never gives a deadline earlier than its start', () => {
    const duration = fc.oneof(
      hoursOfMinutes(300 * 60).map((h) => ({ workingHours: h.workingHours })),
      fc.integer({ min: 1, max: 40 }).map((d) => ({ workingDays: d })),
    );
    fc.assert(
      fc.property(from, duration, (at, d) => {
        const { clockStart, deadline } = addBusinessDuration(calendar, at, d);
        expect(clockStart.getTime()).toBeGreaterThanOrEqual(at.getTime());
        expect(deadline.getTime()).toBeGreaterThan(clockStart.getTime());
      }),
    );
  });

  it('measures exactly the working hours it added', () => {
    fc.assert(
      fc.property(from, hoursOfMinutes(300 * 60), (at, h) => {
        const { clockStart, deadline } = addBusinessDuration(calendar, at, { workingHours: h.workingHours });
        expect(businessMinutesBetween(calendar, clockStart, deadline)).toBe(h.minutes);
      }),
    );
  });

  it('adds a + b working hours as a then b', () => {
    fc.assert(
      fc.property(from, hoursOfMinutes(150 * 60), hoursOfMinutes(150 * 60), (at, a, b) => {
        const both = addBusinessDuration(calendar, at, { workingHours: (a.minutes + b.minutes) / 60 }).deadline;
        const first = addBusinessDuration(calendar, at, { workingHours: a.workingHours }).deadline;
        expect(addBusinessDuration(calendar, first, { workingHours: b.workingHours }).deadline).toEqual(both);
      }),
    );
  });

  it('gives a later or equal deadline for a later start', () => {
    fc.assert(
      fc.property(from, from, hoursOfMinutes(100 * 60), fc.integer({ min: 1, max: 20 }), (x, y, h, days) => {
        const [early, late] = x <= y ? [x, y] : [y, x];
        for (const d of [{ workingHours: h.workingHours }, { workingDays: days }]) {
          expect(addBusinessDuration(calendar, late, d).deadline.getTime()).toBeGreaterThanOrEqual(
            addBusinessDuration(calendar, early, d).deadline.getTime(),
          );
        }
      }),
    );
  });

  it('measures business time additively and antisymmetrically', () => {
    fc.assert(
      fc.property(from, from, from, (a, b, c) => {
        const ab = businessMinutesBetween(calendar, a, b);
        expect(ab + businessMinutesBetween(calendar, b, c)).toBeCloseTo(businessMinutesBetween(calendar, a, c), 9);
        expect(businessMinutesBetween(calendar, b, a) + ab).toBe(0);
      }),
    );
  });

  it('opens at a working instant, and opening again changes nothing', () => {
    fc.assert(
      fc.property(from, (at) => {
        const opening = nextOpening(calendar, at);
        expect(isWorkingTime(calendar, opening)).toBe(true);
        expect(nextOpening(calendar, opening)).toEqual(opening);
      }),
    );
  });
});

describe.each([
  ['US', US],
  ['DE', DE],
] as const)('working days on %s, where every working day has the same hours', (_, calendar) => {
  it('adds a + b working days as a then b', () => {
    const from = instant('2025-01-02T00:00:00Z', '2027-06-01T00:00:00Z');
    fc.assert(
      fc.property(from, fc.integer({ min: 1, max: 30 }), fc.integer({ min: 1, max: 30 }), (at, a, b) => {
        const both = addBusinessDuration(calendar, at, { workingDays: a + b }).deadline;
        const first = addBusinessDuration(calendar, at, { workingDays: a }).deadline;
        expect(addBusinessDuration(calendar, first, { workingDays: b }).deadline).toEqual(both);
      }),
    );
  });
});

describe('working days across a half day', () => {
  it('do not compose: a deadline cut to the 13:00 close restarts from the next opening', () => {
    const at = new Date('2026-10-27T15:00:00+03:00');
    const first = addBusinessDuration(TR, at, { workingDays: 1 }).deadline; // 28 Oct 13:00, cut short
    expect(addBusinessDuration(TR, first, { workingDays: 1 }).deadline.toISOString()).toBe('2026-11-02T06:00:00.000Z');
    expect(addBusinessDuration(TR, at, { workingDays: 2 }).deadline.toISOString()).toBe('2026-10-30T12:00:00.000Z');
  });
});

/**
 * A slow, independent oracle: walk minute by minute, asking the zone for each minute's local
 * time and the calendar data for that date's hours. The compiled tables must agree with it.
 */
function oracle(calendar: Calendar) {
  const hours = new Map<string, { from: number; to: number }[]>();
  const hoursOn = (date: string) => {
    let h = hours.get(date);
    if (!h) {
      h = dayHoursOf(calendar, date).map((i) => ({ from: toMinutes(i.from), to: toMinutes(i.to) }));
      hours.set(date, h);
    }
    return h;
  };
  const local = (ms: number) => {
    const z = new TZDate(ms, calendar.timeZone);
    const date = `${z.getFullYear()}-${pad(z.getMonth() + 1)}-${pad(z.getDate())}`;
    return { date, minute: z.getHours() * 60 + z.getMinutes() };
  };
  const working = (ms: number) => {
    const { date, minute } = local(ms);
    return hoursOn(date).some((i) => i.from <= minute && minute < i.to);
  };
  return {
    addMinutes(from: number, minutes: number) {
      let t = from;
      while (!working(t)) t += MINUTE;
      const clockStart = t;
      for (let left = minutes; left > 0; t += MINUTE) if (working(t)) left--;
      return { clockStart, deadline: t };
    },
    addDays(from: number, days: number) {
      let t = from;
      while (!working(t)) t += MINUTE;
      const start = local(t);
      let date = start.date;
      for (let left = days; left > 0; ) {
        date = new Date(Date.parse(`${date}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
        if (hoursOn(date).length > 0) left--;
      }
      const target = hoursOn(date);
      const at = target.some((i) => i.from <= start.minute && start.minute <= i.to) ? start.minute : target[target.length - 1]!.to;
      const [y, m, d] = date.split('-').map(Number) as [number, number, number];
      return new TZDate(y, m - 1, d, Math.floor(at / 60), at % 60, calendar.timeZone).getTime();
    },
  };
}

describe.each([
  ['TR', TR],
  ['DE', DE],
] as const)('the compiled %s calendar against a minute-by-minute oracle', (_, calendar) => {
  const ref = oracle(calendar);
  const from = fc.integer({ min: Date.parse('2025-01-01T00:00:00Z') / MINUTE, max: Date.parse('2027-11-01T00:00:00Z') / MINUTE }).map((m) => m * MINUTE);

  it('agrees on working-hours deadlines', () => {
    fc.assert(
      fc.property(from, fc.integer({ min: 1, max: 3 * 540 }), (at, minutes) => {
        const expected = ref.addMinutes(at, minutes);
        const actual = addBusinessDuration(calendar, new Date(at), { workingHours: minutes / 60 });
        expect([actual.clockStart.getTime(), actual.deadline.getTime()]).toEqual([expected.clockStart, expected.deadline]);
      }),
      { numRuns: 60 },
    );
  });

  it('agrees on working-days deadlines', () => {
    fc.assert(
      fc.property(from, fc.integer({ min: 1, max: 15 }), (at, days) => {
        expect(addBusinessDuration(calendar, new Date(at), { workingDays: days }).deadline.getTime()).toBe(ref.addDays(at, days));
      }),
      { numRuns: 200 },
    );
  });
});

function toMinutes(time: string): number {
  return Number(time.slice(0, 2)) * 60 + Number(time.slice(3, 5));
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}
