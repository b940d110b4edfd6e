// Rewrites the seed of the shipped default definition in db/migrations/0009_process_definitions.sql
// from config/default-process.ts: `npm run seed:default-process`. Run it after changing the default
// and before the migration is applied anywhere (applied migrations are checksummed).
import { readFile, writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { DEFAULT_PROCESS_DEFINITION } from '../config/default-process.js';
import { processDefinitionSchema } from '../domain/process-definition.js';
import { defaultProcessSeed, withSeed } from '../db/default-process-seed.js';

const MIGRATION = fileURLToPath(new URL('../db/migrations/0009_process_definitions.sql', import.meta.url));

// A seed that does not parse would publish a version no complaint can run on.
const definition = processDefinitionSchema.parse(DEFAULT_PROCESS_DEFINITION);
const before = await readFile(MIGRATION, 'utf8');
const after = withSeed(before, defaultProcessSeed(definition));
if (after === before) {
  console.log('db/migrations/0009_process_definitions.sql already seeds config/default-process.ts');
} else {
  await writeFile(MIGRATION, after);
  console.log('db/migrations/0009_process_definitions.sql now seeds config/default-process.ts');
}
