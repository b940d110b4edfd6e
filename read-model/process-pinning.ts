// Which version a new complaint is pinned to: the selection rules in force pick a definition, and
// its latest published version is taken, by value, with its content hash. Asked once per intake;
// the answer goes into the sealed intake ledger with the workflow input, so a retry or the
// reconciler starts the workflow on the same pin and nothing re-resolves it later.
import type { Sql, TransactionSql } from 'postgres';
import type { ProcessDefinition, ProcessDefinitionSnapshot } from '../domain/process-definition.js';
import { selectDefinitionId, type ProcessSelection, type SelectionFacts } from '../domain/process-definitions/selection.js';
import { snapshotOf, versionIdOf } from '../domain/process-definitions/versions.js';

/** Published contents parsed so far, by version id and hash: they never change, so they never go stale. */
const CACHED_CONTENTS = 200;

/** `db`: the intake's transaction, so the read goes out with its first statements (one round trip fewer). */
export type PinProcess = (facts: SelectionFacts, db?: Sql | TransactionSql) => Promise<ProcessDefinitionSnapshot>;

/**
 * Reads the rules and the latest published versions on every intake (one small query, so a
 * publish or a rule change reaches the very next complaint, from any API process) and keeps only
 * the immutable contents in memory.
 */
export function processPinner(sql: Sql): PinProcess {
  const contents = new Map<string, ProcessDefinition>();
  return async (facts, db = sql) => {
    const [row] = await db<{ selection: ProcessSelection | null; latest: { definitionId: string; version: number; contentHash: string }[] }[]>`
      SELECT
        (SELECT selection FROM process_selection_revisions ORDER BY revision DESC LIMIT 1) AS selection,
        coalesce((
          SELECT json_agg(json_build_object('definitionId', definition_id, 'version', version, 'contentHash', content_hash))
          FROM (SELECT DISTINCT ON (definition_id) definition_id, version, content_hash FROM process_definition_versions
                WHERE status = 'published' ORDER BY definition_id, version DESC) latest
        ), '[]'::json) AS latest`;
    if (!row?.selection) throw new Error('no process selection rules are stored; migration 0009 seeds them');
    const definitionId = selectDefinitionId(row.selection, facts);
    const latest = row.latest.find((v) => v.definitionId === definitionId);
    // Unreachable through the API: rules name only definitions with a published version, and the
    // last published version of a named definition cannot be retired.
    if (!latest) throw new Error(`process definition "${definitionId}" has no published version to file the complaint under`);
    const key = `${versionIdOf(definitionId, latest.version)}:${latest.contentHash}`;
    let definition = contents.get(key);
    if (!definition) {
      const [stored] = await db<{ content: string }[]>`
        SELECT content FROM process_definition_versions WHERE definition_id = ${definitionId} AND version = ${latest.version}`;
      definition = JSON.parse(stored!.content) as ProcessDefinition;
      if (contents.size >= CACHED_CONTENTS) contents.delete(contents.keys().next().value!);
      contents.set(key, definition);
    }
    return snapshotOf(definition, latest.contentHash);
  };
}
