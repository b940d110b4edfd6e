// Exact lookup of a customer by e-mail or phone without a plain index of personal data: the read
// model stores HMAC-SHA256 of the normalised value under a key derived from the link signing
// secret, and a search hashes what staff typed the same way. Rotating that secret needs the
// hashes recomputed (README, "Customer lookup").
import { createHmac, hkdfSync } from 'node:crypto';

export interface CustomerLookupHasher {
  /** The hash of an e-mail address (case and surrounding space ignored); null for none. */
  email(email: string | null | undefined): Buffer | null;
  /** The hash of a phone number (spaces, dashes, brackets and a leading 00 or + ignored); null for none. */
  phone(phone: string | null | undefined): Buffer | null;
}

export function customerLookupHasher(linkSigningSecret: string): CustomerLookupHasher {
  const key = Buffer.from(hkdfSync('sha256', linkSigningSecret, 'plaint', 'customer lookup v1', 32));
  const hash = (kind: string, value: string) => createHmac('sha256', key).update(`${kind}:${value}`).digest();
  return {
    email: (email) => {
      const normalised = email?.trim().toLowerCase();
      return normalised ? hash('email', normalised) : null;
    },
    phone: (phone) => {
      const normalised = normalisePhone(phone);
      return normalised ? hash('phone', normalised) : null;
    },
  };
}

/** Digits only, international prefix dropped: `+90 (532) 123-45-67` and `0090 532 1234567` are one number. */
export function normalisePhone(phone: string | null | undefined): string | null {
  if (!phone) return null;
  const digits = phone.replace(/[^\d]/g, '').replace(/^00/, '');
  return digits.length > 0 ? digits : null;
}
