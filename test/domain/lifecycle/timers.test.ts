// The timers' meaning, without Temporal: which event is due when, in what order, and when to wake.
import { describe, expect, it } from 'vitest';
import { carriedTimers, deadlinesOf, escalationEvents, nextDueEvent, nextWakeAt, type Timers } from '../../../domain/lifecycle/timers.js';
import type { EscalationStep } from '../../../domain/sla/escalation-steps.js';

const at = (hour: number) => `2026-12-01T${String(hour).padStart(2, '0')}:00:00.000Z`;
const timers = (over: Partial<Timers>): Timers => ({ ...carriedTimers(undefined), ...over });
const breach = (n: number): EscalationStep => ({ kind: 'breach', at: at(n), breach: n, notify: [], escalate: true, rearmAfter: null });

describe('nextDueEvent', () => {
  const answer = { round: 1, reminderAt: at(10), deadline: at(12), reminded: false };
  it('reminds at the reminder point and marks the reminder sent', () => {
    const due = nextDueEvent(timers({ answer }), at(11))!;
    expect(due.event).toEqual({ type: 'answer_reminder_due', round: 1 });
    expect(due.timers.answer).toMatchObject({ reminded: true });
    expect(nextDueEvent(due.timers, at(11))).toBeNull();
  });

  it('skips a reminder whose deadline has passed too, and times the answer out', () => {
    const due = nextDueEvent(timers({ answer }), at(13))!;
    expect(due.event).toEqual({ type: 'customer_answer_timed_out', round: 1 });
    expect(due.timers.answer).toBeNull();
  });

  it('takes the answer, then the question, then the progress update, one at a time', () => {
    let t = timers({ answer, info: { requestId: 'info-1', reminderAt: at(9), deadline: at(10), reminded: false }, progressDueAt: at(8) });
    const order: string[] = [];
    for (let due = nextDueEvent(t, at(13)); due; due = nextDueEvent(t, at(13))) {
      order.push(due.event.type);
      t = due.timers;
    }
    expect(order).toEqual(['customer_answer_timed_out', 'info_answer_timed_out', 'progress_update_due']);
  });

  it('has nothing due before any instant', () => {
    expect(nextDueEvent(timers({ answer, progressDueAt: at(20) }), at(9))).toBeNull();
  });
});

describe('escalationEvents', () => {
  it('collapses breaches that came due together into the last one', () => {
    expect(escalationEvents('investigation', [breach(1), breach(2), breach(3)], true)).toEqual([
      { type: 'deadline_breached', stage: 'investigation', breachCount: 3 },
    ]);
  });

  it('keeps every step for histories recorded before the collapse', () => {
    expect(escalationEvents('investigation', [breach(1), breach(2)], false).map((e) => e.type)).toEqual(['deadline_breached', 'deadline_breached']);
  });

  it('passes a warning on as it is', () => {
    expect(escalationEvents('initialReview', [{ kind: 'warning', at: at(9), notify: ['assignee'] }], true)).toEqual([
      { type: 'deadline_warning', stage: 'initialReview' },
    ]);
  });
});

describe('nextWakeAt and deadlinesOf', () => {
  it('wakes for the earliest pending instant, the deadline once the reminder was sent', () => {
    const t = timers({ answer: { round: 1, reminderAt: at(10), deadline: at(12), reminded: true }, progressDueAt: at(14) });
    expect(nextWakeAt(t, at(11))).toBe(Date.parse(at(12)));
    expect(nextWakeAt(carriedTimers(undefined), at(11))).toBeUndefined();
  });

  it('reads a run carried from before questions had deadlines as having none', () => {
    const old = carriedTimers({ stage: null, answer: null, progressDueAt: at(9) });
    expect(old.info).toBeNull();
    expect(deadlinesOf(old, at(8))).toMatchObject({ info: null, progressUpdateAt: at(9), stage: null });
  });
});
