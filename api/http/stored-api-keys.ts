// Authenticating a key held in PostgreSQL (read-model/api-keys.ts) without a query per request:
// each process remembers a lookup for CACHE_MS, so a revocation, a deactivated person or a role
// taken away reaches every process within that bound (README "API keys"). Expiry and the end of
// a rotation's grace are exact: they are compared with the clock at every request, cached or not.
import type { Sql } from 'postgres';
import type { Logger } from 'pino';
import { apiKeyStatus, apiKeyWarning, type ApiKeyPolicy } from '../../domain/staff-access/api-keys.js';
import type { Actor } from '../../domain/lifecycle/index.js';
import { apiKeyByHash, apiKeyHash, touchApiKey, type ApiKeyCredential } from '../../read-model/api-keys.js';

/** How long a process trusts a lookup: the bound on how late a revocation takes effect. */
export const API_KEY_CACHE_MS = 5_000;
/** last_used_at is written at most this often per key. */
const TOUCH_EVERY_MS = 60_000;
const MAX_CACHED = 10_000;

export type StoredKeyVerdict =
  | { kind: 'ok'; actor: Actor; keyId: string; expiresSoon?: string | undefined }
  | { kind: 'unknown' }
  | { kind: 'expired'; keyId: string; endedAt: string; rotated: boolean }
  | { kind: 'revoked'; keyId: string }
  | { kind: 'not_allowed'; keyId: string };

export interface StoredApiKeys {
  verify(presented: string): Promise<StoredKeyVerdict>;
}

export function storedApiKeys(
  sql: Sql,
  opts: { policy: Pick<ApiKeyPolicy, 'warningDays'>; cacheMs?: number; log?: Logger; now?: () => Date },
): StoredApiKeys {
  const cacheMs = opts.cacheMs ?? API_KEY_CACHE_MS;
  const now = opts.now ?? (() => new Date());
  const cache = new Map<string, { credential: ApiKeyCredential | undefined; at: number }>();
  const touchedAt = new Map<string, number>();

  async function lookup(hash: Buffer): Promise<ApiKeyCredential | undefined> {
    const id = hash.toString('hex');
    const hit = cache.get(id);
    if (hit && Date.now() - hit.at < cacheMs) return hit.credential;
    const credential = await apiKeyByHash(sql, hash);
    if (cache.size >= MAX_CACHED) cache.clear();
    cache.set(id, { credential, at: Date.now() });
    return credential;
  }

  function touch(key: ApiKeyCredential): void {
    const last = Math.max(touchedAt.get(key.id) ?? 0, key.lastUsedAt?.getTime() ?? 0);
    if (Date.now() - last < TOUCH_EVERY_MS) return;
    if (touchedAt.size >= MAX_CACHED) touchedAt.clear();
    touchedAt.set(key.id, Date.now());
    // Not awaited: the answer does not wait for bookkeeping, and a failed write costs only a timestamp.
    touchApiKey(sql, key.id).catch((err: unknown) => opts.log?.warn({ err, keyId: key.id }, 'api key last-used not recorded'));
  }

  return {
    async verify(presented) {
      const key = await lookup(apiKeyHash(presented));
      if (!key) return { kind: 'unknown' };
      const at = now();
      const status = apiKeyStatus(key, at);
      if (status === 'revoked') return { kind: 'revoked', keyId: key.id };
      if (status === 'expired') {
        const endedAt = (key.graceEndsAt && key.graceEndsAt < key.expiresAt ? key.graceEndsAt : key.expiresAt).toISOString();
        return { kind: 'expired', keyId: key.id, endedAt, rotated: key.replacedBy !== null };
      }
      if (!key.personActive || !key.personRoles.includes(key.role)) return { kind: 'not_allowed', keyId: key.id };
      touch(key);
      return { kind: 'ok', actor: { id: key.personId, role: key.role }, keyId: key.id, expiresSoon: apiKeyWarning(key, at, opts.policy.warningDays) };
    },
  };
}
