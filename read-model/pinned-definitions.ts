// The process definition a complaint was filed under, read from the store by the version and
// content hash its row was pinned with. Published contents never change (a trigger refuses it),
// so they are kept in memory for good. Staff views compute the decisions a role may take from it
// and the row's lifecycle, instead of asking the workflow (a query is a round trip through a worker).
import type { Sql } from 'postgres';
import type { ProcessDefinition } from '../domain/process-definition.js';

const CACHED = 200;

export type PinnedDefinitionOf = (pin: { definitionId: string; version: number; contentHash: string }) => Promise<ProcessDefinition | undefined>;

export function pinnedDefinitions(sql: Sql): PinnedDefinitionOf {
  const contents = new Map<string, Promise<ProcessDefinition | undefined>>();
  return (pin) => {
    const key = `${pin.definitionId}@${pin.version}:${pin.contentHash}`;
    let found = contents.get(key);
    if (!found) {
      found = sql<{ content: string }[]>`
        SELECT content FROM process_definition_versions
        WHERE definition_id = ${pin.definitionId} AND version = ${pin.version} AND content_hash = ${pin.contentHash}`.then(
        ([row]) => (row ? (JSON.parse(row.content) as ProcessDefinition) : undefined),
      );
      found.catch(() => contents.delete(key)); // a failed read is tried again next time
      if (contents.size >= CACHED) contents.delete(contents.keys().next().value!);
      contents.set(key, found);
    }
    return found;
  };
}
