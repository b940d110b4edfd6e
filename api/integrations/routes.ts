// POST /v1/integrations/{source}/complaints: live-chat and social platforms file complaints, signed
// with their integration's secret as the SMS webhook protocol signs (delivery/sms/webhook-signature.ts).
// The signature is the authentication: it is checked on the raw body before anything is parsed, so
// an unsigned caller learns nothing about the body's rules.
import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import type { MiddlewareHandler } from 'hono';
import type { Logger } from 'pino';
import { responseBody } from '../http/response-body.js';
import { INTEGRATION_SOURCE_PATTERN, type Integration, type Integrations } from '../../config/integrations.js';
import { SIGNATURE_HEADER, SIGNATURE_TOLERANCE_SECONDS, TIMESTAMP_HEADER, verifyWebhookSignature } from '../../delivery/sms/webhook-signature.js';
import { DomainError } from '../../domain/errors.js';
import type { AppEnv } from '../http/app-env.js';
import { BODY_LIMIT_BYTES } from '../http/body-limits.js';
import { errorBodySchema, errorResponses } from '../http/errors.js';
import { validationHook } from '../http/validation.js';
import { fileIntegrationComplaint, type IntegrationIntakeDeps } from './file-integration-complaint.js';
import { integrationComplaintResponseSchema, integrationComplaintSchema } from './integration-complaint.schemas.js';
import { access } from '../http/access-matrix.js';

const SIGNING = [
  `Sign every request with your integration's secret, as Plaint signs its SMS webhook:`,
  '',
  `- \`${TIMESTAMP_HEADER}\`: the current time in Unix seconds, e.g. \`1764590400\`;`,
  `- \`${SIGNATURE_HEADER}\`: \`sha256=\` followed by the lower-case hex HMAC-SHA256, keyed with the secret, of the`,
  '  timestamp, a full stop and the raw body exactly as sent: `HMAC-SHA256(secret, "1764590400." + body)`.',
  '',
  `A timestamp more than ${SIGNATURE_TOLERANCE_SECONDS / 60} minutes from our clock, either way, is refused (401), and so`,
  'is a signature that does not match (401, naming the header and what is wrong). During a secret rotation either of the',
  'two configured secrets passes. Send the body as UTF-8 JSON with `Content-Type: application/json` and no',
  '`Authorization` header (that is for staff keys).',
  '',
  '`messageId` is the idempotency key: the same message again (a retry, or the same signed request replayed within the',
  `${SIGNATURE_TOLERANCE_SECONDS / 60} minutes) answers 200 with the same complaint and files nothing new; the same id with another body`,
  'answers 409. After 24 hours any repeat of the id answers 200 with the complaint as it stands, without the PIN.',
  'Answer the customer in the conversation with the `reference` and `pin` we return: a customer who gave no e-mail or',
  'phone has no other way to learn them.',
].join('\n');

const fileRoute = (integrations: Integrations) => createRoute({
  method: 'post',
  path: '/{source}/complaints',
  summary: 'File a complaint from a live-chat or social platform (signed webhook)',
  description:
    'Files the conversation as a complaint on the integration\'s channel (`live_chat` or `social_media`), through the same ' +
    'intake and workflow as every channel: the transcript becomes the description, the handle the contact. ' +
    `The body may be at most ${BODY_LIMIT_BYTES.integrations / 1024} KiB (413).\n\n${SIGNING}`,
  request: {
    params: z.object({
      source: z.string().regex(INTEGRATION_SOURCE_PATTERN).meta({ description: 'The integration\'s id, as configured', example: 'instagram' }),
    }),
    headers: z.object({
      [TIMESTAMP_HEADER.toLowerCase()]: z.string().meta({ description: 'Unix seconds when the request was signed', example: '1764590400' }),
      [SIGNATURE_HEADER.toLowerCase()]: z.string().meta({ description: '`sha256=<hex HMAC-SHA256(secret, timestamp + "." + raw body)>`' }),
    }),
    body: { required: true, content: { 'application/json': { schema: integrationComplaintSchema } } },
  },
  middleware: [access('POST /v1/integrations/{source}/complaints'), signedBy(integrations)] as const,
  responses: {
    201: { description: 'Filed', content: { 'application/json': { schema: integrationComplaintResponseSchema } } },
    200: { description: 'This message was filed before: the same complaint', content: { 'application/json': { schema: integrationComplaintResponseSchema } } },
    202: {
      description: 'Filed and stored, but the workflow service was unavailable: its workflow starts shortly',
      content: { 'application/json': { schema: integrationComplaintResponseSchema } },
    },
    ...errorResponses(400, 404, 409, 413),
    401: {
      description: 'Not signed with the integration’s secret within the tolerance, or no secret configured (`details` names the header and the problem)',
      content: { 'application/json': { schema: errorBodySchema } },
    },
  },
});

export interface IntegrationRoutesDeps extends IntegrationIntakeDeps {
  integrations: Integrations;
  log: Logger;
}

export function integrationRoutes(deps: IntegrationRoutesDeps) {
  return new OpenAPIHono<AppEnv>({ defaultHook: validationHook }).openapi(
    fileRoute(deps.integrations),
    async (c) => {
      const integration = deps.integrations.get(c.req.valid('param').source)!;
      const { response, created, workflowPending } = await fileIntegrationComplaint(deps, integration, c.req.valid('json'));
      c.header('Location', `/v1/complaints/${response.reference}`);
      if (workflowPending) {
        deps.log.warn({ requestId: c.get('requestId'), complaintId: response.id, source: integration.source }, 'complaint stored but its workflow could not start (Temporal unavailable); the intake reconciler will start it');
        return c.json(responseBody(integrationComplaintResponseSchema, response), 202);
      }
      return c.json(responseBody(integrationComplaintResponseSchema, response), created ? 201 : 200);
    },
  );
}

/** 404 for a source nobody configured; 401 unless the raw body is signed with one of its secrets, recently. */
function signedBy(integrations: Integrations): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const source = c.req.param('source') ?? '';
    const integration: Integration | undefined = integrations.get(source);
    if (!integration) throw new DomainError('NOT_FOUND', `No integration '${source}' is configured`, { source });
    if (integration.secrets.length === 0) {
      throw new DomainError('UNAUTHENTICATED', `Integration '${source}' has no secret configured, so no request can be verified: the operator adds one to its entry in INTEGRATIONS_CONFIG_FILE`, { source });
    }
    const check = verifyWebhookSignature({
      secret: integration.secrets,
      timestamp: c.req.header(TIMESTAMP_HEADER),
      signature: c.req.header(SIGNATURE_HEADER),
      // Read (and cached) as text here, so the JSON validator parses these same bytes.
      body: await c.req.text(),
    });
    if (!check.ok) {
      throw new DomainError('UNAUTHENTICATED', `The request is not signed with integration '${source}'s secret: ${check.header} ${check.problem}`, {
        header: check.header,
        problem: check.problem,
      });
    }
    await next();
  };
}
