// Decision latency: POST /v1/complaints/{reference}/decisions through the whole API (the key, the
// request ledger, the update, whose handler records the transition before it answers, and the
// complaint read back) against the raw limit measured in the same run: a bare executeUpdate to a
// workflow whose handler does nothing, on the same server, with its own worker in this process.
//   npx tsx bench/decisions.ts [count=300] [concurrency=8]
import { randomUUID } from 'node:crypto';
import { NativeConnection, Worker } from '@temporalio/worker';
import { encryptingDataConverter } from '../security/payload-codec.js';
import { BENCH_SUPERVISOR_KEY, fileRecorded, measure, startBenchStack } from './harness.js';
import { noopUpdate } from './noop-update.workflow.js';

const count = Number(process.argv[2] ?? 300);
const concurrency = Number(process.argv[3] ?? 8);
const COMPLAINTS = 40;

const stack = await startBenchStack();
try {
  const app = stack.app();
  await stack.startWorker();
  const noopQueue = `bench-noop-${randomUUID()}`;
  const connection = await NativeConnection.connect({ address: stack.temporalAddress });
  const noopWorker = await Worker.create({
    connection,
    taskQueue: noopQueue,
    workflowsPath: new URL('./noop-update.workflow.ts', import.meta.url).pathname,
    dataConverter: encryptingDataConverter(stack.encryptionKeys), // as the complaint worker: the same payload cost
  });
  const noopRunning = noopWorker.run();

  const auth = { authorization: `Bearer ${BENCH_SUPERVISOR_KEY}`, 'content-type': 'application/json' };
  const references: string[] = [];
  for (let i = 0; i < COMPLAINTS; i++) references.push((await fileRecorded(stack, app)).reference);
  const noops = await Promise.all(
    Array.from({ length: concurrency }, () =>
      stack.client.workflow.start('noopUpdateWorkflow', { workflowId: `noop-${randomUUID()}`, taskQueue: noopQueue }),
    ),
  );

  console.log(`${count} requests, ${concurrency} concurrent, one machine (numbers are relative to its load)`);
  const bare = await measure('bare executeUpdate (no-op)', count, concurrency, async (i) => {
    await noops[i % noops.length]!.executeUpdate(noopUpdate, { args: [i] });
  });
  const decide = await measure('POST …/decisions (note)', count, concurrency, async (i) => {
    const res = await app.request(`/v1/complaints/${references[i % references.length]}/decisions`, {
      method: 'POST',
      headers: auth,
      body: JSON.stringify({ type: 'note', text: `Bench note ${i}` }),
    });
    if (res.status !== 200) throw new Error(`decision answered ${res.status}: ${await res.text()}`);
  });
  // The same decision as a bare update through the gateway: what the workflow costs, without the API around it.
  const ids = await Promise.all(references.map(async (reference) => (await stack.sql<{ id: string }[]>`SELECT id FROM complaints WHERE reference = ${reference}`)[0]!.id));
  const actor = { id: 'bench-supervisor', role: 'supervisor' as const };
  const update = await measure('  of which the update', count, concurrency, async (i) => {
    await stack.gateway.decide(ids[i % ids.length]!, { actor, decision: { type: 'note', text: `Bench note ${i}` } }, randomUUID());
  });
  console.log(`the API around the update: p50 ${(decide.p50 - update.p50).toFixed(1)} ms, p95 ${(decide.p95 - update.p95).toFixed(1)} ms`);
  console.log(`decision / bare update: p50 ${(decide.p50 / bare.p50).toFixed(2)}, p95 ${(decide.p95 / bare.p95).toFixed(2)}   (target ≤ 1.30)`);
  await Promise.all(noops.map((h) => h.terminate()));
  noopWorker.shutdown();
  await noopRunning;
  await connection.close();
} finally {
  await stack.stop();
}
