// A `-- no-transaction` migration runs statement by statement: PostgreSQL runs a query string of
// several statements as one transaction, where CREATE INDEX CONCURRENTLY refuses to run.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { statementsOf } from '../../db/migrate.js';

const migration = (name: string) => readFileSync(new URL(`../../db/migrations/${name}`, import.meta.url), 'utf8');

describe('statementsOf', () => {
  it('splits a no-transaction file into its statements, leaving out comments on their own', () => {
    const statements = statementsOf(migration('0024_complaint_events_by_time.sql'));
    expect(statements.map((s) => s.split('\n').filter((l) => !l.startsWith('--')).join(' '))).toEqual([
      'DROP INDEX CONCURRENTLY IF EXISTS complaint_events_occurred_at_idx',
      'CREATE INDEX CONCURRENTLY complaint_events_occurred_at_idx ON complaint_events (occurred_at, complaint_id, seq)',
      'DROP INDEX CONCURRENTLY IF EXISTS complaint_events_actor_occurred_at_idx',
      'CREATE INDEX CONCURRENTLY complaint_events_actor_occurred_at_idx ON complaint_events (actor_id, occurred_at, complaint_id, seq)',
    ]);
  });

  it('keeps a single statement whole, with the comments before it', () => {
    const [only, ...rest] = statementsOf(migration('0008_answer_due_index.sql'));
    expect(rest).toEqual([]);
    expect(only).toMatch(/^-- no-transaction\n[^]*CREATE INDEX CONCURRENTLY IF NOT EXISTS complaints_answer_due_idx ON complaints \(answer_due_at\) WHERE closed_at IS NULL$/);
  });

  it('leaves out a trailing comment and blank statements', () => {
    expect(statementsOf('-- no-transaction\nSELECT 1;\n\n;\n-- the end\n')).toEqual(['-- no-transaction\nSELECT 1']);
  });
});
