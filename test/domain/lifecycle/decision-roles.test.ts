// Which role may take which decision is the pinned definition's to say (`decisionRoles`); a
// definition without it keeps the code default (agents may not close out of scope or mark duplicates).
import { describe, expect, it } from 'vitest';
import { DECISION_TYPES } from '../../../domain/complaint.js';
import { allowedDecisions } from '../../../domain/lifecycle/index.js';
import type { ProcessDefinition } from '../../../domain/process-definition.js';
import { beforeNewerParts, decide, definition, reach, refuse, SAMPLE_DECISIONS, step } from './fixtures.js';

const roles = definition.decisionRoles!;
const with_ = (decisionRoles: ProcessDefinition['decisionRoles']): ProcessDefinition => ({ ...definition, decisionRoles });
const agentsMarkDuplicates = with_({ ...roles, agent: [...roles.agent!, 'mark_duplicate'] });
const agentsNeverWithdraw = with_({ ...roles, agent: roles.agent!.filter((t) => t !== 'withdraw') });

describe('decision roles from the definition', () => {
  it('lets an agent mark a duplicate when the definition grants it', () => {
    const { state } = step(reach('in_review', agentsMarkDuplicates), decide(SAMPLE_DECISIONS.mark_duplicate, 'agent'), agentsMarkDuplicates);
    expect(state).toMatchObject({ status: 'closed', closure: 'duplicate', duplicateOf: 'CMP-2026-000100' });
    expect(allowedDecisions(reach('in_review'), 'agent', agentsMarkDuplicates)).toContain('mark_duplicate');
  });

  it('refuses an agent closing a complaint by withdrawal when the definition withholds it', () => {
    const error = refuse(reach('investigating', agentsNeverWithdraw), decide(SAMPLE_DECISIONS.withdraw, 'agent'), agentsNeverWithdraw);
    expect(error).toMatchObject({ code: 'NOT_ALLOWED_FOR_ROLE', details: { role: 'agent', decision: 'withdraw' } });
    expect(allowedDecisions(reach('investigating'), 'agent', agentsNeverWithdraw)).not.toContain('withdraw');
    // Supervisors keep it.
    expect(step(reach('investigating'), decide(SAMPLE_DECISIONS.withdraw, 'supervisor'), agentsNeverWithdraw).state.closure).toBe('withdrawn');
  });

  it('gives a role the definition leaves out no decisions', () => {
    const supervisorsOnly = with_({ supervisor: [...DECISION_TYPES] });
    expect(refuse(reach('in_review'), decide(SAMPLE_DECISIONS.note, 'agent'), supervisorsOnly).code).toBe('NOT_ALLOWED_FOR_ROLE');
    expect(allowedDecisions(reach('in_review'), 'admin', supervisorsOnly)).toEqual([]);
  });

  it('lists in a refusal only what the role may do now under the definition', () => {
    const error = refuse(reach('resolution_proposed'), decide(SAMPLE_DECISIONS.classify, 'agent'), agentsNeverWithdraw);
    expect(error.code).toBe('INVALID_TRANSITION');
    expect(error.details).toEqual({
      status: 'resolution_proposed',
      allowed: ['assign', 'escalate', 'note', 'record_corrective_action', 'record_customer_answer', 'reissue_link', 'link_repeat'],
    });
  });

  it('keeps the code default for a definition without decision roles', () => {
    expect(refuse(reach('in_review'), decide(SAMPLE_DECISIONS.mark_duplicate, 'agent'), beforeNewerParts).code).toBe('NOT_ALLOWED_FOR_ROLE');
    expect(allowedDecisions(reach('in_review'), 'agent', beforeNewerParts)).toEqual(allowedDecisions(reach('in_review'), 'agent'));
    expect(allowedDecisions(reach('in_review'), 'supervisor', beforeNewerParts)).toContain('mark_duplicate');
  });
});
