// Staff API keys' lifecycle as pure rules: what state a key is in at an instant, whether it may
// authenticate, and when a rotated key stops. The store (api/http/api-key-store.ts) and the
// routes (api/staff/api-keys.ts) apply them; nothing here reads a clock or a table.

/** What a key list shows and what authentication decides on. */
export type ApiKeyStatus = 'active' | 'rotating' | 'expired' | 'revoked';

export interface ApiKeyLifetime {
  expiresAt: Date;
  revokedAt: Date | null;
  /** Set once the key is rotated: it stops here (never after expiresAt). */
  graceEndsAt: Date | null;
}

/** Lifetime limits of keys (config API_KEY_MAX_DAYS, API_KEY_ROTATION_GRACE_HOURS). */
export interface ApiKeyPolicy {
  maxDays: number;
  defaultGraceHours: number;
  /** A key's answers carry a warning header this many days before it stops. */
  warningDays: number;
}

export const DEFAULT_API_KEY_POLICY: ApiKeyPolicy = { maxDays: 90, defaultGraceHours: 24, warningDays: 14 };

/** The visible part of every key: `plaint_` and 8 characters; the secret follows after `_`. */
export const API_KEY_PREFIX_PATTERN = /^plaint_[a-z0-9]{8}$/;
export const API_KEY_PATTERN = /^plaint_[a-z0-9]{8}_[A-Za-z0-9_-]{43}$/;

/** When the key stops authenticating: its expiry, or the end of its rotation grace if earlier. */
export function apiKeyEndsAt(key: ApiKeyLifetime): Date {
  return key.graceEndsAt && key.graceEndsAt < key.expiresAt ? key.graceEndsAt : key.expiresAt;
}

export function apiKeyStatus(key: ApiKeyLifetime, now: Date): ApiKeyStatus {
  if (key.revokedAt && key.revokedAt <= now) return 'revoked';
  if (apiKeyEndsAt(key) <= now) return 'expired';
  return key.graceEndsAt ? 'rotating' : 'active';
}

/** Where a rotated key's grace ends: `graceHours` from now, but never after the key's own expiry. */
export function rotationGraceEnd(now: Date, graceHours: number, expiresAt: Date): Date {
  const end = new Date(now.getTime() + graceHours * 3_600_000);
  return end < expiresAt ? end : expiresAt;
}

/** A new key's expiry: `days` (at most the policy's maximum; the maximum when absent) from now. */
export function apiKeyExpiry(now: Date, days: number | undefined, policy: Pick<ApiKeyPolicy, 'maxDays'>): Date {
  return new Date(now.getTime() + Math.min(days ?? policy.maxDays, policy.maxDays) * 86_400_000);
}

/** Whether an answer should warn that the key stops soon (ISO instant of the end), or undefined. */
export function apiKeyWarning(key: ApiKeyLifetime, now: Date, warningDays: number): string | undefined {
  const end = apiKeyEndsAt(key);
  return end.getTime() - now.getTime() <= warningDays * 86_400_000 ? end.toISOString() : undefined;
}
