// The live-chat and social platforms that may file complaints through
// POST /v1/integrations/{source}/complaints, each with the secret(s) it signs its requests with. An
// operator lists them in a JSON file (INTEGRATIONS_CONFIG_FILE), read once at start; without the
// file no source is known and every such request answers 404.
import { readFileSync } from 'node:fs';
import { z } from 'zod';
import type { Channel } from '../domain/complaint.js';
import type { Config } from './env.js';

/** The intake channels a platform integration files on. */
export const INTEGRATION_CHANNELS = ['live_chat', 'social_media'] as const satisfies readonly Channel[];
export type IntegrationChannel = (typeof INTEGRATION_CHANNELS)[number];

/** The shortest secret we accept: 32 characters, as for the SMS webhook in production. */
export const INTEGRATION_SECRET_MIN_LENGTH = 32;

/** A source id as it stands in the URL: lower-case letters, digits, `-` and `_`. */
export const INTEGRATION_SOURCE_PATTERN = /^[a-z0-9][a-z0-9_-]{0,62}$/;

const integrationSchema = z.strictObject({
  /** The path segment the platform posts to: /v1/integrations/{source}/complaints. */
  source: z.string().regex(INTEGRATION_SOURCE_PATTERN, 'expected a lower-case id like instagram or zendesk-chat'),
  channel: z.enum(INTEGRATION_CHANNELS),
  /** The platform's name as staff read it (Instagram, WhatsApp, Zendesk Chat). */
  platform: z.string().trim().min(1).max(100),
  /**
   * HMAC-SHA256 secrets shared with the platform; a request signed with any of them passes. Two
   * while rotating: add the new one, switch the platform over, then remove the old. None: the source
   * is known but refuses every request (401) until a secret is configured.
   */
  secrets: z
    .array(z.string().min(INTEGRATION_SECRET_MIN_LENGTH, `each secret needs at least ${INTEGRATION_SECRET_MIN_LENGTH} characters`))
    .max(2, 'at most two secrets: the current one and, while rotating, the previous'),
});

export const integrationsFileSchema = z.strictObject({ integrations: z.array(integrationSchema).max(100) });

export type Integration = z.infer<typeof integrationSchema>;

/** The configured integrations by source id. */
export type Integrations = ReadonlyMap<string, Integration>;

/** The integrations of INTEGRATIONS_CONFIG_FILE, or none when it is unset (throws naming each bad field). */
export function loadIntegrations(config: Pick<Config, 'INTEGRATIONS_CONFIG_FILE'>): Integrations {
  const path = config.INTEGRATIONS_CONFIG_FILE;
  return path ? parseIntegrationsFile(readFileSync(path, 'utf8'), path) : new Map();
}

/** Parses the integrations file; the error names the file and each bad field, never a secret. */
export function parseIntegrationsFile(text: string, path: string): Integrations {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (err) {
    throw new Error(`INTEGRATIONS_CONFIG_FILE ${path}: not JSON (${(err as Error).message})`);
  }
  const parsed = integrationsFileSchema.safeParse(json);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.') || '(file)'}: ${i.message}`);
    throw new Error(`INTEGRATIONS_CONFIG_FILE ${path} is invalid:\n${lines.join('\n')}`);
  }
  const bySource = new Map<string, Integration>();
  for (const integration of parsed.data.integrations) {
    if (bySource.has(integration.source)) throw new Error(`INTEGRATIONS_CONFIG_FILE ${path}: source '${integration.source}' is listed twice`);
    bySource.set(integration.source, integration);
  }
  return bySource;
}
