// What the SMTP server accepted, kept on the jobs process's disk before the outbox row is marked
// sent in PostgreSQL. SMTP cannot be asked whether it took a message, so without this a row left
// `sending` (PostgreSQL went away between the server's 250 and our UPDATE, or the process died)
// is sent again after its lease. With it, a reclaimed row whose key is journalled is recorded as
// sent, not resent. The window left is the microseconds between the 250 and the fsync'd append.
import { appendFileSync, existsSync, fsyncSync, openSync, readFileSync, renameSync, writeFileSync } from 'node:fs';

/** Entries older than this are dropped when the journal is opened: leases are minutes long. */
const KEEP_MS = 2 * 86_400_000;

export interface SentJournal {
  /** The provider message id recorded for this idempotency key, if the server took it. */
  find(idempotencyKey: string): string | undefined;
  /** Records, durably (fsync), that the server took the message. */
  add(idempotencyKey: string, providerMessageId: string): void;
}

export function openSentJournal(file: string, now: () => number = Date.now): SentJournal {
  const entries = new Map<string, string>();
  if (existsSync(file)) {
    for (const line of readFileSync(file, 'utf8').split('\n')) {
      const [at, key, id] = line.split('\t');
      if (key && id && now() - Number(at) < KEEP_MS) entries.set(key, id);
    }
    // Rewritten with what is kept, so the file does not grow for ever.
    const kept = [...entries].map(([key, id]) => `${now()}\t${key}\t${id}\n`).join('');
    writeFileSync(`${file}.tmp`, kept, { mode: 0o600 });
    renameSync(`${file}.tmp`, file);
  }
  const fd = openSync(file, 'a', 0o600);
  return {
    find: (key) => entries.get(key),
    add(key, id) {
      entries.set(key, id);
      appendFileSync(fd, `${now()}\t${key}\t${id}\n`);
      fsyncSync(fd);
    },
  };
}
