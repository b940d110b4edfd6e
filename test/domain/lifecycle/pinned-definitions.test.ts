// A complaint pinned to a definition from before the survey, routing and decision roles were part
// of it behaves exactly as it did: every event from every status gives the same state, effects or
// refusal as under the shipped definition, which states the code defaults explicitly.
import { describe, expect, it } from 'vitest';
import { COMPLAINT_STATUSES, ROLES } from '../../../domain/complaint.js';
import { advance, DEFAULT_SURVEY_POLICY, type LifecycleEvent } from '../../../domain/lifecycle/index.js';
import type { ProcessDefinition } from '../../../domain/process-definition.js';
import { answer, beforeNewerParts, decide, definition, effectsOfKind, reach, SAMPLE_DECISIONS, step, system } from './fixtures.js';

const events = (): LifecycleEvent[] => [
  ...ROLES.flatMap((role) => Object.values(SAMPLE_DECISIONS).map((d) => decide(d, role))),
  decide({ ...SAMPLE_DECISIONS.record_customer_answer, answer: 'accepted' }),
  answer({ type: 'customer_accepted', round: 1 }),
  answer({ type: 'customer_rejected', round: 1, reason: 'Still leaking.' }),
  answer({ type: 'customer_answered_info', requestId: 'info-1', text: 'A photo.' }),
  system({ type: 'acknowledgement_sent' }),
  system({ type: 'deadline_warning', stage: 'investigation' }),
  system({ type: 'deadline_breached', stage: 'investigation', breachCount: 2 }),
  system({ type: 'customer_answer_timed_out', round: 1 }),
  system({ type: 'answer_reminder_due', round: 1 }),
  system({ type: 'info_reminder_due', requestId: 'info-1' }),
  system({ type: 'info_answer_timed_out', requestId: 'info-1' }),
  system({ type: 'progress_update_due' }),
];

/** What a step gives, as the bytes a workflow would see. */
const outcome = (result: ReturnType<typeof advance>) =>
  JSON.stringify(result.ok ? result : { ok: false, code: result.error.code, message: result.error.message, details: result.error.details });

describe('a definition without survey, routing and decision roles', () => {
  it.each(COMPLAINT_STATUSES)('gives every event while %s the outcome the shipped definition gives', (status) => {
    const state = reach(status);
    for (const event of events()) {
      expect(outcome(advance(state, event, beforeNewerParts)), `${event.kind} ${JSON.stringify(event)}`).toBe(
        outcome(advance(state, event, definition)),
      );
    }
  });
});

describe('the satisfaction survey', () => {
  const afterWithdrawal: ProcessDefinition = { ...definition, survey: { lifetime: { calendarDays: 14 }, afterClosures: ['withdrawn'] } };
  const surveyed = (def: ProcessDefinition, event: LifecycleEvent, from = reach('resolution_proposed', def)) =>
    effectsOfKind(step(from, event, def).effects, 'request_satisfaction_survey');

  it('is asked for after the closures the definition names, and only those', () => {
    expect(surveyed(afterWithdrawal, decide(SAMPLE_DECISIONS.withdraw))).toEqual([
      { kind: 'request_satisfaction_survey', closure: 'withdrawn', lifetime: { calendarDays: 14 } },
    ]);
    expect(surveyed(afterWithdrawal, answer({ type: 'customer_accepted', round: 1 }))).toEqual([]);
  });

  it('follows the code default without a survey in the definition: after acceptance, not after withdrawal', () => {
    expect(DEFAULT_SURVEY_POLICY.afterClosures).toEqual(['accepted', 'deemed_accepted', 'external_decision']);
    expect(surveyed(beforeNewerParts, answer({ type: 'customer_accepted', round: 1 }))).toEqual([
      { kind: 'request_satisfaction_survey', closure: 'accepted', lifetime: { calendarDays: 30 } },
    ]);
    expect(surveyed(beforeNewerParts, decide(SAMPLE_DECISIONS.withdraw))).toEqual([]);
  });
});
