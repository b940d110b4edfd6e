// Staff passwords, hashed with scrypt (memory-hard, in Node's own crypto: no native add-on to
// install). Stored as `scrypt$<logN>$<r>$<p>$<salt>$<hash>`, so the cost can rise later and old
// hashes still verify (and are rehashed at the next sign-in, needsRehash).
import { randomBytes, scrypt as scryptCallback, timingSafeEqual, type ScryptOptions } from 'node:crypto';

const scrypt = (password: string, salt: Buffer, keyLength: number, options: ScryptOptions) =>
  new Promise<Buffer>((resolve, reject) => scryptCallback(password, salt, keyLength, options, (err, key) => (err ? reject(err) : resolve(key))));

/** N = 2^15, r = 8, p = 3: 32 MiB, one of OWASP's equivalent scrypt minimums (≈ 0.2–0.5 s per hash on this 2-core machine). */
export const PASSWORD_COST = { logN: 15, r: 8, p: 3 } as const;
const KEY_LENGTH = 32;
const maxmem = (logN: number, r: number) => 128 * r * 2 ** logN * 2;

export async function hashPassword(password: string, cost: { logN: number; r: number; p: number } = PASSWORD_COST): Promise<string> {
  const salt = randomBytes(16);
  const key = await scrypt(password.normalize('NFC'), salt, KEY_LENGTH, { N: 2 ** cost.logN, r: cost.r, p: cost.p, maxmem: maxmem(cost.logN, cost.r) });
  return ['scrypt', cost.logN, cost.r, cost.p, salt.toString('base64url'), key.toString('base64url')].join('$');
}

/** Whether `password` matches `stored`; false for a malformed stored hash. */
export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const parts = stored.split('$');
  if (parts.length !== 6 || parts[0] !== 'scrypt') return false;
  const [logN, r, p] = parts.slice(1, 4).map(Number) as [number, number, number];
  if (![logN, r, p].every((n) => Number.isInteger(n) && n > 0) || logN > 22) return false;
  const salt = Buffer.from(parts[4]!, 'base64url');
  const expected = Buffer.from(parts[5]!, 'base64url');
  const key = await scrypt(password.normalize('NFC'), salt, expected.length, { N: 2 ** logN, r, p, maxmem: maxmem(logN, r) });
  return key.length === expected.length && timingSafeEqual(key, expected);
}

/** Whether a stored hash was made with a lower cost than today's. */
export function needsRehash(stored: string): boolean {
  const [, logN, r, p] = stored.split('$').map(Number);
  return logN !== PASSWORD_COST.logN || r !== PASSWORD_COST.r || p !== PASSWORD_COST.p;
}

/** A password to print for a first admin: 20 characters of base64url (120 bits). */
export function generatePassword(): string {
  return randomBytes(15).toString('base64url');
}
