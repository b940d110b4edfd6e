// Four past complaints on the TR calendar (Mon–Fri 09:00–18:00, no holiday in early March 2025),
// recorded as the shipped definition (v1) ran them, with every figure worked out by hand. Used by
// the backtest's unit test (as read-model objects) and its API test (as rows in PostgreSQL).
//
// v1: initial review 2 working days (18 h), investigation 4 + 1 = 5 working days (45 h).
// The draft of these tests (`SHORTER_DEADLINES`): initial review 1 working day, investigation 2 + 1 = 3.
//
// A  received Mon 3 Mar 10:00, acknowledged at once (met by 6 h = 360 min), assigned to after-sales.
//    Initial review from Mon 10:00, v1 due Wed 5 10:00; classified Tue 4 15:00: met by 3 h + 1 h = 240 min.
//    Investigation from Tue 15:00, v1 due Tue 11 Mar 15:00; proposal Thu 6 12:00: met by 6+9+9+6 h = 1800 min.
//    Accepted Fri 7 20:00.
// B  received Mon 3 Mar 09:00, acknowledged at once (360), assigned to billing.
//    Initial review v1 due Wed 5 09:00: breached there (→ teamLead) and 4 working hours later, Wed 13:00
//    (→ complaintsManager); classified Thu 6 09:00: breached by 9 h = 540 min.
//    Investigation from Thu 09:00, v1 due Thu 13 09:00; a question Fri 7 09:00 answered Mon 10 09:00
//    pauses it 9 working hours: due Thu 13 18:00 (9 working hours on, at the close of Thursday).
//    Proposal Wed 12 12:00: met by 6 + 9 h = 900 min.
//    Rejected Thu 13 10:00; reinvestigation from 10:00, due Thu 20 10:00; second proposal Mon 17 10:00:
//    met by 8 + 9 + 9 + 1 h = 1620 min (27 h). Accepted Tue 18 10:00.
// C  received Mon 3 Mar 11:00 while Temporal was down; its workflow never started (no timeline).
// D  received Tue 4 Mar 10:00 under a version nobody knows any more (`@7`), acknowledged at once
//    (360), withdrawn Tue 11:00: the initial review (v1 due Thu 6 10:00) is cut short, 1 + 9 + 1 h = 1020 min before.
import type { ProcessDefinition } from '../../domain/process-definition.js';
import { DEFAULT_PROCESS_DEFINITION } from '../../config/default-process.js';
import type { RecordedComplaint, RecordedEvent } from '../../read-model/recorded-timelines.js';

/** `tr('2025-03-03 10:00')`: a Turkish wall-clock time (UTC+3) as an instant. */
export const tr = (local: string) => new Date(`${local.replace(' ', 'T')}:00+03:00`).toISOString();

export const SHORTER_DEADLINES: ProcessDefinition = {
  ...DEFAULT_PROCESS_DEFINITION,
  version: 2,
  stages: {
    ...DEFAULT_PROCESS_DEFINITION.stages,
    initialReview: { ...DEFAULT_PROCESS_DEFINITION.stages.initialReview, deadline: { workingDays: 1 } },
    investigation: { ...DEFAULT_PROCESS_DEFINITION.stages.investigation, deadline: { workingDays: 2 } },
  },
};

const V1 = 'iso-10002-default@1';
const agent = (id: string) => ({ actorId: id, actorRole: 'agent' });
const system = { actorId: 'system', actorRole: 'system' };
const customer = { actorId: 'customer', actorRole: 'customer' };
const outcome = (stage: string, met: boolean, byMinutes: number, ended = met ? 'met' : 'breached') => ({
  stageOutcome: { stage, outcome: ended, met, byMinutes },
});

function timeline(rows: Array<[string, { actorId: string; actorRole: string }, string, Record<string, unknown>?]>): RecordedEvent[] {
  return rows.map(([type, actor, at, data = {}], i) => ({ seq: i + 1, type, ...actor, at, data: type === 'registered' ? { channel: 'web' } : data }));
}

const classify = (department: string, category: string) => ({ type: 'classify', category, product: 'WM-8000', severity: 'medium', department });
const propose = (summary: string) => ({ type: 'propose_resolution', summary, remedy: 'repair' });

export const COMPLAINT_A: RecordedComplaint = {
  id: '00000000-0000-4000-8000-00000000000a',
  reference: 'CMP-2025-9000001',
  channel: 'web',
  receivedAt: tr('2025-03-03 10:00'),
  customer: { locale: 'tr', country: 'TR', reachable: true },
  category: 'defect',
  team: 'after-sales',
  department: 'after-sales',
  closedAt: tr('2025-03-07 20:00'),
  processVersion: V1,
  events: timeline([
    ['registered', system, tr('2025-03-03 10:00')],
    ['process_started', system, tr('2025-03-03 10:00'), { processVersion: V1 }],
    ['acknowledgement_sent', system, tr('2025-03-03 10:00'), { type: 'acknowledgement_sent', ...outcome('acknowledgement', true, 360) }],
    ['assign', agent('agent-ayse'), tr('2025-03-03 11:00'), { type: 'assign', assignee: 'agent-ayse', team: 'after-sales' }],
    ['deadline_warning', system, tr('2025-03-04 14:30'), { type: 'deadline_warning', stage: 'initialReview' }],
    ['classify', agent('agent-ayse'), tr('2025-03-04 15:00'), { ...classify('after-sales', 'defect'), ...outcome('initialReview', true, 240) }],
    ['propose_resolution', agent('agent-ayse'), tr('2025-03-06 12:00'), { ...propose('We repair the machine'), ...outcome('investigation', true, 1800) }],
    ['customer_accepted', customer, tr('2025-03-07 20:00'), { type: 'customer_accepted', round: 1, linkId: 'link-a', clientAddressHash: 'x', userAgent: null }],
  ]),
};

export const COMPLAINT_B: RecordedComplaint = {
  id: '00000000-0000-4000-8000-00000000000b',
  reference: 'CMP-2025-9000002',
  channel: 'web',
  receivedAt: tr('2025-03-03 09:00'),
  customer: { locale: 'tr', country: 'TR', reachable: true },
  category: 'billing',
  team: 'billing',
  department: 'billing',
  closedAt: tr('2025-03-18 10:00'),
  processVersion: V1,
  events: timeline([
    ['registered', system, tr('2025-03-03 09:00')],
    ['process_started', system, tr('2025-03-03 09:00'), { processVersion: V1 }],
    ['acknowledgement_sent', system, tr('2025-03-03 09:00'), { type: 'acknowledgement_sent', ...outcome('acknowledgement', true, 360) }],
    ['assign', agent('agent-bora'), tr('2025-03-03 09:30'), { type: 'assign', assignee: 'agent-bora', team: 'billing' }],
    ['deadline_warning', system, tr('2025-03-04 13:30'), { type: 'deadline_warning', stage: 'initialReview' }],
    ['deadline_breached', system, tr('2025-03-05 09:00'), { type: 'deadline_breached', stage: 'initialReview', breachCount: 1 }],
    ['deadline_breached', system, tr('2025-03-05 13:00'), { type: 'deadline_breached', stage: 'initialReview', breachCount: 2 }],
    ['classify', agent('agent-bora'), tr('2025-03-06 09:00'), { ...classify('billing', 'billing'), ...outcome('initialReview', false, 540) }],
    ['request_info', agent('agent-bora'), tr('2025-03-07 09:00'), { type: 'request_info', question: 'Which invoice?' }],
    ['customer_answered_info', customer, tr('2025-03-10 09:00'), { type: 'customer_answered_info', requestId: 'info-1', text: 'INV-7', linkId: 'link-b1' }],
    ['propose_resolution', agent('agent-bora'), tr('2025-03-12 12:00'), { ...propose('We credit the difference'), ...outcome('investigation', true, 900) }],
    ['customer_rejected', customer, tr('2025-03-13 10:00'), { type: 'customer_rejected', round: 1, reason: 'Too little', linkId: 'link-b2' }],
    ['propose_resolution', agent('agent-bora'), tr('2025-03-17 10:00'), { ...propose('We refund the invoice'), ...outcome('reinvestigation', true, 1620) }],
    ['customer_accepted', customer, tr('2025-03-18 10:00'), { type: 'customer_accepted', round: 2, linkId: 'link-b3' }],
  ]),
};

export const COMPLAINT_C: RecordedComplaint = {
  id: '00000000-0000-4000-8000-00000000000c',
  reference: 'CMP-2025-9000003',
  channel: 'web',
  receivedAt: tr('2025-03-03 11:00'),
  customer: { locale: 'en', country: 'TR', reachable: true },
  category: null,
  team: null,
  department: null,
  closedAt: null,
  processVersion: null,
  events: [],
};

export const COMPLAINT_D: RecordedComplaint = {
  id: '00000000-0000-4000-8000-00000000000d',
  reference: 'CMP-2025-9000004',
  channel: 'web',
  receivedAt: tr('2025-03-04 10:00'),
  customer: { locale: 'tr', country: 'TR', reachable: true },
  category: 'defect',
  team: null,
  department: null,
  closedAt: tr('2025-03-04 11:00'),
  processVersion: 'iso-10002-default@7',
  events: timeline([
    ['registered', system, tr('2025-03-04 10:00')],
    ['process_started', system, tr('2025-03-04 10:00'), { processVersion: 'iso-10002-default@7' }],
    ['acknowledgement_sent', system, tr('2025-03-04 10:00'), { type: 'acknowledgement_sent', ...outcome('acknowledgement', true, 360) }],
    ['withdraw', agent('agent-ayse'), tr('2025-03-04 11:00'), { type: 'withdraw', reason: 'Solved', ...outcome('initialReview', true, 1020, 'abandoned') }],
  ]),
};

export const PAST_COMPLAINTS = [COMPLAINT_A, COMPLAINT_B, COMPLAINT_C, COMPLAINT_D];

/** The received range holding them: two ISO weeks, 2025-W10 and 2025-W11. */
export const PAST_RANGE = { from: tr('2025-03-03 00:00'), to: tr('2025-03-17 00:00') };
