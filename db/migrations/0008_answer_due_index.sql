-- no-transaction
-- Overdue views find complaints whose customer owes an answer (to a proposal or to our question)
-- by `answer_due_at`, as they find late stages by `stage_deadline_at`.
CREATE INDEX CONCURRENTLY IF NOT EXISTS complaints_answer_due_idx ON complaints (answer_due_at) WHERE closed_at IS NULL;
