// Staff authenticate with `Authorization: Bearer <key>`. Only SHA-256 hashes of keys are
// configured, so a leaked configuration does not leak keys.
import { createHash, timingSafeEqual } from 'node:crypto';
import type { MiddlewareHandler } from 'hono';
import type { Role } from '../../domain/complaint.js';
import { DomainError } from '../../domain/errors.js';
import type { Actor } from '../../domain/lifecycle/index.js';

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

/** Sets `actor` when a valid key is presented (or the console calls in-process); a presented but wrong key is always 401. */
export function authenticate(keys: readonly KeyEntry[]): MiddlewareHandler<{ Variables: AuthVariables }> {
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
    if (!entry) throw new DomainError('UNAUTHENTICATED', 'The API key is missing, malformed or unknown');
    c.set('actor', entry.actor);
    return next();
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
