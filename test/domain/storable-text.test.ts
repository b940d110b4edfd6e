// Every string a client can send in an intake, a decision or a customer answer refuses a NUL
// (PostgreSQL cannot store it: the request used to end in a 500) and an unpaired surrogate.
import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { complaintIntakeSchema, customerAnswerSchema, decisionSchema } from '../../domain/complaint-schemas.js';
import { isStorableText } from '../../domain/complaint-schemas.js';

const INTAKE = {
  channel: 'web',
  customer: { name: 'Ayşe Yılmaz', email: 'ayse@example.com', phone: '+90 532 000 00 00', locale: 'tr', country: 'TR' },
  subject: 'Çamaşır makinesi su sızdırıyor',
  description: 'Makine iki haftalık, alttan su sızdırıyor.',
  category: 'product_defect',
  product: 'WM-8000',
};

/** One of each decision, every optional string present. */
const DECISIONS = [
  { type: 'classify', category: 'product_defect', product: 'WM-8000', severity: 'high', department: 'after_sales' },
  { type: 'assign', assignee: 'agent.ayse', team: 'after-sales' },
  { type: 'request_info', question: 'Which serial number does the machine have?' },
  { type: 'propose_resolution', outcome: 'upheld', summary: 'We refund the full price.', remedy: 'refund', amount: 10, currency: 'TRY', correctiveActionId: 'ca-1' },
  { type: 'escalate', reason: 'The customer is a hospital.' },
  { type: 'note', text: 'Customer called again.' },
  { type: 'record_corrective_action', rootCause: 'A bad seal.', action: 'Change the supplier.', owner: 'qm.ali', dueDate: '2026-04-01' },
  { type: 'record_external_outcome', body: 'Tüketici Hakem Heyeti', bodyReference: 'THH-2026-1', decision: 'upheld', summary: 'Refund ordered.' },
  { type: 'withdraw', reason: 'The customer withdrew it by phone.' },
  { type: 'close_out_of_scope', reason: 'Not our product.' },
  { type: 'mark_duplicate', duplicateOf: 'CMP-2026-000001' },
  { type: 'link_repeat', repeatOf: 'CMP-2026-000002' },
];

const ANSWERS = [
  { type: 'customer_rejected', round: 1, reason: 'Not good enough.' },
  { type: 'customer_answered_info', requestId: 'info-1', text: 'The serial is 12345.' },
];

/** Every path to a string in `value`, except the discriminator `type`. */
function stringPaths(value: unknown, path: string[] = []): string[][] {
  if (typeof value === 'string') return path.at(-1) === 'type' && path.length === 1 ? [] : [path];
  if (value && typeof value === 'object') return Object.entries(value).flatMap(([k, v]) => stringPaths(v, [...path, k]));
  return [];
}

function withText(value: unknown, path: string[], text: (s: string) => string): unknown {
  if (path.length === 0) return text(value as string);
  const [head, ...rest] = path as [string, ...string[]];
  return { ...(value as object), [head]: withText((value as Record<string, unknown>)[head], rest, text) };
}

const CASES: Array<[string, z.ZodType, unknown[]]> = [
  ['intake', complaintIntakeSchema, [INTAKE]],
  ['decision', decisionSchema, DECISIONS],
  ['customer answer', customerAnswerSchema, ANSWERS],
];

const BAD_TEXTS: Array<[string, (s: string) => string]> = [
  ['a NUL', (s) => `${s.slice(0, 3)}\u0000${s.slice(3)}`],
  ['a lone high surrogate', (s) => `${s}\uD800`],
  ['a lone low surrogate', (s) => `\uDC00${s}`],
];

describe.each(CASES)('%s schema', (_name, schema, samples) => {
  it('takes the samples as they are', () => {
    for (const sample of samples) expect(schema.safeParse(sample).error?.issues).toBeUndefined();
  });

  it.each(BAD_TEXTS)('refuses %s in every string field, naming the field', (_what, spoil) => {
    let checked = 0;
    for (const sample of samples) {
      for (const path of stringPaths(sample)) {
        const result = schema.safeParse(withText(sample, path, spoil));
        expect(result.success, `${path.join('.')} took it`).toBe(false);
        expect(result.error!.issues.map((i) => i.path.join('.'))).toContain(path.join('.'));
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(samples.length);
  });
});

describe('isStorableText', () => {
  it('takes any well-formed text, emoji included, and refuses NUL and unpaired surrogates', () => {
    expect(['', 'Çamaşır', 'a😀b', 'ابت', '\t\n'].map(isStorableText)).toEqual([true, true, true, true, true]);
    expect(['a\u0000', '\uD83D', 'x\uDE00y', '\uDE00\uD83D'].map(isStorableText)).toEqual([false, false, false, false]);
  });
});
