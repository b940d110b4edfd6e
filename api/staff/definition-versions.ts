// The seam to the process-definition store (read-model/process-definitions.ts `storedDefinitionVersions`):
// simulation, backtest and migration plans read versions through it; tests pass their own.
import type { ProcessDefinition, ProcessDefinitionSnapshot } from '../../domain/process-definition.js';
import { versionIdOf, type VersionStatus } from '../../domain/process-definitions/versions.js';

export interface DefinitionVersion {
  definition: ProcessDefinition;
  status: VersionStatus;
  /** SHA-256 (hex) of the content's canonical JSON: a migrated complaint is pinned with it, a plan records it. */
  contentHash?: string;
}

/** Reads one version of a definition; undefined when the definition or the version does not exist. */
export interface DefinitionVersions {
  version(id: string, version: number): Promise<DefinitionVersion | undefined>;
}

/** The snapshot a complaint migrating to this version is pinned to, named as intake names versions. */
export function snapshotOf(version: DefinitionVersion): ProcessDefinitionSnapshot {
  const { definition, contentHash } = version;
  return { versionId: versionIdOf(definition.id, definition.version), definition, ...(contentHash ? { contentHash } : {}) };
}
