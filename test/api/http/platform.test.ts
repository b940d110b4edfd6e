import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorBodySchema } from '../../../api/http/errors.js';
import { bearer, integrationContext, type IntegrationContext } from '../../helpers/integration.js';

let ctx: IntegrationContext;
let app: ReturnType<IntegrationContext['app']>;

beforeAll(async () => {
  ctx = await integrationContext();
  app = ctx.app();
});
afterAll(() => ctx.close());

describe('health, docs and unknown routes', () => {
  it('reports liveness and readiness with PostgreSQL and Temporal up', async () => {
    expect(await (await app.request('/healthz')).json()).toEqual({ status: 'ok' });
    const ready = await app.request('/readyz');
    expect(ready.status).toBe(200);
    expect(await ready.json()).toEqual({ status: 'ready', checks: { postgres: 'up', temporal: 'up' } });
  });

  it('publishes an OpenAPI 3.1 document generated from the schemas', async () => {
    const doc = (await (await app.request('/openapi.json')).json()) as { openapi: string; paths: Record<string, unknown> };
    expect(doc.openapi).toBe('3.1.0');
    expect(Object.keys(doc.paths)).toEqual(expect.arrayContaining(['/v1/complaints', '/v1/complaints/{reference}', '/readyz']));
  });

  it('serves interactive docs whose scripts come from this server, not a CDN', async () => {
    const page = await (await app.request('/docs')).text();
    expect(page).toContain('/docs/assets/start.js');
    expect(page).not.toMatch(/https?:\/\//);
    // The start-up call is a script of ours (the page's CSP allows no inline script): it loads our document.
    expect(await (await app.request('/docs/assets/start.js')).text()).toContain("url: '/openapi.json'");
    const script = await app.request('/docs/assets/swagger-ui-bundle.js');
    expect(script.status).toBe(200);
    expect((await script.arrayBuffer()).byteLength).toBeGreaterThan(100_000);
  });

  it.each([
    ['PUT', '/v1/complaints', 'GET, HEAD, POST'],
    ['DELETE', '/v1/complaints/CMP-2026-000001', 'GET, HEAD'],
    ['GET', '/v1/complaints/CMP-2026-000001/decisions', 'POST'],
    ['GET', '/v1/track', 'POST'],
    ['PUT', '/track', 'GET, HEAD, POST'],
    ['DELETE', '/r/v1.some-token-of-sixteen-chars', 'GET, HEAD, POST'],
    ['POST', '/healthz', 'GET, HEAD'],
  ])('answers %s %s with 405 METHOD_NOT_ALLOWED and Allow: %s', async (method, path, allow) => {
    const res = await app.request(path, { method });
    expect(res.status).toBe(405);
    expect(res.headers.get('allow')).toBe(allow);
    const { error } = errorBodySchema.parse(await res.json());
    expect(error).toMatchObject({ code: 'METHOD_NOT_ALLOWED', requestId: expect.any(String) });
  });

  it('answers 400 naming the parameter for a NUL in the query or the path, on any route', async () => {
    const query = await app.request('/v1/complaints?category=product%00defect', { headers: bearer('agent') });
    expect(query.status).toBe(400);
    expect(errorBodySchema.parse(await query.json()).error).toMatchObject({ code: 'VALIDATION_FAILED', details: [{ path: 'query.category' }] });
    const path = await app.request('/v1/complaints/CMP-2026%00-000001', { headers: bearer('agent') });
    expect(path.status).toBe(400);
    expect(errorBodySchema.parse(await path.json()).error.details).toEqual([expect.objectContaining({ path: 'path' })]);
    // A customer's page answers with a page, not JSON, all the same a 400.
    for (const address of ['/track?reference=CMP%00&lang=en', '/r/abcdefghijklmnop%00qrstuvwxyz']) {
      const page = await app.request(address);
      expect(page.status, address).toBe(400);
      expect(page.headers.get('content-type'), address).toContain('text/html');
    }
  });

  it('answers unknown routes with a JSON 404', async () => {
    const res = await app.request('/v1/nothing-here');
    expect(res.status).toBe(404);
    expect(errorBodySchema.parse(await res.json()).error.code).toBe('NOT_FOUND');
  });
});
