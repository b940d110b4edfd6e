// Every route that takes a body has a stated limit: walking the app's own routes, each POST, PUT and
// PATCH falls in a named group of BODY_LIMIT_BYTES, and a body one byte over that limit is refused
// with 413 before any handler reads it: JSON routes with PAYLOAD_TOO_LARGE naming the limit, pages
// with a page.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BODY_LIMIT_BYTES, bodyLimitGroup } from '../../../api/http/body-limits.js';
import { bearer, integrationContext, type IntegrationContext } from '../../helpers/integration.js';
import { aStaffPerson, signedInCookie } from '../../helpers/console.js';

let ctx: IntegrationContext;
let app: ReturnType<IntegrationContext['app']>;
beforeAll(async () => {
  ctx = await integrationContext();
  app = ctx.app();
});
afterAll(() => ctx.close());

/** Routes whose few-field bodies the `other` group's 16 KiB covers on purpose. */
const SMALL_BODIES = new Set(['/hooks/sms/webhook']);

function bodyRoutes() {
  const seen = new Set<string>();
  return app.routes
    .filter((r) => ['POST', 'PUT', 'PATCH'].includes(r.method) && !r.path.includes('*'))
    .map((r) => ({ method: r.method, path: r.path.replace(/:[A-Za-z]+(\{[^}]*\})?/g, 'x') }))
    .filter((r) => !seen.has(`${r.method} ${r.path}`) && seen.add(`${r.method} ${r.path}`));
}

describe('body limits per route', () => {
  it('every route that takes a body falls in a named group', () => {
    const routes = bodyRoutes();
    expect(routes.length).toBeGreaterThan(40);
    const unnamed = routes.filter((r) => bodyLimitGroup(r.path) === 'other' && !SMALL_BODIES.has(r.path));
    expect(unnamed).toEqual([]);
    expect(bodyLimitGroup('/v1/complaints')).toBe('intake');
    expect(bodyLimitGroup('/v1/complaints/CMP-2026-000001/decisions')).toBe('staff');
    expect(bodyLimitGroup('/v1/integrations/whatsapp/complaints')).toBe('integrations');
    expect(bodyLimitGroup('/v1/inbound/email')).toBe('inboundEmail');
    expect(bodyLimitGroup('/complaints/new')).toBe('complaintForm');
    expect(bodyLimitGroup('/console/complaints/new')).toBe('consoleIntake');
  });

  it('refuses one byte over the limit with 413, JSON naming the limit on /v1', async () => {
    const person = await aStaffPerson(ctx.sql, { roles: ['admin'] });
    const { cookie, csrfToken } = await signedInCookie(ctx.sql, person);
    const failures: string[] = [];
    for (const route of bodyRoutes()) {
      const group = bodyLimitGroup(route.path);
      const limit = group === 'complaintForm' ? undefined : BODY_LIMIT_BYTES[group];
      if (limit === undefined) continue; // the form's limit follows its settings: complaint-form-refusals.test.ts
      const isApi = ['/v1/', '/hooks/', '/codec/', '/console/codec/'].some((prefix) => route.path.startsWith(prefix));
      const isConsole = route.path.startsWith('/console/');
      const headers: Record<string, string> = {
        'content-type': isApi ? 'application/json' : 'application/x-www-form-urlencoded',
        ...(isApi ? bearer('admin') : {}),
        ...(isConsole ? { cookie, origin: 'http://localhost', 'x-csrf-token': csrfToken } : {}),
      };
      const res = await app.request(route.path, { method: route.method, headers, body: 'x'.repeat(limit + 1) });
      const label = `${route.method} ${route.path} (${group}, ${limit} bytes)`;
      if (res.status !== 413) {
        failures.push(`${label}: ${res.status}`);
        continue;
      }
      if (isApi) {
        const body = (await res.json()) as { error: { code: string; message: string; details?: { maxBytes?: number } } };
        if (body.error.code !== 'PAYLOAD_TOO_LARGE' || body.error.details?.maxBytes !== limit) failures.push(`${label}: ${JSON.stringify(body)}`);
        if (!body.error.message.includes(`${limit / 1024} KiB`)) failures.push(`${label}: the message does not name the limit`);
      } else {
        if (!res.headers.get('content-type')?.includes('text/html')) failures.push(`${label}: a page route answered ${res.headers.get('content-type')}`);
      }
    }
    expect(failures).toEqual([]);
  });

  it('takes a body just under its limit (the limit is not off by one)', async () => {
    const res = await app.request('/v1/track', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ reference: 'CMP-2026-000001', pin: '12345678', pad: ' '.repeat(BODY_LIMIT_BYTES.tracking - 80) }),
    });
    expect(res.status).not.toBe(413);
  });
});
