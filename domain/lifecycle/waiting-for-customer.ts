// Waiting for the customer is never a dead end: an information request has its own deadline
// (reminder, staff alert, then resume or close as `no_response`), and staff can record an answer
// that came by phone or mail, withdraw the question, or send a fresh link for the open question
// or proposal.
import type { ProcessDefinition, InfoRequestPolicy } from '../process-definition.js';
import { resumeStage } from './clocks.js';
import { closeComplaint } from './closing.js';
import { CUSTOMER_ANSWER_HANDLERS } from './customer-answers.js';
import { bump, gone, ownerRecipient, stateConflict, type Draft, type StepResult } from './draft.js';
import type { Effect } from './effects.js';
import type { Actor, DecisionOf, SystemEventOf } from './events.js';
import { currentProposal, type ComplaintState, type PendingInfoRequest } from './state.js';

type WaitingDecision = 'record_customer_answer' | 'cancel_info_request' | 'reissue_link';
type WaitingDecisionHandlers = {
  [T in WaitingDecision]: (draft: Draft, decision: DecisionOf<T>, actor: Actor) => StepResult;
};
type InfoTimer = 'info_reminder_due' | 'info_answer_timed_out';
type InfoTimerHandlers = { [T in InfoTimer]: (draft: Draft, event: SystemEventOf<T>) => StepResult };

/**
 * The information-request policy; null for definitions pinned before requests had a deadline
 * (their complaints wait without one, as they always did).
 */
export function infoRequestPolicy(definition: ProcessDefinition): InfoRequestPolicy | null {
  return definition.infoRequest ?? null;
}

/** The reminder and deadline timers of a new request, when the definition gives it a deadline. */
export function infoClockEffects(definition: ProcessDefinition, requestId: string): Effect[] {
  const policy = infoRequestPolicy(definition);
  if (!policy) return [];
  const { answerDeadline, reminderAtShare } = policy;
  return [{ kind: 'start_info_clock', requestId, deadline: answerDeadline, reminderAtShare }];
}

/**
 * When the customer's answer is (or was) due, from a status snapshot's state and deadlines: to the
 * open proposal, else to our open question; for a proposal whose answer timed out under `stay_open`,
 * the moment it did, so overdue views keep finding it. Null while the customer owes nothing.
 */
export function customerAnswerDueAt(
  state: ComplaintState,
  deadlines: {
    answer: { deadline: string } | null;
    /** Absent from snapshots written before information requests had a deadline. */
    info?: { deadline: string } | null;
  },
): string | null {
  const due = deadlines.answer?.deadline ?? deadlines.info?.deadline;
  if (due) return due;
  const proposal = currentProposal(state);
  return state.status === 'resolution_proposed' && proposal && !proposal.answer ? proposal.answerTimedOutAt : null;
}

export const WAITING_DECISION_HANDLERS: WaitingDecisionHandlers = {
  record_customer_answer(draft, { answer, text, channel }, actor) {
    const { state } = draft;
    const via = { channel, recordedBy: actor.id };
    if (answer === 'info') {
      const pending = state.status === 'awaiting_customer' ? state.pendingInfoRequest : null;
      if (!pending) {
        return stateConflict([{ path: 'answer', message: `no open question to answer: ${openNow(state)}` }]);
      }
      return CUSTOMER_ANSWER_HANDLERS.customer_answered_info(
        draft,
        { type: 'customer_answered_info', requestId: pending.requestId, text },
        via,
      );
    }
    const proposal = currentProposal(state);
    if (state.status !== 'resolution_proposed' || !proposal || proposal.answer) {
      const verb = answer === 'accepted' ? 'accept' : 'reject';
      return stateConflict([{ path: 'answer', message: `no open proposal to ${verb}: ${openNow(state)}` }]);
    }
    return answer === 'accepted'
      ? CUSTOMER_ANSWER_HANDLERS.customer_accepted(draft, { type: 'customer_accepted', round: proposal.round }, via)
      : CUSTOMER_ANSWER_HANDLERS.customer_rejected(
          draft,
          { type: 'customer_rejected', round: proposal.round, reason: text },
          via,
        );
  },

  cancel_info_request(draft) {
    const pending = openRequest(draft.state);
    if (!pending) return gone(draft.state, 'there is no open information request');
    // The reason stays on the timeline (staff words); the customer is told only that we go on.
    resumeWithout(draft, pending, 'info_request_cancelled');
    return undefined;
  },

  reissue_link(draft) {
    const { state } = draft;
    const pending = openRequest(state);
    if (pending) {
      draft.effects.push(
        { kind: 'revoke_response_links' },
        { kind: 'issue_response_link', purpose: 'info_request', requestId: pending.requestId },
        {
          kind: 'notify_customer',
          template: 'info_requested',
          params: {
            reference: state.reference,
            requestId: pending.requestId,
            question: pending.question,
            reissued: true,
          },
        },
      );
      return undefined;
    }
    const proposal = currentProposal(state);
    if (state.status !== 'resolution_proposed' || !proposal || proposal.answer) {
      return gone(state, 'there is no open question or proposal to send a link for');
    }
    draft.effects.push(
      { kind: 'revoke_response_links' },
      { kind: 'issue_response_link', purpose: 'resolution', round: proposal.round },
    );
    if (proposal.answerTimedOutAt) {
      // The answer had timed out under `stay_open`: the new link comes with a new answer window,
      // so the complaint is reminded and overdue again rather than waiting with no date.
      const { answerDeadline, reminderAtShare } = draft.definition.acceptance;
      draft.state.proposals = state.proposals.map((p) =>
        p.round === proposal.round ? { ...p, answerTimedOutAt: null, reminderSentAt: null } : p,
      );
      draft.effects.push({ kind: 'start_answer_clock', round: proposal.round, deadline: answerDeadline, reminderAtShare });
    }
    draft.effects.push(
      {
        kind: 'notify_customer',
        template: 'resolution_proposed',
        params: {
          reference: state.reference,
          round: proposal.round,
          summary: proposal.summary,
          remedy: proposal.remedy,
          amount: proposal.amount,
          currency: proposal.currency,
          reissued: true,
        },
      },
    );
    return undefined;
  },
};

export const INFO_TIMER_HANDLERS: InfoTimerHandlers = {
  info_reminder_due(draft, { requestId }) {
    const pending = openRequest(draft.state);
    if (pending?.requestId !== requestId || pending.reminderSentAt) {
      return gone(draft.state, `information request ${requestId} needs no reminder`);
    }
    draft.state.pendingInfoRequest = { ...pending, reminderSentAt: draft.at };
    bump(draft, 'reminders');
    draft.effects.push({
      kind: 'notify_customer',
      template: 'info_reminder',
      params: { reference: draft.state.reference, requestId, question: pending.question },
    });
    return undefined;
  },

  info_answer_timed_out(draft, { requestId }) {
    const { state } = draft;
    const pending = openRequest(state);
    const policy = infoRequestPolicy(draft.definition);
    if (pending?.requestId !== requestId || !policy) {
      return gone(state, `information request ${requestId} is not awaiting an answer`);
    }
    draft.effects.push({
      kind: 'notify_staff',
      recipient: ownerRecipient(state),
      template: 'info_request_timed_out',
      params: { reference: state.reference, requestId, onNoAnswer: policy.onNoAnswer },
    });
    if (policy.onNoAnswer === 'close_no_response') closeComplaint(draft, 'no_response', { requestId });
    else resumeWithout(draft, pending, 'info_request_lapsed');
    return undefined;
  },
};

function openRequest(state: ComplaintState): PendingInfoRequest | null {
  return state.status === 'awaiting_customer' ? state.pendingInfoRequest : null;
}

/** Back to work without the answer: the status it came from, the clock running, the link dead. */
function resumeWithout(
  draft: Draft,
  pending: PendingInfoRequest,
  template: 'info_request_cancelled' | 'info_request_lapsed',
): void {
  const { state } = draft;
  state.status = pending.returnTo;
  state.pendingInfoRequest = null;
  resumeStage(draft);
  draft.effects.push(
    { kind: 'stop_info_clock', requestId: pending.requestId },
    { kind: 'revoke_response_links' },
    { kind: 'notify_customer', template, params: { reference: state.reference, requestId: pending.requestId } },
  );
}

function openNow(state: ComplaintState): string {
  if (state.status === 'awaiting_customer') {
    return `the complaint waits for the answer to ${state.pendingInfoRequest?.requestId ?? 'a question'}`;
  }
  if (state.status === 'resolution_proposed') return `the complaint waits for the answer to proposal ${state.round}`;
  return `the complaint is ${state.status}`;
}
