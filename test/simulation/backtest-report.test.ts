// The backtest's arithmetic on numbers small enough to check by eye.
import { describe, expect, it } from 'vitest';
import { distribution, onTime, shiftMinutes } from '../../simulation/backtest-report.js';
import type { StageEnding } from '../../simulation/recorded-timeline.js';

const ending = (met: boolean, byMinutes: number, outcome: StageEnding['outcome'] = met ? 'met' : 'breached'): StageEnding => ({
  stage: 'investigation', seq: 1, at: '2025-03-03T09:00:00.000Z', outcome, met, byMinutes,
});

describe('deadline shift', () => {
  it('is the difference of the margins: later is positive, earlier negative', () => {
    expect(shiftMinutes(ending(true, 240), ending(false, 300))).toBe(-540); // 4 h before → 5 h after: 9 h earlier
    expect(shiftMinutes(ending(false, 60), ending(true, 120))).toBe(180);
    expect(shiftMinutes(ending(true, 100), ending(true, 100))).toBe(0);
  });

  it('takes nearest-rank percentiles and puts each shift in one bucket', () => {
    // Sorted: -30 -24 -8 -1 -0.5 0 0.5 1 8 24 30 (n = 11): p50 at rank 6 (0), p90 at rank ⌈9.9⌉ = 10 (24).
    const d = distribution([0, 30, -30, 24, -24, 8, -8, 1, -1, 0.5, -0.5]);
    expect(d).toMatchObject({ count: 11, minHours: -30, p50Hours: 0, p90Hours: 24, maxHours: 30, meanHours: 0 });
    expect(d.buckets).toEqual([
      { fromHours: null, toHours: -24, count: 1 }, // -30
      { fromHours: -24, toHours: -8, count: 1 }, // -24
      { fromHours: -8, toHours: -1, count: 1 }, // -8
      { fromHours: -1, toHours: 0, count: 2 }, // -1, -0.5
      { fromHours: 0, toHours: 0, count: 1 },
      { fromHours: 0, toHours: 1, count: 2 }, // 0.5, 1
      { fromHours: 1, toHours: 8, count: 1 }, // 8
      { fromHours: 8, toHours: 24, count: 1 }, // 24
      { fromHours: 24, toHours: null, count: 1 }, // 30
    ]);
  });

  it('has no figures without shifts', () => {
    expect(distribution([])).toMatchObject({ count: 0, minHours: null, p50Hours: null, p90Hours: null, maxHours: null, meanHours: null });
  });
});

describe('on-time rate', () => {
  it('counts met and breached stages, not those a closure cut short', () => {
    expect(onTime([ending(true, 5), ending(false, 5), ending(true, 5), ending(true, 50, 'abandoned')])).toEqual({ met: 2, breached: 1, rate: 2 / 3 });
    expect(onTime([ending(true, 50, 'abandoned')])).toEqual({ met: 0, breached: 0, rate: null });
  });
});
