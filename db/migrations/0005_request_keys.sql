-- The Idempotency-Keys of staff decisions, each with the SHA-256 of the
-- request it was first used for. Written before the workflow update is sent: Temporal drops an
-- update whose id it has seen and answers with the first result, so without this ledger a key
-- reused with another decision would answer 200 and the second decision would be lost. A key
-- reused with another body answers 409 instead. Rows are forgotten after 30 days.
CREATE TABLE request_keys (
  caller          text NOT NULL,
  idempotency_key text NOT NULL,
  body_sha256     text NOT NULL,
  created_at      timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (caller, idempotency_key)
);
CREATE INDEX request_keys_created_idx ON request_keys (created_at);
