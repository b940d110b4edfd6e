// GET /metrics: what a Prometheus server scrapes, read back with prometheus_client's own parser
// (an implementation of the text format we did not write).
import { execFileSync } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApiMetrics } from '../../../api/http/metrics.js';
import { connectDatabase } from '../../../db/connect.js';
import { aComplaint } from '../../helpers/fixtures.js';
import { bearer, eventually, integrationContext, type IntegrationContext } from '../../helpers/integration.js';

let ctx: IntegrationContext;
let app: ReturnType<IntegrationContext['app']>;
beforeAll(async () => {
  ctx = await integrationContext({ ownDatabase: true }); // the SLA figures count this database's complaints only
  await ctx.startWorker();
  app = ctx.app();
});
afterAll(() => ctx?.close());

/** `value` null for NaN (a fresh registry's event-loop figures), which JSON cannot carry. */
type Sample = { name: string; labels: Record<string, string>; value: number | null };

/** The samples of a scrape, as prometheus_client parses them. */
function parse(text: string): Sample[] {
  const script =
    'import sys, json\nfrom prometheus_client.parser import text_string_to_metric_families\n' +
    'print(json.dumps([{"name": s.name, "labels": s.labels, "value": None if s.value != s.value else s.value} for f in text_string_to_metric_families(sys.stdin.read()) for s in f.samples]))';
  return JSON.parse(execFileSync('.tools/fuzz/bin/python', ['-c', script], { input: text }).toString()) as Sample[];
}

const value = (samples: Sample[], name: string, labels: Record<string, string>) =>
  samples.find((s) => s.name === name && Object.entries(labels).every(([k, v]) => s.labels[k] === v))?.value;

describe('GET /metrics', () => {
  it('counts requests by route, intakes by channel and decisions by type, and shows the SLA and outbox figures', async () => {
    const filed = await app.request('/v1/complaints', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(aComplaint()) });
    expect(filed.status).toBe(201);
    const { reference, id } = (await filed.json()) as { reference: string; id: string };
    await eventually(async () => ((await ctx.sql`SELECT 1 FROM complaints WHERE id = ${id} AND recorded_at IS NOT NULL`).length ? true : undefined));
    const note = await app.request(`/v1/complaints/${reference}/decisions`, {
      method: 'POST',
      headers: { ...bearer('agent'), 'content-type': 'application/json' },
      body: JSON.stringify({ type: 'note', text: 'Called the customer.' }),
    });
    expect(note.status).toBe(200);
    const refused = await app.request(`/v1/complaints/${reference}/decisions`, {
      method: 'POST',
      headers: { ...bearer('agent'), 'content-type': 'application/json' },
      body: JSON.stringify({ type: 'customer_accepted', round: 1 }),
    });
    expect(refused.status).toBeGreaterThanOrEqual(400);
    await app.request(`/v1/complaints/${reference}`, { headers: bearer('agent') });

    const res = await app.request('/metrics');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('text/plain');
    const samples = parse(await res.text());
    expect(value(samples, 'plaint_http_requests_total', { method: 'POST', route: '/v1/complaints', status: '201' })).toBeGreaterThanOrEqual(1);
    expect(value(samples, 'plaint_http_requests_total', { method: 'GET', route: '/v1/complaints/:reference', status: '200' })).toBeGreaterThanOrEqual(1);
    // The route's pattern, never the path: one complaint's reference is no label.
    expect(samples.some((s) => Object.values(s.labels).some((v) => v.includes(reference)))).toBe(false);
    expect(value(samples, 'plaint_http_request_duration_seconds_count', { method: 'POST', route: '/v1/complaints' })).toBeGreaterThanOrEqual(1);
    expect(value(samples, 'plaint_intakes_total', { channel: 'web', outcome: 'created' })).toBeGreaterThanOrEqual(1);
    expect(value(samples, 'plaint_decisions_total', { type: 'note', outcome: 'taken' })).toBe(1);
    const [open] = await ctx.sql<{ n: number }[]>`SELECT count(*)::int AS n FROM complaints WHERE closed_at IS NULL`;
    const openByStage = samples.filter((s) => s.name === 'plaint_complaints_open').reduce((sum, s) => sum + (s.value ?? 0), 0);
    expect(openByStage).toBe(open!.n);
    expect(samples.some((s) => s.name === 'plaint_complaints_breached')).toBe(true);
    expect(samples.some((s) => s.name === 'plaint_api_process_resident_memory_bytes')).toBe(true);
  });

  it('still answers while PostgreSQL is down: the database figures left out, plaint_database_up 0', async () => {
    const unreachable = connectDatabase('postgres://postgres@127.0.0.1:1/plaint', { max: 1 }); // nothing listens on port 1
    try {
      const metrics = createApiMetrics(unreachable);
      metrics.httpRequests.inc({ method: 'GET', route: '/healthz', status: '200' });
      const samples = parse(await metrics.registry.metrics());
      expect(value(samples, 'plaint_database_up', {})).toBe(0);
      expect(value(samples, 'plaint_http_requests_total', { route: '/healthz' })).toBe(1);
      expect(samples.some((s) => s.name === 'plaint_complaints_open' || s.name === 'plaint_outbox_messages')).toBe(false);
    } finally {
      await unreachable.end({ timeout: 1 });
    }
    const up = parse(await (await app.request('/metrics')).text());
    expect(value(up, 'plaint_database_up', {})).toBe(1);
  });

  it('asks for its bearer token when METRICS_TOKEN is set', async () => {
    const guarded = ctx.app({ extraConfig: { METRICS_TOKEN: 'a-scrape-token-of-some-length' } });
    expect((await guarded.request('/metrics')).status).toBe(401);
    expect((await guarded.request('/metrics', { headers: { authorization: 'Bearer wrong-token-of-some-length' } })).status).toBe(401);
    expect((await guarded.request('/metrics', { headers: { authorization: 'Bearer a-scrape-token-of-some-length' } })).status).toBe(200);
  });
});
