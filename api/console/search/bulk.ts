// Bulk actions from the search page: one decision applied to several complaints, each through the
// decisions API on its own (its workflow decides, its role rules apply), so a refusal of one never
// stops the others. The outcome per complaint is what the page lists; the whole is one
// staff_audit_events row `bulk_action` (each decision is also its complaint's own event).
import type { Sql } from 'postgres';
import { REFERENCE_PATTERN } from '../../../domain/reference.js';
import type { ConsoleApi } from '../api-client.js';
import { recordStaffAction } from '../staff-audit.js';
import { readModelReached } from '../../../read-model/complaint-queries.js';

export const BULK_MAX = 100;
export const BULK_ACTIONS = ['assign', 'escalate', 'note'] as const;
export type BulkAction = (typeof BULK_ACTIONS)[number];

export type BulkDecision =
  | { type: 'assign'; assignee: string | null; team?: string }
  | { type: 'escalate'; reason: string }
  | { type: 'note'; text: string };

export type BulkProblem = 'none' | 'too_many' | 'no_target' | 'no_reason' | 'no_text' | 'no_action';

export interface BulkOutcome {
  reference: string;
  done: boolean;
  /** The API's refusal: its code and message. */
  code?: string;
  message?: string;
}

/** The decision a bulk form asks for, or what is missing from it. */
export function bulkDecisionOf(form: { action?: string; assignee?: string; team?: string; reason?: string; text?: string }): BulkDecision | BulkProblem {
  const value = (s: string | undefined) => s?.trim() ?? '';
  switch (form.action) {
    case 'assign': {
      const assignee = value(form.assignee);
      const team = value(form.team);
      if (!assignee && !team) return 'no_target';
      return { type: 'assign', assignee: assignee || null, ...(team ? { team } : {}) };
    }
    case 'escalate':
      return value(form.reason) ? { type: 'escalate', reason: value(form.reason) } : 'no_reason';
    case 'note':
      return value(form.text) ? { type: 'note', text: value(form.text) } : 'no_text';
    default:
      return 'no_action';
  }
}

/** The references selected, or why there are none to act on. Anything not shaped like a reference is dropped. */
export function bulkReferencesOf(values: readonly string[]): string[] | BulkProblem {
  const references = [...new Set(values.filter((v) => REFERENCE_PATTERN.test(v)))];
  if (references.length === 0) return 'none';
  if (references.length > BULK_MAX) return 'too_many';
  return references;
}

/** Takes `decision` on each complaint in turn, as the signed-in person, and records the whole. */
export async function applyBulk(
  api: ConsoleApi,
  sql: Sql,
  actor: { id: string; role: string },
  references: readonly string[],
  decision: BulkDecision,
): Promise<BulkOutcome[]> {
  const outcomes: BulkOutcome[] = [];
  const taken: Array<{ reference: string; seq: number }> = [];
  for (const reference of references) {
    // One at a time: each is a workflow update; a burst of them gains nothing and loads the worker.
    const result = await api.post(`/v1/complaints/${encodeURIComponent(reference)}/decisions`, decision);
    if (result.ok) taken.push({ reference, seq: (result.data as { seq: number }).seq });
    outcomes.push(result.ok ? { reference, done: true } : { reference, done: false, code: result.error.code, message: result.error.message });
  }
  // The list shown after shows the decisions taken: their transitions reach the read model moments
  // after each answer, waited for together, under one deadline.
  await Promise.all(taken.map(({ reference, seq }) => readModelReached(sql, reference, seq)));
  const done = outcomes.filter((o) => o.done);
  await recordStaffAction(sql, {
    actorId: actor.id,
    actorRole: actor.role,
    action: 'bulk_action',
    subject: decision.type,
    details: {
      // The reason or note itself is each complaint's own event; the audit row says what was done to which.
      decision: decision.type === 'assign' ? decision : { type: decision.type },
      references,
      done: done.length,
      refused: outcomes.length - done.length,
      refusals: outcomes.filter((o) => !o.done).map((o) => ({ reference: o.reference, code: o.code })),
    },
  });
  return outcomes;
}
