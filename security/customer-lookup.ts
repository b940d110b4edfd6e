// Exact lookup of a customer by e-mail or phone without a plain index of personal data: the read
// model stores HMAC-SHA256 of the normalised value under a key derived from the link signing
// secret, and a search hashes what staff typed the same way. Rotating that secret needs the
// hashes recomputed (README, "Customer lookup").
import { createHmac, hkdfSync } from 'node:crypto';

export interface CustomerLookupHasher {
  /** The hash of an e-mail address (case, surrounding space and Unicode form ignored); null for none. */
  email(email: string | null | undefined): Buffer | null;
  /** The hash of a phone number in international form (see `normalisePhone`); null for none. */
  phone(phone: string | null | undefined): Buffer | null;
}

/**
 * Calling code a number written the national way (trunk `0`, as in `0532 123 45 67`) belongs to:
 * Turkey's, where the default process runs. Changing it changes the hashes: recompute them.
 */
export const DEFAULT_CALLING_CODE = '90';

export function customerLookupHasher(linkSigningSecret: string, defaultCallingCode = DEFAULT_CALLING_CODE): CustomerLookupHasher {
  const key = Buffer.from(hkdfSync('sha256', linkSigningSecret, 'plaint', 'customer lookup v1', 32));
  const hash = (kind: string, value: string) => createHmac('sha256', key).update(`${kind}:${value}`).digest();
  return {
    email: (email) => {
      const normalised = normaliseEmail(email);
      return normalised ? hash('email', normalised) : null;
    },
    phone: (phone) => {
      const normalised = normalisePhone(phone, defaultCallingCode);
      return normalised ? hash('phone', normalised) : null;
    },
  };
}

/** Trimmed, NFC, lower case (the whole address: providers treat the local part case-blind in practice). */
export function normaliseEmail(email: string | null | undefined): string | null {
  const normalised = email?.normalize('NFC').trim().toLowerCase();
  return normalised ? normalised : null;
}

/**
 * Digits only, in international form without a prefix: `+90 (532) 123-45-67`, `0090 532 1234567`,
 * `90 532 123 45 67` and the national `0532 123 45 67` are one number. A single leading `0` is a
 * trunk prefix: it becomes `defaultCallingCode`. Letters, dots, slashes and spaces are ignored.
 */
export function normalisePhone(phone: string | null | undefined, defaultCallingCode = DEFAULT_CALLING_CODE): string | null {
  if (!phone) return null;
  const digits = phone.normalize('NFKC').replace(/[^\d]/g, '');
  if (digits.length === 0) return null;
  if (digits.startsWith('00')) return digits.slice(2) || null;
  if (digits.startsWith('0')) return `${defaultCallingCode}${digits.slice(1)}`;
  return digits;
}
