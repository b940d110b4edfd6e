// A worker process killed with SIGKILL in the middle of work: the next worker finishes it, and
// nothing is lost or written twice (activities are idempotent by complaint and sequence).
import { spawn, type ChildProcess } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { DEFAULT_PROCESS_SNAPSHOT } from '../../config/default-process.js';
import { PROJECT_ROOT } from '../../scripts/tools.js';
import { CLASSIFY, complaintDriver, type FiledComplaint } from '../helpers/complaint-driver.js';
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
  it('leaves nothing lost and nothing doubled once another worker takes over', async () => {
    const d = complaintDriver(ctx, DEFAULT_PROCESS_SNAPSHOT);
    const first = await startWorkerProcess();
    const filed: FiledComplaint[] = [];
    for (let i = 0; i < 6; i++) filed.push(await d.file());
    // Decisions race with the kill: some land before it, the rest wait for the next worker.
    const decisions = filed.map(async (c) => {
      await d.waitForStatus(c, 'acknowledged', 60_000);
      return d.decide(c, CLASSIFY, 'agent', { 'idempotency-key': `classify-${c.id}` });
    });
    await new Promise((r) => setTimeout(r, 300));
    first.kill('SIGKILL');
    await new Promise((r) => first.once('exit', r));
    await startWorkerProcess();
    const answers = await Promise.all(decisions);
    for (const res of answers) expect([200, 503]).toContain(res.status);
    // A decision cut off by the kill is retried by its client with the same key.
    for (const [i, res] of answers.entries()) {
      if (res.status !== 200) {
        const retry = await d.decide(filed[i]!, CLASSIFY, 'agent', { 'idempotency-key': `classify-${filed[i]!.id}` });
        expect(retry.status).toBe(200);
      }
    }
    for (const c of filed) {
      await d.waitForStatus(c, 'investigating', 30_000);
      const events = await d.events(c);
      expect(events.map((e) => e.seq)).toEqual(events.map((_, i) => i));
      expect(events.filter((e) => e.type === 'classify')).toHaveLength(1);
      const messages = await d.messages(c);
      expect(messages.filter((m) => m.template === 'acknowledgement')).toHaveLength(1);
      expect(messages.filter((m) => m.template === 'complaint_routed')).toHaveLength(1);
    }
  }, 180_000);
});
