// The staff view of a complaint and the reference in staff paths.
import { z } from '@hono/zod-openapi';
import { CHANNELS } from '../../domain/complaint.js';
import { REFERENCE_PATTERN } from '../../domain/reference.js';

export const complaintSchema = z
  .object({
    id: z.uuid(),
    reference: z.string(),
    channel: z.enum(CHANNELS),
    status: z.string(),
    customer: z.object({
      name: z.string(),
      email: z.string().nullable(),
      phone: z.string().nullable(),
      locale: z.string(),
      country: z.string().nullable(),
      postalAddress: z.string().nullable().meta({ description: 'Where letters go, as the customer gave it' }),
    }),
    subject: z.string(),
    description: z.string(),
    category: z.string().nullable(),
    product: z.string().nullable(),
    receivedAt: z.iso.datetime({ offset: true }),
    recordedByWorkflow: z.boolean().meta({ description: 'The workflow has confirmed this record' }),
    closure: z.string().nullable().meta({ description: 'Why a closed complaint closed', example: 'accepted' }),
    round: z.number().int().meta({ description: 'Round of the latest proposal (0 before the first)' }),
    stage: z
      .object({
        id: z.string().meta({ example: 'investigation' }),
        startedAt: z.iso.datetime({ offset: true }).nullable(),
        warningAt: z.iso.datetime({ offset: true }).nullable(),
        deadline: z.iso.datetime({ offset: true }).nullable(),
        paused: z.boolean(),
      })
      .nullable(),
    escalationLevel: z.string().nullable().meta({ example: 'teamLead' }),
    assignee: z.string().nullable(),
    team: z.string().nullable(),
    department: z.string().nullable(),
    severity: z.string().nullable(),
    answerDueAt: z.iso.datetime({ offset: true }).nullable(),
    acknowledgedAt: z.iso.datetime({ offset: true }).nullable(),
    closedAt: z.iso.datetime({ offset: true }).nullable(),
    processVersion: z.string().nullable().meta({ description: 'The process version it runs under, `id@version`', example: 'iso-10002-default@1' }),
    process: z
      .object({
        definitionId: z.string().meta({ example: 'iso-10002-default' }),
        version: z.number().int().meta({ example: 1 }),
        contentHash: z.string().nullable().meta({ description: 'SHA-256 of the version\'s canonical JSON' }),
      })
      .nullable()
      .meta({ description: 'The process version pinned at intake; null for complaints filed before versions were stored' }),
  })
  .meta({ id: 'Complaint' });

export type ComplaintView = z.infer<typeof complaintSchema>;

export const referenceParamSchema = z.object({
  reference: z
    .string()
    .regex(REFERENCE_PATTERN, 'expected a reference like CMP-2026-000123')
    .meta({ param: { name: 'reference', in: 'path' }, example: 'CMP-2026-000123' }),
});
