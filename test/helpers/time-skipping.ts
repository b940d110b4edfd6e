// Temporal's time-skipping test server with a complaint worker on it, for tests where working days
// pass in milliseconds. Registers its own beforeAll/afterAll: call it at the top of a test file
// (or of a describe block), then read `world.ctx` and `world.env` inside the tests.
import { randomInt, randomUUID } from 'node:crypto';
import { TestWorkflowEnvironment } from '@temporalio/testing';
import { afterAll, beforeAll, inject } from 'vitest';
import type { EncryptionKey } from '../../security/payload-codec.js';
import { encryptingDataConverter } from '../../security/payload-codec.js';
import { TEMPORAL_TEST_SERVER } from '../../scripts/tools.js';
import { createTemporalGateway } from '../../temporal/gateway.js';
import { createComplaintWorker, type ComplaintWorker } from '../../worker/create-worker.js';
import type { ComplaintIntake } from '../../workflows/complaint.messages.js';
import { aComplaint } from './fixtures.js';
import { integrationContext, type IntegrationContext } from './integration.js';

export interface TimeSkippingWorld {
  ctx: IntegrationContext;
  env: TestWorkflowEnvironment;
}

export function useTimeSkippingWorld(opts: { encryptionKeys?: EncryptionKey[] } = {}): TimeSkippingWorld {
  const world = {} as TimeSkippingWorld;
  let worker: (ComplaintWorker & { running?: Promise<void> }) | undefined;
  beforeAll(async () => {
    world.ctx = await integrationContext(opts);
    world.env = await TestWorkflowEnvironment.createTimeSkipping({
      server: { executable: { type: 'existing-path', path: TEMPORAL_TEST_SERVER } },
      client: { dataConverter: encryptingDataConverter(world.ctx.encryptionKeys) },
    });
    worker = await createComplaintWorker({
      address: world.env.address,
      namespace: 'default',
      taskQueue: world.ctx.taskQueue,
      encryptionKeys: world.ctx.encryptionKeys,
      workflowBundle: { code: inject('workflowBundleCode') },
      // Process migration plans update complaints on this server, not the dev server.
      activityDeps: { ...world.ctx.activityDeps, temporal: createTemporalGateway(world.env.client, world.ctx.taskQueue) },
      shutdownGraceMs: 1000,
    });
    worker.running = worker.run();
  }, 120_000);
  afterAll(async () => {
    worker?.worker.shutdown();
    await worker?.running;
    await world.env?.teardown();
    await world.ctx?.close();
  });
  return world;
}

/** A complaint as intake hands it to the workflow, for tests that start the workflow themselves. */
export function anIntake(receivedAt = new Date().toISOString()): ComplaintIntake {
  return {
    complaintId: randomUUID(),
    reference: `CMP-2098-${String(randomInt(1_000_000, 9_999_999))}`,
    receivedAt,
    pinHash: 'scrypt$unused$unused',
    ...aComplaint(),
  };
}
