// The generic signed webhook: any gateway (or our own dev SMS sink) that receives a JSON POST with
// an HMAC header can send Plaint's SMS. The protocol is in the README ("SMS webhook protocol") and
// notes/contracts; the receiver dedupes by `id` (our idempotency key), so a retry is safe, and
// GET {url}/{id} tells whether it already took a message (findAccepted).
import { countSmsSegments } from '../../domain/sms-segments.js';
import { DeliveryError, type Accepted, type OutgoingSms, type SmsProvider } from '../transport.js';
import { callGateway, excerpt, stringField, type GatewayResponse } from './http.js';
import { signedHeaders } from './webhook-signature.js';

export interface WebhookSmsOptions {
  /** Where messages are POSTed, e.g. https://sms-gateway.example/plaint */
  url: string;
  /** Shared HMAC secret. */
  secret: string;
  /** Deadline of one call. */
  timeoutMs: number;
  now?: () => Date;
}

/** The JSON a gateway receives. */
export interface WebhookSmsRequest {
  id: string;
  to: string;
  text: string;
  encoding: 'GSM-7' | 'UCS-2';
  segments: number;
}

export function webhookSmsProvider(options: WebhookSmsOptions): SmsProvider {
  const now = options.now ?? (() => new Date());
  const base = options.url.replace(/\/+$/, '');
  return {
    name: 'webhook',

    async send(message: OutgoingSms): Promise<Accepted> {
      const { encoding, segments } = countSmsSegments(message.text);
      const request: WebhookSmsRequest = { id: message.idempotencyKey, to: message.to, text: message.text, encoding, segments };
      const body = JSON.stringify(request);
      const response = await callGateway('SMS webhook', base, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', ...signedHeaders(options.secret, body, now()) },
        body,
        timeoutMs: options.timeoutMs,
      });
      if (response.status >= 200 && response.status < 300) return accepted(response);
      throw refusal(response);
    },

    async findAccepted(idempotencyKey: string): Promise<Accepted | null> {
      const response = await callGateway('SMS webhook', `${base}/${encodeURIComponent(idempotencyKey)}`, {
        method: 'GET',
        headers: signedHeaders(options.secret, '', now()),
        timeoutMs: options.timeoutMs,
      });
      if (response.status === 404) return null;
      if (response.status === 200) return accepted(response);
      // Not knowing is not "not sent": the dispatcher asks again later instead of resending.
      throw new DeliveryError(`SMS webhook lookup answered ${response.status}: ${excerpt(response.text)}`, false);
    },
  };
}

function accepted(response: GatewayResponse): Accepted {
  const messageId = stringField(response.json, 'messageId');
  // A 2xx without an id breaks the protocol; resending under the same id is safe, so retry.
  if (!messageId) throw new DeliveryError(`SMS webhook answered ${response.status} without a messageId: ${excerpt(response.text)}`, false);
  return { providerMessageId: messageId };
}

/** 408, 429 and 5xx may pass; any other 4xx will not. `"bounced": true` names a refused recipient. */
function refusal(response: GatewayResponse): DeliveryError {
  const reason = stringField(response.json, 'error') ?? excerpt(response.text);
  const message = `SMS webhook answered ${response.status}${reason ? `: ${reason}` : ''}`;
  const transient = response.status >= 500 || response.status === 408 || response.status === 429 || response.status < 400;
  if (transient) return new DeliveryError(message, false);
  const bounced = typeof response.json === 'object' && response.json !== null && (response.json as { bounced?: unknown }).bounced === true;
  return new DeliveryError(message, true, bounced);
}
