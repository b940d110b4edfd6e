// A worker process killed with SIGKILL in the middle of work: the next worker finishes it, and
// nothing is lost or written twice (activities are idempotent by complaint and sequence).
import { readModelReached } from '../../read-model/complaint-queries.js';
import { spawn, type ChildProcess } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { DEFAULT_PROCESS_SNAPSHOT } from '../../config/default-process.js';
import { PROJECT_ROOT } from '../../scripts/tools.js';
import { CLASSIFY, complaintDriver } from '../helpers/complaint-driver.js';
import { eventually, integrationContext, LINK_SIGNING_SECRET, type IntegrationContext } from '../helpers/integration.js';

let ctx: IntegrationContext;
const workers: ChildProcess[] = [];

beforeAll(async () => {
  ctx = await integrationContext();
});
afterAll(async () => {
  for (const w of workers) w.kill('SIGKILL');
  await ctx.close();
});

/** The real worker entry point as its own process, on this test's task queue. */
async function startWorkerProcess(): Promise<ChildProcess> {
  const env: Record<string, string | undefined> = {
    ...process.env,
    DATABASE_URL: inject('databaseUrl'),
    TEMPORAL_ADDRESS: inject('temporalAddress'),
    TEMPORAL_TASK_QUEUE: ctx.taskQueue,
    PAYLOAD_ENCRYPTION_KEYS: ctx.encryptionKeys.map((k) => `${k.id}:${k.key.toString('base64')}`).join(','),
    LINK_SIGNING_SECRET,
    LOG_LEVEL: 'info',
  };
  const child = spawn(process.execPath, ['--import', 'tsx', 'worker/main.ts'], { cwd: PROJECT_ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
  workers.push(child);
  let output = '';
  child.stdout!.on('data', (d: Buffer) => (output += d.toString()));
  child.stderr!.on('data', (d: Buffer) => (output += d.toString()));
  await eventually(async () => (output.includes('"worker started"') ? true : child.exitCode !== null ? fail(output) : undefined), 60_000);
  return child;
}

function fail(output: string): never {
  throw new Error(`worker exited:\n${output}`);
}

describe('a worker killed mid-flow', () => {
  it('leaves nothing half-written and nothing doubled when killed inside an activity', async () => {
    const d = complaintDriver(ctx, DEFAULT_PROCESS_SNAPSHOT);
    const first = await startWorkerProcess();
    const c = await d.file();
    await d.waitForStatus(c, 'acknowledged', 60_000);

    // Hold the complaint's row so the decision's recordTransition activity blocks inside its
    // transaction (its writes wait on the row lock), then kill the worker there.
    const holder = await ctx.sql.reserve();
    await holder`BEGIN`;
    await holder`SELECT 1 FROM complaints WHERE id = ${c.id} FOR UPDATE`;
    const key = { 'idempotency-key': `classify-${c.id}` };
    const decision = d.decide(c, CLASSIFY, 'agent', key);
    await eventually(async () => {
      const [waiting] = await ctx.sql`
        SELECT 1 FROM pg_stat_activity
        WHERE datname = current_database() AND wait_event_type = 'Lock' AND query LIKE '%complaint_events%'`;
      return waiting;
    }, 30_000);
    first.kill('SIGKILL');
    await new Promise((r) => first.once('exit', r));
    await holder`ROLLBACK`;
    holder.release();

    // Nothing of the interrupted transaction was committed.
    const partial = await ctx.sql`SELECT type FROM complaint_events WHERE complaint_id = ${c.id} AND type = 'classify'`;
    expect(partial).toHaveLength(0);
    // Answered once the decision was in the workflow's history, before the write the kill interrupted.
    expect((await decision).status).toBe(200);

    await startWorkerProcess();
    // The client retries with the same key; the workflow finishes the decision exactly once.
    const retry = await eventually(async () => {
      const res = await d.decide(c, CLASSIFY, 'agent', key);
      return res.status === 200 ? res : undefined;
    }, 90_000);
    const answered = (await retry.json()) as { status: string; seq: number };
    expect(answered.status).toBe('investigating');
    // The interrupted write is retried once its attempt times out on the server.
    expect(await readModelReached(ctx.sql, c.reference, answered.seq, { timeoutMs: 90_000 })).toBe(true);
    const events = await d.events(c);
    expect(events.map((e) => e.seq)).toEqual(events.map((_, i) => i));
    expect(events.filter((e) => e.type === 'classify')).toHaveLength(1);
    const messages = await d.messages(c);
    expect(messages.filter((m) => m.template === 'acknowledgement')).toHaveLength(1);
    expect(messages.filter((m) => m.template === 'complaint_routed')).toHaveLength(1);
  }, 180_000);
});
