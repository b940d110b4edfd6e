// The process definition as a versioned document. Process owners edit it; intake pins a snapshot
// into each workflow, which interprets it. Plain zod, no transforms: input type = output type, so
// the parsed value crosses Temporal boundaries as it is.
//
// Parts added after complaints were already pinned (`infoRequest`, `survey`, `routing`,
// `decisionRoles`) are optional: an older snapshot parses, and without them the reducer behaves
// as it did before they existed (domain/lifecycle reads each through a function with the code
// default). The shipped definition (config/default-process.ts) states every part explicitly.
import { z } from 'zod';
import { businessDurationSchema } from './business-duration.js';
import { listCalendars } from './calendar/registry.js';
import { CLOSURES, DECISION_TYPES, ROLES } from './complaint.js';
import { nonBlankText } from './complaint-schemas.js';
import type { FieldIssue } from './errors.js';
import {
  checkDecisionRoles,
  checkExternalRemedies,
  checkRemediesForCalendarCountry,
  checkRouting,
  checkStages,
  checkSurvey,
} from './process-definition-checks.js';
import { readableIssues, readableMessage } from './schema-issues.js';
import { escalationPolicySchema } from './sla/escalation.js';

const countryCodeSchema = z.string().regex(/^[A-Z]{2}$/, 'expected an ISO 3166 alpha-2 code like TR');
const localeSchema = z
  .string()
  .regex(/^[a-z]{2,3}(-[A-Z]{2})?$/, 'expected a language tag like tr or tr-TR');
const CALENDAR_ID = /^[A-Z]{2}(-[A-Za-z0-9]{1,20})?$/;

/** A share of a span of business time, strictly between 0 and 1 (0.75 = three quarters in). */
const shareSchema = z
  .number()
  .gt(0, 'must be more than 0: a share of the time allowed, like 0.75 for three quarters in')
  .lt(1, 'must be less than 1: a share of the time allowed, like 0.75 for three quarters in');

/** A timed stage: its deadline, when to warn, whom to escalate to. */
export const stageDefinitionSchema = z.strictObject({
  deadline: businessDurationSchema,
  warnAtShare: shareSchema,
  escalation: escalationPolicySchema,
});

/**
 * The conclusion (deciding and notifying) has no clock of its own: nothing observable marks the end
 * of an investigation, only the proposal does. Its deadline is added to the investigation and
 * reinvestigation deadlines (same unit), whose warning and escalation apply; so it has a deadline only.
 */
export const conclusionStageSchema = z.strictObject({ deadline: businessDurationSchema });

export const stagesSchema = z
  .strictObject({
    acknowledgement: stageDefinitionSchema,
    initialReview: stageDefinitionSchema,
    investigation: stageDefinitionSchema,
    conclusion: conclusionStageSchema,
    reinvestigation: stageDefinitionSchema,
  })
  .superRefine(checkStages);

export const acceptanceSchema = z.strictObject({
  /** Proposal rounds before the complaint goes `open_external` (the seeds: 2). */
  rounds: z.number().int().min(1).max(5),
  answerDeadline: businessDurationSchema,
  /** Share of `answerDeadline` after which the customer is reminded once. */
  reminderAtShare: shareSchema,
  /** When the customer does not answer in time: close as deemed accepted, or keep waiting. */
  noAnswer: z.enum(['deemed_accepted', 'stay_open']),
});

/**
 * An information request's own deadline: the customer is reminded at `reminderAtShare`, staff are
 * alerted at `answerDeadline`, and then the complaint resumes its stage clock (back to the status it
 * came from) or closes as `no_response`. Absent (definitions pinned before it existed): the
 * request waits for the answer without a deadline.
 */
export const infoRequestSchema = z.strictObject({
  answerDeadline: businessDurationSchema,
  reminderAtShare: shareSchema,
  onNoAnswer: z.enum(['resume', 'close_no_response']),
});

/**
 * How long a survey link stays open: calendar days (the customer answers in their own time,
 * weekends included) or working days of the process's calendar (counted like a deadline).
 * Exactly one of the two.
 */
export const surveyLifetimeSchema = z.union(
  [
    z.strictObject({ calendarDays: z.number().int().min(1).max(365) }),
    z.strictObject({ workingDays: z.number().int().min(1).max(250) }),
  ],
  {
    // Only when neither option fits; a value in a known unit is reported at that unit's key.
    error: (issue) =>
      typeof issue.input === 'object' && issue.input !== null && 'calendarDays' in issue.input && 'workingDays' in issue.input
        ? 'give either calendarDays or workingDays, not both'
        : 'expected a lifetime: { "calendarDays": n } or { "workingDays": n }',
  },
);

/**
 * The satisfaction survey after closure (ISO 10004): after which closures the customer is asked,
 * and how long the survey link stays open (`surveyLifetimeSchema`). Absent:
 * domain/lifecycle/survey.ts `DEFAULT_SURVEY_POLICY`.
 */
export const surveySchema = z
  .strictObject({
    lifetime: surveyLifetimeSchema,
    afterClosures: z
      .array(z.enum(CLOSURES, { error: `unknown closure; closures are ${CLOSURES.join(', ')}` }))
      .max(CLOSURES.length),
  })
  .superRefine(checkSurvey);

/**
 * Retention of personal data (KVKK, GDPR): how long after closure a complaint's personal data is
 * kept before the daily retention run erases it (reports keep their numbers). Absent: kept.
 * The months are counted from the closure instant in calendar months (PostgreSQL `make_interval`).
 */
export const retentionSchema = z.strictObject({
  erasePersonalDataAfterClosureMonths: z
    .number()
    .int()
    .min(1)
    .max(1_200)
    .meta({ description: 'Calendar months after closure; 1–1200', example: 24 }),
});

const routingIdSchema = z
  .string()
  .regex(/^[a-z][a-z0-9_-]*$/, 'expected an id of lower-case letters, digits, _ and -, like washing-machines')
  .max(60);

/** A department that complaints are routed to, with its teams (any team when `teams` is absent). */
export const departmentSchema = z.strictObject({
  id: nonBlankText(100),
  teams: z.array(nonBlankText(100)).max(100).optional(),
});

/**
 * One routing rule: a complaint classified with this category and/or product (exact values; a
 * rule without conditions matches every complaint) goes to this department and, if named, team.
 */
export const routingRuleSchema = z.strictObject({
  /** Stable id, recorded in the classification of each complaint the rule routed. */
  id: routingIdSchema,
  when: z.strictObject({ category: nonBlankText(100).optional(), product: nonBlankText(200).optional() }),
  department: nonBlankText(100),
  team: nonBlankText(100).optional(),
});

/**
 * Routing at classification: a `classify` decision without a department takes the first rule that
 * matches. A decision that names a department keeps it (no rule applies). When `departments` is
 * listed, rules and decisions may name only those.
 */
export const routingSchema = z
  .strictObject({
    departments: z.array(departmentSchema).max(200).optional(),
    rules: z.array(routingRuleSchema).max(500),
  })
  .superRefine(checkRouting);

/**
 * Which role may take which decision. A role left out takes none. Absent: the code default
 * (domain/complaint.ts `DECISIONS_BY_ROLE`), which the shipped definition states explicitly.
 */
export const decisionRolesSchema = z
  .partialRecord(
    z.enum(ROLES),
    z
      .array(z.enum(DECISION_TYPES, { error: `unknown decision; decisions are ${DECISION_TYPES.join(', ')}` }))
      .max(100),
    // An unknown key of a record with enum keys is reported as unrecognized (not in zod's types).
    { error: (issue) => ((issue.code as string) === 'unrecognized_keys' ? `unknown role; roles are ${ROLES.join(', ')}` : undefined) },
  )
  .superRefine(checkDecisionRoles);

const remedyTextSchema = z.strictObject({
  name: z.string().trim().min(1).max(200),
  description: z.string().trim().min(1).max(2_000),
});

/** One external remedy (arbitration committee, court, ombudsman) with its texts per locale. */
export const externalRemedySchema = z.strictObject({
  id: z.string().regex(/^[a-z][a-z0-9_]*$/, 'expected a snake_case id like consumer_court').max(60),
  url: z.url({ protocol: /^https$/ }).optional(),
  texts: z.record(localeSchema, remedyTextSchema),
});

export const externalRemediesSchema = z
  .strictObject({
    /** Every remedy has a text in this locale; customers in other languages get it. */
    fallbackLocale: localeSchema,
    /** Remedies per customer country. */
    byCountry: z.record(countryCodeSchema, z.array(externalRemedySchema).min(1).max(20)),
    /** For countries without an entry, e.g. ISO 10003 external dispute resolution. */
    default: z.array(externalRemedySchema).min(1).max(20).optional(),
  })
  .superRefine(checkExternalRemedies);

export const processDefinitionSchema = z
  .strictObject({
    id: z.string().regex(/^[a-z][a-z0-9-]*$/, 'expected a kebab-case id like iso-10002-default').max(60),
    version: z.number().int().min(1),
    /** The business calendar deadlines are counted in; starts with the country code (`TR`). */
    calendarId: z.string().regex(CALENDAR_ID, 'expected a calendar id like TR'),
    stages: stagesSchema,
    acceptance: acceptanceSchema,
    infoRequest: infoRequestSchema.optional(),
    /** Tell a waiting customer how things stand after this much business time without news. */
    progressUpdateEvery: businessDurationSchema,
    survey: surveySchema.optional(),
    routing: routingSchema.optional(),
    decisionRoles: decisionRolesSchema.optional(),
    externalRemedies: externalRemediesSchema,
    retention: retentionSchema.optional(),
  })
  .superRefine(checkRemediesForCalendarCountry);

export type StageDefinition = z.infer<typeof stageDefinitionSchema>;
export type AcceptancePolicy = z.infer<typeof acceptanceSchema>;
export type InfoRequestPolicy = z.infer<typeof infoRequestSchema>;
export type SurveyPolicy = z.infer<typeof surveySchema>;
export type SurveyLifetime = z.infer<typeof surveyLifetimeSchema>;
export type RetentionPolicy = z.infer<typeof retentionSchema>;
export type Department = z.infer<typeof departmentSchema>;
export type RoutingRule = z.infer<typeof routingRuleSchema>;
export type RoutingPolicy = z.infer<typeof routingSchema>;
export type DecisionRoles = z.infer<typeof decisionRolesSchema>;
export type ExternalRemedy = z.infer<typeof externalRemedySchema>;
export type ExternalRemedies = z.infer<typeof externalRemediesSchema>;
export type ProcessDefinition = z.infer<typeof processDefinitionSchema>;

/** What a workflow is started with and keeps: the version id and its content, pinned by value. */
export interface ProcessDefinitionSnapshot {
  /** `${id}@${version}`. */
  versionId: string;
  definition: ProcessDefinition;
  /** SHA-256 (hex) of the content's canonical JSON; absent on complaints filed before definitions were stored. */
  contentHash?: string;
}

export type ProcessDefinitionValidation =
  | { ok: true; definition: ProcessDefinition }
  | { ok: false; issues: FieldIssue[] };

/**
 * Validates a definition a process owner wrote: its shape, its cross-field rules, and that its
 * calendar exists. Every problem comes back at once, at the exact path of the field to fix
 * (`stages.investigation.deadline.workingDays: must be ≥ 1`, `externalRemedies.byCountry.TR.0.id`).
 */
export function validateProcessDefinition(
  input: unknown,
  options: { calendarIds?: readonly string[] } = {},
): ProcessDefinitionValidation {
  const result = processDefinitionSchema.safeParse(input, { error: readableMessage });
  const issues = result.success ? [] : firstPerPath(readableIssues(result.error.issues));
  const calendarIssue = unknownCalendar(input, options.calendarIds ?? listCalendars().map((c) => c.id));
  if (calendarIssue) issues.push(calendarIssue);
  return result.success && issues.length === 0 ? { ok: true, definition: result.data } : { ok: false, issues };
}

/** Checked beside the schema, not in it: which calendars exist is the deployment's, not the document's. */
function unknownCalendar(input: unknown, calendarIds: readonly string[]): FieldIssue | undefined {
  const calendarId = typeof input === 'object' && input !== null ? (input as { calendarId?: unknown }).calendarId : undefined;
  if (typeof calendarId !== 'string' || !CALENDAR_ID.test(calendarId) || calendarIds.includes(calendarId)) return undefined;
  return { path: 'calendarId', message: `no calendar "${calendarId}"; the calendars are ${calendarIds.join(', ')}` };
}

/** One message per field, the first found (a blank text is both empty and blank: say it once). */
function firstPerPath(issues: FieldIssue[]): FieldIssue[] {
  const seen = new Set<string>();
  return issues.filter((issue) => !seen.has(issue.path) && Boolean(seen.add(issue.path)));
}
