// The fingerprint of a transition: what the workflow asked the read model to record under
// (complaint, seq). A retried activity brings the same fingerprint; another one under the same key
// means the workflow now tells a different story (a reset reused the sequence number).
import { createHash } from 'node:crypto';
import type { TransitionRecord } from './record-transition.js';

/**
 * sha256 (hex) of the transition's facts: the event with its actor and data, the outcome (status,
 * closure, round, escalation level), which messages go to whom, which links are issued for what.
 * Not what depends on *when* the workflow task ran or on its randomness: `at`, the deadline
 * snapshot, the stage outcome's business minutes, the instants in message parameters, the ids of
 * new links (a reset's new run draws other ones). So a reset that re-runs the same decisions later
 * records the same transitions, and only another story under a recorded key fails. Keys are
 * sorted, so property order never matters. Changing what goes in makes a retry that spans the
 * deploy look diverged: add fields only with a new column value scheme (e.g. a `v2:` prefix).
 */
export function transitionHash(record: TransitionRecord): string {
  const { stageOutcome, ...data } = record.event.data as { stageOutcome?: unknown } & Record<string, unknown>;
  void stageOutcome;
  if (record.event.type === 'process_migrated') return hashOf(record, migrationFacts(data));
  return hashOf(record, data);
}

/**
 * A migration's facts: which plan moved it from which version to which, by which rule, what the
 * promise guard kept. Its instants (a restart's deadline counts from the task's time) and whether
 * it ended breached are left out, as the deadline snapshot is.
 */
function migrationFacts(data: Record<string, unknown>): Record<string, unknown> {
  const { migrationId, from, to, stage, rule, guarded } = data;
  return { migrationId, from, to, stage, rule, guarded };
}

function hashOf(record: TransitionRecord, data: Record<string, unknown>): string {
  const { state, escalationLevel } = record.status;
  const content = {
    event: { ...record.event, data },
    outcome: { status: state.status, closure: state.closure, round: state.round, escalationLevel },
    messages: record.messages.map((m) => ({ audience: m.audience, template: m.template, ...(m.audience === 'staff' ? { recipient: m.recipient } : {}) })),
    links: record.links.map(({ purpose, round, requestId }) => ({ purpose, round, requestId })),
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
