// The erasure of a complaint's personal data (issue 14): request body and record.
import { z } from '@hono/zod-openapi';

export const erasureRequestSchema = z
  .strictObject({
    reason: z.literal('request').meta({
      description: 'Why: `request` (the person asked to be forgotten). Retention erasures are made by the retention run, never through this endpoint.',
      example: 'request',
    }),
    note: z
      .string()
      .trim()
      .min(1)
      .max(500)
      .optional()
      .meta({
        description:
          'For auditors: how the request reached us (a ticket number, "KVKK application 2026/41"). It is kept after the erasure, so it must NOT hold personal data: no name, address, phone or e-mail.',
        example: 'KVKK application 2026/41',
      }),
  })
  .meta({ id: 'ErasureRequest' });

const at = z.iso.datetime({ offset: true });

export const erasureRecordSchema = z
  .object({
    id: z.uuid().meta({ description: "The erasure's id (the workflow update's id and the timeline's `erasureId`)" }),
    reference: z.string().meta({ example: 'CMP-2026-000123' }),
    reason: z.enum(['request', 'retention']),
    requestedBy: z.object({ id: z.string(), role: z.string() }).meta({ description: 'The admin who asked, or `retention` for the retention run' }),
    note: z.string().nullable(),
    requestedAt: at,
    status: z.enum(['requested', 'completed']).meta({
      description: '`requested`: recorded, not finished (a step failed: ask again, or the next retention run finishes it); `completed`: the data key is destroyed and the plain columns blanked',
    }),
    workflow: z.enum(['withdrawn', 'already_closed']).nullable().meta({
      description: '`withdrawn`: the complaint was open and its workflow closed it as withdrawn, with no message to the customer; `already_closed`: it was closed before',
    }),
    completedAt: at.nullable(),
    blanked: z.record(z.string(), z.number().int()).meta({
      description: 'Rows blanked per table (no values): `complaints`, `complaint_events`, `outbox_messages`, `complaint_attachments`, …',
      example: { complaints: 1, complaint_events: 4, outbox_messages: 3 },
    }),
  })
  .meta({ id: 'ErasureRecord' });

const report = z.object({
  id: z.string().meta({ description: 'The workflow id that ran it' }),
  trigger: z.enum(['schedule', 'manual']),
  startedBy: z.string().nullable().meta({ description: 'The admin who started a manual run' }),
  startedAt: at,
  finishedAt: at.nullable().meta({ description: 'Null while it runs' }),
  erasedCount: z.number().int(),
  byVersion: z.record(z.string(), z.number().int()).meta({ description: 'Complaints erased per pinned process version', example: { 'iso-10002-default@2': 12 } }),
  resumedCount: z.number().int().meta({ description: 'Erasures (on request or by retention) that had stopped half-way, finished by this run' }),
  failures: z.array(z.object({ complaintId: z.uuid(), error: z.string() })).meta({ description: 'Erasures that failed (tried again by the next run); no personal data' }),
  purged: z.record(z.string(), z.number().int()).meta({
    description:
      'Operational records deleted past their period, per table: SSO sign-in attempts expired more than `RETENTION_SSO_SIGN_IN_ATTEMPTS_DAYS` ago (default 90), personal-data reads older than `RETENTION_PERSONAL_DATA_READS_DAYS` (default 730, at least 365)',
    example: { sso_sign_in_attempts: 3, personal_data_reads: 120 },
  }),
});

export const retentionRunSchema = report.meta({ id: 'RetentionRun' });
export const retentionRunsSchema = z.array(retentionRunSchema).meta({ id: 'RetentionRuns' });
export const retentionRunStartedSchema = z
  .object({ id: z.string(), status: z.literal('running').meta({ description: 'Not finished within the wait: GET /v1/retention/runs shows it when it is' }) })
  .meta({ id: 'RetentionRunStarted' });

export const retentionRunsQuerySchema = z.object({
  limit: z.coerce.number().int().min(1).max(100).default(20).meta({ param: { name: 'limit', in: 'query' }, example: 20 }),
});
