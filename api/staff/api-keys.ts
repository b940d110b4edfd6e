// /v1/api-keys (administrators): API keys held in PostgreSQL for people of the staff directory.
// Creating one answers its secret once; rotation issues a successor and keeps the old key valid
// for a grace period, so a client switches without an outage; revocation stops a key within the
// authentication cache's bound (api/http/stored-api-keys.ts). Each step is in the staff audit.
import { access } from '../http/access-matrix.js';
import { createRoute, OpenAPIHono } from '@hono/zod-openapi';
import type { Sql } from 'postgres';
import { apiKeyStatus, type ApiKeyPolicy } from '../../domain/staff-access/api-keys.js';
import { issueApiKey, listApiKeys, revokeApiKey, rotateApiKey, type ApiKeyRecord } from '../../read-model/api-keys.js';
import { recordStaffAction } from '../console/staff-audit.js';
import type { AppEnv } from '../http/app-env.js';
import { API_KEY_LINKS } from '../http/links.js';
import { errorResponses } from '../http/errors.js';
import { responseBody } from '../http/response-body.js';
import { validationHook } from '../http/validation.js';
import {
  apiKeyCreateSchema,
  apiKeyIdParamSchema,
  apiKeyListQuerySchema,
  apiKeyListSchema,
  apiKeyRotationSchema,
  apiKeySchema,
  issuedApiKeySchema,
  rotatedApiKeySchema,
} from './api-keys.schemas.js';

const json = <T>(schema: T) => ({ 'application/json': { schema } });
const security = [{ apiKey: [] }];

/** The roles allowed on each /v1/api-keys route (for the access matrix). */
export const API_KEY_ROUTE_ROLES = ['admin'] as const;

function view(key: ApiKeyRecord, now = new Date()) {
  const iso = (d: Date | null) => d?.toISOString() ?? null;
  return {
    id: key.id,
    personId: key.personId,
    role: key.role,
    label: key.label,
    prefix: key.prefix,
    status: apiKeyStatus(key, now),
    createdAt: key.createdAt.toISOString(),
    createdBy: key.createdBy,
    expiresAt: key.expiresAt.toISOString(),
    lastUsedAt: iso(key.lastUsedAt),
    revokedAt: iso(key.revokedAt),
    graceEndsAt: iso(key.graceEndsAt),
    rotatedFromId: key.rotatedFrom,
    replacedById: key.replacedBy,
  };
}

export function apiKeyRoutes({ sql, policy }: { sql: Sql; policy: ApiKeyPolicy }) {
  const createSchema = apiKeyCreateSchema(policy);
  const rotationSchema = apiKeyRotationSchema(policy);

  const createKey = createRoute({
    method: 'post',
    path: '/',
    summary: 'Issue an API key',
    description: 'The answer carries the key (`secret`) this once; Plaint keeps only its SHA-256. 422 names `personId` or `role` when the person is unknown, deactivated or without the role.',
    security,
    request: { body: { required: true, content: json(createSchema) } },
    middleware: [access('POST /v1/api-keys')] as const,
    responses: { 201: { description: 'Issued', content: json(issuedApiKeySchema), links: API_KEY_LINKS }, ...errorResponses(400, 401, 403, 422) },
  });
  const listKeys = createRoute({
    method: 'get',
    path: '/',
    summary: 'List API keys',
    description: 'Newest first, with status, expiry and last use; never a secret.',
    security,
    request: { query: apiKeyListQuerySchema },
    middleware: [access('GET /v1/api-keys')] as const,
    responses: { 200: { description: 'The keys', content: json(apiKeyListSchema) }, ...errorResponses(400, 401, 403) },
  });
  const rotateKey = createRoute({
    method: 'post',
    path: '/{id}/rotation',
    summary: 'Rotate an API key',
    description: 'Issues a successor (its secret shown this once) and keeps the old key valid until `graceEndsAt`. 409 for a key that is not active.',
    security,
    request: { params: apiKeyIdParamSchema, body: { required: false, content: json(rotationSchema) } },
    middleware: [access('POST /v1/api-keys/{id}/rotation')] as const,
    responses: { 201: { description: 'Rotated', content: json(rotatedApiKeySchema) }, ...errorResponses(400, 401, 403, 404, 409) },
  });
  const revokeKey = createRoute({
    method: 'delete',
    path: '/{id}',
    summary: 'Revoke an API key',
    description: 'Every API process refuses it within 5 seconds (API_KEY_REVOKED). Revoking again changes nothing.',
    security,
    request: { params: apiKeyIdParamSchema },
    middleware: [access('DELETE /v1/api-keys/{id}')] as const,
    responses: { 200: { description: 'Revoked', content: json(apiKeySchema) }, ...errorResponses(400, 401, 403, 404) },
  });

  return new OpenAPIHono<AppEnv>({ defaultHook: validationHook })
    .openapi(createKey, async (c) => {
      const actor = c.get('actor')!;
      const body = c.req.valid('json');
      const { record, secret } = await issueApiKey(sql, { ...body, createdBy: actor.id }, policy);
      await recordStaffAction(sql, { actorId: actor.id, actorRole: actor.role, action: 'api_key_created', subject: record.personId, details: { keyId: record.id, prefix: record.prefix, role: record.role } });
      return c.json(responseBody(issuedApiKeySchema, { key: view(record), secret }), 201);
    })
    .openapi(listKeys, async (c) => {
      const keys = await listApiKeys(sql, { personId: c.req.valid('query').personId });
      const now = new Date();
      return c.json(responseBody(apiKeyListSchema, { keys: keys.map((k) => view(k, now)) }), 200);
    })
    .openapi(rotateKey, async (c) => {
      const actor = c.get('actor')!;
      const { id } = c.req.valid('param');
      // No body (it is optional): the default grace.
      const graceHours = c.req.valid('json').graceHours ?? policy.defaultGraceHours;
      const { previous, successor, secret } = await rotateApiKey(sql, { id, graceHours, rotatedBy: actor.id }, policy);
      await recordStaffAction(sql, {
        actorId: actor.id,
        actorRole: actor.role,
        action: 'api_key_rotated',
        subject: previous.personId,
        details: { keyId: previous.id, successorId: successor.id, graceEndsAt: previous.graceEndsAt?.toISOString() },
      });
      return c.json(responseBody(rotatedApiKeySchema, { key: view(successor), secret, previous: view(previous) }), 201);
    })
    .openapi(revokeKey, async (c) => {
      const actor = c.get('actor')!;
      const { record, wasLive } = await revokeApiKey(sql, c.req.valid('param').id, actor.id);
      if (wasLive) await recordStaffAction(sql, { actorId: actor.id, actorRole: actor.role, action: 'api_key_revoked', subject: record.personId, details: { keyId: record.id, prefix: record.prefix } });
      return c.json(responseBody(apiKeySchema, view(record)), 200);
    });
}
