// What the customer writes to us by e-mail (`customer_wrote`): it answers our open question
// (the clock resumes, the owner is told it came by e-mail), and otherwise changes nothing but
// tells the owner; never does free text accept or reject a proposal, and a closed complaint takes none.
import { describe, expect, it } from 'vitest';
import type { Effect } from '../../../domain/lifecycle/index.js';
import { answer, effectsOfKind, reach, refuse, step } from './fixtures.js';

const wrote = answer({ type: 'customer_wrote', channel: 'email', text: 'Cotton 60, and the photo is attached.' });
const toStaff = (effects: Effect[]) => effectsOfKind(effects, 'notify_staff').map((e) => ({ template: e.template, params: e.params }));

describe('the customer writes to us', () => {
  it('answers the open question: the status it came from, the clock running, the owner told how it came', () => {
    const { state, effects } = step(reach('awaiting_customer'), wrote);
    expect(state).toMatchObject({ status: 'investigating', pendingInfoRequest: null, stage: { pausedAt: null } });
    expect(effectsOfKind(effects, 'stop_info_clock')).toEqual([{ kind: 'stop_info_clock', requestId: 'info-1' }]);
    expect(toStaff(effects)).toEqual([{ template: 'customer_answered_info', params: expect.objectContaining({ requestId: 'info-1', channel: 'email' }) }]);
    expect(toStaff(effects)[0]!.params).not.toHaveProperty('recordedBy');
  });

  it('otherwise leaves the complaint as it is and tells its owner', () => {
    const before = reach('investigating');
    const { state, effects } = step(before, wrote);
    expect(state.status).toBe('investigating');
    expect(toStaff(effects)).toEqual([{ template: 'customer_wrote', params: expect.objectContaining({ channel: 'email' }) }]);
    expect(effectsOfKind(effects, 'notify_customer')).toEqual([]);
  });

  it('never answers a proposal: it stays open for the customer\'s link or staff', () => {
    const { state } = step(reach('resolution_proposed'), wrote);
    expect(state.status).toBe('resolution_proposed');
    expect(state.proposals.at(-1)?.answer).toBeNull();
  });

  it('is GONE once the complaint is closed', () => {
    expect(refuse(reach('closed'), wrote).code).toBe('GONE');
  });
});
