// POST/GET /v1/complaints/{reference}/erasure: an admin erases a complaint's personal data on the
// person's request (issue 14). An open complaint is closed by its workflow first (as `withdrawn`,
// with no message to the customer), then the read model is erased in one transaction.
import { access } from '../http/access-matrix.js';
import { createRoute, OpenAPIHono } from '@hono/zod-openapi';
import type { Sql } from 'postgres';
import type { AppEnv } from '../http/app-env.js';
import { errorResponses } from '../http/errors.js';
import { validationHook } from '../http/validation.js';
import { responseBody } from '../http/response-body.js';
import { referenceParamSchema } from './complaints.schemas.js';
import { complaintIdByReference } from '../../read-model/complaint-queries.js';
import { findErasure } from '../../read-model/erasure.js';
import { eraseComplaint } from '../../read-model/erase-complaint.js';
import type { DataKeyStore } from '../../security/data-keys.js';
import type { TemporalGateway } from '../../temporal/gateway.js';
import { DomainError } from '../../domain/errors.js';
import { erasureRecordSchema, erasureRequestSchema } from './erasure.schemas.js';

export const ERASERS = ['admin'] as const;
export const ERASURE_READERS = ['admin', 'auditor'] as const;

const eraseRoute = createRoute({
  method: 'post',
  path: '/{reference}/erasure',
  summary: "Erase the complaint's personal data (admin)",
  description:
    'Destroys the complaint\'s data key (its Temporal history stays valid but unreadable) and blanks every plain column holding personal data; the timeline keeps its events and the reports their numbers. An open complaint is first closed as `withdrawn` by its workflow, without a message to the customer. Idempotent: asking again answers the first erasure\'s record; a `requested` one (a step failed) is finished. The `note` is kept: never put personal data in it.',
  security: [{ apiKey: [] }],
  middleware: [access('POST /v1/complaints/{reference}/erasure')] as const,
  request: { params: referenceParamSchema, body: { required: true, content: { 'application/json': { schema: erasureRequestSchema } } } },
  responses: {
    200: { description: 'The erasure record (completed)', content: { 'application/json': { schema: erasureRecordSchema } } },
    ...errorResponses(400, 401, 403, 404, 503),
  },
});

const readRoute = createRoute({
  method: 'get',
  path: '/{reference}/erasure',
  summary: "The complaint's erasure record (admin, auditor)",
  security: [{ apiKey: [] }],
  middleware: [access('GET /v1/complaints/{reference}/erasure')] as const,
  request: { params: referenceParamSchema },
  responses: {
    200: { description: 'The erasure record', content: { 'application/json': { schema: erasureRecordSchema } } },
    ...errorResponses(400, 401, 403, 404),
  },
});

export function erasureRoutes(deps: { sql: Sql; temporal: TemporalGateway; dataKeys: DataKeyStore }) {
  const erase = {
    sql: deps.sql,
    dataKeys: deps.dataKeys,
    closeWorkflow: deps.temporal.closeForErasure.bind(deps.temporal),
  };
  return new OpenAPIHono<AppEnv>({ defaultHook: validationHook })
    .openapi(eraseRoute, async (c) => {
      const complaintId = await complaintIdByReference(deps.sql, c.req.valid('param').reference);
      const { note } = c.req.valid('json');
      const actor = c.get('actor')!;
      const record = await eraseComplaint(erase, { complaintId, reason: 'request', actor: { id: actor.id, role: actor.role }, note });
      return c.json(responseBody(erasureRecordSchema, record), 200);
    })
    .openapi(readRoute, async (c) => {
      const complaintId = await complaintIdByReference(deps.sql, c.req.valid('param').reference);
      const record = await findErasure(deps.sql, complaintId);
      if (!record) throw new DomainError('NOT_FOUND', "This complaint's personal data has not been erased");
      return c.json(responseBody(erasureRecordSchema, record), 200);
    });
}
