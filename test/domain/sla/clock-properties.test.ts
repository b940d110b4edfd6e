import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { BusinessDuration } from '../../../domain/business-duration.js';
import { elapsedMinutes, pauseClock, resumeClock, startClock, type SlaClock } from '../../../domain/sla/clock.js';
import { TR } from '../calendar/fixtures.js';

const HOUR = 3_600_000;
const start = fc.integer({ min: Date.parse('2025-01-02T00:00:00Z'), max: Date.parse('2027-06-01T00:00:00Z') });
const duration = fc.oneof(
  fc.integer({ min: 1, max: 80 * 60 }).map((m) => ({ workingHours: m / 60 })),
  fc.integer({ min: 1, max: 10 }).map((d) => ({ workingDays: d })),
);
/** Pauses as [gap before, length] in calendar hours, applied one after another. */
const pauses = fc.array(fc.tuple(fc.integer({ min: 0, max: 60 * HOUR }), fc.integer({ min: 0, max: 60 * HOUR })), { maxLength: 4 });

function withPauses(from: number, d: BusinessDuration, spans: [number, number][]): SlaClock {
  let clock = startClock(TR, { at: from, duration: d });
  let t = from;
  for (const [gap, length] of spans) {
    t += gap;
    clock = pauseClock(clock, t);
    t += length;
    clock = resumeClock(TR, clock, t);
  }
  return clock;
}

describe('the SLA clock under any pauses', () => {
  it('has counted exactly its budget at the deadline, and the warning share at the warning point', () => {
    fc.assert(
      fc.property(start, duration, pauses, (from, d, spans) => {
        const clock = withPauses(from, d, spans);
        // Instants are whole milliseconds, so a share of the budget lands within a millisecond
        // (1.7e-5 minutes); 4 decimals allows 5e-5.
        expect(elapsedMinutes(TR, clock, clock.deadline)).toBeCloseTo(clock.targetMinutes, 4);
        expect(elapsedMinutes(TR, clock, clock.warningAt)).toBeCloseTo(clock.targetMinutes * 0.75, 4);
      }),
    );
  });

  it('never counts backwards', () => {
    fc.assert(
      fc.property(start, duration, pauses, fc.array(fc.integer({ min: 0, max: 400 * HOUR }), { minLength: 2, maxLength: 6 }), (from, d, spans, offsets) => {
        const clock = withPauses(from, d, spans);
        const readings = [...offsets].sort((a, b) => a - b).map((o) => elapsedMinutes(TR, clock, from + o));
        readings.slice(1).forEach((r, i) => expect(r).toBeGreaterThanOrEqual(readings[i]!));
      }),
    );
  });
});
