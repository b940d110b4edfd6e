// The seam to the process-definition store: a migration plan reads its target version through it.
import { createHash } from 'node:crypto';
import type { ProcessDefinition, ProcessDefinitionSnapshot } from '../../domain/process-definition.js';
import { canonicalJson } from '../../read-model/transition-hash.js';

export type DefinitionVersionStatus = 'draft' | 'published' | 'retired';

export interface DefinitionVersion {
  definition: ProcessDefinition;
  status: DefinitionVersionStatus;
  /** SHA-256 (hex) of the definition's canonical JSON (a plan records it with its target). */
  contentHash?: string;
}

/** Reads one version of a definition; undefined when the definition or the version does not exist. */
export interface DefinitionVersions {
  version(id: string, version: number): Promise<DefinitionVersion | undefined>;
}

/** A fixed set of versions (the shipped default until definitions live in PostgreSQL; tests). */
export function fixedDefinitionVersions(versions: ReadonlyArray<{ definition: ProcessDefinition; status: DefinitionVersionStatus }>): DefinitionVersions {
  return {
    async version(id, version) {
      const found = versions.find((v) => v.definition.id === id && v.definition.version === version);
      return found && { ...found, contentHash: createHash('sha256').update(canonicalJson(found.definition)).digest('hex') };
    },
  };
}

/** The snapshot a complaint migrating to this version is pinned to, named as intake names versions. */
export function snapshotOf(version: DefinitionVersion): ProcessDefinitionSnapshot & { contentHash?: string } {
  const { definition, contentHash } = version;
  return { versionId: `${definition.id}@${definition.version}`, definition, ...(contentHash ? { contentHash } : {}) };
}
