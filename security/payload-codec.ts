// Encrypts every Temporal payload (workflow inputs, results, update/signal/query arguments,
// memos) with AES-256-GCM, so customers' personal data is never readable in history or the UI.
// The key id travels in each payload's metadata, so keys can rotate: the first configured key
// encrypts, every configured key decrypts.
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import type { Payload, PayloadCodec } from '@temporalio/common';
import proto from '@temporalio/proto';

const { temporal } = proto; // a CommonJS module: no named ESM exports

const ENCODING = 'binary/encrypted';
const METADATA_ENCODING_KEY = 'encoding';
const METADATA_KEY_ID = 'encryption-key-id';
const IV_BYTES = 12;
const TAG_BYTES = 16;

export interface EncryptionKey {
  id: string;
  key: Buffer;
}

/** Parses `keyId:base64` entries (config PAYLOAD_ENCRYPTION_KEYS). */
export function parseEncryptionKeys(entries: readonly string[]): EncryptionKey[] {
  return entries.map((entry) => {
    const [id, b64] = entry.split(':');
    const key = Buffer.from(b64 ?? '', 'base64');
    if (!id || key.length !== 32) throw new Error(`encryption key ${id ?? '?'} must be 32 bytes`);
    return { id, key };
  });
}

export class AesGcmPayloadCodec implements PayloadCodec {
  private readonly current: EncryptionKey;
  private readonly byId: Map<string, Buffer>;

  constructor(keys: readonly EncryptionKey[]) {
    const [current] = keys;
    if (!current) throw new Error('at least one payload encryption key is required');
    this.current = current;
    this.byId = new Map(keys.map((k) => [k.id, k.key]));
  }

  async encode(payloads: Payload[]): Promise<Payload[]> {
    return payloads.map((payload) => {
      const iv = randomBytes(IV_BYTES);
      const cipher = createCipheriv('aes-256-gcm', this.current.key, iv);
      const plain = temporal.api.common.v1.Payload.encode(payload).finish();
      const sealed = Buffer.concat([iv, cipher.update(plain), cipher.final(), cipher.getAuthTag()]);
      return {
        metadata: {
          [METADATA_ENCODING_KEY]: Buffer.from(ENCODING),
          [METADATA_KEY_ID]: Buffer.from(this.current.id),
        },
        data: sealed,
      };
    });
  }

  async decode(payloads: Payload[]): Promise<Payload[]> {
    return payloads.map((payload) => {
      const encoding = payload.metadata?.[METADATA_ENCODING_KEY];
      if (!encoding || Buffer.from(encoding).toString() !== ENCODING) return payload;
      const keyId = Buffer.from(payload.metadata?.[METADATA_KEY_ID] ?? []).toString();
      const key = this.byId.get(keyId);
      if (!key) throw new Error(`payload was encrypted with unknown key id '${keyId}'`);
      const data = Buffer.from(payload.data ?? []);
      const iv = data.subarray(0, IV_BYTES);
      const tag = data.subarray(data.length - TAG_BYTES);
      const decipher = createDecipheriv('aes-256-gcm', key, iv);
      decipher.setAuthTag(tag);
      const plain = Buffer.concat([decipher.update(data.subarray(IV_BYTES, data.length - TAG_BYTES)), decipher.final()]);
      return temporal.api.common.v1.Payload.decode(plain);
    });
  }
}

/** The data converter both the client and the worker must use. */
export function encryptingDataConverter(keys: readonly EncryptionKey[]) {
  return { payloadCodecs: [new AesGcmPayloadCodec(keys)] };
}
