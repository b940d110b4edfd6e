// The other half of the access matrix: what it allows, the API does. Every operation, called by
// every role the matrix lets in (and, where it lets in a caller without a key, by one), with a
// request that fits the operation and the state it needs, answers 2xx. The table below is that
// request per operation; a new operation without a row fails the type check and the first test.
import { randomUUID } from 'node:crypto';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Role } from '../../../domain/complaint.js';
import { ACCESS_MATRIX, operationMethod, operationPath, type Operation, type OperationAccess } from '../../../api/http/access-matrix.js';
import { FixedWindowLimiter } from '../../../api/http/rate-limit.js';
import { createInboundMail } from '../../../inbound/receive-mail.js';
import { postgresAttachmentStore } from '../../../read-model/attachments.js';
import { customerLookupHasher } from '../../../security/customer-lookup.js';
import { replyAddressBook } from '../../../security/reply-address.js';
import { SealedBox } from '../../../security/sealed-box.js';
import { createTemporalGateway } from '../../../temporal/gateway.js';
import { complaintDriver, type ComplaintDriver, type FiledComplaint } from '../../helpers/complaint-driver.js';
import { customerFlow, linkSigner } from '../../helpers/customer-fixtures.js';
import { bearer, integrationContext, LINK_SIGNING_SECRET, trackingPins, type IntegrationContext } from '../../helpers/integration.js';
import { aPlatformComplaint, CHAT_SECRET, signedComplaintRequest } from '../../helpers/integration-webhooks.js';
import { quietProcess } from '../../helpers/process.js';

type Caller = Role | 'no key';
/** One request: the path with its query, and a JSON body (or a raw one with its own headers). */
interface Call {
  path: string;
  body?: unknown;
  init?: RequestInit;
}

const INBOUND_SECRET = `matrix-inbound-${randomUUID()}`;
const run = randomUUID().slice(0, 8);
let serial = 0;
/** A fresh id for what a call creates or destroys. */
const fresh = (prefix: string) => `${prefix}-${run}-${++serial}`;
/** A level id of its own (camelCase): the shipped levels route other tests' escalations. */
const aLevel = () => `matrixLevel${run}N${++serial}`;

let ctx: IntegrationContext;
let app: ReturnType<IntegrationContext['app']>;
let d: ComplaintDriver;
let filed: FiledComplaint;
let attachmentId: string;

/** As the admin, for the setup of a call: must succeed. */
async function setup(method: string, path: string, body?: unknown): Promise<any> {
  const res = await app.request(path, {
    method,
    headers: { 'content-type': 'application/json', ...bearer('admin') },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const text = await res.text();
  if (res.status >= 300) throw new Error(`setup ${method} ${path}: ${res.status} ${text.slice(0, 300)}`);
  return text ? JSON.parse(text) : undefined;
}

async function aPerson(roles: Role[] = ['agent']): Promise<string> {
  const id = fresh('person');
  await ctx.sql`INSERT INTO staff_people (id, name, roles) VALUES (${id}, ${id}, ${roles})`;
  return id;
}

async function aTeam(members: string[] = []): Promise<string> {
  const id = fresh('team');
  await ctx.sql`INSERT INTO staff_teams (id, name) VALUES (${id}, ${id})`;
  for (const person of members) {
    await ctx.sql`INSERT INTO staff_people (id, name, roles) VALUES (${person}, ${person}, '{agent,supervisor,admin,auditor,process_owner}') ON CONFLICT (id) DO NOTHING`;
    await ctx.sql`INSERT INTO staff_team_members (team_id, person_id) VALUES (${id}, ${person})`;
  }
  return id;
}

async function aDepartment(): Promise<string> {
  const id = fresh('dept');
  await ctx.sql`INSERT INTO staff_departments (id, name) VALUES (${id}, ${id})`;
  return id;
}

/** A complaint in a team's queue (straight in the read model: claiming is PostgreSQL's alone). */
async function aQueuedComplaint(team: string): Promise<string> {
  const reference = `CMP-1998-${String(Math.floor(Math.random() * 1e10)).padStart(10, '0')}`;
  await ctx.sql`
    INSERT INTO complaints (id, reference, channel, status, customer_name, customer_locale, subject, description, pin_hash, received_at, recorded_at, team)
    VALUES (${randomUUID()}, ${reference}, 'web', 'investigating', 'A. Customer', 'tr', 'Subject', 'A description', 'x', now(), now(), ${team})`;
  return reference;
}

/** A new process definition copied from the shipped one: its version 1 a draft, or published. */
async function aDefinition(published = false): Promise<string> {
  const id = fresh('matrix');
  await setup('POST', '/v1/process-definitions', { id, from: { definitionId: 'iso-10002-default', version: 1 } });
  if (published) await setup('POST', `/v1/process-definitions/${id}/versions/1/publish`, { changeNote: 'for the access matrix test' });
  return id;
}

async function anApiKey(role: Role = 'agent'): Promise<string> {
  const personId = await aPerson([role]);
  return (await setup('POST', '/v1/api-keys', { personId, role, label: 'access matrix' })).key.id;
}

/** A message of the filed complaint marked failed, so that it can be sent again. */
async function aFailedMessage(): Promise<number> {
  const [row] = await ctx.sql<{ id: number }[]>`
    UPDATE outbox_messages SET status = 'failed' WHERE id = (SELECT id FROM outbox_messages WHERE complaint_id = ${filed.id} ORDER BY id LIMIT 1) RETURNING id`;
  return row!.id;
}

const TEAM_CALLER_IDS = ['test-agent', 'test-supervisor', 'test-admin'];
let queueTeam: string;

/** The request per operation, for one caller; the setup it needs happens before it is sent. */
const EXAMPLES: Record<Operation, (caller: Caller) => Promise<Call>> = {
  'POST /v1/complaints': async (caller) => ({ path: '/v1/complaints', body: { channel: caller === 'no key' ? 'web' : 'phone', ...aComplaintBody() } }),
  'GET /v1/complaints': async () => ({ path: '/v1/complaints?status=received,acknowledged&channel=web&limit=5' }),
  'GET /v1/intake-options': async () => ({ path: '/v1/intake-options' }),
  'GET /v1/complaints/{reference}': async () => ({ path: `/v1/complaints/${filed.reference}` }),
  'POST /v1/complaints/{reference}/decisions': async () => ({ path: `/v1/complaints/${filed.reference}/decisions`, body: { type: 'note', text: 'Called the customer.' } }),
  'GET /v1/complaints/{reference}/events': async () => ({ path: `/v1/complaints/${filed.reference}/events` }),
  'GET /v1/complaints/{reference}/messages': async () => ({ path: `/v1/complaints/${filed.reference}/messages` }),
  'POST /v1/complaints/{reference}/messages/{id}/retry': async () => ({ path: `/v1/complaints/${filed.reference}/messages/${await aFailedMessage()}/retry` }),
  'GET /v1/complaints/{reference}/attachments': async () => ({ path: `/v1/complaints/${filed.reference}/attachments` }),
  'GET /v1/complaints/{reference}/attachments/{id}': async () => ({ path: `/v1/complaints/${filed.reference}/attachments/${attachmentId}` }),
  'POST /v1/complaints/{reference}/erasure': async () => ({ path: `/v1/complaints/${(await d.file()).reference}/erasure`, body: { reason: 'request', note: 'KVKK application 2026/41' } }),
  'GET /v1/complaints/{reference}/erasure': async () => {
    const { reference } = await d.file();
    await setup('POST', `/v1/complaints/${reference}/erasure`, { reason: 'request' });
    return { path: `/v1/complaints/${reference}/erasure` };
  },
  'GET /v1/retention/runs': async () => ({ path: '/v1/retention/runs?limit=5' }),
  'POST /v1/retention/runs': async () => ({ path: '/v1/retention/runs' }),
  'GET /v1/calendars': async () => ({ path: '/v1/calendars' }),
  'GET /v1/calendars/{id}': async () => ({ path: '/v1/calendars/TR?year=2026' }),
  'GET /v1/calendars/{id}/deadline': async () => ({ path: `/v1/calendars/TR/deadline?from=${encodeURIComponent('2026-03-19T11:00:00+03:00')}&workingDays=2` }),
  'GET /v1/calendars/{id}/business-time': async () => ({
    path: `/v1/calendars/TR/business-time?from=${encodeURIComponent('2026-11-20T16:00:00+03:00')}&to=${encodeURIComponent('2026-11-23T11:00:00+03:00')}`,
  }),
  'GET /v1/calendars/{id}/overrides': async () => ({ path: '/v1/calendars/TR/overrides' }),
  // The set in force again: answered 200 and nothing stored, so no other test's calendar moves.
  'PUT /v1/calendars/{id}/overrides': async () => {
    const current = await setup('GET', '/v1/calendars/TR/overrides');
    return { path: '/v1/calendars/TR/overrides', body: { movingHolidays: current.movingHolidays, exceptions: current.exceptions, changeNote: 'unchanged' } };
  },
  'GET /v1/calendars/{id}/overrides/versions': async () => ({ path: '/v1/calendars/TR/overrides/versions' }),
  'GET /v1/calendars/{id}/overrides/versions/{version}': async () => {
    const { versions } = await setup('GET', '/v1/calendars/TR/overrides/versions');
    return { path: `/v1/calendars/TR/overrides/versions/${versions.at(-1)?.version ?? 0}` };
  },
  'GET /v1/process-definitions/selection-rules': async () => ({ path: '/v1/process-definitions/selection-rules' }),
  'PUT /v1/process-definitions/selection-rules': async () => ({ path: '/v1/process-definitions/selection-rules', body: await sameSelection() }),
  'GET /v1/process-definitions/selection-rules/revisions': async () => ({ path: '/v1/process-definitions/selection-rules/revisions' }),
  'GET /v1/process-definitions': async () => ({ path: '/v1/process-definitions' }),
  'POST /v1/process-definitions': async () => ({ path: '/v1/process-definitions', body: { id: fresh('matrix'), from: { definitionId: 'iso-10002-default', version: 1 } } }),
  'GET /v1/process-definitions/{id}': async () => ({ path: '/v1/process-definitions/iso-10002-default' }),
  'POST /v1/process-definitions/{id}/versions': async () => ({ path: `/v1/process-definitions/${await aDefinition(true)}/versions`, body: { from: 1 } }),
  'GET /v1/process-definitions/{id}/versions/{version}': async () => ({ path: '/v1/process-definitions/iso-10002-default/versions/1' }),
  'PUT /v1/process-definitions/{id}/versions/{version}': async () => {
    const id = await aDefinition();
    const { content } = await setup('GET', `/v1/process-definitions/${id}/versions/1`);
    return { path: `/v1/process-definitions/${id}/versions/1`, body: content };
  },
  'DELETE /v1/process-definitions/{id}/versions/{version}': async () => {
    const id = await aDefinition(true);
    await setup('POST', `/v1/process-definitions/${id}/versions`, { from: 1 });
    return { path: `/v1/process-definitions/${id}/versions/2` };
  },
  'POST /v1/process-definitions/{id}/versions/{version}/validate': async () => ({ path: `/v1/process-definitions/${await aDefinition()}/versions/1/validate` }),
  'POST /v1/process-definitions/{id}/versions/{version}/publish': async () => ({
    path: `/v1/process-definitions/${await aDefinition()}/versions/1/publish`,
    body: { changeNote: 'for the access matrix test' },
  }),
  'POST /v1/process-definitions/{id}/versions/{version}/retire': async () => ({ path: `/v1/process-definitions/${await aDefinition(true)}/versions/1/retire` }),
  'GET /v1/process-definitions/{id}/diff': async () => {
    const id = await aDefinition(true);
    await setup('POST', `/v1/process-definitions/${id}/versions`, { from: 1 });
    return { path: `/v1/process-definitions/${id}/diff?from=1&to=2` };
  },
  'GET /v1/process-definitions/{id}/versions/{version}/diagram': async () => ({ path: '/v1/process-definitions/iso-10002-default/versions/1/diagram?lang=en' }),
  'POST /v1/process-definitions/{id}/versions/{v}/simulate': async () => ({
    path: '/v1/process-definitions/iso-10002-default/versions/1/simulate',
    body: { receivedAt: '2026-03-02T10:00:00+03:00', events: [{ kind: 'decision', at: '2026-03-02T11:00:00+03:00', decision: { type: 'acknowledge' } }] },
  }),
  'POST /v1/process-definitions/{id}/versions/{v}/backtest': async () => ({
    path: '/v1/process-definitions/iso-10002-default/versions/1/backtest',
    body: { received: { from: '2026-01-01T00:00:00+03:00', to: '2026-01-02T00:00:00+03:00' } },
  }),
  'POST /v1/process-definitions/{id}/migrations': async () => ({ path: `/v1/process-definitions/${await aDefinition(true)}/migrations`, body: { targetVersion: 1 } }),
  'GET /v1/process-definitions/{id}/migrations/{migrationId}': async () => {
    const id = await aDefinition(true);
    const plan = await setup('POST', `/v1/process-definitions/${id}/migrations`, { targetVersion: 1, dryRun: false });
    return { path: `/v1/process-definitions/${id}/migrations/${plan.migrationId}` };
  },
  'GET /v1/process-selection': async () => ({ path: '/v1/process-selection' }),
  'PUT /v1/process-selection': async () => ({ path: '/v1/process-selection', body: await sameSelection() }),
  'GET /v1/process-selection/revisions': async () => ({ path: '/v1/process-selection/revisions' }),
  'GET /v1/staff': async () => ({ path: '/v1/staff?role=agent' }),
  'POST /v1/staff': async () => ({ path: '/v1/staff', body: { id: fresh('person'), name: 'Ayşe Yılmaz', email: 'ayse.yilmaz@poliser.com.tr', roles: ['agent'] } }),
  'GET /v1/staff/{id}': async () => ({ path: `/v1/staff/${await aPerson()}` }),
  'PATCH /v1/staff/{id}': async () => ({ path: `/v1/staff/${await aPerson()}`, body: { name: 'Ayşe Yılmaz Demir' } }),
  'DELETE /v1/staff/{id}': async () => ({ path: `/v1/staff/${await aPerson()}` }),
  'PUT /v1/staff/{id}/password': async () => ({ path: `/v1/staff/${await aPerson()}/password`, body: { password: `Correct-horse-${randomUUID()}` } }),
  'POST /v1/staff/{id}/unlock': async () => ({ path: `/v1/staff/${await aPerson()}/unlock` }),
  'GET /v1/teams': async () => ({ path: '/v1/teams' }),
  'POST /v1/teams': async () => ({ path: '/v1/teams', body: { id: fresh('team'), name: 'After-sales 1', departmentId: await aDepartment(), leadId: await aPerson(), memberIds: [] } }),
  'GET /v1/teams/{id}': async () => ({ path: `/v1/teams/${await aTeam()}` }),
  'PATCH /v1/teams/{id}': async () => ({ path: `/v1/teams/${await aTeam()}`, body: { name: 'After-sales 2' } }),
  'DELETE /v1/teams/{id}': async () => ({ path: `/v1/teams/${await aTeam()}` }),
  'GET /v1/departments': async () => ({ path: '/v1/departments' }),
  'POST /v1/departments': async () => ({ path: '/v1/departments', body: { id: fresh('dept'), name: 'After-sales service', headId: await aPerson() } }),
  'GET /v1/departments/{id}': async () => ({ path: `/v1/departments/${await aDepartment()}` }),
  'PATCH /v1/departments/{id}': async () => ({ path: `/v1/departments/${await aDepartment()}`, body: { name: 'Service' } }),
  'DELETE /v1/departments/{id}': async () => ({ path: `/v1/departments/${await aDepartment()}` }),
  'GET /v1/organisation-roles': async () => ({ path: '/v1/organisation-roles' }),
  'PUT /v1/organisation-roles/{level}': async () => ({ path: `/v1/organisation-roles/${aLevel()}`, body: { personId: await aPerson() } }),
  'DELETE /v1/organisation-roles/{level}': async () => {
    const level = aLevel();
    await setup('PUT', `/v1/organisation-roles/${level}`, { personId: await aPerson() });
    return { path: `/v1/organisation-roles/${level}` };
  },
  'POST /v1/track': async () => ({ path: '/v1/track', body: { reference: filed.reference, pin: filed.pin } }),
  'POST /v1/responses/{token}': async () => {
    const { token } = await customerFlow(ctx, app).proposed();
    return { path: `/v1/responses/${token}`, body: { decision: 'accept' } };
  },
  'POST /v1/surveys/{token}': async () => ({ path: `/v1/surveys/${await aSurveyToken()}`, body: { handling: 4, outcome: 5, reasons: ['speed'], comment: 'Quick and kind.' } }),
  'GET /v1/reports/satisfaction': async () => ({ path: '/v1/reports/satisfaction?from=2026-01-01T00:00:00Z&to=2027-01-01T00:00:00Z&period=month' }),
  'GET /v1/reports/kpis': async () => ({ path: '/v1/reports/kpis?from=2026-01-01&to=2026-12-31&groupBy=category' }),
  'GET /v1/reports/trends': async () => ({ path: '/v1/reports/trends?from=2026-01-01&to=2026-12-31' }),
  'GET /v1/audit/staff-actions': async () => ({ path: `/v1/audit/staff-actions?source=complaint,console&reference=${filed.reference}&limit=5` }),
  'GET /v1/audit/personal-data-reads': async () => ({ path: `/v1/audit/personal-data-reads?complaint=${filed.reference}&from=2026-01-01&limit=5` }),
  'GET /v1/data-subjects/export': async () => ({ path: '/v1/data-subjects/export?email=ayse%40example.com' }),
  'GET /v1/queues/{team}': async () => ({ path: `/v1/queues/${queueTeam}?limit=5` }),
  'POST /v1/queues/{team}/claim': async () => {
    await aQueuedComplaint(queueTeam);
    return { path: `/v1/queues/${queueTeam}/claim` };
  },
  'POST /v1/queues/{team}/release': async (caller) => {
    await aQueuedComplaint(queueTeam);
    const { claim } = await callAs(caller, 'POST', `/v1/queues/${queueTeam}/claim`);
    return { path: `/v1/queues/${queueTeam}/release`, body: { reference: claim.reference } };
  },
  'GET /v1/queues/{team}/claims': async () => ({ path: `/v1/queues/${queueTeam}/claims` }),
  'GET /v1/classifications': async () => ({ path: '/v1/classifications?lang=tr' }),
  'POST /v1/integrations/{source}/complaints': async () => ({ path: '/v1/integrations/test-chat/complaints', init: signedComplaintRequest(aPlatformComplaint(), { secret: CHAT_SECRET }) }),
  'POST /v1/inbound/email': async () => ({
    path: '/v1/inbound/email',
    init: {
      method: 'POST',
      headers: { 'content-type': 'message/rfc822', 'x-plaint-inbound-secret': INBOUND_SECRET },
      body: [
        `From: Mehmet Demir <mehmet.${fresh('m')}@example.com>`, 'To: complaints@plaint.test', 'Subject: Kargo hasarlı geldi',
        `Message-ID: <${randomUUID()}@mail.example.com>`, 'MIME-Version: 1.0', 'Content-Type: text/plain; charset=utf-8', '',
        'Kutunun köşesi ezik, ürün çizik geldi.', '',
      ].join('\r\n'),
    },
  }),
  'POST /v1/api-keys': async () => ({ path: '/v1/api-keys', body: { personId: await aPerson(['agent']), role: 'agent', label: 'CRM integration', expiresInDays: 30 } }),
  'GET /v1/api-keys': async () => ({ path: '/v1/api-keys' }),
  'POST /v1/api-keys/{id}/rotation': async () => ({ path: `/v1/api-keys/${await anApiKey()}/rotation`, body: { graceHours: 1 } }),
  'DELETE /v1/api-keys/{id}': async () => ({ path: `/v1/api-keys/${await anApiKey()}` }),
  'POST /codec/decode': async () => ({ path: '/codec/decode', body: { payloads: [{ metadata: { encoding: 'anNvbi9wbGFpbg==' }, data: 'eyJhIjoxfQ==' }] } }),
  'POST /codec/encode': async () => ({ path: '/codec/encode', body: { payloads: [{ metadata: { encoding: 'anNvbi9wbGFpbg==' }, data: 'eyJhIjoxfQ==' }] } }),
  'GET /healthz': async () => ({ path: '/healthz' }),
  'GET /readyz': async () => ({ path: '/readyz' }),
};

function aComplaintBody() {
  return {
    customer: { name: 'Ayşe Yılmaz', email: 'ayse@example.com', locale: 'tr', country: 'TR' },
    subject: 'Çamaşır makinesi su sızdırıyor',
    description: 'Makine iki haftalık, alttan su sızdırıyor.',
    product: 'WM-8000',
  };
}

/** The selection rules in force, as a replacement body: storing them again changes no filing. */
async function sameSelection() {
  const { rules, defaultDefinitionId } = await setup('GET', '/v1/process-selection');
  return { rules, defaultDefinitionId, note: 'unchanged, by the access matrix test' };
}

/** A closed complaint's survey link (its row straight in the read model, as survey.test.ts seeds it). */
async function aSurveyToken(): Promise<string> {
  const { id } = await d.file();
  await ctx.sql`UPDATE complaints SET status = 'closed', closure = 'accepted', closed_at = now() WHERE id = ${id}`;
  const linkId = randomUUID();
  const expiresAt = Math.floor(Date.now() / 1000) + 86_400;
  await ctx.sql`INSERT INTO response_links (id, complaint_id, purpose, expires_at) VALUES (${linkId}, ${id}, 'survey', ${new Date(expiresAt * 1000)})`;
  return linkSigner.sign({ linkId, complaintId: id, purpose: 'survey', expiresAt });
}

function headersOf(caller: Caller): Record<string, string> {
  return caller === 'no key' ? {} : bearer(caller);
}

async function callAs(caller: Caller, method: string, path: string, body?: unknown): Promise<any> {
  const res = await app.request(path, {
    method,
    headers: { 'content-type': 'application/json', ...headersOf(caller) },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  return res.json();
}

const MATRIX = ACCESS_MATRIX as Record<Operation, OperationAccess>;

beforeAll(async () => {
  ctx = await integrationContext();
  await ctx.startWorker();
  const process = quietProcess();
  const inbound = createInboundMail({
    sql: ctx.sql,
    intake: {
      sql: ctx.sql,
      temporal: createTemporalGateway(ctx.client, ctx.taskQueue),
      sealedBox: new SealedBox(ctx.encryptionKeys),
      pinProcess: async () => process,
      publicBaseUrl: 'http://plaint.test',
      customerLookup: customerLookupHasher(LINK_SIGNING_SECRET),
      dataKeys: ctx.activityDeps.dataKeys,
      trackingPins,
    },
    attachments: postgresAttachmentStore(ctx.sql, ctx.activityDeps.dataKeys),
    replyAddresses: replyAddressBook(LINK_SIGNING_SECRET, 'reply.plaint.test'),
    mailFrom: 'Plaint <complaints@plaint.test>',
    publicBaseUrl: 'http://plaint.test',
    senderLimiter: new FixedWindowLimiter(1_000, 60 * 60_000),
    maxBytes: 256 * 1024,
    attachmentLimits: { maxCount: 3, maxBytes: 64 * 1024, maxTotalBytes: 128 * 1024 },
    defaultLocale: 'tr',
    staffLocale: 'en',
    log: pino({ level: 'silent' }),
  });
  app = ctx.app({ process, inboundMail: { mail: inbound, webhookSecret: INBOUND_SECRET }, publicIntakePerMinute: 10_000, trackingPerMinute: 10_000 });
  d = complaintDriver(ctx, process);
  filed = await d.file();
  const [stored] = await ctx.sql.begin((tx) =>
    postgresAttachmentStore(ctx.sql, ctx.activityDeps.dataKeys).store(tx, filed.id, [{ name: 'leak.png', contentType: 'image/png', bytes: new Uint8Array([0x89, 0x50, 0x4e, 0x47, 1, 2, 3]) }]),
  );
  attachmentId = stored!.id;
  queueTeam = await aTeam(TEAM_CALLER_IDS);
}, 60_000);
afterAll(async () => {
  await ctx?.close();
});

describe('what the access matrix allows', () => {
  it('has an example request for every operation of the matrix', () => {
    expect(Object.keys(MATRIX).filter((op) => !(op in EXAMPLES))).toEqual([]);
  });

  it('answers 2xx to every allowed caller of every operation', async () => {
    const refused: string[] = [];
    let calls = 0;
    for (const [operation, access] of Object.entries(MATRIX) as [Operation, OperationAccess][]) {
      const callers: Caller[] = [...access.roles, ...(access.key === 'optional' ? (['no key'] as const) : [])];
      for (const caller of callers) {
        let status: number | string;
        let text = '';
        try {
          const call = await EXAMPLES[operation](caller);
          const method = operationMethod(operation);
          // No body, no content type: as a client calls an operation whose body is optional.
          const init: RequestInit = call.init ?? (call.body === undefined ? {} : { headers: { 'content-type': 'application/json' }, body: JSON.stringify(call.body) });
          const path = call.path;
          expect(path.split('?')[0]!.split('/').length, `${operation}: the example's path`).toBe(operationPath(operation).split('/').length);
          const res = await app.request(path, { ...init, method, headers: { ...(init.headers as Record<string, string>), ...headersOf(caller) } });
          status = res.status;
          text = (await res.text()).slice(0, 300);
        } catch (err) {
          status = 'setup failed';
          text = String(err).slice(0, 300);
        }
        calls += 1;
        if (typeof status !== 'number' || status < 200 || status >= 300) refused.push(`${operation} as ${caller}: ${status} ${text}`);
      }
    }
    console.log(`access matrix, allowed side: ${calls} calls`);
    expect(refused).toEqual([]);
  }, 300_000);
});
