// One HTTP call to an SMS gateway, with a deadline. A call that gets no answer (refused, reset,
// timed out) is a transient DeliveryError: the gateway may be down for a moment, and each adapter
// makes its retry safe in its own way (README "SMS providers").
import { DeliveryError } from '../transport.js';

export interface GatewayResponse {
  status: number;
  /** The body parsed as JSON, or undefined when it is not JSON. */
  json: unknown;
  text: string;
}

export async function callGateway(
  gateway: string,
  url: string,
  init: { method: 'GET' | 'POST'; headers: Record<string, string>; body?: string; timeoutMs: number },
): Promise<GatewayResponse> {
  let response: Response;
  let text: string;
  try {
    response = await fetch(url, {
      method: init.method,
      headers: init.headers,
      ...(init.body === undefined ? {} : { body: init.body }),
      signal: AbortSignal.timeout(init.timeoutMs),
      redirect: 'error',
    });
    text = await response.text();
  } catch (err) {
    const why = err instanceof Error && err.name === 'TimeoutError' ? `no answer within ${init.timeoutMs} ms` : describe(err);
    throw new DeliveryError(`${gateway} unreachable (${init.method} ${new URL(url).origin}): ${why}`, false);
  }
  let json: unknown;
  try {
    json = text === '' ? undefined : JSON.parse(text);
  } catch {
    json = undefined;
  }
  return { status: response.status, json, text };
}

function describe(err: unknown): string {
  if (!(err instanceof Error)) return String(err);
  const cause = err.cause instanceof Error ? `: ${(err.cause as NodeJS.ErrnoException).code ?? err.cause.message}` : '';
  return `${err.message}${cause}`;
}

/** A JSON object's string field, or undefined. */
export function stringField(json: unknown, key: string): string | undefined {
  if (typeof json !== 'object' || json === null) return undefined;
  const value = (json as Record<string, unknown>)[key];
  return typeof value === 'string' && value !== '' ? value : undefined;
}

/** At most `max` characters of a gateway's answer, for last_error. */
export function excerpt(text: string, max = 200): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > max ? `${flat.slice(0, max)}…` : flat;
}
