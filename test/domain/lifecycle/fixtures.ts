// Builders for lifecycle tests: events with a ticking clock, and states reached by real paths
// through the reducer (never hand-built), so every test starts from a state the workflow can hold.
import { DEFAULT_PROCESS_DEFINITION } from '../../../config/default-process.js';
import type { ComplaintStatus, Role } from '../../../domain/complaint.js';
import type { DomainError } from '../../../domain/errors.js';
import {
  advance,
  initialState,
  type Actor,
  type ComplaintState,
  type CustomerAnswer,
  type Decision,
  type DecisionOf,
  type Effect,
  type LifecycleEvent,
  type SystemEvent,
} from '../../../domain/lifecycle/index.js';
import type { ProcessDefinition } from '../../../domain/process-definition.js';

export const definition: ProcessDefinition = DEFAULT_PROCESS_DEFINITION;

/** The default as pinned before it stated its survey, routing and decision roles: the code defaults apply. */
export const beforeNewerParts: ProcessDefinition = (() => {
  const { survey: _s, routing: _r, decisionRoles: _d, ...rest } = DEFAULT_PROCESS_DEFINITION;
  return rest;
})();
export const REFERENCE = 'CMP-2026-000123';
export const RECEIVED_AT = '2026-03-02T07:00:00.000Z';

let minutes = 0;
/** A later instant for each event, so timestamps in the state tell events apart. */
function tick(): string {
  minutes += 1;
  return new Date(Date.parse(RECEIVED_AT) + minutes * 60_000).toISOString();
}

export const actors: Record<Role, Actor> = {
  agent: { id: 'agent-1', role: 'agent' },
  supervisor: { id: 'supervisor-1', role: 'supervisor' },
  admin: { id: 'admin-1', role: 'admin' },
  process_owner: { id: 'owner-1', role: 'process_owner' },
  auditor: { id: 'auditor-1', role: 'auditor' },
};

export const decide = (decision: Decision, role: Role = 'agent'): LifecycleEvent => ({
  kind: 'decision',
  at: tick(),
  actor: actors[role],
  decision,
});
export const answer = (a: CustomerAnswer): LifecycleEvent => ({ kind: 'customer', at: tick(), answer: a });
export const system = (s: SystemEvent): LifecycleEvent => ({ kind: 'system', at: tick(), system: s });

/** A valid body for every decision type. */
export const SAMPLE_DECISIONS: { [T in Decision['type']]: DecisionOf<T> } = {
  acknowledge: { type: 'acknowledge' },
  classify: { type: 'classify', category: 'product_defect', product: 'WM-8000', severity: 'high', department: 'after_sales' },
  assign: { type: 'assign', assignee: 'agent-7', team: 'washing-machines' },
  request_info: { type: 'request_info', question: 'Could you send a photo of the leak?' },
  propose_resolution: { type: 'propose_resolution', outcome: 'upheld', summary: 'We replace the pump.', remedy: 'repair' },
  escalate: { type: 'escalate', reason: 'The customer is a hospital.' },
  note: { type: 'note', text: 'Called the dealer.' },
  record_corrective_action: {
    type: 'record_corrective_action',
    rootCause: 'A faulty gasket batch',
    action: 'Replace the supplier',
    owner: 'quality-1',
    dueDate: '2026-12-31',
  },
  record_external_outcome: {
    type: 'record_external_outcome',
    body: 'Tüketici Hakem Heyeti (İstanbul)',
    bodyReference: '2026/1234',
    decision: 'partially_upheld',
    summary: 'Half the price is refunded.',
  },
  withdraw: { type: 'withdraw', reason: 'The customer solved it with the dealer.' },
  close_out_of_scope: { type: 'close_out_of_scope', reason: 'Not our product.' },
  mark_duplicate: { type: 'mark_duplicate', duplicateOf: 'CMP-2026-000100' },
  record_customer_answer: {
    type: 'record_customer_answer',
    answer: 'info',
    text: 'On the phone: the leak is at the front door seal.',
    channel: 'phone',
  },
  cancel_info_request: { type: 'cancel_info_request', reason: 'The dealer sent us the photo.' },
  reissue_link: { type: 'reissue_link' },
  link_repeat: { type: 'link_repeat', repeatOf: 'CMP-2026-000050' },
};

export function start(customer: { email?: string; phone?: string } = { email: 'ayse@example.com' }): ComplaintState {
  return initialState({
    reference: REFERENCE,
    receivedAt: RECEIVED_AT,
    channel: 'web',
    customer: { locale: 'tr', country: 'TR', ...customer },
  });
}

/** Applies an event that must be accepted. */
export function step(
  state: ComplaintState,
  event: LifecycleEvent,
  def = definition,
): { state: ComplaintState; effects: Effect[] } {
  const result = advance(state, event, def);
  if (!result.ok) throw new Error(`refused ${JSON.stringify(event)}: ${result.error.code} ${result.error.message}`);
  return result;
}

/** Applies an event that must be refused, and returns why. */
export function refuse(state: ComplaintState, event: LifecycleEvent, def = definition): DomainError {
  const result = advance(state, event, def);
  if (result.ok) throw new Error(`accepted ${JSON.stringify(event)}; now ${result.state.status}`);
  return result.error;
}

export function run(state: ComplaintState, events: LifecycleEvent[], def = definition): ComplaintState {
  return events.reduce((s, e) => step(s, e, def).state, state);
}

/** The events that take a fresh complaint to each status, along the seeds' process. */
const PATHS: Record<ComplaintStatus, () => LifecycleEvent[]> = {
  received: () => [],
  acknowledged: () => [system({ type: 'acknowledgement_sent' })],
  in_review: () => [...PATHS.acknowledged(), decide(SAMPLE_DECISIONS.assign)],
  investigating: () => [...PATHS.in_review(), decide(SAMPLE_DECISIONS.classify)],
  awaiting_customer: () => [...PATHS.investigating(), decide(SAMPLE_DECISIONS.request_info)],
  resolution_proposed: () => [...PATHS.investigating(), decide(SAMPLE_DECISIONS.propose_resolution)],
  reinvestigating: () => [
    ...PATHS.resolution_proposed(),
    answer({ type: 'customer_rejected', round: 1, reason: 'Too slow.' }),
  ],
  open_external: () => [
    ...PATHS.reinvestigating(),
    decide(SAMPLE_DECISIONS.propose_resolution),
    answer({ type: 'customer_rejected', round: 2, reason: 'Still broken.' }),
  ],
  closed: () => [...PATHS.resolution_proposed(), answer({ type: 'customer_accepted', round: 1 })],
};

export function reach(status: ComplaintStatus, def = definition): ComplaintState {
  return run(start(), PATHS[status](), def);
}

export function effectsOfKind<K extends Effect['kind']>(effects: Effect[], kind: K): Extract<Effect, { kind: K }>[] {
  return effects.filter((e): e is Extract<Effect, { kind: K }> => e.kind === kind);
}
