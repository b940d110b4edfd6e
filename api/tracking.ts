// Tracking with a reference and PIN: the one code path behind POST /v1/track (JSON) and the
// POST /track form, so both count the same per-address hits and the same wrong PINs.
import { z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import type { Sql } from 'postgres';
import { DomainError } from '../domain/errors.js';
import { REFERENCE_PATTERN } from '../domain/reference.js';
import { generatePin, hashPin, verifyPin } from '../security/pin.js';
import { clientAddress } from './client-address.js';
import { findCustomerComplaint, type CustomerComplaintRow } from './customer-view.js';
import type { PinLockout } from './pin-lockout.js';
import type { FixedWindowLimiter } from './rate-limit.js';

/** Tracking requests allowed per client address per minute, whatever the reference. */
export const TRACKING_PER_MINUTE = 20;

export const trackRequestSchema = z
  .strictObject({
    reference: z
      .string()
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
  /** Shared by every tracking route: the form must not double an address's budget. */
  trackingLimiter: FixedWindowLimiter;
  trustProxy: boolean;
}

/**
 * The complaint whose reference and PIN these are. Throws TrackingRateLimitedError (with
 * `Retry-After` set on `c`) for a busy address or a locked reference, and the same UNAUTHENTICATED for a wrong PIN and
 * an unknown reference.
 */
export async function trackComplaint(c: Context, deps: TrackingDeps, { reference, pin }: TrackRequest): Promise<CustomerComplaintRow> {
  const verdict = deps.trackingLimiter.hit(clientAddress(c, deps.trustProxy));
  if (!verdict.allowed) throw rateLimited(c, verdict.retryAfterSeconds, 'Too many tracking requests from this address');
  const claim = await deps.pinLockout.claim(reference);
  if (!claim.allowed) throw rateLimited(c, claim.retryAfterSeconds, 'Too many wrong PINs for this reference');
  const complaint = await findCustomerComplaint(deps.sql, { reference });
  // An unknown reference costs the same scrypt as a known one, so timing tells nothing either.
  const matches = await verifyPin(pin, complaint?.pin_hash ?? (await unknownReferenceHash()));
  if (!complaint || !matches) {
    await deps.pinLockout.failed(reference, claim);
    throw new DomainError('UNAUTHENTICATED', 'The reference and PIN do not match a complaint');
  }
  await deps.pinLockout.succeeded(reference);
  return complaint;
}

let unknownHash: Promise<string> | undefined;
function unknownReferenceHash(): Promise<string> {
  unknownHash ??= hashPin(generatePin());
  return unknownHash;
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
