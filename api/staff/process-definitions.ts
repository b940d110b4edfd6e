// /v1/process-definitions: process owners change the process as versioned data (draft → published
// → retired), compare versions and look at them as a diagram; /v1/process-selection: which
// definition a new complaint is filed under. Routes are in process-definitions.routes.ts.
import { OpenAPIHono } from '@hono/zod-openapi';
import type { Context } from 'hono';
import type { Sql } from 'postgres';
import type { FieldIssue } from '../../domain/errors.js';
import { validateProcessDefinition, type ProcessDefinition } from '../../domain/process-definition.js';
import { answerDeadlines, lifetimeYears, linkLifetimeIssues } from '../../config/link-lifetime.js';
import type { BusinessDuration } from '../../domain/business-duration.js';
import { CalendarRangeError, type Calendar } from '../../domain/calendar/index.js';
import { CALENDAR_YEAR_LIMITS } from '../../domain/calendar/registry.js';
import type { CalendarResolver } from '../../read-model/calendar-resolver.js';
import { processDiagram } from '../../domain/process-definitions/diagram.js';
import { diffDefinitions } from '../../domain/process-definitions/diff.js';
import { withIdentity } from '../../domain/process-definitions/versions.js';
import {
  createDefinition,
  createDraft,
  deleteDraft,
  findDefinition,
  findVersion,
  listDefinitions,
  publishDraft,
  replaceDraft,
  retireVersion,
} from '../../read-model/process-definitions.js';
import { currentSelection, replaceSelection, selectionHistory, type SelectionRevision } from '../../read-model/process-selection.js';
import { languageOf, type Language } from '../../texts/languages.js';
import { describeChange, diagramWords } from '../../texts/process-definitions.js';
import type { AppEnv } from '../http/app-env.js';
import { DomainError } from '../../domain/errors.js';
import { validationHook } from '../http/validation.js';
import * as routes from './process-definitions.routes.js';
import {
  definitionListSchema,
  definitionSchema,
  diagramSchema,
  diffSchema,
  selectionHistorySchema,
  selectionRevisionSchema,
  validationReportSchema,
  versionSchema,
} from './process-definitions.schemas.js';
import { responseBody } from '../http/response-body.js';

export interface ProcessDefinitionDeps {
  sql: Sql;
  /** The calendars a definition may name (default: the shipped ones). */
  calendarIds?: readonly string[];
  /** Answer links' lifetime, and the calendars to measure it on: a version whose answer deadlines can outlast it is not published. */
  linkLifetime?: { linkTtlDays: number; calendars: CalendarResolver };
}

export function processDefinitionRoutes(deps: ProcessDefinitionDeps) {
  const { sql } = deps;
  const contentIssues = (content: Record<string, unknown>) => issuesOf(content, deps.calendarIds);
  // What publishing checks: the content, then that customers' answer links outlive its answer deadlines.
  const publishIssues = async (content: Record<string, unknown>) => {
    const issues = contentIssues(content);
    if (issues.length > 0 || !deps.linkLifetime) return issues;
    return linkLifetimeIssuesOf(content as unknown as ProcessDefinition, deps.linkLifetime);
  };
  const validContent = (content: Record<string, unknown>, id: string, version: number) => {
    const identified = withIdentity(content, id, version);
    const issues = contentIssues(identified);
    // The document shows content as an object: what its schema refuses is a 422, as at publish.
    if (issues.length > 0) {
      const n = issues.length;
      throw new DomainError('DEFINITION_INVALID', `The content has ${n} invalid field${n === 1 ? '' : 's'}`, issues);
    }
    return identified;
  };
  return new OpenAPIHono<AppEnv>({ defaultHook: validationHook })
    .openapi(routes.listRoute, async (c) => c.json(responseBody(definitionListSchema, { definitions: await listDefinitions(sql) }), 200))
    .openapi(routes.createDefinitionRoute, async (c) => {
      const { id, from, content } = c.req.valid('json');
      const source = from ? (await findVersion(sql, from.definitionId, from.version)).content : validContent(content!, id, 1);
      const created = await createDefinition(sql, { id, content: source, author: actorOf(c), ...(from ? { basedOn: from } : {}) });
      c.header('Location', `/v1/process-definitions/${id}/versions/1`);
      return c.json(responseBody(versionSchema, created), 201);
    })
    .openapi(routes.getDefinitionRoute, async (c) => c.json(responseBody(definitionSchema, await findDefinition(sql, c.req.valid('param').id)), 200))
    .openapi(routes.createDraftRoute, async (c) => {
      const { id } = c.req.valid('param');
      const draft = await createDraft(sql, id, { from: c.req.valid('json').from, author: actorOf(c) });
      c.header('Location', `/v1/process-definitions/${id}/versions/${draft.version}`);
      return c.json(responseBody(versionSchema, draft), 201);
    })
    .openapi(routes.getVersionRoute, async (c) => {
      const { id, version } = c.req.valid('param');
      return c.json(responseBody(versionSchema, await findVersion(sql, id, version)), 200);
    })
    .openapi(routes.replaceDraftRoute, async (c) => {
      const { id, version } = c.req.valid('param');
      const content = validContent(c.req.valid('json'), id, version);
      return c.json(responseBody(versionSchema, await replaceDraft(sql, id, version, content, actorOf(c))), 200);
    })
    .openapi(routes.deleteDraftRoute, async (c) => {
      const { id, version } = c.req.valid('param');
      await deleteDraft(sql, id, version);
      return c.body(null, 204);
    })
    .openapi(routes.validateRoute, async (c) => {
      const { id, version } = c.req.valid('param');
      // Without a body (no content type), the stored content is checked.
      const sent = c.req.header('content-type') !== undefined;
      const content = sent ? c.req.valid('json') : (await findVersion(sql, id, version)).content;
      // Everything publishing would refuse, so a draft that validates publishes.
      const issues = await publishIssues(withIdentity(content, id, version));
      return c.json(responseBody(validationReportSchema, { valid: issues.length === 0, issues }), 200);
    })
    .openapi(routes.publishRoute, async (c) => {
      const { id, version } = c.req.valid('param');
      const { changeNote } = c.req.valid('json');
      const published = await publishDraft(sql, id, version, { by: actorOf(c), changeNote, validate: publishIssues });
      return c.json(responseBody(versionSchema, published), 200);
    })
    .openapi(routes.retireRoute, async (c) => {
      const { id, version } = c.req.valid('param');
      return c.json(responseBody(versionSchema, await retireVersion(sql, id, version, actorOf(c))), 200);
    })
    .openapi(routes.diffRoute, async (c) => {
      const { id } = c.req.valid('param');
      const query = c.req.valid('query');
      const [from, to] = await Promise.all([findVersion(sql, id, query.from), findVersion(sql, id, query.to)]);
      const language = languageOfRequest(c, query.lang);
      const changes = diffDefinitions(from.content, to.content).map((change) => ({ ...change, sentence: describeChange(change, language) }));
      const body = { definitionId: id, from: { version: from.version, contentHash: from.contentHash }, to: { version: to.version, contentHash: to.contentHash }, changes };
      return c.json(responseBody(diffSchema, body), 200);
    })
    .openapi(routes.diagramRoute, async (c) => {
      const { id, version } = c.req.valid('param');
      const checked = validateProcessDefinition((await findVersion(sql, id, version)).content, { calendarIds: deps.calendarIds });
      if (!checked.ok) throw new DomainError('DEFINITION_INVALID', `${id}@${version} does not validate, so it cannot be drawn`, checked.issues);
      const mermaid = processDiagram(checked.definition, diagramWords(languageOfRequest(c, c.req.valid('query').lang)));
      return c.json(responseBody(diagramSchema, { definitionId: id, version, mermaid }), 200);
    });
}

export function processSelectionRoutes(deps: { sql: Sql }) {
  const { sql } = deps;
  return new OpenAPIHono<AppEnv>({ defaultHook: validationHook })
    .openapi(routes.getSelectionRoute, async (c) => {
      const revision = await currentSelection(sql);
      c.header('ETag', `"${revision.revision}"`);
      return c.json(responseBody(selectionRevisionSchema, revisionBody(revision)), 200);
    })
    .openapi(routes.selectionHistoryRoute, async (c) => {
      const revisions = (await selectionHistory(sql)).map(revisionBody);
      return c.json(responseBody(selectionHistorySchema, { revisions }), 200);
    })
    .openapi(routes.replaceSelectionRoute, async (c) => {
      const { note, ...selection } = c.req.valid('json');
      const expected = c.req.valid('header')['if-match']?.match(/"(\d+)"/)?.[1];
      const revision = await replaceSelection(sql, selection, { by: actorOf(c), note, ...(expected ? { expectedRevision: Number(expected) } : {}) });
      c.header('ETag', `"${revision.revision}"`);
      return c.json(responseBody(selectionRevisionSchema, revisionBody(revision)), 200);
    });
}

/**
 * The answer deadlines of `definition` a customer's link cannot cover, measured over the coming year
 * on its calendar (overrides in force). A deadline longer than the calendar's years is one too.
 */
async function linkLifetimeIssuesOf(
  definition: ProcessDefinition,
  { linkTtlDays, calendars }: NonNullable<ProcessDefinitionDeps['linkLifetime']>,
): Promise<FieldIssue[]> {
  const from = new Date();
  const byDuration = new Map<string, Calendar>();
  const outOfRange: FieldIssue[] = [];
  for (const { path, duration } of answerDeadlines(definition)) {
    const years = lifetimeYears(from, duration);
    if (years.to > CALENDAR_YEAR_LIMITS.max) {
      outOfRange.push({ path, message: `reaches past ${CALENDAR_YEAR_LIMITS.max}, beyond the calendars' years and any answer link's life` });
      continue;
    }
    byDuration.set(JSON.stringify(duration), (await calendars.forYears(definition.calendarId, years)).calendar);
  }
  if (outOfRange.length > 0) return outOfRange;
  const calendarFor = (_id: string, _from: Date, duration: BusinessDuration) => byDuration.get(JSON.stringify(duration))!;
  try {
    return linkLifetimeIssues({ linkTtlDays, definition, from, calendarFor });
  } catch (err) {
    if (!(err instanceof CalendarRangeError)) throw err;
    // Only a deadline of years runs off the calendar built for it: far longer than any link lives.
    return answerDeadlines(definition).map(({ path }) => ({ path, message: `can take longer than the calendar's years, far beyond an answer link's life (SIGNED_LINK_TTL_DAYS=${linkTtlDays})` }));
  }
}

/** The issues of a content under today's schema and calendars, by path (`stages.investigation.deadline.workingDays`). */
function issuesOf(content: Record<string, unknown>, calendarIds: readonly string[] | undefined): FieldIssue[] {
  const checked = validateProcessDefinition(content, calendarIds ? { calendarIds } : {});
  return checked.ok ? [] : checked.issues;
}

function revisionBody(revision: SelectionRevision) {
  const { selection, ...rest } = revision;
  return { ...rest, rules: selection.rules, defaultDefinitionId: selection.defaultDefinitionId };
}

/** Who is writing (the route's role check has admitted a staff actor). */
function actorOf(c: Context<AppEnv>): string {
  return c.get('actor')!.id;
}

/** `lang`, else the first language of Accept-Language, else English. */
function languageOfRequest(c: Context<AppEnv>, lang: Language | undefined): Language {
  if (lang) return lang;
  const first = c.req.header('accept-language')?.split(',')[0]?.split(';')[0]?.trim();
  return languageOf(first || 'en');
}
