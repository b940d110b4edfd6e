// Waiting for the customer is never a dead end: an unanswered question reminds, alerts staff and then
// resumes or closes as `no_response`; staff can record an answer that came by phone or mail, withdraw
// the question, or send a fresh link, for the open question and for a proposal under `stay_open`.
import { describe, expect, it } from 'vitest';
import { customerAnswerDueAt, type Effect } from '../../../domain/lifecycle/index.js';
import type { ProcessDefinition } from '../../../domain/process-definition.js';
import { answer, decide, definition, effectsOfKind, reach, refuse, run, SAMPLE_DECISIONS, step, system } from './fixtures.js';

const closeOnSilence: ProcessDefinition = {
  ...definition,
  infoRequest: { ...definition.infoRequest!, onNoAnswer: 'close_no_response' },
};
const stayOpen: ProcessDefinition = { ...definition, acceptance: { ...definition.acceptance, noAnswer: 'stay_open' } };
/** A definition pinned before information requests had a deadline. */
const { infoRequest: _, ...pinnedBefore } = definition;
const legacy = pinnedBefore as ProcessDefinition;

const reminderDue = system({ type: 'info_reminder_due', requestId: 'info-1' });
const answerTimedOut = system({ type: 'info_answer_timed_out', requestId: 'info-1' });
const templates = (effects: Effect[]) =>
  effects.flatMap((e) => (e.kind === 'notify_customer' || e.kind === 'notify_staff' ? [`${e.kind}:${e.template}`] : []));

describe('an information request the customer does not answer', () => {
  it('starts its own reminder and deadline clock from the definition', () => {
    const { effects } = step(reach('investigating'), decide(SAMPLE_DECISIONS.request_info));
    expect(effectsOfKind(effects, 'start_info_clock')).toEqual([
      { kind: 'start_info_clock', requestId: 'info-1', deadline: { workingDays: 10 }, reminderAtShare: 0.5 },
    ]);
  });

  it('reminds the customer once, with the question', () => {
    const reminded = step(reach('awaiting_customer'), reminderDue);
    expect(reminded.effects).toEqual([
      {
        kind: 'notify_customer',
        template: 'info_reminder',
        params: expect.objectContaining({ requestId: 'info-1', question: SAMPLE_DECISIONS.request_info.question }),
      },
    ]);
    expect(reminded.state.counters.reminders).toBe(1);
    expect(refuse(reminded.state, reminderDue).code).toBe('GONE');
  });

  it('at the deadline alerts staff and resumes the stage clock in the status it came from', () => {
    const { state, effects } = step(reach('awaiting_customer'), answerTimedOut);
    expect(state).toMatchObject({ status: 'investigating', pendingInfoRequest: null, stage: { pausedAt: null } });
    expect(effects).toEqual(
      expect.arrayContaining([
        { kind: 'resume_stage_clock', stage: 'investigation' },
        { kind: 'revoke_response_links' },
        expect.objectContaining({ kind: 'restart_progress_timer' }),
      ]),
    );
    expect(templates(effects)).toEqual(['notify_staff:info_request_timed_out', 'notify_customer:info_request_lapsed']);
    expect(refuse(state, answer({ type: 'customer_answered_info', requestId: 'info-1', text: 'Late.' })).code).toBe('GONE');
  });

  it('at the deadline closes as no_response, without a survey, when the definition says so', () => {
    const { state, effects } = step(reach('awaiting_customer', closeOnSilence), answerTimedOut, closeOnSilence);
    expect(state).toMatchObject({ status: 'closed', closure: 'no_response', pendingInfoRequest: null });
    expect(templates(effects)).toEqual(['notify_staff:info_request_timed_out', 'notify_customer:complaint_closed']);
    expect(effectsOfKind(effects, 'notify_customer')[0]!.params).toMatchObject({ closure: 'no_response' });
    expect(effectsOfKind(effects, 'stop_stage_clock')).toEqual([{ kind: 'stop_stage_clock', stage: 'investigation', abandoned: true }]);
    expect(effectsOfKind(effects, 'request_satisfaction_survey')).toEqual([]);
  });

  it('ignores a timer of a request that was answered meanwhile (GONE)', () => {
    const answered = step(reach('awaiting_customer'), answer({ type: 'customer_answered_info', requestId: 'info-1', text: 'Here.' }));
    expect(effectsOfKind(answered.effects, 'stop_info_clock')).toEqual([{ kind: 'stop_info_clock', requestId: 'info-1' }]);
    expect(refuse(answered.state, answerTimedOut).code).toBe('GONE');
    expect(refuse(answered.state, reminderDue).code).toBe('GONE');
  });

  it('waits without a deadline under a definition pinned before requests had one', () => {
    const { state, effects } = step(reach('investigating', legacy), decide(SAMPLE_DECISIONS.request_info), legacy);
    expect(effectsOfKind(effects, 'start_info_clock')).toEqual([]);
    expect(refuse(state, answerTimedOut, legacy).code).toBe('GONE');
  });
});

describe('record_customer_answer: an answer that came by phone or mail', () => {
  const byPhone = (answerKind: 'info' | 'accepted' | 'rejected', text = 'Said on the phone.') =>
    decide({ type: 'record_customer_answer', answer: answerKind, text, channel: 'phone' });

  it('answers the open question as the link would, telling the owner who entered it and how it came', () => {
    const { state, effects } = step(reach('awaiting_customer'), byPhone('info'));
    expect(state).toMatchObject({ status: 'investigating', pendingInfoRequest: null });
    expect(effectsOfKind(effects, 'revoke_response_links')).toHaveLength(1);
    expect(effectsOfKind(effects, 'notify_staff')[0]!.params).toMatchObject({
      requestId: 'info-1',
      channel: 'phone',
      recordedBy: 'agent-1',
    });
  });

  it('accepts the open proposal and closes as accepted, with the survey, marked as recorded by staff', () => {
    const { state, effects } = step(reach('resolution_proposed'), byPhone('accepted'));
    expect(state).toMatchObject({ status: 'closed', closure: 'accepted' });
    expect(state.proposals[0]!.answer).toMatchObject({ outcome: 'accepted', recorded: { channel: 'phone', by: 'agent-1' } });
    // The customer's own acceptance carries no such mark: reports can tell them apart.
    const own = step(reach('resolution_proposed'), answer({ type: 'customer_accepted', round: 1 })).state;
    expect(own.proposals[0]!.answer).not.toHaveProperty('recorded');
    expect(effectsOfKind(effects, 'request_satisfaction_survey')).toHaveLength(1);
  });

  it('rejects the open proposal with the recorded text as the reason', () => {
    const { state, effects } = step(reach('resolution_proposed'), byPhone('rejected', 'Wants a refund instead.'));
    expect(state.status).toBe('reinvestigating');
    expect(state.proposals[0]!.answer).toMatchObject({ outcome: 'rejected', reason: 'Wants a refund instead.', recorded: { channel: 'phone' } });
    expect(effectsOfKind(effects, 'notify_staff')[0]!.params).toMatchObject({ reason: 'Wants a refund instead.', channel: 'phone' });
  });

  it('is a way forward under stay_open after the answer timed out', () => {
    const timedOut = run(reach('resolution_proposed', stayOpen), [system({ type: 'customer_answer_timed_out', round: 1 })], stayOpen);
    expect(timedOut.proposals[0]!.answerTimedOutAt).not.toBeNull();
    expect(step(timedOut, byPhone('accepted'), stayOpen).state.closure).toBe('accepted');
    expect(step(timedOut, byPhone('rejected'), stayOpen).state.status).toBe('reinvestigating');
  });

  it.each([
    ['awaiting_customer', 'accepted'],
    ['awaiting_customer', 'rejected'],
    ['resolution_proposed', 'info'],
  ] as const)('while %s refuses an answer %s, naming the field (CONFLICT: the state refuses it)', (status, answerKind) => {
    expect(refuse(reach(status), byPhone(answerKind))).toMatchObject({ code: 'CONFLICT', details: [{ path: 'answer' }] });
  });

  it("makes the customer's own link answer GONE once staff recorded one", () => {
    const recorded = step(reach('resolution_proposed'), byPhone('accepted')).state;
    expect(refuse(recorded, answer({ type: 'customer_rejected', round: 1, reason: 'No.' })).code).toBe('GONE');
  });
});

describe('cancel_info_request: staff no longer need the answer', () => {
  it('resumes the clock in the earlier status, revokes the link and tells the customer (not the reason)', () => {
    const { state, effects } = step(reach('awaiting_customer'), decide(SAMPLE_DECISIONS.cancel_info_request));
    expect(state).toMatchObject({ status: 'investigating', pendingInfoRequest: null, stage: { pausedAt: null } });
    expect(effects.map((e) => e.kind)).toEqual([
      'resume_stage_clock',
      'stop_info_clock',
      'revoke_response_links',
      'notify_customer',
      'restart_progress_timer',
    ]);
    const told = effectsOfKind(effects, 'notify_customer')[0]!;
    expect(told.template).toBe('info_request_cancelled');
    expect(JSON.stringify(told.params)).not.toContain(SAMPLE_DECISIONS.cancel_info_request.reason);
    expect(refuse(state, answer({ type: 'customer_answered_info', requestId: 'info-1', text: 'Late.' })).code).toBe('GONE');
  });
});

describe('reissue_link: a fresh link for what is open', () => {
  it('for the open question: revokes the old links, issues one for the same request and resends the question', () => {
    const { state, effects } = step(reach('awaiting_customer'), decide(SAMPLE_DECISIONS.reissue_link));
    expect(state.status).toBe('awaiting_customer');
    expect(effects).toEqual([
      { kind: 'revoke_response_links' },
      { kind: 'issue_response_link', purpose: 'info_request', requestId: 'info-1' },
      {
        kind: 'notify_customer',
        template: 'info_requested',
        params: expect.objectContaining({ question: SAMPLE_DECISIONS.request_info.question, reissued: true }),
      },
    ]);
  });

  it('for the open proposal, keeping its answer deadline while it runs', () => {
    const { effects } = step(reach('resolution_proposed'), decide(SAMPLE_DECISIONS.reissue_link));
    expect(effects.map((e) => e.kind)).toEqual(['revoke_response_links', 'issue_response_link', 'notify_customer']);
  });

  it('after the answer timed out under stay_open, with a new answer window that reminds and times out again', () => {
    const timedOut = run(reach('resolution_proposed', stayOpen), [system({ type: 'customer_answer_timed_out', round: 1 })], stayOpen);
    const { state, effects } = step(timedOut, decide(SAMPLE_DECISIONS.reissue_link), stayOpen);
    expect(state.status).toBe('resolution_proposed');
    expect(state.proposals[0]).toMatchObject({ answerTimedOutAt: null, reminderSentAt: null });
    const { answerDeadline, reminderAtShare } = stayOpen.acceptance;
    expect(effects).toEqual([
      { kind: 'revoke_response_links' },
      { kind: 'issue_response_link', purpose: 'resolution', round: 1 },
      { kind: 'start_answer_clock', round: 1, deadline: answerDeadline, reminderAtShare },
      {
        kind: 'notify_customer',
        template: 'resolution_proposed',
        params: expect.objectContaining({ round: 1, summary: SAMPLE_DECISIONS.propose_resolution.summary, reissued: true }),
      },
    ]);
    // The new window's timers fire again: a reminder, then another timeout.
    expect(step(state, system({ type: 'answer_reminder_due', round: 1 }), stayOpen).state.proposals[0]!.reminderSentAt).not.toBeNull();
    expect(step(state, system({ type: 'customer_answer_timed_out', round: 1 }), stayOpen).state.proposals[0]!.answerTimedOutAt).not.toBeNull();
  });

  it('is refused when nothing waits for the customer (INVALID_TRANSITION)', () => {
    expect(refuse(reach('investigating'), decide(SAMPLE_DECISIONS.reissue_link)).code).toBe('INVALID_TRANSITION');
  });
});

describe('customerAnswerDueAt: what overdue views sort by', () => {
  const answer = { round: 1, reminderAt: '2026-03-09T07:00:00.000Z', deadline: '2026-03-16T07:00:00.000Z' };
  const info = { requestId: 'info-1', reminderAt: '2026-03-09T07:00:00.000Z', deadline: '2026-03-17T07:00:00.000Z' };

  it('is the answer deadline of the open proposal, or of the open question', () => {
    expect(customerAnswerDueAt(reach('resolution_proposed'), { answer, info: null })).toBe(answer.deadline);
    expect(customerAnswerDueAt(reach('awaiting_customer'), { answer: null, info })).toBe(info.deadline);
  });

  it('stays set, in the past, once a proposal timed out under stay_open', () => {
    const timedOut = run(reach('resolution_proposed', stayOpen), [system({ type: 'customer_answer_timed_out', round: 1 })], stayOpen);
    expect(customerAnswerDueAt(timedOut, { answer: null, info: null })).toBe(timedOut.proposals[0]!.answerTimedOutAt);
  });

  it('is null while the customer owes nothing, and for snapshots written before questions had deadlines', () => {
    expect(customerAnswerDueAt(reach('investigating'), { answer: null, info: null })).toBeNull();
    expect(customerAnswerDueAt(reach('awaiting_customer'), { answer: null })).toBeNull();
  });
});
