import { condition, proxyActivities, setHandler } from '@temporalio/workflow';
import type { Activities } from '../activities/index.js';
import { statusQuery, type ComplaintIntake, type ComplaintSnapshot } from './complaint.messages.js';

const readModel = proxyActivities<Activities>({
  startToCloseTimeout: '30 seconds',
  retry: { initialInterval: '1 second', maximumInterval: '1 minute' },
});

/** One complaint, from receipt to closure, as a durable process. */
export async function complaintWorkflow(intake: ComplaintIntake): Promise<ComplaintSnapshot> {
  const state: ComplaintSnapshot = {
    complaintId: intake.complaintId,
    reference: intake.reference,
    status: 'received',
    recorded: false,
  };
  setHandler(statusQuery, () => ({ ...state }));

  await readModel.recordComplaint(intake);
  state.recorded = true;

  // The ISO 10002 stages come with the lifecycle issue; until then a complaint waits here.
  await condition(() => state.status === 'closed');
  return state;
}
