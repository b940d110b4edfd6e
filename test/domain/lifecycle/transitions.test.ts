// The decision transition table: every (status, decision, role) either moves the complaint to
// the expected status or is refused with the expected code.
import { describe, expect, it } from 'vitest';
import {
  COMPLAINT_STATUSES,
  DECISION_TYPES,
  type ComplaintStatus,
  type DecisionType,
  type Role,
} from '../../../domain/complaint.js';
import { allowedDecisions } from '../../../domain/lifecycle/index.js';
import { decide, reach, refuse, SAMPLE_DECISIONS, step } from './fixtures.js';

/** The sample decision, except that a recorded answer to a proposal accepts it. */
const sample = (status: ComplaintStatus, type: DecisionType) =>
  type === 'record_customer_answer' && status === 'resolution_proposed'
    ? { ...SAMPLE_DECISIONS.record_customer_answer, answer: 'accepted' as const }
    : SAMPLE_DECISIONS[type];

const SUPERVISOR_ONLY: readonly DecisionType[] = ['close_out_of_scope', 'mark_duplicate'];
const STAY = (status: ComplaintStatus) =>
  ({ assign: status, escalate: status, note: status, link_repeat: status, withdraw: 'closed' }) as const;
const CLOSE_EARLY = { close_out_of_scope: 'closed', mark_duplicate: 'closed' } as const;

/** Allowed moves and where they lead. Anything missing here must be refused. */
const MOVES: Record<ComplaintStatus, Partial<Record<DecisionType, ComplaintStatus>>> = {
  received: { acknowledge: 'acknowledged', ...STAY('received'), ...CLOSE_EARLY },
  acknowledged: {
    classify: 'investigating',
    request_info: 'awaiting_customer',
    ...STAY('acknowledged'),
    assign: 'in_review',
    ...CLOSE_EARLY,
  },
  in_review: { classify: 'investigating', request_info: 'awaiting_customer', ...STAY('in_review'), ...CLOSE_EARLY },
  investigating: {
    classify: 'investigating',
    request_info: 'awaiting_customer',
    propose_resolution: 'resolution_proposed',
    record_corrective_action: 'investigating',
    ...STAY('investigating'),
    ...CLOSE_EARLY,
  },
  awaiting_customer: {
    record_corrective_action: 'awaiting_customer',
    ...STAY('awaiting_customer'),
    ...CLOSE_EARLY,
    // Back to where the question was asked (`investigating` on the fixtures' path).
    record_customer_answer: 'investigating',
    cancel_info_request: 'investigating',
    reissue_link: 'awaiting_customer',
  },
  resolution_proposed: {
    record_corrective_action: 'resolution_proposed',
    ...STAY('resolution_proposed'),
    record_customer_answer: 'closed',
    reissue_link: 'resolution_proposed',
  },
  reinvestigating: {
    classify: 'reinvestigating',
    request_info: 'awaiting_customer',
    propose_resolution: 'resolution_proposed',
    record_corrective_action: 'reinvestigating',
    ...STAY('reinvestigating'),
  },
  open_external: {
    record_external_outcome: 'closed',
    record_corrective_action: 'open_external',
    ...STAY('open_external'),
  },
  closed: {},
};

const DECIDING_ROLES: readonly Role[] = ['agent', 'supervisor', 'admin'];
const mayDecide = (role: Role, type: DecisionType) => role !== 'agent' || !SUPERVISOR_ONLY.includes(type);

const rows = COMPLAINT_STATUSES.flatMap((status) =>
  DECISION_TYPES.flatMap((type) => DECIDING_ROLES.map((role) => ({ status, type, role }))),
);
const allowedRows = rows.filter(({ status, type, role }) => MOVES[status][type] && mayDecide(role, type));
const refusedByStatus = rows.filter(({ status, type, role }) => !MOVES[status][type] && mayDecide(role, type));

describe('decisions by status', () => {
  it.each(allowedRows)('$role may $type while $status', ({ status, type, role }) => {
    const { state } = step(reach(status), decide(sample(status, type), role));
    expect(state.status).toBe(MOVES[status][type]);
  });

  it.each(refusedByStatus)('$role may not $type while $status (INVALID_TRANSITION)', ({ status, type, role }) => {
    const state = reach(status);
    const error = refuse(state, decide(sample(status, type), role));
    expect(error.code).toBe('INVALID_TRANSITION');
    expect(error.details).toEqual({ status, allowed: allowedDecisions(state, role) });
  });

  it.each(COMPLAINT_STATUSES)('lists exactly the allowed decisions while %s', (status) => {
    const state = reach(status);
    const expected = (role: Role) => DECISION_TYPES.filter((t) => MOVES[status][t] && mayDecide(role, t));
    for (const role of DECIDING_ROLES) expect(allowedDecisions(state, role)).toEqual(expected(role));
    expect(allowedDecisions(state, 'process_owner')).toEqual([]);
    expect(allowedDecisions(state, 'auditor')).toEqual([]);
  });
});

describe('decisions by role', () => {
  const readers = (['process_owner', 'auditor'] as const).flatMap((role) =>
    DECISION_TYPES.map((type) => ({ role, type })),
  );
  it.each(readers)('a $role may not $type (NOT_ALLOWED_FOR_ROLE)', ({ role, type }) => {
    const error = refuse(reach('investigating'), decide(SAMPLE_DECISIONS[type], role));
    expect(error.code).toBe('NOT_ALLOWED_FOR_ROLE');
  });

  it.each(SUPERVISOR_ONLY)('an agent may not %s even when the status allows it', (type) => {
    const error = refuse(reach('in_review'), decide(SAMPLE_DECISIONS[type], 'agent'));
    expect(error).toMatchObject({ code: 'NOT_ALLOWED_FOR_ROLE', details: { role: 'agent', decision: type } });
  });

  it('answers NOT_ALLOWED_FOR_ROLE before INVALID_TRANSITION', () => {
    expect(refuse(reach('closed'), decide(SAMPLE_DECISIONS.note, 'auditor')).code).toBe('NOT_ALLOWED_FOR_ROLE');
  });
});

describe('decisions with semantic problems (VALIDATION_FAILED)', () => {
  it('refuses a refund without an amount', () => {
    const error = refuse(
      reach('investigating'),
      decide({ type: 'propose_resolution', outcome: 'upheld', summary: 'Money back.', remedy: 'refund' }),
    );
    expect(error).toMatchObject({ code: 'VALIDATION_FAILED', details: [{ path: 'amount' }] });
  });

  it('refuses a link to a corrective action the complaint does not have', () => {
    const error = refuse(
      reach('investigating'),
      decide({ ...SAMPLE_DECISIONS.propose_resolution, correctiveActionId: 'ca-9' }),
    );
    expect(error).toMatchObject({ code: 'VALIDATION_FAILED', details: [{ path: 'correctiveActionId' }] });
  });

  it('refuses a corrective action due in the past (422: a rule stated in words)', () => {
    const error = refuse(
      reach('investigating'),
      decide({ ...SAMPLE_DECISIONS.record_corrective_action, dueDate: '2026-01-01' }),
    );
    expect(error).toMatchObject({ code: 'UNPROCESSABLE', details: [{ path: 'dueDate' }] });
  });

  it('refuses to mark a complaint a duplicate of itself', () => {
    const state = reach('in_review');
    const error = refuse(state, decide({ type: 'mark_duplicate', duplicateOf: state.reference }, 'supervisor'));
    expect(error).toMatchObject({ code: 'VALIDATION_FAILED', details: [{ path: 'duplicateOf' }] });
  });
});
