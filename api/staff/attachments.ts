// The evidence files customers attached, for staff: a list, and each file as a download. A file
// is whatever a stranger uploaded, so it is always served as a download of the type sniffed when
// it was stored (never the browser's claim), with nosniff, and sandboxed should a browser open it.
import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import type { Sql } from 'postgres';
import { ATTACHMENT_TYPES } from '../../domain/attachments/content-type.js';
import { DomainError } from '../../domain/errors.js';
import { complaintIdByReference } from '../../read-model/complaint-queries.js';
import type { AttachmentStore } from '../../read-model/attachments.js';
import type { AppEnv } from '../http/app-env.js';
import { requireRole } from '../http/auth.js';
import { errorResponses } from '../http/errors.js';
import { validationHook } from '../http/validation.js';
import { referenceParamSchema } from './complaints.schemas.js';
import { responseBody } from '../http/response-body.js';
import { readsBy, recordPersonalDataReads } from '../../read-model/personal-data-reads.js';

const READERS = ['agent', 'supervisor', 'auditor', 'admin'] as const;

const attachmentSchema = z
  .object({
    id: z.uuid(),
    name: z.string().meta({ description: 'The file name the customer gave, sanitised', example: 'leak.jpg' }),
    contentType: z.enum(ATTACHMENT_TYPES).meta({ description: 'Read from the content when stored, not from the name' }),
    sizeBytes: z.number().int().positive(),
    sha256: z.string().meta({ description: 'Hex SHA-256 of the content' }),
    createdAt: z.iso.datetime({ offset: true }),
    href: z.string().meta({ description: 'Where to download it', example: '/v1/complaints/CMP-2026-000123/attachments/…' }),
  })
  .meta({ id: 'Attachment' });

const attachmentParamsSchema = referenceParamSchema.extend({
  id: z.uuid().meta({ param: { name: 'id', in: 'path' } }),
});

const listRoute = createRoute({
  method: 'get',
  path: '/{reference}/attachments',
  summary: "The complaint's evidence files (staff)",
  security: [{ apiKey: [] }],
  middleware: [requireRole(...READERS)] as const,
  request: { params: referenceParamSchema },
  responses: {
    200: { description: 'In the order the customer attached them', content: { 'application/json': { schema: z.array(attachmentSchema) } } },
    ...errorResponses(400, 401, 403, 404),
  },
});

const downloadRoute = createRoute({
  method: 'get',
  path: '/{reference}/attachments/{id}',
  summary: 'Download one evidence file (staff)',
  description: 'The bytes as the customer sent them, as `Content-Disposition: attachment` with `X-Content-Type-Options: nosniff`.',
  security: [{ apiKey: [] }],
  middleware: [requireRole(...READERS)] as const,
  request: { params: attachmentParamsSchema },
  responses: {
    200: {
      description: 'The file',
      content: Object.fromEntries(ATTACHMENT_TYPES.map((t) => [t, { schema: z.string().meta({ format: 'binary' }) }])),
    },
    ...errorResponses(400, 401, 403, 404),
  },
});

export function attachmentRoutes(deps: { sql: Sql; attachments: AttachmentStore }) {
  return new OpenAPIHono<AppEnv>({ defaultHook: validationHook })
    .openapi(listRoute, async (c) => {
      const { reference } = c.req.valid('param');
      const complaintId = await complaintIdByReference(deps.sql, reference);
      // File names the customer chose can name people: listing them is a read.
      const [list] = await Promise.all([
        deps.attachments.list(complaintId),
        recordPersonalDataReads(deps.sql, readsBy(c.get('actor')!, 'attachment_list', [complaintId], { requestId: c.get('requestId') })),
      ]);
      const body = list.map((a) => ({ ...a, href: `/v1/complaints/${reference}/attachments/${a.id}` }));
      return c.json(responseBody(z.array(attachmentSchema), body), 200);
    })
    .openapi(downloadRoute, async (c) => {
      const { reference, id } = c.req.valid('param');
      const complaintId = await complaintIdByReference(deps.sql, reference);
      const file = await deps.attachments.read(complaintId, id);
      if (!file) throw new DomainError('NOT_FOUND', 'This complaint has no attachment with this id');
      await recordPersonalDataReads(deps.sql, readsBy(c.get('actor')!, 'attachment_download', [complaintId], { requestId: c.get('requestId'), item: id }));
      c.header('Content-Type', file.contentType);
      c.header('Content-Disposition', contentDisposition(file.name));
      c.header('X-Content-Type-Options', 'nosniff');
      c.header('Content-Security-Policy', "default-src 'none'; sandbox");
      c.header('Cache-Control', 'private, no-store');
      c.header('Content-Length', String(file.sizeBytes));
      return c.body(file.content as Uint8Array<ArrayBuffer>, 200) as never;
    });
}

/**
 * `attachment` with an ASCII fallback name and the real one in RFC 5987 form (`filename*`), so a
 * Turkish or Persian name survives and no quote or backslash can end the header's value.
 */
export function contentDisposition(name: string): string {
  const fallback = name.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
  const encoded = encodeURIComponent(name).replace(/['()*]/g, (ch) => `%${ch.charCodeAt(0).toString(16).toUpperCase()}`);
  return `attachment; filename="${fallback}"; filename*=UTF-8''${encoded}`;
}
