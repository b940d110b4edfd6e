// The shipped default definition as SQL: the block of db/migrations/0009_process_definitions.sql
// between its `seed:default-process` markers, generated from config/default-process.ts so the
// seeded version 1 is exactly that constant. `npm run seed:default-process` rewrites the block;
// test/db/default-process-seed.test.ts fails when the two differ.
import { createHash } from 'node:crypto';
import type { ProcessDefinition } from '../domain/process-definition.js';
import { canonicalJson } from '../domain/process-definitions/canonical-json.js';

export const SEED_BEGIN = '-- seed:default-process begin';
export const SEED_END = '-- seed:default-process end';
const CONTENT_QUOTE = '$content$';

/** The canonical JSON of a content and its SHA-256 (hex), as the database stores and checks them. */
export function canonicalContent(content: unknown): { text: string; hash: string } {
  const text = canonicalJson(content);
  return { text, hash: createHash('sha256').update(text, 'utf8').digest('hex') };
}

/** The seed block, markers included, that publishes `definition` as its own id and version. */
export function defaultProcessSeed(definition: ProcessDefinition): string {
  const { text, hash } = canonicalContent(definition);
  if (text.includes(CONTENT_QUOTE)) throw new Error(`the default definition contains ${CONTENT_QUOTE}, the seed's quote`);
  const id = sqlString(definition.id);
  return [
    SEED_BEGIN,
    '-- Generated from config/default-process.ts by `npm run seed:default-process`; do not edit by hand.',
    `INSERT INTO process_definitions (id, created_by) VALUES (${id}, 'plaint');`,
    'INSERT INTO process_definition_versions',
    '  (definition_id, version, status, content, content_hash, author, published_by, published_at, change_note)',
    `VALUES (${id}, ${definition.version}, 'published',`,
    `  ${CONTENT_QUOTE}${text}${CONTENT_QUOTE},`,
    `  '${hash}', 'plaint', 'plaint', now(), 'The shipped default process (config/default-process.ts).');`,
    SEED_END,
  ].join('\n');
}

/** `migration` with its seed block replaced by `seed`. */
export function withSeed(migration: string, seed: string): string {
  const begin = migration.indexOf(SEED_BEGIN);
  const end = migration.indexOf(SEED_END);
  if (begin < 0 || end < begin) throw new Error(`the migration has no ${SEED_BEGIN} … ${SEED_END} block`);
  return migration.slice(0, begin) + seed + migration.slice(end + SEED_END.length);
}

/** What a migration's seed block publishes: the content text and the hash it states. */
export function seededContent(migration: string): { text: string; hash: string } | undefined {
  const match = /\$content\$(.*?)\$content\$,\s*'([0-9a-f]{64})'/s.exec(migration);
  return match ? { text: match[1]!, hash: match[2]! } : undefined;
}

function sqlString(value: string): string {
  return `'${value.replace(/'/g, "''")}'`;
}
