// An SMS gateway speaking Plaint's webhook protocol (README "SMS webhook protocol") on a real
// node:http server: it checks the HMAC signature and timestamp itself (node:crypto, not our
// module), dedupes by `id`, answers lookups, and can be told to fail as real gateways do.
import { createHmac, randomUUID, timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface WebhookSms {
  id: string;
  to: string;
  text: string;
  encoding: string;
  segments: number;
  messageId: string;
}

export type FakeWebhookMode =
  | 'normal'
  /** 503 to every request. */
  | 'outage'
  /** Takes the message, then drops the connection before answering (a lost response). */
  | 'drop-response'
  /** Never answers (the caller's deadline runs out). */
  | 'hang';

export interface FakeSmsWebhook {
  url: string;
  /** Messages taken, once each. */
  messages: WebhookSms[];
  /** POSTs received (a deduplicated retry counts too). */
  posts: number;
  mode: FakeWebhookMode;
  /** Numbers refused as unknown (422, bounced). */
  invalidNumbers: Set<string>;
  close(): Promise<void>;
}

export async function startFakeSmsWebhook(opts: { secret: string; path?: string }): Promise<FakeSmsWebhook> {
  const path = opts.path ?? '/sms';
  const byId = new Map<string, WebhookSms>();
  const hanging = new Set<ServerResponse>();
  const fake: Omit<FakeSmsWebhook, 'url' | 'close'> = { messages: [], posts: 0, mode: 'normal', invalidNumbers: new Set() };

  const json = (res: ServerResponse, status: number, body: unknown) => {
    res.writeHead(status, { 'Content-Type': 'application/json' }).end(JSON.stringify(body));
  };
  const signatureProblem = (req: IncomingMessage, body: string): string | null => {
    const timestamp = req.headers['x-plaint-timestamp'];
    const signature = req.headers['x-plaint-signature'];
    if (typeof timestamp !== 'string' || typeof signature !== 'string') return 'missing signature headers';
    if (Math.abs(Date.now() / 1000 - Number(timestamp)) > 300) return 'stale timestamp';
    const expected = Buffer.from(`sha256=${createHmac('sha256', opts.secret).update(`${timestamp}.${body}`).digest('hex')}`);
    const given = Buffer.from(signature);
    return expected.length === given.length && timingSafeEqual(expected, given) ? null : 'bad signature';
  };

  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const body = Buffer.concat(chunks).toString('utf8');
      if (fake.mode === 'hang') {
        hanging.add(res);
        return;
      }
      if (fake.mode === 'outage') return json(res, 503, { error: 'gateway down for maintenance' });
      const problem = signatureProblem(req, body);
      if (problem) return json(res, 401, { error: problem });
      const url = new URL(req.url ?? '/', 'http://fake');
      if (req.method === 'GET' && url.pathname.startsWith(`${path}/`)) {
        const found = byId.get(decodeURIComponent(url.pathname.slice(path.length + 1)));
        return found ? json(res, 200, { messageId: found.messageId, status: 'accepted' }) : json(res, 404, { error: 'no such message' });
      }
      if (req.method !== 'POST' || url.pathname !== path) return json(res, 404, { error: 'no such route' });
      fake.posts++;
      if (!String(req.headers['content-type']).startsWith('application/json')) return json(res, 415, { error: 'JSON only' });
      let sms: Omit<WebhookSms, 'messageId'>;
      try {
        sms = JSON.parse(body) as Omit<WebhookSms, 'messageId'>;
      } catch {
        return json(res, 400, { error: 'body is not JSON' });
      }
      if (typeof sms.id !== 'string' || typeof sms.to !== 'string' || typeof sms.text !== 'string') {
        return json(res, 400, { error: 'id, to and text are required' });
      }
      if (fake.invalidNumbers.has(sms.to)) return json(res, 422, { error: `unknown subscriber ${sms.to}`, bounced: true });
      const existing = byId.get(sms.id);
      if (existing) return json(res, 200, { messageId: existing.messageId });
      const taken = { ...sms, messageId: `wh-${randomUUID()}` };
      byId.set(sms.id, taken);
      fake.messages.push(taken);
      if (fake.mode === 'drop-response') return res.socket?.destroy();
      json(res, 201, { messageId: taken.messageId });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return Object.assign(fake, {
    url: `http://127.0.0.1:${port}${path}`,
    close: async () => {
      for (const res of hanging) res.socket?.destroy();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  });
}
