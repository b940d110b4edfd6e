// Process versions for migration tests: the quiet process (round-the-clock, every deadline an hour)
// numbered and named as intake names versions, and the in-memory definition store the API reads.
import { createHash } from 'node:crypto';
import type { DefinitionVersions } from '../../api/staff/definition-versions.js';
import type { VersionStatus } from '../../domain/process-definitions/versions.js';
import { canonicalJson } from '../../read-model/transition-hash.js';
import { allStages, type DeadlineRule, type DeadlineRules } from '../../domain/lifecycle/index.js';
import type { ProcessDefinition, ProcessDefinitionSnapshot } from '../../domain/process-definition.js';
import type { MigrateProcessInput } from '../../workflows/complaint.messages.js';
import { quietProcess } from './process.js';

/** Version `n` of the quiet process, `iso-10002-default@<n>`. */
export function processVersion(n: number, change: (d: ProcessDefinition) => void = () => undefined): ProcessDefinitionSnapshot {
  const { definition } = quietProcess((d) => {
    d.version = n;
    change(d);
  });
  return { versionId: `${definition.id}@${n}`, definition };
}

/** The store a test's API reads versions from (in memory: the seam the stored versions fill in production). */
export function definitionStore(...versions: Array<[ProcessDefinitionSnapshot, VersionStatus]>): DefinitionVersions {
  return {
    async version(id, version) {
      const found = versions.find(([s]) => s.definition.id === id && s.definition.version === version);
      if (!found) return undefined;
      const [{ definition }, status] = found;
      return { definition, status, contentHash: createHash('sha256').update(canonicalJson(definition)).digest('hex') };
    },
  };
}

let plans = 0;
/** A plan as its workflow sends it to one complaint. */
export function migrationTo(target: ProcessDefinitionSnapshot, rules: DeadlineRule | DeadlineRules, migrationId = `test-plan-${++plans}-${Date.now()}`): MigrateProcessInput {
  return { migrationId, actor: { id: 'owner-1', role: 'process_owner' }, target, deadlineRules: typeof rules === 'string' ? allStages(rules) : rules };
}

/** Hours of round-the-clock business time. */
export const hoursOf = (n: number) => ({ workingHours: n });
