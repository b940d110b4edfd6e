// Intake when Temporal is down after the PostgreSQL commit: the complaint is kept and answered
// (202), and the intake reconciler starts its workflow later. "Down" is the real gateway on a real
// client whose server address is a closed port.
import { WorkflowNotFoundError } from '@temporalio/client';
import { randomBytes } from 'node:crypto';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { intakeResponseSchema } from '../../../api/intake/intake.schemas.js';
import { purgeExpiredIntakeResponses, runIntakeReconciler, startUnrecordedComplaints } from '../../../jobs/intake-reconciler.js';
import { createTemporalGateway, type TemporalGateway } from '../../../temporal/gateway.js';
import { parseEncryptionKeys } from '../../../security/payload-codec.js';
import { SealedBox } from '../../../security/sealed-box.js';
import { complaintWorkflowId } from '../../../workflows/complaint.messages.js';
import { aComplaint } from '../../helpers/fixtures.js';
import { eventually, integrationContext, type IntegrationContext } from '../../helpers/integration.js';

let ctx: IntegrationContext;
let gateway: TemporalGateway;
let sealedBox: SealedBox;

beforeAll(async () => {
  ctx = await integrationContext();
  await ctx.startWorker();
  gateway = createTemporalGateway(ctx.client, ctx.taskQueue);
  sealedBox = new SealedBox(ctx.encryptionKeys);
});
afterAll(() => ctx.close());

const recorded = async (id: string) => {
  const [row] = await ctx.sql<{ recorded_at: Date | null }[]>`SELECT recorded_at FROM complaints WHERE id = ${id}`;
  return row?.recorded_at ?? undefined;
};

const workflowExists = async (complaintId: string) => {
  try {
    await ctx.client.workflow.getHandle(complaintWorkflowId(complaintId)).describe();
    return true;
  } catch (err) {
    if (err instanceof WorkflowNotFoundError) return false;
    throw err;
  }
};

/** An app whose Temporal is down, with its log lines collected. */
function appWithTemporalDown() {
  const lines: string[] = [];
  const log = pino({ level: 'warn' }, { write: (line: string) => void lines.push(line) });
  const app = ctx.app({ temporal: ctx.unreachableTemporal(), log });
  const file = (headers: Record<string, string> = {}) =>
    app.request('/v1/complaints', {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: JSON.stringify(aComplaint()),
    });
  return { file, lines };
}

describe('intake while Temporal is unavailable', () => {
  it('answers 202 with reference, PIN and Location, keeps the complaint, and the reconciler starts it', async () => {
    const { file, lines } = appWithTemporalDown();
    const started = Date.now();
    const res = await file();
    expect(Date.now() - started).toBeLessThan(5_000);
    expect(res.status).toBe(202);
    const body = intakeResponseSchema.parse(await res.json());
    expect(body).toMatchObject({ reference: expect.stringMatching(/^CMP-\d{4}-\d{6}$/), pin: expect.stringMatching(/^\d{8}$/) });
    expect(res.headers.get('location')).toBe(`/v1/complaints/${body.reference}`);

    const [row] = await ctx.sql<{ reference: string }[]>`SELECT reference FROM complaints WHERE id = ${body.id}`;
    expect(row?.reference).toBe(body.reference);
    expect(await workflowExists(body.id)).toBe(false);
    const warning = lines.find((l) => l.includes(body.id));
    expect(warning).toContain('intake reconciler');
    for (const personal of [body.pin, body.reference, 'Ayşe', 'ayse@example.com']) expect(lines.join()).not.toContain(personal);

    expect((await startUnrecordedComplaints({ sql: ctx.sql, temporal: gateway, sealedBox }, 0)).started).toBeGreaterThanOrEqual(1);
    await eventually(() => recorded(body.id));
  });

  it('answers a retry with the same Idempotency-Key 202 while Temporal is down, then 200 once it is back', async () => {
    const headers = { 'idempotency-key': `down-${crypto.randomUUID()}` };
    const { file } = appWithTemporalDown();
    const first = await file(headers);
    const retry = await file(headers);
    expect([first.status, retry.status]).toEqual([202, 202]);
    const body = intakeResponseSchema.parse(await first.json());
    expect(await retry.json()).toEqual(body);

    const back = await ctx.app().request('/v1/complaints', {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: JSON.stringify(aComplaint()),
    });
    expect(back.status).toBe(200);
    expect(await back.json()).toEqual(body);
    await eventually(() => recorded(body.id));
  });
});

/** Ledger rows older than any real one, sealed with a key this API does not hold; removed afterwards. */
async function withUnopenableRows(count: number, run: () => Promise<void>) {
  const retired = parseEncryptionKeys([`retired:${randomBytes(32).toString('base64')}`]);
  const sealed = new SealedBox(retired).seal({ lost: true });
  const tag = `unopenable-${crypto.randomUUID()}`;
  await ctx.sql`
    WITH ids AS (SELECT gen_random_uuid() AS id, n FROM generate_series(1, ${count}::int) AS n),
    c AS (
      INSERT INTO complaints (id, reference, channel, status, customer_name, customer_locale, subject, description, pin_hash, received_at)
      SELECT id, ${tag} || '-' || n, 'web', 'received', 'x', 'tr', 'x', 'x', 'x', '2000-01-01T00:00:00Z'::timestamptz + n * interval '1 second'
      FROM ids RETURNING id, reference)
    INSERT INTO intake_requests (idempotency_key, fingerprint, complaint_id, reference, sealed_response)
    SELECT 'test:' || reference, 'x', id, reference, ${sealed} FROM c`;
  try {
    await run();
  } finally {
    await ctx.sql`DELETE FROM intake_requests WHERE reference LIKE ${`${tag}-%`}`;
    await ctx.sql`DELETE FROM complaints WHERE reference LIKE ${`${tag}-%`}`;
  }
}

async function anOrphan() {
  const res = await appWithTemporalDown().file();
  expect(res.status).toBe(202);
  return intakeResponseSchema.parse(await res.json());
}

describe('startUnrecordedComplaints', () => {
  const deps = () => ({ sql: ctx.sql, temporal: gateway, sealedBox });

  it('pages past more unopenable oldest rows than one page holds and starts the complaint behind them', async () => {
    const orphan = await anOrphan();
    await withUnopenableRows(150, async () => {
      const result = await startUnrecordedComplaints(deps(), 0, { pageSize: 100 });
      expect(result.failed).toBeGreaterThanOrEqual(150);
      expect(result.started).toBeGreaterThanOrEqual(1);
    });
    await eventually(() => recorded(orphan.id));
  });

  it('looks at no more rows than its bound in one run', async () => {
    const orphan = await anOrphan();
    await withUnopenableRows(30, async () => {
      expect(await startUnrecordedComplaints(deps(), 0, { pageSize: 7, maxPerRun: 20 })).toEqual({ started: 0, failed: 20, examined: 20 });
      expect(await workflowExists(orphan.id)).toBe(false);
    });
    expect((await startUnrecordedComplaints(deps(), 0)).started).toBeGreaterThanOrEqual(1);
    await eventually(() => recorded(orphan.id));
  });

  it('counts only workflows it started, not those already running', async () => {
    const orphan = await anOrphan();
    // A task queue no worker polls: the workflow runs but never records the complaint.
    const idle = createTemporalGateway(ctx.client, `idle-${crypto.randomUUID()}`);
    const handle = ctx.client.workflow.getHandle(complaintWorkflowId(orphan.id));
    try {
      const first = await startUnrecordedComplaints({ ...deps(), temporal: idle }, 0);
      expect(first.started).toBeGreaterThanOrEqual(1);
      expect(await workflowExists(orphan.id)).toBe(true);
      const again = await startUnrecordedComplaints({ ...deps(), temporal: idle }, 0);
      // Rows of other files that no key here opens fail in both runs; the running orphan is in neither count.
      expect(again).toMatchObject({ started: 0, failed: first.failed });
      expect(again.examined).toBeGreaterThanOrEqual(1);
    } finally {
      await handle.terminate('test over');
      await ctx.sql`UPDATE complaints SET recorded_at = now() WHERE id = ${orphan.id}`;
    }
  });
});

describe('purgeExpiredIntakeResponses', () => {
  const sealedOf = async (id: string) => {
    const [row] = await ctx.sql<{ sealed_response: string | null }[]>`SELECT sealed_response FROM intake_requests WHERE complaint_id = ${id}`;
    return row!.sealed_response;
  };
  const age = (id: string, hours: number) =>
    ctx.sql`UPDATE intake_requests SET created_at = now() - make_interval(hours => ${hours}) WHERE complaint_id = ${id}`;
  const aRecordedComplaint = async () => {
    const res = await ctx.app().request('/v1/complaints', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(aComplaint()),
    });
    const { id } = intakeResponseSchema.parse(await res.json());
    await eventually(() => recorded(id));
    return id;
  };

  it('erases the sealed response (the PIN) after 24 hours, only once the workflow has recorded the complaint', async () => {
    const [expired, fresh] = [await aRecordedComplaint(), await aRecordedComplaint()];
    const unstarted = (await anOrphan()).id;
    await age(expired, 25);
    await age(fresh, 23);
    await age(unstarted, 25);
    expect(await purgeExpiredIntakeResponses(ctx.sql)).toBeGreaterThanOrEqual(1);
    expect(await sealedOf(expired)).toBeNull();
    expect(await sealedOf(fresh)).not.toBeNull();
    expect(await sealedOf(unstarted)).not.toBeNull(); // the reconciler still needs its input
    expect((await startUnrecordedComplaints({ sql: ctx.sql, temporal: gateway, sealedBox }, 0)).started).toBeGreaterThanOrEqual(1);
    await eventually(() => recorded(unstarted));
  });

  it('erases at most one batch per call', async () => {
    const ids = [await aRecordedComplaint(), await aRecordedComplaint()];
    for (const id of ids) await age(id, 25);
    const stillSealed = async () => (await Promise.all(ids.map(sealedOf))).filter((s) => s !== null).length;
    expect(await purgeExpiredIntakeResponses(ctx.sql, { batch: 1 })).toBe(1);
    expect(await purgeExpiredIntakeResponses(ctx.sql, { batch: 1 })).toBe(1);
    await purgeExpiredIntakeResponses(ctx.sql);
    expect(await stillSealed()).toBe(0);
  });

  it('runs in the intake reconciler loop', async () => {
    const id = await aRecordedComplaint();
    await age(id, 25);
    const stop = runIntakeReconciler({ sql: ctx.sql, temporal: gateway, sealedBox, log: pino({ level: 'silent' }) }, 50);
    try {
      await eventually(async () => ((await sealedOf(id)) === null ? true : undefined));
    } finally {
      stop();
    }
  });
});
