import { randomUUID } from 'node:crypto';
import { Client, Connection } from '@temporalio/client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inject } from 'vitest';
import { complaintWorkflowId, statusQuery, type ComplaintIntake } from '../../workflows/complaint.messages.js';
import { aComplaint } from '../helpers/fixtures.js';
import { eventually, integrationContext, type IntegrationContext } from '../helpers/integration.js';

let ctx: IntegrationContext;
beforeAll(async () => {
  ctx = await integrationContext();
});
afterAll(() => ctx.close());

function anIntake(): ComplaintIntake {
  const id = randomUUID();
  return { complaintId: id, reference: `CMP-2026-${id.slice(0, 6)}`, receivedAt: new Date().toISOString(), pinHash: 'scrypt$x$y', ...aComplaint() };
}

const startComplaint = (intake: ComplaintIntake) =>
  ctx.client.workflow.start('complaintWorkflow', { workflowId: complaintWorkflowId(intake.complaintId), taskQueue: ctx.taskQueue, args: [intake] });

const recordedAt = async (id: string) => {
  const [row] = await ctx.sql<{ recorded_at: Date | null }[]>`SELECT recorded_at FROM complaints WHERE id = ${id}`;
  return row?.recorded_at ?? undefined;
};

/** Every payload's bytes as text, as a reader of the server's database would see them. */
function rawPayloadText(history: unknown): string {
  const chunks: string[] = [];
  JSON.stringify(history, (_key, value: unknown) => {
    if (value instanceof Uint8Array) chunks.push(Buffer.from(value).toString('utf8'));
    if (value && typeof value === 'object' && (value as { type?: string }).type === 'Buffer') {
      chunks.push(Buffer.from((value as { data: number[] }).data).toString('utf8'));
    }
    return value;
  });
  return chunks.join('\n');
}

describe('complaintWorkflow', () => {
  it('records the complaint in PostgreSQL through an activity and reports it in its status', async () => {
    await ctx.startWorker();
    const intake = anIntake();
    const handle = await startComplaint(intake);
    await eventually(() => recordedAt(intake.complaintId));
    expect(await handle.query(statusQuery)).toEqual({ complaintId: intake.complaintId, reference: intake.reference, status: 'received', recorded: true });
    const events = await ctx.sql`SELECT type FROM complaint_events WHERE complaint_id = ${intake.complaintId}`;
    expect(events.map((e) => e.type)).toEqual(['registered']);
  });

  it('loses nothing when no worker runs at intake: the complaint is recorded once a worker starts', async () => {
    const isolated = await integrationContext(); // a task queue no worker polls yet
    try {
      const intake = anIntake();
      await isolated.client.workflow.start('complaintWorkflow', { workflowId: intake.complaintId, taskQueue: isolated.taskQueue, args: [intake] });
      await new Promise((r) => setTimeout(r, 500));
      expect(await recordedAt(intake.complaintId)).toBeUndefined();
      await isolated.startWorker();
      await eventually(() => recordedAt(intake.complaintId));
    } finally {
      await isolated.close();
    }
  });

  it('keeps the customer\'s personal data out of readable workflow history', async () => {
    const intake = anIntake();
    await startComplaint(intake);
    await eventually(() => recordedAt(intake.complaintId));
    // A client without the codec sees what the Temporal UI and server store.
    const connection = await Connection.connect({ address: inject('temporalAddress') });
    try {
      const raw = new Client({ connection });
      const history = await raw.workflow.getHandle(intake.complaintId).fetchHistory();
      const bytes = JSON.stringify(history);
      for (const secret of ['Ayşe', 'Yılmaz', 'ayse@example.com', '532 000', 'sızdırıyor']) {
        expect(bytes).not.toContain(secret);
        expect(rawPayloadText(history)).not.toContain(secret);
      }
      const start = history.events?.[0]?.workflowExecutionStartedEventAttributes?.input?.payloads?.[0];
      expect(Buffer.from(start?.metadata?.encoding ?? []).toString()).toBe('binary/encrypted');
      await expect(raw.workflow.getHandle(intake.complaintId).query(statusQuery)).rejects.toThrow();
    } finally {
      await connection.close();
    }
  });
});
