// Staff authenticate with `Authorization: Bearer <key>`. Two kinds of keys: those held in
// PostgreSQL (issued, rotated and revoked by /v1/api-keys; stored-api-keys.ts), and the bootstrap
// ones of config API_KEYS, which never expire. Only SHA-256 hashes of either are kept, so a
// leaked configuration or table does not leak keys.
import { createHash, timingSafeEqual } from 'node:crypto';
import type { MiddlewareHandler } from 'hono';
import type { Role } from '../../domain/complaint.js';
import { DomainError } from '../../domain/errors.js';
import type { Actor } from '../../domain/lifecycle/index.js';
import type { StoredApiKeys } from './stored-api-keys.js';

/** Who is calling: the staff actor of the reducer's decisions (one declaration, in domain/lifecycle). */
export type { Actor };

export type AuthVariables = { actor: Actor | undefined; requestId: string };

interface KeyEntry {
  hash: Buffer;
  actor: Actor;
}

export function sha256Hex(value: string): string {
  return createHash('sha256').update(value).digest('hex');
}

/** Parses config API_KEYS entries `name:role:sha256hex`. */
export function parseApiKeys(entries: readonly string[]): KeyEntry[] {
  return entries.map((entry) => {
    const [name, role, hash] = entry.split(':') as [string, Role, string];
    return { hash: Buffer.from(hash, 'hex'), actor: { id: name, role } };
  });
}

/**
 * The env key under which the staff console (api/console/api-client.ts) hands the signed-in person
 * to an in-process API call. A Symbol: no request from the network can carry it.
 */
export const CONSOLE_ACTOR = Symbol('plaint.console.actor');

function consoleActorOf(env: unknown): Actor | undefined {
  return env !== null && typeof env === 'object' ? ((env as Record<symbol, unknown>)[CONSOLE_ACTOR] as Actor | undefined) : undefined;
}

/** The header of an answer to a key that stops within the warning days (config API_KEY_EXPIRY_WARNING_DAYS): when it stops. */
export const API_KEY_EXPIRES_HEADER = 'Plaint-Api-Key-Expires';

/**
 * Sets `actor` when a valid key is presented (or the console calls in-process); a presented but
 * wrong key is always 401: UNAUTHENTICATED, or API_KEY_EXPIRED / API_KEY_REVOKED for a stored key
 * that was valid once.
 */
export function authenticate(keys: readonly KeyEntry[], stored?: StoredApiKeys): MiddlewareHandler<{ Variables: AuthVariables }> {
  return async (c, next) => {
    const consoleActor = consoleActorOf(c.env);
    if (consoleActor) {
      c.set('actor', consoleActor);
      return next();
    }
    const header = c.req.header('authorization');
    if (header === undefined) {
      c.set('actor', undefined);
      return next();
    }
    const match = /^Bearer\s+(\S+)$/i.exec(header);
    const presented = match ? createHash('sha256').update(match[1]!).digest() : undefined;
    const entry = presented && keys.find((k) => timingSafeEqual(k.hash, presented));
    if (entry) {
      c.set('actor', entry.actor);
      return next();
    }
    const verdict = match && stored ? await stored.verify(match[1]!) : { kind: 'unknown' as const };
    switch (verdict.kind) {
      case 'unknown':
        throw new DomainError('UNAUTHENTICATED', 'The API key is missing, malformed or unknown');
      case 'expired':
        throw new DomainError(
          'API_KEY_EXPIRED',
          verdict.rotated ? `The API key was replaced by rotation and stopped at ${verdict.endedAt}: use its successor` : `The API key expired at ${verdict.endedAt}`,
          { keyId: verdict.keyId, endedAt: verdict.endedAt },
        );
      case 'revoked':
        throw new DomainError('API_KEY_REVOKED', 'The API key was revoked', { keyId: verdict.keyId });
      case 'not_allowed':
        throw new DomainError('UNAUTHENTICATED', "The API key's person is deactivated or no longer holds its role", { keyId: verdict.keyId });
    }
    c.set('actor', verdict.actor);
    await next();
    if (verdict.expiresSoon) c.header(API_KEY_EXPIRES_HEADER, verdict.expiresSoon);
  };
}

/** Staff-only routes: 401 without a key, 403 for a role not listed. */
export function requireRole(...roles: Role[]): MiddlewareHandler<{ Variables: AuthVariables }> {
  return async (c, next) => {
    const actor = c.get('actor');
    if (!actor) throw new DomainError('UNAUTHENTICATED', 'This endpoint needs a staff API key (Authorization: Bearer …)');
    if (!roles.includes(actor.role)) {
      throw new DomainError('NOT_ALLOWED_FOR_ROLE', `Role '${actor.role}' may not do this`, { allowedRoles: roles });
    }
    return next();
  };
}
