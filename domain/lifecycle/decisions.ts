// One handler per agent decision. Status and role are checked before a handler runs (advance.ts);
// a handler checks only what depends on the decision's content and applies it to the draft.
import { MONETARY_REMEDY_KINDS, type DecisionType } from '../complaint.js';
import type { FieldIssue } from '../errors.js';
import { pauseStage, raiseEscalation, startStage, stopStage } from './clocks.js';
import { closeComplaint } from './closing.js';
import { bump, type Draft, ruleFailed, type StepResult, validationFailed } from './draft.js';
import type { Actor, DecisionOf } from './events.js';
import { classificationOf, isRouted, routeClassification, teamAfterRouting } from './routing.js';
import { infoClockEffects, WAITING_DECISION_HANDLERS } from './waiting-for-customer.js';

type DecisionHandlers = {
  [T in DecisionType]: (draft: Draft, decision: DecisionOf<T>, actor: Actor) => StepResult;
};

export const DECISION_HANDLERS: DecisionHandlers = {
  acknowledge: (draft) => acknowledgeComplaint(draft),

  classify(draft, decision) {
    const { category, severity } = decision;
    const routing = routeClassification(draft.definition, decision);
    if (!isRouted(routing)) return validationFailed([routing]);
    const { department } = routing;
    const before = draft.state.classification;
    draft.state.classification = classificationOf(decision, routing);
    draft.state.team = teamAfterRouting(draft.state, before, routing);
    if (draft.state.status === 'acknowledged' || draft.state.status === 'in_review') {
      stopStage(draft);
      draft.state.status = 'investigating';
      startStage(draft, 'investigation');
    }
    if (before?.department !== department) {
      draft.effects.push({
        kind: 'notify_staff',
        recipient: { kind: 'department', department },
        template: 'complaint_routed',
        params: { reference: draft.state.reference, category, severity },
      });
    }
    return undefined;
  },

  assign(draft, { assignee, team }) {
    const { state } = draft;
    state.assignee = assignee;
    if (team !== undefined) state.team = team;
    // A release: back to the team's queue, status unchanged, nobody to tell.
    if (assignee === null) return undefined;
    // Taking a queued complaint starts its initial assessment.
    if (state.status === 'acknowledged') state.status = 'in_review';
    if (state.pendingInfoRequest?.returnTo === 'acknowledged') {
      state.pendingInfoRequest = { ...state.pendingInfoRequest, returnTo: 'in_review' };
    }
    draft.effects.push({
      kind: 'notify_staff',
      recipient: { kind: 'user', userId: assignee },
      template: 'complaint_assigned',
      params: { reference: state.reference, status: state.status },
    });
    return undefined;
  },

  request_info(draft, { question }, actor) {
    const { state } = draft;
    const requestId = `info-${state.counters.infoRequests + 1}`;
    bump(draft, 'infoRequests');
    state.pendingInfoRequest = { requestId, question, askedAt: draft.at, askedBy: actor.id, returnTo: state.status };
    state.status = 'awaiting_customer';
    pauseStage(draft);
    draft.effects.push(
      {
        kind: 'notify_customer',
        template: 'info_requested',
        params: { reference: state.reference, requestId, question },
      },
      { kind: 'issue_response_link', purpose: 'info_request', requestId },
      ...infoClockEffects(draft.definition, requestId),
    );
    return undefined;
  },

  propose_resolution(draft, decision, actor) {
    const { state, definition } = draft;
    const { summary, remedy, amount, currency, correctiveActionId } = decision;
    const issues: FieldIssue[] = [];
    if ((MONETARY_REMEDY_KINDS as readonly string[]).includes(remedy) && (amount === undefined || !currency)) {
      issues.push({ path: 'amount', message: `a ${remedy} needs an amount and a currency` });
    }
    if (correctiveActionId && !state.correctiveActions.some((a) => a.id === correctiveActionId)) {
      issues.push({
        path: 'correctiveActionId',
        message: `no corrective action ${correctiveActionId} on this complaint`,
      });
    }
    if (issues.length > 0) return validationFailed(issues);

    const round = state.round + 1;
    stopStage(draft);
    state.status = 'resolution_proposed';
    state.round = round;
    state.proposals = [
      ...state.proposals,
      {
        round,
        // Recorded histories from before outcomes existed replay decisions without one.
        outcome: (decision as Partial<typeof decision>).outcome ?? null,
        summary,
        remedy,
        amount: amount ?? null,
        currency: currency ?? null,
        correctiveActionId: correctiveActionId ?? null,
        proposedAt: draft.at,
        proposedBy: actor.id,
        reminderSentAt: null,
        answerTimedOutAt: null,
        answer: null,
      },
    ];
    const { answerDeadline, reminderAtShare } = definition.acceptance;
    draft.effects.push(
      {
        kind: 'notify_customer',
        template: 'resolution_proposed',
        params: {
          reference: state.reference,
          round,
          summary,
          remedy,
          amount: amount ?? null,
          currency: currency ?? null,
        },
      },
      { kind: 'issue_response_link', purpose: 'resolution', round },
      { kind: 'start_answer_clock', round, deadline: answerDeadline, reminderAtShare },
    );
    return undefined;
  },

  escalate(draft, { reason }) {
    const level = raiseEscalation(draft);
    bump(draft, 'escalations');
    draft.effects.push({
      kind: 'notify_staff',
      recipient: { kind: 'escalation_level', level },
      template: 'complaint_escalated',
      params: { reference: draft.state.reference, reason, level },
    });
    return undefined;
  },

  note(draft) {
    // The text itself is kept by the transition record, not in the state.
    bump(draft, 'notes');
    return undefined;
  },

  record_corrective_action(draft, { rootCause, action, owner, dueDate }, actor) {
    if (isBeforeDayOf(dueDate, draft.at)) {
      return ruleFailed([{ path: 'dueDate', message: 'the due date is in the past' }]);
    }
    const id = `ca-${draft.state.correctiveActions.length + 1}`;
    draft.state.correctiveActions = [
      ...draft.state.correctiveActions,
      { id, rootCause, action, owner, dueDate, recordedAt: draft.at, recordedBy: actor.id },
    ];
    draft.effects.push({
      kind: 'notify_staff',
      recipient: { kind: 'user', userId: owner },
      template: 'corrective_action_assigned',
      params: { reference: draft.state.reference, correctiveActionId: id, dueDate },
    });
    return undefined;
  },

  record_external_outcome(draft, { body, bodyReference, decision, summary }, actor) {
    draft.state.externalOutcome = {
      body,
      bodyReference,
      decision,
      summary,
      recordedAt: draft.at,
      recordedBy: actor.id,
    };
    closeComplaint(draft, 'external_decision', { externalDecision: decision });
    return undefined;
  },

  withdraw(draft, { reason }) {
    closeComplaint(draft, 'withdrawn', { reason });
    return undefined;
  },

  close_out_of_scope(draft, { reason }) {
    closeComplaint(draft, 'out_of_scope', { reason });
    return undefined;
  },

  mark_duplicate(draft, { duplicateOf }) {
    if (duplicateOf === draft.state.reference) {
      return validationFailed([{ path: 'duplicateOf', message: 'a complaint cannot duplicate itself' }]);
    }
    draft.state.duplicateOf = duplicateOf;
    closeComplaint(draft, 'duplicate', { duplicateOf });
    return undefined;
  },

  link_repeat(draft, { repeatOf }, actor) {
    if (repeatOf === draft.state.reference) {
      return validationFailed([{ path: 'repeatOf', message: 'a complaint cannot repeat itself' }]);
    }
    // History only: no clock, message or status changes, so the workflow issues nothing but its record.
    draft.state.repeatOf = { reference: repeatOf, linkedAt: draft.at, linkedBy: actor.id };
    return undefined;
  },

  ...WAITING_DECISION_HANDLERS,
};

/** Manual or automatic acknowledgement: the initial review starts (in review if someone has it). */
export function acknowledgeComplaint(draft: Draft): StepResult {
  const { state } = draft;
  stopStage(draft);
  state.acknowledgedAt = draft.at;
  state.status = state.assignee ? 'in_review' : 'acknowledged';
  startStage(draft, 'initialReview');
  return undefined;
}

/**
 * `YYYY-MM-DD` before the day of an instant. One day of slack: the agent picks a local date,
 * and the instant is UTC, so "today" may already be tomorrow in UTC.
 */
function isBeforeDayOf(date: string, instant: string): boolean {
  const ms = Date.parse(instant);
  if (Number.isNaN(ms)) return false;
  const yesterday = new Date(ms - 24 * 60 * 60 * 1000).toISOString().slice(0, 10);
  return date < yesterday;
}
