// Request and response schemas of the work queues (/v1/queues/{team}, …/claim, …/release, …/claims).
import { z } from '@hono/zod-openapi';
import { REFERENCE_PATTERN } from '../../domain/reference.js';
import { complaintSchema } from './complaints.schemas.js';

export const teamParamSchema = z.object({
  team: z
    .string()
    .min(1)
    .max(100)
    .regex(/^[A-Za-z0-9][A-Za-z0-9._-]*$/, 'expected a team id of letters, digits and . _ -, like after_sales')
    .meta({ param: { name: 'team', in: 'path' }, example: 'after_sales' }),
});

export const queueQuerySchema = z.object({
  limit: z.coerce.number().int().min(1).max(100).default(25).meta({ description: 'Complaints per page (1–100)', example: 25 }),
  cursor: z
    .string()
    .max(300)
    .optional()
    .meta({ description: 'The `nextCursor` of the previous page' }),
});

export const releaseBodySchema = z
  .strictObject({
    reference: z.string().regex(REFERENCE_PATTERN, 'expected a reference like CMP-2026-000123').meta({ example: 'CMP-2026-000123' }),
  })
  .meta({ id: 'QueueRelease' });

export const claimSchema = z
  .object({
    id: z.uuid(),
    reference: z.string(),
    team: z.string(),
    claimedBy: z.string(),
    claimedAt: z.iso.datetime({ offset: true }),
    assignment: z.enum(['pending', 'recorded', 'refused']).meta({
      description:
        "Where the claim's `assign` stands in the complaint's workflow: `pending` (on its way), `recorded` (the workflow " +
        'and the read model name you), `refused` (the workflow took no assignment, e.g. the complaint closed meanwhile; the claim ended)',
    }),
    release: z.enum(['pending', 'recorded', 'skipped']).nullable().meta({
      description: 'Once released: clearing the workflow\'s assignee is `pending`, `recorded`, or `skipped` (someone else had it by then)',
    }),
    releasedAt: z.iso.datetime({ offset: true }).nullable(),
    releasedBy: z.string().nullable(),
    endReason: z.enum(['released', 'refused', 'reassigned', 'closed']).nullable().meta({
      description: 'Why the claim ended; null while it is live',
    }),
    lastError: z.string().nullable().meta({ description: "Why the workflow refused it, or the relay's last failure" }),
  })
  .meta({ id: 'QueueClaim' });

export const queuePageSchema = z
  .object({
    team: z.string(),
    items: z.array(complaintSchema).meta({ description: 'In fair order: severity (critical first, unclassified last), then oldest received, then id' }),
    nextCursor: z.string().nullable(),
    total: z.number().int().min(0).meta({ description: 'How many complaints wait in the whole queue (every page), exact', example: 342 }),
    atRisk: z.number().int().min(0).meta({
      description:
        'Of those, how many have their running stage past its warning point and not yet past its deadline, clock not paused ' +
        '(`atRisk + overdue` is what the search\'s `atRisk=true` counts)',
      example: 12,
    }),
    overdue: z.number().int().min(0).meta({ description: 'Of those, how many are past their running stage\'s deadline, clock not paused', example: 3 }),
  })
  .meta({ id: 'QueuePage' });

export const claimAnswerSchema = z.object({ claim: claimSchema, complaint: complaintSchema }).meta({ id: 'QueueClaimAnswer' });

export const claimListSchema = z.object({ items: z.array(claimSchema) }).meta({ id: 'QueueClaims' });
