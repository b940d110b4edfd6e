// Chat and social platforms as tests configure them, and their requests signed as a platform signs
// them (README "Chat and social webhooks"): written out here, not with Plaint's own signing code,
// so a test fails when the code drifts from the documented scheme.
import { createHmac, randomBytes } from 'node:crypto';
import type { Integration, Integrations } from '../../config/integrations.js';

const secret = (name: string) => `test-${name}-secret-${randomBytes(24).toString('base64url')}`;

export const CHAT_SECRET = secret('chat');
/** The chat integration's previous secret, still accepted while it rotates. */
export const CHAT_PREVIOUS_SECRET = secret('chat-previous');
export const SOCIAL_SECRET = secret('social');

export const TEST_INTEGRATIONS: Integrations = new Map<string, Integration>([
  ['test-chat', { source: 'test-chat', channel: 'live_chat', platform: 'Destek Sohbeti', secrets: [CHAT_SECRET, CHAT_PREVIOUS_SECRET] }],
  ['test-social', { source: 'test-social', channel: 'social_media', platform: 'Instagram', secrets: [SOCIAL_SECRET] }],
  // Known, but its secret was never configured (or withdrawn).
  ['test-unsigned', { source: 'test-unsigned', channel: 'live_chat', platform: 'Half set up', secrets: [] }],
]);

/** `sha256=<hex HMAC-SHA256(secret, "<timestamp>.<raw body>")>`. */
export function platformSignature(key: string, timestamp: number | string, body: string): string {
  return `sha256=${createHmac('sha256', key).update(`${timestamp}.${body}`).digest('hex')}`;
}

export const nowSeconds = () => Math.floor(Date.now() / 1000);

/** The request a platform sends: the raw body, signed at `timestamp` (default now). */
export function signedComplaintRequest(
  body: unknown,
  opts: { secret: string; timestamp?: number; signature?: string; headers?: Record<string, string> },
): RequestInit {
  const raw = typeof body === 'string' ? body : JSON.stringify(body);
  const timestamp = opts.timestamp ?? nowSeconds();
  return {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      'x-plaint-timestamp': String(timestamp),
      'x-plaint-signature': opts.signature ?? platformSignature(opts.secret, timestamp, raw),
      ...opts.headers,
    },
    body: raw,
  };
}

let messages = 0;

/** A chat complaint as a platform sends it; each call a new message id. */
export function aPlatformComplaint(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  messages += 1;
  return {
    messageId: `msg-${Date.now()}-${messages}-${randomBytes(4).toString('hex')}`,
    customer: { handle: '@ayse.yilmaz', displayName: 'Ayşe Yılmaz', locale: 'tr', country: 'TR' },
    // Sent out of order: the description lists them by time.
    transcript: [
      { from: 'bot', at: '2026-12-01T11:03:05Z', text: 'Sipariş numaranızı yazar mısınız?' },
      { from: 'customer', at: '2026-12-01T11:03:00Z', text: 'Bulaşık makinem teslim edilmedi, iki haftadır bekliyorum.' },
      { from: 'customer', at: '2026-12-01T11:04:10Z', text: 'SP-99812' },
      { from: 'agent', at: '2026-12-01T11:05:00Z', text: 'Kaydınızı şikâyet olarak açıyorum.' },
    ],
    conversationUrl: 'https://chat.example.com/c/8812',
    ...overrides,
  };
}
