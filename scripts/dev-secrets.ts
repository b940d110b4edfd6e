// Secrets for the local stack, generated once and kept in .data/ (git-ignored), so a second
// `npm start` can still decrypt the workflows and links of the first.
import { createHash, randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';

export interface DevSecrets {
  payloadEncryptionKey: string;
  linkSigningSecret: string;
  adminApiKey: string;
}

export async function loadOrCreateDevSecrets(file: string): Promise<DevSecrets> {
  if (existsSync(file)) return JSON.parse(await readFile(file, 'utf8')) as DevSecrets;
  const secrets: DevSecrets = {
    payloadEncryptionKey: `dev1:${randomBytes(32).toString('base64')}`,
    linkSigningSecret: randomBytes(32).toString('base64url'),
    adminApiKey: `plaint_dev_${randomBytes(24).toString('base64url')}`,
  };
  await writeFile(file, JSON.stringify(secrets, null, 2), { mode: 0o600 });
  return secrets;
}

/** The API_KEYS entry for a key: only its hash is configured. */
export function apiKeyEntry(name: string, role: string, key: string): string {
  return `${name}:${role}:${createHash('sha256').update(key).digest('hex')}`;
}
