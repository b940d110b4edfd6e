// Bad input is refused at the edge with the path of the offending field.
import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import {
  complaintIntakeSchema,
  customerAnswerSchema,
  decisionSchema,
  lifecycleEventSchema,
} from '../../domain/complaint-schemas.js';
import { DECISION_TYPES } from '../../domain/complaint.js';
import { SAMPLE_DECISIONS } from './lifecycle/fixtures.js';

const issuePaths = (schema: z.ZodType, input: unknown): string[] => {
  const result = schema.safeParse(input);
  if (result.success) throw new Error(`accepted ${JSON.stringify(input)}`);
  return result.error.issues.map((issue) => issue.path.join('.'));
};

const intake = {
  channel: 'web',
  customer: { name: 'Ayşe Yılmaz', email: 'ayse@example.com', locale: 'tr', country: 'TR' },
  subject: 'Çamaşır makinesi su sızdırıyor',
  description: 'Makine iki haftalık, alttan su sızdırıyor.',
};

describe('complaintIntakeSchema', () => {
  const address = 'Ali Kaya\nAtatürk Bulvarı No 5 Daire 3\n06420 Çankaya / Ankara';
  it('accepts a web complaint, and a letter without e-mail or phone that gives its postal address', () => {
    expect(complaintIntakeSchema.parse(intake)).toEqual(intake);
    const letter = { ...intake, channel: 'letter', customer: { name: 'Ali Kaya', locale: 'tr', postalAddress: address } };
    expect(complaintIntakeSchema.parse(letter)).toEqual(letter);
  });

  it('accepts a letter without a postal address when the customer gave an e-mail', () => {
    const letter = { ...intake, channel: 'letter' };
    expect(complaintIntakeSchema.parse(letter)).toEqual(letter);
  });

  const letterOnly = { ...intake, channel: 'letter', customer: { name: 'Ali Kaya', locale: 'tr' } };
  it.each(['tr', 'tr-TR', 'en', 'fa', 'fa-IR', 'az', 'az-AZ', 'az-Latn-AZ', 'de-DE'])('accepts the locale %s', (locale) => {
    const withLocale = { ...intake, customer: { ...intake.customer, locale } };
    expect(complaintIntakeSchema.parse(withLocale)).toEqual(withLocale);
  });

  it.each([
    ['a letter with neither e-mail, phone nor postal address', letterOnly],
    ['a blank postal address', { ...letterOnly, customer: { ...letterOnly.customer, postalAddress: ' \n ' } }],
    ['a postal address of nine lines', { ...intake, customer: { ...intake.customer, postalAddress: 'line\n'.repeat(8) + 'line' } }],
    ['a postal address over 500 characters', { ...intake, customer: { ...intake.customer, postalAddress: 'x'.repeat(501) } }],
  ])('refuses %s, naming customer.postalAddress', (_name, input) => {
    expect(issuePaths(complaintIntakeSchema, input)).toEqual(['customer.postalAddress']);
  });

  it.each([
    ['an unknown channel', { ...intake, channel: 'pigeon' }, ['channel']],
    ['a malformed e-mail', { ...intake, customer: { ...intake.customer, email: 'ayse@' } }, ['customer.email']],
    ['a malformed phone', { ...intake, customer: { ...intake.customer, phone: 'call me' } }, ['customer.phone']],
    [
      'a locale that is not a language tag',
      { ...intake, customer: { ...intake.customer, locale: 'Turkish' } },
      ['customer.locale'],
    ],
    ['a locale with a malformed script', { ...intake, customer: { ...intake.customer, locale: 'az-LATN-AZ' } }, ['customer.locale']],
    ['a lower-case country', { ...intake, customer: { ...intake.customer, country: 'tr' } }, ['customer.country']],
    ['a blank name', { ...intake, customer: { ...intake.customer, name: '   ' } }, ['customer.name']],
    ['a short description', { ...intake, description: 'Broken.' }, ['description']],
    ['an unknown field', { ...intake, priority: 'urgent' }, ['']],
  ])('refuses %s', (_name, input, paths) => {
    expect(issuePaths(complaintIntakeSchema, input)).toEqual(paths);
  });
});

describe('decisionSchema', () => {
  it.each(DECISION_TYPES)('accepts a valid %s', (type) => {
    expect(decisionSchema.parse(SAMPLE_DECISIONS[type])).toEqual(SAMPLE_DECISIONS[type]);
  });

  const propose = { type: 'propose_resolution', outcome: 'upheld', summary: 'Money back.' };
  it.each([
    ['an unknown type', { type: 'approve' }, ['type']],
    ['an extra field', { type: 'acknowledge', reason: 'x' }, ['']],
    ['a classification without severity', { ...SAMPLE_DECISIONS.classify, severity: undefined }, ['severity']],
    ['an unknown severity', { ...SAMPLE_DECISIONS.classify, severity: 'urgent' }, ['severity']],
    ['a proposal without an outcome', { ...SAMPLE_DECISIONS.propose_resolution, outcome: undefined }, ['outcome']],
    ['an outcome regulators do not know', { ...SAMPLE_DECISIONS.propose_resolution, outcome: 'partially_upheld' }, ['outcome']],
    ['a refund without amount and currency', { ...propose, remedy: 'refund' }, ['amount', 'currency']],
    ['a credit without currency', { ...propose, remedy: 'credit', amount: 50 }, ['currency']],
    ['a negative amount', { ...propose, remedy: 'refund', amount: -5, currency: 'TRY' }, ['amount']],
    ['a currency that is not ISO 4217', { ...propose, remedy: 'refund', amount: 5, currency: 'TL' }, ['currency']],
    ['a currency without an amount', { ...propose, remedy: 'apology', currency: 'TRY' }, ['amount']],
    ['a malformed corrective action id', { ...propose, remedy: 'repair', correctiveActionId: '7' }, ['correctiveActionId']],
    ['a due date that is not a date', { ...SAMPLE_DECISIONS.record_corrective_action, dueDate: '31.12.2026' }, ['dueDate']],
    ['an assignee id with spaces', { type: 'assign', assignee: 'Ayşe Y' }, ['assignee']],
    ['a blank note', { type: 'note', text: ' \n ' }, ['text']],
    ['an overlong question', { type: 'request_info', question: 'x'.repeat(2_001) }, ['question']],
    ['a duplicate of a malformed reference', { type: 'mark_duplicate', duplicateOf: '123' }, ['duplicateOf']],
    [
      'a recorded answer through the web (the customer answers there themselves)',
      { ...SAMPLE_DECISIONS.record_customer_answer, channel: 'web' },
      ['channel'],
    ],
    [
      'a recorded answer of an unknown kind, without text',
      { type: 'record_customer_answer', answer: 'maybe', channel: 'phone' },
      ['answer', 'text'],
    ],
    ['a cancelled question without a reason', { type: 'cancel_info_request' }, ['reason']],
    ['a link reissued for a given round', { type: 'reissue_link', round: 1 }, ['']],
    ['an unknown external decision', { ...SAMPLE_DECISIONS.record_external_outcome, decision: 'won' }, ['decision']],
  ])('refuses %s', (_name, input, paths) => {
    expect(issuePaths(decisionSchema, input)).toEqual(paths);
  });

  it('accepts a classification without a department, for the routing rules to choose (a blank one is refused)', () => {
    const { department: _, ...unrouted } = SAMPLE_DECISIONS.classify;
    expect(decisionSchema.parse(unrouted)).toEqual(unrouted);
    expect(issuePaths(decisionSchema, { ...unrouted, department: ' ' })).toEqual(['department']);
  });

  it('accepts a refund with amount and currency', () => {
    const refund = { ...propose, remedy: 'refund', amount: 1499.9, currency: 'TRY' };
    expect(decisionSchema.parse(refund)).toEqual(refund);
  });
});

describe('customerAnswerSchema', () => {
  it.each([
    ['round 0', { type: 'customer_accepted', round: 0 }, ['round']],
    ['a fractional round', { type: 'customer_accepted', round: 1.5 }, ['round']],
    ['a rejection without reason', { type: 'customer_rejected', round: 1 }, ['reason']],
    ['a malformed request id', { type: 'customer_answered_info', requestId: '1', text: 'Here.' }, ['requestId']],
  ])('refuses %s', (_name, input, paths) => {
    expect(issuePaths(customerAnswerSchema, input)).toEqual(paths);
  });
});

describe('lifecycleEventSchema', () => {
  it('accepts a decision with actor and instant', () => {
    const event = {
      kind: 'decision',
      at: '2026-03-02T10:00:00+03:00',
      actor: { id: 'agent-1', role: 'agent' },
      decision: { type: 'acknowledge' },
    };
    expect(lifecycleEventSchema.parse(event)).toEqual(event);
  });

  it.each([
    [
      'an unknown role',
      { kind: 'decision', at: '2026-03-02T07:00:00Z', actor: { id: 'a', role: 'boss' }, decision: { type: 'acknowledge' } },
      ['actor.role'],
    ],
    ['a date without time', { kind: 'system', at: '2026-03-02', system: { type: 'progress_update_due' } }, ['at']],
    [
      'a breach of the conclusion, which has no clock',
      {
        kind: 'system',
        at: '2026-03-02T07:00:00Z',
        system: { type: 'deadline_breached', stage: 'conclusion', breachCount: 1 },
      },
      ['system.stage'],
    ],
  ])('refuses %s', (_name, input, paths) => {
    expect(issuePaths(lifecycleEventSchema, input)).toEqual(paths);
  });
});
