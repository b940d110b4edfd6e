// Prints an API_KEYS entry for a new random key: `npx tsx scripts/hash-api-key.ts alice agent`.
import { randomBytes } from 'node:crypto';
import { ROLES } from '../domain/complaint.js';
import { apiKeyEntry } from './dev-secrets.js';

const [name, role] = process.argv.slice(2);
if (!name || !role || !(ROLES as readonly string[]).includes(role)) {
  console.error(`usage: hash-api-key.ts <name> <${ROLES.join('|')}>`);
  process.exit(2);
}
const key = `plaint_${randomBytes(24).toString('base64url')}`;
console.log(`key (give it to ${name}; it is not stored): ${key}`);
console.log(`API_KEYS entry: ${apiKeyEntry(name, role, key)}`);
