// `link_repeat`: an agent records that a complaint repeats an earlier, closed one of the same
// customer. It is history only (no clock, message or status moves), open to agents while the
// complaint is open — also under the seeded version 1, which predates the decision and names it
// for no role — and a definition that names it for some role decides who takes it.
import { describe, expect, it } from 'vitest';
import { COMPLAINT_STATUSES, DECISIONS_BY_ROLE } from '../../../domain/complaint.js';
import { allowedDecisions, decisionsOfRole } from '../../../domain/lifecycle/index.js';
import type { ProcessDefinition } from '../../../domain/process-definition.js';
import { decide, definition, reach, refuse, step } from './fixtures.js';

const LINK = { type: 'link_repeat', repeatOf: 'CMP-2026-000050' } as const;

describe('link_repeat', () => {
  it('records the link and who made it, and changes nothing else: no status, clock, message or timer', () => {
    const before = reach('investigating');
    const { state, effects } = step(before, decide(LINK, 'agent'));
    expect(state.repeatOf).toEqual({ reference: 'CMP-2026-000050', linkedAt: expect.any(String), linkedBy: 'agent-1' });
    expect(effects).toEqual([]);
    const { repeatOf: _link, updatedAt: _u, ...rest } = state;
    const { updatedAt: _b, ...restBefore } = before;
    expect(rest).toEqual(restBefore);
  });

  it('lets a later link replace the earlier one (an agent correcting a wrong reference)', () => {
    const linked = step(reach('in_review'), decide(LINK)).state;
    const relinked = step(linked, decide({ type: 'link_repeat', repeatOf: 'CMP-2026-000051' })).state;
    expect(relinked.repeatOf?.reference).toBe('CMP-2026-000051');
  });

  it('refuses a link of a complaint to itself, naming the field', () => {
    const error = refuse(reach('in_review'), decide({ type: 'link_repeat', repeatOf: 'CMP-2026-000123' }));
    expect(error).toMatchObject({ code: 'VALIDATION_FAILED' });
    expect(JSON.stringify(error.details)).toContain('repeatOf');
  });

  it('is open to agents in every open status, while the customer owes an answer too, and never once closed', () => {
    for (const status of COMPLAINT_STATUSES) {
      expect(allowedDecisions(reach(status), 'agent').includes('link_repeat'), status).toBe(status !== 'closed');
    }
  });

  it('is open to agents under the seeded definition, whose decision roles predate it and name it for no role', () => {
    expect(Object.values(definition.decisionRoles!).flat()).not.toContain('link_repeat');
    expect(allowedDecisions(reach('in_review'), 'agent', definition)).toContain('link_repeat');
    // Nothing else changed for that definition's roles: the code default still withholds duplicates from agents.
    for (const role of ['agent', 'supervisor', 'admin', 'process_owner', 'auditor'] as const) {
      expect([...decisionsOfRole(role, definition)].sort()).toEqual([...DECISIONS_BY_ROLE[role]].sort());
    }
  });

  it('follows a definition that names it for some role: agents left out take none', () => {
    const supervisorsLink: ProcessDefinition = {
      ...definition,
      decisionRoles: { ...definition.decisionRoles, supervisor: [...definition.decisionRoles!.supervisor!, 'link_repeat'] },
    };
    expect(allowedDecisions(reach('in_review'), 'agent', supervisorsLink)).not.toContain('link_repeat');
    expect(refuse(reach('in_review'), decide(LINK, 'agent'), supervisorsLink).code).toBe('NOT_ALLOWED_FOR_ROLE');
    expect(step(reach('in_review'), decide(LINK, 'supervisor'), supervisorsLink).state.repeatOf?.linkedBy).toBe('supervisor-1');
  });
});
