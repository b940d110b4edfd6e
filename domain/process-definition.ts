// The process definition as a versioned document. Process owners edit it; intake pins a snapshot
// into each workflow, which interprets it. Plain zod, no transforms: input type = output type, so
// the parsed value crosses Temporal boundaries as it is.
import { z } from 'zod';
import { businessDurationSchema } from './business-duration.js';
import { escalationPolicySchema } from './sla/escalation.js';

const countryCodeSchema = z.string().regex(/^[A-Z]{2}$/, 'expected an ISO 3166 alpha-2 code like TR');
const localeSchema = z
  .string()
  .regex(/^[a-z]{2,3}(-[A-Z]{2})?$/, 'expected a language tag like tr or tr-TR');

/** A share of a stage's business time, strictly between 0 and 1 (0.75 = three quarters in). */
const shareSchema = z.number().gt(0, 'must be more than 0').lt(1, 'must be less than 1');

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
 * came from) or closes as `no_response`.
 */
export const infoRequestSchema = z.strictObject({
  answerDeadline: businessDurationSchema,
  reminderAtShare: shareSchema,
  onNoAnswer: z.enum(['resume', 'close_no_response']),
});

const remedyTextSchema = z.strictObject({
  name: z.string().trim().min(1).max(200),
  description: z.string().trim().min(1).max(2_000),
});

/** One external remedy (arbitration committee, court, ombudsman) with its texts per locale. */
export const externalRemedySchema = z.strictObject({
  id: z.string().regex(/^[a-z][a-z0-9_]*$/, 'expected a snake_case id').max(60),
  url: z.url({ protocol: /^https$/ }).optional(),
  texts: z.record(localeSchema, remedyTextSchema),
});

export const externalRemediesSchema = z.strictObject({
  /** Every remedy has a text in this locale; customers in other languages get it. */
  fallbackLocale: localeSchema,
  /** Remedies per customer country. */
  byCountry: z.record(countryCodeSchema, z.array(externalRemedySchema).min(1).max(20)),
  /** For countries without an entry, e.g. ISO 10003 external dispute resolution. */
  default: z.array(externalRemedySchema).min(1).max(20).optional(),
});

export const processDefinitionSchema = z
  .strictObject({
    id: z.string().regex(/^[a-z][a-z0-9-]*$/, 'expected a kebab-case id').max(60),
    version: z.number().int().positive(),
    /** The business calendar deadlines are counted in; starts with the country code (`TR`). */
    calendarId: z.string().regex(/^[A-Z]{2}(-[A-Za-z0-9]{1,20})?$/, 'expected a calendar id like TR'),
    stages: z.strictObject({
      acknowledgement: stageDefinitionSchema,
      initialReview: stageDefinitionSchema,
      investigation: stageDefinitionSchema,
      conclusion: conclusionStageSchema,
      reinvestigation: stageDefinitionSchema,
    }),
    acceptance: acceptanceSchema,
    infoRequest: infoRequestSchema,
    /** Tell a waiting customer how things stand after this much business time without news. */
    progressUpdateEvery: businessDurationSchema,
    externalRemedies: externalRemediesSchema,
  })
  .superRefine((definition, ctx) => {
    const { stages, externalRemedies } = definition;
    const unitOf = (d: { workingDays: number } | { workingHours: number }) =>
      'workingDays' in d ? 'workingDays' : 'workingHours';
    const conclusionUnit = unitOf(stages.conclusion.deadline);
    const otherUnit = (['investigation', 'reinvestigation'] as const).filter(
      (stage) => unitOf(stages[stage].deadline) !== conclusionUnit,
    );
    if (otherUnit.length > 0) {
      ctx.addIssue({
        code: 'custom',
        path: ['stages', 'conclusion', 'deadline'],
        message: `must be in the same unit as the ${otherUnit.join(' and ')} deadline, to which it is added`,
      });
    }
    const calendarCountry = definition.calendarId.slice(0, 2);
    if (!externalRemedies.byCountry[calendarCountry] && !externalRemedies.default) {
      ctx.addIssue({
        code: 'custom',
        path: ['externalRemedies', 'byCountry', calendarCountry],
        message: `needs remedies for the calendar's country ${calendarCountry} or a default list`,
      });
    }
    const lists: [path: (string | number)[], remedies: ExternalRemedy[]][] = [
      ...Object.entries(externalRemedies.byCountry).map(
        ([country, remedies]): [(string | number)[], ExternalRemedy[]] => [
          ['externalRemedies', 'byCountry', country],
          remedies,
        ],
      ),
    ];
    if (externalRemedies.default) lists.push([['externalRemedies', 'default'], externalRemedies.default]);
    for (const [path, remedies] of lists) {
      const seen = new Set<string>();
      remedies.forEach((remedy, i) => {
        if (seen.has(remedy.id)) {
          ctx.addIssue({ code: 'custom', path: [...path, i, 'id'], message: `duplicate remedy id "${remedy.id}"` });
        }
        seen.add(remedy.id);
        if (!remedy.texts[externalRemedies.fallbackLocale]) {
          ctx.addIssue({
            code: 'custom',
            path: [...path, i, 'texts', externalRemedies.fallbackLocale],
            message: `needs a text in the fallback locale ${externalRemedies.fallbackLocale}`,
          });
        }
      });
    }
  });

export type StageDefinition = z.infer<typeof stageDefinitionSchema>;
export type AcceptancePolicy = z.infer<typeof acceptanceSchema>;
export type InfoRequestPolicy = z.infer<typeof infoRequestSchema>;
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
