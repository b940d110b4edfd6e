// An independent check of the whole API: schemathesis (PyPI) reads our OpenAPI document and sends
// generated, often hostile, requests to every operation on a real server with real Temporal and
// PostgreSQL behind it. No request may get a 5xx, every answer must be what the document says, every request
// the document allows must be taken (or refused for a reason it states), and every other one refused.
import { API_SERVER_OPTIONS } from '../../../api/http/server-options.js';
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { serve, type ServerType } from '@hono/node-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../../../scripts/tools.js';
import { createTemporalGateway } from '../../../temporal/gateway.js';
import { complaintDriver } from '../../helpers/complaint-driver.js';
import { integrationContext, STAFF_KEYS, type IntegrationContext } from '../../helpers/integration.js';
import { quietProcess } from '../../helpers/process.js';

const SCHEMATHESIS = `${PROJECT_ROOT}.tools/fuzz/bin/st`;

let ctx: IntegrationContext;
let server: ServerType;
let base: string;
beforeAll(async () => {
  if (!existsSync(SCHEMATHESIS)) throw new Error(`${SCHEMATHESIS} is missing: run scripts/install-fuzzer.sh (npm test does)`);
  // Its own database: the fuzzer retires process versions, rewrites the selection rules and the
  // directory, which later files rely on.
  ctx = await integrationContext({ ownDatabase: true });
  await ctx.startWorker();
  // A generous update deadline: on a loaded 2-core CI machine a decision can take longer than the
  // production 10 s, and the 503 it would then get is the documented "retry", not a defect.
  const temporal = createTemporalGateway(ctx.client, ctx.taskQueue, 30_000);
  const app = ctx.app({ publicIntakePerMinute: 100_000, trackingPerMinute: 100_000, temporal });
  // One real complaint, so operations on an existing reference are reached too.
  await complaintDriver(ctx, quietProcess()).file();
  server = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1', serverOptions: API_SERVER_OPTIONS });
  await new Promise((r) => server.once('listening', r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  await new Promise((r) => server?.close(r));
  await ctx?.close();
});

/** Runs schemathesis; answers its exit code and output. */
function schemathesis(args: string[]): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve) => {
    const child = spawn(SCHEMATHESIS, args, { env: { PATH: '/usr/bin:/bin', HOME: '/tmp', NO_COLOR: '1' } });
    let output = '';
    child.stdout.on('data', (d: Buffer) => (output += d.toString()));
    child.stderr.on('data', (d: Buffer) => (output += d.toString()));
    child.once('exit', (code) => resolve({ code, output }));
  });
}

/** The failures section of schemathesis' report, with long generated values cut short. */
function failuresOf(output: string): string {
  const start = output.indexOf('FAILURES');
  const section = start < 0 ? output.slice(-6000) : output.slice(start, output.indexOf('SUMMARY', start));
  return section.replace(/(.{12,}?)\1{3,}/g, '$1…').slice(0, 8000);
}

/** Operations and test cases of a run, from schemathesis' summary, for the log. */
function countsOf(output: string): string {
  const tested = /Tested:\s+(\d+)/.exec(output)?.[1] ?? '?';
  const cases = /(\d+) generated/.exec(output)?.[1] ?? '?';
  return `${tested} operations, ${cases} cases`;
}

/**
 * Who calls. Every caller runs every phase (the document's examples, coverage of each schema rule and
 * boundary, random requests, and chains along the document's links) with every check, positive and
 * negative acceptance included: the other roles reach the same operations as the admin, and where
 * they are refused (403) the refusal must still come before anything is read or written. Seed,
 * workers, phases and checks are in schemathesis.toml.
 */
const CALLERS: ReadonlyArray<[who: string, auth: string[]]> = [
  ['an admin', [`--header=Authorization: Bearer ${STAFF_KEYS.admin}`]],
  ['a supervisor', [`--header=Authorization: Bearer ${STAFF_KEYS.supervisor}`]],
  ['an agent', [`--header=Authorization: Bearer ${STAFF_KEYS.agent}`]],
  ['a process owner', [`--header=Authorization: Bearer ${STAFF_KEYS.process_owner}`]],
  ['an auditor', [`--header=Authorization: Bearer ${STAFF_KEYS.auditor}`]],
  ['an anonymous caller', []],
];

describe('the API under generated requests', () => {
  it.each(CALLERS)(
    'never answers %s with a server error, off its OpenAPI document, or a refusal of what the document allows',
    async (who, auth) => {
      const started = Date.now();
      const { code, output } = await schemathesis([
        `--config-file=${PROJECT_ROOT}schemathesis.toml`,
        'run',
        `${base}/openapi.json`,
        '--max-examples=5',
        '--no-color',
        ...auth,
      ]);
      console.log(`schemathesis as ${who}: ${countsOf(output)} in ${Math.round((Date.now() - started) / 1000)} s`);
      expect(code, failuresOf(output)).toBe(0);
    },
    420_000,
  );

  it('leaves no complaint wedged: no workflow task of any complaint it reached has failed', async () => {
    const complaints = await ctx.sql<{ id: string; reference: string }[]>`SELECT id, reference FROM complaints`;
    const failed: string[] = [];
    for (const { id, reference } of complaints) {
      const history = await ctx.client.workflow.getHandle(id).fetchHistory().catch(() => undefined);
      const failure = history?.events?.find((e) => e.workflowTaskFailedEventAttributes);
      if (failure) failed.push(`${reference}: ${failure.workflowTaskFailedEventAttributes?.failure?.message ?? 'workflow task failed'}`);
    }
    expect(failed).toEqual([]);
  });
});
