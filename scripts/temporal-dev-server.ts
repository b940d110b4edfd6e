// Runs `temporal server start-dev` (from scripts/install-temporal.sh) and waits for it longer
// than the SDK would (it gives a spawned server 5 s, too little on a loaded 2-core machine).
import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { Connection } from '@temporalio/client';

export interface TemporalDevServer {
  address: string;
  uiUrl: string | undefined;
  pid: number | undefined;
  stop(): Promise<void>;
}

export interface TemporalDevServerOptions {
  binary: string;
  /** Persist to this SQLite file; omitted = in memory. */
  dbFile?: string;
  port?: number;
  /** Omitted = headless. */
  uiPort?: number;
  /** The codec server the UI decodes payloads with (the API's `/console/codec`, staff only). */
  uiCodecEndpoint?: string;
  readyTimeoutMs?: number;
  onOutput?: (line: string) => void;
}

/**
 * Starts a dev server. With no `port` given it picks free ones and, because the server also binds
 * ports of its own that another process may hold, tries again with new ones if it exits at start.
 */
export async function startTemporalDevServer(opts: TemporalDevServerOptions): Promise<TemporalDevServer> {
  const attempts = opts.port === undefined ? 3 : 1;
  for (let attempt = 1; ; attempt++) {
    try {
      return await startOnce(opts, opts.port ?? (await freePort()), opts.uiPort);
    } catch (err) {
      if (attempt >= attempts || !(err instanceof ExitedDuringStart)) throw err;
    }
  }
}

class ExitedDuringStart extends Error {
  override readonly name = 'ExitedDuringStart';
}

async function startOnce(opts: TemporalDevServerOptions, port: number, uiPort: number | undefined): Promise<TemporalDevServer> {
  const args = [
    'server', 'start-dev',
    '--ip', '127.0.0.1',
    '--port', String(port),
    '--log-level', 'warn',
    '--dynamic-config-value', 'frontend.enableServerVersionCheck=false',
    ...(opts.dbFile ? ['--db-filename', opts.dbFile] : []),
    ...(uiPort ? ['--ui-port', String(uiPort)] : ['--headless']),
    ...(uiPort && opts.uiCodecEndpoint ? ['--ui-codec-endpoint', opts.uiCodecEndpoint] : []),
  ];
  const child = spawn(opts.binary, args, { stdio: ['ignore', 'pipe', 'pipe'] });
  // The last output, so a server that exits during start says why.
  let tail = '';
  const collect = (d: Buffer) => {
    tail = (tail + d.toString()).slice(-2000);
    opts.onOutput?.(d.toString().trimEnd());
  };
  child.stdout?.on('data', collect);
  child.stderr?.on('data', collect);
  const address = `127.0.0.1:${port}`;
  try {
    await waitUntilServing(address, child, opts.readyTimeoutMs ?? 60_000);
  } catch (err) {
    await stopChild(child);
    const Failure = err instanceof ExitedDuringStart ? ExitedDuringStart : Error;
    throw new Failure(`${(err as Error).message}\n${tail.trim()}`, { cause: err });
  }
  return {
    address,
    uiUrl: uiPort ? `http://127.0.0.1:${uiPort}` : undefined,
    pid: child.pid,
    stop: () => stopChild(child),
  };
}

async function waitUntilServing(address: string, child: ChildProcess, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let exited = false;
  child.once('exit', () => (exited = true));
  while (Date.now() < deadline) {
    if (exited) throw new ExitedDuringStart(`temporal dev server exited during start (exit code ${child.exitCode})`);
    try {
      const connection = await Connection.connect({ address, connectTimeout: 1000 });
      try {
        await connection.workflowService.describeNamespace({ namespace: 'default' });
        return;
      } finally {
        await connection.close();
      }
    } catch {
      await new Promise((r) => setTimeout(r, 250));
    }
  }
  throw new Error(`temporal dev server did not answer on ${address} within ${timeoutMs} ms`);
}

/** SIGTERM, then SIGKILL after 10 s: a dev server never outlives the process that started it. */
export async function stopChild(child: ChildProcess, graceMs = 10_000): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
  await exited;
  clearTimeout(timer);
}

/** A port that was free a moment ago (the OS picks it). */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}
