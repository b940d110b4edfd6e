// The webhook adapter against a gateway of our own speaking the protocol on a real HTTP server.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { webhookSmsProvider } from '../../delivery/sms/webhook.js';
import { DeliveryError, type SmsProvider } from '../../delivery/transport.js';
import { startFakeSmsWebhook, type FakeSmsWebhook } from '../helpers/fake-sms-webhook.js';

const SECRET = 'test-webhook-secret-of-32-characters!';
let gateway: FakeSmsWebhook;
let provider: SmsProvider;

beforeAll(async () => {
  gateway = await startFakeSmsWebhook({ secret: SECRET });
  provider = webhookSmsProvider({ url: gateway.url, secret: SECRET, timeoutMs: 1_000 });
});
afterAll(() => gateway.close());
beforeEach(() => {
  gateway.mode = 'normal';
});

const sms = (text: string, to = '+905321234567') => ({ idempotencyKey: randomUUID(), to, text });

async function failure(promise: Promise<unknown>): Promise<DeliveryError> {
  const err = await promise.then(() => null, (e: unknown) => e);
  expect(err).toBeInstanceOf(DeliveryError);
  return err as DeliveryError;
}

describe('webhook SMS provider', () => {
  it('delivers a signed message with its encoding and segment count, and the gateway gives its id', async () => {
    const message = sms('Şikayetiniz alındı. Referans: PLT-2026-000123');
    const accepted = await provider.send(message);
    const taken = gateway.messages.find((m) => m.id === message.idempotencyKey);
    expect(taken).toMatchObject({ to: '+905321234567', text: message.text, encoding: 'UCS-2', segments: 1 });
    expect(accepted.providerMessageId).toBe(taken!.messageId);
  });

  it('sends a retry under the same id, and the gateway answers with the same message instead of a second one', async () => {
    const message = sms('Complaint PLT-2026-000124 received.');
    const first = await provider.send(message);
    const again = await provider.send(message);
    expect(again).toEqual(first);
    expect(gateway.messages.filter((m) => m.id === message.idempotencyKey)).toHaveLength(1);
  });

  it('finds a message the gateway took although its answer was lost, and says when it never got one', async () => {
    const message = sms('Complaint PLT-2026-000125 received.');
    gateway.mode = 'drop-response';
    const lost = await failure(provider.send(message));
    expect(lost.permanent).toBe(false);
    gateway.mode = 'normal';
    const found = await provider.findAccepted!(message.idempotencyKey);
    expect(found?.providerMessageId).toBe(gateway.messages.find((m) => m.id === message.idempotencyKey)!.messageId);
    expect(await provider.findAccepted!(randomUUID())).toBeNull();
  });

  it('treats an outage and a gateway that does not answer in time as transient', async () => {
    gateway.mode = 'outage';
    const down = await failure(provider.send(sms('x')));
    expect(down).toMatchObject({ permanent: false });
    expect(down.message).toMatch(/503.*gateway down/);
    gateway.mode = 'hang';
    const slow = await failure(provider.send(sms('x')));
    expect(slow).toMatchObject({ permanent: false });
    expect(slow.message).toMatch(/no answer within 1000 ms/);
  });

  it('treats a closed port as transient', async () => {
    const nowhere = webhookSmsProvider({ url: 'http://127.0.0.1:9/sms', secret: SECRET, timeoutMs: 1_000 });
    expect(await failure(nowhere.send(sms('x')))).toMatchObject({ permanent: false });
  });

  it('is refused for good with the wrong secret', async () => {
    const wrong = webhookSmsProvider({ url: gateway.url, secret: 'another-secret-entirely-0123456789', timeoutMs: 1_000 });
    const err = await failure(wrong.send(sms('x')));
    expect(err).toMatchObject({ permanent: true, bounced: false });
    expect(err.message).toMatch(/401: bad signature/);
  });

  it('bounces a number the gateway does not know', async () => {
    gateway.invalidNumbers.add('+905000000000');
    const err = await failure(provider.send(sms('x', '+905000000000')));
    expect(err).toMatchObject({ permanent: true, bounced: true });
    expect(err.message).toMatch(/422: unknown subscriber/);
  });
});
