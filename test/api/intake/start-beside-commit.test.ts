// Intake starts the complaint's workflow beside its transaction's commit (issue 15: intake costs
// about one bare start). The workflow's first activity waits for that transaction: committed, the
// complaint runs as ever; rolled back after the start, the client got an error and the run ends
// at once, having written and sent nothing, so no complaint exists that its customer was told failed.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fileComplaint, type IntakeDeps } from '../../../api/intake/file-complaint.js';
import { createTemporalGateway } from '../../../temporal/gateway.js';
import { customerLookupHasher } from '../../../security/customer-lookup.js';
import { DataKeyStore } from '../../../security/data-keys.js';
import { SealedBox } from '../../../security/sealed-box.js';
import { complaintWorkflowId } from '../../../workflows/complaint.messages.js';
import { aComplaint } from '../../helpers/fixtures.js';
import { eventually, integrationContext, LINK_SIGNING_SECRET, trackingPins, type IntegrationContext } from '../../helpers/integration.js';
import { quietProcess } from '../../helpers/process.js';

let ctx: IntegrationContext;
let deps: IntakeDeps;

beforeAll(async () => {
  ctx = await integrationContext();
  await ctx.startWorker();
  const process = quietProcess();
  deps = {
    sql: ctx.sql,
    temporal: createTemporalGateway(ctx.client, ctx.taskQueue),
    sealedBox: new SealedBox(ctx.encryptionKeys),
    pinProcess: async () => process,
    customerLookup: customerLookupHasher(LINK_SIGNING_SECRET),
    dataKeys: new DataKeyStore(ctx.sql, ctx.encryptionKeys),
    trackingPins,
  };
});
afterAll(() => ctx.close());

const countsOf = async (complaintId: string) => {
  const [row] = await ctx.sql<{ complaints: number; events: number; outbox: number; keys: number }[]>`
    SELECT (SELECT count(*)::int FROM complaints WHERE id = ${complaintId}) AS complaints,
           (SELECT count(*)::int FROM complaint_events WHERE complaint_id = ${complaintId}) AS events,
           (SELECT count(*)::int FROM outbox_messages WHERE complaint_id = ${complaintId}) AS outbox,
           (SELECT count(*)::int FROM complaint_data_keys WHERE complaint_id = ${complaintId}) AS keys`;
  return row!;
};

describe('intake started beside its commit', () => {
  it('ends the run without a trace when the transaction rolls back after the workflow started', async () => {
    let complaintId = '';
    const filing = fileComplaint(deps, aComplaint({ customer: { ...aComplaint().customer, phone: '+905321234567' } }), undefined, {
      writeWithComplaint: async (_tx, complaint) => {
        complaintId = complaint.id;
        // The workflow is running by now and waiting on this transaction.
        await eventually(async () => ((await ctx.client.workflow.getHandle(complaintWorkflowId(complaint.id)).describe()).status.name === 'RUNNING' ? true : undefined));
        await new Promise((resolve) => setTimeout(resolve, 300));
        throw new Error('the disk filled up');
      },
    });
    await expect(filing).rejects.toThrow('the disk filled up');
    const handle = ctx.client.workflow.getHandle(complaintWorkflowId(complaintId));
    const result = await handle.result();
    expect(result.seq).toBe(1); // nothing recorded after intake's own (rolled-back) events
    expect(await countsOf(complaintId)).toEqual({ complaints: 0, events: 0, outbox: 0, keys: 0 });
    // The run asked nothing else of the read model: its one activity, which found the transaction aborted.
    const history = await handle.fetchHistory();
    const activities = (history.events ?? []).flatMap((e) => e.activityTaskScheduledEventAttributes?.activityType?.name ?? []);
    expect(activities).toEqual(['recordComplaint']);
  });

  it('runs the complaint as ever when its workflow reaches the read model before the commit', async () => {
    let complaintId = '';
    let committingAt = 0;
    const filed = await fileComplaint(deps, aComplaint(), undefined, {
      writeWithComplaint: async (_tx, complaint) => {
        complaintId = complaint.id;
        // The workflow's first activity is waiting for this transaction to end.
        await new Promise((resolve) => setTimeout(resolve, 1_500));
        committingAt = Date.now();
      },
    });
    // Its first activity did start before the commit (and waited for it).
    // (The server writes an activity's start into the history with its completion.)
    const started = await eventually(async () => {
      const events = (await ctx.client.workflow.getHandle(complaintWorkflowId(complaintId)).fetchHistory()).events ?? [];
      const scheduled = events.find((e) => e.activityTaskScheduledEventAttributes?.activityType?.name === 'recordComplaint');
      return events.find((e) => scheduled && String(e.activityTaskStartedEventAttributes?.scheduledEventId) === String(scheduled.eventId));
    });
    const startedAt = Number(started.eventTime!.seconds) * 1000 + (started.eventTime!.nanos ?? 0) / 1e6;
    expect(startedAt).toBeLessThan(committingAt);
    expect(filed.created).toBe(true);
    expect(filed.response.id).toBe(complaintId);
    await eventually(async () => {
      const [row] = await ctx.sql<{ status: string; recorded_at: Date | null }[]>`SELECT status, recorded_at FROM complaints WHERE id = ${complaintId}`;
      return row?.recorded_at && row.status === 'acknowledged' ? row : undefined;
    });
    const types = (await ctx.sql<{ type: string }[]>`SELECT type FROM complaint_events WHERE complaint_id = ${complaintId} ORDER BY seq`).map((r) => r.type);
    expect(types.slice(0, 3)).toEqual(['received', 'registered', 'process_started']);
  });
});
