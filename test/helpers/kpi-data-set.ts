// A small KPI data set written straight into the read model's tables (the contract of
// db/migrations/0018), with every figure of the report worked out by hand below.
//
// Report: 2026-04-20 (Mon) – 2026-05-03 (Sun), Europe/Istanbul (UTC+3): [2026-04-19T21:00Z, 2026-05-03T21:00Z).
// TR calendar: Mon–Fri 09:00–18:00 (540 min a day); holidays Thu 23 Apr and Fri 1 May 2026,
// Ramazan Bayramı Fri 20 – Sun 22 Mar, its eve Thu 19 Mar until 13:00.
//
//      received (local)      closed (local)        closure          category     resolution (working minutes)
// C1   Fri 10 Apr 10:00      open                                   billing
// C2   Wed 15 Apr 12:00      Tue 21 Apr 12:00      accepted         billing      Wed 360 + Thu 540 + Fri 540 + Mon 540 + Tue 180 = 2160
// C3   Wed 22 Apr 16:00      Fri 24 Apr 11:00      accepted         delivery     Wed 120 + Thu (holiday) 0 + Fri 120 = 240
// C4   Fri 24 Apr 17:00      Mon 27 Apr 10:00      withdrawn        delivery     Fri 60 + weekend 0 + Mon 60 = 120
// C5   Mon 27 Apr 09:30      Mon 4 May 10:00 (after the period)     =HYPERLINK(…)
// C6   Tue 28 Apr 11:00      open                                   (none)
// C7   Sun 3 May 23:30 (20:30Z, still in the period)                (none)
// C8   Mon 4 May 00:30 (21:30Z on 3 May UTC: after the period)     delivery
// C9   Sun 1 Mar 10:00       open_external (round 2 rejected Tue 21 Apr)  billing
// C10  Tue 21 Apr 10:00      Thu 30 Apr 15:00      deemed_accepted  delivery     480 + 540 + 0 + 540 + 540 + 540 + 540 + 360 = 3540
// C11  Mon 20 Apr 09:00      Mon 20 Apr 13:00      duplicate        billing      240
// C12  Mon 23 Feb 09:00      Wed 22 Apr 09:00      out_of_scope     billing      42 weekdays Feb 23 – Apr 21, less 20 Mar = 41;
//                                                                                the eve 19 Mar 240: 40 × 540 + 240 = 21840
//
// Volume: received C3 C4 C5 C6 C7 C10 C11 = 7 (C8 is after the end, C2 before the start);
//   closed C2 C3 C4 C10 C11 C12 = 6; open at end C1 C5 C6 C7 C9 = 5; open at start C1 C2 C9 C12 = 4 (= 5 − 7 + 6).
// Backlog ageing on Sun 3 May: working days after the day of receipt up to 3 May.
//   C1 (10 Apr): 13–17 Apr 5, 20–24 Apr less 23rd 4, 27–30 Apr 4 → 13 → 11–20.
//   C5 (27 Apr): 28, 29, 30 Apr → 3 → 3–5.   C6 (28 Apr): 29, 30 Apr (1 May a holiday) → 2 → 0–2 (3 without the holiday).
//   C7 (3 May): 0 → 0–2.   C9 (1 Mar): > 20.   Buckets: 0–2: 2, 3–5: 1, 6–10: 0, 11–20: 1, >20: 1.
// Resolution of the 6 closed, sorted: 120, 240, 240, 2160, 3540, 21840 minutes.
//   median (240 + 2160) / 2 = 1200 min = 20 h; p90 at 0.9 × 5 = 4.5: 3540 + 0.5 × (21840 − 3540) = 12690 min = 211.5 h.
//   within 3 business days: C3, C4, C11 (C2: due end of Mon 20 Apr, closed Tue) → 3 / 6; within 8 weeks: all but C12 → 5 / 6.
// Closures: accepted 2, deemed_accepted 1, withdrawn 1, out_of_scope 1, duplicate 1.
// Stage clocks settled (met when stopped unbreached, at ended_at; missed at deadline_at when breached):
//   acknowledgement: C3 met (22 Apr), C4 met (24 Apr), C5 missed (deadline 28 Apr, still running) → 2 / 3;
//   C6 running unbreached: not settled; C2 ended 15 Apr: before.
//   initialReview: C10 missed (deadline Tue 21 Apr 18:00, ended 22 Apr) → 0 / 1.
//   investigation: C10 met (24 Apr) → 1 / 1; C9 breached at 20 Mar (ended 5 Apr): before the period.
//   reinvestigation: C10 met (29 Apr) → 1 / 1.
// Escalations: C10 teamLead 21 Apr 18:00, complaintsManager 22 Apr 09:00; C5 teamLead 28 Apr 18:00; C9's 20 Mar before → 3.
// Proposals made in the period: C2 r1 upheld, C3 r1 partly_upheld, C10 r1 not_upheld, C10 r2 partly_upheld,
//   C9 r2 (no outcome), C5 r1 upheld → upheld 2, partly 2, not 1, unrecorded 1 (C9 r1 on 10 Mar: before).
// Answered in the period: C2 r1 accepted, C3 r1 accepted, C10 r1 rejected, C10 r2 deemed, C9 r2 rejected.
//   first round 2 / 3; second round 1 / 2; deemed 1 / 5; external hand-offs: C9 (its last round rejected, open_external) 1.
//   Redress: C2 TRY 150.00, C10 EUR 75.50 (C9's TRY 500 was rejected, C5's TRY 1000 is unanswered).
// Repeats (30-day window): C10 (prior 1 Apr, 20 days) yes, and an agent linked it to C2 too: counted once;
//   C4 (no prior; an agent linked it to C12, closed 22 Apr, as a repeat) yes, whatever the window;
//   C3 (prior 20 Mar, 33 days) no; C11 (prior 1 Feb) no → 2 / 7. With 35 days C3 too → 3 / 7.
// Survey answers in the period: C2 5/4 (22 Apr), C3 3/5 (27 Apr), C10 2/1 (1 May); C11's at 00:30 on 4 May is after.
//   mean handling 10 / 3 = 3.33, outcome 10 / 3 = 3.33; handling ≥ 4: 1 / 3; outcome ≥ 4: 2 / 3.
// Root causes: "late delivery" 2 (C2, C3 written "  late   DELIVERY "), "billing error" 1 (C10; C9's is before), "rude staff" 1.
//
// By week: W17 (20–26 Apr) received C3 C4 C10 C11 = 4, closed C2 C3 C11 C12 = 4, open 4 → 4, median (240 + 2160) / 2 = 20 h,
//   SLA C3 ack, C4 ack, C10 investigation met, C10 initialReview missed → 3 / 4, acceptance C2 C3 of C2 C3 C10r1 C9r2 → 2 / 4,
//   satisfaction C2 → 5. W18 (27 Apr – 3 May) received C5 C6 C7 = 3, closed C4 C10 = 2, open 4 → 5, median (120 + 3540) / 2
//   = 30.5 h, SLA C10 reinvestigation met, C5 ack missed → 1 / 2, acceptance C10r2 → 1 / 1, satisfaction (3 + 2) / 2 = 2.5.
//   Trends from 30 Mar: W14 (30 Mar – 5 Apr) all zero, W15 received C1, W16 received C2.
//
// Departments and teams (in the staff directory too): the billing complaints C1 C2 C9 C11 C12 are
// finance's, billing-team's; all the others (C3 C4 C5 C6 C7 C8 C10) after-sales', service-team's.
// Filtered to service-team (or after-sales): received C3 C4 C5 C6 C7 C10 = 6; closed C3 C4 C10 = 3;
//   open at end C5 C6 C7 = 3; open at start 3 − 6 + 3 = 0. Ageing: C6 and C7 0–2, C5 3–5.
//   Stage clocks: acknowledgement C3 C4 met, C5 missed → 2 / 3; initialReview 0 / 1, investigation 1 / 1,
//   reinvestigation 1 / 1 (all C10's). Escalations C10 teamLead + complaintsManager, C5 teamLead → 3.
//   Resolution 120 (C4), 240 (C3), 3540 (C10): median 240 min = 4 h; p90 at 0.9 × 2 = 1.8:
//   240 + 0.8 × 3300 = 2880 min = 48 h. Within 3 business days C3 C4 → 2 / 3; within 8 weeks 3 / 3.
//   Closures accepted 1 (C3), deemed 1 (C10), withdrawn 1 (C4). Answered: C3 r1 accepted, C10 r1
//   rejected, C10 r2 deemed → first round 1 / 2, second round 1 / 1, deemed 1 / 3, no hand-off.
//   Proposals made: C3 r1 partly, C10 r1 not, C10 r2 partly, C5 r1 upheld → upheld 1, partly 2, not 1.
//   Redress C10 EUR 75.50. Repeats C4 (linked) C10 → 2 / 6. Survey C3 3/5, C10 2/1 → 2 answers, handling 2.5,
//   outcome 3; handling ≥ 4 0 / 2, outcome ≥ 4 1 / 2. Root causes: billing error, late delivery, rude staff, 1 each.
//   By week: W17 received C3 C4 C10 = 3, closed C3 = 1, open 0 → 2, median 4 h, SLA 3 / 4 (C3 C4 ack,
//   C10 investigation met, C10 initialReview missed), acceptance C3r1 of C3r1 C10r1 → 0.5, no survey;
//   W18 received C5 C6 C7 = 3, closed C4 C10 = 2, open 2 → 3, median 30.5 h, SLA 1 / 2, acceptance 1,
//   satisfaction 2.5. Categories received: delivery 3 (all closed), none 2, the formula-looking one 1.
// Filtered to billing-team (or finance): the billing category's figures: received C11 = 1; closed C2
//   C11 C12 = 3; open at end C1 C9 = 2; open at start 4. Ageing C1 11–20, C9 > 20. No stage clock
//   settles in the period (C2's ended 15 Apr, C9's breached 20 Mar) and no escalation. Resolution 240,
//   2160, 21840: median 36 h, p90 298.4 h; within 3 business days C11 → 1 / 3; within 8 weeks C2 C11
//   (C12 took 58 days) → 2 / 3. Closures accepted 1, duplicate 1, out_of_scope 1. Answered C2 r1
//   accepted, C9 r2 rejected → first round 1 / 1, second round 0 / 1, deemed 0 / 2, hand-offs 1 (C9).
//   Proposals made C2 r1 upheld, C9 r2 unrecorded. Redress C2 TRY 150.00. Repeats 0 / 1. Survey C2 5/4
//   → 1 answer, satisfied 1 / 1 each. Root causes: late delivery 1 (C9's billing error is before).
//   Trends from 30 Mar: W15 received C1; W16 received C2, its acknowledgement met → SLA 1; W17 received
//   C11, closed C2 C11 C12, median 36 h, no clock settled, acceptance C2r1 of C2r1 C9r2 → 0.5,
//   satisfaction 5; W18 nothing.
// Department finance with team service-team: no complaint is both, every count 0.
import { randomUUID } from 'node:crypto';
import type { Sql } from 'postgres';

/** `tr('2026-04-20 09:00')`: a Turkish wall-clock time (UTC+3) as an instant. */
export const tr = (local: string) => new Date(`${local.replace(' ', 'T')}:00+03:00`);

export const KPI_PERIOD = { from: '2026-04-20', to: '2026-05-03' } as const;
export const FORMULA_CATEGORY = '=HYPERLINK("http://evil.test","click")';

interface ComplaintRow {
  key: string;
  received: string;
  closed?: string;
  closure?: string;
  status?: string;
  category?: string;
  channel?: string;
  round?: number;
  prior?: string;
  /** The complaint an agent linked this one to as a repeat (link_repeat). */
  repeatOf?: string;
  minutes?: number;
  within3?: boolean;
}

const COMPLAINTS: ComplaintRow[] = [
  { key: 'C1', received: '2026-04-10 10:00', status: 'investigating', category: 'billing', channel: 'web', round: 0 },
  { key: 'C2', received: '2026-04-15 12:00', closed: '2026-04-21 12:00', closure: 'accepted', category: 'billing', channel: 'web', round: 1, minutes: 2160, within3: false },
  { key: 'C3', received: '2026-04-22 16:00', closed: '2026-04-24 11:00', closure: 'accepted', category: 'delivery', channel: 'phone', round: 1, prior: '2026-03-20 10:00', minutes: 240, within3: true },
  { key: 'C4', received: '2026-04-24 17:00', closed: '2026-04-27 10:00', closure: 'withdrawn', category: 'delivery', channel: 'web', repeatOf: 'C12', minutes: 120, within3: true },
  { key: 'C5', received: '2026-04-27 09:30', closed: '2026-05-04 10:00', closure: 'accepted', category: FORMULA_CATEGORY, channel: 'email', round: 1, minutes: 3810, within3: false },
  { key: 'C6', received: '2026-04-28 11:00', status: 'acknowledged', channel: 'web' },
  { key: 'C7', received: '2026-05-03 23:30', status: 'received', channel: 'web' },
  { key: 'C8', received: '2026-05-04 00:30', status: 'received', category: 'delivery', channel: 'web' },
  { key: 'C9', received: '2026-03-01 10:00', status: 'open_external', category: 'billing', channel: 'letter', round: 2 },
  { key: 'C10', received: '2026-04-21 10:00', closed: '2026-04-30 15:00', closure: 'deemed_accepted', category: 'delivery', channel: 'web', round: 2, prior: '2026-04-01 10:00', repeatOf: 'C2', minutes: 3540, within3: false },
  { key: 'C11', received: '2026-04-20 09:00', closed: '2026-04-20 13:00', closure: 'duplicate', category: 'billing', channel: 'email', prior: '2026-02-01 10:00', minutes: 240, within3: true },
  { key: 'C12', received: '2026-02-23 09:00', closed: '2026-04-22 09:00', closure: 'out_of_scope', category: 'billing', channel: 'web', minutes: 21840, within3: false },
];

type Clock = [key: string, stage: string, started: string, deadline: string, ended: string | null, breached: boolean];
const STAGE_CLOCKS: Clock[] = [
  ['C2', 'acknowledgement', '2026-04-15 12:00', '2026-04-17 12:00', '2026-04-15 13:00', false],
  ['C3', 'acknowledgement', '2026-04-22 16:00', '2026-04-24 16:00', '2026-04-22 17:00', false],
  ['C4', 'acknowledgement', '2026-04-24 17:00', '2026-04-28 17:00', '2026-04-24 17:30', false],
  ['C5', 'acknowledgement', '2026-04-27 09:30', '2026-04-28 18:00', null, true],
  ['C6', 'acknowledgement', '2026-04-28 11:00', '2026-04-30 11:00', null, false],
  ['C10', 'initialReview', '2026-04-21 11:00', '2026-04-21 18:00', '2026-04-22 10:00', true],
  ['C10', 'investigation', '2026-04-22 10:00', '2026-04-28 10:00', '2026-04-24 10:00', false],
  ['C10', 'reinvestigation', '2026-04-24 10:00', '2026-05-04 10:00', '2026-04-29 12:00', false],
  ['C9', 'investigation', '2026-03-05 10:00', '2026-03-20 10:00', '2026-04-05 10:00', true],
];

const ESCALATIONS: [key: string, seq: number, stage: string, level: string, at: string][] = [
  ['C10', 5, 'initialReview', 'teamLead', '2026-04-21 18:00'],
  ['C10', 6, 'initialReview', 'complaintsManager', '2026-04-22 09:00'],
  ['C5', 4, 'acknowledgement', 'teamLead', '2026-04-28 18:00'],
  ['C9', 7, 'investigation', 'teamLead', '2026-03-20 10:00'],
];

type Proposal = [key: string, round: number, outcome: string | null, amount: string | null, currency: string | null, proposed: string, answer: string | null, answered: string | null];
const PROPOSALS: Proposal[] = [
  ['C2', 1, 'upheld', '150.00', 'TRY', '2026-04-20 10:00', 'accepted', '2026-04-21 12:00'],
  ['C3', 1, 'partly_upheld', null, null, '2026-04-24 09:00', 'accepted', '2026-04-24 11:00'],
  ['C10', 1, 'not_upheld', null, null, '2026-04-22 12:00', 'rejected', '2026-04-24 10:00'],
  ['C10', 2, 'partly_upheld', '75.50', 'EUR', '2026-04-27 12:00', 'deemed_accepted', '2026-04-30 15:00'],
  ['C9', 1, 'not_upheld', null, null, '2026-03-10 10:00', 'rejected', '2026-03-12 10:00'],
  ['C9', 2, null, '500.00', 'TRY', '2026-04-20 09:30', 'rejected', '2026-04-21 10:00'],
  ['C5', 1, 'upheld', '1000.00', 'TRY', '2026-05-02 10:00', null, null],
];

const SURVEY: [key: string, handling: number, outcome: number, at: string][] = [
  ['C2', 5, 4, '2026-04-22 10:00'],
  ['C3', 3, 5, '2026-04-27 10:00'],
  ['C10', 2, 1, '2026-05-01 10:00'],
  ['C11', 4, 2, '2026-05-04 00:30'],
];

const ROOT_CAUSES: [key: string, id: string, cause: string, at: string][] = [
  ['C2', 'ca-1', 'Late delivery', '2026-04-21 12:00'],
  ['C3', 'ca-1', '  late   DELIVERY ', '2026-04-24 12:00'],
  ['C10', 'ca-1', 'Billing error', '2026-04-30 16:00'],
  ['C9', 'ca-1', 'Billing error', '2026-03-15 10:00'],
  ['C4', 'ca-1', 'Rude staff', '2026-04-27 11:00'],
];

/** The data set's departments and teams as the staff directory holds them (the reports' filters take only these). */
export const KPI_DEPARTMENTS = [
  { id: 'finance', name: 'Finance' },
  { id: 'after-sales', name: 'After-sales service' },
] as const;
export const KPI_TEAMS = [
  { id: 'billing-team', name: 'Billing', departmentId: 'finance' },
  { id: 'service-team', name: 'Service', departmentId: 'after-sales' },
] as const;

/** Writes the data set and its departments and teams; returns the complaints' ids by key. */
export async function insertKpiDataSet(sql: Sql): Promise<Record<string, string>> {
  const ids: Record<string, string> = {};
  await sql.begin(async (tx) => {
    for (const d of KPI_DEPARTMENTS) await tx`INSERT INTO staff_departments (id, name) VALUES (${d.id}, ${d.name})`;
    for (const t of KPI_TEAMS) await tx`INSERT INTO staff_teams (id, name, department_id) VALUES (${t.id}, ${t.name}, ${t.departmentId})`;
    for (const [i, c] of COMPLAINTS.entries()) {
      const id = randomUUID();
      ids[c.key] = id;
      await tx`INSERT INTO complaints ${tx({
        id,
        reference: `CMP-2026-${String(8_000_000 + i)}`,
        channel: c.channel ?? 'web',
        status: c.status ?? 'closed',
        customer_name: `Customer ${c.key}`,
        customer_locale: 'tr',
        subject: `Complaint ${c.key}`,
        description: 'A complaint of the KPI data set',
        pin_hash: 'x',
        received_at: tr(c.received),
        closed_at: c.closed ? tr(c.closed) : null,
        closure: c.closure ?? null,
        category: c.category ?? null,
        product: c.category ? 'WM-8000' : null,
        department: c.category === 'billing' ? 'finance' : 'after-sales',
        team: c.category === 'billing' ? 'billing-team' : 'service-team',
        calendar_id: 'TR',
        round: c.round ?? 0,
        prior_complaint_at: c.prior ? tr(c.prior) : null,
        resolution_business_minutes: c.minutes ?? null,
        closed_within_3_business_days: c.within3 ?? null,
      })}`;
    }
    for (const c of COMPLAINTS) {
      if (c.repeatOf) await tx`UPDATE complaints SET repeat_of_id = ${ids[c.repeatOf]!} WHERE id = ${ids[c.key]!}`;
    }
    for (const [key, stage, started, deadline, ended, breached] of STAGE_CLOCKS) {
      await tx`INSERT INTO complaint_stage_clocks (complaint_id, stage, started_at, deadline_at, ended_at, breached)
               VALUES (${ids[key]!}, ${stage}, ${tr(started)}, ${tr(deadline)}, ${ended ? tr(ended) : null}, ${breached})`;
    }
    for (const [key, seq, stage, level, at] of ESCALATIONS) {
      await tx`INSERT INTO complaint_escalations (complaint_id, seq, stage, level, occurred_at) VALUES (${ids[key]!}, ${seq}, ${stage}, ${level}, ${tr(at)})`;
    }
    for (const [key, round, outcome, amount, currency, proposed, answer, answered] of PROPOSALS) {
      await tx`INSERT INTO complaint_proposals (complaint_id, round, outcome, remedy, amount, currency, proposed_at, answer, answered_at)
               VALUES (${ids[key]!}, ${round}, ${outcome}, ${amount ? 'refund' : 'apology'}, ${amount}, ${currency}, ${tr(proposed)}, ${answer}, ${answered ? tr(answered) : null})`;
    }
    for (const [key, handling, outcome, at] of SURVEY) {
      const [link] = await tx`INSERT INTO response_links (id, complaint_id, purpose, expires_at) VALUES (${randomUUID()}, ${ids[key]!}, 'survey', ${tr(at)}) RETURNING id`;
      await tx`INSERT INTO survey_answers (complaint_id, link_id, handling, outcome, language, answered_at)
               VALUES (${ids[key]!}, ${link!.id as string}, ${handling}, ${outcome}, 'tr', ${tr(at)})`;
    }
    for (const [key, id, cause, at] of ROOT_CAUSES) {
      await tx`INSERT INTO complaint_corrective_actions (complaint_id, action_id, root_cause, recorded_at) VALUES (${ids[key]!}, ${id}, ${cause}, ${tr(at)})`;
    }
  });
  return ids;
}
