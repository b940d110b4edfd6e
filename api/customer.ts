// What the customer does, without an account: track a complaint with its reference and PIN, and
// answer a proposal or a question through the signed link we sent. Both answer the customer view.
import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import { getConnInfo } from '@hono/node-server/conninfo';
import type { Context } from 'hono';
import type { Sql } from 'postgres';
import { DomainError } from '../domain/errors.js';
import { REFERENCE_PATTERN } from '../domain/reference.js';
import { generatePin, hashPin, verifyPin } from '../security/pin.js';
import type { AppEnv } from './app-env.js';
import { answerThroughLink, linkAnswerBodySchema, openLink, type CustomerLinkDeps } from './customer-links.js';
import { buildCustomerView, customerViewSchema, findCustomerComplaint } from './customer-view.js';
import { errorResponses } from './errors.js';
import type { PinLockout } from './pin-lockout.js';
import type { FixedWindowLimiter } from './rate-limit.js';
import { validationHook } from './validation.js';

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

export const tokenParamSchema = z.object({
  token: z
    .string()
    .min(16)
    .max(2_000)
    .meta({
      param: { name: 'token', in: 'path' },
      description: 'The signed token from the link we sent',
      example: 'v1.eyJsaW5rSWQiOi….Qk3v…',
    }),
});

const viewResponse = {
  description: 'The complaint as its customer sees it',
  content: { 'application/json': { schema: customerViewSchema } },
};

const trackRoute = createRoute({
  method: 'post',
  path: '/track',
  summary: 'Track a complaint (customer)',
  description:
    'The customer view of a complaint, given its reference and tracking PIN. A wrong reference and a wrong PIN ' +
    'get the same 401. Five wrong PINs within 15 minutes lock the reference for 15 minutes (429 with ' +
    '`Retry-After`, even for the right PIN); requests are also rate-limited per client address.',
  request: { body: { required: true, content: { 'application/json': { schema: trackRequestSchema } } } },
  responses: { 200: viewResponse, ...errorResponses(400, 401, 429) },
});

const answerRoute = createRoute({
  method: 'post',
  path: '/responses/{token}',
  summary: 'Answer through a signed link (customer)',
  description:
    'Accept or reject a proposed resolution, or answer our question, through the link we sent (the same link ' +
    'opens an HTML page at `/r/{token}`). The round or question comes from the link, never from the body. ' +
    'A tampered link is 404; an expired, answered or superseded one 410; a body that does not fit the link 400.',
  request: {
    params: tokenParamSchema,
    body: { required: true, content: { 'application/json': { schema: linkAnswerBodySchema } } },
  },
  responses: { 200: viewResponse, ...errorResponses(400, 404, 409, 410, 503) },
});

export interface CustomerRouteDeps extends CustomerLinkDeps {
  sql: Sql;
  pinLockout: PinLockout;
  trackingLimiter: FixedWindowLimiter;
  trustProxy: boolean;
}

export function customerRoutes(deps: CustomerRouteDeps) {
  return new OpenAPIHono<AppEnv>({ defaultHook: validationHook })
    .openapi(trackRoute, async (c) => {
      const { reference, pin } = c.req.valid('json');
      const verdict = deps.trackingLimiter.hit(clientAddress(c, deps.trustProxy));
      if (!verdict.allowed) {
        throw rateLimited(c, verdict.retryAfterSeconds, 'Too many tracking requests from this address');
      }
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
      return c.json(buildCustomerView(complaint), 200);
    })
    .openapi(answerRoute, async (c) => {
      const link = await openLink(deps, c.req.valid('param').token);
      return c.json(await answerThroughLink(deps, link, c.req.valid('json')), 200);
    });
}

let unknownHash: Promise<string> | undefined;
function unknownReferenceHash(): Promise<string> {
  unknownHash ??= hashPin(generatePin());
  return unknownHash;
}

function rateLimited(c: Context, retryAfterSeconds: number, message: string): DomainError {
  c.header('Retry-After', String(retryAfterSeconds));
  return new DomainError('RATE_LIMITED', `${message}; retry later`);
}

function clientAddress(c: Context, trustProxy: boolean): string {
  const forwarded = trustProxy ? c.req.header('x-forwarded-for')?.split(',')[0]?.trim() : undefined;
  if (forwarded) return forwarded;
  try {
    return getConnInfo(c).remote.address ?? 'unknown';
  } catch {
    return 'unknown'; // no socket: the app was called in-process (tests)
  }
}
