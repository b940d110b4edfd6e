// The satisfaction survey after closure (ISO 10004): the reducer asks for it after the closures
// the pinned definition names, with the survey link's lifetime from the same policy; the workflow
// issues the link (patch `satisfaction-survey`) and the closure message carries it.
import type { ProcessDefinition, SurveyPolicy } from '../process-definition.js';

/**
 * What the code did before the survey was part of the definition: ask after a closure the customer
 * took part in (accepted, deemed accepted, an external body's decision); the invitation stays open
 * 30 calendar days, as long as a customer's answer link by default (`SIGNED_LINK_TTL_DAYS`).
 */
export const DEFAULT_SURVEY_POLICY: SurveyPolicy = {
  lifetime: { calendarDays: 30 },
  afterClosures: ['accepted', 'deemed_accepted', 'external_decision'],
};

/** The pinned definition's survey policy, else the code default. */
export function surveyPolicy(definition: ProcessDefinition): SurveyPolicy {
  return definition.survey ?? DEFAULT_SURVEY_POLICY;
}
