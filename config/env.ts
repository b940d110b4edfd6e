// The one module that reads process.env. Everything else receives a typed, frozen Config.
import { z } from 'zod';
import { ROLES } from '../domain/complaint.js';
import { LANGUAGES } from '../texts/languages.js';
import { DEFAULT_AGENT_INTAKE, frontOfficeList } from './agent-intake.js';
import { parseRoleMap } from '../domain/staff-access/sso-roles.js';

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

function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

// --- SMS (delivery/sms/*) ---
/** The webhook secret of local development: published here, so refused in production. */
export const DEV_SMS_WEBHOOK_SECRET = 'plaint-dev-sms-webhook-secret';

function smsConfigIssues(
  env: { NODE_ENV: string; SMS_PROVIDER: string; SMS_WEBHOOK_SECRET: string; NETGSM_USERCODE?: string | undefined; NETGSM_PASSWORD?: string | undefined; NETGSM_HEADER?: string | undefined },
  ctx: z.RefinementCtx,
): void {
  if (env.SMS_PROVIDER === 'netgsm') {
    for (const key of ['NETGSM_USERCODE', 'NETGSM_PASSWORD', 'NETGSM_HEADER'] as const) {
      if (env[key] === undefined) ctx.addIssue({ code: 'custom', path: [key], message: 'required when SMS_PROVIDER=netgsm' });
    }
  }
  // The secret also authenticates delivery reports, so production needs its own even with Netgsm.
  if (env.NODE_ENV === 'production' && (env.SMS_WEBHOOK_SECRET === DEV_SMS_WEBHOOK_SECRET || env.SMS_WEBHOOK_SECRET.length < 32)) {
    ctx.addIssue({
      code: 'custom',
      path: ['SMS_WEBHOOK_SECRET'],
      message:
        'production needs a secret of its own of at least 32 characters (the default is published): ' +
        "generate one with `node -e \"console.log(require('crypto').randomBytes(32).toString('base64url'))\"`",
    });
  }
}
// --- end SMS ---

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
    /** Origin of the Temporal Web UI that calls the codec server (/codec): the only origin its CORS admits. */
    TEMPORAL_UI_ORIGIN: z.url().transform((u) => new URL(u).origin).default('http://localhost:8233'),
    /** Comma list of staff API keys, each `name:role:sha256hex` (see scripts/hash-api-key.ts). */
    API_KEYS: commaList(apiKeyEntry).default([]),
    /** Comma list of payload encryption keys `keyId:base64`; the first encrypts. */
    PAYLOAD_ENCRYPTION_KEYS: commaList(encryptionKeyEntry).optional(),
    /** Secret for signed customer links and idempotency replays (≥ 32 characters). */
    LINK_SIGNING_SECRET: z.string().min(32).optional(),
    /**
     * Comma list of tracking PIN keys `keyId:base64` (32 bytes); the first hashes new PINs, all
     * check. Unset: one key derived from LINK_SIGNING_SECRET. Kept outside the database, so a
     * leaked table cannot be searched offline (README, "Tracking PINs").
     */
    TRACKING_PIN_KEYS: commaList(encryptionKeyEntry).optional(),
    /** Days a customer's answer link stays valid (it is revoked earlier once answered or superseded). */
    SIGNED_LINK_TTL_DAYS: z.coerce.number().int().positive().max(365).default(30),
    /** Language of notifications to staff. */
    STAFF_LOCALE: z.enum(LANGUAGES).default('tr'),
    /** Public (keyless) intake requests allowed per client address per minute. */
    PUBLIC_INTAKE_PER_MINUTE: z.coerce.number().int().positive().default(10),
    /** Grace period for in-flight work when a process is asked to stop. */
    SHUTDOWN_GRACE_MS: z.coerce.number().int().positive().default(10_000),
    /** Bearer token GET /metrics asks for (Prometheus' `authorization` setting); unset: open (it shows counts, no personal data). */
    METRICS_TOKEN: z.string().min(16).optional(),
    /**
     * Workflows a worker keeps in memory between their tasks (sticky cache); unset: the SDK's
     * default from the heap limit. An evicted complaint replays its history on its next task.
     */
    WORKER_MAX_CACHED_WORKFLOWS: z.coerce.number().int().min(0).optional(),
    /** Where the worker serves the Temporal SDK's own Prometheus metrics (host:port); `off` for none. */
    WORKER_METRICS_ADDRESS: z.string().regex(/^([\w.-]+:\d+|off)$/, 'expected host:port or off').default('127.0.0.1:9464'),
    /** OTLP/HTTP endpoint traces go to (e.g. http://127.0.0.1:4318/v1/traces); unset: no tracing. */
    OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: z.url().optional(),
    /** Whether to trust X-Forwarded-For for the client address (behind a proxy). */
    TRUST_PROXY: z.stringbool().default(false),

    // ── Delivery: the outbox dispatcher (jobs process) and e-mail over SMTP ──
    /** SMTP server e-mail goes to; the default is the local mail catcher `npm start` runs. */
    SMTP_HOST: z.string().min(1).default('127.0.0.1'),
    SMTP_PORT: z.coerce.number().int().min(1).max(65535).default(2525),
    /** true = TLS from the first byte (port 465); false = plain, upgraded by STARTTLS when offered. */
    SMTP_SECURE: z.stringbool().default(false),
    /** Refuse to send unless the server upgrades to TLS by STARTTLS (ignored with SMTP_SECURE). */
    SMTP_REQUIRE_TLS: z.stringbool().default(false),
    SMTP_USER: z.string().min(1).optional(),
    SMTP_PASSWORD: z.string().min(1).optional(),
    /** From address of every e-mail; its domain also names Message-IDs (`<idempotency-key@domain>`). */
    MAIL_FROM: z.string().regex(/^(.*<)?[^\s<>@]+@[^\s<>@]+\.?[^\s<>@]*>?$/, 'expected an address or "Name <address>"').default('Plaint <complaints@plaint.localhost>'),
    /** Domain of the per-complaint reply address `reply+<reference>.<tag>@<domain>` (security/reply-address.ts). */
    MAIL_REPLY_DOMAIN: z.string().regex(/^[\w.-]+$/, 'expected a domain').default('plaint.localhost'),
    /** Sends tried per message before it is `failed` and the team is told. */
    DELIVERY_MAX_ATTEMPTS: z.coerce.number().int().positive().default(8),
    /** First retry delay; each further one doubles (with jitter) up to DELIVERY_BACKOFF_MAX_MS. */
    DELIVERY_BACKOFF_BASE_MS: z.coerce.number().int().positive().default(30_000),
    DELIVERY_BACKOFF_MAX_MS: z.coerce.number().int().positive().default(3_600_000),
    /** How long a claimed row may stay `sending` before another dispatcher takes it over (a crash). */
    DELIVERY_LEASE_MS: z.coerce.number().int().positive().default(300_000),
    /** Polling interval besides the LISTEN/NOTIFY wake-up (retries fall due without an insert). */
    DELIVERY_POLL_MS: z.coerce.number().int().positive().default(10_000),
    /** Rows claimed per round. */
    DELIVERY_BATCH_SIZE: z.coerce.number().int().positive().max(500).default(20),
    // ── Work queues (/v1/queues) and the assignment relay (jobs process) ──
    /** Live queue claims one person may hold at a time (0: no limit). */
    QUEUE_MAX_LIVE_CLAIMS: z.coerce.number().int().min(0).default(10),
    /** Polling interval of the assignment relay besides its LISTEN/NOTIFY wake-up (retries fall due without a claim). */
    ASSIGNMENT_RELAY_POLL_MS: z.coerce.number().int().positive().default(5_000),
    /** How often the jobs process delivers customers' answers no worker took when given (they wait in PostgreSQL). */
    CUSTOMER_ANSWER_RELAY_POLL_MS: z.coerce.number().int().positive().default(2_000),
    /** How long a relay may hold a claim's delivery before another relay takes it over (a crash). */
    ASSIGNMENT_RELAY_LEASE_MS: z.coerce.number().int().positive().default(60_000),
    // ── Staff console (/console) ──
    /** A console session unused this long ends (idle timeout). */
    CONSOLE_SESSION_IDLE_MINUTES: z.coerce.number().int().min(1).max(24 * 60).default(30),
    /** A console session ends this long after sign-in, used or not (absolute timeout). */
    CONSOLE_SESSION_ABSOLUTE_HOURS: z.coerce.number().int().min(1).max(24 * 7).default(12),
    /** Wrong passwords in a row before a staff account is locked. */
    CONSOLE_SIGN_IN_MAX_FAILURES: z.coerce.number().int().min(1).max(100).default(5),
    /** How long a locked staff account stays locked. */
    CONSOLE_LOCKOUT_MINUTES: z.coerce.number().int().min(1).max(24 * 60).default(15),
    /** The e-mail of the first administrator `npm start` creates (person `admin`), when there is none yet. */
    CONSOLE_ADMIN_EMAIL: z.email().max(254).default('admin@plaint.local'),
    // ── Staff access: stored API keys (/v1/api-keys) and single sign-on (OpenID Connect) ──
    /** Longest lifetime of an issued API key, in days (the default when a request names none). */
    API_KEY_MAX_DAYS: z.coerce.number().int().min(1).max(3650).default(90),
    /** How long a rotated key keeps working beside its successor, unless the rotation names its own (never past the key's expiry). */
    API_KEY_ROTATION_GRACE_HOURS: z.coerce.number().int().min(0).max(24 * 30).default(24),
    /** Answers to a key that stops within this many days carry Plaint-Api-Key-Expires. */
    API_KEY_EXPIRY_WARNING_DAYS: z.coerce.number().int().min(0).max(365).default(14),
    /** The OpenID Connect provider staff sign in with (its issuer URL); unset = password sign-in only. */
    OIDC_ISSUER: z.url({ protocol: /^https?$/ }).optional(),
    OIDC_CLIENT_ID: z.string().min(1).optional(),
    OIDC_CLIENT_SECRET: z.string().min(1).optional(),
    /** Where the provider sends staff back; default PUBLIC_BASE_URL + /console/sso/callback. */
    OIDC_REDIRECT_URI: z.url({ protocol: /^https?$/ }).optional(),
    /** The ID token (or userinfo) claim whose values are mapped to roles. */
    OIDC_ROLE_CLAIM: z.string().min(1).max(200).default('plaint_roles'),
    /** Comma list `claimValue=role` (e.g. `plaint-agents=agent,plaint-admins=admin`); unset = a value that is a role's name is that role. */
    OIDC_ROLE_MAP: z
      .string()
      .default('')
      .superRefine((text, ctx) => {
        try {
          parseRoleMap(text);
        } catch (err) {
          ctx.addIssue({ code: 'custom', message: (err as Error).message });
        }
      }),
    /** What the sign-in button says: "Sign in with <name>". */
    OIDC_PROVIDER_NAME: z.string().min(1).max(60).default('single sign-on'),
    /** Scopes asked for besides `openid`. */
    OIDC_SCOPES: z.string().min(1).default('openid email profile'),
    // --- Dev inbox (inbox part): the local mail catcher and SMS sink `npm start` runs ---
    /** `npm start` runs the dev inbox and points Plaint's e-mail and SMS at it; unset = on outside production. */
    DEV_INBOX: z.stringbool().optional(),
    /** The inbox page `npm start` prints. */
    DEV_INBOX_HTTP_PORT: z.coerce.number().int().min(0).max(65535).default(3025),
    DEV_INBOX_SMTP_PORT: z.coerce.number().int().min(0).max(65535).default(1025),
    DEV_INBOX_SMS_PORT: z.coerce.number().int().min(0).max(65535).default(3026),
    // --- SMS (delivery/sms/*): which gateway sends customers' SMS, and its credentials. ---
    /** `webhook`: the signed HTTP webhook (default: the local SMS sink `npm start` runs); `netgsm`: Netgsm's REST API. */
    SMS_PROVIDER: z.enum(['webhook', 'netgsm']).default('webhook'),
    /** Where the webhook adapter POSTs messages (lookups GET `{url}/{id}`). */
    SMS_WEBHOOK_URL: z.url({ protocol: /^https?$/ }).default('http://127.0.0.1:3026/dev-inbox/sms'),
    /** HMAC secret shared with the webhook receiver; also checks its delivery reports (/hooks/sms/webhook). */
    SMS_WEBHOOK_SECRET: z.string().min(16).default(DEV_SMS_WEBHOOK_SECRET),
    NETGSM_API_URL: z.url({ protocol: /^https?$/ }).default('https://api.netgsm.com.tr'),
    /** Netgsm subscriber number (usercode) and API password, from the Netgsm panel. */
    NETGSM_USERCODE: z.string().min(1).optional(),
    NETGSM_PASSWORD: z.string().min(1).optional(),
    /** The sender name registered with Netgsm (msgheader), at most 11 characters. */
    NETGSM_HEADER: z.string().min(1).max(11).optional(),
    /** Netgsm's `appname`, naming this application in the Netgsm panel (optional). */
    NETGSM_APPNAME: z.string().min(1).optional(),
    /** Deadline of one call to the SMS gateway. */
    SMS_HTTP_TIMEOUT_MS: z.coerce.number().int().positive().default(10_000),
    // --- end SMS ---

    // --- Complaint form (GET/POST /complaints/new): attachments' limits and the form's lists. ---
    /** Most evidence files one complaint may carry from the form. */
    FORM_ATTACHMENTS_MAX_COUNT: z.coerce.number().int().min(0).max(20).default(5),
    /** Largest evidence file, in bytes (default 8 MiB: a phone photo or a scanned PDF). */
    FORM_ATTACHMENT_MAX_BYTES: z.coerce.number().int().positive().max(50 * 1024 * 1024).default(8 * 1024 * 1024),
    /** All evidence files of one complaint together, in bytes (default 20 MiB); the form's body limit follows it. */
    FORM_ATTACHMENTS_TOTAL_MAX_BYTES: z.coerce.number().int().positive().max(200 * 1024 * 1024).default(20 * 1024 * 1024),
    /** JSON file with the form's categories, products and privacy notice (README: the complaint form); unset = the defaults. */
    COMPLAINT_FORM_CONFIG_FILE: z.string().min(1).optional(),
    // --- Inbound e-mail (inbound/): the SMTP listener the API runs and POST /v1/inbound/email ---
    /** The API process listens for mail to our domains (MAIL_REPLY_DOMAIN, MAIL_FROM's) on INBOUND_SMTP_HOST:INBOUND_SMTP_PORT. */
    INBOUND_SMTP: z.stringbool().default(true),
    INBOUND_SMTP_HOST: z.string().min(1).default('127.0.0.1'),
    INBOUND_SMTP_PORT: z.coerce.number().int().min(0).max(65535).default(2526),
    /** The largest message taken, in bytes: SMTP SIZE and the webhook's body limit (default 30 MiB: the form's 20 MiB of files, base64-encoded). */
    INBOUND_EMAIL_MAX_BYTES: z.coerce.number().int().min(64 * 1024).max(200 * 1024 * 1024).default(30 * 1024 * 1024),
    /** Messages one sender (From address) may send per hour; more are refused as "try later" (451 / 429). */
    INBOUND_EMAIL_PER_SENDER_PER_HOUR: z.coerce.number().int().positive().default(20),
    /** The shared secret of POST /v1/inbound/email (X-Plaint-Inbound-Secret), ≥ 32 characters; unset: the route is absent. */
    INBOUND_EMAIL_WEBHOOK_SECRET: z.string().min(32).optional(),
    /** The language of a complaint by e-mail whose mail does not say (Content-Language). */
    INBOUND_EMAIL_DEFAULT_LOCALE: z.enum(LANGUAGES).default('tr'),
    // --- end inbound e-mail ---
    /** JSON file of the chat and social platforms that file complaints by webhook, with their secrets (README: chat and social webhooks); unset = none. */
    INTEGRATIONS_CONFIG_FILE: z.string().min(1).optional(),
    // ── Staff-entered intake (POST /v1/complaints with an API key, the console's New complaint) ──
    /** How many days (24 h each) before now a complaint's given received time may lie; 0: none earlier than now. */
    INTAKE_BACKDATE_MAX_DAYS: z.coerce.number().int().min(0).max(366).default(DEFAULT_AGENT_INTAKE.backdateMaxDays),
    /** The front offices a walk-in complaint names, comma-separated `id:Name`. */
    FRONT_OFFICES: frontOfficeList.default([...DEFAULT_AGENT_INTAKE.frontOffices]),
    // --- KPI report (GET /v1/reports/kpis, /trends) ---
    /** The time zone the reports' dates and weeks are read in (IANA name). */
    REPORT_TIME_ZONE: z.string().refine(isTimeZone, 'expected an IANA time zone, e.g. Europe/Istanbul').default('Europe/Istanbul'),
    /** A complaint is a repeat when the same customer complained in the same category at most this many days before. */
    REPEAT_COMPLAINT_WINDOW_DAYS: z.coerce.number().int().positive().max(3660).default(30),
    // --- end KPI report ---
    // --- Possible duplicates on a complaint (GET /v1/complaints/{reference}) ---
    /** Earlier complaints received at most this many days before a complaint are looked at for duplicates. */
    DUPLICATE_WINDOW_DAYS: z.coerce.number().int().positive().max(366).default(30),
    /** Trigram similarity (pg_trgm, 0–1) from which two complaints' texts count as very similar. */
    DUPLICATE_SIMILARITY_THRESHOLD: z.coerce.number().gt(0).max(1).default(0.5),
    // --- end possible duplicates ---
    // --- Retention of operational records (the daily retention run, issue 14) ---
    /** SSO sign-in attempts are deleted this many days after they expired (they are worthless from then on). */
    RETENTION_SSO_SIGN_IN_ATTEMPTS_DAYS: z.coerce.number().int().min(1).max(3650).default(90),
    /** The record of who read personal data is kept this many days (at least a year: an audit record must outlive the questions asked of it). */
    RETENTION_PERSONAL_DATA_READS_DAYS: z.coerce.number().int().min(365).max(36500).default(730),
    // --- end retention ---
  })
  .superRefine(smsConfigIssues)
  .superRefine((env, ctx) => {
    // Single sign-on is all or nothing: a provider without its client (or nowhere to come back to) cannot sign anyone in.
    if (env.OIDC_ISSUER !== undefined) {
      for (const key of ['OIDC_CLIENT_ID', 'OIDC_CLIENT_SECRET'] as const) {
        if (env[key] === undefined) ctx.addIssue({ code: 'custom', path: [key], message: 'required with OIDC_ISSUER' });
      }
      if (env.NODE_ENV === 'production' && !env.OIDC_ISSUER.startsWith('https:')) {
        ctx.addIssue({ code: 'custom', path: ['OIDC_ISSUER'], message: 'production needs an https:// issuer (tokens and keys travel over it)' });
      }
      if (env.OIDC_REDIRECT_URI === undefined && env.PUBLIC_BASE_URL === undefined) {
        ctx.addIssue({ code: 'custom', path: ['OIDC_REDIRECT_URI'], message: 'required with OIDC_ISSUER when PUBLIC_BASE_URL is unset' });
      }
    }
  })
  .superRefine((env, ctx) => {
    if (env.NODE_ENV === 'production') {
      // Without PUBLIC_BASE_URL customers' links would point at the API's own listen address.
      for (const key of ['DATABASE_URL', 'PAYLOAD_ENCRYPTION_KEYS', 'LINK_SIGNING_SECRET', 'PUBLIC_BASE_URL'] as const) {
        const value = env[key];
        if (value === undefined || (Array.isArray(value) && value.length === 0)) {
          ctx.addIssue({ code: 'custom', path: [key], message: 'required in production' });
        }
      }
      for (const issue of publicExampleValues(env)) ctx.addIssue({ code: 'custom', ...issue });
    }
  });

/**
 * Values that were published as examples (in .env.example, the README or docker-compose.yml):
 * anyone can read them, so production refuses them. The first .env.example shipped a working
 * agent key (`Bearer alice`) and real-looking secrets; today its secrets are empty.
 */
export const PUBLIC_EXAMPLE_VALUES = {
  /** SHA-256 of the keys `alice`, `admin` and `changeme`. */
  apiKeyHashes: [
    '2bd806c97f0e00af1a1fc3328fa763a9269723c8db8fac4f93af71db186d6e90',
    '8c6976e5b5410415bde908bd4dee15dfb167a9c873fc4bb8a81f6f2ab448a918',
    '057ba03d6c44104863dc7361fe4578965d1887360f90a0895882e58a6248fc86',
  ],
  /** The secret part of example payload keys (bytes 0..31). */
  encryptionSecrets: ['AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8='],
  linkSigningSecrets: ['change-me-to-a-long-random-string-of-32+chars'],
  /** Database passwords of the examples (.env.example, docker-compose.yml's old default). */
  databasePasswords: ['plaint', 'postgres', 'password', 'change-me'],
} as const;

const HOW_TO = {
  API_KEYS: 'make a key of your own with `npx tsx scripts/hash-api-key.ts <name> <role>`',
  PAYLOAD_ENCRYPTION_KEYS: "generate one with `node -e \"console.log('k1:' + require('crypto').randomBytes(32).toString('base64'))\"`",
  LINK_SIGNING_SECRET: "generate one with `node -e \"console.log(require('crypto').randomBytes(32).toString('base64url'))\"`",
  DATABASE_URL: 'set a password of your own (POSTGRES_PASSWORD for docker compose)',
  PUBLIC_BASE_URL: "set the https:// address customers' links point to",
} as const;

function publicExampleValues(env: {
  API_KEYS: string[];
  PAYLOAD_ENCRYPTION_KEYS?: string[] | undefined;
  LINK_SIGNING_SECRET?: string | undefined;
  DATABASE_URL?: string | undefined;
  PUBLIC_BASE_URL?: string | undefined;
}): Array<{ path: (string | number)[]; message: string }> {
  const issues: Array<{ path: (string | number)[]; message: string }> = [];
  const refuse = (key: keyof typeof HOW_TO, index: number | undefined, what: string) =>
    issues.push({
      path: index === undefined ? [key] : [key, index],
      message: `${what} is a published example value that anyone can read, refused in production: ${HOW_TO[key]}`,
    });
  const examples = PUBLIC_EXAMPLE_VALUES;
  env.API_KEYS.forEach((entry, i) => {
    if ((examples.apiKeyHashes as readonly string[]).includes(entry.split(':')[2] ?? '')) refuse('API_KEYS', i, `the key of '${entry.split(':')[0]}'`);
  });
  env.PAYLOAD_ENCRYPTION_KEYS?.forEach((entry, i) => {
    if ((examples.encryptionSecrets as readonly string[]).includes(entry.split(':')[1] ?? '')) refuse('PAYLOAD_ENCRYPTION_KEYS', i, 'this key');
  });
  if (env.LINK_SIGNING_SECRET !== undefined && (examples.linkSigningSecrets as readonly string[]).includes(env.LINK_SIGNING_SECRET)) {
    refuse('LINK_SIGNING_SECRET', undefined, 'this secret');
  }
  if (env.DATABASE_URL !== undefined) {
    const password = decodeURIComponent(new URL(env.DATABASE_URL).password);
    if ((examples.databasePasswords as readonly string[]).includes(password)) refuse('DATABASE_URL', undefined, 'its password');
  }
  if (env.PUBLIC_BASE_URL !== undefined && /^(localhost|127\.\d+\.\d+\.\d+|\[::1\])$/.test(new URL(env.PUBLIC_BASE_URL).hostname)) {
    refuse('PUBLIC_BASE_URL', undefined, 'a loopback address (no customer can open it)');
  }
  return issues;
}

export type Config = Readonly<z.infer<typeof envSchema>>;

// --- Dev inbox (inbox part) ---
/** The SMS sink's path; an SMS_WEBHOOK_URL containing it points at the dev inbox. */
export const DEV_INBOX_SMS_PATH = '/dev-inbox/sms';

/**
 * Production never sends to the dev inbox: customers would hear nothing while the rows read `sent`.
 * Read from the raw environment, since the SMTP and SMS variables belong to other parts' blocks.
 */
function devInboxRefusals(env: Record<string, string | undefined>): string[] {
  if (env.NODE_ENV !== 'production') return [];
  const refusals: string[] = [];
  const why = 'is the local dev inbox (mail catcher / SMS sink), refused in production';
  if (/^(1|true|yes|on)$/i.test(env.DEV_INBOX ?? '')) refusals.push(`  DEV_INBOX: the dev inbox is for development only, refused in production: unset it`);
  const catcherPort = env.DEV_INBOX_SMTP_PORT ?? '1025';
  if (env.SMTP_HOST !== undefined && /^(localhost|127\.\d+\.\d+\.\d+|::1|\[::1\])$/.test(env.SMTP_HOST) && (env.SMTP_PORT ?? '') === catcherPort) {
    refusals.push(`  SMTP_HOST: ${env.SMTP_HOST}:${catcherPort} ${why}: set your mail server`);
  }
  if (env.SMS_WEBHOOK_URL?.includes(DEV_INBOX_SMS_PATH)) refusals.push(`  SMS_WEBHOOK_URL: ${env.SMS_WEBHOOK_URL} ${why}: set your SMS gateway`);
  return refusals;
}

/** NODE_ENV as set, for code that must refuse to run in production without parsing all config. */
export function nodeEnvironment(): string | undefined {
  return process.env.NODE_ENV;
}

/** Parses an environment; throws one Error whose message lists every bad variable. */
export function parseConfig(env: Record<string, string | undefined>): Config {
  // `KEY=` (as .env.example leaves its secrets) means unset, as it does for dotenv and compose.
  const set = Object.fromEntries(Object.entries(env).filter(([, value]) => value !== ''));
  const result = envSchema.safeParse(set);
  const refusals = devInboxRefusals(set);
  if (!result.success || refusals.length) {
    const lines = (result.error?.issues ?? []).map((i) => `  ${i.path.join('.') || '(env)'}: ${i.message}`);
    throw new Error(`Invalid configuration:\n${[...lines, ...refusals].join('\n')}`);
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
