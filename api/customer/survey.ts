// The satisfaction survey's use cases, shared by the JSON route (POST /v1/surveys/{token}) and the
// page (/s/{token}). The order is the answer links' (links.ts): the HMAC and expiry first, then the
// link's row; then the complaint's one answer. The answer is not sent to the workflow: the complaint
// is closed and its workflow has ended, so the answer is a row of its own (read-model/survey-answers.ts).
import { z } from '@hono/zod-openapi';
import type { Sql } from 'postgres';
import { nonBlankText } from '../../domain/complaint-schemas.js';
import { DomainError } from '../../domain/errors.js';
import { SURVEY_COMMENT_MAX, SURVEY_REASONS } from '../../domain/survey/answer.js';
import { findSurveyLink, saveSurveyAnswer } from '../../read-model/survey-answers.js';
import type { LinkSigner } from '../../security/signed-links.js';
import { LANGUAGES, languageOf, type Language } from '../../texts/languages.js';

export interface SurveyDeps {
  sql: Sql;
  linkSigner: LinkSigner;
  /** The clock links expire by, epoch ms (tests move it). */
  now?: () => number;
}

const rating = (what: string) =>
  z
    .number({ error: (issue) => (issue.input === undefined ? 'required' : 'must be a whole number from 1 to 5') })
    .int('must be a whole number from 1 to 5')
    .min(1, 'must be from 1 (very dissatisfied) to 5 (very satisfied)')
    .max(5, 'must be from 1 (very dissatisfied) to 5 (very satisfied)')
    .meta({ description: `Satisfaction with ${what}: 1 very dissatisfied … 5 very satisfied`, example: 4 });

export const surveyAnswerBodySchema = z
  .strictObject({
    handling: rating('how the complaint was handled'),
    outcome: rating('the outcome'),
    reasons: z
      .array(z.enum(SURVEY_REASONS, { error: `unknown reason; the reasons are ${SURVEY_REASONS.join(', ')}` }))
      .max(SURVEY_REASONS.length)
      .refine((list) => new Set(list).size === list.length, 'each reason at most once')
      .meta({ uniqueItems: true })
      .optional()
      .meta({ description: 'What mattered most, ticked from a fixed list', example: ['speed', 'communication'] }),
    comment: nonBlankText(SURVEY_COMMENT_MAX)
      .optional()
      .meta({ description: 'Anything else (no personal details, please)', example: 'The engineer was very kind.' }),
    language: z
      .enum(LANGUAGES)
      .optional()
      .meta({ description: "The language the customer answered in (default: the complaint's)", example: 'tr' }),
  })
  .meta({ id: 'SurveyAnswer', example: { handling: 4, outcome: 5, reasons: ['speed'], comment: 'Quick and kind.' } });

export type SurveyAnswerBody = z.infer<typeof surveyAnswerBodySchema>;

export const surveyAnsweredSchema = z
  .object({
    reference: z.string().meta({ example: 'CMP-2026-000123' }),
    answeredAt: z.iso.datetime({ offset: true }),
  })
  .meta({ id: 'SurveyAnswered' });

export interface OpenedSurvey {
  linkId: string;
  complaintId: string;
  reference: string;
  /** The complaint's language (the page may be switched to another). */
  language: Language;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * An authentic, open survey link. Tampered, malformed or not a survey link: NOT_FOUND; answered
 * (through this or another link of the complaint): CONFLICT; expired or revoked: GONE. Reads only.
 */
export async function openSurvey(deps: SurveyDeps, token: string): Promise<OpenedSurvey> {
  const now = (deps.now ?? Date.now)();
  const claims = deps.linkSigner.verify(token, now);
  if (claims.purpose !== 'survey' || !UUID.test(claims.linkId) || !UUID.test(claims.complaintId)) throw invalidLink();
  const link = await findSurveyLink(deps.sql, claims.linkId);
  if (!link || link.complaintId !== claims.complaintId || link.purpose !== 'survey') throw invalidLink();
  if (link.answeredAt) throw alreadyAnswered();
  if (link.revokedAt || link.expiresAt.getTime() <= now) throw new DomainError('GONE', 'This survey has closed');
  return { linkId: link.linkId, complaintId: link.complaintId, reference: link.reference, language: languageOf(link.customerLocale) };
}

/** Stores the answer; the complaint's second answer is CONFLICT (the first stands). */
export async function answerSurvey(
  deps: SurveyDeps,
  survey: OpenedSurvey,
  body: SurveyAnswerBody,
): Promise<z.infer<typeof surveyAnsweredSchema>> {
  const saved = await saveSurveyAnswer(deps.sql, {
    complaintId: survey.complaintId,
    linkId: survey.linkId,
    language: body.language ?? survey.language,
    answer: { handling: body.handling, outcome: body.outcome, reasons: body.reasons ?? [], comment: body.comment ?? null },
  });
  if (saved === 'already_answered') throw alreadyAnswered();
  return { reference: survey.reference, answeredAt: saved.answeredAt.toISOString() };
}

function alreadyAnswered(): DomainError {
  return new DomainError('CONFLICT', 'This survey has already been answered; thank you');
}

function invalidLink(): DomainError {
  return new DomainError('NOT_FOUND', 'This link is not valid');
}
