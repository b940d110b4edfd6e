import { describe, expect, it } from 'vitest';
import { toZonedIso } from '../../../domain/calendar/index.js';
import { pauseClock, resumeClock, startClock, stopClock } from '../../../domain/sla/clock.js';
import {
  applyEscalationStep,
  DEFAULT_ESCALATION_POLICY,
  escalationPolicySchema,
  nextEscalationStep,
  startEscalation,
  type EscalationPolicy,
} from '../../../domain/sla/escalation.js';
import { rescheduleEscalation, runDueEscalations } from '../../../domain/sla/escalation-run.js';
import { TR } from '../calendar/fixtures.js';

const local = (iso: string) => toZonedIso(TR, new Date(iso));
const policy = DEFAULT_ESCALATION_POLICY;
/** 8 working hours from Mon 23 Nov 2026 09:00: warning at 15:00, deadline at 17:00. */
const clock = startClock(TR, { at: '2026-11-23T09:00:00+03:00', duration: { workingHours: 8 } });

describe('escalationPolicySchema', () => {
  it('accepts the default chain', () => {
    expect(escalationPolicySchema.parse(policy)).toEqual(policy);
  });

  it.each([
    ['a notified level not in the chain', { ...policy, onBreach: [{ notify: ['assignee', 'ceo'], escalate: true }] }, 'onBreach.0.notify.1'],
    ['a level listed twice', { ...policy, levels: ['assignee', 'teamLead', 'assignee'] }, 'levels.2'],
    ['a display name as a level id', { ...policy, levels: ['Team Lead'] }, 'levels.0'],
    ['no breach step', { ...policy, onBreach: [] }, 'onBreach'],
    ['a re-arm without its unit', { ...policy, onBreach: [{ notify: [], escalate: true, rearmAfter: { hours: 4 } }] }, 'onBreach.0.rearmAfter'],
    ['a warning that notifies nobody', { ...policy, onWarning: { notify: [] } }, 'onWarning.notify'],
  ] as const)('rejects %s at its exact path', (_, input, path) => {
    const result = escalationPolicySchema.safeParse(input);
    expect(result.success).toBe(false);
    expect(result.error!.issues.map((i) => i.path.join('.'))).toContain(path);
  });
});

describe('nextEscalationStep', () => {
  it('names the warning and when it falls, not yet due', () => {
    expect(nextEscalationStep(policy, clock, startEscalation(), '2026-11-23T10:00:00+03:00')).toEqual({
      step: { kind: 'warning', at: clock.warningAt, notify: ['assignee'] },
      due: false,
    });
  });

  it('says the warning is due from the warning point', () => {
    expect(nextEscalationStep(policy, clock, startEscalation(), clock.warningAt)?.due).toBe(true);
  });

  it('names the first breach at the deadline once the warning has fired', () => {
    const warned = { ...startEscalation(), warned: true };
    expect(nextEscalationStep(policy, clock, warned, '2026-11-23T15:30:00+03:00')).toEqual({
      step: { kind: 'breach', at: clock.deadline, breach: 1, notify: ['assignee', 'teamLead'], escalate: true, rearmAfter: { workingHours: 4 } },
      due: false,
    });
  });

  it('skips a warning that was missed when the breach is already due', () => {
    expect(nextEscalationStep(policy, clock, startEscalation(), clock.deadline)?.step.kind).toBe('breach');
  });

  it('goes straight to the breach for a policy without a warning', () => {
    const { onWarning: _, ...noWarning } = policy;
    expect(nextEscalationStep(noWarning, clock, startEscalation(), '2026-11-23T10:00:00+03:00')?.step.kind).toBe('breach');
  });

  it.each([
    ['paused', pauseClock(clock, '2026-11-23T10:00:00+03:00')],
    ['stopped', stopClock(TR, clock, '2026-11-23T10:00:00+03:00')],
  ] as const)('has nothing due while the clock is %s', (_, c) => {
    expect(nextEscalationStep(policy, c, startEscalation(), '2026-11-30T10:00:00+03:00')).toBeNull();
  });

  it('has nothing due once a step without a re-arm has fired', () => {
    const once: EscalationPolicy = { levels: ['assignee', 'teamLead'], onBreach: [{ notify: ['teamLead'], escalate: true }] };
    const next = nextEscalationStep(once, clock, startEscalation(), clock.deadline)!;
    const state = applyEscalationStep(once, startEscalation(), next.step);
    expect(state).toMatchObject({ ended: true, breaches: 1 });
    expect(nextEscalationStep(once, clock, state, '2026-12-01T10:00:00+03:00')).toBeNull();
  });

  it('refuses to fire a re-arming breach without knowing when the next one falls', () => {
    const next = nextEscalationStep(policy, clock, { ...startEscalation(), warned: true }, clock.deadline)!;
    expect(() => applyEscalationStep(policy, startEscalation(), next.step)).toThrow(/needs the next breach instant/);
  });
});

describe('runDueEscalations', () => {
  it('fires the warning at the warning point and then waits for the deadline', () => {
    const run = runDueEscalations(TR, policy, clock, startEscalation(), '2026-11-23T15:00:00+03:00');
    expect(run.fired.map((s) => s.kind)).toEqual(['warning']);
    expect(run.next).toMatchObject({ due: false, step: { kind: 'breach', breach: 1, at: clock.deadline } });
  });

  it('fires one escalating breach per re-arm period, placed in business time', () => {
    const run = runDueEscalations(TR, policy, clock, startEscalation(), '2026-11-24T12:00:00+03:00');
    expect(run.fired.map((s) => (s.kind === 'breach' ? [s.breach, local(s.at), s.escalate] : s.kind))).toEqual([
      [1, '2026-11-23T17:00:00+03:00', true],
      [2, '2026-11-24T12:00:00+03:00', true],
    ]);
    expect(run.next).toMatchObject({ due: false, step: { kind: 'breach', breach: 3, escalate: true } });
    expect(local(run.next!.step.at)).toBe('2026-11-25T12:00:00+03:00');
  });

  it('repeats a re-arming last step (the reducer keeps ownership at the top of the chain)', () => {
    const run = runDueEscalations(TR, policy, clock, startEscalation(), '2026-11-27T12:00:00+03:00');
    expect(run.fired.map((s) => (s.kind === 'breach' ? [s.breach, local(s.at), s.escalate] : s.kind))).toEqual([
      [1, '2026-11-23T17:00:00+03:00', true],
      [2, '2026-11-24T12:00:00+03:00', true],
      [3, '2026-11-25T12:00:00+03:00', true],
      [4, '2026-11-26T12:00:00+03:00', true],
      [5, '2026-11-27T12:00:00+03:00', true],
    ]);
    expect(run.state).toMatchObject({ breaches: 5, ended: false });
  });

  it('moves a re-armed breach by the business time of a later pause', () => {
    const afterFirst = runDueEscalations(TR, policy, clock, startEscalation(), '2026-11-24T09:30:00+03:00');
    expect(local(afterFirst.next!.step.at)).toBe('2026-11-24T12:00:00+03:00');
    const resumed = resumeClock(TR, pauseClock(clock, '2026-11-24T10:00:00+03:00'), '2026-11-24T11:00:00+03:00');
    const state = rescheduleEscalation(TR, resumed, afterFirst.state);
    expect(local(nextEscalationStep(policy, resumed, state, '2026-11-24T11:00:00+03:00')!.step.at)).toBe('2026-11-24T13:00:00+03:00');
  });

  it('is a plain JSON state that can travel in a workflow', () => {
    const { state } = runDueEscalations(TR, policy, clock, startEscalation(), '2026-11-24T12:00:00+03:00');
    expect(JSON.parse(JSON.stringify(state))).toEqual(state);
  });
});
