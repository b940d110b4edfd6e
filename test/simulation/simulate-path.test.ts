// One path through the shipped definition on the TR calendar (Mon–Fri 09:00–18:00, UTC+3, no
// holiday in early March 2025), every instant worked out by hand: complaint B of
// test/helpers/past-complaints.ts, with two events the rules refuse.
import { describe, expect, it } from 'vitest';
import { calendarResolver } from '../../activities/calendars.js';
import { DEFAULT_PROCESS_DEFINITION } from '../../config/default-process.js';
import type { Actor } from '../../domain/lifecycle/index.js';
import type { PathEvent } from '../../simulation/run-path.js';
import { simulatePath, type SimulationRequest } from '../../simulation/simulate-path.js';
import { tr } from '../helpers/past-complaints.js';

const calendars = calendarResolver();
const agent = { id: 'agent-bora', role: 'agent' as const };
const decide = (at: string, decision: Extract<PathEvent, { kind: 'decision' }>['decision'], actor: Actor = agent): PathEvent => ({ at: tr(at), kind: 'decision', actor, decision });
const answer = (at: string, a: Extract<PathEvent, { kind: 'customer' }>['answer']): PathEvent => ({ at: tr(at), kind: 'customer', answer: a });

const PATH_B: SimulationRequest = {
  receivedAt: tr('2025-03-03 09:00'),
  events: [
    decide('2025-03-03 09:30', { type: 'assign', assignee: 'agent-bora', team: 'billing' }),
    decide('2025-03-06 09:00', { type: 'classify', category: 'billing', product: 'WM-8000', severity: 'medium', department: 'billing' }),
    decide('2025-03-07 09:00', { type: 'request_info', question: 'Which invoice?' }),
    answer('2025-03-10 09:00', { type: 'customer_answered_info', requestId: 'info-1', text: 'INV-7' }),
    decide('2025-03-10 10:00', { type: 'propose_resolution', outcome: 'upheld', summary: 'We credit', remedy: 'repair' }, { id: 'olcay', role: 'auditor' }),
    decide('2025-03-12 12:00', { type: 'propose_resolution', outcome: 'upheld', summary: 'We credit', remedy: 'repair' }),
    answer('2025-03-13 10:00', { type: 'customer_rejected', round: 1, reason: 'Too little' }),
    answer('2025-03-13 11:00', { type: 'customer_accepted', round: 1 }),
    decide('2025-03-17 10:00', { type: 'propose_resolution', outcome: 'upheld', summary: 'We refund', remedy: 'repair' }),
    answer('2025-03-18 10:00', { type: 'customer_accepted', round: 2 }),
  ],
};

describe('simulatePath', () => {
  it("gives every stage's start, warning at 75 % and deadline, and how it ended", async () => {
    const { stages } = await simulatePath(DEFAULT_PROCESS_DEFINITION, PATH_B, { calendars });
    expect(stages).toEqual([
      // 6 working hours from Mon 09:00; acknowledged at once by e-mail.
      { stage: 'acknowledgement', round: 1, startedAt: tr('2025-03-03 09:00'), warningAt: tr('2025-03-03 13:30'), deadlineAtStart: tr('2025-03-03 15:00'),
        deadline: tr('2025-03-03 15:00'), endedAt: tr('2025-03-03 09:00'), outcome: 'met', byWorkingMinutes: 360 },
      // 2 working days (18 h); the warning 13.5 h in: Tue 13:30. Classified Thu 09:00, 9 h late.
      { stage: 'initialReview', round: 1, startedAt: tr('2025-03-03 09:00'), warningAt: tr('2025-03-04 13:30'), deadlineAtStart: tr('2025-03-05 09:00'),
        deadline: tr('2025-03-05 09:00'), endedAt: tr('2025-03-06 09:00'), outcome: 'breached', byWorkingMinutes: 540 },
      // 4 + 1 working days (45 h) from Thu 09:00: due Thu 13 09:00, warning 33.75 h in (Tue 11 15:45). The question
      // pauses it Fri 09:00 → Mon 09:00, 9 working hours: both move 9 h on (Wed 12 15:45, the close of Thu 13).
      { stage: 'investigation', round: 1, startedAt: tr('2025-03-06 09:00'), warningAt: tr('2025-03-12 15:45'), deadlineAtStart: tr('2025-03-13 09:00'),
        deadline: tr('2025-03-13 18:00'), endedAt: tr('2025-03-12 12:00'), outcome: 'met', byWorkingMinutes: 900 },
      // From the rejection Thu 13 10:00: due Thu 20 10:00, warning 33.75 h in (Tue 18 16:45); proposal 27 h early.
      { stage: 'reinvestigation', round: 2, startedAt: tr('2025-03-13 10:00'), warningAt: tr('2025-03-18 16:45'), deadlineAtStart: tr('2025-03-20 10:00'),
        deadline: tr('2025-03-20 10:00'), endedAt: tr('2025-03-17 10:00'), outcome: 'met', byWorkingMinutes: 1620 },
    ]);
  });

  it('fires the warning and the breaches of the late initial review, climbing the escalation chain', async () => {
    const report = await simulatePath(DEFAULT_PROCESS_DEFINITION, PATH_B, { calendars });
    expect(report.warnings).toEqual([{ at: tr('2025-03-04 13:30'), stage: 'initialReview', notified: ['escalation:assignee'] }]);
    // At the deadline, then re-armed 4 working hours later; the next (a working day on) falls after the classification.
    expect(report.breaches).toEqual([
      { at: tr('2025-03-05 09:00'), stage: 'initialReview', breachCount: 1, owner: 'teamLead', notified: ['escalation:assignee', 'escalation:teamLead'] },
      { at: tr('2025-03-05 13:00'), stage: 'initialReview', breachCount: 2, owner: 'complaintsManager', notified: ['escalation:teamLead', 'escalation:complaintsManager'] },
    ]);
    expect(report.escalations).toEqual([
      { at: tr('2025-03-05 09:00'), stage: 'initialReview', from: 'assignee', to: 'teamLead', steps: 1, cause: 'breach' },
      { at: tr('2025-03-05 13:00'), stage: 'initialReview', from: 'teamLead', to: 'complaintsManager', steps: 1, cause: 'breach' },
    ]);
  });

  it('lists the messages that would go out, and sends none', async () => {
    const { messages } = await simulatePath(DEFAULT_PROCESS_DEFINITION, PATH_B, { calendars });
    expect(messages.filter((m) => m.audience === 'customer').map((m) => [m.at, m.template, m.recipient])).toEqual([
      [tr('2025-03-03 09:00'), 'acknowledgement', 'customer:email'],
      [tr('2025-03-07 09:00'), 'info_requested', 'customer:email'],
      [tr('2025-03-12 12:00'), 'resolution_proposed', 'customer:email'],
      [tr('2025-03-13 10:00'), 'reinvestigation_started', 'customer:email'],
      [tr('2025-03-17 10:00'), 'resolution_proposed', 'customer:email'],
      [tr('2025-03-18 10:00'), 'complaint_closed', 'customer:email'],
    ]);
    expect(messages).toContainEqual(expect.objectContaining({ audience: 'staff', template: 'complaint_routed', recipient: 'department:billing' }));
  });

  it('lists the events the rules refuse at their time, and goes on without them', async () => {
    const report = await simulatePath(DEFAULT_PROCESS_DEFINITION, PATH_B, { calendars });
    expect(report.refusals).toEqual([
      { index: 4, at: tr('2025-03-10 10:00'), type: 'propose_resolution', code: 'NOT_ALLOWED_FOR_ROLE', message: expect.any(String) },
      // Round 1 was rejected an hour before: its link's answer is over.
      { index: 7, at: tr('2025-03-13 11:00'), type: 'customer_accepted', code: 'GONE', message: expect.any(String) },
    ]);
    expect(report.final).toMatchObject({ status: 'closed', closure: 'accepted', round: 2, closedAt: tr('2025-03-18 10:00') });
    expect(report.stoppedBecause).toBe('closed');
  });

  it('gives the same answer every time', async () => {
    const [first, second] = await Promise.all([1, 2].map(() => simulatePath(DEFAULT_PROCESS_DEFINITION, PATH_B, { calendars })));
    expect(second).toEqual(first);
  });

  describe('a complaint nobody classifies', () => {
    const untouched: SimulationRequest = { receivedAt: tr('2025-03-03 09:00'), events: [], until: tr('2025-03-13 09:00') };

    it('breaches daily up the chain until the horizon, the director re-notified at the top', async () => {
      const report = await simulatePath(DEFAULT_PROCESS_DEFINITION, untouched, { calendars });
      // Wed 09:00 at the deadline, +4 working hours, then every working day (the last step re-arms).
      expect(report.breaches.map((b) => [b.at, b.owner])).toEqual([
        [tr('2025-03-05 09:00'), 'teamLead'],
        [tr('2025-03-05 13:00'), 'complaintsManager'],
        [tr('2025-03-06 13:00'), 'director'],
        [tr('2025-03-07 13:00'), 'director'],
        [tr('2025-03-10 13:00'), 'director'],
        [tr('2025-03-11 13:00'), 'director'],
        [tr('2025-03-12 13:00'), 'director'],
      ]);
      expect(report.escalations.map((e) => `${e.from}→${e.to}`)).toEqual([
        'assignee→teamLead', 'teamLead→complaintsManager', 'complaintsManager→director',
        'director→director', 'director→director', 'director→director', 'director→director',
      ]);
      // Five working days without news: a progress update Mon 10 09:00, the next due Mon 17.
      expect(report.messages.filter((m) => m.template === 'progress_update').map((m) => m.at)).toEqual([tr('2025-03-10 09:00')]);
      expect(report.final.deadlines.progressUpdateAt).toBe(tr('2025-03-17 09:00'));
      expect(report).toMatchObject({ stoppedBecause: 'horizon', simulatedUntil: tr('2025-03-13 09:00'), final: { status: 'acknowledged' } });
      expect(report.stages.at(-1)).toMatchObject({ stage: 'initialReview', outcome: 'running', endedAt: null });
    });

    it('waits for an agent to acknowledge a letter without e-mail or phone, so that stage breaches too', async () => {
      const letter = { ...untouched, channel: 'letter' as const, customer: { reachable: false }, until: tr('2025-03-03 18:00') };
      const report = await simulatePath(DEFAULT_PROCESS_DEFINITION, letter, { calendars });
      // 6 working hours from Mon 09:00: due 15:00, re-armed 2 working hours later (17:00).
      expect(report.breaches.map((b) => [b.stage, b.at])).toEqual([
        ['acknowledgement', tr('2025-03-03 15:00')],
        ['acknowledgement', tr('2025-03-03 17:00')],
      ]);
      expect(report.messages.some((m) => m.template === 'acknowledgement')).toBe(false);
    });
  });
});
