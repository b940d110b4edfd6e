import { execFileSync } from 'node:child_process';
import { randomBytes, scryptSync } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { derivedPinKey, generatePin, trackingPinsOf, TrackingPins, type PinKey } from '../../security/pin.js';

const LINK_SECRET = 'a-link-signing-secret-of-at-least-32-characters';
const key = (id: string): PinKey => ({ id, secret: randomBytes(32) });

describe('tracking PINs', () => {
  it('checks the PIN it hashed and refuses every other, with equal PINs hashed unlike', async () => {
    const pins = new TrackingPins([key('k1')]);
    const pin = generatePin();
    const stored = pins.hash(pin);
    expect(stored).toMatch(/^hmac\$k1\$[\w-]{22}\$[\w-]{43}$/);
    expect(stored).not.toContain(pin);
    expect(await pins.check(pin, stored)).toEqual({ matches: true });
    const wrong = String((Number(pin) + 1) % 1e8).padStart(8, '0');
    expect(await pins.check(wrong, stored)).toEqual({ matches: false });
    expect(pins.hash(pin)).not.toBe(stored); // salted: two complaints with one PIN do not show it
  });

  it('is HMAC-SHA256 over salt and PIN, as an independent implementation (Python hmac) computes it', () => {
    const k = key('k1');
    const stored = new TrackingPins([k]).hash('48213907');
    const [, , salt, mac] = stored.split('$');
    const python = execFileSync('python3', [
      '-c',
      'import hmac,hashlib,base64,sys; k=bytes.fromhex(sys.argv[1]); s=base64.urlsafe_b64decode(sys.argv[2]+"=="); ' +
        'print(base64.urlsafe_b64encode(hmac.new(k, s+sys.argv[3].encode(), hashlib.sha256).digest()).decode().rstrip("="))',
      k.secret.toString('hex'),
      salt!,
      '48213907',
    ]).toString().trim();
    expect(python).toBe(mac);
  });

  it('refuses even the right PIN under another key of the same id: the table alone checks nothing', async () => {
    const stored = new TrackingPins([key('k1')]).hash('00001234');
    // Whoever holds the table but not the key holds a key id and nothing to check a guess with.
    const attacker = new TrackingPins([key('k1')]);
    expect((await attacker.check('00001234', stored)).matches).toBe(false);
  });

  it('rotates: a hash under an older key still checks and comes back under the current key; a retired key checks nothing', async () => {
    const old = key('k1');
    const current = key('k2');
    const stored = new TrackingPins([old]).hash('11223344');
    const rotated = new TrackingPins([current, old]);
    const check = await rotated.check('11223344', stored);
    expect(check.matches).toBe(true);
    expect(check.rehashed).toMatch(/^hmac\$k2\$/);
    expect(await rotated.check('11223344', check.rehashed!)).toEqual({ matches: true });
    expect((await rotated.check('11223345', stored)).rehashed).toBeUndefined();
    expect(await new TrackingPins([current]).check('11223344', stored)).toEqual({ matches: false });
  });

  it('still checks the scrypt hashes of before keyed PINs once, and moves them to HMAC', async () => {
    const salt = randomBytes(16);
    const legacy = `scrypt$${salt.toString('base64url')}$${scryptSync('55667788', salt, 32).toString('base64url')}`;
    const pins = trackingPinsOf({ LINK_SIGNING_SECRET: LINK_SECRET });
    const check = await pins.check('55667788', legacy);
    expect(check.matches).toBe(true);
    expect(check.rehashed).toMatch(/^hmac\$ls1\$/);
    expect(await pins.check('55667789', legacy)).toEqual({ matches: false });
    expect(await pins.check('55667788', 'garbage')).toEqual({ matches: false });
  });

  it('hashes under TRACKING_PIN_KEYS first and keeps the key derived from the link secret for older rows', async () => {
    const derivedOnly = trackingPinsOf({ LINK_SIGNING_SECRET: LINK_SECRET });
    const before = derivedOnly.hash('99887766');
    expect(before).toMatch(/^hmac\$ls1\$/);
    const configured = trackingPinsOf({ TRACKING_PIN_KEYS: [`p2:${randomBytes(32).toString('base64')}`], LINK_SIGNING_SECRET: LINK_SECRET });
    expect(configured.hash('99887766')).toMatch(/^hmac\$p2\$/);
    expect((await configured.check('99887766', before)).rehashed).toMatch(/^hmac\$p2\$/);
    expect(derivedPinKey(LINK_SECRET).secret.equals(derivedPinKey(`${LINK_SECRET}!`).secret)).toBe(false);
  });
});
