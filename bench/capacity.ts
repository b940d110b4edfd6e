// Capacity: many open complaints on one worker and one Temporal dev server, as `npm start` runs them
// (separate worker and API processes, the dev server persisting to SQLite, PostgreSQL). Prints the
// worker's and the server's memory with that many open, the worker's workflow cache settings, how
// many deadline timers per second turn into recorded warnings when a whole batch falls due at one
// instant (the calendar opens then, as on a Monday 09:00 after a holiday) against bare timers on the
// same server, and each lifecycle path's history (events, bytes as the server stores them).
//   npm run bench:capacity [open=100000] [-- --storm=20000 --concurrency=16 --cache=N]
import { mkdtemp, rm, stat } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { TZDate } from '@date-fns/tz';
import { format } from 'date-fns';
import { NativeConnection, Worker } from '@temporalio/worker';
import { DEFAULT_PROCESS_DEFINITION } from '../config/default-process.js';
import { connectDatabase } from '../db/connect.js';
import { parseEncryptionKeys, encryptingDataConverter } from '../security/payload-codec.js';
import { LinkSigner } from '../security/signed-links.js';
import { connectTemporalClient } from '../temporal/client.js';
import { complaintWorkflowId } from '../workflows/complaint.messages.js';
import { startCluster, type Cluster } from '../scripts/chaos/cluster.js';
import { driveFlow, FLOW_KINDS, type Flow } from '../scripts/chaos/flows.js';
import { setUpProcess } from '../scripts/chaos/run.js';
import { freePort } from '../scripts/temporal-dev-server.js';
import { assertToolsInstalled, PROJECT_ROOT } from '../scripts/tools.js';
import { processMemory, recordedHistorySizes, rateFigures } from './capacity-figures.js';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    storm: { type: 'string', default: '20000' },
    concurrency: { type: 'string', default: '16' },
    cache: { type: 'string' },
    'temporal-file': { type: 'boolean', default: false },
  },
});
const OPEN = Number(positionals[0] ?? 100_000);
const STORM = Number(values.storm);
const CONCURRENCY = Number(values.concurrency);
/** The storm's calendar and its customers' country: its own, so the open complaints keep theirs. */
const STORM_CALENDAR = { id: 'DE', timeZone: 'Europe/Berlin' };
/** Warnings fall this long after the calendar opens (a 1-working-hour stage warned at 2.5 %). */
const WARNING_AFTER_OPENING_MS = 90_000;

assertToolsInstalled();
const say = (line: string) => console.log(line);
const dataDir = await mkdtemp(`${PROJECT_ROOT}.data/bench-capacity-`);
const { chmod } = await import('node:fs/promises');
await chmod(dataDir, 0o755); // the embedded PostgreSQL runs as user postgres under root
let workerSettings: Record<string, unknown> | undefined;
const cluster = await startCluster({
  dataDir,
  smtpPort: await freePort(), // no jobs process: the outbox fills and nothing is sent
  jobs: false,
  temporalInMemory: !values['temporal-file'], // the dev server's default; --temporal-file persists to SQLite
  log: (line) => console.error(`[capacity] ${line}`),
  env: { worker: { LOG_LEVEL: 'info', ...(values.cache ? { WORKER_MAX_CACHED_WORKFLOWS: values.cache } : {}) } },
  onStdout: (child, line) => {
    if (child !== 'worker' || !line.includes('worker started')) return;
    workerSettings = (JSON.parse(line) as { workflowCache?: Record<string, unknown> }).workflowCache;
  },
});
const sql = connectDatabase(cluster.databaseUrl, { max: 8 });
const encryptionKeys = parseEncryptionKeys([cluster.keys.payloadEncryptionKey]);
const client = await connectTemporalClient({ address: cluster.temporalAddress, namespace: 'default', encryptionKeys });
try {
  await cluster.ready(180_000);
  say(`${OPEN} open complaints, a storm of ${STORM}, ${CONCURRENCY} concurrent intakes; one shared machine (figures are relative to its load)`);

  // ── Open complaints ──
  const fill = await fileMany(cluster, OPEN, 'TR');
  say(`filed ${OPEN} open complaints in ${fill.seconds.toFixed(0)} s (${fill.perSecond.toFixed(0)}/s through the API)`);
  const settledIn = await settled(fill.ids);
  say(`all recorded and acknowledged ${settledIn.toFixed(0)} s after the last intake`);
  await new Promise((r) => setTimeout(r, 10_000)); // the worker's last tasks and a GC
  await printMemory(cluster, `with ${OPEN} open`);
  say(`workflow cache: ${JSON.stringify(workerSettings ?? '(the worker did not log its settings)')}`);

  // ── Bare timers, the raw limit ──
  const bare = await bareTimerStorm(cluster, STORM, fill.perSecond);
  say(rateFigures(`bare timers (sleep, then one activity)`, STORM, bare.dueAt, bare.doneAt));

  // ── Complaint deadlines falling due at once ──
  // The worker records complaints slower than the API takes them: the opening waits for both.
  const opensAt = await stormCalendar(cluster, STORM, OPEN / (fill.seconds + settledIn));
  const storm = await fileMany(cluster, STORM, STORM_CALENDAR.id);
  const stormSettledIn = await settled(storm.ids);
  say(`storm filed in ${storm.seconds.toFixed(0)} s, all recorded ${stormSettledIn.toFixed(0)} s later`);
  const warnAt = opensAt + WARNING_AFTER_OPENING_MS;
  if (Date.now() > warnAt) say(`(the storm's recording ran past its warnings' instant by ${((Date.now() - warnAt) / 1000).toFixed(0)} s)`);
  const warned = await warningTimes(storm.ids, warnAt);
  const complaintRate = rateFigures(`complaint warnings recorded`, STORM, warnAt, warned);
  say(complaintRate);
  say(`ratio (complaint warnings per second / bare timers per second): ${(perSecond(STORM, warnAt, warned) / perSecond(STORM, bare.dueAt, bare.doneAt)).toFixed(2)}`);
  await printMemory(cluster, `with ${OPEN + STORM} open, after the storm`);

  // ── History per lifecycle path ──
  await historiesByPath(cluster, fill.ids[0]!, storm.ids[0]!);
} finally {
  await client.connection.close();
  await sql.end({ timeout: 2 }).catch(() => undefined);
  await cluster.stop();
  await rm(dataDir, { recursive: true, force: true });
}

/** Files `count` complaints through the API, `CONCURRENCY` at a time. */
async function fileMany(target: Cluster, count: number, country: string): Promise<{ ids: string[]; seconds: number; perSecond: number }> {
  const ids: string[] = [];
  const started = performance.now();
  let next = 0;
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      for (let i = next++; i < count; i = next++) {
        ids.push(await fileOne(target, country, i));
        if ((i + 1) % 5_000 === 0) progress(target, i + 1);
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  return { ids, seconds, perSecond: count / seconds };
}

/** A line on stderr while filling: how far, and how the memory grows with it. */
function progress(target: Cluster, filed: number): void {
  const pids = target.pids();
  const mb = (bytes: number) => `${(bytes / 2 ** 20).toFixed(0)} MB`;
  console.error(`[capacity] ${filed} filed; worker RSS ${mb(processMemory(pids.worker).rss)}, server RSS ${mb(processMemory(pids.temporal, { withChildren: true }).rss)}`);
}

async function fileOne(target: Cluster, country: string, i: number): Promise<string> {
  const body = {
    channel: 'web',
    customer: { name: `Capacity ${i}`, email: `capacity+${i}@example.com`, locale: 'en', country },
    subject: 'The washing machine leaks',
    description: 'Two weeks old, water comes out at the bottom.',
  };
  for (let attempt = 0; ; attempt++) {
    const res = await fetch(`${target.apiUrl}/v1/complaints`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
    if (res.status === 201 || res.status === 202) return ((await res.json()) as { id: string }).id;
    if (attempt > 5 || res.status < 500) throw new Error(`intake answered ${res.status}: ${await res.text()}`);
    await new Promise((r) => setTimeout(r, 500));
  }
}

/** Waits until every complaint of `ids` is recorded by its workflow and past receipt; answers the seconds it took. */
async function settled(ids: string[]): Promise<number> {
  const started = performance.now();
  for (;;) {
    const [row] = await sql<{ n: number }[]>`
      SELECT count(*)::int AS n FROM complaints WHERE id = ANY(${ids}::uuid[]) AND (recorded_at IS NULL OR status = 'received')`;
    if (row!.n === 0) return (performance.now() - started) / 1000;
    await new Promise((r) => setTimeout(r, 1_000));
  }
}

async function printMemory(target: Cluster, when: string): Promise<void> {
  const pids = target.pids();
  const worker = processMemory(pids.worker);
  const server = processMemory(pids.temporal, { withChildren: true });
  const db = await Promise.all(['temporal.db', 'temporal.db-wal'].map((f) => stat(`${dataDir}/${f}`).then((s) => s.size, () => 0)));
  const [pg] = await sql<{ bytes: string }[]>`SELECT pg_database_size(current_database()) AS bytes`;
  const mb = (bytes: number) => `${(bytes / 2 ** 20).toFixed(0)} MB`;
  say(`memory ${when}:`);
  say(`  worker          RSS ${mb(worker.rss)} (peak ${mb(worker.peak)})`);
  say(`  Temporal server RSS ${mb(server.rss)} (peak ${mb(server.peak)})${values['temporal-file'] ? `; its SQLite ${mb(db[0]! + db[1]!)}` : ' (its state in memory)'}`);
  say(`  PostgreSQL      database ${mb(Number(pg!.bytes))}`);
}

/** `count` bare workflows that sleep until one instant, on their own queue and a worker in this process. */
async function bareTimerStorm(target: Cluster, count: number, startsPerSecond: number): Promise<{ dueAt: number; doneAt: number[] }> {
  const doneAt: number[] = [];
  const connection = await NativeConnection.connect({ address: target.temporalAddress });
  const taskQueue = 'capacity-bare-timers';
  const worker = await Worker.create({
    connection,
    taskQueue,
    workflowsPath: new URL('./sleep-until.workflow.ts', import.meta.url).pathname,
    activities: { woke: async () => void doneAt.push(Date.now()) },
    dataConverter: encryptingDataConverter(encryptionKeys),
  });
  const running = worker.run();
  // Started well before they fall due: a start is cheaper than an intake, so the intake rate bounds it.
  const dueAt = Date.now() + (count / startsPerSecond) * 1_000 + 30_000;
  let next = 0;
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      for (let i = next++; i < count; i = next++) {
        await client.workflow.start('sleepUntilWorkflow', { workflowId: `bare-timer-${i}`, taskQueue, args: [`${i}`, dueAt] });
      }
    }),
  );
  if (Date.now() > dueAt) say(`(the bare starts ran past their instant by ${((Date.now() - dueAt) / 1000).toFixed(0)} s)`);
  while (doneAt.length < count) await new Promise((r) => setTimeout(r, 500));
  worker.shutdown();
  await running;
  await connection.close();
  return { dueAt, doneAt };
}

/**
 * The storm's process and calendar, as a process owner sets them: customers from the storm's
 * country get a 1-working-hour first stage warned at 2.5 %, on a calendar closed until a minute
 * after the storm is filed and open round the clock from then. Answers the opening instant.
 */
async function stormCalendar(target: Cluster, count: number, recordedPerSecond: number): Promise<number> {
  const owner = { authorization: `Bearer ${target.keys.staff.process_owner}`, 'content-type': 'application/json' };
  const send = async (method: string, path: string, body: unknown) => {
    const res = await fetch(`${target.apiUrl}${path}`, { method, headers: owner, body: JSON.stringify(body) });
    if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${await res.text()}`);
  };
  const content = structuredClone(DEFAULT_PROCESS_DEFINITION) as unknown as { id: string; version: number; calendarId: string; stages: Record<string, Record<string, unknown>> };
  content.id = 'capacity-storm';
  content.version = 1;
  content.calendarId = STORM_CALENDAR.id;
  for (const stage of ['acknowledgement', 'initialReview'] as const) {
    content.stages[stage] = { ...content.stages[stage], deadline: { workingHours: 1 }, warnAtShare: WARNING_AFTER_OPENING_MS / 3_600_000 };
  }
  await send('POST', '/v1/process-definitions', { id: content.id, content });
  await send('POST', `/v1/process-definitions/${content.id}/versions/1/publish`, { changeNote: 'Capacity bench: the storm' });
  await send('PUT', '/v1/process-selection', {
    defaultDefinitionId: DEFAULT_PROCESS_DEFINITION.id,
    rules: [{ when: { country: [STORM_CALENDAR.id] }, definitionId: content.id }],
    note: 'Capacity bench: the storm',
  });
  // The "holiday" ends when the storm is surely recorded (at 70 % of the rate measured filling).
  const opensAt = Math.ceil((Date.now() + (count / (0.7 * recordedPerSecond)) * 1_000 + 30_000) / 60_000) * 60_000;
  const local = (at: number) => new TZDate(at, STORM_CALENDAR.timeZone);
  const openingDate = format(local(opensAt), 'yyyy-MM-dd');
  const exceptions: unknown[] = [];
  for (let day = local(Date.now() - 86_400_000); format(day, 'yyyy-MM-dd') < openingDate; day = local(day.getTime() + 86_400_000)) {
    exceptions.push({ kind: 'closed', date: format(day, 'yyyy-MM-dd'), name: 'Capacity bench holiday' });
  }
  exceptions.push({ kind: 'open', date: openingDate, name: 'Capacity bench opening', hours: [{ from: format(local(opensAt), 'HH:mm'), to: '24:00' }] });
  for (let d = 1; d <= 2; d++) {
    exceptions.push({ kind: 'open', date: format(local(opensAt + d * 86_400_000), 'yyyy-MM-dd'), name: 'Capacity bench', hours: [{ from: '00:00', to: '24:00' }] });
  }
  await send('PUT', `/v1/calendars/${STORM_CALENDAR.id}/overrides`, { exceptions, changeNote: 'Capacity bench: closed until the storm opens' });
  say(`storm calendar ${STORM_CALENDAR.id} opens at ${new Date(opensAt).toISOString()}; warnings due ${WARNING_AFTER_OPENING_MS / 1000} s later`);
  return opensAt;
}

/** When each storm complaint's warning was recorded (polled twice a second from the read model). */
async function warningTimes(ids: string[], dueAt: number): Promise<number[]> {
  const times: number[] = [];
  let seen = 0;
  const giveUpAt = dueAt + 30 * 60_000;
  while (seen < ids.length) {
    if (Date.now() > giveUpAt) throw new Error(`only ${seen} of ${ids.length} warnings were recorded 30 minutes after they fell due`);
    const [row] = await sql<{ n: number }[]>`
      SELECT count(DISTINCT complaint_id)::int AS n FROM complaint_events WHERE complaint_id = ANY(${ids}::uuid[]) AND type = 'deadline_warning'`;
    const now = Date.now();
    for (; seen < row!.n; seen++) times.push(now);
    await new Promise((r) => setTimeout(r, Math.max(0, dueAt - Date.now(), 500)));
  }
  return times;
}

function perSecond(count: number, dueAt: number, doneAt: number[]): number {
  return count / Math.max(0.001, (Math.max(...doneAt) - dueAt) / 1000);
}

/** Each chaos flow kind driven to its end, an open complaint and a warned one: events and bytes as the server counts them. */
async function historiesByPath(target: Cluster, openId: string, warnedId: string): Promise<void> {
  await setUpProcess(target.apiUrl, target.keys.staff.process_owner);
  const flows: Flow[] = FLOW_KINDS.map((kind) => ({ kind }));
  await Promise.all(
    flows.map((flow) =>
      driveFlow(
        { apiUrl: target.apiUrl, sql, staff: target.keys.staff, linkSigner: new LinkSigner(target.keys.linkSigningSecret), retried: () => undefined, deadline: Date.now() + 5 * 60_000 },
        flow,
      ),
    ),
  );
  const paths: Array<[string, string]> = [
    ['open, acknowledged, awaiting review', openId],
    ['open, its first deadline warned', warnedId],
    ...flows.map((f): [string, string] => [f.kind, f.id!]),
  ];
  say('history per complaint (live, as the server counts it):');
  for (const [path, id] of paths) {
    const described = await client.workflow.getHandle(complaintWorkflowId(id)).describe();
    say(`  ${path.padEnd(38)} ${String(described.historyLength).padStart(4)} events ${((described.historySize ?? 0) / 1024).toFixed(0).padStart(5)} KB`);
  }
  say('recorded histories (test/histories, the current code version; JSON bytes):');
  for (const { path, events, bytes } of await recordedHistorySizes()) {
    say(`  ${path.padEnd(38)} ${String(events).padStart(4)} events ${(bytes / 1024).toFixed(0).padStart(5)} KB`);
  }
}
