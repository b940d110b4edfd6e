// Which decisions each status allows, and the intersection with the role matrix (the pinned
// definition's `decisionRoles`, else the code default). The API answers a refused decision with
// `allowedDecisions` ("decisions allowed now") in the 409 body.
import {
  DECISION_TYPES,
  DECISIONS_BY_ROLE,
  DECISIONS_NEWER_THAN_DECISION_ROLES,
  type ComplaintStatus,
  type DecisionType,
  type Role,
} from '../complaint.js';
import type { ProcessDefinition } from '../process-definition.js';
import type { ComplaintState } from './state.js';

/** A repeat link records history, so it may be made while the complaint is open, whatever it waits for. */
const ANYTIME: readonly DecisionType[] = ['assign', 'note', 'escalate', 'link_repeat'];
/** Ending a complaint early is for before any proposal; the customer may withdraw at any time. */
const CLOSE_EARLY: readonly DecisionType[] = ['withdraw', 'close_out_of_scope', 'mark_duplicate'];
/** What waits for the customer's information: work that needs the customer's answer first. */
const NEEDS_CUSTOMER: readonly DecisionType[] = ['acknowledge', 'classify', 'request_info', 'propose_resolution'];
/** The ways forward while the customer owes us an answer: never a dead end. */
const WHILE_ASKED: readonly DecisionType[] = ['record_customer_answer', 'cancel_info_request', 'reissue_link'];
const WHILE_PROPOSED: readonly DecisionType[] = ['record_customer_answer', 'reissue_link'];

/** Decisions per status; `awaiting_customer` derives from the status it returns to. */
export const DECISIONS_BY_STATUS: Readonly<
  Record<Exclude<ComplaintStatus, 'awaiting_customer'>, readonly DecisionType[]>
> = {
  received: ['acknowledge', ...ANYTIME, ...CLOSE_EARLY],
  acknowledged: ['classify', 'request_info', ...ANYTIME, ...CLOSE_EARLY],
  in_review: ['classify', 'request_info', ...ANYTIME, ...CLOSE_EARLY],
  investigating: [
    'classify',
    'request_info',
    'propose_resolution',
    'record_corrective_action',
    ...ANYTIME,
    ...CLOSE_EARLY,
  ],
  reinvestigating: [
    'classify',
    'request_info',
    'propose_resolution',
    'record_corrective_action',
    ...ANYTIME,
    'withdraw',
  ],
  resolution_proposed: ['record_corrective_action', ...WHILE_PROPOSED, ...ANYTIME, 'withdraw'],
  open_external: ['record_external_outcome', 'record_corrective_action', ...ANYTIME, 'withdraw'],
  closed: [],
};

function decisionsForStatus(state: ComplaintState): readonly DecisionType[] {
  if (state.status !== 'awaiting_customer') return DECISIONS_BY_STATUS[state.status];
  const returnTo = state.pendingInfoRequest?.returnTo;
  if (!returnTo || returnTo === 'awaiting_customer') return [...ANYTIME, 'withdraw'];
  return [...DECISIONS_BY_STATUS[returnTo].filter((t) => !NEEDS_CUSTOMER.includes(t)), ...WHILE_ASKED];
}

/**
 * The decisions a role may take under a definition: its `decisionRoles` when it has them (a role
 * left out takes none), else the code default, as for definitions pinned before they existed. A
 * decision newer than decision roles that the definition lists for no role follows the code
 * default too: the definition predates it, and running complaints gain it (a way forward, never
 * one taken away).
 */
export function decisionsOfRole(role: Role, definition?: ProcessDefinition): readonly DecisionType[] {
  const roles = definition?.decisionRoles;
  if (!roles) return DECISIONS_BY_ROLE[role];
  const stated = roles[role] ?? [];
  const listed = (type: DecisionType) => Object.values(roles).some((types) => types?.includes(type));
  const unstated = DECISIONS_NEWER_THAN_DECISION_ROLES.filter((type) => !listed(type) && DECISIONS_BY_ROLE[role].includes(type));
  return unstated.length === 0 ? stated : [...stated, ...unstated];
}

export function roleMayDecide(role: Role, type: DecisionType, definition?: ProcessDefinition): boolean {
  return decisionsOfRole(role, definition).includes(type);
}

/** Decisions the role may take now, in the order of `DECISION_TYPES`; without a definition, by the code default. */
export function allowedDecisions(state: ComplaintState, role: Role, definition?: ProcessDefinition): DecisionType[] {
  const byStatus = decisionsForStatus(state);
  const byRole = decisionsOfRole(role, definition);
  return DECISION_TYPES.filter((t) => byStatus.includes(t) && byRole.includes(t));
}
