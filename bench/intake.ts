// Intake throughput: POST /v1/complaints through the whole API (validation, the public rate
// limit, one PostgreSQL transaction with the keyed PIN hash and the process pin, workflow start)
// against the raw limit measured in the same run, a bare client.workflow.start on the same
// Temporal server. Prints both and their ratio, the intake without its workflow start (what the
// PostgreSQL side costs), and the floor: a bare start and that store at once (intake starts the
// workflow beside its transaction's commit, so it cannot beat the two side by side).
//   npx tsx bench/intake.ts [count=300] [concurrency=8]
import { randomBytes, randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { pino } from 'pino';
import { createApp } from '../api/app.js';
import { createTemporalGateway } from '../temporal/gateway.js';
import { connectDatabase } from '../db/connect.js';
import { startEmbeddedPostgres } from '../db/embedded-postgres.js';
import { migrate } from '../db/migrate.js';
import { parseEncryptionKeys } from '../security/payload-codec.js';
import { connectTemporalClient } from '../temporal/client.js';
import { startTemporalDevServer } from '../scripts/temporal-dev-server.js';
import { assertToolsInstalled, PROJECT_ROOT, TEMPORAL_CLI } from '../scripts/tools.js';

const count = Number(process.argv[2] ?? 300);
const concurrency = Number(process.argv[3] ?? 8);

assertToolsInstalled();
const dir = await mkdtemp(`${PROJECT_ROOT}.data/bench-`);
const [temporal, postgres] = await Promise.all([
  startTemporalDevServer({ binary: TEMPORAL_CLI }),
  startEmbeddedPostgres({ dataDir: `${dir}/pg`, persistent: false }),
]);
const sql = connectDatabase(postgres.url, { max: concurrency + 2 });
await migrate(sql);
const encryptionKeys = parseEncryptionKeys([`bench:${randomBytes(32).toString('base64')}`]);
const client = await connectTemporalClient({ address: temporal.address, namespace: 'default', encryptionKeys });
const taskQueue = `bench-${randomUUID()}`; // no worker: both sides measure the start, not the run
const gateway = createTemporalGateway(client, taskQueue);
const appWith = (temporal: typeof gateway) => createApp({
  config: { API_KEYS: [], PUBLIC_INTAKE_PER_MINUTE: 1_000_000, TRUST_PROXY: false, LINK_SIGNING_SECRET: randomBytes(32).toString('hex') },
  sql,
  temporal,
  encryptionKeys,
  log: pino({ level: 'silent' }),
});
const app = appWith(gateway);
// The same intake with a gateway whose start does nothing: the PostgreSQL side alone. It keeps one
// input, for a bare start of the same payload (the pinned definition and the sealed fields).
let intakeInput: unknown;
const storeOnly = appWith({ ...gateway, startComplaint: async (input) => ((intakeInput ??= input), { started: true }) });

const body = JSON.stringify({
  channel: 'web',
  customer: { name: 'Ayşe Yılmaz', email: 'ayse@example.com', locale: 'tr', country: 'TR' },
  subject: 'Çamaşır makinesi su sızdırıyor',
  description: 'Makine iki haftalık, alttan su sızdırıyor.',
});

async function run(label: string, once: () => Promise<void>) {
  for (let i = 0; i < 10; i++) await once(); // warm-up
  const latencies: number[] = [];
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next++ < count) {
        const t = performance.now();
        await once();
        latencies.push(performance.now() - t);
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  latencies.sort((a, b) => a - b);
  const pct = (p: number) => latencies[Math.min(latencies.length - 1, Math.floor(p * latencies.length))]!.toFixed(1);
  const perSecond = count / seconds;
  console.log(`${label.padEnd(26)} ${perSecond.toFixed(1).padStart(8)} /s   p50 ${pct(0.5)} ms   p95 ${pct(0.95)} ms`);
  return perSecond;
}

try {
  console.log(`${count} requests, ${concurrency} concurrent, one machine (numbers are relative to its load)`);
  const bare = await run('bare workflow.start', async () => {
    await client.workflow.start('complaintWorkflow', { workflowId: randomUUID(), taskQueue, args: [{}] });
  });
  const post = (on: typeof app) => async () => {
    const res = await on.request('/v1/complaints', { method: 'POST', headers: { 'content-type': 'application/json' }, body });
    if (res.status !== 201) throw new Error(`intake answered ${res.status}: ${await res.text()}`);
  };
  const intake = await run('POST /v1/complaints', post(app));
  const stored = await run('  without workflow start', post(storeOnly));
  const bareWithInput = await run('bare start, intake\'s input', async () => {
    await client.workflow.start('complaintWorkflow', { workflowId: randomUUID(), taskQueue, args: [intakeInput as never] });
  });
  // What intake must do, done at once with nothing around it: a bare start beside the store alone.
  // On shared cores the two slow each other down: this is the floor any intake here has.
  const floor = await run('bare start ‖ store alone', async () => {
    await Promise.all([
      client.workflow.start('complaintWorkflow', { workflowId: randomUUID(), taskQueue, args: [intakeInput as never] }),
      post(storeOnly)(),
    ]);
  });
  console.log(`input of ${Buffer.byteLength(JSON.stringify(intakeInput))} bytes as JSON; bare start with it / bare start: ${(bareWithInput / bare).toFixed(2)}`);
  console.log(`intake / bare start: ${(intake / bare).toFixed(2)}   (target ≥ 0.80)`);
  console.log(`floor (start ‖ store) / bare start: ${(floor / bare).toFixed(2)}; intake / floor: ${(intake / floor).toFixed(2)}`);
  console.log(`were they one after the other, 1/(1/bare + 1/without-start): ${(1 / (1 / bare + 1 / stored)).toFixed(1)} /s = ${(1 / (1 / bare + 1 / stored) / bare).toFixed(2)} of bare`);
} finally {
  await client.connection.close();
  await sql.end();
  await Promise.allSettled([temporal.stop(), postgres.stop()]);
  await rm(dir, { recursive: true, force: true });
}
