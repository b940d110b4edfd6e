import { describe, expect, it } from 'vitest';
import { toZonedIso } from '../../../domain/calendar/index.js';
import {
  ClockStateError,
  elapsedMinutes,
  instantAtElapsed,
  pauseClock,
  remainingMinutes,
  resumeClock,
  slaOutcome,
  slaPhaseAt,
  slaStatusAt,
  startClock,
  stopClock,
  type SlaClock,
} from '../../../domain/sla/clock.js';
import { DE, TR } from '../calendar/fixtures.js';

const local = (iso: string) => toZonedIso(TR, new Date(iso));
const times = (clock: SlaClock) => ({ startedAt: local(clock.startedAt), warningAt: local(clock.warningAt), deadline: local(clock.deadline) });

/** Initial review of a complaint received Tue 27 Oct 2026, with 28 Oct a half day and 29 Oct a holiday. */
const review = () => startClock(TR, { at: '2026-10-27T09:00:00+03:00', duration: { workingDays: 2 } });

describe('startClock', () => {
  it('counts 6 working hours over the Ramazan arife and warns at 75% of them', () => {
    const clock = startClock(TR, { at: '2026-03-19T11:00:00+03:00', duration: { workingHours: 6 } });
    expect(times(clock)).toEqual({
      startedAt: '2026-03-19T11:00:00+03:00',
      warningAt: '2026-03-23T11:30:00+03:00',
      deadline: '2026-03-23T13:00:00+03:00',
    });
    expect(clock.targetMinutes).toBe(360);
  });

  it('starts an out-of-hours complaint at the next opening and budgets the working days in minutes', () => {
    const clock = startClock(TR, { at: '2026-11-20T20:00:00+03:00', duration: { workingDays: 2 } });
    expect(clock.receivedAt).toBe('2026-11-20T17:00:00.000Z');
    expect(times(clock)).toEqual({
      startedAt: '2026-11-23T09:00:00+03:00',
      warningAt: '2026-11-24T13:30:00+03:00',
      deadline: '2026-11-25T09:00:00+03:00',
    });
    expect(clock.targetMinutes).toBe(1080);
  });

  it('warns at a configured share of the business time', () => {
    const clock = startClock(TR, { at: '2026-11-23T09:00:00+03:00', duration: { workingHours: 8 }, warnAtShare: 0.5 });
    expect(local(clock.warningAt)).toBe('2026-11-23T13:00:00+03:00');
  });

  it.each([0, 1.5, Number.NaN])('refuses a warning share of %s', (warnAtShare) => {
    expect(() => startClock(TR, { at: '2026-11-23T09:00:00+03:00', duration: { workingHours: 8 }, warnAtShare })).toThrow(RangeError);
  });

  it('is plain JSON that survives a round trip', () => {
    const clock = pauseClock(review(), '2026-10-28T11:00:00+03:00');
    expect(JSON.parse(JSON.stringify(clock))).toEqual(clock);
  });
});

describe('pause and resume', () => {
  const paused = () => pauseClock(review(), '2026-10-28T11:00:00+03:00');
  const resumed = () => resumeClock(TR, paused(), '2026-10-30T10:00:00+03:00');

  it('pushes the deadline by the paused business time across a half day and a holiday', () => {
    expect(local(review().deadline)).toBe('2026-10-30T09:00:00+03:00');
    const clock = resumed();
    expect(clock.pauses).toEqual([{ from: '2026-10-28T08:00:00.000Z', to: '2026-10-30T07:00:00.000Z', businessMinutes: 180 }]);
    expect(local(clock.deadline)).toBe('2026-10-30T12:00:00+03:00');
  });

  it('leaves a warning point that had already passed where it was', () => {
    expect(local(resumed().warningAt)).toBe(local(review().warningAt));
    expect(local(review().warningAt)).toBe('2026-10-28T09:45:00+03:00');
  });

  it('pushes a warning point and deadline still ahead by a whole working day', () => {
    const clock = startClock(TR, { at: '2026-11-23T09:00:00+03:00', duration: { workingHours: 8 } });
    const after = resumeClock(TR, pauseClock(clock, '2026-11-23T10:00:00+03:00'), '2026-11-24T10:00:00+03:00');
    expect(times(after)).toEqual({
      startedAt: '2026-11-23T09:00:00+03:00',
      warningAt: '2026-11-24T15:00:00+03:00',
      deadline: '2026-11-24T17:00:00+03:00',
    });
  });

  it('moves nothing for a pause that lies wholly out of hours', () => {
    const clock = startClock(TR, { at: '2026-11-20T10:00:00+03:00', duration: { workingHours: 8 } });
    const after = resumeClock(TR, pauseClock(clock, '2026-11-21T10:00:00+03:00'), '2026-11-22T10:00:00+03:00');
    expect(after.pauses[0]!.businessMinutes).toBe(0);
    expect(after.deadline).toBe(clock.deadline);
  });

  it('does not move a deadline already passed when the pause began', () => {
    const clock = startClock(TR, { at: '2026-11-23T09:00:00+03:00', duration: { workingHours: 2 } });
    const after = resumeClock(TR, pauseClock(clock, '2026-11-23T15:00:00+03:00'), '2026-11-24T10:00:00+03:00');
    expect(after.deadline).toBe(clock.deadline);
  });

  it('places a future point so that later pauses carry it along', () => {
    const clock = startClock(TR, { at: '2026-11-23T09:00:00+03:00', duration: { workingHours: 8 } });
    const after = resumeClock(TR, pauseClock(clock, '2026-11-23T10:00:00+03:00'), '2026-11-24T10:00:00+03:00');
    expect(instantAtElapsed(TR, after, after.targetMinutes).toISOString()).toBe(after.deadline);
  });
});

describe('elapsed and remaining business time', () => {
  it.each([
    ['before the clock starts', review(), '2026-10-26T12:00:00+03:00', 0, 780],
    ['on the first morning', review(), '2026-10-27T12:00:00+03:00', 180, 600],
    ['frozen during a pause over the holiday', pauseClock(review(), '2026-10-28T11:00:00+03:00'), '2026-10-29T12:00:00+03:00', 660, 120],
    ['after a resume, net of the pause', resumeClock(TR, pauseClock(review(), '2026-10-28T11:00:00+03:00'), '2026-10-30T10:00:00+03:00'), '2026-10-30T11:00:00+03:00', 720, 60],
    ['negative remaining once overdue', review(), '2026-10-30T10:00:00+03:00', 840, -60],
  ] as const)('%s', (_, clock, at, elapsed, remaining) => {
    expect(elapsedMinutes(TR, clock, at)).toBe(elapsed);
    expect(remainingMinutes(TR, clock, at)).toBe(remaining);
  });

  it('refuses a clock from another calendar', () => {
    expect(() => elapsedMinutes(DE, review(), '2026-10-28T11:00:00+03:00')).toThrow(/runs on calendar TR/);
  });
});

describe('the phase of a clock', () => {
  const clock = startClock(TR, { at: '2026-11-23T09:00:00+03:00', duration: { workingHours: 8 } });

  it.each([
    ['running before the warning point', clock, '2026-11-23T14:59:00+03:00', 'running'],
    ['warning from the warning point', clock, '2026-11-23T15:00:00+03:00', 'warning'],
    ['breached from the deadline', clock, '2026-11-23T17:00:00+03:00', 'breached'],
    ['paused while paused', pauseClock(clock, '2026-11-23T16:00:00+03:00'), '2026-11-24T17:00:00+03:00', 'paused'],
    ['stopped once stopped', stopClock(TR, clock, '2026-11-23T16:00:00+03:00'), '2026-11-24T17:00:00+03:00', 'stopped'],
  ] as const)('is %s', (_, c, at, phase) => {
    expect(slaPhaseAt(c, at)).toBe(phase);
    expect(slaStatusAt(TR, c, at).phase).toBe(phase);
  });
});

describe('stopping the clock', () => {
  const afterPause = () => resumeClock(TR, pauseClock(review(), '2026-10-28T11:00:00+03:00'), '2026-10-30T10:00:00+03:00');

  it.each([
    ['met with business time to spare', '2026-10-30T11:30:00+03:00', { met: true, byMinutes: 30 }],
    ['met exactly at the deadline', '2026-10-30T12:00:00+03:00', { met: true, byMinutes: 0 }],
    ['breached by the business time over', '2026-10-30T13:00:00+03:00', { met: false, byMinutes: 60 }],
    ['breached by business time only, not the nights between', '2026-11-02T10:00:00+03:00', { met: false, byMinutes: 420 }],
  ] as const)('judges a stage %s', (_, at, outcome) => {
    expect(slaOutcome(TR, stopClock(TR, afterPause(), at))).toEqual(outcome);
  });

  it('closes an open pause at the stop', () => {
    const clock = stopClock(TR, pauseClock(review(), '2026-10-28T11:00:00+03:00'), '2026-10-30T10:00:00+03:00');
    expect(clock.pausedAt).toBeNull();
    expect(clock.pauses).toHaveLength(1);
    expect(slaOutcome(TR, clock)).toEqual({ met: true, byMinutes: 120 });
  });

  it('freezes elapsed time at the stop', () => {
    const clock = stopClock(TR, review(), '2026-10-27T12:00:00+03:00');
    expect(elapsedMinutes(TR, clock, '2026-12-01T12:00:00+03:00')).toBe(180);
  });
});

describe('operations that do not fit the clock’s state', () => {
  const clock = review();

  it.each([
    ['pausing a paused clock', () => pauseClock(pauseClock(clock, '2026-10-27T10:00:00+03:00'), '2026-10-27T11:00:00+03:00'), ClockStateError],
    ['resuming a running clock', () => resumeClock(TR, clock, '2026-10-27T11:00:00+03:00'), ClockStateError],
    ['resuming before the pause', () => resumeClock(TR, pauseClock(clock, '2026-10-27T10:00:00+03:00'), '2026-10-27T09:30:00+03:00'), RangeError],
    ['pausing before the stage began', () => pauseClock(clock, '2026-10-26T10:00:00+03:00'), RangeError],
    ['stopping twice', () => stopClock(TR, stopClock(TR, clock, '2026-10-27T10:00:00+03:00'), '2026-10-27T11:00:00+03:00'), ClockStateError],
    ['judging a running clock', () => slaOutcome(TR, clock), ClockStateError],
  ] as const)('refuses %s', (_, call, error) => {
    expect(call).toThrow(error);
  });
});
