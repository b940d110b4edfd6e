// The backtest on four past complaints whose figures are worked out by hand in
// test/helpers/past-complaints.ts (TR calendar: 9 working hours a day).
import { describe, expect, it } from 'vitest';
import { calendarResolver } from '../../activities/calendars.js';
import { DEFAULT_PROCESS_DEFINITION } from '../../config/default-process.js';
import type { ProcessDefinition } from '../../domain/process-definition.js';
import { backtest, type BacktestReport } from '../../simulation/backtest.js';
import { COMPLAINT_B, PAST_COMPLAINTS, PAST_RANGE, SHORTER_DEADLINES } from '../helpers/past-complaints.js';

const filedUnder = (versionId: string) => (versionId === 'iso-10002-default@1' ? DEFAULT_PROCESS_DEFINITION : undefined);

function run(draft: ProcessDefinition, complaints = PAST_COMPLAINTS): Promise<BacktestReport> {
  return backtest({ draft, complaints, received: PAST_RANGE, asOf: '2026-01-01T00:00:00Z', filedUnder, calendars: calendarResolver() });
}

const stage = (report: BacktestReport, id: string) => report.stages.find((s) => s.stage === id)!;
const counted = (buckets: Array<{ fromHours: number | null; toHours: number | null; count: number }>) => buckets.filter((b) => b.count > 0);

describe('backtest', () => {
  it('gives back what was recorded when the version is the one the complaints ran on', async () => {
    const report = await run(DEFAULT_PROCESS_DEFINITION);
    for (const { overall } of report.stages) {
      expect(overall.onTime.draft).toEqual(overall.onTime.asWas);
      expect(overall.deadlineShift.buckets.filter((b) => b.count > 0).map((b) => [b.fromHours, b.toHours])).toEqual([[0, 0]]);
      expect(overall.breaches).toMatchObject({ added: 0, removed: 0 });
      expect(overall.escalations).toMatchObject({ added: 0, removed: 0 });
    }
  });

  describe('with one working day less for the initial review and two less for the investigation', () => {
    it('counts what it replayed: C never started, D ran on a version nobody knows', async () => {
      const { summary } = await run(SHORTER_DEADLINES);
      expect(summary).toMatchObject({ replayed: 3, notStarted: 1, withRefusals: 0, closed: { asWas: 3, draft: 3 } });
      expect(summary.filedUnder).toEqual(
        expect.arrayContaining([
          { versionId: 'iso-10002-default@1', complaints: 2 },
          { versionId: 'iso-10002-default@7', complaints: 1 },
          { versionId: null, complaints: 1 },
        ]),
      );
    });

    it('moves every initial review 9 working hours earlier and breaches A, which was on time', async () => {
      const { overall } = stage(await run(SHORTER_DEADLINES), 'initialReview');
      // As recorded: A met, B breached, D cut short by the withdrawal (not counted) → 1 of 2.
      // Draft: A's review is due Tue 10:00, classified 15:00 → breached by 5 h; B breached by 18 h → 0 of 2.
      expect(overall.onTime).toEqual({ asWas: { met: 1, breached: 1, rate: 0.5 }, draft: { met: 0, breached: 2, rate: 0 } });
      // A: 240 min before → 300 after: −540 min; B: 540 after → 1080 after: −540; D: 1020 before → 480 before: −540.
      expect(overall.deadlineShift).toMatchObject({ count: 3, minHours: -9, p50Hours: -9, p90Hours: -9, maxHours: -9, meanHours: -9 });
      expect(counted(overall.deadlineShift.buckets)).toEqual([{ fromHours: -24, toHours: -8, count: 3 }]);
      // Breaches: A none → Tue 10:00 and 14:00 (re-armed after 4 working hours); B Wed 09:00, 13:00 →
      // Tue 09:00, 13:00, Wed 13:00 (re-armed after a working day); D none before 11:00 in either.
      expect(overall.breaches).toEqual({ asWas: 2, draft: 5, added: 3, removed: 0 });
      // Each of those breach steps escalates; D's are not compared (its version's policy is unknown).
      expect(overall.escalations).toEqual({ asWas: 2, draft: 5, added: 3, removed: 0, notCompared: 1 });
    });

    it('moves the investigations 18 working hours earlier: B, paused by its question, now misses', async () => {
      const { overall } = stage(await run(SHORTER_DEADLINES), 'investigation');
      // A: due Fri 7 15:00, proposal Thu 12:00 → met by 6 + 6 h = 720 min (was 1800).
      // B: due Tue 11 09:00, 9 paused hours on = Tue 18:00; proposal Wed 12:00 → breached by 180 (was met by 900).
      expect(overall.onTime).toEqual({ asWas: { met: 2, breached: 0, rate: 1 }, draft: { met: 1, breached: 1, rate: 0.5 } });
      expect(overall.deadlineShift).toMatchObject({ count: 2, minHours: -18, maxHours: -18 });
      expect(overall.breaches).toEqual({ asWas: 0, draft: 1, added: 1, removed: 0 });
      expect(overall.escalations).toEqual({ asWas: 0, draft: 1, added: 1, removed: 0, notCompared: 0 });
    });

    it('leaves the reinvestigation and the acknowledgement as they were', async () => {
      const report = await run(SHORTER_DEADLINES);
      expect(stage(report, 'reinvestigation').overall).toMatchObject({ complaints: 1, deadlineShift: { count: 1, maxHours: 0 } });
      expect(stage(report, 'acknowledgement').overall.onTime.draft).toEqual({ met: 3, breached: 0, rate: 1 });
    });

    it('splits each stage by category', async () => {
      const byCategory = stage(await run(SHORTER_DEADLINES), 'initialReview').byCategory;
      expect(byCategory.map((c) => c.category)).toEqual(['billing', 'defect']);
      const [billing, defect] = byCategory;
      expect(billing).toMatchObject({ complaints: 1, onTime: { asWas: { rate: 0 }, draft: { rate: 0 } }, breaches: { asWas: 2, draft: 3, added: 1 } });
      // defect: A (met → breached) and D (cut short both times).
      expect(defect).toMatchObject({ complaints: 2, onTime: { asWas: { rate: 1 }, draft: { rate: 0 } }, breaches: { asWas: 0, draft: 2, added: 2 } });
      expect(defect!.escalations).toEqual({ asWas: 0, draft: 2, added: 2, removed: 0, notCompared: 1 });
    });

    it('counts the workload per team and ISO week of the range', async () => {
      // W10 (Mon 3 Mar): A, B and D arrive; D has no team or department. W11: only B is still open.
      expect((await run(SHORTER_DEADLINES)).workload).toEqual([
        { week: '2025-W10', weekStart: '2025-03-03', team: '(unrouted)', new: { asWas: 1, draft: 1 }, inProgress: { asWas: 1, draft: 1 } },
        { week: '2025-W10', weekStart: '2025-03-03', team: 'after-sales', new: { asWas: 1, draft: 1 }, inProgress: { asWas: 1, draft: 1 } },
        { week: '2025-W10', weekStart: '2025-03-03', team: 'billing', new: { asWas: 1, draft: 1 }, inProgress: { asWas: 1, draft: 1 } },
        { week: '2025-W11', weekStart: '2025-03-10', team: 'billing', new: { asWas: 0, draft: 0 }, inProgress: { asWas: 1, draft: 1 } },
      ]);
    });
  });

  it('counts recorded events the version refuses, and replays the rest', async () => {
    // One round only: B's rejection sends it to external remedies, so the second proposal is refused
    // and the complaint stays open_external (not closed by the replay).
    const oneRound: ProcessDefinition = { ...DEFAULT_PROCESS_DEFINITION, acceptance: { ...DEFAULT_PROCESS_DEFINITION.acceptance, rounds: 1 } };
    const { summary, stages } = await run(oneRound, [COMPLAINT_B]);
    expect(summary.withRefusals).toBe(1);
    expect(summary.refusals).toEqual([
      { type: 'propose_resolution', code: 'INVALID_TRANSITION', count: 1 },
      { type: 'customer_accepted', code: 'INVALID_TRANSITION', count: 1 },
    ]);
    expect(summary.closed).toEqual({ asWas: 1, draft: 0 });
    expect(stages.find((s) => s.stage === 'reinvestigation')!.overall.onTime.draft).toEqual({ met: 0, breached: 0, rate: null });
  });
});
