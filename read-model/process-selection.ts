// The selection rules as stored: an append-only list of revisions, the latest in force
// (db/migrations/0009). Replacing them checks, under the same lock as retiring a version, that
// every definition they name has a published version, so intake always has one to pin.
import type { Sql, TransactionSql } from 'postgres';
import { DomainError, type FieldIssue } from '../domain/errors.js';
import type { ProcessSelection } from '../domain/process-definitions/selection.js';

/** Serializes changes of the rules with retirements (pg_advisory_xact_lock key; arbitrary, constant). */
export const SELECTION_LOCK = 71_002_009;

export interface SelectionRevision {
  revision: number;
  selection: ProcessSelection;
  changedBy: string;
  changedAt: string;
  note: string | null;
}

interface RevisionRow {
  revision: number;
  selection: ProcessSelection;
  changed_by: string;
  changed_at: Date;
  note: string | null;
}

const revisionOf = (row: RevisionRow): SelectionRevision => ({
  revision: row.revision,
  selection: row.selection,
  changedBy: row.changed_by,
  changedAt: row.changed_at.toISOString(),
  note: row.note,
});

/** The rules in force (migration 0009 seeds revision 1). */
export async function currentSelection(sql: Sql | TransactionSql): Promise<SelectionRevision> {
  const [row] = await sql<RevisionRow[]>`SELECT * FROM process_selection_revisions ORDER BY revision DESC LIMIT 1`;
  if (!row) throw new Error('process_selection_revisions is empty; migration 0009 seeds it');
  return revisionOf(row);
}

/** Every revision, newest first: who changed the rules, when, to what. */
export async function selectionHistory(sql: Sql): Promise<SelectionRevision[]> {
  const rows = await sql<RevisionRow[]>`SELECT * FROM process_selection_revisions ORDER BY revision DESC`;
  return rows.map(revisionOf);
}

/**
 * Puts new rules in force as the next revision; 400 naming each rule whose definition has no
 * published version; 412 when `expectedRevision` is given and a later one is in force (checked
 * under the lock, so of two changes made on the same revision exactly one is taken).
 */
export async function replaceSelection(
  sql: Sql,
  selection: ProcessSelection,
  input: { by: string; note?: string | undefined; expectedRevision?: number },
): Promise<SelectionRevision> {
  return sql.begin(async (tx) => {
    await tx`SELECT pg_advisory_xact_lock(${SELECTION_LOCK})`;
    if (input.expectedRevision !== undefined) {
      const current = await currentSelection(tx);
      if (current.revision !== input.expectedRevision) {
        throw new DomainError(
          'PRECONDITION_FAILED',
          `The selection rules changed since revision ${input.expectedRevision}: revision ${current.revision} by ${current.changedBy} is in force; read them again`,
          { revision: current.revision },
        );
      }
    }
    const named = [...new Set([selection.defaultDefinitionId, ...selection.rules.map((r) => r.definitionId)])];
    const rows = await tx<{ id: string; published: boolean }[]>`
      SELECT d.id, EXISTS (SELECT 1 FROM process_definition_versions v WHERE v.definition_id = d.id AND v.status = 'published') AS published
      FROM process_definitions d WHERE d.id = ANY(${named})`;
    const state = new Map(rows.map((r) => [r.id, r.published]));
    const problem = (id: string) =>
      !state.has(id) ? `no process definition "${id}"` : state.get(id) ? undefined : `"${id}" has no published version to file complaints under`;
    const issues: FieldIssue[] = [];
    selection.rules.forEach((rule, i) => {
      const message = problem(rule.definitionId);
      if (message) issues.push({ path: `rules.${i}.definitionId`, message });
    });
    const defaultProblem = problem(selection.defaultDefinitionId);
    if (defaultProblem) issues.push({ path: 'defaultDefinitionId', message: defaultProblem });
    if (issues.length > 0) {
      throw new DomainError('UNPROCESSABLE', `The selection rules name ${issues.length} definition${issues.length === 1 ? '' : 's'} intake could not file under`, issues);
    }
    const [row] = await tx<RevisionRow[]>`
      INSERT INTO process_selection_revisions (revision, selection, changed_by, note)
      SELECT coalesce(max(revision), 0) + 1, ${tx.json(selection as never)}, ${input.by}, ${input.note ?? null}
      FROM process_selection_revisions
      RETURNING *`;
    return revisionOf(row!);
  });
}
