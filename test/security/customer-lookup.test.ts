import { describe, expect, it } from 'vitest';
import { customerLookupHasher, normaliseEmail, normalisePhone } from '../../security/customer-lookup.js';

const SECRET = 'a-link-signing-secret-of-at-least-32-characters';

describe('customer lookup hashes', () => {
  const hasher = customerLookupHasher(SECRET);

  it('hashes one phone number alike however it is written', () => {
    const spellings = ['+90 (532) 123-45-67', '0090 532 1234567', '90 532 123 45 67', '0532 123 45 67', '０５３２１２３４５６７'];
    expect(new Set(spellings.map((p) => normalisePhone(p)))).toEqual(new Set(['905321234567']));
    const hashes = spellings.map((p) => hasher.phone(p)!.toString('hex'));
    expect(new Set(hashes).size).toBe(1);
    expect(hasher.phone('+90 532 123 45 68')!.equals(hasher.phone(spellings[0])!)).toBe(false);
  });

  it('hashes an e-mail address alike whatever its case and surrounding space', () => {
    expect(normaliseEmail('  Ayse.Yilmaz@Example.COM ')).toBe('ayse.yilmaz@example.com');
    expect(hasher.email('Ayse.Yilmaz@Example.COM')!.equals(hasher.email(' ayse.yilmaz@example.com')!)).toBe(true);
    expect(hasher.email('ayse.yilmaz@example.org')!.equals(hasher.email('ayse.yilmaz@example.com')!)).toBe(false);
  });

  it('answers null for nothing to hash, and differs by key and by kind', () => {
    expect(hasher.email(null)).toBeNull();
    expect(hasher.email('   ')).toBeNull();
    expect(hasher.phone('n/a')).toBeNull();
    expect(hasher.phone(undefined)).toBeNull();
    const other = customerLookupHasher(`${SECRET}-rotated`);
    expect(other.email('a@b.c')!.equals(hasher.email('a@b.c')!)).toBe(false);
    // An e-mail that happens to be digits never matches a phone number.
    expect(hasher.email('905321234567')!.equals(hasher.phone('905321234567')!)).toBe(false);
    expect(hasher.email('a@b.c')).toHaveLength(32);
  });
});
