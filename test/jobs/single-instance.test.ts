// The jobs process runs once per deployment: a second instance waits until the first lets go.
import { afterAll, describe, expect, inject, it } from 'vitest';
import { connectDatabase } from '../../db/connect.js';
import { holdSingleInstanceLock } from '../../jobs/single-instance.js';

const first = connectDatabase(inject('databaseUrl'), { max: 2 });
const second = connectDatabase(inject('databaseUrl'), { max: 2 });
afterAll(() => Promise.all([first.end({ timeout: 5 }), second.end({ timeout: 5 })]));

describe('holdSingleInstanceLock', () => {
  it('lets one process in and keeps a second waiting as a standby until the first releases', async () => {
    const name = `test-lock-${Date.now()}`;
    const a = await holdSingleInstanceLock(first, name);
    let waiting = false;
    let bGotIt = false;
    const b = holdSingleInstanceLock(second, name, { pollMs: 50, onWaiting: () => (waiting = true) }).then((lock) => {
      bGotIt = true;
      return lock;
    });
    await new Promise((r) => setTimeout(r, 300));
    expect(waiting).toBe(true);
    expect(bGotIt).toBe(false);
    await a.release();
    const lockB = await b;
    expect(bGotIt).toBe(true);
    await lockB.release();
  });

  it('tells its holder when the lock was lost with its connection', async () => {
    // A pool of its own: the connection killed here must not be handed to the other tests.
    const doomed = connectDatabase(inject('databaseUrl'), { max: 1 });
    try {
      const name = `test-lock-lost-${Date.now()}`;
      const held = await holdSingleInstanceLock(doomed, name);
      expect(await held.stillHeld()).toBe(true);
      await second`SELECT pg_terminate_backend(pid) FROM pg_locks WHERE locktype = 'advisory' AND granted
                   AND pid <> pg_backend_pid() AND objid = (hashtext(${name})::bigint & 4294967295)::text::oid`;
      expect(await held.stillHeld()).toBe(false);
      // The standby gets it now.
      const standby = await holdSingleInstanceLock(second, name, { pollMs: 50 });
      await standby.release();
    } finally {
      await doomed.end({ timeout: 1 }).catch(() => undefined);
    }
  });

  it('stops waiting when asked to', async () => {
    const name = `test-lock-abort-${Date.now()}`;
    const a = await holdSingleInstanceLock(first, name);
    const stop = new AbortController();
    const b = holdSingleInstanceLock(second, name, { pollMs: 50, signal: stop.signal });
    stop.abort();
    await expect(b).rejects.toThrow(/stopped while waiting/);
    await a.release();
  });
});
