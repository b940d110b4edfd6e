// What the process-migration workflows and their callers share: workflow ids and payload types.
import type { DeadlineRules, MigrationSkip, ProcessMigratedRecord } from '../domain/lifecycle/index.js';
import type { ProcessDefinitionSnapshot } from '../domain/process-definition.js';
import type { MigrationConsequences } from '../domain/process-migration.js';

/** The workflow that applies one stored plan: its id is the plan's, so a plan runs once. */
export function processMigrationWorkflowId(migrationId: string): string {
  return `process-migration:${migrationId}`;
}

export function migrationPreviewWorkflowId(previewId: string): string {
  return `process-migration-preview:${previewId}`;
}

/** Applies the plan stored under `migrationId` (read-model/process-migrations.ts), from `applyAt` on. */
export interface ProcessMigrationInput {
  migrationId: string;
  /** When to start (ISO instant); absent or past: at once. */
  applyAt?: string;
}

/** A complaint a preview covers: its id, and its reference to show. */
export interface MigrationCandidate {
  complaintId: string;
  reference: string;
}

export interface MigrationPreviewInput {
  target: ProcessDefinitionSnapshot;
  deadlineRules: DeadlineRules;
  complaints: MigrationCandidate[];
}

/** What applying the plan would do to one complaint, computed by the same function the migration runs. */
export interface MigrationPreviewItem extends MigrationCandidate {
  /** Status and version as the complaint stands now. */
  status: string;
  fromVersion: string;
  outcome: { migrates: true; record: ProcessMigratedRecord; consequences: MigrationConsequences } | { migrates: false; skip: MigrationSkip };
}
