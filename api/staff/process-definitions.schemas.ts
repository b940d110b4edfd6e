// Request and response schemas of /v1/process-definitions and /v1/process-selection, documented
// for the API reference. A version's content is documented as an object only: a stored version
// may predate today's schema, and the schema itself is what PUT, validate and publish check.
import { z } from '@hono/zod-openapi';
import { processSelectionSchema } from '../../domain/process-definitions/selection.js';
import { DEFINITION_ID_MAX_LENGTH, DEFINITION_ID_PATTERN, VERSION_STATUSES } from '../../domain/process-definitions/versions.js';
import { LANGUAGES } from '../../texts/languages.js';

/** Where the selection rules are read and replaced under /v1/process-definitions (also /v1/process-selection). */
export const SELECTION_RULES_PATH = 'selection-rules';

const definitionId = () =>
  z.string().regex(DEFINITION_ID_PATTERN, 'expected a kebab-case definition id like iso-10002-default').max(DEFINITION_ID_MAX_LENGTH);
const versionNumber = () => z.coerce.number().int().positive().max(2_147_483_647);
const instant = () => z.iso.datetime({ offset: true });

export const definitionIdParamSchema = z.object({
  id: definitionId().meta({ param: { name: 'id', in: 'path' }, description: 'The definition id', example: 'iso-10002-default' }),
});

export const versionParamsSchema = definitionIdParamSchema.extend({
  version: versionNumber().meta({ param: { name: 'version', in: 'path' }, description: 'The version number', example: 1 }),
});

export const languageQuerySchema = z.object({
  lang: z.enum(LANGUAGES).optional().meta({ description: 'Language of the words; default: the Accept-Language header, else English', example: 'en' }),
});

export const diffQuerySchema = languageQuerySchema.extend({
  from: versionNumber().meta({ description: 'The version compared from', example: 1 }),
  to: versionNumber().meta({ description: 'The version compared to', example: 2 }),
});

export const contentSchema = z.record(z.string(), z.unknown()).meta({
  id: 'ProcessDefinitionContent',
  description:
    'A process definition document (stages with deadlines, warning shares and escalation, acceptance rounds, the ' +
    'information-request policy, progress updates, external remedies): see `domain/process-definition.ts`. ' +
    '`id` and `version` are always those of the URL.',
});

export const versionSummarySchema = z
  .object({
    definitionId: z.string().meta({ example: 'iso-10002-default' }),
    version: z.number().int().meta({ example: 2 }),
    status: z.enum(VERSION_STATUSES).meta({ description: 'draft (editable) → published (immutable) → retired (takes no new complaints)' }),
    contentHash: z.string().meta({ description: 'SHA-256 (hex) of the canonical JSON of the content: sorted keys, no whitespace' }),
    basedOn: z.number().int().nullable().meta({ description: 'The version this one was copied from' }),
    author: z.string().meta({ description: 'Who wrote the content (the last editor of the draft)' }),
    createdAt: instant(),
    updatedAt: instant(),
    publishedBy: z.string().nullable(),
    publishedAt: instant().nullable(),
    changeNote: z.string().nullable().meta({ description: 'Why it was published, as the publisher wrote it' }),
    retiredBy: z.string().nullable(),
    retiredAt: instant().nullable(),
  })
  .meta({ id: 'ProcessDefinitionVersionSummary' });

export const versionSchema = versionSummarySchema.extend({ content: contentSchema }).meta({ id: 'ProcessDefinitionVersion' });

export const definitionSchema = z
  .object({
    id: z.string().meta({ example: 'iso-10002-default' }),
    createdBy: z.string(),
    createdAt: instant(),
    versions: z.array(versionSummarySchema),
  })
  .meta({ id: 'ProcessDefinition' });

export const definitionListSchema = z.object({ definitions: z.array(definitionSchema) }).meta({ id: 'ProcessDefinitionList' });

export const createDefinitionBodySchema = z
  .strictObject({
    // `selection-rules` is a path of its own: /v1/process-definitions/selection-rules.
    id: definitionId()
      .refine((id) => id !== SELECTION_RULES_PATH, { message: `"${SELECTION_RULES_PATH}" is reserved (the selection rules live there)` })
      .meta({ example: 'iso-10002-az', not: { const: SELECTION_RULES_PATH } }),
    from: z
      .strictObject({ definitionId: definitionId(), version: versionNumber() })
      .optional()
      .meta({ description: 'Copy this version into the new definition’s first draft' }),
    content: contentSchema.optional().meta({ description: 'Or start from this content (validated)' }),
  })
  .superRefine((body, ctx) => {
    if ((body.from === undefined) === (body.content === undefined)) {
      ctx.addIssue({ code: 'custom', path: ['from'], message: 'give exactly one of from or content' });
    }
  })
  .meta({
    id: 'NewProcessDefinition',
    // Exactly one of `from` and `content`, as the refinement above says.
    oneOf: [{ required: ['from'] }, { required: ['content'] }],
    example: { id: 'iso-10002-az', from: { definitionId: 'iso-10002-default', version: 1 } },
  });

export const createDraftBodySchema = z
  .strictObject({
    from: versionNumber().optional().meta({ description: 'The version to copy; default: the latest published one', example: 1 }),
  })
  .meta({ id: 'NewDraft' });

export const publishBodySchema = z
  .strictObject({
    changeNote: z.string().trim().min(1, 'say what changed and why').max(2_000).meta({ pattern: '\\S', example: 'Investigation takes 5 working days (was 4).' }),
  })
  .meta({ id: 'PublishVersion' });

const fieldIssueSchema = z.object({
  path: z.string().meta({ example: 'stages.investigation.deadline.workingDays' }),
  message: z.string().meta({ example: 'Too small: expected number to be >0' }),
});

export const validationReportSchema = z
  .object({
    valid: z.boolean(),
    issues: z.array(fieldIssueSchema).meta({ description: 'One entry per bad field; empty when valid' }),
  })
  .meta({ id: 'ProcessDefinitionValidation' });

export const diffSchema = z
  .object({
    definitionId: z.string(),
    from: z.object({ version: z.number().int(), contentHash: z.string() }),
    to: z.object({ version: z.number().int(), contentHash: z.string() }),
    changes: z.array(
      z.object({
        path: z.string().meta({ example: 'stages.investigation.deadline' }),
        from: z.unknown().meta({ description: 'The value in `from`; null when the field was added', example: { workingDays: 4 } }),
        to: z.unknown().meta({ description: 'The value in `to`; null when the field was removed', example: { workingDays: 5 } }),
        sentence: z.string().meta({ example: 'The investigation deadline changes from 4 working days to 5 working days.' }),
      }),
    ),
  })
  .meta({ id: 'ProcessDefinitionDiff' });

export const diagramSchema = z
  .object({
    definitionId: z.string(),
    version: z.number().int(),
    mermaid: z.string().meta({ description: 'A Mermaid `flowchart` of the definition', example: 'flowchart TD\n  received(["Complaint received"]) …' }),
  })
  .meta({ id: 'ProcessDefinitionDiagram' });

export const selectionBodySchema = processSelectionSchema
  .extend({ note: z.string().trim().min(1).max(2_000).optional().meta({ description: 'Why the rules change' }) })
  .meta({
    id: 'ProcessSelectionChange',
    example: {
      rules: [{ when: { country: ['AZ'] }, definitionId: 'iso-10002-az' }],
      defaultDefinitionId: 'iso-10002-default',
      note: 'Azerbaijani complaints follow the Azerbaijani process.',
    },
  });

export const selectionRevisionSchema = z
  .object({
    revision: z.number().int(),
    rules: processSelectionSchema.shape.rules,
    defaultDefinitionId: z.string(),
    changedBy: z.string(),
    changedAt: instant(),
    note: z.string().nullable(),
  })
  .meta({ id: 'ProcessSelection' });

export const selectionHistorySchema = z.object({ revisions: z.array(selectionRevisionSchema) }).meta({ id: 'ProcessSelectionHistory' });
