// The complaint's records for staff: its timeline (every transition) and its communication
// record (every message to the customer or staff, as sent).
import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import type { Sql } from 'postgres';
import type { AppEnv } from '../http/app-env.js';
import { requireRole } from '../http/auth.js';
import { communicationRecord, complaintIdByReference, timeline } from '../../read-model/complaint-queries.js';
import { referenceParamSchema } from './complaints.schemas.js';
import { errorResponses } from '../http/errors.js';
import { validationHook } from '../http/validation.js';

const READERS = ['agent', 'supervisor', 'auditor', 'admin'] as const;

const timelineSchema = z
  .array(
    z.object({
      seq: z.number().int(),
      type: z.string().meta({ example: 'classify' }),
      actor: z.object({ id: z.string(), role: z.string() }),
      at: z.iso.datetime({ offset: true }),
      data: z.record(z.string(), z.unknown()),
    }),
  )
  .meta({ id: 'Timeline' });

const messagesSchema = z
  .array(
    z.object({
      id: z.number().int(),
      seq: z.number().int().meta({ description: 'The transition that sent it' }),
      audience: z.enum(['customer', 'staff']),
      channel: z.string().meta({ example: 'email' }),
      recipient: z.string(),
      locale: z.string(),
      template: z.string().meta({ example: 'resolution_proposed' }),
      subject: z.string(),
      body: z.string().meta({ description: 'As rendered; an answer link shows as `[answer link]`: only the customer gets it' }),
      status: z.enum(['pending', 'sent', 'failed', 'skipped']),
      createdAt: z.iso.datetime({ offset: true }),
      sentAt: z.iso.datetime({ offset: true }).nullable(),
    }),
  )
  .meta({ id: 'CommunicationRecord' });

const eventsRoute = createRoute({
  method: 'get',
  path: '/{reference}/events',
  summary: "The complaint's timeline (staff)",
  security: [{ apiKey: [] }],
  middleware: [requireRole(...READERS)] as const,
  request: { params: referenceParamSchema },
  responses: {
    200: { description: 'Every transition, oldest first', content: { 'application/json': { schema: timelineSchema } } },
    ...errorResponses(400, 401, 403, 404),
  },
});

const messagesRoute = createRoute({
  method: 'get',
  path: '/{reference}/messages',
  summary: "The complaint's communication record (staff)",
  security: [{ apiKey: [] }],
  middleware: [requireRole(...READERS)] as const,
  request: { params: referenceParamSchema },
  responses: {
    200: { description: 'What was sent to whom, when, as rendered', content: { 'application/json': { schema: messagesSchema } } },
    ...errorResponses(400, 401, 403, 404),
  },
});

export function complaintRecordRoutes(deps: { sql: Sql }) {
  return new OpenAPIHono<AppEnv>({ defaultHook: validationHook })
    .openapi(eventsRoute, async (c) => {
      const id = await complaintIdByReference(deps.sql, c.req.valid('param').reference);
      return c.json(timelineSchema.parse(await timeline(deps.sql, id)), 200);
    })
    .openapi(messagesRoute, async (c) => {
      const id = await complaintIdByReference(deps.sql, c.req.valid('param').reference);
      return c.json(messagesSchema.parse(await communicationRecord(deps.sql, id)), 200);
    });
}
