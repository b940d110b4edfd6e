// The local SMS sink: an HTTP server speaking the generic SMS webhook protocol (see the README,
// "SMS"): it checks the HMAC signature and timestamp of each request, keeps each message once by
// the sender's `id`, answers `{messageId}`, answers lookups, and, like a real gateway, posts a
// signed delivery report back to Plaint shortly after.
import { createHmac, randomUUID, timingSafeEqual } from 'node:crypto';
import { Hono, type Context } from 'hono';
import { DEV_INBOX_SMS_PATH } from '../config/env.js';
import type { InboxSms, InboxStore } from './store.js';

/** The sink's path: a URL containing it is the sink, which production refuses (config/env.ts). */
export const SMS_SINK_PATH = DEV_INBOX_SMS_PATH;
const MAX_CLOCK_SKEW_SECONDS = 5 * 60;

export interface SmsSinkOptions {
  store: InboxStore;
  secret: string;
  /** Where delivery reports go (Plaint's POST /hooks/sms/webhook); none = no reports. */
  deliveryReportUrl?: string;
  deliveryReportDelayMs: number;
  now?: () => Date;
}

export function sign(secret: string, timestamp: string, body: string): string {
  return `sha256=${createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex')}`;
}

export function createSmsSink(opts: SmsSinkOptions): { app: Hono; close(): void } {
  const timers = new Set<NodeJS.Timeout>();
  const now = opts.now ?? (() => new Date());
  const app = new Hono();

  app.post(SMS_SINK_PATH, async (c) => {
    const raw = await c.req.text();
    const refused = verify(c, opts.secret, raw, now());
    if (refused) return c.json({ error: 'UNAUTHORIZED', message: refused }, 401);
    const parsed = parseBody(raw);
    if ('errors' in parsed) return c.json({ error: 'VALIDATION_FAILED', errors: parsed.errors }, 400);
    const earlier = opts.store.findSms(parsed.id);
    if (earlier) {
      opts.store.update(earlier.id, { duplicates: earlier.duplicates + 1 });
      return c.json({ messageId: earlier.messageId }, 200);
    }
    const sms: InboxSms = {
      kind: 'sms',
      id: randomUUID(),
      clientId: parsed.id,
      messageId: `sink-${randomUUID()}`,
      to: parsed.to,
      text: parsed.text,
      encoding: parsed.encoding,
      segments: parsed.segments,
      receivedAt: now().toISOString(),
      status: 'accepted',
      duplicates: 0,
    };
    opts.store.add(sms);
    if (opts.deliveryReportUrl) scheduleReport(sms, opts.deliveryReportUrl);
    return c.json({ messageId: sms.messageId }, 202);
  });

  app.get(`${SMS_SINK_PATH}/:id`, (c) => {
    const refused = verify(c, opts.secret, '', now());
    if (refused) return c.json({ error: 'UNAUTHORIZED', message: refused }, 401);
    const sms = opts.store.findSms(c.req.param('id'));
    if (!sms) return c.json({ error: 'NOT_FOUND', message: 'no message with this id' }, 404);
    return c.json({ messageId: sms.messageId, status: sms.status }, 200);
  });

  function scheduleReport(sms: InboxSms, url: string): void {
    const timer = setTimeout(() => {
      timers.delete(timer);
      void postReport(sms, url);
    }, opts.deliveryReportDelayMs);
    timers.add(timer);
  }

  async function postReport(sms: InboxSms, url: string): Promise<void> {
    const body = JSON.stringify({ messageId: sms.messageId, status: 'delivered' });
    const timestamp = String(Math.floor(now().getTime() / 1000));
    const result = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-plaint-timestamp': timestamp, 'x-plaint-signature': sign(opts.secret, timestamp, body) },
      body,
      signal: AbortSignal.timeout(10_000),
    }).then(
      (res) => `HTTP ${res.status}`,
      (err: Error) => `not posted: ${err.message}`,
    );
    // The handset got it either way; the result shows whether Plaint heard about it.
    opts.store.update(sms.id, { status: 'delivered', reportResult: result });
  }

  return {
    app,
    close: () => {
      for (const t of timers) clearTimeout(t);
      timers.clear();
    },
  };
}

/** Why the request is refused, or undefined when its signature and timestamp are good. */
function verify(c: Context, secret: string, raw: string, now: Date): string | undefined {
  const timestamp = c.req.header('x-plaint-timestamp') ?? '';
  const signature = c.req.header('x-plaint-signature') ?? '';
  if (!/^\d+$/.test(timestamp)) return 'X-Plaint-Timestamp is missing or not unix seconds';
  if (Math.abs(now.getTime() / 1000 - Number(timestamp)) > MAX_CLOCK_SKEW_SECONDS) return 'X-Plaint-Timestamp is more than 5 minutes off';
  const expected = Buffer.from(sign(secret, timestamp, raw));
  const given = Buffer.from(signature);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return 'X-Plaint-Signature does not match';
  return undefined;
}

interface SmsRequest {
  id: string;
  to: string;
  text: string;
  encoding: 'GSM-7' | 'UCS-2';
  segments: number;
}

function parseBody(raw: string): SmsRequest | { errors: Array<{ field: string; message: string }> } {
  let body: Record<string, unknown>;
  try {
    const value: unknown = JSON.parse(raw);
    if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new Error('not an object');
    body = value as Record<string, unknown>;
  } catch {
    return { errors: [{ field: '(body)', message: 'expected a JSON object' }] };
  }
  const errors: Array<{ field: string; message: string }> = [];
  const text = (field: string) => {
    const value = body[field];
    if (typeof value !== 'string' || value === '') errors.push({ field, message: 'expected a non-empty string' });
  };
  text('id');
  text('text');
  if (typeof body.to !== 'string' || !/^\+\d{8,15}$/.test(body.to)) errors.push({ field: 'to', message: 'expected an E.164 number (+905321234567)' });
  if (body.encoding !== 'GSM-7' && body.encoding !== 'UCS-2') errors.push({ field: 'encoding', message: "expected 'GSM-7' or 'UCS-2'" });
  if (!Number.isInteger(body.segments) || (body.segments as number) < 1) errors.push({ field: 'segments', message: 'expected a positive integer' });
  if (errors.length) return { errors };
  return body as unknown as SmsRequest;
}
