// The patches scripts/patch-dependencies.mjs applies to postgres.js, checked on the installed
// package: a PostgreSQL dying while a fresh connection fetches its array types refuses the waiting
// query and leaves no unhandled rejection (porsager/postgres#1192), which would kill the process.
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const run = promisify(execFile);

describe('postgres.js as patched', () => {
  it('refuses the waiting query, and nothing is left unhandled, when PostgreSQL dies during the array types fetch', async () => {
    const fixture = new URL('./fixtures/array-types-refused.mjs', import.meta.url).pathname;
    const { stdout } = await run(process.execPath, [fixture], { timeout: 20_000 });
    expect(stdout).toContain('query refused: ECONNREFUSED');
    expect(stdout).not.toContain('unhandled rejection');
  });
});
