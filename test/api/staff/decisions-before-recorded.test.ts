// A decision is answered once it is in the workflow's history, before its transitions reach the
// read model (issue 15: a decision costs about one bare update). What a user notices: a slow or
// locked read model does not hold the answer; the answer is the complaint exactly as the read model
// shows it once written; a closing decision's run ends only after its transitions are written.
import { Worker } from '@temporalio/worker';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { encryptingDataConverter } from '../../../security/payload-codec.js';
import { complaintSchema } from '../../../api/staff/complaints.schemas.js';
import { readModelReached } from '../../../read-model/complaint-queries.js';
import type { Decision } from '../../../domain/lifecycle/index.js';
import { CLASSIFY, complaintDriver, PROPOSE_REPAIR, type FiledComplaint } from '../../helpers/complaint-driver.js';
import { bearer, integrationContext, type IntegrationContext } from '../../helpers/integration.js';
import { quietProcess } from '../../helpers/process.js';

let ctx: IntegrationContext;
let d: ReturnType<typeof complaintDriver>;

beforeAll(async () => {
  ctx = await integrationContext();
  await ctx.startWorker();
  d = complaintDriver(ctx, quietProcess());
});
afterAll(() => ctx.close());

/** POSTs the decision without waiting for the read model (the driver's `decide` waits, as the console does). */
async function postDecision(c: FiledComplaint, decision: Decision) {
  const res = await d.app.request(`/v1/complaints/${c.reference}/decisions`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...bearer('agent') },
    body: JSON.stringify(decision),
  });
  expect(res.status, await res.clone().text()).toBe(200);
  return { body: complaintSchema.parse(await res.json()), etag: res.headers.get('etag') };
}

async function readBack(c: FiledComplaint) {
  const res = await d.app.request(`/v1/complaints/${c.reference}`, { headers: bearer('agent') });
  expect(res.status).toBe(200);
  return { body: complaintSchema.parse(await res.json()), etag: res.headers.get('etag') };
}

/** Holds the complaint's row locked (the read model's write of a transition waits) until `release` is called. */
async function lockRow(c: FiledComplaint) {
  let release!: () => void;
  const released = new Promise<void>((resolve) => (release = resolve));
  let locked!: () => void;
  const isLocked = new Promise<void>((resolve) => (locked = resolve));
  const held = ctx.sql.begin(async (tx) => {
    await tx`SELECT 1 FROM complaints WHERE id = ${c.id} FOR UPDATE`;
    locked();
    await released;
  });
  await isLocked;
  return { release: async () => (release(), await held) };
}

/** `businessMinutesLeft` counts from the instant of each read: everything else must be the same. */
const withoutClock = (b: { stage: { businessMinutesLeft: number | null } | null }) => ({ ...b, stage: b.stage && { ...b.stage, businessMinutesLeft: null } });

const lastSeqOf = async (c: FiledComplaint) => (await ctx.sql<{ last_seq: number }[]>`SELECT last_seq FROM complaints WHERE id = ${c.id}`)[0]!.last_seq;

describe('a decision answered before its transitions are in the read model', () => {
  it('answers while the read model cannot write it, and the row then shows exactly what the answer showed', async () => {
    const c = await d.file();
    await d.waitForStatus(c, 'acknowledged');
    await readModelReached(ctx.sql, c.reference, (await d.status(c)).seq);
    const before = await lastSeqOf(c);
    const lock = await lockRow(c);
    let answered;
    try {
      answered = await postDecision(c, CLASSIFY);
      // Answered with the new state while the row is still as it was.
      expect(answered.body).toMatchObject({ status: 'investigating', category: 'product_defect', severity: 'high', department: 'after_sales' });
      expect(answered.body.seq).toBeGreaterThan(before);
      expect(await lastSeqOf(c)).toBe(before);
    } finally {
      await lock.release();
    }
    expect(await readModelReached(ctx.sql, c.reference, answered.body.seq, { timeoutMs: 20_000 })).toBe(true);
    const read = await readBack(c);
    expect(withoutClock(read.body)).toEqual(withoutClock(answered.body));
    expect(read.etag).toBe(answered.etag);
  });

  it.each<[string, Decision[]]>([
    ['an assignment', [{ type: 'assign', assignee: 'agent-7', team: 'after_sales' }]],
    ['a proposal, with its link and the answer it waits for', [CLASSIFY, PROPOSE_REPAIR]],
    ['a withdrawal, which closes the complaint', [{ type: 'withdraw', reason: 'The customer called: solved on the phone.' }]],
  ])('answers %s as the read model shows it once written', async (_what, decisions) => {
    const c = await d.file();
    await d.waitForStatus(c, 'acknowledged');
    let answered;
    for (const decision of decisions) answered = await postDecision(c, decision);
    await readModelReached(ctx.sql, c.reference, answered!.body.seq, { timeoutMs: 20_000 });
    const read = await readBack(c);
    expect(withoutClock(read.body)).toEqual(withoutClock(answered!.body));
  });

  it('takes a second decision after the first one’s pending write, in order, and the run replays', async () => {
    const c = await d.file();
    await d.waitForStatus(c, 'acknowledged');
    await readModelReached(ctx.sql, c.reference, (await d.status(c)).seq);
    const lock = await lockRow(c);
    let second;
    try {
      const first = await postDecision(c, { type: 'note', text: 'First, while the row is locked.' });
      // Sent while the first's write waits on the lock: answered once that write is done.
      const sending = postDecision(c, { type: 'note', text: 'Second, queued behind it.' });
      await new Promise((resolve) => setTimeout(resolve, 300));
      await lock.release();
      second = await sending;
      expect(second.body.seq).toBe(first.body.seq + 1);
    } finally {
      await lock.release();
    }
    await postDecision(c, { type: 'withdraw', reason: 'Solved on the phone.' });
    const handle = ctx.client.workflow.getHandle(c.id);
    await handle.result();
    const notes = (await d.events(c)).filter((e) => e.type === 'note').map((e) => (e.data as { text: string }).text);
    expect(notes).toEqual(['First, while the row is locked.', 'Second, queued behind it.']);
    // The branches that wait for pending writes replay as they ran.
    await Worker.runReplayHistory(
      { workflowBundle: { code: inject('workflowBundleCode') }, dataConverter: encryptingDataConverter(ctx.encryptionKeys) },
      await handle.fetchHistory(),
      c.id,
    );
  });

  it('ends a closed complaint’s run only after its closing transitions are written', async () => {
    const c = await d.file();
    await d.waitForStatus(c, 'acknowledged');
    await readModelReached(ctx.sql, c.reference, (await d.status(c)).seq);
    const lock = await lockRow(c);
    const handle = ctx.client.workflow.getHandle(c.id);
    try {
      const answered = await postDecision(c, { type: 'withdraw', reason: 'Filed twice by mistake.' });
      expect(answered.body).toMatchObject({ status: 'closed', closure: 'withdrawn' });
      await new Promise((resolve) => setTimeout(resolve, 500));
      // Its write waits on the lock, and so does the end of its run.
      expect((await handle.describe()).status.name).toBe('RUNNING');
    } finally {
      await lock.release();
    }
    await handle.result();
    expect((await readBack(c)).body).toMatchObject({ status: 'closed', closure: 'withdrawn' });
  });
});
