// The erasure as a whole, resumable at every step: record the request, close the workflow of an
// open complaint (silently, as `withdrawn`: no message can go out after), then erase the read
// model in one transaction. A process dying between the steps leaves the `requested` row; calling
// this again (the API's retry, or the next retention run) finishes it: the workflow update is
// idempotent by the erasure's id, the erasure by its row. A complaint whose workflow never started
// (Temporal was down at intake) has none to close: the erasure closes it as `withdrawn` in the read
// model, and the intake reconciler starts no workflow for an erased complaint.
import type { Sql } from 'postgres';
import type { DataKeyStore } from '../security/data-keys.js';
import {
  erasePersonalData,
  noteWorkflowOutcome,
  requestErasure,
  type ErasureRecord,
  type ErasureRequest,
  type ErasureWorkflowOutcome,
} from './erasure.js';

/** Closes the complaint's workflow for the erasure (the Temporal gateway's `closeForErasure`). */
export type CloseWorkflowForErasure = (complaintId: string, erasureId: string, actor: { id: string; role: string }) => Promise<ErasureWorkflowOutcome>;

export interface EraseComplaintDeps {
  sql: Sql;
  dataKeys: DataKeyStore;
  closeWorkflow: CloseWorkflowForErasure;
}

export async function eraseComplaint(deps: EraseComplaintDeps, request: ErasureRequest): Promise<ErasureRecord> {
  const record = await requestErasure(deps.sql, request);
  if (record.status === 'completed') return record;
  if (record.workflow === null) {
    const [complaint] = await deps.sql<{ status: string; recorded_at: Date | null; closed_for_erasure: boolean }[]>`
      SELECT status, recorded_at,
        EXISTS (SELECT 1 FROM complaint_events e WHERE e.complaint_id = c.id AND e.type = 'personal_data_erasure_requested') AS closed_for_erasure
      FROM complaints c WHERE id = ${record.complaintId}`;
    // A closed complaint's workflow has completed: nothing to close. Closed by this erasure's own
    // update before a crash (the outcome not yet noted), it was withdrawn for it all the same.
    const closedOutcome = complaint?.closed_for_erasure ? 'withdrawn' : 'already_closed';
    let outcome = complaint?.status === 'closed' ? closedOutcome : await deps.closeWorkflow(record.complaintId, record.id, record.requestedBy);
    // No workflow, and none ever recorded the complaint: it never started, so the erasure closes it
    // (erasePersonalData), silently and as withdrawn, as the workflow would have.
    if (outcome === 'already_closed' && complaint?.status !== 'closed' && complaint?.recorded_at === null) outcome = 'withdrawn';
    await noteWorkflowOutcome(deps.sql, record.complaintId, outcome);
  }
  return erasePersonalData(deps, record.complaintId);
}
