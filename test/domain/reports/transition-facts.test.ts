// The facts one transition establishes, from the snapshots before and after it.
import { describe, expect, it } from 'vitest';
import { initialState, type ComplaintState, type Proposal } from '../../../domain/lifecycle/state.js';
import { transitionFacts, type FactSnapshot } from '../../../domain/reports/transition-facts.js';

const RECEIVED = '2026-03-02T08:00:00.000Z';
const base = initialState({ reference: 'CMP-2026-000001', receivedAt: RECEIVED, channel: 'web', customer: { locale: 'tr', email: 'a@example.com' } });

function snapshot(state: Partial<ComplaintState>, deadline: { id: string; deadline: string } | null = null, escalationLevel = 'owner'): FactSnapshot {
  return { state: { ...base, ...state }, deadlines: { stage: deadline }, escalationLevel };
}
const at = (seq: number, iso: string, type = 'note', data: Record<string, unknown> = {}) => ({ seq, at: iso, event: { type, data } });
const investigation = (breachCount = 0) => ({ id: 'investigation' as const, startedAt: '2026-03-02T09:00:00.000Z', pausedAt: null, warned: false, breachCount });
const proposal = (round: number, answer: Proposal['answer'] = null): Proposal => ({
  round, outcome: 'partly_upheld', summary: 'x', remedy: 'refund', amount: 100, currency: 'TRY', correctiveActionId: null,
  proposedAt: `2026-03-0${round + 2}T10:00:00.000Z`, proposedBy: 'agent-1', reminderSentAt: null, answerTimedOutAt: null, answer,
});

describe('transitionFacts', () => {
  it('starts the first stage run at the start of its clock, with its deadline', () => {
    const facts = transitionFacts(null, snapshot({}, { id: 'acknowledgement', deadline: '2026-03-02T10:00:00.000Z' }), at(2, RECEIVED, 'process_started'));
    expect(facts.stageClocks).toEqual([
      { stage: 'acknowledgement', startedAt: RECEIVED, deadlineAt: '2026-03-02T10:00:00.000Z', endedAt: null, breached: false },
    ]);
  });

  it('ends the run that stopped at the transition, with its last deadline, and starts the next', () => {
    const before = snapshot({ stage: { ...investigation(), id: 'initialReview' } }, { id: 'initialReview', deadline: '2026-03-03T08:00:00.000Z' });
    const after = snapshot({ stage: investigation() }, { id: 'investigation', deadline: '2026-03-09T09:00:00.000Z' });
    expect(transitionFacts(before, after, at(5, '2026-03-02T09:00:00.000Z', 'classify')).stageClocks).toEqual([
      { stage: 'initialReview', startedAt: '2026-03-02T09:00:00.000Z', deadlineAt: '2026-03-03T08:00:00.000Z', endedAt: '2026-03-02T09:00:00.000Z', breached: false },
      { stage: 'investigation', startedAt: '2026-03-02T09:00:00.000Z', deadlineAt: '2026-03-09T09:00:00.000Z', endedAt: null, breached: false },
    ]);
  });

  it('marks a run breached once a breach fired in it, and one that stopped past its deadline before the breach fired', () => {
    const running = snapshot({ stage: investigation() }, { id: 'investigation', deadline: '2026-03-09T09:00:00.000Z' });
    const breached = snapshot({ stage: investigation(1) }, { id: 'investigation', deadline: '2026-03-09T09:00:00.000Z' });
    expect(transitionFacts(running, breached, at(6, '2026-03-09T09:00:00.000Z', 'deadline_breached')).stageClocks).toMatchObject([{ breached: true, endedAt: null }]);
    const proposed = snapshot({ stage: null, status: 'resolution_proposed' });
    const late = at(7, '2026-03-09T09:01:00.000Z', 'propose_resolution', { stageOutcome: { stage: 'investigation', outcome: 'breached', met: false, byMinutes: -1 } });
    expect(transitionFacts(running, proposed, late).stageClocks).toEqual([
      { stage: 'investigation', startedAt: '2026-03-02T09:00:00.000Z', deadlineAt: '2026-03-09T09:00:00.000Z', endedAt: '2026-03-09T09:01:00.000Z', breached: true },
    ]);
    const inTime = at(7, '2026-03-05T09:00:00.000Z', 'propose_resolution', { stageOutcome: { stage: 'investigation', outcome: 'met', met: true, byMinutes: 10 } });
    expect(transitionFacts(running, proposed, inTime).stageClocks).toMatchObject([{ breached: false }]);
  });

  it('keeps a paused run open: a pause is not an end', () => {
    const running = snapshot({ stage: investigation() }, { id: 'investigation', deadline: '2026-03-09T09:00:00.000Z' });
    const paused = snapshot({ stage: { ...investigation(), pausedAt: '2026-03-04T09:00:00.000Z' }, status: 'awaiting_customer' }, { id: 'investigation', deadline: '2026-03-09T09:00:00.000Z' });
    expect(transitionFacts(running, paused, at(6, '2026-03-04T09:00:00.000Z', 'request_info')).stageClocks).toEqual([
      { stage: 'investigation', startedAt: '2026-03-02T09:00:00.000Z', deadlineAt: '2026-03-09T09:00:00.000Z', endedAt: null, breached: false },
    ]);
  });

  it('records an escalation step with the level it reached when the escalation counter rises', () => {
    const before = snapshot({ stage: investigation() });
    const after = snapshot({ stage: investigation(1), escalation: { stage: 'investigation', level: 1 }, counters: { ...base.counters, breaches: 1, escalations: 1 } }, null, 'teamLead');
    const facts = transitionFacts(before, after, at(8, '2026-03-09T09:00:00.000Z', 'deadline_breached'));
    expect(facts.escalation).toEqual({ seq: 8, stage: 'investigation', level: 'teamLead', occurredAt: '2026-03-09T09:00:00.000Z' });
    expect(facts.breachCount).toBe(1);
    expect(transitionFacts(after, after, at(9, '2026-03-09T10:00:00.000Z')).escalation).toBeNull();
  });

  it('writes a proposal when it is made and again when it is answered, and leaves unchanged rounds alone', () => {
    const one = snapshot({ proposals: [proposal(1)] });
    expect(transitionFacts(snapshot({}), one, at(6, '2026-03-03T10:00:00.000Z', 'propose_resolution')).proposals).toEqual([
      { round: 1, outcome: 'partly_upheld', remedy: 'refund', amount: 100, currency: 'TRY', proposedAt: '2026-03-03T10:00:00.000Z', answer: null, answeredAt: null },
    ]);
    const rejected = snapshot({ proposals: [proposal(1, { outcome: 'rejected', at: '2026-03-04T10:00:00.000Z', reason: 'no' })] });
    expect(transitionFacts(one, rejected, at(7, '2026-03-04T10:00:00.000Z', 'customer_rejected')).proposals).toMatchObject([{ round: 1, answer: 'rejected', answeredAt: '2026-03-04T10:00:00.000Z' }]);
    const two = snapshot({ proposals: [...rejected.state.proposals, proposal(2)] });
    expect(transitionFacts(rejected, two, at(8, '2026-03-05T10:00:00.000Z', 'propose_resolution')).proposals.map((p) => p.round)).toEqual([2]);
  });

  it('takes a proposal made before outcomes existed as outcome null', () => {
    const { outcome: _, ...old } = proposal(1);
    expect(transitionFacts(snapshot({}), snapshot({ proposals: [old] }), at(6, '2026-03-03T10:00:00.000Z')).proposals[0]!.outcome).toBeNull();
  });

  it('names new corrective actions, a category set or changed, and the closing transition', () => {
    const action = { id: 'ca-1', rootCause: 'Seal fitted wrong', action: 'Retrain', owner: 'qa-1', dueDate: '2026-04-01', recordedAt: '2026-03-03T10:00:00.000Z', recordedBy: 'agent-1' };
    const classified = snapshot({ classification: { category: 'product_defect', product: 'WM-8000', severity: 'high', department: 'after_sales' } });
    const withAction = snapshot({ ...classified.state, correctiveActions: [action] });
    const facts = transitionFacts(classified, withAction, at(7, '2026-03-03T10:00:00.000Z', 'record_corrective_action'));
    expect(facts.correctiveActions).toEqual([{ actionId: 'ca-1', rootCause: 'Seal fitted wrong', recordedAt: '2026-03-03T10:00:00.000Z' }]);
    expect(facts.categoryChanged).toBe(false);
    expect(transitionFacts(snapshot({}), classified, at(6, '2026-03-02T09:00:00.000Z', 'classify')).categoryChanged).toBe(true);
    const recategorised = snapshot({ classification: { ...classified.state.classification!, category: 'delivery' } });
    expect(transitionFacts(classified, recategorised, at(8, '2026-03-03T11:00:00.000Z', 'classify')).categoryChanged).toBe(true);
    const closed = snapshot({ ...withAction.state, status: 'closed', closedAt: '2026-03-04T10:00:00.000Z' });
    expect(transitionFacts(withAction, closed, at(9, '2026-03-04T10:00:00.000Z', 'withdraw')).closed).toBe(true);
    expect(transitionFacts(closed, closed, at(10, '2026-03-05T10:00:00.000Z', 'survey_answered')).closed).toBe(false);
  });
});
