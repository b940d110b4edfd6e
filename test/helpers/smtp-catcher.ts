// A real SMTP server of our own (smtp-server), in-process: it keeps every message it accepts,
// parsed by mailparser, and can be told to refuse recipients the way real servers do (421 for
// "try later", 550 for "no such mailbox") or to be down altogether.
import { createServer, type AddressInfo } from 'node:net';
import { simpleParser, type ParsedMail } from 'mailparser';
import { SMTPServer, type SMTPServerAddress } from 'smtp-server';

export interface CaughtMail {
  envelopeTo: string[];
  parsed: ParsedMail;
  messageId: string;
}

type Refusal = { code: number; message: string };

export interface SmtpCatcher {
  port: number;
  mails: CaughtMail[];
  /** The mails sent to this address. */
  to(address: string): CaughtMail[];
  /** Refuses RCPT for `address`, e.g. 550 (every time) or 421 (`times` times). */
  refuse(address: string, refusal: Refusal, times?: number): void;
  /** Takes mail for `address` again. */
  accept(address: string): void;
  /** Stops listening (an outage); `start` listens again on the same port. */
  stop(): Promise<void>;
  start(): Promise<void>;
}

/** A free TCP port on the loopback address (for a server that starts later). */
export async function freePort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const { port } = probe.address() as AddressInfo;
  await new Promise((resolve) => probe.close(resolve));
  return port;
}

function smtpError(refusal: Refusal): Error {
  return Object.assign(new Error(refusal.message), { responseCode: refusal.code });
}

export async function startSmtpCatcher(opts: { port?: number; listening?: boolean } = {}): Promise<SmtpCatcher> {
  const port = opts.port ?? (await freePort());
  const mails: CaughtMail[] = [];
  const refused = new Map<string, Refusal & { times: number }>();
  let server: SMTPServer | null = null;

  const make = () =>
    new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS', 'AUTH'],
      logger: false,
      onRcptTo(address: SMTPServerAddress, _session, callback) {
        const refusal = refused.get(address.address.toLowerCase());
        if (refusal && refusal.times-- > 0) return callback(smtpError(refusal));
        callback();
      },
      onData(stream, session, callback) {
        simpleParser(stream)
          .then((parsed) => {
            mails.push({ envelopeTo: session.envelope.rcptTo.map((r) => r.address), parsed, messageId: parsed.messageId ?? '' });
            callback();
          })
          .catch((err: Error) => callback(err));
      },
    });

  const catcher: SmtpCatcher = {
    port,
    mails,
    to: (address) => mails.filter((m) => m.envelopeTo.includes(address)),
    refuse: (address, refusal, times = Infinity) => void refused.set(address.toLowerCase(), { ...refusal, times }),
    accept: (address) => void refused.delete(address.toLowerCase()),
    async start() {
      if (server) return;
      server = make();
      await new Promise<void>((resolve, reject) => {
        server!.once('error', reject);
        server!.listen(port, '127.0.0.1', () => resolve());
      });
    },
    async stop() {
      const s = server;
      server = null;
      if (s) await new Promise<void>((resolve) => s.close(() => resolve()));
    },
  };
  if (opts.listening !== false) await catcher.start();
  return catcher;
}
