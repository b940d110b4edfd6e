// Decision latency: POST /v1/complaints/{reference}/decisions through the whole API (the key, the
// request ledger, the update, answered once the decision is in the workflow's history, and the
// complaint read back) against the raw limit measured in the same run: a bare executeUpdate to a
// workflow whose handler does nothing, on the same server, with its own worker in this process.
//   npx tsx bench/decisions.ts [count=300] [concurrency=8]
import { randomUUID } from 'node:crypto';
import { NativeConnection, Worker } from '@temporalio/worker';
import { encryptingDataConverter } from '../security/payload-codec.js';
import { BENCH_SUPERVISOR_KEY, fileRecorded, measure, startBenchStack, type RunFigures } from './harness.js';
import { noopUpdate } from './noop-update.workflow.js';

const count = Number(process.argv[2] ?? 300);
const concurrency = Number(process.argv[3] ?? 8);
const COMPLAINTS = 40;
/** Long enough for a decision's transition to be written and its workflow task done before the next. */
const PAUSE_MS = 40;

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

  const ids = await Promise.all(references.map(async (reference) => (await stack.sql<{ id: string }[]>`SELECT id FROM complaints WHERE reference = ${reference}`)[0]!.id));
  const actor = { id: 'bench-supervisor', role: 'supervisor' as const };
  const bareOnce = async (i: number) => {
    await noops[i % noops.length]!.executeUpdate(noopUpdate, { args: [i] });
  };
  const decideOnce = async (i: number) => {
    const res = await app.request(`/v1/complaints/${references[i % references.length]}/decisions`, {
      method: 'POST',
      headers: auth,
      body: JSON.stringify({ type: 'note', text: `Bench note ${i}` }),
    });
    if (res.status !== 200) throw new Error(`decision answered ${res.status}: ${await res.text()}`);
  };
  // The same decision as a bare update through the gateway, as the API sends it: what the workflow costs, without the API around it.
  const updateOnce = async (i: number) => {
    await stack.gateway.decide(ids[i % ids.length]!, { actor, decision: { type: 'note', text: `Bench note ${i}` }, answerBeforeRecorded: true }, randomUUID());
  };
  const compare = (bare: RunFigures, decide: RunFigures, update: RunFigures) => {
    console.log(`the API around the update: p50 ${(decide.p50 - update.p50).toFixed(1)} ms, p95 ${(decide.p95 - update.p95).toFixed(1)} ms`);
    console.log(`update / bare update: p50 ${(update.p50 / bare.p50).toFixed(2)}, p95 ${(update.p95 / bare.p95).toFixed(2)}`);
    console.log(`decision / bare update: p50 ${(decide.p50 / bare.p50).toFixed(2)}, p95 ${(decide.p95 / bare.p95).toFixed(2)}   (target ≤ 1.30)`);
  };

  // Back to back: the throughput limit, where what each decision leaves behind (its transition's
  // write, a workflow task more) competes with the next one on the same cores.
  console.log(`${count} requests, ${concurrency} concurrent, back to back, one machine (numbers are relative to its load)`);
  compare(
    await measure('bare executeUpdate (no-op)', count, concurrency, bareOnce),
    await measure('POST …/decisions (note)', count, concurrency, decideOnce),
    await measure('  of which the update', count, concurrency, updateOnce),
  );
  // One at a time with a pause before each: the round trip a person taking a decision waits for.
  console.log(`\n${count} requests, one at a time, ${PAUSE_MS} ms apart (untimed)`);
  compare(
    await measure('bare executeUpdate (no-op)', count, 1, bareOnce, { pauseMs: PAUSE_MS }),
    await measure('POST …/decisions (note)', count, 1, decideOnce, { pauseMs: PAUSE_MS }),
    await measure('  of which the update', count, 1, updateOnce, { pauseMs: PAUSE_MS }),
  );
  await Promise.all(noops.map((h) => h.terminate()));
  noopWorker.shutdown();
  await noopRunning;
  await connection.close();
} finally {
  await stack.stop();
}
