import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { parseEncryptionKeys } from '../../security/payload-codec.js';
import { SealedBox } from '../../security/sealed-box.js';

const key = (id: string) => parseEncryptionKeys([`${id}:${randomBytes(32).toString('base64')}`])[0]!;

describe('SealedBox', () => {
  it('opens what it sealed, and the sealed text does not show the value', () => {
    const box = new SealedBox([key('k1')]);
    const sealed = box.seal({ pin: '48213907' });
    expect(sealed).not.toContain('48213907');
    expect(box.open(sealed)).toEqual({ pin: '48213907' });
  });

  it('opens a value sealed under a key id that contains dots', () => {
    const dotted = key('k.2026.03');
    const sealed = new SealedBox([dotted]).seal({ pin: '12345678' });
    expect(new SealedBox([key('other'), dotted]).open(sealed)).toEqual({ pin: '12345678' });
  });

  it('still opens a value sealed with an older key after rotation', () => {
    const old = key('old');
    const sealed = new SealedBox([old]).seal('kept');
    expect(new SealedBox([key('new'), old]).open(sealed)).toBe('kept');
  });

  it('refuses an unknown key, a malformed value and tampered bytes', () => {
    const box = new SealedBox([key('a')]);
    expect(() => new SealedBox([key('b')]).open(box.seal('x'))).toThrow(/key 'a'/);
    expect(() => box.open('no-separators')).toThrow(/keyId\.iv\.data/);
    expect(() => box.open('.iv.data')).toThrow(/keyId\.iv\.data/);
    const sealed = box.seal('x');
    const tampered = `${sealed.slice(0, -2)}${sealed.endsWith('AA') ? 'BB' : 'AA'}`;
    expect(() => box.open(tampered)).toThrow();
  });
});
