// The one module that reads process.env. Everything else receives a typed, frozen Config.
import { z } from 'zod';
import { ROLES } from '../domain/complaint.js';

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

/** `name:role:sha256hex` — the key itself is never configured, only its SHA-256. */
const apiKeyEntry = z
  .string()
  .regex(/^[\w.-]+:[a-z_]+:[0-9a-f]{64}$/, 'expected name:role:sha256hex')
  .refine((s) => (ROLES as readonly string[]).includes(s.split(':')[1] ?? ''), {
    message: `role must be one of ${ROLES.join(', ')}`,
  });

/**
 * `keyId:base64(32 bytes)`; the first key encrypts, all of them decrypt (rotation). The id is
 * letters, digits, `_` and `-` only: it prefixes sealed values, which use '.' as separator.
 */
const encryptionKeyEntry = z
  .string()
  .regex(/^[\w-]{1,32}:[A-Za-z0-9+/]{43}=$/, 'expected keyId:base64 of 32 bytes, keyId of letters, digits, _ and - (at most 32)');

const commaList = (item: z.ZodType<string, string>) =>
  z
    .string()
    .transform((s) => s.split(',').map((x) => x.trim()).filter(Boolean))
    .pipe(z.array(item));

export const envSchema = z
  .object({
    NODE_ENV: z.enum(['development', 'test', 'production']).default('development'),
    LOG_LEVEL: z.enum(LOG_LEVELS).default('info'),
    /** Where `npm start` keeps its PostgreSQL, Temporal database and local secrets. */
    DATA_DIR: z.string().min(1).default('.data'),
    /** Port of the HTTP API. */
    HTTP_PORT: z.coerce.number().int().min(0).max(65535).default(3000),
    HTTP_HOST: z.string().min(1).default('127.0.0.1'),
    /** Public base URL, used in links sent to customers; required in production. */
    PUBLIC_BASE_URL: z.url().optional(),
    /** PostgreSQL connection string; unset = start an embedded PostgreSQL under .data/. */
    DATABASE_URL: z.url({ protocol: /^postgres(ql)?$/ }).optional(),
    DATABASE_POOL_MAX: z.coerce.number().int().positive().default(10),
    /** `npm start` runs a Temporal dev server (persisting to .data/); false = use TEMPORAL_ADDRESS. */
    TEMPORAL_DEV_SERVER: z.stringbool().default(true),
    TEMPORAL_ADDRESS: z.string().regex(/^[\w.-]+:\d+$/, 'expected host:port').default('127.0.0.1:7233'),
    TEMPORAL_NAMESPACE: z.string().min(1).default('default'),
    TEMPORAL_TASK_QUEUE: z.string().min(1).default('complaints'),
    /** Port of the Temporal Web UI started by `npm start`. */
    TEMPORAL_UI_PORT: z.coerce.number().int().min(1).max(65535).default(8233),
    /** Comma list of staff API keys, each `name:role:sha256hex` (see scripts/hash-api-key.ts). */
    API_KEYS: commaList(apiKeyEntry).default([]),
    /** Comma list of payload encryption keys `keyId:base64`; the first encrypts. */
    PAYLOAD_ENCRYPTION_KEYS: commaList(encryptionKeyEntry).optional(),
    /** Secret for signed customer links and idempotency replays (≥ 32 characters). */
    LINK_SIGNING_SECRET: z.string().min(32).optional(),
    /** Days a customer's answer link stays valid (it is revoked earlier once answered or superseded). */
    SIGNED_LINK_TTL_DAYS: z.coerce.number().int().positive().max(365).default(30),
    /** Language of notifications to staff. */
    STAFF_LOCALE: z.enum(['tr', 'en']).default('tr'),
    /** Public (keyless) intake requests allowed per client address per minute. */
    PUBLIC_INTAKE_PER_MINUTE: z.coerce.number().int().positive().default(10),
    /** Grace period for in-flight work when a process is asked to stop. */
    SHUTDOWN_GRACE_MS: z.coerce.number().int().positive().default(10_000),
    /** Whether to trust X-Forwarded-For for the client address (behind a proxy). */
    TRUST_PROXY: z.stringbool().default(false),
  })
  .superRefine((env, ctx) => {
    if (env.NODE_ENV === 'production') {
      // Without PUBLIC_BASE_URL customers' links would point at the API's own listen address.
      for (const key of ['DATABASE_URL', 'PAYLOAD_ENCRYPTION_KEYS', 'LINK_SIGNING_SECRET', 'PUBLIC_BASE_URL'] as const) {
        if (env[key] === undefined) ctx.addIssue({ code: 'custom', path: [key], message: 'required in production' });
      }
    }
  });

export type Config = Readonly<z.infer<typeof envSchema>>;

/** Parses an environment; throws one Error whose message lists every bad variable. */
export function parseConfig(env: Record<string, string | undefined>): Config {
  const result = envSchema.safeParse(env);
  if (!result.success) {
    const lines = result.error.issues.map((i) => `  ${i.path.join('.') || '(env)'}: ${i.message}`);
    throw new Error(`Invalid configuration:\n${lines.join('\n')}`);
  }
  return Object.freeze(result.data);
}

/** Reads this process's environment once; on bad values prints them all and exits 1. */
export function loadConfig(): Config {
  try {
    // The single place that reads the environment.
    return parseConfig(process.env);
  } catch (err) {
    console.error((err as Error).message);
    process.exit(1);
  }
}

/** This process's environment with overrides, for the child processes `npm start` runs. */
export function childEnvironment(overrides: Record<string, string>): Record<string, string> {
  // Handed on unchanged to child processes.
  const inherited = Object.entries(process.env).filter((e): e is [string, string] => e[1] !== undefined);
  return { ...Object.fromEntries(inherited), ...overrides };
}
