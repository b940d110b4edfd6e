// What the customer does, without an account: track a complaint with its reference and PIN, and
// answer a proposal or a question through the signed link we sent. Both answer the customer view.
import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import { answerOrigin } from './answer-origin.js';
import type { AppEnv } from '../http/app-env.js';
import { answerThroughLink, linkAnswerBodySchema, openLink, type CustomerLinkDeps } from './links.js';
import { buildCustomerView, customerViewSchema } from './view.js';
import { errorResponses } from '../http/errors.js';
import { trackComplaint, trackRequestSchema, type TrackingDeps } from './tracking.js';
import { validationHook } from '../http/validation.js';
import { access } from '../http/access-matrix.js';

export const tokenParamSchema = z.object({
  token: z
    .string()
    .min(16)
    .max(2_000)
    // What a signed token is made of (base64url parts joined by dots); anything else is no token.
    .regex(/^[A-Za-z0-9_-]+(\.[A-Za-z0-9_-]+)*$/, 'expected a token from a link we sent')
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
  middleware: [access('POST /v1/track')] as const,
  summary: 'Track a complaint (customer)',
  description:
    'The customer view of a complaint, given its reference and tracking PIN. A wrong reference and a wrong PIN ' +
    'get the same 401. Five wrong PINs within 15 minutes lock the reference for the client\'s network (its IPv4 ' +
    'address or IPv6 /64) for 15 minutes, each further lock twice as long up to a day (429 with `Retry-After`, ' +
    'even for the right PIN from that network; from another network the right PIN still works). Only existing ' +
    'references are counted. Every request, valid or not, also counts against a per-address limit. ' +
    'The body may be at most 4 KiB (413).',
  request: { body: { required: true, content: { 'application/json': { schema: trackRequestSchema } } } },
  responses: { 200: viewResponse, ...errorResponses(400, 401, 413, 429) },
});

const answerRoute = createRoute({
  method: 'post',
  path: '/responses/{token}',
  middleware: [access('POST /v1/responses/{token}')] as const,
  summary: 'Answer through a signed link (customer)',
  description:
    'Accept or reject a proposed resolution, or answer our question, through the link we sent (the same link ' +
    'opens an HTML page at `/r/{token}`). The round or question comes from the link, never from the body. ' +
    'A tampered link is 404; an expired, answered or superseded one 410; a body of none of the three shapes 400, ' +
    'one of the shapes that is not this link\'s (an accept on a question\'s link) 422. ' +
    'The answer is kept before it reaches the complaint: 200 once it is recorded, 202 when it is received but the ' +
    'complaint has not yet taken it (a deploy, an outage: it is delivered later, once). Sending the same answer ' +
    'twice takes it once; a different second answer to the same round or question is 409.',
  request: {
    params: tokenParamSchema,
    body: { required: true, content: { 'application/json': { schema: linkAnswerBodySchema } } },
  },
  responses: {
    200: viewResponse,
    202: {
      description: 'Received and kept, not yet recorded on the complaint (no worker took it in time): it will be, once; the view is as before the answer',
      content: { 'application/json': { schema: customerViewSchema } },
    },
    ...errorResponses(400, 404, 409, 410, 413, 422, 503),
  },
});

export interface CustomerRouteDeps extends CustomerLinkDeps, TrackingDeps {}

export function customerRoutes(deps: CustomerRouteDeps) {
  return new OpenAPIHono<AppEnv>({ defaultHook: validationHook })
    .openapi(trackRoute, async (c) => {
      return c.json(buildCustomerView(await trackComplaint(c, deps, c.req.valid('json'))), 200);
    })
    .openapi(answerRoute, async (c) => {
      const link = await openLink(deps, c.req.valid('param').token);
      const { outcome, view } = await answerThroughLink(deps, link, c.req.valid('json'), answerOrigin(c, deps));
      return outcome === 'taken' ? c.json(view, 200) : c.json(view, 202);
    });
}
