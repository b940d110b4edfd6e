// Secrets for the local stack, generated once and kept in .data/ (git-ignored), so a second
// `npm start` can still decrypt the workflows and links of the first.
import { createHash, randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import { generatePassword } from '../security/passwords.js';

/** Roles that get a local key of their own, so each kind of user can be tried (admin has `adminApiKey`). */
export const DEV_ROLES = ['agent', 'supervisor', 'process_owner', 'auditor'] as const;

export interface DevSecrets {
  payloadEncryptionKey: string;
  linkSigningSecret: string;
  adminApiKey: string;
  /** One key per other staff role; added to secrets files written before it existed. */
  roleApiKeys: Record<(typeof DEV_ROLES)[number], string>;
  /** Signs SMS webhook requests to the dev inbox's SMS sink and its delivery reports. */
  smsWebhookSecret: string;
  /** Authenticates POST /v1/inbound/email (X-Plaint-Inbound-Secret); added to secrets files written before it existed. */
  inboundEmailWebhookSecret: string;
  /** The first console administrator's password (scripts/first-admin.ts); hashed into staff_credentials once. */
  consoleAdminPassword: string;
}

const newApiKey = () => `plaint_dev_${randomBytes(24).toString('base64url')}`;

export async function loadOrCreateDevSecrets(file: string): Promise<DevSecrets> {
  const stored = existsSync(file) ? (JSON.parse(await readFile(file, 'utf8')) as Partial<DevSecrets>) : {};
  const secrets: DevSecrets = {
    payloadEncryptionKey: stored.payloadEncryptionKey ?? `dev1:${randomBytes(32).toString('base64')}`,
    linkSigningSecret: stored.linkSigningSecret ?? randomBytes(32).toString('base64url'),
    adminApiKey: stored.adminApiKey ?? newApiKey(),
    roleApiKeys: Object.fromEntries(DEV_ROLES.map((role) => [role, stored.roleApiKeys?.[role] ?? newApiKey()])) as DevSecrets['roleApiKeys'],
    smsWebhookSecret: stored.smsWebhookSecret ?? randomBytes(32).toString('base64url'),
    inboundEmailWebhookSecret: stored.inboundEmailWebhookSecret ?? randomBytes(32).toString('base64url'),
    consoleAdminPassword: stored.consoleAdminPassword ?? generatePassword(),
  };
  if (JSON.stringify(stored) !== JSON.stringify(secrets)) await writeFile(file, JSON.stringify(secrets, null, 2), { mode: 0o600 });
  return secrets;
}

/** The API_KEYS of the local stack: the admin key and one key per other role. */
export function devApiKeys(secrets: DevSecrets): string {
  return [
    apiKeyEntry('dev-admin', 'admin', secrets.adminApiKey),
    ...DEV_ROLES.map((role) => apiKeyEntry(`dev-${role.replace('_', '-')}`, role, secrets.roleApiKeys[role])),
  ].join(',');
}

/** The API_KEYS entry for a key: only its hash is configured. */
export function apiKeyEntry(name: string, role: string, key: string): string {
  return `${name}:${role}:${createHash('sha256').update(key).digest('hex')}`;
}
