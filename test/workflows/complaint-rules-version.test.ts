// A complaint keeps the rules it was filed under: intake pins the current rules version into the
// workflow input, continue-as-new hands it on, and complaints filed before it existed read as 1.
import { randomInt, randomUUID } from 'node:crypto';
import type { Client } from '@temporalio/client';
import { defaultPayloadConverter } from '@temporalio/common';
import { decode } from '@temporalio/common/lib/internal-non-workflow/index.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { encryptingDataConverter } from '../../security/payload-codec.js';
import {
  CURRENT_RULES_VERSION,
  rulesVersionOf,
  type ComplaintIntake,
  type ComplaintWorkflowInput,
} from '../../workflows/complaint.messages.js';
import { complaintDriver } from '../helpers/complaint-driver.js';
import { aComplaint } from '../helpers/fixtures.js';
import { eventually, integrationContext, type IntegrationContext } from '../helpers/integration.js';
import { quietProcess } from '../helpers/process.js';

let ctx: IntegrationContext;
beforeAll(async () => {
  ctx = await integrationContext();
  await ctx.startWorker();
});
afterAll(() => ctx.close());

/** The input a run was started with, as the worker decrypts it. */
async function startInput(client: Client, workflowId: string, runId?: string): Promise<ComplaintWorkflowInput> {
  const history = await client.workflow.getHandle(workflowId, runId).fetchHistory();
  const payloads = history.events?.[0]?.workflowExecutionStartedEventAttributes?.input?.payloads ?? [];
  const [decoded] = await decode(encryptingDataConverter(ctx.encryptionKeys).payloadCodecs, payloads);
  return defaultPayloadConverter.fromPayload<ComplaintWorkflowInput>(decoded!);
}

describe('the rules version a complaint runs under', () => {
  it('is the current one for a complaint filed through intake', async () => {
    const d = complaintDriver(ctx, quietProcess());
    const c = await d.file();
    expect((await startInput(ctx.client, c.id)).rulesVersion).toBe(CURRENT_RULES_VERSION);
  });

  it('is handed on when the workflow continues as new', async () => {
    const d = complaintDriver(ctx, quietProcess());
    const intake: ComplaintIntake = {
      complaintId: randomUUID(),
      reference: `CMP-2098-${String(randomInt(1_000_000, 9_999_999))}`,
      receivedAt: new Date().toISOString(),
      pinHash: 'scrypt$unused$unused',
      ...aComplaint(),
    };
    // A version intake never wrote, so only carrying it can explain it in the next run.
    const started = await ctx.client.workflow.start('complaintWorkflow', {
      workflowId: intake.complaintId,
      taskQueue: ctx.taskQueue,
      args: [{ intake, process: quietProcess(), historyLimit: 40, rulesVersion: 7 } satisfies ComplaintWorkflowInput],
    });
    const c = { id: intake.complaintId, reference: intake.reference, pin: '' };
    await d.waitForStatus(c, 'acknowledged');
    const handle = ctx.client.workflow.getHandle(c.id);
    for (let i = 1; i <= 6; i++) await d.decideOk(c, { type: 'note', text: `Called the customer, attempt ${i}.` });
    const nextRun = await eventually(async () => {
      const { runId } = await handle.describe();
      return runId !== started.firstExecutionRunId ? runId : undefined;
    });
    expect((await startInput(ctx.client, c.id, nextRun)).rulesVersion).toBe(7);
  });

  it('is 1 for a complaint filed before the rules had versions', () => {
    expect(rulesVersionOf({})).toBe(1);
    expect(rulesVersionOf({ rulesVersion: 2 })).toBe(2);
  });
});
