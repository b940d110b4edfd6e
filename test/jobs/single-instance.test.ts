// The jobs process runs once per deployment: a second instance waits until the first lets go.
import { createConnection, createServer, type Server } from 'node:net';
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

  it('waits out a PostgreSQL that is not there yet (a restart), then takes the lock, and the pool works on', async () => {
    // The jobs process is often started again while PostgreSQL restarts: it must not die of it.
    const target = new URL(inject('databaseUrl'));
    const port = await freePort();
    const url = new URL(inject('databaseUrl'));
    url.hostname = '127.0.0.1';
    url.port = String(port);
    const late = connectDatabase(url.toString(), { max: 2 });
    let proxy: Server | undefined;
    try {
      const refused: string[] = [];
      const name = `test-lock-late-${Date.now()}`;
      const taking = holdSingleInstanceLock(late, name, { pollMs: 50, onUnavailable: (err) => refused.push(String((err as { code?: string }).code)) });
      await new Promise((r) => setTimeout(r, 400));
      expect(refused.length).toBeGreaterThan(0);
      expect(refused).toContain('ECONNREFUSED');
      proxy = await forward(port, target.hostname, Number(target.port || 5432));
      const held = await taking;
      expect(await held.stillHeld()).toBe(true);
      expect((await late`SELECT 1 AS one`)[0]).toEqual({ one: 1 }); // no dead socket was handed back to the pool
      await held.release();
    } finally {
      await late.end({ timeout: 1 }).catch(() => undefined);
      proxy?.close();
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

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/** A TCP forwarder from `port` to PostgreSQL: the database "comes back" when it starts listening. */
async function forward(port: number, host: string, targetPort: number): Promise<Server> {
  const server = createServer((client) => {
    const upstream = createConnection(targetPort, host);
    client.pipe(upstream).pipe(client);
    const end = () => (client.destroy(), upstream.destroy());
    client.on('error', end);
    upstream.on('error', end);
  });
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  return server;
}
