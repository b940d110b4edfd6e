// The fingerprint of a transition: what the workflow asked the read model to record under
// (complaint, seq). Every field of the record comes from the workflow's history, so a retried
// activity brings the same fingerprint; another one under the same key means the workflow now tells
// a different story (a reset reused the sequence number).
import { createHash } from 'node:crypto';
import type { TransitionRecord } from './read-model.js';

/** sha256 (hex) of the record's content, keys sorted so that property order never matters. */
export function transitionHash(record: TransitionRecord): string {
  const { complaintId: _complaint, seq: _seq, ...content } = record;
  return createHash('sha256').update(canonicalJson(content)).digest('hex');
}

/** JSON with object keys sorted at every depth; `undefined` members are left out, as JSON does. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
  if (Array.isArray(value)) return `[${value.map((v) => (v === undefined ? 'null' : canonicalJson(v))).join(',')}]`;
  const members = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`);
  return `{${members.join(',')}}`;
}
