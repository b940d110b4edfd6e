import { randomBytes } from 'node:crypto';
import { defaultPayloadConverter } from '@temporalio/common';
import { describe, expect, it } from 'vitest';
import { AesGcmPayloadCodec, parseEncryptionKeys } from '../../security/payload-codec.js';

const key = (id: string) => parseEncryptionKeys([`${id}:${randomBytes(32).toString('base64')}`])[0]!;
const payloadOf = (value: unknown) => defaultPayloadConverter.toPayload(value);

describe('AesGcmPayloadCodec', () => {
  it('encrypts a payload so its text cannot be read, and decrypts it back', async () => {
    const codec = new AesGcmPayloadCodec([key('k1')]);
    const [encoded] = await codec.encode([payloadOf({ name: 'Ayşe Yılmaz' })]);
    expect(Buffer.from(encoded!.data!).toString('latin1')).not.toContain('Ay');
    expect(Buffer.from(encoded!.metadata!['encryption-key-id']!).toString()).toBe('k1');
    const [decoded] = await codec.decode([encoded!]);
    expect(defaultPayloadConverter.fromPayload(decoded!)).toEqual({ name: 'Ayşe Yılmaz' });
  });

  it('still reads payloads written with an older key after rotation', async () => {
    const old = key('old');
    const [written] = await new AesGcmPayloadCodec([old]).encode([payloadOf('kept')]);
    const rotated = new AesGcmPayloadCodec([key('new'), old]);
    expect(defaultPayloadConverter.fromPayload((await rotated.decode([written!]))[0]!)).toBe('kept');
    const [rewritten] = await rotated.encode([payloadOf('kept')]);
    expect(Buffer.from(rewritten!.metadata!['encryption-key-id']!).toString()).toBe('new');
  });

  it('refuses a payload whose key is unknown or whose bytes were tampered with', async () => {
    const [encoded] = await new AesGcmPayloadCodec([key('a')]).encode([payloadOf('x')]);
    await expect(new AesGcmPayloadCodec([key('b')]).decode([encoded!])).rejects.toThrow(/unknown key id 'a'/);
    const codec = new AesGcmPayloadCodec([key('a')]);
    const [mine] = await codec.encode([payloadOf('x')]);
    mine!.data![20] = (mine!.data![20]! + 1) % 256;
    await expect(codec.decode([mine!])).rejects.toThrow();
  });

  it('passes through payloads that were never encrypted', async () => {
    const plain = payloadOf('plain');
    expect(await new AesGcmPayloadCodec([key('a')]).decode([plain])).toEqual([plain]);
  });
});
