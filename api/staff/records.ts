// The complaint's records for staff: its timeline (every transition) and its communication
// record (every message to the customer or staff, as sent).
import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import type { Sql } from 'postgres';
import type { AppEnv } from '../http/app-env.js';
import { requireRole } from '../http/auth.js';
import { communicationRecord, complaintIdByReference, timeline } from '../../read-model/complaint-queries.js';
import { retryMessage } from '../../read-model/outbox-retry.js';
import { DomainError } from '../../domain/errors.js';
import { maskRecipient, readsCustomerContact } from '../../domain/customer-masking.js';
import { referenceParamSchema } from './complaints.schemas.js';
import { errorResponses } from '../http/errors.js';
import { validationHook } from '../http/validation.js';
import { responseBody } from '../http/response-body.js';
import { readsBy, recordPersonalDataReads } from '../../read-model/personal-data-reads.js';

const READERS = ['agent', 'supervisor', 'auditor', 'admin'] as const;
const RETRIERS = ['agent', 'supervisor', 'admin'] as const;
const at = z.iso.datetime({ offset: true });

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

const messageSchema = z
  .object({
    id: z.number().int(),
    seq: z.number().int().meta({ description: 'The transition that sent it' }),
    audience: z.enum(['customer', 'staff']),
    channel: z.string().meta({ example: 'email', description: '`email`, `sms`, `letter`, `staff_inbox`, `agent` (letter and agent are passed on by people)' }),
    recipient: z.string().meta({ description: "For a customer's message, masked for an auditor as the complaint's contact details are" }),
    locale: z.string(),
    template: z.string().meta({ example: 'resolution_proposed' }),
    subject: z.string(),
    body: z.string().meta({ description: 'As rendered; an answer link shows as `[answer link]`: only the customer gets it' }),
    status: z
      .enum(['pending', 'sending', 'sent', 'delivered', 'failed', 'bounced', 'skipped'])
      .meta({ description: 'pending → sending → sent → delivered, or failed / bounced (staff may retry), or skipped (nobody to send it to)' }),
    attempts: z.number().int().meta({ description: 'Sends tried since it was written or last retried by staff' }),
    lastError: z.string().nullable().meta({ description: 'What the provider or the network said the last time it did not go through' }),
    provider: z.string().nullable().meta({ example: 'smtp' }),
    providerMessageId: z.string().nullable().meta({ description: "The provider's id of the message (for e-mail the Message-ID)" }),
    createdAt: at,
    sentAt: at.nullable().meta({ description: 'When the provider accepted it' }),
    deliveredAt: at.nullable().meta({ description: 'When the provider reported it delivered' }),
    nextAttemptAt: at.nullable().meta({ description: 'When a pending message is tried again after a transient failure' }),
    retriedBy: z.string().nullable().meta({ description: 'The staff member who last sent it again' }),
    retriedAt: at.nullable(),
  })
  .meta({ id: 'OutboxMessage' });

const messagesSchema = z.array(messageSchema).meta({ id: 'CommunicationRecord' });

const messageParamsSchema = referenceParamSchema.extend({
  id: z.coerce.number().int().positive().max(Number.MAX_SAFE_INTEGER).meta({ param: { name: 'id', in: 'path' }, description: 'The message id (GET …/messages)', example: 42 }),
});

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

const retryRoute = createRoute({
  method: 'post',
  path: '/{reference}/messages/{id}/retry',
  summary: 'Send a failed, bounced or skipped message again (staff)',
  description: 'The message goes back to `pending` with its attempts reset; the dispatcher sends it at once. Who retried is kept on the message.',
  security: [{ apiKey: [] }],
  middleware: [requireRole(...RETRIERS)] as const,
  request: { params: messageParamsSchema },
  responses: {
    200: { description: 'The message, pending again', content: { 'application/json': { schema: messageSchema } } },
    ...errorResponses(400, 401, 403, 404, 409),
  },
});

export function complaintRecordRoutes(deps: { sql: Sql }) {
  return new OpenAPIHono<AppEnv>({ defaultHook: validationHook })
    .openapi(eventsRoute, async (c) => {
      const id = await complaintIdByReference(deps.sql, c.req.valid('param').reference);
      // What the customer wrote and what was written to them: a read of their data.
      const [events] = await Promise.all([
        timeline(deps.sql, id),
        recordPersonalDataReads(deps.sql, readsBy(c.get('actor')!, 'timeline', [id], { requestId: c.get('requestId') })),
      ]);
      return c.json(responseBody(timelineSchema, events), 200);
    })
    .openapi(messagesRoute, async (c) => {
      const id = await complaintIdByReference(deps.sql, c.req.valid('param').reference);
      const role = c.get('actor')!.role;
      const [record] = await Promise.all([
        communicationRecord(deps.sql, id),
        recordPersonalDataReads(deps.sql, readsBy(c.get('actor')!, 'messages', [id], { requestId: c.get('requestId') })),
      ]);
      // The customer's address on a message is their contact too: masked for a role that reads it masked.
      const visible = readsCustomerContact(role) ? record : record.map((m) => (m.audience === 'customer' ? { ...m, recipient: maskRecipient(m.recipient, m.channel) } : m));
      return c.json(responseBody(messagesSchema, visible), 200);
    })
    .openapi(retryRoute, async (c) => {
      const { reference, id: messageId } = c.req.valid('param');
      const id = await complaintIdByReference(deps.sql, reference);
      const result = await retryMessage(deps.sql, id, messageId, c.get('actor')!);
      if (!result.ok && result.reason === 'not_found') throw new DomainError('NOT_FOUND', `Complaint ${reference} has no message ${messageId}`);
      if (!result.ok) throw new DomainError('CONFLICT', `Message ${messageId} is ${result.status}; only a failed, bounced or skipped message can be sent again`, { status: result.status });
      const [message] = await communicationRecord(deps.sql, id, messageId);
      return c.json(responseBody(messageSchema, message), 200);
    });
}
