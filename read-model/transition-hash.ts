// The fingerprint of a transition: what the workflow asked the read model to record under
// (complaint, seq). A retried activity brings the same fingerprint; another one under the same key
// means the workflow now tells a different story (a reset reused the sequence number).
import { createHash } from 'node:crypto';
import type { TransitionRecord } from './record-transition.js';

/**
 * sha256 (hex) of the transition's stable content: the event with its actor and data, the outcome
 * (status, closure, round, escalation level), the messages, the links. Not `at` nor the deadline
 * snapshot: they carry the start time of the workflow task that ran it, and a reset that re-runs
 * that task later with the same facts records the same transition. Keys are sorted, so property
 * order never matters. Changing what goes in makes a retry that spans the deploy look diverged:
 * add fields only with a new column value scheme (e.g. a `v2:` prefix compared as such).
 */
export function transitionHash(record: TransitionRecord): string {
  const { state, escalationLevel } = record.status;
  const content = {
    event: record.event,
    outcome: { status: state.status, closure: state.closure, round: state.round, escalationLevel },
    messages: record.messages,
    links: record.links,
    revokeLinks: record.revokeLinks,
    usedLinkId: record.usedLinkId,
  };
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
