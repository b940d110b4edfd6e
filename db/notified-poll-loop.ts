// The loop of a table-driven worker (the outbox dispatcher, the assignment relay): run a batch,
// and when it was not full, sleep until NOTIFY on the table's channel or the poll interval. A
// wake-up during a batch runs the next one at once, so no notification is slept through.
import type { Logger } from 'pino';
import type { Sql } from 'postgres';

export interface NotifiedPollLoop {
  /** Lets the batch in flight finish, then stops listening. */
  stop(): Promise<void>;
}

export function startNotifiedPollLoop(opts: {
  sql: Sql;
  log: Logger;
  /** The NOTIFY channel that says there is work. */
  channel: string;
  pollMs: number;
  /** A full batch means more may be waiting: run again without sleeping. */
  batchSize: number;
  /** Runs one batch; answers how many it took. */
  runOnce: () => Promise<number>;
  /** Logged when a batch throws (the loop goes on after the poll interval). */
  failure: string;
}): NotifiedPollLoop {
  const { log } = opts;
  let stopping = false;
  let wake: () => void = () => {};
  let pendingWake = false;
  const wakeUp = () => {
    pendingWake = true;
    wake();
  };
  const listening = opts.sql.listen(opts.channel, wakeUp).catch((err: unknown) => {
    log.warn({ err }, 'LISTEN failed; polling only');
    return null;
  });
  const loop = (async () => {
    while (!stopping) {
      pendingWake = false;
      let taken = 0;
      try {
        taken = await opts.runOnce();
      } catch (err) {
        log.error({ err }, opts.failure);
      }
      if (stopping || taken === opts.batchSize || pendingWake) continue;
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, opts.pollMs);
        wake = () => {
          clearTimeout(timer);
          resolve();
        };
      });
      wake = () => {};
    }
  })();
  return {
    async stop() {
      stopping = true;
      wake();
      await loop;
      await (await listening)?.unlisten();
    },
  };
}
