import { getHeapStatistics } from 'node:v8';
import { NativeConnection, Worker, type WorkerOptions, type WorkflowBundle } from '@temporalio/worker';
import { createActivities, type ActivityDeps } from '../activities/index.js';
import { encryptingDataConverter, type EncryptionKey } from '../security/payload-codec.js';

export interface ComplaintWorkerOptions {
  address: string;
  namespace: string;
  taskQueue: string;
  activityDeps: ActivityDeps;
  encryptionKeys: readonly EncryptionKey[];
  /** A prebuilt bundle (tests bundle once); otherwise workflows/ is bundled at start. */
  workflowBundle?: WorkflowBundle;
  shutdownGraceMs?: number;
  /** The sticky cache's size; omitted: the SDK's default (from the heap limit). */
  maxCachedWorkflows?: number | undefined;
  /** Tracing's interceptors and sink (temporal/tracing.ts), when configured; a prebuilt bundle must hold its workflow module. */
  tracing?: Pick<WorkerOptions, 'interceptors' | 'sinks'> | undefined;
}

/**
 * The workflows this worker runs, beside each other on one task queue: `complaintWorkflow`, and a
 * process migration plan's `processMigrationWorkflow` and `processMigrationPreviewWorkflow`, whose
 * activities update complaints (so `activityDeps.temporal` must be given for plans to run).
 */
export const WORKFLOWS_PATH = new URL('../workflows/index.ts', import.meta.url).pathname;

export interface ComplaintWorker {
  worker: Worker;
  /** Runs until shutdown (SIGINT/SIGTERM or worker.shutdown()), then closes the connection. */
  run(): Promise<void>;
}

/** The settings that decide a worker's memory and its replays, as the worker resolved them (logged at start). */
export function workflowCacheSettings(worker: Worker): Record<string, number | boolean | string> {
  const { options } = worker;
  const slots = options.tuner.workflowTaskSlotSupplier;
  return {
    maxCachedWorkflows: options.maxCachedWorkflows,
    reuseV8Context: options.reuseV8Context,
    workflowThreadPoolSize: options.workflowThreadPoolSize,
    stickyQueueScheduleToStartTimeoutMs: options.stickyQueueScheduleToStartTimeoutMs,
    workflowTaskSlots: slots.type === 'fixed-size' ? slots.numSlots : slots.type,
    heapLimitMB: Math.round(getHeapStatistics().heap_size_limit / 2 ** 20),
  };
}

export async function createComplaintWorker(opts: ComplaintWorkerOptions): Promise<ComplaintWorker> {
  const connection = await NativeConnection.connect({ address: opts.address });
  const worker = await Worker.create({
    connection,
    namespace: opts.namespace,
    taskQueue: opts.taskQueue,
    ...(opts.workflowBundle ? { workflowBundle: opts.workflowBundle } : { workflowsPath: WORKFLOWS_PATH }),
    activities: createActivities(opts.activityDeps),
    dataConverter: encryptingDataConverter(opts.encryptionKeys),
    shutdownGraceTime: opts.shutdownGraceMs ?? 10_000,
    ...(opts.maxCachedWorkflows !== undefined ? { maxCachedWorkflows: opts.maxCachedWorkflows } : {}),
    ...opts.tracing,
  });
  return {
    worker,
    run: async () => {
      try {
        await worker.run();
      } finally {
        await connection.close();
      }
    },
  };
}
