// Seals small JSON values at rest (AES-256-GCM) with the current payload key, e.g. the first
// intake response, which holds the PIN and must be replayable for an idempotent retry.
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import type { EncryptionKey } from './payload-codec.js';

export class SealedBox {
  constructor(private readonly keys: readonly EncryptionKey[]) {
    if (keys.length === 0) throw new Error('SealedBox needs at least one key');
  }

  seal(value: unknown): string {
    const { id, key } = this.keys[0]!;
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', key, iv);
    const data = Buffer.concat([cipher.update(JSON.stringify(value)), cipher.final(), cipher.getAuthTag()]);
    return `${id}.${iv.toString('base64url')}.${data.toString('base64url')}`;
  }

  /** Reads `keyId.iv.data`. The IV and data are base64url (never a '.'), so the key id is whatever precedes them. */
  open<T>(sealed: string): T {
    const last = sealed.lastIndexOf('.');
    const middle = last > 0 ? sealed.lastIndexOf('.', last - 1) : -1;
    if (middle <= 0) throw new Error('cannot open a value that is not keyId.iv.data');
    const id = sealed.slice(0, middle);
    const iv = sealed.slice(middle + 1, last);
    const data = sealed.slice(last + 1);
    const key = this.keys.find((k) => k.id === id)?.key;
    if (!key || !iv || !data) throw new Error(`cannot open a value sealed with key '${id}'`);
    const bytes = Buffer.from(data, 'base64url');
    const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(iv, 'base64url'));
    decipher.setAuthTag(bytes.subarray(bytes.length - 16));
    const plain = Buffer.concat([decipher.update(bytes.subarray(0, bytes.length - 16)), decipher.final()]);
    return JSON.parse(plain.toString('utf8')) as T;
  }
}
