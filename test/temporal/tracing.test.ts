// Traces from the API through the workflow to its activities, received by an OTLP/HTTP collector
// of our own (the protocol's JSON encoding, as the exporter sends it): one trace from the intake
// request to the activities its workflow ran.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inject } from 'vitest';
import { connectTemporalClient } from '../../temporal/client.js';
import { createTemporalGateway } from '../../temporal/gateway.js';
import { startTracing, type Tracing } from '../../temporal/tracing.js';
import { createComplaintWorker, type ComplaintWorker } from '../../worker/create-worker.js';
import { aComplaint } from '../helpers/fixtures.js';
import { eventually, integrationContext, type IntegrationContext } from '../helpers/integration.js';

type Span = { traceId: string; spanId: string; parentSpanId?: string; name: string; service: string };

let ctx: IntegrationContext;
let collector: Server;
let tracing: Tracing;
let worker: ComplaintWorker;
let running: Promise<void>;
const spans: Span[] = [];

beforeAll(async () => {
  collector = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      if (req.url === '/v1/traces' && req.headers['content-type']?.startsWith('application/json')) {
        const body = JSON.parse(Buffer.concat(chunks).toString()) as {
          resourceSpans: Array<{ resource: { attributes: Array<{ key: string; value: { stringValue?: string } }> }; scopeSpans: Array<{ spans: Span[] }> }>;
        };
        for (const rs of body.resourceSpans) {
          const service = rs.resource.attributes.find((a) => a.key === 'service.name')?.value.stringValue ?? '';
          for (const ss of rs.scopeSpans) for (const span of ss.spans) spans.push({ ...span, service });
        }
      }
      res.writeHead(200, { 'content-type': 'application/json' }).end('{}');
    });
  });
  await new Promise<void>((r) => collector.listen(0, '127.0.0.1', r));
  const endpoint = `http://127.0.0.1:${(collector.address() as AddressInfo).port}/v1/traces`;
  ctx = await integrationContext();
  // One provider per process: the API and the worker share it here, each span naming its service.
  tracing = startTracing({ endpoint, service: 'plaint' })!;
  worker = await createComplaintWorker({
    address: inject('temporalAddress'),
    namespace: 'default',
    taskQueue: ctx.taskQueue,
    activityDeps: ctx.activityDeps,
    encryptionKeys: ctx.encryptionKeys,
    shutdownGraceMs: 1000,
    tracing: tracing.workerOptions, // bundles workflows/ with the tracing interceptors
  });
  running = worker.run();
}, 120_000);

afterAll(async () => {
  worker?.worker.shutdown();
  await running;
  await tracing?.shutdown();
  await ctx?.close();
  collector?.close();
});

describe('tracing (OTEL_EXPORTER_OTLP_TRACES_ENDPOINT set)', () => {
  it('follows an intake in one trace: its HTTP request, the workflow start, and the activities its run schedules and runs', async () => {
    const client = await connectTemporalClient({ address: inject('temporalAddress'), namespace: 'default', encryptionKeys: ctx.encryptionKeys, interceptors: tracing.clientInterceptors });
    const app = ctx.app({ tracer: tracing.tracer, temporal: createTemporalGateway(client, ctx.taskQueue) });
    const res = await app.request('/v1/complaints', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(aComplaint()) });
    expect(res.status).toBe(201);
    const { id } = (await res.json()) as { id: string };
    await eventually(async () => ((await ctx.sql`SELECT 1 FROM complaints WHERE id = ${id} AND recorded_at IS NOT NULL`).length ? true : undefined), 30_000);

    const trace = await eventually(async () => {
      const request = spans.find((s) => s.name === 'POST /v1/complaints');
      if (!request) return undefined;
      const inTrace = spans.filter((s) => s.traceId === request.traceId);
      const names = inTrace.map((s) => s.name);
      // The workflow's own span ends with the workflow (weeks away); its children are here already.
      const complete = ['StartWorkflow:complaintWorkflow', 'StartActivity:recordComplaint', 'RunActivity:recordComplaint'].every((n) => names.includes(n));
      return complete ? { request, inTrace } : undefined;
    }, 30_000);
    const start = trace.inTrace.find((s) => s.name === 'StartWorkflow:complaintWorkflow')!;
    expect(start.parentSpanId).toBe(trace.request.spanId);
    const scheduled = trace.inTrace.find((s) => s.name === 'StartActivity:recordComplaint')!;
    const ran = trace.inTrace.find((s) => s.name === 'RunActivity:recordComplaint')!;
    expect(ran.parentSpanId).toBe(scheduled.spanId); // the activity continues the workflow's span
    expect(trace.inTrace.map((s) => s.name)).toContain('RunActivity:recordTransition');
    await client.connection.close();
  }, 90_000);
});
