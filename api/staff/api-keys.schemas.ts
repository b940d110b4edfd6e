// Request and response schemas of /v1/api-keys, documented for the API reference.
import { z } from '@hono/zod-openapi';
import { ROLES } from '../../domain/complaint.js';
import type { ApiKeyPolicy } from '../../domain/staff-access/api-keys.js';

const instant = z.string().meta({ format: 'date-time', example: '2027-03-02T09:00:00.000Z' });
const personId = z
  .string()
  .min(1)
  .max(100)
  .regex(/^[A-Za-z0-9._@:-]+$/, 'expected a staff id of letters, digits and . _ @ : -')
  .meta({ description: 'The staff member the key acts as', example: 'crm.integration' });

export const apiKeyIdParamSchema = z.object({ id: z.uuid().meta({ param: { name: 'id', in: 'path' }, example: '0b8f7c4e-8c1a-4d7e-9a55-3f1c2b6d9e10' }) });

export const apiKeyListQuerySchema = z.object({ personId: personId.optional() });

export function apiKeyCreateSchema(policy: Pick<ApiKeyPolicy, 'maxDays'>) {
  return z
    .strictObject({
      personId,
      role: z.enum(ROLES).meta({ description: 'The role the key acts in: one the person holds' }),
      label: z.string().trim().min(1).max(80).meta({ description: 'What the key is for, shown in lists', example: 'CRM integration' }),
      expiresInDays: z
        .number()
        .int()
        .min(1)
        .max(policy.maxDays)
        .optional()
        .meta({ description: `Days until the key expires (default and maximum: ${policy.maxDays}, config API_KEY_MAX_DAYS)` }),
    })
    .meta({ id: 'ApiKeyCreate' });
}

export function apiKeyRotationSchema(policy: Pick<ApiKeyPolicy, 'defaultGraceHours'>) {
  return z
    .strictObject({
      graceHours: z
        .number()
        .int()
        .min(0)
        .max(24 * 30)
        .optional()
        .meta({ description: `How long the old key keeps working beside the new one (default ${policy.defaultGraceHours}; never past the old key's expiry; 0 stops it now)` }),
    })
    .meta({ id: 'ApiKeyRotation' });
}

export const apiKeySchema = z
  .object({
    id: z.uuid(),
    personId: z.string(),
    role: z.enum(ROLES),
    label: z.string(),
    prefix: z.string().meta({ description: 'The first part of the key, to recognise it (the secret is never shown again)', example: 'plaint_k3x9q2ma' }),
    status: z.enum(['active', 'rotating', 'expired', 'revoked']).meta({ description: '`rotating`: replaced, still valid until graceEndsAt' }),
    createdAt: instant,
    createdBy: z.string().nullable(),
    expiresAt: instant,
    lastUsedAt: instant.nullable().meta({ description: 'Updated at most once a minute' }),
    revokedAt: instant.nullable(),
    graceEndsAt: instant.nullable().meta({ description: 'Set by rotation: when this key stops' }),
    rotatedFromId: z.uuid().nullable(),
    replacedById: z.uuid().nullable(),
  })
  .meta({ id: 'ApiKey' });

export const apiKeyListSchema = z.object({ keys: z.array(apiKeySchema) }).meta({ id: 'ApiKeyList' });

export const issuedApiKeySchema = z
  .object({
    key: apiKeySchema,
    secret: z.string().meta({ description: 'The key itself, shown this once: Plaint keeps only its SHA-256', example: 'plaint_k3x9q2ma_…' }),
  })
  .meta({ id: 'IssuedApiKey' });

export const rotatedApiKeySchema = issuedApiKeySchema
  .extend({ previous: apiKeySchema.meta({ description: 'The old key, valid until its graceEndsAt' }) })
  .meta({ id: 'RotatedApiKey' });

export type ApiKeyView = z.infer<typeof apiKeySchema>;
