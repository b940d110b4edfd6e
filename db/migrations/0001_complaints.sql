-- The read model of complaints, their append-only timeline and the intake ledger.
CREATE SEQUENCE complaint_reference_seq;

-- One row per accepted intake request. It is written before the workflow starts, so a
-- retried request (same Idempotency-Key) finds the same complaint, even after a crash.
CREATE TABLE intake_requests (
  idempotency_key   text PRIMARY KEY,
  fingerprint       text NOT NULL,              -- sha256 of the request body: same key, other body = conflict
  complaint_id      uuid NOT NULL UNIQUE,
  reference         text NOT NULL UNIQUE,
  sealed_response   text NOT NULL,              -- the first 201 body, AES-GCM sealed (holds the PIN)
  created_at        timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE complaints (
  id                uuid PRIMARY KEY,
  reference         text NOT NULL UNIQUE,
  channel           text NOT NULL,
  status            text NOT NULL,
  customer_name     text NOT NULL,
  customer_email    text,
  customer_phone    text,
  customer_locale   text NOT NULL,
  customer_country  text,
  subject           text NOT NULL,
  description       text NOT NULL,
  category          text,
  product           text,
  pin_hash          text NOT NULL,              -- scrypt; the PIN itself is shown once and never stored
  received_at       timestamptz NOT NULL,
  recorded_at       timestamptz,                -- set by the workflow's activity
  updated_at        timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX complaints_status_idx ON complaints (status, received_at);

-- Append-only: (complaint_id, seq) makes an activity retry a no-op instead of a duplicate.
CREATE TABLE complaint_events (
  complaint_id      uuid NOT NULL REFERENCES complaints (id),
  seq               integer NOT NULL,
  type              text NOT NULL,
  actor_id          text NOT NULL,
  actor_role        text NOT NULL,
  occurred_at       timestamptz NOT NULL,
  data              jsonb NOT NULL DEFAULT '{}',
  PRIMARY KEY (complaint_id, seq)
);
