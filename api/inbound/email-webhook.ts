// POST /v1/inbound/email: a raw RFC 822 message (`Content-Type: message/rfc822`), as a mail
// provider's forwarding, an MTA's pipe or a relay script delivers it, handled exactly as the SMTP
// listener handles mail (inbound/receive-mail.ts). The caller proves itself with the shared secret
// INBOUND_EMAIL_WEBHOOK_SECRET in `X-Plaint-Inbound-Secret`, checked before the body is read: a
// staff API key would let a mail provider read complaints, the secret lets it only deliver mail.
import { responseBody } from '../http/response-body.js';
import { createHash, timingSafeEqual } from 'node:crypto';
import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import type { MiddlewareHandler } from 'hono';
import { DomainError } from '../../domain/errors.js';
import { InboundRefusal, type InboundMail } from '../../inbound/receive-mail.js';
import type { AppEnv } from '../http/app-env.js';
import { errorResponses, validationError } from '../http/errors.js';
import { validationHook } from '../http/validation.js';
import { access } from '../http/access-matrix.js';

export const INBOUND_EMAIL_PATH = '/v1/inbound/email';
export const INBOUND_SECRET_HEADER = 'x-plaint-inbound-secret';

const resultSchema = z
  .object({
    outcome: z.enum(['complaint_filed', 'reply_recorded', 'after_closure', 'bounce_recorded', 'ignored']).meta({
      description:
        '`complaint_filed`: a new complaint (channel `email`); `reply_recorded`: on the complaint\'s timeline; `after_closure`: ' +
        'a reply to a closed complaint, its owner told; `bounce_recorded`: the outbox message it reports is `bounced`; `ignored`: ' +
        'an auto-reply, list mail, a loop, … (`reason`)',
    }),
    reason: z.string().optional(),
    complaintReference: z.string().optional(),
    duplicate: z.boolean().meta({ description: 'This Message-ID was handled before; nothing was done again' }),
  })
  .meta({ id: 'InboundEmailResult' });

const receiveRoute = createRoute({
  method: 'post',
  path: '/',
  middleware: [access('POST /v1/inbound/email')] as const,
  summary: 'Deliver a received e-mail (raw RFC 822)',
  description:
    'For mail providers and MTAs that forward what Plaint\'s address receives. Authenticated by the shared secret in ' +
    '`X-Plaint-Inbound-Secret` (INBOUND_EMAIL_WEBHOOK_SECRET). `X-Plaint-Envelope-To` may name the envelope recipients ' +
    '(comma-separated) when they are not in the To/Cc headers. At most INBOUND_EMAIL_MAX_BYTES (413). A sender over its ' +
    'budget is 429 with Retry-After; 503 when the workflow service is away (deliver again later).',
  request: {
    body: { required: true, content: { 'message/rfc822': { schema: z.string().meta({ format: 'binary' }) } } },
  },
  responses: {
    200: { description: 'Handled (or handled before)', content: { 'application/json': { schema: resultSchema } } },
    ...errorResponses(400, 401, 413, 429, 503),
  },
});

/** Checks the secret and the media type before the body is read (mounted ahead of the body limits). */
export function inboundEmailAdmission(secret: string | undefined): MiddlewareHandler<AppEnv> {
  const expected = secret ? createHash('sha256').update(secret).digest() : undefined;
  return async (c, next) => {
    const given = c.req.header(INBOUND_SECRET_HEADER);
    if (!expected || !given || !timingSafeEqual(createHash('sha256').update(given).digest(), expected)) {
      throw new DomainError('UNAUTHENTICATED', `This endpoint needs the inbound mail secret in ${INBOUND_SECRET_HEADER}`);
    }
    const type = c.req.header('content-type')?.split(';')[0]?.trim().toLowerCase();
    if (type !== 'message/rfc822') throw validationError([{ path: 'content-type', message: 'expected message/rfc822: the raw message' }]);
    await next();
  };
}

export function inboundEmailRoutes(deps: { mail: InboundMail }) {
  return new OpenAPIHono<AppEnv>({ defaultHook: validationHook }).openapi(receiveRoute, async (c) => {
    const raw = Buffer.from(await c.req.arrayBuffer());
    const to = (c.req.header('x-plaint-envelope-to') ?? '').split(',').map((a) => a.trim().toLowerCase()).filter(Boolean);
    try {
      const result = await deps.mail.receive(raw, { via: 'webhook', to });
      return c.json(responseBody(resultSchema, result), 200);
    } catch (err) {
      if (!(err instanceof InboundRefusal)) throw err;
      switch (err.kind) {
        case 'too_large':
          throw new DomainError('PAYLOAD_TOO_LARGE', err.message, { maxBytes: deps.mail.maxBytes });
        case 'malformed':
          throw validationError([{ path: '(body)', message: err.message }]);
        case 'rate_limited':
          c.header('Retry-After', String(err.retryAfterSeconds ?? 60));
          throw new DomainError('RATE_LIMITED', 'Too many messages from this sender; deliver it again later');
        case 'unavailable':
          throw new DomainError('TEMPORARILY_UNAVAILABLE', 'The message could not be taken now; deliver it again later');
      }
    }
  });
}
