// The access matrix (api/http/access-matrix.ts) against the running API: every OpenAPI operation is
// in it and nothing else, the README shows it, and every operation called as every role, without a
// key and with a wrong key answers what the matrix says.
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROLES } from '../../../domain/complaint.js';
import { ACCESS_MATRIX, operationMethod, operationPath, readsApiKeys, type OperationAccess } from '../../../api/http/access-matrix.js';
import { README_END, README_START, renderAccessMatrix } from '../../../scripts/render-access-matrix.js';
import { PROJECT_ROOT } from '../../../scripts/tools.js';
import { complaintDriver, type FiledComplaint } from '../../helpers/complaint-driver.js';
import { integrationContext, STAFF_KEYS, type IntegrationContext } from '../../helpers/integration.js';
import { quietProcess } from '../../helpers/process.js';
import type { InboundMail } from '../../../inbound/receive-mail.js';

const MATRIX = ACCESS_MATRIX as Record<string, OperationAccess>;
/**
 * Operations whose allowed callers get a 2xx from the probe request as it is (no body, the filed
 * complaint's reference). The others get a 4xx for the probe's empty body or made-up ids: for them
 * the test checks only that the refusal is not the matrix's (401/403 of access()).
 */
const SUCCEEDS_AS_PROBED = new Set([
  'GET /v1/complaints',
  'GET /v1/intake-options',
  'GET /v1/complaints/{reference}',
  'GET /v1/complaints/{reference}/events',
  'GET /v1/complaints/{reference}/messages',
  'GET /v1/complaints/{reference}/attachments',
  'GET /v1/calendars',
  'GET /v1/process-definitions',
  'GET /v1/staff',
  'GET /v1/teams',
  'GET /v1/departments',
  'GET /v1/organisation-roles',
  'GET /v1/classifications',
  'GET /v1/audit/staff-actions',
  'GET /healthz',
]);

let ctx: IntegrationContext;
let app: ReturnType<IntegrationContext['app']>;
let filed: FiledComplaint;
beforeAll(async () => {
  ctx = await integrationContext();
  await ctx.startWorker();
  const mail = { maxBytes: 1_000_000 } as unknown as InboundMail; // the route's admission refuses a keyless probe before mail is read
  app = ctx.app({ inboundMail: { mail, webhookSecret: 'access-matrix-inbound-secret-0123456789' } });
  filed = await complaintDriver(ctx, quietProcess()).file();
});
afterAll(async () => {
  await ctx?.close();
});

async function documentedOperations(): Promise<string[]> {
  const doc = (await (await app.request('/openapi.json')).json()) as { paths: Record<string, Record<string, unknown>> };
  return Object.entries(doc.paths).flatMap(([path, ops]) => Object.keys(ops).map((method) => `${method.toUpperCase()} ${path}`));
}

describe('the access matrix', () => {
  it('names every operation of the OpenAPI document, and no other', async () => {
    const documented = await documentedOperations();
    expect(documented.filter((op) => !(op in MATRIX)), 'operations missing from api/http/access-matrix.ts').toEqual([]);
    expect(Object.keys(MATRIX).filter((op) => !documented.includes(op)), 'matrix rows naming no operation').toEqual([]);
  });

  it('is shown in the README exactly as scripts/render-access-matrix.ts renders it', () => {
    const readme = readFileSync(`${PROJECT_ROOT}README.md`, 'utf8');
    const start = readme.indexOf(README_START);
    const end = readme.indexOf(README_END);
    expect(start >= 0 && end > start, `README.md needs the table between ${README_START} and ${README_END}`).toBe(true);
    expect(readme.slice(start + README_START.length, end).trim()).toBe(renderAccessMatrix());
  });

  it('is what the API enforces: every operation as every role, without a key and with a wrong key', async () => {
    const callers = ['no key', 'wrong key', ...ROLES] as const;
    const wrong: string[] = [];
    for (const [operation, access] of Object.entries(MATRIX)) {
      const method = operationMethod(operation);
      const url = operationPath(operation).replaceAll('{reference}', filed.reference).replaceAll(/\{[^}]+\}/g, 'x1');
      for (const caller of callers) {
        const headers: Record<string, string> = { 'content-type': 'application/json' };
        if (caller === 'wrong key') headers.authorization = 'Bearer not-a-key-of-anyone';
        else if (caller !== 'no key') headers.authorization = `Bearer ${STAFF_KEYS[caller]}`;
        const res = await app.request(url, { method, headers, ...(method === 'GET' || method === 'DELETE' ? {} : { body: '{}' }) });
        const body = (await res.text()).slice(0, 300);
        const code = /"code":"(\w+)"/.exec(body)?.[1];
        const refusedByMatrix = code === 'UNAUTHENTICATED' && body.includes('needs a staff API key');
        const allowed = caller === 'no key' ? access.key === 'optional' : caller === 'wrong key' ? !readsApiKeys(operation) : access.roles.includes(caller);
        let ok: boolean;
        if (caller === 'wrong key') ok = allowed ? res.status !== 401 : res.status === 401;
        else if (caller === 'no key') ok = allowed ? !refusedByMatrix && res.status !== 403 : res.status === 401;
        else if (!allowed) ok = res.status === 403 && code === 'NOT_ALLOWED_FOR_ROLE';
        else ok = SUCCEEDS_AS_PROBED.has(operation) ? res.status >= 200 && res.status < 300 : code !== 'NOT_ALLOWED_FOR_ROLE' && !refusedByMatrix && res.status < 500;
        if (!ok) wrong.push(`${operation} as ${caller}: ${res.status} ${body}`);
      }
    }
    expect(wrong).toEqual([]);
  }, 120_000);
});
