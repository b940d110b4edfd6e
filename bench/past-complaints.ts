/**
 * Past complaints as the read model would hold them, for the backtest benchmark: each generated
 * path (several decisions, some answers, some late enough to breach, some questions unanswered)
 * runs on the shipped definition through the simulation, and its transitions are kept as the
 * timeline rows. Deterministic (mulberry32), so runs are comparable.
 */
import { calendarResolver } from '../activities/calendars.js';
import { createClockActivities } from '../activities/clocks.js';
import { DEFAULT_PROCESS_DEFINITION } from '../config/default-process.js';
import type { Decision } from '../domain/lifecycle/index.js';
import type { ProcessDefinition } from '../domain/process-definition.js';
import type { RecordedComplaint } from '../read-model/recorded-timelines.js';
import { runPath, type ComplaintPath, type PathEvent } from '../simulation/run-path.js';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
export const RECEIVED_FROM = Date.parse('2025-01-01T00:00:00+03:00');
export const RECEIVED_TO = Date.parse('2026-01-01T00:00:00+03:00');
export const AS_OF = '2026-06-01T00:00:00+03:00';

let seed = 0x2026;
const random = () => {
  seed = (seed + 0x6d2b79f5) | 0;
  let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
  return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
};
const between = (min: number, max: number) => min + random() * (max - min);
const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;

const TEAMS = ['after-sales', 'billing', 'delivery', 'quality'];
const CATEGORIES = ['product_defect', 'delivery_delay', 'billing_error', 'service_quality', 'other'];

/** One complaint's path: acknowledgement (by hand when unreachable), assignment, classification, maybe a question, one or two rounds. */
function generatePath(n: number): ComplaintPath {
  const receivedAt = RECEIVED_FROM + random() * (RECEIVED_TO - RECEIVED_FROM);
  const reachable = random() < 0.9;
  const agent = { id: `agent-${1 + Math.floor(random() * 12)}`, role: 'agent' as const };
  const events: PathEvent[] = [];
  let t = receivedAt;
  const decide = (after: number, decision: Decision) => events.push({ at: new Date((t += after)).toISOString(), kind: 'decision', actor: agent, decision });
  const answer = (after: number, a: Extract<PathEvent, { kind: 'customer' }>['answer']) =>
    events.push({ at: new Date((t += after)).toISOString(), kind: 'customer', answer: a });
  const team = pick(TEAMS);
  if (!reachable) decide(between(1, 10) * HOUR, { type: 'acknowledge' });
  decide(between(0.2, 8) * HOUR, { type: 'assign', assignee: agent.id, team });
  decide(between(0.3, 4) * DAY, { type: 'classify', category: pick(CATEGORIES), product: 'WM-8000', severity: pick(['low', 'medium', 'high'] as const), department: team });
  if (random() < 0.25) {
    decide(between(0.2, 2) * DAY, { type: 'request_info', question: 'Which programme was running?' });
    if (random() < 0.8) answer(between(0.3, 6) * DAY, { type: 'customer_answered_info', requestId: 'info-1', text: 'Cotton 60' });
    else t += 16 * DAY; // unanswered: the question lapses after 10 working days and the clock resumes
  }
  if (random() < 0.04) {
    decide(between(0.5, 3) * DAY, { type: 'withdraw', reason: 'Solved it myself' });
  } else {
    decide(between(0.5, 8) * DAY, { type: 'propose_resolution', outcome: 'upheld', summary: 'We repair the machine', remedy: 'repair' });
    const first = random();
    if (first < 0.6) answer(between(0.1, 6) * DAY, { type: 'customer_accepted', round: 1 });
    else if (first < 0.85) {
      answer(between(0.5, 5) * DAY, { type: 'customer_rejected', round: 1, reason: 'Not enough' });
      decide(between(0.5, 7) * DAY, { type: 'propose_resolution', outcome: 'upheld', summary: 'We replace the machine', remedy: 'replacement' });
      if (random() < 0.7) answer(between(0.1, 6) * DAY, { type: 'customer_accepted', round: 2 });
      else {
        answer(between(0.5, 5) * DAY, { type: 'customer_rejected', round: 2, reason: 'Still not enough' });
        if (random() < 0.5) {
          decide(between(10, 40) * DAY, { type: 'record_external_outcome', body: 'Tüketici Hakem Heyeti', bodyReference: `THH-${n}`, decision: 'settled', summary: 'Settled' });
        }
      }
    } // else: no answer, deemed accepted after 10 working days
  }
  return {
    receivedAt: new Date(receivedAt).toISOString(),
    channel: reachable ? 'web' : 'letter',
    customer: { locale: pick(['tr', 'tr', 'en']), country: 'TR', reachable },
    events,
    until: AS_OF,
    complaintId: `00000000-0000-4000-8000-${n.toString(16).padStart(12, '0')}`,
    reference: `CMP-2025-${String(n).padStart(6, '0')}`,
  };
}

/** What the read model would hold for the path as it ran on `definition`. */
async function recorded(definition: ProcessDefinition, path: ComplaintPath, clocks: ReturnType<typeof createClockActivities>): Promise<RecordedComplaint> {
  const run = await runPath(definition, path, clocks);
  const { state } = run.final;
  return {
    id: path.complaintId!,
    reference: path.reference!,
    channel: path.channel,
    receivedAt: path.receivedAt,
    customer: path.customer,
    category: state.classification?.category ?? null,
    team: state.team,
    department: state.classification?.department ?? null,
    closedAt: state.closedAt,
    processVersion: `${definition.id}@${definition.version}`,
    events: run.transitions.map((t) => ({ seq: t.seq, type: t.event.type, actorId: t.event.actorId, actorRole: t.event.actorRole, at: t.at, data: t.event.data })),
  };
}

/** `count` complaints received in 2025, recorded as the shipped definition ran them. */
export async function generateComplaints(count: number): Promise<RecordedComplaint[]> {
  const clocks = createClockActivities({ calendars: calendarResolver() });
  const complaints: RecordedComplaint[] = [];
  for (let n = 1; n <= count; n++) complaints.push(await recorded(DEFAULT_PROCESS_DEFINITION, generatePath(n), clocks));
  return complaints;
}
