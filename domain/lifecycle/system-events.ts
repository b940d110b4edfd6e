// Facts the workflow reports: a delivered acknowledgement and its timers firing. A timer event
// for a stage, round or status that is over (a race with a decision) is GONE; the workflow drops it.
import { isWorkingStatus } from '../complaint.js';
import { raiseEscalation } from './clocks.js';
import { closeComplaint } from './closing.js';
import { acknowledgeComplaint } from './decisions.js';
import { bump, gone, ownerRecipient, type Draft, type StepResult } from './draft.js';
import type { SystemEvent, SystemEventOf } from './events.js';
import { currentProposal, type Proposal } from './state.js';
import { INFO_TIMER_HANDLERS } from './waiting-for-customer.js';

type SystemHandlers = {
  [T in SystemEvent['type']]: (draft: Draft, event: SystemEventOf<T>) => StepResult;
};

export const SYSTEM_EVENT_HANDLERS: SystemHandlers = {
  /**
   * Erasure of an open complaint: it closes as `withdrawn` without a word to the customer, every
   * link dies and the customer counts as unreachable, so no later step could address them.
   */
  personal_data_erasure_requested(draft) {
    if (draft.state.status === 'closed') return gone(draft.state, 'the complaint is already closed');
    closeComplaint(draft, 'withdrawn', {}, { silent: true });
    if (!draft.effects.some((e) => e.kind === 'revoke_response_links')) draft.effects.push({ kind: 'revoke_response_links' });
    draft.state.customer = { ...draft.state.customer, reachable: false };
    return undefined;
  },

  acknowledgement_sent(draft) {
    // An agent may have acknowledged by hand while the automatic message was on its way.
    if (draft.state.status !== 'received') return gone(draft.state, 'the complaint is already acknowledged');
    return acknowledgeComplaint(draft);
  },

  deadline_warning(draft, { stage }) {
    const running = draft.state.stage;
    if (running?.id !== stage || running.pausedAt || running.warned) {
      return gone(draft.state, `no running ${stage} clock awaits a warning`);
    }
    draft.state.stage = { ...running, warned: true };
    bump(draft, 'warnings');
    const notify = draft.definition.stages[stage].escalation.onWarning?.notify ?? [];
    for (const level of notify) {
      draft.effects.push({
        kind: 'notify_staff',
        recipient: { kind: 'escalation_level', level },
        template: 'deadline_warning',
        params: { reference: draft.state.reference, stage },
      });
    }
    return undefined;
  },

  deadline_breached(draft, { stage, breachCount }) {
    const running = draft.state.stage;
    if (running?.id !== stage || running.pausedAt || breachCount <= running.breachCount) {
      return gone(draft.state, `breach ${breachCount} of ${stage} is stale`);
    }
    // Breach steps missed while no worker ran arrive as one: climb every level they would have
    // climbed, but notify only those the step now due names (no burst of stale alerts).
    const { onBreach, levels } = draft.definition.stages[stage].escalation;
    const stepOf = (breach: number) => onBreach[Math.min(breach, onBreach.length) - 1];
    draft.state.stage = { ...running, breachCount };
    bump(draft, 'breaches');
    let owner = levels[draft.state.escalation.level] ?? null;
    for (let breach = running.breachCount + 1; breach <= breachCount; breach++) {
      if (!stepOf(breach)?.escalate) continue;
      owner = raiseEscalation(draft);
      bump(draft, 'escalations');
    }
    for (const level of stepOf(breachCount)?.notify ?? []) {
      draft.effects.push({
        kind: 'notify_staff',
        recipient: { kind: 'escalation_level', level },
        template: 'deadline_breached',
        params: { reference: draft.state.reference, stage, breachCount, owner },
      });
    }
    return undefined;
  },

  customer_answer_timed_out(draft, { round }) {
    const proposal = awaitedProposal(draft, round);
    if (!proposal || proposal.answerTimedOutAt) return gone(draft.state, `round ${round} is not awaiting an answer`);
    const { state, definition } = draft;
    const { noAnswer } = definition.acceptance;
    draft.effects.push({
      kind: 'notify_staff',
      recipient: ownerRecipient(state),
      template: 'answer_timed_out',
      params: { reference: state.reference, round, noAnswer },
    });
    if (noAnswer === 'deemed_accepted') {
      setProposal(draft, { ...proposal, answer: { outcome: 'deemed_accepted', at: draft.at } });
      closeComplaint(draft, 'deemed_accepted', { round });
    } else {
      // Stays open: the customer's link keeps working and staff follow up.
      setProposal(draft, { ...proposal, answerTimedOutAt: draft.at });
    }
    return undefined;
  },

  answer_reminder_due(draft, { round }) {
    const proposal = awaitedProposal(draft, round);
    if (!proposal || proposal.reminderSentAt) return gone(draft.state, `round ${round} needs no reminder`);
    setProposal(draft, { ...proposal, reminderSentAt: draft.at });
    bump(draft, 'reminders');
    draft.effects.push({
      kind: 'notify_customer',
      template: 'answer_reminder',
      params: { reference: draft.state.reference, round },
    });
    return undefined;
  },

  activity_failed(draft, { activity, errorType, message }) {
    // Supervisors hear of it: a deadline may be missing until someone fixes the cause.
    draft.effects.push({
      kind: 'notify_staff',
      recipient: { kind: 'role', role: 'supervisor' },
      template: 'activity_failed',
      params: { reference: draft.state.reference, activity, errorType, message },
    });
    return undefined;
  },

  progress_update_due(draft) {
    const { state } = draft;
    if (!isWorkingStatus(state.status)) return gone(state, 'the customer is not waiting on us');
    bump(draft, 'progressUpdates');
    draft.effects.push({
      kind: 'notify_customer',
      template: 'progress_update',
      params: { reference: state.reference, status: state.status },
    });
    return undefined;
  },

  ...INFO_TIMER_HANDLERS,
};

/** The open proposal of that round, if the complaint is waiting for the customer's answer to it. */
function awaitedProposal(draft: Draft, round: number): Proposal | null {
  const proposal = currentProposal(draft.state);
  if (draft.state.status !== 'resolution_proposed' || proposal?.round !== round || proposal.answer) return null;
  return proposal;
}

function setProposal(draft: Draft, proposal: Proposal): void {
  draft.state.proposals = draft.state.proposals.map((p) => (p.round === proposal.round ? proposal : p));
}
