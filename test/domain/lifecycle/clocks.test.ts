// Clocks: the stage clock pauses while the customer owes information, warnings and breaches climb
// the escalation chain, silence triggers progress updates, and stale timer events are GONE.
import { describe, expect, it } from 'vitest';
import { stageDuration, type LifecycleEvent } from '../../../domain/lifecycle/index.js';
import {
  answer,
  decide,
  definition,
  effectsOfKind,
  reach,
  refuse,
  run,
  SAMPLE_DECISIONS,
  start,
  step,
  system,
} from './fixtures.js';

const toStaff = (template: string, recipient: object) =>
  expect.objectContaining({ kind: 'notify_staff', template, recipient });

describe('when the customer owes information', () => {
  it('pauses the stage clock, then resumes it and returns to the status it came from', () => {
    const asked = step(reach('investigating'), decide(SAMPLE_DECISIONS.request_info));
    expect(asked.state).toMatchObject({
      status: 'awaiting_customer',
      stage: { id: 'investigation', pausedAt: expect.any(String) },
      pendingInfoRequest: { requestId: 'info-1', returnTo: 'investigating' },
    });
    expect(asked.effects).toEqual([
      { kind: 'pause_stage_clock', stage: 'investigation' },
      expect.objectContaining({ kind: 'notify_customer', template: 'info_requested' }),
      { kind: 'issue_response_link', purpose: 'info_request', requestId: 'info-1' },
      { kind: 'start_info_clock', requestId: 'info-1', deadline: { workingDays: 10 }, reminderAtShare: 0.5 },
      { kind: 'stop_progress_timer' },
    ]);

    const answered = step(asked.state, answer({ type: 'customer_answered_info', requestId: 'info-1', text: 'Photo attached.' }));
    expect(answered.state).toMatchObject({ status: 'investigating', stage: { pausedAt: null }, pendingInfoRequest: null });
    expect(answered.effects).toEqual([
      { kind: 'resume_stage_clock', stage: 'investigation' },
      { kind: 'stop_info_clock', requestId: 'info-1' },
      { kind: 'revoke_response_links' },
      toStaff('customer_answered_info', { kind: 'user', userId: 'agent-7' }),
      { kind: 'restart_progress_timer', every: { workingDays: 5 } },
    ]);
  });

  it('numbers requests so an old link is GONE and an unknown id is VALIDATION_FAILED', () => {
    const first = run(reach('investigating'), [
      decide(SAMPLE_DECISIONS.request_info),
      answer({ type: 'customer_answered_info', requestId: 'info-1', text: 'Here.' }),
      decide(SAMPLE_DECISIONS.request_info),
    ]);
    expect(first.pendingInfoRequest?.requestId).toBe('info-2');
    expect(refuse(first, answer({ type: 'customer_answered_info', requestId: 'info-1', text: 'Again.' })).code).toBe('GONE');
    expect(refuse(first, answer({ type: 'customer_answered_info', requestId: 'info-7', text: '?' }))).toMatchObject({
      code: 'VALIDATION_FAILED',
      details: [{ path: 'requestId' }],
    });
  });

  it('returns a queued complaint to in_review when someone takes it while waiting', () => {
    const waiting = run(reach('acknowledged'), [decide(SAMPLE_DECISIONS.request_info), decide(SAMPLE_DECISIONS.assign)]);
    const back = step(waiting, answer({ type: 'customer_answered_info', requestId: 'info-1', text: 'Here.' }));
    expect(back.state.status).toBe('in_review');
  });
});

describe('stage durations', () => {
  it('adds the conclusion to investigation and reinvestigation only, in their unit', () => {
    const inHours = {
      ...definition,
      stages: {
        ...definition.stages,
        investigation: { ...definition.stages.investigation, deadline: { workingHours: 30 } },
        conclusion: { deadline: { workingHours: 6 } },
      },
    };
    expect(stageDuration('investigation', inHours)).toEqual({ workingHours: 36 });
    expect(stageDuration('reinvestigation', definition)).toEqual({ workingDays: 5 });
    expect(stageDuration('initialReview', definition)).toEqual({ workingDays: 2 });
  });
});

describe('when a stage deadline approaches and passes', () => {
  it('warns the levels the policy names on warning', () => {
    const { state, effects } = step(reach('investigating'), system({ type: 'deadline_warning', stage: 'investigation' }));
    expect(state.stage?.warned).toBe(true);
    expect(effects).toEqual([
      toStaff('deadline_warning', { kind: 'escalation_level', level: 'assignee' }),
    ]);
  });

  it('climbs one level per breach, notifying each step, and stays at the top', () => {
    const breach = (breachCount: number): LifecycleEvent =>
      system({ type: 'deadline_breached', stage: 'investigation', breachCount });
    const first = step(reach('investigating'), breach(1));
    expect(first.state.escalation).toEqual({ stage: 'investigation', level: 1 });
    expect(effectsOfKind(first.effects, 'notify_staff').map((e) => e.recipient)).toEqual([
      { kind: 'escalation_level', level: 'assignee' },
      { kind: 'escalation_level', level: 'teamLead' },
    ]);
    const fifth = run(first.state, [breach(2), breach(3), breach(4), breach(5)]);
    expect(fifth.escalation.level).toBe(3);
    expect(fifth.counters).toMatchObject({ breaches: 5, escalations: 5 });
  });

  it('collapses breach steps missed during an outage into one breach at the level now due', () => {
    const late = step(reach('investigating'), system({ type: 'deadline_breached', stage: 'investigation', breachCount: 3 }));
    expect(late.state.escalation).toEqual({ stage: 'investigation', level: 3 });
    expect(late.state.counters).toMatchObject({ breaches: 1, escalations: 3 });
    // Only the third step's recipients hear of it, once each: no burst of stale alerts.
    expect(effectsOfKind(late.effects, 'notify_staff').map((e) => e.recipient)).toEqual([
      { kind: 'escalation_level', level: 'complaintsManager' },
      { kind: 'escalation_level', level: 'director' },
    ]);
    expect(effectsOfKind(late.effects, 'notify_staff')[0]!.params).toMatchObject({ breachCount: 3, owner: 'director' });
  });

  it('stops a breached stage as not abandoned (the clock judges it), and starts the next one at the first level', () => {
    const late = step(reach('in_review'), system({ type: 'deadline_breached', stage: 'initialReview', breachCount: 1 })).state;
    const { state, effects } = step(late, decide(SAMPLE_DECISIONS.classify));
    expect(effects).toContainEqual({ kind: 'stop_stage_clock', stage: 'initialReview', abandoned: false });
    expect(state.escalation).toEqual({ stage: 'investigation', level: 0 });
  });

  it('lets an agent escalate by hand, one level at a time', () => {
    const { state, effects } = step(reach('investigating'), decide(SAMPLE_DECISIONS.escalate));
    expect(state.escalation.level).toBe(1);
    expect(effects).toEqual([
      toStaff('complaint_escalated', { kind: 'escalation_level', level: 'teamLead' }),
    ]);
  });

  it('abandons the running clock when the complaint is withdrawn', () => {
    const { effects } = step(reach('investigating'), decide(SAMPLE_DECISIONS.withdraw));
    expect(effects).toContainEqual({ kind: 'stop_stage_clock', stage: 'investigation', abandoned: true });
    expect(effects).toContainEqual({ kind: 'stop_progress_timer' });
  });
});

describe('when the customer hears nothing for a while', () => {
  it('sends a progress update and restarts the silence timer', () => {
    const { effects } = step(reach('investigating'), system({ type: 'progress_update_due' }));
    expect(effects).toEqual([
      expect.objectContaining({ kind: 'notify_customer', template: 'progress_update' }),
      { kind: 'restart_progress_timer', every: { workingDays: 5 } },
    ]);
  });
});

describe('stale timer events are GONE', () => {
  const awaiting = () => reach('awaiting_customer');
  const warned = () => step(reach('investigating'), system({ type: 'deadline_warning', stage: 'investigation' })).state;
  const breached = () =>
    step(reach('investigating'), system({ type: 'deadline_breached', stage: 'investigation', breachCount: 2 })).state;
  it.each([
    ['acknowledgement_sent after a manual acknowledgement', () => reach('acknowledged'), { type: 'acknowledgement_sent' }],
    ['a warning for a stage that is over', () => reach('investigating'), { type: 'deadline_warning', stage: 'initialReview' }],
    ['a second warning', warned, { type: 'deadline_warning', stage: 'investigation' }],
    ['a warning while the clock is paused', awaiting, { type: 'deadline_warning', stage: 'investigation' }],
    ['a breach already counted', breached, { type: 'deadline_breached', stage: 'investigation', breachCount: 2 }],
    ['a breach while the clock is paused', awaiting, { type: 'deadline_breached', stage: 'investigation', breachCount: 1 }],
    ['a breach after closure', () => reach('closed'), { type: 'deadline_breached', stage: 'investigation', breachCount: 1 }],
    ['a timeout for an answered round', () => reach('reinvestigating'), { type: 'customer_answer_timed_out', round: 1 }],
    ['a reminder for an answered round', () => reach('closed'), { type: 'answer_reminder_due', round: 1 }],
    ['a progress update while a proposal waits', () => reach('resolution_proposed'), { type: 'progress_update_due' }],
    ['a progress update before acknowledgement', () => start(), { type: 'progress_update_due' }],
  ] as const)('%s', (_name, from, event) => {
    expect(refuse(from(), system(event)).code).toBe('GONE');
  });
});
