// The worker's workflowsPath entry: workflow functions only.
export { complaintWorkflow } from './complaint.workflow.js';
export { processMigrationPreviewWorkflow, processMigrationWorkflow } from './process-migration.workflow.js';
export { retentionWorkflow } from './retention.workflow.js';
