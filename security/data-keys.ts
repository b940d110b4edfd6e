// Crypto-shredding: each complaint's personal data is sealed with a data key of its own, kept in
// PostgreSQL wrapped by a master key (migration 0031). Destroying the key erases every sealed copy
// at once, including those in append-only Temporal histories, which stay valid for replay.
//
// A sealed text is `pd1.<complaintId>.<iv>.<ciphertext+tag>` (base64url): it names the complaint
// (an id, never personal data) so any holder can find the key, and the complaint id is the
// AES-GCM additional data, so a text sealed for one complaint cannot be passed off as another's.
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import type { Sql, TransactionSql } from 'postgres';
import type { EncryptionKey } from './payload-codec.js';

const PREFIX = 'pd1.';
const IV_BYTES = 12;
const TAG_BYTES = 16;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** How long a process may keep using a key it read; an erasure elsewhere takes effect within it. */
export const DATA_KEY_CACHE_MS = 5_000;

export type ErasureReason = 'request' | 'retention';

export class DataKeyDestroyedError extends Error {
  constructor(readonly complaintId: string) {
    super(`the personal data of complaint ${complaintId} was erased`);
    this.name = 'DataKeyDestroyedError';
  }
}

export function isSealed(value: unknown): value is string {
  return typeof value === 'string' && value.startsWith(PREFIX);
}

/** The complaint a sealed text belongs to; undefined for a text that is not sealed or is malformed. */
export function complaintIdOfSealed(sealed: string): string | undefined {
  if (!isSealed(sealed)) return undefined;
  const id = sealed.slice(PREFIX.length, PREFIX.length + 36);
  return UUID.test(id) && sealed[PREFIX.length + 36] === '.' ? id : undefined;
}

export function sealText(dataKey: Buffer, complaintId: string, text: string): string {
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv('aes-256-gcm', dataKey, iv);
  cipher.setAAD(Buffer.from(complaintId));
  const data = Buffer.concat([cipher.update(text, 'utf8'), cipher.final(), cipher.getAuthTag()]);
  return `${PREFIX}${complaintId}.${iv.toString('base64url')}.${data.toString('base64url')}`;
}

export function openText(dataKey: Buffer, sealed: string): string {
  const complaintId = complaintIdOfSealed(sealed);
  const [iv, data] = sealed.slice(PREFIX.length + 37).split('.');
  if (!complaintId || !iv || !data) throw new Error('not a sealed text');
  const bytes = Buffer.from(data, 'base64url');
  const decipher = createDecipheriv('aes-256-gcm', dataKey, Buffer.from(iv, 'base64url'));
  decipher.setAAD(Buffer.from(complaintId));
  decipher.setAuthTag(bytes.subarray(bytes.length - TAG_BYTES));
  return Buffer.concat([decipher.update(bytes.subarray(0, bytes.length - TAG_BYTES)), decipher.final()]).toString('utf8');
}

function wrapDataKey(master: EncryptionKey, complaintId: string, dataKey: Buffer): Buffer {
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv('aes-256-gcm', master.key, iv);
  cipher.setAAD(Buffer.from(`data key ${complaintId}`));
  return Buffer.concat([iv, cipher.update(dataKey), cipher.final(), cipher.getAuthTag()]);
}

function unwrapDataKey(master: Buffer, complaintId: string, wrapped: Buffer): Buffer {
  const decipher = createDecipheriv('aes-256-gcm', master, wrapped.subarray(0, IV_BYTES));
  decipher.setAAD(Buffer.from(`data key ${complaintId}`));
  decipher.setAuthTag(wrapped.subarray(wrapped.length - TAG_BYTES));
  return Buffer.concat([decipher.update(wrapped.subarray(IV_BYTES, wrapped.length - TAG_BYTES)), decipher.final()]);
}

/** Bytes sealed like texts (an attachment's content): iv, ciphertext and tag, the complaint id as additional data. */
export function sealBytesWith(dataKey: Buffer, complaintId: string, bytes: Uint8Array): Buffer {
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv('aes-256-gcm', dataKey, iv);
  cipher.setAAD(Buffer.from(`bytes ${complaintId}`));
  return Buffer.concat([iv, cipher.update(bytes), cipher.final(), cipher.getAuthTag()]);
}

export function openBytesWith(dataKey: Buffer, complaintId: string, sealed: Uint8Array): Buffer {
  const data = Buffer.from(sealed);
  const decipher = createDecipheriv('aes-256-gcm', dataKey, data.subarray(0, IV_BYTES));
  decipher.setAAD(Buffer.from(`bytes ${complaintId}`));
  decipher.setAuthTag(data.subarray(data.length - TAG_BYTES));
  return Buffer.concat([decipher.update(data.subarray(IV_BYTES, data.length - TAG_BYTES)), decipher.final()]);
}

/** Seals one complaint's texts; null and undefined stay null, so "is there an e-mail?" survives sealing. */
export interface ComplaintSealer {
  readonly complaintId: string;
  seal(text: string): string;
  sealOrNull(text: string | null | undefined): string | null;
  /** Seals bytes (an attachment's content); open them with `DataKeyStore.openBytes`. */
  sealBytes(bytes: Uint8Array): Buffer;
}

function sealerOf(complaintId: string, dataKey: Buffer): ComplaintSealer {
  const seal = (text: string) => (isSealed(text) ? text : sealText(dataKey, complaintId, text));
  return {
    complaintId,
    seal,
    sealOrNull: (text) => (text === null || text === undefined ? null : seal(text)),
    sealBytes: (bytes) => sealBytesWith(dataKey, complaintId, bytes),
  };
}

/** How a reader shows a text whose key was destroyed: null (the default), or a placeholder such as `[erased]`. */
export interface OpenOptions {
  erased?: string | null;
}

type Db = Sql | TransactionSql;
interface KeyRow {
  master_key_id: string | null;
  wrapped_key: Buffer | null;
}

export class DataKeyStore {
  private readonly masters: Map<string, Buffer>;
  private readonly cache = new Map<string, { key: Buffer | null; readAt: number }>();

  constructor(
    private readonly sql: Sql,
    private readonly masterKeys: readonly EncryptionKey[],
    private readonly now: () => number = Date.now,
  ) {
    if (masterKeys.length === 0) throw new Error('DataKeyStore needs at least one master key');
    this.masters = new Map(masterKeys.map((k) => [k.id, k.key]));
  }

  /** The complaint's sealer, making its key when it has none (an intake retry gets the same key). */
  async ensure(complaintId: string, db: Db = this.sql): Promise<ComplaintSealer> {
    const master = this.masterKeys[0]!;
    const dataKey = randomBytes(32);
    const inserted = await db<{ complaint_id: string }[]>`
      INSERT INTO complaint_data_keys (complaint_id, master_key_id, wrapped_key)
      VALUES (${complaintId}, ${master.id}, ${wrapDataKey(master, complaintId, dataKey)})
      ON CONFLICT (complaint_id) DO NOTHING
      RETURNING complaint_id`;
    if (inserted.length > 0) {
      this.remember(complaintId, dataKey);
      return sealerOf(complaintId, dataKey);
    }
    return this.sealerFor(complaintId, db);
  }

  /**
   * The sealer of a running complaint: its kept key (cached, no write), or a new one for a complaint
   * filed before data keys existed. Throws DataKeyDestroyedError when it was erased.
   */
  async sealerOfRunning(complaintId: string): Promise<ComplaintSealer> {
    const key = await this.keyOf(complaintId);
    if (key === null) throw new DataKeyDestroyedError(complaintId);
    return key ? sealerOf(complaintId, key) : this.ensure(complaintId);
  }

  /** The complaint's sealer; throws DataKeyDestroyedError when it was erased, and an Error when it has no key. */
  async sealerFor(complaintId: string, db: Db = this.sql): Promise<ComplaintSealer> {
    const key = await this.keyOf(complaintId, db);
    if (key === undefined) throw new Error(`complaint ${complaintId} has no data key`);
    if (key === null) throw new DataKeyDestroyedError(complaintId);
    return sealerOf(complaintId, key);
  }

  /** The plain text, or null when the complaint's key was destroyed (or never existed). Texts that are not sealed pass through. */
  async open(text: string, opts: OpenOptions = {}): Promise<string | null> {
    if (!isSealed(text)) return text;
    const complaintId = complaintIdOfSealed(text);
    if (!complaintId) throw new Error('malformed sealed text');
    const key = await this.keyOf(complaintId);
    return key ? openText(key, text) : (opts.erased ?? null);
  }

  /** Like `open`, for a value that may be null: null stays null. */
  async openOrNull(text: string | null | undefined, opts: OpenOptions = {}): Promise<string | null> {
    return text === null || text === undefined ? null : this.open(text, opts);
  }

  /** A copy of a JSON value with every sealed string opened (null, or `opts.erased`, where its key was destroyed). */
  async openDeep<T>(value: T, opts: OpenOptions = {}): Promise<T> {
    if (isSealed(value)) return (await this.open(value, opts)) as T;
    if (Array.isArray(value)) return (await Promise.all(value.map((v) => this.openDeep(v, opts)))) as T;
    if (value !== null && typeof value === 'object' && !Buffer.isBuffer(value) && !(value instanceof Date)) {
      const entries = await Promise.all(Object.entries(value).map(async ([k, v]) => [k, await this.openDeep(v, opts)] as const));
      return Object.fromEntries(entries) as T;
    }
    return value;
  }

  /** Bytes sealed by `ComplaintSealer.sealBytes`; null once the complaint's key was destroyed (or it never had one). */
  async openBytes(complaintId: string, sealed: Uint8Array): Promise<Buffer | null> {
    const key = await this.keyOf(complaintId);
    return key ? openBytesWith(key, complaintId, sealed) : null;
  }

  /** True once the complaint's key was destroyed (false for a complaint that never had a key: its data is plain). */
  async isErased(complaintId: string, db: Db = this.sql): Promise<boolean> {
    return (await this.keyOf(complaintId, db)) === null;
  }

  /** Destroys the complaint's key for good. Idempotent: a second erasure answers when the first was. */
  async destroy(complaintId: string, reason: ErasureReason, db: Db = this.sql): Promise<{ destroyedAt: Date; alreadyDestroyed: boolean }> {
    this.cache.delete(complaintId);
    const [done] = await db<{ destroyed_at: Date }[]>`
      UPDATE complaint_data_keys SET wrapped_key = NULL, master_key_id = NULL, destroyed_at = now(), destroyed_reason = ${reason}
      WHERE complaint_id = ${complaintId} AND destroyed_at IS NULL
      RETURNING destroyed_at`;
    if (done) return { destroyedAt: done.destroyed_at, alreadyDestroyed: false };
    const [earlier] = await db<{ destroyed_at: Date | null }[]>`
      SELECT destroyed_at FROM complaint_data_keys WHERE complaint_id = ${complaintId}`;
    if (earlier?.destroyed_at) return { destroyedAt: earlier.destroyed_at, alreadyDestroyed: true };
    // A complaint filed before keys existed has none: record its erasure all the same.
    const [made] = await db<{ destroyed_at: Date }[]>`
      INSERT INTO complaint_data_keys (complaint_id, destroyed_at, destroyed_reason) VALUES (${complaintId}, now(), ${reason})
      ON CONFLICT (complaint_id) DO UPDATE SET wrapped_key = NULL, master_key_id = NULL, destroyed_at = now(), destroyed_reason = ${reason}
      RETURNING destroyed_at`;
    return { destroyedAt: made!.destroyed_at, alreadyDestroyed: false };
  }

  /** The key; null when destroyed; undefined when the complaint has none. */
  private async keyOf(complaintId: string, db: Db = this.sql): Promise<Buffer | null | undefined> {
    const cached = this.cache.get(complaintId);
    if (cached && this.now() - cached.readAt < DATA_KEY_CACHE_MS) return cached.key;
    const [row] = await db<KeyRow[]>`SELECT master_key_id, wrapped_key FROM complaint_data_keys WHERE complaint_id = ${complaintId}`;
    if (!row) return undefined;
    if (!row.wrapped_key || !row.master_key_id) {
      this.remember(complaintId, null);
      return null;
    }
    const master = this.masters.get(row.master_key_id);
    if (!master) throw new Error(`the data key of complaint ${complaintId} is wrapped by unknown master key '${row.master_key_id}'`);
    let key: Buffer;
    try {
      key = unwrapDataKey(master, complaintId, row.wrapped_key);
    } catch {
      // A configuration fault, not a complaint's: the id names a master key whose bytes changed.
      throw new Error(`the data key of complaint ${complaintId} does not open with master key '${row.master_key_id}': PAYLOAD_ENCRYPTION_KEYS holds other bytes under that id`);
    }
    this.remember(complaintId, key);
    return key;
  }

  private remember(complaintId: string, key: Buffer | null): void {
    if (this.cache.size > 10_000) this.cache.clear();
    this.cache.set(complaintId, { key, readAt: this.now() });
  }
}
