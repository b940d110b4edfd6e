// A satisfaction survey answer (ISO 10004): how satisfied the customer is with the handling and
// with the outcome (1 = very dissatisfied … 5 = very satisfied), reasons ticked from a fixed list
// (ids; the words are in texts/catalogs/<language>/survey.ts), and an optional short comment.
// Ratings and ticks are what reports count; the comment is the only free text we keep.

/** Reasons a customer may tick; stable ids, checked by the database too (migration 0016). */
export const SURVEY_REASONS = ['speed', 'communication', 'fairness', 'staff_attitude', 'clarity', 'outcome'] as const;
export type SurveyReason = (typeof SURVEY_REASONS)[number];

/** The rating scale: 1 (very dissatisfied) to 5 (very satisfied). */
export const SURVEY_RATINGS = [1, 2, 3, 4, 5] as const;
export type SurveyRating = (typeof SURVEY_RATINGS)[number];

/** At most this many characters of comment (it is read, not mined). */
export const SURVEY_COMMENT_MAX = 1_000;

export interface SurveyAnswer {
  /** A SurveyRating (1–5), checked at the edge and by the database. */
  handling: number;
  outcome: number;
  reasons: SurveyReason[];
  comment: string | null;
}

export function isSurveyReason(value: string): value is SurveyReason {
  return (SURVEY_REASONS as readonly string[]).includes(value);
}
