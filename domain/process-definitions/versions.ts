// The life of a definition's versions: a draft is edited until it is published; a published version
// never changes (the database refuses it, see db/migrations/0009) and may be retired, after which it
// takes no new complaints. What a complaint is pinned to is named by id, number and content hash.
import type { ProcessDefinition, ProcessDefinitionSnapshot } from '../process-definition.js';

export const VERSION_STATUSES = ['draft', 'published', 'retired'] as const;
export type VersionStatus = (typeof VERSION_STATUSES)[number];

/** A definition id: kebab-case, as `processDefinitionSchema` takes it. */
export const DEFINITION_ID_PATTERN = /^[a-z][a-z0-9-]*$/;
export const DEFINITION_ID_MAX_LENGTH = 60;

/** `iso-10002-default@3`: how a snapshot and the read model name a version. */
export function versionIdOf(definitionId: string, version: number): string {
  return `${definitionId}@${version}`;
}

/** The snapshot a complaint is pinned to, for a stored version's content and hash. */
export function snapshotOf(definition: ProcessDefinition, contentHash: string): ProcessDefinitionSnapshot {
  return { versionId: versionIdOf(definition.id, definition.version), definition, contentHash };
}

/** What the read model records of a complaint's pinned version. */
export interface PinnedVersion {
  definitionId: string;
  version: number;
  contentHash: string | null;
}

/**
 * The version a snapshot names, read from its `versionId` (`id@version`), which is what a complaint
 * runs under; a snapshot made in code without one (tests) yields its definition's id and version.
 */
export function pinnedVersionOf(snapshot: ProcessDefinitionSnapshot): PinnedVersion {
  const match = /^(.+)@(\d+)$/.exec(snapshot.versionId);
  return {
    definitionId: match ? match[1]! : snapshot.definition.id,
    version: match ? Number(match[2]) : snapshot.definition.version,
    contentHash: snapshot.contentHash ?? null,
  };
}

/**
 * A content with the identity of the version it is stored as: the URL names the version, so the
 * server sets `id` and `version` and a client cannot make them disagree.
 */
export function withIdentity(content: Record<string, unknown>, definitionId: string, version: number): Record<string, unknown> {
  return { ...content, id: definitionId, version };
}
