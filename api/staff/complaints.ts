// GET /v1/complaints/{reference}: the staff view of a complaint, from the read model.
import { createRoute, OpenAPIHono } from '@hono/zod-openapi';
import type { Sql } from 'postgres';
import { DomainError } from '../../domain/errors.js';
import { findComplaintByReference } from '../../read-model/complaint-queries.js';
import type { AppEnv } from '../http/app-env.js';
import { requireRole } from '../http/auth.js';
import { errorResponses } from '../http/errors.js';
import { validationHook } from '../http/validation.js';
import { complaintSchema, referenceParamSchema } from './complaints.schemas.js';

const STAFF_READ_ROLES = ['agent', 'supervisor', 'auditor', 'admin'] as const;

const getRoute = createRoute({
  method: 'get',
  path: '/{reference}',
  summary: 'Read a complaint (staff)',
  security: [{ apiKey: [] }],
  request: { params: referenceParamSchema },
  middleware: [requireRole(...STAFF_READ_ROLES)] as const,
  responses: {
    200: { description: 'The complaint', content: { 'application/json': { schema: complaintSchema } } },
    ...errorResponses(400, 401, 403, 404),
  },
});

export function complaintReadRoutes(deps: { sql: Sql }) {
  return new OpenAPIHono<AppEnv>({ defaultHook: validationHook }).openapi(getRoute, async (c) => {
    const complaint = await findComplaintByReference(deps.sql, c.req.valid('param').reference);
    if (!complaint) throw new DomainError('NOT_FOUND', 'No complaint has this reference');
    return c.json(complaintSchema.parse(complaint), 200);
  });
}
