// An independent check of the whole API: schemathesis (PyPI) reads our OpenAPI document and sends
// generated, often hostile, requests to every operation on a real server with real Temporal and
// PostgreSQL behind it. No request may get a 5xx, and every answer must be what the document says.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { serve, type ServerType } from '@hono/node-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../../../scripts/tools.js';
import { complaintDriver } from '../../helpers/complaint-driver.js';
import { integrationContext, STAFF_KEYS, type IntegrationContext } from '../../helpers/integration.js';
import { quietProcess } from '../../helpers/process.js';

const SCHEMATHESIS = `${PROJECT_ROOT}.tools/fuzz/bin/st`;

let ctx: IntegrationContext;
let server: ServerType;
let base: string;
beforeAll(async () => {
  if (!existsSync(SCHEMATHESIS)) throw new Error(`${SCHEMATHESIS} is missing: run scripts/install-fuzzer.sh (npm test does)`);
  ctx = await integrationContext();
  await ctx.startWorker();
  const app = ctx.app({ publicIntakePerMinute: 100_000, trackingPerMinute: 100_000 });
  // One real complaint, so operations on an existing reference are reached too.
  await complaintDriver(ctx, quietProcess()).file();
  server = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' });
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

describe('the API under generated requests', () => {
  it.each([
    ['a supervisor', [`--header=Authorization: Bearer ${STAFF_KEYS.supervisor}`]],
    ['an anonymous caller', []],
  ])(
    'never answers %s with a server error or off its OpenAPI document',
    async (_who, auth) => {
      const { code, output } = await schemathesis([
        'run',
        `${base}/openapi.json`,
        '--checks=not_a_server_error,status_code_conformance,content_type_conformance,response_schema_conformance',
        '--max-examples=25',
        '--workers=1',
        '--seed=10002',
        '--no-color',
        ...auth,
      ]);
      expect(code, output.slice(-6000)).toBe(0);
    },
    300_000,
  );
});
