// A response body that fails its own schema is the server's bug: the caller gets a 500 (never the
// 400 that says they sent something wrong), and the log names where the body is off its schema.
import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import { pino } from 'pino';
import { describe, expect, it } from 'vitest';
import { errorBodySchema, renderError } from '../../../api/http/errors.js';
import { responseBody } from '../../../api/http/response-body.js';
import { validationHook } from '../../../api/http/validation.js';

const countSchema = z.object({ count: z.number().int(), items: z.array(z.object({ type: z.string() })) });

function appAnswering(body: unknown) {
  const lines: Array<Record<string, unknown>> = [];
  const log = pino({ level: 'info' }, { write: (line: string) => void lines.push(JSON.parse(line) as Record<string, unknown>) });
  const route = createRoute({
    method: 'get',
    path: '/things',
    request: { query: z.strictObject({ limit: z.coerce.number().int().min(1).optional() }) },
    responses: { 200: { description: 'Things', content: { 'application/json': { schema: countSchema } } } },
  });
  const app = new OpenAPIHono({ defaultHook: validationHook }).openapi(route, (c) => c.json(responseBody(countSchema, body), 200));
  app.onError((err, c) => renderError(c, err, log));
  return { app, lines };
}

describe('responseBody', () => {
  it('answers 500 INTERNAL for a body off its schema, and logs where it is off', async () => {
    const { app, lines } = appAnswering({ count: 2, items: [{ type: undefined }] });
    const res = await app.request('/things');
    expect(res.status).toBe(500);
    expect(errorBodySchema.parse(await res.json()).error.code).toBe('INTERNAL');
    const logged = lines.find((l) => l.msg === 'response failed its own schema');
    expect(logged).toMatchObject({ level: 50, path: '/things' });
    expect(logged!.issues).toEqual([expect.stringMatching(/^items\.0\.type: /)]);
  });

  it('sends a body on its schema as parsed (unknown keys dropped)', async () => {
    const { app, lines } = appAnswering({ count: 1, items: [{ type: 'a', extra: true }], secret: 'x' });
    const res = await app.request('/things');
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ count: 1, items: [{ type: 'a' }] });
    expect(lines.filter((l) => (l.level as number) >= 50)).toEqual([]);
  });

  it('still answers 400 naming the field for what the caller sent wrong', async () => {
    const { app, lines } = appAnswering({ count: 0, items: [] });
    const res = await app.request('/things?limit=zero');
    expect(res.status).toBe(400);
    const { error } = errorBodySchema.parse(await res.json());
    expect(error.details).toEqual([expect.objectContaining({ path: 'query.limit' })]);
    expect(lines.filter((l) => (l.level as number) >= 50)).toEqual([]);
  });
});
