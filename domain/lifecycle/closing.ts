// Closing a complaint, whatever the reason: stop every clock, revoke open links, tell the customer.
import type { Closure } from '../complaint.js';
import { stopStage } from './clocks.js';
import type { Draft } from './draft.js';
import type { NotificationParams } from './effects.js';
import { currentProposal } from './state.js';
import { surveyPolicy } from './survey.js';

/** `silent`: the customer is told nothing and gets no survey (they asked to be forgotten). */
export interface ClosingOptions {
  silent?: boolean;
}

export function closeComplaint(draft: Draft, closure: Closure, params: NotificationParams = {}, options: ClosingOptions = {}): void {
  const { state } = draft;
  // A stage cut short by closure is "abandoned"; only `accepted`-like closures end normally, and
  // they happen while no stage runs.
  stopStage(draft, true);
  const proposal = currentProposal(state);
  if (state.status === 'resolution_proposed' && proposal && !proposal.answer) {
    draft.effects.push({ kind: 'stop_answer_clock', round: proposal.round });
  }
  if (state.pendingInfoRequest) {
    draft.effects.push({ kind: 'stop_info_clock', requestId: state.pendingInfoRequest.requestId });
  }
  if (state.status === 'resolution_proposed' || state.status === 'awaiting_customer') {
    draft.effects.push({ kind: 'revoke_response_links' });
  }
  draft.state.status = 'closed';
  draft.state.closure = closure;
  draft.state.closedAt = draft.at;
  draft.state.pendingInfoRequest = null;
  if (options.silent) return;
  draft.effects.push({
    kind: 'notify_customer',
    template: 'complaint_closed',
    params: { reference: state.reference, closure, ...params },
  });
  // After which closures the customer is asked how satisfied they are: the process says.
  // Effects run in order: the survey link comes after the closure message, but both are recorded
  // in one transaction, links before messages, so the message finds the link (read-model/outbox.ts).
  const survey = surveyPolicy(draft.definition);
  if (survey.afterClosures.includes(closure)) {
    draft.effects.push({ kind: 'request_satisfaction_survey', closure, lifetime: survey.lifetime });
  }
}
