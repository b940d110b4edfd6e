// Customer answers through links: only the open round can be answered; an answer to a round that
// is over is GONE, and to a round never proposed INVALID_TRANSITION.
import { describe, expect, it } from 'vitest';
import type { ComplaintStatus } from '../../../domain/complaint.js';
import type { CustomerAnswer } from '../../../domain/lifecycle/index.js';
import { answer, reach, refuse, step } from './fixtures.js';

const accept1: CustomerAnswer = { type: 'customer_accepted', round: 1 };
const reject1: CustomerAnswer = { type: 'customer_rejected', round: 1, reason: 'No.' };
const accept2: CustomerAnswer = { type: 'customer_accepted', round: 2 };

describe('answers to a proposal', () => {
  it.each<[ComplaintStatus, CustomerAnswer, ComplaintStatus]>([
    ['resolution_proposed', accept1, 'closed'],
    ['resolution_proposed', reject1, 'reinvestigating'],
  ])('while %s, %o leads to %s', (status, a, next) => {
    expect(step(reach(status), answer(a)).state.status).toBe(next);
  });

  it.each<[ComplaintStatus, CustomerAnswer, string]>([
    ['received', accept1, 'INVALID_TRANSITION'],
    ['in_review', accept1, 'INVALID_TRANSITION'],
    ['investigating', reject1, 'INVALID_TRANSITION'],
    ['awaiting_customer', accept1, 'INVALID_TRANSITION'],
    ['resolution_proposed', accept2, 'INVALID_TRANSITION'],
    ['reinvestigating', accept1, 'GONE'],
    ['reinvestigating', reject1, 'GONE'],
    ['reinvestigating', accept2, 'INVALID_TRANSITION'],
    ['open_external', accept1, 'GONE'],
    ['open_external', accept2, 'GONE'],
    ['closed', accept1, 'GONE'],
    ['closed', reject1, 'GONE'],
    ['closed', accept2, 'GONE'],
  ])('while %s, %o is refused with %s', (status, a, code) => {
    expect(refuse(reach(status), answer(a)).code).toBe(code);
  });

  it('makes the first answer win when the customer clicks twice', () => {
    const accepted = step(reach('resolution_proposed'), answer(accept1)).state;
    expect(refuse(accepted, answer(reject1)).code).toBe('GONE');
  });
});
