// The route definitions of /v1/process-definitions and /v1/process-selection (the handlers are in
// process-definitions.ts). Every staff role reads; process owners and admins write.
import { createRoute, z } from '@hono/zod-openapi';
import { access } from '../http/access-matrix.js';
import { ifMatchHeader } from '../http/if-match.js';
import { errorResponses } from '../http/errors.js';
import { DEFINITION_LINKS } from '../http/links.js';
import {
  contentSchema,
  createDefinitionBodySchema,
  createDraftBodySchema,
  definitionIdParamSchema,
  definitionListSchema,
  definitionSchema,
  diagramSchema,
  diffQuerySchema,
  diffSchema,
  languageQuerySchema,
  publishBodySchema,
  selectionBodySchema,
  selectionHistorySchema,
  selectionRevisionSchema,
  validationReportSchema,
  versionParamsSchema,
  versionSchema,
} from './process-definitions.schemas.js';

const json = <T>(schema: T) => ({ 'application/json': { schema } });
const SELECTION_ETAG = { ETag: { description: 'The revision, `"<revision>"`: send it as `If-Match` with a change', schema: { type: 'string' as const, example: '"4"' } } };
const TAGS = ['Process definitions'];
const reader = { tags: TAGS, security: [{ apiKey: [] }] };
const writer = { tags: TAGS, security: [{ apiKey: [] }] };

export const listRoute = createRoute({
  ...reader,
  method: 'get',
  path: '/',
  middleware: [access('GET /v1/process-definitions')] as const,
  summary: 'List the process definitions and their versions',
  responses: { 200: { description: 'Every definition with its versions', content: json(definitionListSchema) }, ...errorResponses(401, 403) },
});

export const createDefinitionRoute = createRoute({
  ...writer,
  method: 'post',
  path: '/',
  middleware: [access('POST /v1/process-definitions')] as const,
  summary: 'Create a process definition',
  description:
    'Its version 1 is a draft, copied from an existing version (`from`) or given (`content`, validated: 422 DEFINITION_INVALID with every path). ' +
    '409 when the id is taken. Publish the draft, then name the definition in the selection rules.',
  request: { body: { required: true, content: json(createDefinitionBodySchema) } },
  responses: { 201: { description: 'The new draft', content: json(versionSchema), links: DEFINITION_LINKS }, ...errorResponses(400, 401, 403, 404, 409, 413, 422) },
});

export const getDefinitionRoute = createRoute({
  ...reader,
  method: 'get',
  path: '/{id}',
  middleware: [access('GET /v1/process-definitions/{id}')] as const,
  summary: 'Read a process definition and its versions',
  request: { params: definitionIdParamSchema },
  responses: { 200: { description: 'The definition', content: json(definitionSchema) }, ...errorResponses(400, 401, 403, 404) },
});

export const createDraftRoute = createRoute({
  ...writer,
  method: 'post',
  path: '/{id}/versions',
  middleware: [access('POST /v1/process-definitions/{id}/versions')] as const,
  summary: 'Create a draft from a version',
  description: 'The next version number, as a draft copied from `from` (default: the latest published version). 409 when a draft exists.',
  request: { params: definitionIdParamSchema, body: { required: false, content: json(createDraftBodySchema) } },
  responses: { 201: { description: 'The new draft', content: json(versionSchema) }, ...errorResponses(400, 401, 403, 404, 409, 413) },
});

export const getVersionRoute = createRoute({
  ...reader,
  method: 'get',
  path: '/{id}/versions/{version}',
  middleware: [access('GET /v1/process-definitions/{id}/versions/{version}')] as const,
  summary: 'Read a version with its content',
  request: { params: versionParamsSchema },
  responses: { 200: { description: 'The version', content: json(versionSchema) }, ...errorResponses(400, 401, 403, 404) },
});

export const replaceDraftRoute = createRoute({
  ...writer,
  method: 'put',
  path: '/{id}/versions/{version}',
  middleware: [access('PUT /v1/process-definitions/{id}/versions/{version}')] as const,
  summary: "Replace a draft's content",
  description:
    'The body is the whole definition; its `id` and `version` are set from the URL. 422 DEFINITION_INVALID lists every bad field ' +
    'by path (`stages.investigation.deadline.workingDays`); 409 when the version is published or retired (it never changes).',
  request: { params: versionParamsSchema, body: { required: true, content: json(contentSchema) } },
  responses: { 200: { description: 'The draft as stored', content: json(versionSchema) }, ...errorResponses(400, 401, 403, 404, 409, 413, 422) },
});

export const deleteDraftRoute = createRoute({
  ...writer,
  method: 'delete',
  path: '/{id}/versions/{version}',
  middleware: [access('DELETE /v1/process-definitions/{id}/versions/{version}')] as const,
  summary: 'Discard a draft',
  description: '409 when the version is published or retired.',
  request: { params: versionParamsSchema },
  responses: { 204: { description: 'Discarded' }, ...errorResponses(400, 401, 403, 404, 409) },
});

export const validateRoute = createRoute({
  ...writer,
  method: 'post',
  path: '/{id}/versions/{version}/validate',
  middleware: [access('POST /v1/process-definitions/{id}/versions/{version}/validate')] as const,
  summary: 'Validate a content without saving it',
  description:
    'With a JSON body: that content as this version would be stored (the version need not exist). Without a body: the stored ' +
    'content of the version. Answers 200 with every issue, by path; nothing is saved.',
  request: { params: versionParamsSchema, body: { required: false, content: json(contentSchema) } },
  responses: { 200: { description: 'The issues, if any', content: json(validationReportSchema) }, ...errorResponses(400, 401, 403, 404, 413) },
});

export const publishRoute = createRoute({
  ...writer,
  method: 'post',
  path: '/{id}/versions/{version}/publish',
  middleware: [access('POST /v1/process-definitions/{id}/versions/{version}/publish')] as const,
  summary: 'Publish a draft',
  description:
    'From then on the version never changes, and new complaints the selection rules send to this definition are pinned to it; ' +
    'complaints already running keep their version. 409 when the version is not a draft; 422 DEFINITION_INVALID with every ' +
    'bad field when its content does not validate.',
  request: { params: versionParamsSchema, body: { required: true, content: json(publishBodySchema) } },
  responses: { 200: { description: 'The published version', content: json(versionSchema) }, ...errorResponses(400, 401, 403, 404, 409, 413, 422) },
});

export const retireRoute = createRoute({
  ...writer,
  method: 'post',
  path: '/{id}/versions/{version}/retire',
  middleware: [access('POST /v1/process-definitions/{id}/versions/{version}/retire')] as const,
  summary: 'Retire a published version',
  description:
    'No new complaint is pinned to it; complaints running on it keep it. 409 when it is not published, or when it is the last ' +
    'published version of a definition the selection rules name (`details.namedAt`).',
  request: { params: versionParamsSchema },
  responses: { 200: { description: 'The retired version', content: json(versionSchema) }, ...errorResponses(400, 401, 403, 404, 409) },
});

export const diffRoute = createRoute({
  ...reader,
  method: 'get',
  path: '/{id}/diff',
  middleware: [access('GET /v1/process-definitions/{id}/diff')] as const,
  summary: 'Compare two versions field by field',
  description: 'Every field that differs, by path, with both values and a sentence saying what changes (`lang`: en or tr).',
  request: { params: definitionIdParamSchema, query: diffQuerySchema },
  responses: { 200: { description: 'The changes', content: json(diffSchema) }, ...errorResponses(400, 401, 403, 404) },
});

export const diagramRoute = createRoute({
  ...reader,
  method: 'get',
  path: '/{id}/versions/{version}/diagram',
  middleware: [access('GET /v1/process-definitions/{id}/versions/{version}/diagram')] as const,
  summary: 'The version as a Mermaid flowchart',
  description:
    'Stages with their deadlines and warnings, every acceptance round, what an unanswered proposal or question leads to, and ' +
    'the external remedies. 422 DEFINITION_INVALID when the content does not validate.',
  request: { params: versionParamsSchema, query: languageQuerySchema },
  responses: { 200: { description: 'The diagram', content: json(diagramSchema) }, ...errorResponses(400, 401, 403, 404, 422) },
});

export const getSelectionRoute = createRoute({
  ...reader,
  method: 'get',
  path: '/',
  middleware: [access('GET /v1/process-definitions/selection-rules', 'GET /v1/process-selection')] as const,
  summary: 'The selection rules in force',
  description:
    'Which definition a new complaint is filed under: the first rule whose conditions all hold, else the default. ' +
    'The `ETag` is the revision: send it as `If-Match` with a change so that one made meanwhile is not overwritten.',
  responses: {
    200: { description: 'The latest revision', headers: SELECTION_ETAG, content: json(selectionRevisionSchema) },
    ...errorResponses(401, 403),
  },
});

export const replaceSelectionRoute = createRoute({
  ...writer,
  method: 'put',
  path: '/',
  middleware: [access('PUT /v1/process-definitions/selection-rules', 'PUT /v1/process-selection')] as const,
  summary: 'Replace the selection rules',
  description:
    'Recorded as a new revision (who, when, why). 422 names every rule whose definition does not exist or has no published version. ' +
    '`If-Match: "<revision>"` (the ETag read) makes the change conditional: when the rules have a newer revision by then, ' +
    '412 PRECONDITION_FAILED (`details.revision` is the one in force) and nothing changes.',
  request: {
    headers: z.object({
      'if-match': ifMatchHeader('the selection rules', '"4"', 'The `ETag` last read: refuse the change (412) if the rules changed since'),
    }),
    body: { required: true, content: json(selectionBodySchema) },
  },
  responses: {
    200: { description: 'The new revision', headers: SELECTION_ETAG, content: json(selectionRevisionSchema) },
    ...errorResponses(400, 401, 403, 413, 422),
    412: { ...errorResponses(412)[412]!, description: 'The rules changed since the `ETag` sent as `If-Match`: read them again' },
  },
});

export const selectionHistoryRoute = createRoute({
  ...reader,
  method: 'get',
  path: '/revisions',
  middleware: [access('GET /v1/process-definitions/selection-rules/revisions', 'GET /v1/process-selection/revisions')] as const,
  summary: 'Every revision of the selection rules, newest first',
  responses: { 200: { description: 'The revisions', content: json(selectionHistorySchema) }, ...errorResponses(401, 403) },
});
