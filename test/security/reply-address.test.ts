// The per-complaint reply address: it names its complaint, and no other complaint can be reached
// by changing the reference in it (the tag is an HMAC under the server's secret).
import { describe, expect, it } from 'vitest';
import { replyAddressBook } from '../../security/reply-address.js';

const book = replyAddressBook('a-test-link-signing-secret-of-32-characters', 'Reply.Plaint.test');

describe('reply addresses', () => {
  it('lead back to their complaint, whatever the case a mail system writes them in', () => {
    const address = book.addressFor('CMP-2026-000123');
    expect(address).toMatch(/^reply\+cmp-2026-000123\.[a-z2-7]{20}@reply\.plaint\.test$/);
    expect(book.referenceOf(address)).toBe('CMP-2026-000123');
    expect(book.referenceOf(address.toUpperCase())).toBe('CMP-2026-000123');
  });

  it('lead nowhere with another reference, a changed tag, another domain or another secret', () => {
    const address = book.addressFor('CMP-2026-000123');
    const tag = address.slice(address.indexOf('.') + 1, address.indexOf('@'));
    expect(book.referenceOf(`reply+cmp-2026-000124.${tag}@reply.plaint.test`)).toBeUndefined();
    expect(book.referenceOf(address.replace(tag, `${tag.slice(0, -1)}${tag.endsWith('a') ? 'b' : 'a'}`))).toBeUndefined();
    expect(book.referenceOf(address.replace('reply.plaint.test', 'plaint.test'))).toBeUndefined();
    expect(book.referenceOf('reply+cmp-2026-000123@reply.plaint.test')).toBeUndefined();
    const other = replyAddressBook('another-link-signing-secret-of-32-characters', 'reply.plaint.test');
    expect(other.referenceOf(address)).toBeUndefined();
  });
});
