// Tracking with a reference and PIN: the one code path behind POST /v1/track (JSON) and the
// POST /track form, so both count the same per-address hits and the same wrong PINs.
// The per-address hit is counted by middleware before the body is read (admitTrackingRequest).
import { z } from '@hono/zod-openapi';
import type { Context, MiddlewareHandler } from 'hono';
import type { Sql } from 'postgres';
import { DomainError } from '../../domain/errors.js';
import { MAX_REFERENCE_LENGTH, REFERENCE_PATTERN } from '../../domain/reference.js';
import type { TrackingPins } from '../../security/pin.js';
import { clientAddress, clientNetwork } from '../http/client-address.js';
import type { ClientAddressHasher } from '../http/client-address.js';
import { findCustomerComplaint, type CustomerComplaintRow } from './view.js';
import type { PinLockout } from './pin-lockout.js';
import type { RateLimiter } from '../http/rate-limit.js';

/** Tracking requests allowed per client address per minute, whatever the reference. */
export const TRACKING_PER_MINUTE = 20;

export const trackRequestSchema = z
  .strictObject({
    reference: z
      .string()
      .max(MAX_REFERENCE_LENGTH)
      .regex(REFERENCE_PATTERN, 'expected a reference like CMP-2026-000123')
      .meta({ description: 'The reference from our confirmation', example: 'CMP-2026-000123' }),
    pin: z
      .string()
      .regex(/^[0-9]{8}$/, 'expected the 8-digit PIN from your confirmation')
      .meta({ description: 'The tracking PIN from our confirmation', example: '48213907' }),
  })
  .meta({ id: 'TrackRequest' });

export type TrackRequest = z.infer<typeof trackRequestSchema>;

export interface TrackingDeps {
  sql: Sql;
  pinLockout: PinLockout;
  /** Checks PINs under the key their hash names, and moves hashes under older keys to the current one. */
  trackingPins: TrackingPins;
  /** Shared by every tracking route: the form must not double an address's budget. */
  trackingLimiter: RateLimiter;
  trustProxy: boolean;
  /** Keys PIN lockouts by a keyed hash of the client network: the table holds no address. */
  hashClientAddress: ClientAddressHasher;
}

/**
 * Counts a tracking request against its address's budget; mounted before the body is read, so
 * malformed and oversized requests count too. Throws TrackingRateLimitedError (with `Retry-After`).
 */
export async function admitTrackingRequest(c: Context, deps: TrackingDeps): Promise<void> {
  // By network: an IPv6 client holds a whole /64 and could otherwise rotate past any budget.
  const verdict = await deps.trackingLimiter.hit(clientNetwork(clientAddress(c, deps.trustProxy)));
  if (!verdict.allowed) throw rateLimited(c, verdict.retryAfterSeconds, 'Too many tracking requests from this address');
}

/** `admitTrackingRequest` as middleware, for POST /v1/track. */
export function trackingAdmission(deps: TrackingDeps): MiddlewareHandler {
  return async (c, next) => {
    await admitTrackingRequest(c, deps);
    await next();
  };
}

/**
 * The complaint whose reference and PIN these are (the address was admitted before). Throws
 * TrackingRateLimitedError (with `Retry-After` set on `c`) while the reference is locked for the
 * client's network, and the same UNAUTHENTICATED for a wrong PIN and an unknown reference. Only
 * wrong PINs of existing references are counted: a row per made-up reference would let anyone
 * fill the table, and references are sequential, so their existence is no secret to keep.
 */
export async function trackComplaint(c: Context, deps: TrackingDeps, { reference, pin }: TrackRequest): Promise<CustomerComplaintRow> {
  const complaint = await findCustomerComplaint(deps.sql, { reference });
  if (!complaint) {
    await deps.trackingPins.checkDecoy(pin); // the same work as for a known reference
    throw noMatch();
  }
  const source = { reference, network: deps.hashClientAddress(clientNetwork(clientAddress(c, deps.trustProxy))) };
  const claim = await deps.pinLockout.claim(source);
  if (!claim.allowed) throw rateLimited(c, claim.retryAfterSeconds, 'Too many wrong PINs for this reference from your network');
  const check = await deps.trackingPins.check(pin, complaint.pin_hash);
  if (!check.matches) {
    await deps.pinLockout.failed(source, claim);
    throw noMatch();
  }
  await deps.pinLockout.succeeded(source);
  // Only while the row still holds the hash just checked: a concurrent rehash has the same effect.
  if (check.rehashed) await deps.sql`UPDATE complaints SET pin_hash = ${check.rehashed} WHERE id = ${complaint.id} AND pin_hash = ${complaint.pin_hash}`;
  return complaint;
}

function noMatch(): DomainError {
  return new DomainError('UNAUTHENTICATED', 'The reference and PIN do not match a complaint');
}

/** RATE_LIMITED with the seconds to wait, which pages put into words. */
export class TrackingRateLimitedError extends DomainError {
  constructor(
    readonly retryAfterSeconds: number,
    message: string,
  ) {
    super('RATE_LIMITED', `${message}; retry later`);
  }
}

function rateLimited(c: Context, retryAfterSeconds: number, message: string): TrackingRateLimitedError {
  c.header('Retry-After', String(retryAfterSeconds));
  return new TrackingRateLimitedError(retryAfterSeconds, message);
}
