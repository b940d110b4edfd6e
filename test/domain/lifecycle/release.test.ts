// `assign` with `assignee: null`: a queue claim given back. Nobody has the complaint, its status
// and team stay, and nobody is told (there is no one to tell).
import { describe, expect, it } from 'vitest';
import { decisionSchema } from '../../../domain/complaint-schemas.js';
import { decide, effectsOfKind, reach, start, step, system } from './fixtures.js';

const RELEASE = { type: 'assign', assignee: null } as const;

describe('releasing a complaint (assign with assignee null)', () => {
  it.each(['acknowledged', 'in_review', 'investigating', 'awaiting_customer', 'resolution_proposed', 'open_external'] as const)(
    'clears the assignee in %s, keeps status and team, and notifies nobody',
    (status) => {
      const before = reach(status);
      const { state, effects } = step(before, decide(RELEASE));
      expect(state.assignee).toBeNull();
      expect(state.status).toBe(before.status);
      expect(state.team).toBe(before.team);
      expect(effectsOfKind(effects, 'notify_staff')).toEqual([]);
    },
  );

  it('leaves a released complaint acknowledged until someone takes it, then in review', () => {
    const acknowledged = step(start(), system({ type: 'acknowledgement_sent' })).state;
    const released = step(acknowledged, decide(RELEASE)).state;
    expect(released.status).toBe('acknowledged');
    const taken = step(released, decide({ type: 'assign', assignee: 'agent-7' }));
    expect(taken.state.status).toBe('in_review');
    expect(effectsOfKind(taken.effects, 'notify_staff')).toEqual([
      expect.objectContaining({ recipient: { kind: 'user', userId: 'agent-7' }, template: 'complaint_assigned' }),
    ]);
  });

  it('is a decision the API accepts, with a null assignee only', () => {
    expect(decisionSchema.safeParse(RELEASE).success).toBe(true);
    expect(decisionSchema.safeParse({ type: 'assign' }).success).toBe(false);
    expect(decisionSchema.safeParse({ type: 'assign', assignee: '' }).success).toBe(false);
  });
});
