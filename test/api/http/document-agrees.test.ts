// What schemathesis found, each as a client meets it: the document says what the validators take
// (so a request it allows is not refused with 400), a rule it can only state in words is a 422,
// and input no validator foresaw is a 4xx, never a 500.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorBodySchema } from '../../../api/http/errors.js';
import { aComplaint } from '../../helpers/fixtures.js';
import { bearer, integrationContext, type IntegrationContext } from '../../helpers/integration.js';

let ctx: IntegrationContext;
let app: ReturnType<IntegrationContext['app']>;
let doc: { paths: Record<string, Record<string, any>>; components: { schemas: Record<string, any> } };

beforeAll(async () => {
  ctx = await integrationContext();
  app = ctx.app();
  doc = (await (await app.request('/openapi.json')).json()) as typeof doc;
});
afterAll(() => ctx.close());

const errorOf = async (res: Response) => errorBodySchema.parse(await res.json()).error;
const post = (path: string, body: unknown, role: Parameters<typeof bearer>[0] = 'process_owner') =>
  app.request(path, { method: 'POST', headers: { 'content-type': 'application/json', ...bearer(role) }, body: JSON.stringify(body) });

describe('input no validator foresaw is refused, never a 500', () => {
  it('refuses a NUL in a complaint’s text with 400 naming the field', async () => {
    const res = await app.request('/v1/complaints', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(aComplaint({ description: 'The machine leaks \u0000 water from below.' })),
    });
    expect(res.status).toBe(400);
    expect((await errorOf(res)).details).toEqual([expect.objectContaining({ path: 'description' })]);
  });

  it('refuses a migration to a version number PostgreSQL cannot hold with 400, not 500', async () => {
    const res = await post('/v1/process-definitions/iso-10002-default/migrations', { targetVersion: 8_077_184_245, dryRun: true });
    expect(res.status).toBe(400);
    expect((await errorOf(res)).details).toEqual([expect.objectContaining({ path: 'targetVersion' })]);
  });
});

describe('a rule the document states in words is a 422 naming the field', () => {
  it('a business-time span longer than the calendars allow', async () => {
    const res = await app.request('/v1/calendars/TR/business-time?from=1980-01-01T00:00:00Z&to=2070-01-01T00:00:00Z', { headers: bearer('agent') });
    expect(res.status).toBe(422);
    expect(await errorOf(res)).toMatchObject({ code: 'UNPROCESSABLE', details: [{ path: 'query.to' }] });
  });

  it('a backtest whose window ends before it starts', async () => {
    const res = await post('/v1/process-definitions/iso-10002-default/versions/1/backtest', {
      received: { from: '2026-11-20T16:00:00+03:00', to: '2026-11-20T16:00:00+03:00' },
    });
    expect(res.status).toBe(422);
    expect((await errorOf(res)).details).toEqual([expect.objectContaining({ path: 'received.to' })]);
  });
});

describe('the OpenAPI document says what the validators enforce', () => {
  const parameters = (path: string, method: string) =>
    Object.fromEntries((doc.paths[path]![method].parameters as Array<{ name: string; schema: any }>).map((p) => [p.name, p.schema]));

  it('states the calendars’ years as a pattern on each instant, and no workingHours-xor-workingDays rule is left', () => {
    const deadline = parameters('/v1/calendars/{id}/deadline', 'get');
    expect(new RegExp(deadline.from.pattern).test('2026-03-19T11:00:00+03:00')).toBe(true);
    expect(new RegExp(deadline.from.pattern).test('2080-03-19T11:00:00+03:00')).toBe(false);
    expect(deadline.workingHours).toMatchObject({ minimum: 0 });
    expect(deadline.workingDays).toMatchObject({ minimum: 0 });
  });

  it('says an amount and a currency go together, and a refund or credit needs both', () => {
    const propose = (doc.components.schemas.Decision.oneOf as any[]).find((o) => o.properties?.type?.enum?.[0] === 'propose_resolution');
    expect(propose.allOf).toEqual(
      expect.arrayContaining([
        { dependentRequired: { amount: ['currency'], currency: ['amount'] } },
        expect.objectContaining({ then: { required: ['amount', 'currency'] } }),
      ]),
    );
  });

  it('shows the answer through a link as three exclusive shapes, and a survey’s reasons as unique', () => {
    const answer = doc.components.schemas.CustomerAnswer;
    expect(answer.oneOf.map((o: { title: string }) => o.title)).toEqual(['Accept', 'Reject', 'Answer']);
    const survey = doc.paths['/v1/surveys/{token}']!.post.requestBody.content['application/json'].schema;
    const schema = survey.$ref ? doc.components.schemas[survey.$ref.split('/').pop()] : survey;
    expect(schema.properties.reasons.uniqueItems).toBe(true);
  });

  it('says which channel takes frontOffice, intermediary and receivedAt, and that text holds no NUL', () => {
    const body = doc.paths['/v1/complaints']!.post.requestBody.content['application/json'].schema;
    const text = JSON.stringify(body.$ref ? doc.components.schemas[body.$ref.split('/').pop()] : body);
    for (const field of ['frontOffice', 'intermediary', 'receivedAt']) expect(text).toContain(`"required":["${field}"]`);
    expect(text).toContain('[^\\\\x00]');
  });

  it('links a filed complaint to the calls on it, for clients and stateful fuzzing', () => {
    const links = doc.paths['/v1/complaints']!.post.responses['201'].links;
    expect(links.ReadComplaint).toEqual({ operationRef: '#/paths/~1v1~1complaints~1{reference}/get', parameters: { reference: '$response.body#/reference' } });
  });

  it('documents 422 wherever a rule answers it', () => {
    for (const [path, method] of [
      ['/v1/complaints', 'get'],
      ['/v1/complaints', 'post'],
      ['/v1/reports/kpis', 'get'],
      ['/v1/responses/{token}', 'post'],
      ['/v1/process-definitions/{id}/migrations', 'post'],
    ] as const) {
      expect(Object.keys(doc.paths[path]![method].responses), `${method} ${path}`).toContain('422');
    }
  });
});
