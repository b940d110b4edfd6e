// Which definition a new complaint is filed under, as data: the first rule whose conditions all
// hold picks its definition; when none does, the default. Intake then pins that definition's
// latest published version. That the named definitions exist and have a published version is
// checked where they are stored (read-model/process-definitions.ts), under the same lock as retiring.
import { z } from 'zod';
import { CHANNELS, type Channel } from '../complaint.js';
import { DEFINITION_ID_MAX_LENGTH, DEFINITION_ID_PATTERN } from './versions.js';

const definitionIdSchema = z.string().regex(DEFINITION_ID_PATTERN, 'expected a kebab-case definition id').max(DEFINITION_ID_MAX_LENGTH);
const countryCodeSchema = z.string().regex(/^[A-Z]{2}$/, 'expected an ISO 3166 alpha-2 code like TR');

/** Conditions of one rule; each given list must contain the complaint's value, all must hold. */
export const selectionConditionSchema = z
  .strictObject({
    /** The customer's country (`customer.country`); a complaint without one matches no country list. */
    country: z.array(countryCodeSchema).min(1).max(250).optional(),
    /** The intake channel. */
    channel: z.array(z.enum(CHANNELS)).min(1).max(CHANNELS.length).optional(),
  })
  .refine((when) => when.country !== undefined || when.channel !== undefined, {
    message: 'needs at least one condition (country or channel); for every complaint, set defaultDefinitionId',
  })
  // The document states the refinement: of its two optional fields, one at least.
  .meta({ minProperties: 1 });

export const selectionRuleSchema = z.strictObject({
  when: selectionConditionSchema,
  definitionId: definitionIdSchema,
});

export const processSelectionSchema = z.strictObject({
  /** Tried in order: the first that matches picks the definition. */
  rules: z.array(selectionRuleSchema).max(100),
  /** For complaints no rule matches. */
  defaultDefinitionId: definitionIdSchema,
});

export type SelectionRule = z.infer<typeof selectionRuleSchema>;
export type ProcessSelection = z.infer<typeof processSelectionSchema>;

/** What the rules look at in a new complaint. */
export interface SelectionFacts {
  channel: Channel;
  country?: string | undefined;
}

/** The definition id the rules pick for a complaint: the first matching rule's, else the default. */
export function selectDefinitionId(selection: ProcessSelection, facts: SelectionFacts): string {
  const rule = selection.rules.find(({ when }) => matches(when.country, facts.country) && matches(when.channel, facts.channel));
  return rule?.definitionId ?? selection.defaultDefinitionId;
}

function matches<T extends string>(allowed: readonly T[] | undefined, value: T | undefined): boolean {
  return allowed === undefined || (value !== undefined && allowed.includes(value));
}

/** Where the selection names `definitionId`: `rules.2.definitionId`, `defaultDefinitionId`. */
export function pathsNaming(selection: ProcessSelection, definitionId: string): string[] {
  const paths = selection.rules.flatMap((rule, i) => (rule.definitionId === definitionId ? [`rules.${i}.definitionId`] : []));
  if (selection.defaultDefinitionId === definitionId) paths.push('defaultDefinitionId');
  return paths;
}
