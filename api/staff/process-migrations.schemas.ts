// Request and response schemas of /v1/process-definitions/{id}/migrations, documented for the API reference.
import { z } from '@hono/zod-openapi';
import { COMPLAINT_STATUSES, TIMED_STAGES } from '../../domain/complaint.js';
import { nonBlankText } from '../../domain/complaint-schemas.js';
import { DEADLINE_RULES, MIGRATION_SKIP_REASONS } from '../../domain/lifecycle/index.js';
import { onlyWhen } from '../../domain/json-schema-rules.js';
import { ruleIssue } from '../../domain/schema-issues.js';

const instant = z.iso.datetime({ offset: true });
const OPEN_STATUSES = COMPLAINT_STATUSES.filter((s) => s !== 'closed') as [string, ...string[]];

/** The largest version number PostgreSQL's `integer` column holds: a larger one could name no version. */
const MAX_VERSION = 2_147_483_647;

/** How far ahead a plan may be scheduled. */
export const MAX_APPLY_AHEAD_DAYS = 366;

export const definitionIdParamSchema = z.object({
  id: z
    .string()
    .regex(/^[a-z][a-z0-9-]*$/, 'expected a kebab-case definition id')
    .max(60)
    .meta({ param: { name: 'id', in: 'path' }, example: 'iso-10002-default' }),
});

export const migrationParamSchema = definitionIdParamSchema.extend({
  migrationId: z.uuid().meta({ param: { name: 'migrationId', in: 'path' }, example: '7c1e0d55-3f7a-4c57-9a53-2b1d7f0c9e11' }),
});

export const migrationPageQuerySchema = z.object({
  limit: z.coerce.number().int().min(1).max(1_000).default(200).meta({ description: 'Complaints listed (1–1000)', example: 200 }),
  offset: z.coerce.number().int().min(0).max(10_000_000).default(0).meta({ description: 'Complaints skipped, in plan order', example: 0 }),
});

const ruleSchema = z.enum(DEADLINE_RULES).meta({
  description:
    '`keep`: the current deadline stays; `recompute`: from the stage start under the new rules (paused time counted as the clock ' +
    'does); `restart`: a full new deadline from the moment the complaint migrates. A deadline the customer was told is never ' +
    'moved earlier whatever the rule.',
});

const filterSchema = z
  .strictObject({
    fromVersion: z.number().int().positive().max(MAX_VERSION).optional().meta({ description: 'Only complaints on this version (default: any version but the target)', example: 1 }),
    status: z.array(z.enum(OPEN_STATUSES)).min(1).max(OPEN_STATUSES.length).optional().meta({ example: ['investigating'] }),
    stage: z.array(z.enum(TIMED_STAGES)).min(1).max(TIMED_STAGES.length).optional().meta({ description: 'The timed stage whose clock runs', example: ['investigation'] }),
    category: z.array(nonBlankText(100)).min(1).max(50).optional().meta({ example: ['product_defect'] }),
    receivedFrom: instant.optional().meta({ description: 'Received at or after', example: '2026-01-01T00:00:00+03:00' }),
    receivedTo: instant.optional().meta({ description: 'Received before', example: '2026-04-01T00:00:00+03:00' }),
  })
  .superRefine((f, ctx) => {
    if (f.receivedFrom && f.receivedTo && Date.parse(f.receivedTo) <= Date.parse(f.receivedFrom)) {
      ctx.addIssue(ruleIssue(['receivedTo'], 'must be after receivedFrom'));
    }
  })
  .meta({ description: 'Which running complaints of the definition the plan covers; closed ones never are' });

export const migrationRequestSchema = z
  .strictObject({
    targetVersion: z.number().int().positive().max(MAX_VERSION).meta({ description: 'A published version of the definition', example: 2 }),
    filter: filterSchema.optional(),
    deadlineRules: z
      .strictObject(Object.fromEntries(TIMED_STAGES.map((s) => [s, ruleSchema.optional()])) as Record<(typeof TIMED_STAGES)[number], z.ZodOptional<typeof ruleSchema>>)
      .optional()
      .meta({ description: 'Per timed stage; a stage not named keeps its deadline', example: { investigation: 'recompute', reinvestigation: 'keep' } }),
    dryRun: z.boolean().optional().meta({ description: 'Preview only (the default); `false` applies the plan', example: true }),
    applyAt: instant.optional().meta({ description: 'With `dryRun: false`: when to apply it (default: now)', example: '2026-04-01T06:00:00+03:00' }),
  })
  .superRefine((body, ctx) => {
    if (body.filter?.fromVersion !== undefined && body.filter.fromVersion === body.targetVersion) {
      ctx.addIssue(ruleIssue(['filter', 'fromVersion'], 'must differ from targetVersion'));
    }
    if (body.applyAt !== undefined) {
      const ahead = Date.parse(body.applyAt) - Date.now();
      if (body.dryRun !== false) ctx.addIssue({ code: 'custom', path: ['applyAt'], message: 'schedules an applied plan: give it with dryRun false' });
      else if (ahead < -60_000) ctx.addIssue(ruleIssue(['applyAt'], 'is in the past'));
      else if (ahead > MAX_APPLY_AHEAD_DAYS * 86_400_000) ctx.addIssue(ruleIssue(['applyAt'], `must be within ${MAX_APPLY_AHEAD_DAYS} days`));
    }
  })
  .meta({
    id: 'ProcessMigrationRequest',
    description:
      '`applyAt` only with `dryRun: false`. Refused with 422: `filter.fromVersion` equal to `targetVersion`, `applyAt` in the past ' +
      `or more than ${MAX_APPLY_AHEAD_DAYS} days ahead, \`filter.receivedTo\` not after \`filter.receivedFrom\``,
    ...onlyWhen('dryRun', [false], 'applyAt'),
  });

export type MigrationRequest = z.infer<typeof migrationRequestSchema>;

const movedSchema = z.object({ old: instant.nullable(), new: instant.nullable() });
const skipSchema = z.object({ reason: z.enum(MIGRATION_SKIP_REASONS), message: z.string() });
const rulesSchema = z.object(Object.fromEntries(TIMED_STAGES.map((s) => [s, ruleSchema])) as Record<(typeof TIMED_STAGES)[number], typeof ruleSchema>);

/** What the timeline's `process_migrated` records, as the preview and the plan show it. */
const migrationEffectSchema = {
  stage: z.string().nullable().meta({ description: 'The timed stage whose clock the rule applies to; null when none runs', example: 'investigation' }),
  rule: z.enum(DEADLINE_RULES).nullable(),
  deadline: movedSchema.nullable().meta({ description: "The stage's deadline before and after" }),
  warningAt: movedSchema.nullable(),
  answerDeadline: movedSchema.nullable().meta({ description: "The customer's answer deadline to the open proposal" }),
  infoDeadline: movedSchema.nullable().meta({ description: "The customer's answer deadline to our open question" }),
  progressUpdateAt: movedSchema.nullable().meta({ description: 'When we write to the customer next' }),
  guarded: z.array(z.string()).meta({ description: 'Deadlines kept as they were because the customer had been told them', example: ['stage_deadline'] }),
  breached: z.boolean().meta({ description: 'The stage is past its deadline once migrated' }),
};

export const migrationPreviewSchema = z
  .object({
    dryRun: z.literal(true),
    definitionId: z.string(),
    targetVersion: z.number().int(),
    targetVersionId: z.string().meta({ example: 'iso-10002-default@2' }),
    deadlineRules: rulesSchema,
    at: instant.meta({ description: 'The instant the preview was computed for' }),
    matched: z.number().int().meta({ description: 'Running complaints the filter selects' }),
    truncated: z.boolean().meta({ description: 'Only the first complaints (oldest first) are previewed' }),
    summary: z.object({
      migrates: z.number().int(),
      skipped: z.record(z.string(), z.number().int()).meta({ description: 'Per reason', example: { round_beyond_target: 2 } }),
      breached: z.number().int(),
      guarded: z.number().int(),
      escalations: z.number().int(),
      messages: z.number().int(),
    }),
    complaints: z.array(
      z.object({
        reference: z.string(),
        complaintId: z.uuid(),
        status: z.string(),
        fromVersion: z.string(),
        migrates: z.boolean(),
        skip: skipSchema.nullable(),
        ...migrationEffectSchema,
        escalationLevel: z
          .object({ old: z.string(), new: z.string() })
          .nullable()
          .meta({ description: "The owner's level before, and after what the change fires", example: { old: 'teamLead', new: 'director' } }),
        escalations: z
          .array(z.object({ type: z.enum(['deadline_warning', 'deadline_breached']), breachCount: z.number().int().nullable() }))
          .meta({ description: 'Warnings and breaches the change makes due at once' }),
        messages: z
          .array(z.object({ audience: z.enum(['customer', 'staff']), template: z.string(), recipient: z.string() }))
          .meta({ description: 'What the change sends at once, to whom' }),
      }),
    ),
  })
  .meta({ id: 'ProcessMigrationPreview' });

export const migrationProgressSchema = z
  .object({
    migrationId: z.uuid(),
    definitionId: z.string(),
    targetVersion: z.number().int(),
    targetVersionId: z.string(),
    status: z.enum(['scheduled', 'running', 'completed']),
    deadlineRules: rulesSchema,
    filter: z.record(z.string(), z.unknown()),
    requestedBy: z.object({ id: z.string(), role: z.string() }),
    requestedAt: instant,
    applyAt: instant.nullable(),
    startedAt: instant.nullable(),
    finishedAt: instant.nullable(),
    counts: z.object({ total: z.number().int(), pending: z.number().int(), moved: z.number().int(), skipped: z.number().int(), failed: z.number().int() }),
    skipped: z.record(z.string(), z.number().int()).meta({ description: 'Skipped complaints per reason' }),
    page: z.object({ limit: z.number().int(), offset: z.number().int() }),
    complaints: z.array(
      z.object({
        reference: z.string(),
        complaintId: z.uuid(),
        fromVersion: z.string(),
        status: z.enum(['pending', 'moved', 'skipped', 'failed']),
        reason: z.string().nullable().meta({ description: 'Skipped: why (as in the preview); failed: the error code' }),
        message: z.string().nullable(),
        ...migrationEffectSchema,
        attempts: z.number().int(),
        finishedAt: instant.nullable(),
      }),
    ),
  })
  .meta({ id: 'ProcessMigration' });

export type MigrationPreviewBody = z.input<typeof migrationPreviewSchema>;
export type MigrationProgressBody = z.input<typeof migrationProgressSchema>;
