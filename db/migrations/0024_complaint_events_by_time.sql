-- no-transaction
-- The audit trail (GET /v1/audit/staff-actions, /console/audit) reads staff decisions across all
-- complaints newest first, in keyset pages on (occurred_at, complaint_id, seq), optionally for one
-- person. Without these the page scans and sorts every event (10M at a million complaints).
--
-- CONCURRENTLY, so transitions keep being recorded while a big table is indexed: it cannot run
-- in a transaction, hence `-- no-transaction` (db/migrate.ts then runs the statements one by
-- one). A build that fails leaves an invalid index behind, which `IF NOT EXISTS` would keep for
-- good: each index is dropped first, so running the file again after a failure builds it afresh.
DROP INDEX CONCURRENTLY IF EXISTS complaint_events_occurred_at_idx;
CREATE INDEX CONCURRENTLY complaint_events_occurred_at_idx ON complaint_events (occurred_at, complaint_id, seq);
DROP INDEX CONCURRENTLY IF EXISTS complaint_events_actor_occurred_at_idx;
CREATE INDEX CONCURRENTLY complaint_events_actor_occurred_at_idx ON complaint_events (actor_id, occurred_at, complaint_id, seq);
