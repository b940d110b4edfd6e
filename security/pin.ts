// Tracking PINs: shown to the customer once, stored only as a keyed hash. An 8-digit PIN has
// 10^8 values, so no hash cost stops an offline search of a leaked table; a key the database
// never holds does, and HMAC costs microseconds (intake runs near Temporal's own speed). The
// online guess is stopped by the lockout (api/customer/pin-lockout.ts), not by the hash.
import { createHmac, hkdfSync, randomBytes, randomInt, scrypt, timingSafeEqual } from 'node:crypto';
import { promisify } from 'node:util';

const scryptAsync = promisify(scrypt) as (pw: string, salt: Buffer, len: number) => Promise<Buffer>;
const PIN_DIGITS = 8;
const HMAC_SCHEME = 'hmac';

export function generatePin(): string {
  return Array.from({ length: PIN_DIGITS }, () => randomInt(10)).join('');
}

/** A PIN key: its id is written into each hash, so a rotation knows which key checks which row. */
export interface PinKey {
  id: string;
  secret: Buffer;
}

/** The key used when TRACKING_PIN_KEYS is unset: derived from the link signing secret (also outside the database). */
export const DERIVED_PIN_KEY_ID = 'ls1';

export function derivedPinKey(linkSigningSecret: string): PinKey {
  return { id: DERIVED_PIN_KEY_ID, secret: Buffer.from(hkdfSync('sha256', linkSigningSecret, 'plaint', 'tracking pin v1', 32)) };
}

/**
 * The PINs of this deployment: TRACKING_PIN_KEYS (`keyId:base64`, the first hashes) and, last,
 * the key derived from the link signing secret, so hashes made before the keys were set still check.
 */
export function trackingPinsOf(config: { TRACKING_PIN_KEYS?: readonly string[] | undefined; LINK_SIGNING_SECRET: string }): TrackingPins {
  const configured = (config.TRACKING_PIN_KEYS ?? []).map((entry) => {
    const at = entry.indexOf(':');
    return { id: entry.slice(0, at), secret: Buffer.from(entry.slice(at + 1), 'base64') };
  });
  return new TrackingPins([...configured, derivedPinKey(config.LINK_SIGNING_SECRET)]);
}

export interface PinCheck {
  matches: boolean;
  /** A hash under the current key, when the stored one is under an older key or the old scrypt scheme. */
  rehashed?: string;
}

/**
 * Hashes new PINs under the first key and checks stored ones under the key they name, so keys
 * rotate: put the new key first, and each stored hash moves to it the next time its PIN is
 * entered correctly (`rehashed`). The salt keeps equal PINs of two complaints from looking equal.
 */
export class TrackingPins {
  readonly #keys: ReadonlyMap<string, Buffer>;
  readonly #current: PinKey;
  #decoy: string | undefined;

  constructor(keys: readonly PinKey[]) {
    if (keys.length === 0) throw new Error('TrackingPins needs at least one key');
    this.#current = keys[0]!;
    this.#keys = new Map(keys.map((k) => [k.id, k.secret]));
  }

  hash(pin: string): string {
    const salt = randomBytes(16);
    return `${HMAC_SCHEME}$${this.#current.id}$${salt.toString('base64url')}$${mac(this.#current.secret, salt, pin).toString('base64url')}`;
  }

  async check(pin: string, stored: string): Promise<PinCheck> {
    const [scheme, keyId, salt, hash] = stored.split('$');
    if (scheme === HMAC_SCHEME && keyId && salt && hash) {
      const secret = this.#keys.get(keyId);
      if (!secret) return { matches: false }; // its key was retired: the customer asks for a new PIN
      const matches = equal(mac(secret, Buffer.from(salt, 'base64url'), pin), Buffer.from(hash, 'base64url'));
      return matches && keyId !== this.#current.id ? { matches, rehashed: this.hash(pin) } : { matches };
    }
    if (scheme === 'scrypt' && keyId && salt) {
      // Hashes from before keyed PINs: `scrypt$salt$hash`. Checked once more, then moved to HMAC.
      const expected = Buffer.from(salt, 'base64url');
      const matches = equal(await scryptAsync(pin, Buffer.from(keyId, 'base64url'), expected.length), expected);
      return matches ? { matches, rehashed: this.hash(pin) } : { matches };
    }
    return { matches: false };
  }

  /** Spends what checking a stored PIN costs, for a reference that does not exist (no timing tells them apart). */
  async checkDecoy(pin: string): Promise<void> {
    this.#decoy ??= this.hash(generatePin());
    await this.check(pin, this.#decoy);
  }
}

function mac(secret: Buffer, salt: Buffer, pin: string): Buffer {
  return createHmac('sha256', secret).update(salt).update(pin).digest();
}

function equal(a: Buffer, b: Buffer): boolean {
  return a.length === b.length && timingSafeEqual(a, b);
}
