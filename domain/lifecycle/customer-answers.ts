// The customer's answers: to a proposal (accept or reject, by round) and to an information request.
// An answer to a round or request that is over is GONE: links outlive the moment they were for.
import type { CustomerAnswerType } from '../complaint.js';
import { DomainError } from '../errors.js';
import { resumeStage, startStage } from './clocks.js';
import { closeComplaint } from './closing.js';
import { bump, gone, ownerRecipient, validationFailed, type Draft, type StepResult } from './draft.js';
import type { NotificationParams } from './effects.js';
import type { CustomerAnswerOf } from './events.js';
import { externalRemediesEffect } from './remedies.js';
import type { ComplaintState, Proposal, ProposalAnswer } from './state.js';

/**
 * How an answer came other than through the customer's link, said in staff notices: entered by
 * staff (`record_customer_answer`), or written by the customer themselves (`customer_wrote`, no `recordedBy`).
 */
export interface RecordedVia {
  channel: string;
  recordedBy?: string;
}

type AnswerHandlers = {
  [T in CustomerAnswerType]: (draft: Draft, answer: CustomerAnswerOf<T>, via?: RecordedVia) => StepResult;
};

const recordedBy = (via: RecordedVia | undefined): Pick<ProposalAnswer, 'recorded'> =>
  via?.recordedBy ? { recorded: { channel: via.channel, by: via.recordedBy } } : {};

const viaParams = (via: RecordedVia | undefined): NotificationParams =>
  via ? { channel: via.channel, ...(via.recordedBy ? { recordedBy: via.recordedBy } : {}) } : {};

export const CUSTOMER_ANSWER_HANDLERS: AnswerHandlers = {
  customer_accepted(draft, { round }, via) {
    const refusal = checkOpenRound(draft.state, round);
    if (refusal) return refusal;
    answerProposal(draft, { outcome: 'accepted', at: draft.at, ...recordedBy(via) });
    draft.effects.push(
      { kind: 'stop_answer_clock', round },
      {
        kind: 'notify_staff',
        recipient: ownerRecipient(draft.state),
        template: 'resolution_accepted',
        params: { reference: draft.state.reference, round, ...viaParams(via) },
      },
    );
    closeComplaint(draft, 'accepted', { round });
    return undefined;
  },

  customer_rejected(draft, { round, reason }, via) {
    const refusal = checkOpenRound(draft.state, round);
    if (refusal) return refusal;
    const { state, definition } = draft;
    answerProposal(draft, { outcome: 'rejected', at: draft.at, reason, ...recordedBy(via) });
    bump(draft, 'rejections');
    draft.effects.push({ kind: 'stop_answer_clock', round }, { kind: 'revoke_response_links' });
    const owner = ownerRecipient(state);
    if (round < definition.acceptance.rounds) {
      state.status = 'reinvestigating';
      startStage(draft, 'reinvestigation');
      draft.effects.push(
        {
          kind: 'notify_staff',
          recipient: owner,
          template: 'resolution_rejected',
          params: { reference: state.reference, round, reason, ...viaParams(via) },
        },
        {
          kind: 'notify_customer',
          template: 'reinvestigation_started',
          params: { reference: state.reference, round: round + 1 },
        },
      );
    } else {
      // The last round is rejected: the complaint stays open and the customer may go outside.
      state.status = 'open_external';
      draft.effects.push(
        externalRemediesEffect(state, definition),
        {
          kind: 'notify_staff',
          recipient: owner,
          template: 'complaint_open_external',
          params: { reference: state.reference, round },
        },
      );
    }
    return undefined;
  },

  customer_answered_info(draft, { requestId }, via) {
    const { state } = draft;
    const pending = state.pendingInfoRequest;
    if (state.status !== 'awaiting_customer' || pending?.requestId !== requestId) {
      return wasIssued(state, requestId)
        ? gone(state, `information request ${requestId} is already answered or no longer open`)
        : validationFailed([{ path: 'requestId', message: `no information request ${requestId} on this complaint` }]);
    }
    state.status = pending.returnTo;
    state.pendingInfoRequest = null;
    resumeStage(draft);
    draft.effects.push(
      { kind: 'stop_info_clock', requestId },
      { kind: 'revoke_response_links' },
      {
        kind: 'notify_staff',
        recipient: ownerRecipient(state),
        template: 'customer_answered_info',
        params: { reference: state.reference, requestId, ...viaParams(via) },
      },
    );
    return undefined;
  },

  customer_wrote(draft, { channel }) {
    const { state } = draft;
    if (state.status === 'closed') return gone(state, 'the complaint is closed');
    // Our open question is what the customer's message answers, whatever it says: the clock resumes.
    const pending = state.status === 'awaiting_customer' ? state.pendingInfoRequest : null;
    if (pending) {
      return CUSTOMER_ANSWER_HANDLERS.customer_answered_info(
        draft,
        { type: 'customer_answered_info', requestId: pending.requestId, text: '' },
        { channel },
      );
    }
    // Otherwise it is for the owner to read (a proposal is never taken as accepted or rejected from free text).
    draft.effects.push({
      kind: 'notify_staff',
      recipient: ownerRecipient(state),
      template: 'customer_wrote',
      params: { reference: state.reference, channel },
    });
    return undefined;
  },
};

/** The answer must be for the open proposal: an older or answered round is GONE. */
function checkOpenRound(state: ComplaintState, round: number): DomainError | undefined {
  const proposal = state.proposals.find((p) => p.round === round);
  if (!proposal) {
    if (state.status === 'closed') return gone(state, 'the complaint is closed');
    return new DomainError('INVALID_TRANSITION', `there is no proposal of round ${round} to answer`, {
      status: state.status,
      allowed: [],
    });
  }
  if (state.status !== 'resolution_proposed' || round !== state.round || proposal.answer) {
    return gone(state, `the proposal of round ${round} is already answered or superseded`);
  }
  return undefined;
}

function answerProposal(draft: Draft, answer: NonNullable<Proposal['answer']>): void {
  draft.state.proposals = draft.state.proposals.map((p) =>
    p.round === draft.state.round ? { ...p, answer } : p,
  );
}

function wasIssued(state: ComplaintState, requestId: string): boolean {
  const n = /^info-(\d+)$/.exec(requestId)?.[1];
  return n !== undefined && Number(n) >= 1 && Number(n) <= state.counters.infoRequests;
}

/** What makes two answers one (kept once each while no worker takes them): a proposal's round or a question. */
export const answerSlot = {
  round: (round: number) => `round:${round}`,
  info: (requestId: string) => `info:${requestId}`,
};
