// What the local inbox received: e-mails (deduplicated by Message-ID) and SMS (deduplicated by the
// sender's id). Kept in memory and, when given a folder, appended to a JSON-lines file there, so
// that `npm start` after a restart still shows the messages whose links lead to live complaints.
import { appendFileSync, existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

export interface InboxEmail {
  kind: 'email';
  /** Our own id for the page's routes. */
  id: string;
  messageId: string | null;
  from: string;
  to: string[];
  replyTo: string | null;
  subject: string;
  text: string;
  html: string | null;
  /** Every header as received (lower-case names), for the page's "headers" block. */
  headers: Record<string, string>;
  receivedAt: string;
  /** How many more times the same Message-ID arrived: > 0 means a double send. */
  duplicates: number;
}

export interface InboxSms {
  kind: 'sms';
  id: string;
  /** The sender's idempotency key (`id` in the webhook body). */
  clientId: string;
  /** Our answer (`messageId`), what delivery reports name. */
  messageId: string;
  to: string;
  text: string;
  encoding: string;
  segments: number;
  receivedAt: string;
  status: 'accepted' | 'delivered' | 'failed';
  duplicates: number;
  /** What posting the delivery report back to Plaint gave, when one was posted. */
  reportResult?: string;
}

export type InboxMessage = InboxEmail | InboxSms;

type Entry = { op: 'add'; message: InboxMessage } | { op: 'update'; id: string; patch: Partial<InboxMessage> };

export class InboxStore {
  private readonly byId = new Map<string, InboxMessage>();
  private readonly file: string | undefined;

  constructor(dataDir?: string) {
    if (!dataDir) return;
    mkdirSync(dataDir, { recursive: true });
    this.file = join(dataDir, 'messages.jsonl');
    if (existsSync(this.file)) {
      for (const line of readFileSync(this.file, 'utf8').split('\n')) {
        if (!line.trim()) continue;
        try {
          this.apply(JSON.parse(line) as Entry);
        } catch {
          // A line cut short by a kill mid-write: the messages before it are still good.
        }
      }
    }
  }

  /** Newest first. */
  list(): InboxMessage[] {
    return [...this.byId.values()].sort((a, b) => b.receivedAt.localeCompare(a.receivedAt) || b.id.localeCompare(a.id));
  }

  get(id: string): InboxMessage | undefined {
    return this.byId.get(id);
  }

  findEmail(messageId: string): InboxEmail | undefined {
    return this.list().find((m): m is InboxEmail => m.kind === 'email' && m.messageId === messageId);
  }

  findSms(clientId: string): InboxSms | undefined {
    return this.list().find((m): m is InboxSms => m.kind === 'sms' && (m.clientId === clientId || m.messageId === clientId));
  }

  add(message: InboxMessage): void {
    this.record({ op: 'add', message });
  }

  update(id: string, patch: Partial<InboxEmail> | Partial<InboxSms>): void {
    this.record({ op: 'update', id, patch });
  }

  private record(entry: Entry): void {
    this.apply(entry);
    // Synchronous append: one line per change, in order, never interleaved.
    if (this.file) appendFileSync(this.file, `${JSON.stringify(entry)}\n`);
  }

  private apply(entry: Entry): void {
    if (entry.op === 'add') this.byId.set(entry.message.id, entry.message);
    else {
      const current = this.byId.get(entry.id);
      if (current) this.byId.set(entry.id, { ...current, ...entry.patch } as InboxMessage);
    }
  }
}
