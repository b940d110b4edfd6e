import { describe, expect, it } from 'vitest';
import { canonicalJson } from '../../../domain/process-definitions/canonical-json.js';

describe('canonicalJson', () => {
  it('sorts keys at every depth and leaves no whitespace', () => {
    expect(canonicalJson({ b: 1, a: { d: [3, { z: true, y: null }], c: 'x y' } })).toBe('{"a":{"c":"x y","d":[3,{"y":null,"z":true}]},"b":1}');
  });

  it('gives equal documents the same text whatever their key order, integer-like keys included', () => {
    expect(canonicalJson({ 10: 'a', 9: 'b', x: 1 })).toBe(canonicalJson({ x: 1, 9: 'b', 10: 'a' }));
    expect(canonicalJson({ 10: 'a', 9: 'b' })).toBe('{"10":"a","9":"b"}');
  });

  it('leaves out undefined members, as JSON does, and escapes strings as JSON.stringify', () => {
    expect(canonicalJson({ a: undefined, b: 'çö"\n' })).toBe('{"b":"çö\\"\\n"}');
    expect(canonicalJson([undefined])).toBe('[null]');
  });
});
