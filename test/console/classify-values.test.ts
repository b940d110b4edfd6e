// The classify form's near-miss check: which typed values are taken for a slip of a known one
// (asked about before sending) and which for a new category (sent as typed).
import { describe, expect, it } from 'vitest';
import { nearMiss, vocabularyOf, type KnownValue } from '../../api/console/complaint/classify-values.js';

const known = (value: string, complaints = 1): KnownValue => ({ value, label: null, complaints, routed: false });
const categories = [known('product-defect', 40), known('delivery', 30), known('billing', 20), known('installation', 10), known('tv', 5)];
const meant = (typed: string) => nearMiss(typed, categories)?.value;

describe('a near miss of a known value', () => {
  it.each([
    ['Delivery', 'delivery'], // case
    ['product_defect', 'product-defect'], // the separator people mix up
    ['Product Defect', 'product-defect'], // spaces
    ['delivry', 'delivery'], // one letter left out
    ['billings', 'billing'], // one letter too many
    ['instalaltion', 'installation'], // two letters swapped
    ['instalatoin', 'installation'], // two slips in a long word
    ['TV', 'tv'],
  ])('takes %s for %s', (typed, value) => expect(meant(typed)).toBe(value));

  it.each([
    ['delivery', 'a known value itself'],
    ['water-leak', 'unlike any known value: a new category'],
    ['bill', 'three letters from billing: too far for a word that short'],
    ['   ', 'nothing typed'],
  ])('leaves %s alone (%s)', (typed) => expect(meant(typed)).toBeUndefined());

  it('prefers the closer value, then the more used one', () => {
    expect(nearMiss('abcdefgh', [known('abcdefxx', 99), known('abcdefgx', 1)])?.value).toBe('abcdefgx');
    expect(nearMiss('oven-x', [known('oven-a', 1), known('oven-b', 9)])?.value).toBe('oven-b');
  });
});

describe('the known values', () => {
  it("add the process's routing values to the API's, marked as routed", () => {
    const vocabulary = vocabularyOf(
      { categories: [{ value: 'delivery', label: 'Delivery', complaints: 3 }], products: [] },
      { content: { routing: { departments: [{ id: 'quality' }], rules: [{ when: { category: 'delivery' } }, { when: { category: 'recall', product: 'oven' } }] } } },
    );
    expect(vocabulary.category).toEqual([
      { value: 'delivery', label: 'Delivery', complaints: 3, routed: true },
      { value: 'recall', label: null, complaints: 0, routed: true },
    ]);
    expect(vocabulary.product).toEqual([{ value: 'oven', label: null, complaints: 0, routed: true }]);
    expect(vocabulary.departments).toEqual(['quality']);
    expect(vocabularyOf(undefined, undefined)).toEqual({ category: [], product: [] });
  });
});
