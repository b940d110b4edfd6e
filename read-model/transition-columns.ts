// The complaint row's columns a transition sets, from the workflow's snapshot: one mapping for the
// read model's write (record-transition.ts) and for a decision's answer, which shows the row as
// that write will leave it before the write is done (api/staff/decisions.ts).
import { customerAnswerDueAt } from '../domain/lifecycle/index.js';
import type { ComplaintSnapshot } from '../workflows/complaint.messages.js';
import type { ComplaintRow } from './complaint-queries.js';

export interface TransitionColumns {
  status: string;
  closure: string | null;
  round: number;
  stage: string | null;
  stage_started_at: string | null;
  stage_warning_at: string | null;
  stage_deadline_at: string | null;
  stage_paused: boolean;
  escalation_level: string;
  assignee: string | null;
  team: string | null;
  department: string | null;
  severity: string | null;
  /** Kept when the snapshot has none (intake's own category stays until a classification). */
  category: string | null;
  product: string | null;
  answer_due_at: string | null;
  acknowledged_at: string | null;
  closed_at: string | null;
  process_version: string;
  last_seq: number;
  calendar_id: string;
  breach_count: number;
}

export function transitionColumns(status: ComplaintSnapshot): TransitionColumns {
  const { state, deadlines, escalationLevel, processVersion, seq, calendarId } = status;
  return {
    status: state.status,
    closure: state.closure,
    round: state.round,
    stage: deadlines.stage?.id ?? null,
    stage_started_at: deadlines.stage?.startedAt ?? null,
    stage_warning_at: deadlines.stage?.warningAt ?? null,
    stage_deadline_at: deadlines.stage?.deadline ?? null,
    stage_paused: deadlines.stage?.paused ?? false,
    escalation_level: escalationLevel,
    assignee: state.assignee,
    team: state.team,
    department: state.classification?.department ?? null,
    severity: state.classification?.severity ?? null,
    category: state.classification?.category ?? null,
    product: state.classification?.product ?? null,
    answer_due_at: customerAnswerDueAt(state, deadlines),
    acknowledged_at: state.acknowledgedAt,
    closed_at: state.closedAt,
    process_version: processVersion,
    last_seq: seq,
    calendar_id: calendarId,
    breach_count: state.counters.breaches,
  };
}

const date = (iso: string | null) => (iso === null ? null : new Date(iso));

/**
 * The row as recording `status` at `at` leaves it; the row itself when it already holds that
 * transition or a later one (the write won the race with the read). `status` is opened (plain).
 */
export function rowAfterTransition(row: ComplaintRow, status: ComplaintSnapshot, at: string | undefined): ComplaintRow {
  if (row.last_seq >= status.seq) return row;
  const c = transitionColumns(status);
  return {
    ...row,
    ...c,
    stage_started_at: date(c.stage_started_at),
    stage_warning_at: date(c.stage_warning_at),
    stage_deadline_at: date(c.stage_deadline_at),
    answer_due_at: date(c.answer_due_at),
    acknowledged_at: date(c.acknowledged_at),
    closed_at: date(c.closed_at),
    category: c.category ?? row.category,
    product: c.product ?? row.product,
    lifecycle: status as unknown as ComplaintRow['lifecycle'],
    updated_at: at ? new Date(at) : row.updated_at,
  };
}
