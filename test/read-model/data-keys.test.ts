// Per-complaint data keys on a real PostgreSQL: what is sealed opens while the key lives, and no
// longer, for anyone, once the key is destroyed.
import { randomBytes, randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { complaintIdOfSealed, DataKeyDestroyedError, DataKeyStore, isSealed } from '../../security/data-keys.js';
import { parseEncryptionKeys } from '../../security/payload-codec.js';
import { integrationContext, type IntegrationContext } from '../helpers/integration.js';

const master = (id: string) => parseEncryptionKeys([`${id}:${randomBytes(32).toString('base64')}`])[0]!;

let ctx: IntegrationContext;
beforeAll(async () => {
  ctx = await integrationContext();
});
afterAll(() => ctx?.close());

describe('DataKeyStore', () => {
  it('seals per complaint: the text is hidden, names its complaint, and opens in another process', async () => {
    const keys = [master('m1')];
    const complaintId = randomUUID();
    const sealer = await new DataKeyStore(ctx.sql, keys).ensure(complaintId);
    const sealed = sealer.seal('Ayşe Yılmaz, ayse@example.com');
    expect(sealed).not.toContain('Ayşe');
    expect(isSealed(sealed)).toBe(true);
    expect(complaintIdOfSealed(sealed)).toBe(complaintId);
    expect(sealer.sealOrNull(null)).toBeNull();
    expect(sealer.seal(sealed)).toBe(sealed); // sealing twice is sealing once
    const elsewhere = new DataKeyStore(ctx.sql, keys);
    expect(await elsewhere.open(sealed)).toBe('Ayşe Yılmaz, ayse@example.com');
    expect(await elsewhere.openDeep({ a: [sealed, 'plain', 3], b: null })).toEqual({
      a: ['Ayşe Yılmaz, ayse@example.com', 'plain', 3],
      b: null,
    });
  });

  it('gives an intake retry the same key, and keeps the key only wrapped', async () => {
    const store = new DataKeyStore(ctx.sql, [master('m1')]);
    const complaintId = randomUUID();
    const first = (await store.ensure(complaintId)).seal('x');
    const second = await new DataKeyStore(ctx.sql, store['masterKeys']).ensure(complaintId);
    expect(await new DataKeyStore(ctx.sql, store['masterKeys']).open(second.seal('y'))).toBe('y');
    expect(await store.open(first)).toBe('x');
    const [row] = await ctx.sql<{ wrapped_key: Buffer }[]>`SELECT wrapped_key FROM complaint_data_keys WHERE complaint_id = ${complaintId}`;
    expect(row!.wrapped_key.length).toBe(12 + 32 + 16);
  });

  it('opens after the master keys rotate, as long as the old one is still configured', async () => {
    const old = master('old');
    const complaintId = randomUUID();
    const sealed = (await new DataKeyStore(ctx.sql, [old]).ensure(complaintId)).seal('kept');
    expect(await new DataKeyStore(ctx.sql, [master('new'), old]).open(sealed)).toBe('kept');
    await expect(new DataKeyStore(ctx.sql, [master('new')]).open(sealed)).rejects.toThrow(/unknown master key 'old'/);
  });

  it('after destroy, nobody opens it, nothing seals for it, and the key cannot come back', async () => {
    const keys = [master('m1')];
    const store = new DataKeyStore(ctx.sql, keys);
    const complaintId = randomUUID();
    const sealed = (await store.ensure(complaintId)).seal('to be forgotten');
    const erased = await store.destroy(complaintId, 'request');
    expect(erased.alreadyDestroyed).toBe(false);
    expect(await store.open(sealed)).toBeNull();
    expect(await new DataKeyStore(ctx.sql, keys).open(sealed)).toBeNull();
    await expect(store.sealerFor(complaintId)).rejects.toBeInstanceOf(DataKeyDestroyedError);
    await expect(store.ensure(complaintId)).rejects.toBeInstanceOf(DataKeyDestroyedError);
    expect((await store.destroy(complaintId, 'retention')).alreadyDestroyed).toBe(true);
    await expect(ctx.sql`UPDATE complaint_data_keys SET destroyed_reason = 'retention' WHERE complaint_id = ${complaintId}`).rejects.toThrow(/destroyed/);
    await expect(ctx.sql`DELETE FROM complaint_data_keys WHERE complaint_id = ${complaintId}`).rejects.toThrow(/never deleted/);
  });

  it('records the erasure of a complaint that never had a key', async () => {
    const complaintId = randomUUID();
    const erased = await new DataKeyStore(ctx.sql, [master('m1')]).destroy(complaintId, 'retention');
    expect(erased.alreadyDestroyed).toBe(false);
    const [row] = await ctx.sql`SELECT destroyed_reason FROM complaint_data_keys WHERE complaint_id = ${complaintId}`;
    expect(row!.destroyed_reason).toBe('retention');
  });

  it('refuses a sealed text moved onto another complaint', async () => {
    const store = new DataKeyStore(ctx.sql, [master('m1')]);
    const a = randomUUID();
    const b = randomUUID();
    await store.ensure(b);
    const sealedForA = (await store.ensure(a)).seal('secret');
    const forged = sealedForA.replace(a, b);
    await expect(store.open(forged)).rejects.toThrow();
  });
});
