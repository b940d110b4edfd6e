// The seeded version 1 is exactly the shipped default: the migration's JSON is the canonical JSON
// of config/default-process.ts and states its SHA-256. Fails when the default changed and the seed
// was not regenerated (`npm run seed:default-process`).
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { DEFAULT_PROCESS_DEFINITION } from '../../config/default-process.js';
import { defaultProcessSeed, seededContent, withSeed } from '../../db/default-process-seed.js';
import { canonicalJson } from '../../domain/process-definitions/canonical-json.js';

const MIGRATION = readFileSync(new URL('../../db/migrations/0009_process_definitions.sql', import.meta.url), 'utf8');

describe('the seed of the default process (migration 0009)', () => {
  it('publishes the canonical JSON of DEFAULT_PROCESS_DEFINITION with its SHA-256 (else run npm run seed:default-process)', () => {
    const seeded = seededContent(MIGRATION);
    expect(seeded).toBeDefined();
    expect(seeded!.text).toBe(canonicalJson(DEFAULT_PROCESS_DEFINITION));
    expect(seeded!.hash).toBe(createHash('sha256').update(seeded!.text, 'utf8').digest('hex'));
  });

  it('is what the generator writes, so regenerating changes nothing', () => {
    expect(withSeed(MIGRATION, defaultProcessSeed(DEFAULT_PROCESS_DEFINITION))).toBe(MIGRATION);
  });

  it('seeds version 1 of iso-10002-default, published', () => {
    expect(MIGRATION).toMatch(/VALUES \('iso-10002-default', 1, 'published',/);
  });
});
