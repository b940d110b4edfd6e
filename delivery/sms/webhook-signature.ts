// The generic SMS webhook's signature (README "SMS webhook protocol"): both ways, Plaint → gateway
// and the gateway's delivery reports → Plaint, carry
//   X-Plaint-Timestamp: <unix seconds>
//   X-Plaint-Signature: sha256=<hex HMAC-SHA256(secret, "<timestamp>.<raw body>")>
// The timestamp is signed with the body, so a captured request cannot be replayed later than the
// receiver's tolerance (5 minutes) or with another body. Chat and social platforms sign their
// complaints to POST /v1/integrations/{source}/complaints the same way (api/integrations/).
import { createHmac, timingSafeEqual } from 'node:crypto';

export const TIMESTAMP_HEADER = 'X-Plaint-Timestamp';
export const SIGNATURE_HEADER = 'X-Plaint-Signature';

/** How far a signed timestamp may be from the receiver's clock, either way. */
export const SIGNATURE_TOLERANCE_SECONDS = 300;

/** `sha256=<hex>` over `<timestamp>.<body>`. */
export function webhookSignature(secret: string, timestamp: number | string, body: string): string {
  return `sha256=${createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex')}`;
}

/** The two headers of a request signed now. */
export function signedHeaders(secret: string, body: string, now: Date = new Date()): Record<string, string> {
  const timestamp = Math.floor(now.getTime() / 1000);
  return { [TIMESTAMP_HEADER]: String(timestamp), [SIGNATURE_HEADER]: webhookSignature(secret, timestamp, body) };
}

export type SignatureCheck = { ok: true } | { ok: false; header: string; problem: string };

/**
 * Whether a received request is signed with `secret` (or any of several: two while a secret is
 * rotated), recently; else which header is wrong and how.
 */
export function verifyWebhookSignature(input: {
  secret: string | readonly string[];
  timestamp: string | undefined;
  signature: string | undefined;
  body: string;
  now?: Date;
}): SignatureCheck {
  const { timestamp, signature } = input;
  if (timestamp === undefined || timestamp === '') return { ok: false, header: TIMESTAMP_HEADER, problem: 'missing' };
  if (!/^\d{1,12}$/.test(timestamp)) return { ok: false, header: TIMESTAMP_HEADER, problem: 'must be Unix seconds' };
  const skew = Math.abs((input.now ?? new Date()).getTime() / 1000 - Number(timestamp));
  if (skew > SIGNATURE_TOLERANCE_SECONDS) {
    return { ok: false, header: TIMESTAMP_HEADER, problem: `more than ${SIGNATURE_TOLERANCE_SECONDS} seconds from our clock` };
  }
  if (signature === undefined || signature === '') return { ok: false, header: SIGNATURE_HEADER, problem: 'missing' };
  if (!/^sha256=[0-9a-f]{64}$/.test(signature)) return { ok: false, header: SIGNATURE_HEADER, problem: 'must be sha256=<64 hex digits>' };
  const given = Buffer.from(signature);
  const secrets = typeof input.secret === 'string' ? [input.secret] : input.secret;
  // Equal lengths (both sha256=<64 hex>), so timingSafeEqual compares without revealing where they differ.
  const matches = secrets.some((secret) => timingSafeEqual(Buffer.from(webhookSignature(secret, timestamp, input.body)), given));
  if (!matches) {
    return { ok: false, header: SIGNATURE_HEADER, problem: 'does not match the body and timestamp' };
  }
  return { ok: true };
}
