// The Temporal Web UI's codec server (https://docs.temporal.io/production-deployment/data-encryption):
// the UI posts the payloads it shows to `{endpoint}/decode` and shows what comes back. Decoding
// takes off the global AES-GCM layer (security/payload-codec.ts) and opens the personal fields
// sealed with each complaint's data key (security/data-keys.ts); an erased complaint's fields read
// `[erased]`. Only staff who may read complaints' personal data get anything: a staff API key
// (Authorization: Bearer) or the staff console's session cookie (the UI calls with
// `includeCredentials`); no one else (401), no other role (403). CORS admits the configured
// Temporal UI origin only, with credentials.
import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import type { Payload } from '@temporalio/common';
import type { Context, MiddlewareHandler } from 'hono';
import { cors } from 'hono/cors';
import type { Sql } from 'postgres';
import type { Role } from '../../domain/complaint.js';
import { DomainError } from '../../domain/errors.js';
import { complaintIdOfSealed, isSealed, type DataKeyStore } from '../../security/data-keys.js';
import type { AesGcmPayloadCodec } from '../../security/payload-codec.js';
import type { AppEnv } from '../http/app-env.js';
import { authenticate, type parseApiKeys } from '../http/auth.js';
import { errorResponses, fieldIssues, validationError } from '../http/errors.js';
import { responseBody } from '../http/response-body.js';
import { validationHook } from '../http/validation.js';
import type { ConsoleSettings } from '../console/deps.js';
import { allowedRoles } from '../http/access-matrix.js';
import { readSessionCookie } from '../console/session-cookie.js';
import { fromOurOrigin } from '../console/same-origin.js';
import { readsBy, recordPersonalDataReads } from '../../read-model/personal-data-reads.js';
import { findSession, sessionEndReason } from '../console/session-store.js';

/** Who may read decoded payloads: they read complaints' personal data in full (agents work complaints in the console). */
export const CODEC_READERS: readonly Role[] = allowedRoles('POST /codec/decode');

/** What an erased complaint's sealed fields read in the UI. */
export const ERASED_IN_UI = '[erased]';

/** The Temporal UI's default origin (`temporal server start-dev`, docker-compose.ui.yml). */
export const DEFAULT_TEMPORAL_UI_ORIGIN = 'http://localhost:8233';

const base64 = z.string().regex(/^[A-Za-z0-9+/]*={0,2}$/, 'expected base64').max(50_000_000);
const payloadSchema = z
  .object({
    metadata: z.record(z.string(), base64).optional().meta({ description: 'Metadata values, base64' }),
    data: base64.optional().meta({ description: 'The payload bytes, base64' }),
  })
  .meta({ id: 'CodecPayload' });
const payloadsSchema = z
  .object({ payloads: z.array(payloadSchema).max(10_000) })
  .meta({ id: 'CodecPayloads', example: { payloads: [{ metadata: { encoding: 'anNvbi9wbGFpbg==' }, data: 'eyJhIjoxfQ==' }] } });
type WirePayloads = z.infer<typeof payloadsSchema>;

export interface CodecServerDeps {
  sql: Sql;
  dataKeys: DataKeyStore;
  payloadCodec: AesGcmPayloadCodec;
  apiKeys: ReturnType<typeof parseApiKeys>;
  consoleSettings: Pick<ConsoleSettings, 'secureCookies' | 'sessionIdleMinutes' | 'publicOrigin'>;
  /** The Temporal UI's origin (config TEMPORAL_UI_ORIGIN): the only one CORS admits. */
  temporalUiOrigin: string;
}

function route(op: 'decode' | 'encode') {
  return createRoute({
    method: 'post',
    path: `/${op}`,
    summary: op === 'decode' ? 'Decode payloads for the Temporal Web UI (staff)' : 'Encode payloads for the Temporal Web UI (staff)',
    description:
      op === 'decode'
        ? "The Temporal codec server protocol: removes the payload encryption and opens each complaint's sealed personal fields " +
          `(\`${ERASED_IN_UI}\` once erased). For ${CODEC_READERS.join(', ')}; an API key or the console's session cookie.`
        : 'The Temporal codec server protocol: encrypts payloads as the workers do (what the UI sends, e.g. a signal input).',
    security: [{ apiKey: [] }],
    request: { body: { required: true, content: { 'application/json': { schema: payloadsSchema } } } },
    responses: {
      200: { description: op === 'decode' ? 'The payloads, readable' : 'The payloads, encrypted', content: { 'application/json': { schema: payloadsSchema } } },
      ...errorResponses(400, 401, 403),
    },
  });
}

/** CORS for the Temporal UI (preflight answered before any check), then who is calling, then whether they may. */
function codecGuards(deps: CodecServerDeps): MiddlewareHandler<AppEnv>[] {
  return [
    cors({
      origin: (origin) => (origin === deps.temporalUiOrigin ? origin : null),
      credentials: true,
      allowMethods: ['POST', 'OPTIONS'],
      allowHeaders: ['content-type', 'authorization', 'x-namespace'],
      maxAge: 600,
    }),
    authenticate(deps.apiKeys),
    staffFromSessionCookie(deps),
    requireCodecReader,
  ];
}

export function codecRoutes(deps: CodecServerDeps) {
  const app = new OpenAPIHono<AppEnv>({ defaultHook: validationHook });
  app.use('*', ...codecGuards(deps));
  app.openapi(route('decode'), async (c) => c.json(responseBody(payloadsSchema, await decode(deps, c, c.req.valid('json'))), 200));
  app.openapi(route('encode'), async (c) => c.json(responseBody(payloadsSchema, await encode(deps, c.req.valid('json'))), 200));
  return app;
}

/**
 * The same two operations under `/console/codec`: over plain http the console's session cookie
 * is scoped to `/console`, so a browser sends it only there. Not in the OpenAPI document: it is
 * the documented `/codec/*` operation, reachable where the cookie is.
 */
export function consoleCodecRoutes(deps: CodecServerDeps) {
  const app = new OpenAPIHono<AppEnv>();
  app.use('*', ...codecGuards(deps));
  const parsed = async (c: Context<AppEnv>) => {
    const body = payloadsSchema.safeParse(await c.req.json().catch(() => undefined));
    if (!body.success) throw validationError(fieldIssues(body.error.issues, ['body']));
    return body.data;
  };
  app.post('/decode', async (c) => c.json(responseBody(payloadsSchema, await decode(deps, c, await parsed(c))), 200));
  app.post('/encode', async (c) => c.json(responseBody(payloadsSchema, await encode(deps, await parsed(c))), 200));
  return app;
}

/** Without an API key, the console's signed-in person, acting in their session's role. */
function staffFromSessionCookie(deps: CodecServerDeps): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    if (c.get('actor') || c.req.method === 'OPTIONS') return next();
    const token = readSessionCookie(c, deps.consoleSettings);
    if (!token) return next();
    // A cookie rides on any page's request, and a text/plain POST needs no preflight: the cookie
    // counts only from the Temporal UI or our own pages (the console's forms check the same way).
    const origin = c.req.header('origin');
    if (origin !== deps.temporalUiOrigin && !fromOurOrigin(c, deps.consoleSettings.publicOrigin)) {
      throw new DomainError('FOREIGN_ORIGIN', `A session cookie is taken here only from ${deps.temporalUiOrigin} or this server's own pages`, {
        origin: origin ?? null,
      });
    }
    const session = await findSession(deps.sql, token);
    if (session && !sessionEndReason(session, new Date(), deps.consoleSettings.sessionIdleMinutes)) {
      c.set('actor', { id: session.person.id, role: session.role });
    }
    return next();
  };
}

const requireCodecReader: MiddlewareHandler<AppEnv> = async (c, next) => {
  if (c.req.method === 'OPTIONS') return next();
  const actor = c.get('actor');
  if (!actor) throw new DomainError('UNAUTHENTICATED', 'The codec server needs a staff API key (Authorization: Bearer …) or a console session');
  if (!CODEC_READERS.includes(actor.role)) {
    throw new DomainError('NOT_ALLOWED_FOR_ROLE', `Role '${actor.role}' may not read decoded payloads`, { allowedRoles: CODEC_READERS });
  }
  return next();
};

async function decode(deps: CodecServerDeps, c: Context<AppEnv>, body: WirePayloads): Promise<WirePayloads> {
  const decoded = await deps.payloadCodec.decode(body.payloads.map(fromWire));
  const complaintIds = new Set<string>();
  const opened = await Promise.all(decoded.map((p) => openSealedJson(deps.dataKeys, p, complaintIds)));
  // Opened payloads are personal data read, recorded before they leave as every staff read is.
  await recordPersonalDataReads(deps.sql, readsBy(c.get('actor')!, 'codec_decode', complaintIds, { requestId: c.get('requestId') }));
  return { payloads: opened.map(toWire) };
}

async function encode(deps: CodecServerDeps, body: WirePayloads): Promise<WirePayloads> {
  return { payloads: (await deps.payloadCodec.encode(body.payloads.map(fromWire))).map(toWire) };
}

/** A JSON payload with its sealed strings opened (`[erased]` where the key was destroyed); any other payload as it is. */
async function openSealedJson(dataKeys: DataKeyStore, payload: Payload, complaintIds: Set<string>): Promise<Payload> {
  const encoding = payload.metadata?.encoding ? Buffer.from(payload.metadata.encoding).toString() : '';
  if (encoding !== 'json/plain' || !payload.data) return payload;
  const text = Buffer.from(payload.data).toString('utf8');
  if (!text.includes('pd1.')) return payload;
  const value: unknown = JSON.parse(text);
  collectComplaintIds(value, complaintIds);
  const opened = await dataKeys.openDeep(value, { erased: ERASED_IN_UI });
  return { ...payload, data: Buffer.from(JSON.stringify(opened)) };
}

function collectComplaintIds(value: unknown, into: Set<string>): void {
  if (isSealed(value)) {
    const id = complaintIdOfSealed(value);
    if (id) into.add(id);
  } else if (Array.isArray(value)) value.forEach((v) => collectComplaintIds(v, into));
  else if (value !== null && typeof value === 'object') Object.values(value).forEach((v) => collectComplaintIds(v, into));
}

function fromWire(p: WirePayloads['payloads'][number]): Payload {
  return {
    metadata: Object.fromEntries(Object.entries(p.metadata ?? {}).map(([k, v]) => [k, Buffer.from(v, 'base64')])),
    data: Buffer.from(p.data ?? '', 'base64'),
  };
}

function toWire(p: Payload): WirePayloads['payloads'][number] {
  return {
    metadata: Object.fromEntries(Object.entries(p.metadata ?? {}).map(([k, v]) => [k, Buffer.from(v ?? []).toString('base64')])),
    data: Buffer.from(p.data ?? []).toString('base64'),
  };
}
