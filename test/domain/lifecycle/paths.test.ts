// Whole journeys through the reducer, as the seeds describe them: accept in round 1, reject once,
// reject twice and go outside, and a proposal that gets no answer.
import { describe, expect, it } from 'vitest';
import { advance, initialEffects } from '../../../domain/lifecycle/index.js';
import {
  answer,
  decide,
  definition,
  effectsOfKind,
  reach,
  refuse,
  SAMPLE_DECISIONS,
  start,
  step,
  system,
} from './fixtures.js';

describe('registration and acknowledgement', () => {
  it('starts the acknowledgement clock and sends the acknowledgement when the customer can be reached', () => {
    const state = start({ phone: '+90 532 000 00 00' });
    expect(state).toMatchObject({ status: 'received', stage: { id: 'acknowledgement' }, round: 0 });
    expect(initialEffects(state, definition)).toEqual([
      expect.objectContaining({ kind: 'start_stage_clock', stage: 'acknowledgement', duration: { workingHours: 6 } }),
      { kind: 'send_acknowledgement' },
    ]);
  });

  it('leaves the acknowledgement to an agent when the customer has neither e-mail nor phone', () => {
    const state = start({});
    expect(effectsOfKind(initialEffects(state, definition), 'send_acknowledgement')).toEqual([]);
    const { state: next, effects } = step(state, decide(SAMPLE_DECISIONS.acknowledge));
    expect(next.status).toBe('acknowledged');
    expect(effects).toEqual([
      { kind: 'stop_stage_clock', stage: 'acknowledgement', abandoned: false },
      expect.objectContaining({ kind: 'start_stage_clock', stage: 'initialReview', duration: { workingDays: 2 } }),
      { kind: 'restart_progress_timer', every: { workingDays: 5 } },
    ]);
  });

  it('goes straight to in_review when someone took the complaint before it was acknowledged', () => {
    const assigned = step(start(), decide(SAMPLE_DECISIONS.assign)).state;
    expect(step(assigned, system({ type: 'acknowledgement_sent' })).state.status).toBe('in_review');
  });
});

describe('when the customer accepts the first proposal', () => {
  it('closes as accepted and asks for a satisfaction survey', () => {
    const investigating = reach('investigating');
    expect(investigating).toMatchObject({ stage: { id: 'investigation' }, classification: { department: 'after_sales' } });

    const proposed = step(investigating, decide(SAMPLE_DECISIONS.propose_resolution));
    expect(proposed.state).toMatchObject({ status: 'resolution_proposed', round: 1, stage: null });
    expect(proposed.effects).toEqual([
      { kind: 'stop_stage_clock', stage: 'investigation', abandoned: false },
      expect.objectContaining({ kind: 'notify_customer', template: 'resolution_proposed' }),
      { kind: 'issue_response_link', purpose: 'resolution', round: 1 },
      { kind: 'start_answer_clock', round: 1, deadline: { workingDays: 10 }, reminderAtShare: 0.5 },
      { kind: 'stop_progress_timer' },
    ]);

    const accepted = step(proposed.state, answer({ type: 'customer_accepted', round: 1 }));
    expect(accepted.state).toMatchObject({ status: 'closed', closure: 'accepted' });
    expect(accepted.state.proposals[0]?.answer?.outcome).toBe('accepted');
    expect(accepted.effects.map((e) => e.kind)).toEqual([
      'stop_answer_clock',
      'notify_staff',
      'revoke_response_links',
      'notify_customer',
      'request_satisfaction_survey',
    ]);
  });

  it('gives the investigation clock the investigation plus the conclusion deadline', () => {
    const { effects } = step(reach('in_review'), decide(SAMPLE_DECISIONS.classify));
    expect(effectsOfKind(effects, 'start_stage_clock')).toEqual([
      expect.objectContaining({ stage: 'investigation', duration: { workingDays: 5 }, warnAtShare: 0.75 }),
    ]);
  });
});

describe('when the customer rejects once and accepts the second proposal', () => {
  it('reinvestigates, proposes round 2 and closes as accepted', () => {
    const rejected = step(reach('resolution_proposed'), answer({ type: 'customer_rejected', round: 1, reason: 'Too slow.' }));
    expect(rejected.state).toMatchObject({ status: 'reinvestigating', round: 1, stage: { id: 'reinvestigation' } });
    expect(rejected.state.proposals[0]?.answer).toMatchObject({ outcome: 'rejected', reason: 'Too slow.' });
    expect(rejected.effects).toEqual(
      expect.arrayContaining([
        { kind: 'stop_answer_clock', round: 1 },
        expect.objectContaining({ kind: 'start_stage_clock', stage: 'reinvestigation', duration: { workingDays: 5 } }),
        expect.objectContaining({ kind: 'notify_customer', template: 'reinvestigation_started' }),
        { kind: 'restart_progress_timer', every: { workingDays: 5 } },
      ]),
    );

    const replacement = { type: 'propose_resolution', outcome: 'upheld', summary: 'A new machine.', remedy: 'replacement' } as const;
    const proposed = step(rejected.state, decide(replacement));
    expect(proposed.state).toMatchObject({ status: 'resolution_proposed', round: 2 });
    expect(effectsOfKind(proposed.effects, 'issue_response_link')).toEqual([
      { kind: 'issue_response_link', purpose: 'resolution', round: 2 },
    ]);

    const accepted = step(proposed.state, answer({ type: 'customer_accepted', round: 2 }));
    expect(accepted.state).toMatchObject({ status: 'closed', closure: 'accepted' });
    expect(accepted.state.proposals.map((p) => p.answer?.outcome)).toEqual(['rejected', 'accepted']);
  });
});

describe('when the customer rejects twice', () => {
  it('stays open, informs about external remedies in Turkish, and closes on the external decision', () => {
    const open = reach('open_external');
    expect(open).toMatchObject({ status: 'open_external', closure: null, round: 2, counters: { rejections: 2 } });

    const reinvestigating = reach('reinvestigating');
    const proposed = step(reinvestigating, decide(SAMPLE_DECISIONS.propose_resolution)).state;
    const { effects } = step(proposed, answer({ type: 'customer_rejected', round: 2, reason: 'Still broken.' }));
    const [inform] = effectsOfKind(effects, 'inform_external_remedies');
    expect(inform).toMatchObject({ country: 'TR', locale: 'tr' });
    expect(inform?.remedies.map((r) => r.name)).toEqual(['Tüketici Hakem Heyetleri', 'Tüketici Mahkemeleri']);

    const closed = step(open, decide(SAMPLE_DECISIONS.record_external_outcome));
    expect(closed.state).toMatchObject({
      status: 'closed',
      closure: 'external_decision',
      externalOutcome: { bodyReference: '2026/1234', decision: 'partially_upheld' },
    });
  });

  it('goes outside after the first rejection when the definition allows one round', () => {
    const oneRound = { ...definition, acceptance: { ...definition.acceptance, rounds: 1 } };
    const rejection = answer({ type: 'customer_rejected', round: 1, reason: 'No.' });
    const { state } = step(reach('resolution_proposed', oneRound), rejection, oneRound);
    expect(state.status).toBe('open_external');
  });
});

describe('when the customer does not answer the proposal', () => {
  it('reminds once at half time', () => {
    const reminded = step(reach('resolution_proposed'), system({ type: 'answer_reminder_due', round: 1 }));
    expect(reminded.effects).toEqual([
      expect.objectContaining({
        kind: 'notify_customer',
        template: 'answer_reminder',
        params: expect.objectContaining({ round: 1 }),
      }),
    ]);
    expect(refuse(reminded.state, system({ type: 'answer_reminder_due', round: 1 })).code).toBe('GONE');
  });

  it('closes as deemed accepted by default', () => {
    const { state, effects } = step(reach('resolution_proposed'), system({ type: 'customer_answer_timed_out', round: 1 }));
    expect(state).toMatchObject({ status: 'closed', closure: 'deemed_accepted' });
    expect(effects.map((e) => e.kind)).toEqual([
      'notify_staff',
      'revoke_response_links',
      'notify_customer',
      'request_satisfaction_survey',
    ]);
  });

  it('stays open with a working link when the definition says stay_open', () => {
    const stayOpen = { ...definition, acceptance: { ...definition.acceptance, noAnswer: 'stay_open' as const } };
    const timeout = system({ type: 'customer_answer_timed_out', round: 1 });
    const timedOut = step(reach('resolution_proposed', stayOpen), timeout, stayOpen);
    expect(timedOut.state.status).toBe('resolution_proposed');
    expect(timedOut.effects).toEqual([expect.objectContaining({ kind: 'notify_staff', template: 'answer_timed_out' })]);
    const late = advance(timedOut.state, answer({ type: 'customer_accepted', round: 1 }), stayOpen);
    expect(late.ok && late.state.closure).toBe('accepted');
  });
});

describe('the reducer as a pure function', () => {
  const deepFreeze = <T>(value: T): T => {
    if (value && typeof value === 'object') {
      Object.values(value).forEach(deepFreeze);
      Object.freeze(value);
    }
    return value;
  };

  it('never changes the state it is given, and keeps state and effects plain JSON', () => {
    const before = deepFreeze(reach('resolution_proposed'));
    const { state, effects } = step(before, answer({ type: 'customer_rejected', round: 1, reason: 'No.' }));
    expect(before.status).toBe('resolution_proposed');
    expect(JSON.parse(JSON.stringify({ state, effects }))).toEqual({ state, effects });
  });
});
