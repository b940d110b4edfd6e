// The worker and the API refuse to start with a link lifetime shorter than the answer deadlines
// of the process new complaints are pinned to, and say which setting to change.
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../../scripts/tools.js';

/** Runs an entry point to its exit; nothing is reachable, so it must fail before connecting. */
function runEntry(entry: string, env: Record<string, string>): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--import', 'tsx', entry], {
      cwd: PROJECT_ROOT,
      env: {
        PATH: process.env.PATH ?? '',
        DATABASE_URL: 'postgres://nobody@127.0.0.1:1/none',
        TEMPORAL_ADDRESS: '127.0.0.1:1',
        PAYLOAD_ENCRYPTION_KEYS: `k1:${randomBytes(32).toString('base64')}`,
        LINK_SIGNING_SECRET: randomBytes(32).toString('base64url'),
        LOG_LEVEL: 'info',
        ...env,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (d: Buffer) => (output += d.toString()));
    child.stderr.on('data', (d: Buffer) => (output += d.toString()));
    child.on('exit', (code) => resolve({ code, output }));
  });
}

describe('start-up checks', () => {
  it.each(['worker/main.ts', 'api/main.ts'])('%s exits 1 when customer links die before answers are due', async (entry) => {
    const { code, output } = await runEntry(entry, { SIGNED_LINK_TTL_DAYS: '7' });
    expect(code).toBe(1);
    expect(output).toContain('SIGNED_LINK_TTL_DAYS=7 is shorter than the longest answer deadline');
    expect(output).toContain('acceptance.answerDeadline (10 working days)');
    expect(output).toMatch(/Set SIGNED_LINK_TTL_DAYS to at least \d+\./);
  });
});
