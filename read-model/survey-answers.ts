// Survey answers in the read model: the link a survey page opens, the one answer per complaint,
// and the aggregates reports read. An answer does not go through the complaint's workflow: the
// complaint is closed and its workflow has ended, so the answer is a row of its own, written with
// the link marked used in one transaction.
import type { Sql } from 'postgres';
import { SURVEY_REASONS, type SurveyAnswer, type SurveyReason } from '../domain/survey/answer.js';
import { filterCondition, isFiltered, type ReportFilter } from './report-filter.js';

/** A survey link's row with what its page needs of the complaint. */
export interface SurveyLinkRow {
  linkId: string;
  complaintId: string;
  purpose: string;
  expiresAt: Date;
  revokedAt: Date | null;
  reference: string;
  customerLocale: string;
  /** When the complaint's survey was answered (through any of its links), else null. */
  answeredAt: Date | null;
}

export async function findSurveyLink(sql: Sql, linkId: string): Promise<SurveyLinkRow | undefined> {
  const [row] = await sql<SurveyLinkRow[]>`
    SELECT l.id AS "linkId", l.complaint_id AS "complaintId", l.purpose, l.expires_at AS "expiresAt",
      l.revoked_at AS "revokedAt", c.reference, c.customer_locale AS "customerLocale", a.answered_at AS "answeredAt"
    FROM response_links l
    JOIN complaints c ON c.id = l.complaint_id
    LEFT JOIN survey_answers a ON a.complaint_id = l.complaint_id
    WHERE l.id = ${linkId}`;
  return row;
}

/**
 * Stores the complaint's answer and marks the link used. `already_answered` when the complaint
 * has one (a second tab, a double submit): the first answer stands.
 */
export async function saveSurveyAnswer(
  sql: Sql,
  input: { complaintId: string; linkId: string; answer: SurveyAnswer; language: string },
): Promise<{ answeredAt: Date } | 'already_answered'> {
  const { answer } = input;
  return sql.begin(async (tx) => {
    const [saved] = await tx<{ answeredAt: Date }[]>`
      INSERT INTO survey_answers (complaint_id, link_id, handling, outcome, reasons, comment, language)
      VALUES (${input.complaintId}, ${input.linkId}, ${answer.handling}, ${answer.outcome}, ${answer.reasons},
        ${answer.comment}, ${input.language})
      ON CONFLICT (complaint_id) DO NOTHING
      RETURNING answered_at AS "answeredAt"`;
    if (!saved) return 'already_answered' as const;
    await tx`UPDATE response_links SET used_at = ${saved.answeredAt} WHERE id = ${input.linkId} AND used_at IS NULL`;
    return saved;
  });
}

export type ReportPeriod = 'day' | 'week' | 'month';

/** One period of answers: how many, the mean ratings, how often each reason was ticked. */
export interface SatisfactionPeriod {
  /** Start of the period (UTC), ISO. */
  periodStart: string;
  answers: number;
  meanHandling: number;
  meanOutcome: number;
  reasons: Record<SurveyReason, number>;
}

/** Answers given in [from, to), grouped by `period` (UTC), oldest first; filtered: to complaints of that department and/or team. */
export async function satisfactionByPeriod(
  sql: Sql,
  input: { from: Date; to: Date; period: ReportPeriod; filter?: ReportFilter | undefined },
): Promise<SatisfactionPeriod[]> {
  type Row = { period_start: Date; answers: string; mean_handling: string; mean_outcome: string; reasons: Record<string, number> | null };
  const rows = await sql<Row[]>`
    WITH answers AS (
      SELECT date_trunc(${input.period}, a.answered_at, 'UTC') AS period_start, a.handling, a.outcome, a.reasons
      FROM survey_answers a ${isFiltered(input.filter) ? sql`JOIN complaints c ON c.id = a.complaint_id` : sql``}
      WHERE a.answered_at >= ${input.from} AND a.answered_at < ${input.to} ${filterCondition(sql, input.filter)}
    )
    SELECT a.period_start, count(*) AS answers, avg(a.handling) AS mean_handling, avg(a.outcome) AS mean_outcome,
      (SELECT jsonb_object_agg(reason, n) FROM (
         SELECT r AS reason, count(*)::int AS n FROM answers b, unnest(b.reasons) AS r
         WHERE b.period_start = a.period_start GROUP BY r) ticks) AS reasons
    FROM answers a GROUP BY a.period_start ORDER BY a.period_start`;
  return rows.map((r) => ({
    periodStart: r.period_start.toISOString(),
    answers: Number(r.answers),
    meanHandling: round2(Number(r.mean_handling)),
    meanOutcome: round2(Number(r.mean_outcome)),
    reasons: Object.fromEntries(SURVEY_REASONS.map((id) => [id, r.reasons?.[id] ?? 0])) as Record<SurveyReason, number>,
  }));
}

function round2(n: number): number {
  return Math.round(n * 100) / 100;
}
