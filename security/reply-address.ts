// The per-complaint reply address customers' e-mails carry as Reply-To:
// `reply+<reference>.<tag>@MAIL_REPLY_DOMAIN`. The tag is an HMAC of the reference under a key
// derived from the link signing secret, so the address threads a reply onto its complaint without
// any stored token, and nobody reaches another customer's complaint by writing to a guessed
// address: references are sequential, tags are not (100 bits). Rotating the secret orphans the
// addresses already sent; replies to them then thread by the reference in the subject, which
// also needs the sender to be the complaint's contact (inbound/route-mail.ts).
import { createHmac, hkdfSync, timingSafeEqual } from 'node:crypto';
import { REFERENCE_PATTERN } from '../domain/reference.js';

/** Base32 characters of the tag: 20 of them carry 100 bits. Lower case, since mail systems may lower-case local parts. */
const TAG_LENGTH = 20;
const BASE32 = 'abcdefghijklmnopqrstuvwxyz234567';

export interface ReplyAddressBook {
  /** The reply address of the complaint with this reference. */
  addressFor(reference: string): string;
  /** The reference a reply address stands for, when its tag is right; undefined for any other address. */
  referenceOf(address: string): string | undefined;
  /** The domain reply addresses are at (MAIL_REPLY_DOMAIN). */
  readonly domain: string;
}

export function replyAddressBook(linkSigningSecret: string, domain: string): ReplyAddressBook {
  const key = Buffer.from(hkdfSync('sha256', linkSigningSecret, 'plaint', 'reply address v1', 32));
  const tagOf = (reference: string) => base32(createHmac('sha256', key).update(reference.toUpperCase()).digest()).slice(0, TAG_LENGTH);
  const lowerDomain = domain.toLowerCase();
  return {
    domain: lowerDomain,
    addressFor: (reference) => `reply+${reference.toLowerCase()}.${tagOf(reference)}@${lowerDomain}`,
    referenceOf(address) {
      const match = /^reply\+([a-z0-9-]{1,30})\.([a-z2-7]+)@(.+)$/.exec(address.trim().toLowerCase());
      if (!match || match[3] !== lowerDomain) return undefined;
      const reference = match[1]!.toUpperCase();
      if (!REFERENCE_PATTERN.test(reference)) return undefined;
      const given = Buffer.from(match[2]!);
      const expected = Buffer.from(tagOf(reference));
      return given.length === expected.length && timingSafeEqual(given, expected) ? reference : undefined;
    },
  };
}

function base32(bytes: Buffer): string {
  let out = '';
  let bits = 0;
  let value = 0;
  for (const byte of bytes) {
    value = ((value << 8) | byte) & 0xffff; // only the bits not yet written matter
    bits += 8;
    while (bits >= 5) {
      out += BASE32[(value >>> (bits - 5)) & 31];
      bits -= 5;
    }
  }
  return out;
}
