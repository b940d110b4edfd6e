// HTTP load (autocannon): the API's tracking and read endpoints at their throughput limit over a
// real socket, beside a bare Hono route served the same way in the same process, which is the
// raw limit of this machine's HTTP stack. Prints requests per second, latency and the ratio.
//   npx tsx bench/http-load.ts [seconds=10] [connections=32]
import autocannon from 'autocannon';
import { serve } from '@hono/node-server';
import { Hono } from 'hono';
import type { AddressInfo } from 'node:net';
import { API_SERVER_OPTIONS } from '../api/http/server-options.js';
import { BENCH_SUPERVISOR_KEY, fileRecorded, startBenchStack } from './harness.js';

const seconds = Number(process.argv[2] ?? 10);
let nextAddress = 0;
const connections = Number(process.argv[3] ?? 32);

function listen(fetch: (req: Request) => Response | Promise<Response>): Promise<{ url: string; close(): void }> {
  return new Promise((resolve) => {
    const server = serve({ fetch, port: 0, hostname: '127.0.0.1', serverOptions: API_SERVER_OPTIONS }, (info: AddressInfo) =>
      resolve({ url: `http://127.0.0.1:${info.port}`, close: () => server.close() }),
    );
  });
}

async function load(label: string, opts: autocannon.Options): Promise<number> {
  const result = await autocannon({ connections, duration: seconds, ...opts });
  const bad = result.non2xx + result.errors + result.timeouts;
  console.log(
    `${label.padEnd(38)} ${result.requests.average.toFixed(0).padStart(7)} req/s   p50 ${String(result.latency.p50).padStart(4)} ms   p99 ${String(result.latency.p99).padStart(4)} ms${bad ? `   (${bad} not 2xx/failed)` : ''}`,
  );
  return result.requests.average;
}

const stack = await startBenchStack({ poolMax: 20 });
const bare = await listen(new Hono().get('/bare', (c) => c.json({ status: 'ok' })).fetch);
try {
  await stack.startWorker();
  // Customers come from many networks: each tracking request from its own (X-Forwarded-For behind our proxy).
  const app = stack.app(undefined, { trackingPerMinute: 1_000_000_000, trustProxy: true });
  const api = await listen(app.fetch);
  const { reference, pin } = await fileRecorded(stack, app);
  const staff = { authorization: `Bearer ${BENCH_SUPERVISOR_KEY}` };
  console.log(`${seconds} s each, ${connections} connections, one machine (numbers are relative to its load)`);
  const raw = await load('bare Hono route (raw limit)', { url: `${bare.url}/bare` });
  const figures: Array<[string, number]> = [
    ['GET /healthz', await load('GET /healthz', { url: `${api.url}/healthz` })],
    [
      'POST /v1/track (reference + PIN)',
      await load('POST /v1/track (reference + PIN)', {
        url: `${api.url}/v1/track`,
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ reference, pin }),
        setupClient: (client) => {
          const from = () => {
            const n = (nextAddress = (nextAddress + 1) % 16_000_000);
            client.setHeaders({ 'content-type': 'application/json', 'x-forwarded-for': `10.${(n >> 16) & 255}.${(n >> 8) & 255}.${n & 255}` });
          };
          from();
          client.on('response', from);
        },
      }),
    ],
    ['GET /v1/complaints/{reference}', await load('GET /v1/complaints/{reference}', { url: `${api.url}/v1/complaints/${reference}`, headers: staff })],
    ['GET /v1/complaints?status=…', await load('GET /v1/complaints?status=…', { url: `${api.url}/v1/complaints?status=acknowledged,in_review&limit=20`, headers: staff })],
  ];
  console.log('ratio to the bare route:');
  for (const [label, perSecond] of figures) console.log(`  ${label.padEnd(36)} ${(perSecond / raw).toFixed(3)}`);
  api.close();
} finally {
  bare.close();
  await stack.stop();
}
