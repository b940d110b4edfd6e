-- Fair work queues (GET /v1/queues/{team}, POST …/claim): a claim is taken atomically in
-- PostgreSQL and its assignment reaches the complaint's workflow (`assign`) through a durable
-- relay (jobs/assignment-relay.ts), so the read model and the workflow agree and no claim is lost
-- when Temporal or a process is down.
ALTER TABLE complaints
  -- The queue's first key: critical first, unclassified last.
  ADD COLUMN severity_rank smallint GENERATED ALWAYS AS (
    CASE severity WHEN 'critical' THEN 0 WHEN 'high' THEN 1 WHEN 'medium' THEN 2 WHEN 'low' THEN 3 ELSE 4 END) STORED;

CREATE TABLE complaint_claims (
  id               uuid PRIMARY KEY,
  complaint_id     uuid NOT NULL REFERENCES complaints (id) ON DELETE CASCADE,
  team             text NOT NULL,
  claimed_by       text NOT NULL,
  claimed_at       timestamptz NOT NULL DEFAULT now(),
  released_at      timestamptz,
  released_by      text,
  -- Where the workflow's `assign` for this claim stands, and (once released) its unassignment.
  assignment       text NOT NULL DEFAULT 'pending' CHECK (assignment IN ('pending', 'recorded', 'refused')),
  release          text CHECK (release IN ('pending', 'recorded', 'refused')),
  attempts         integer NOT NULL DEFAULT 0,
  last_error       text,
  next_attempt_at  timestamptz NOT NULL DEFAULT now()
);
-- At most one live claim per complaint: the claim transaction relies on it.
CREATE UNIQUE INDEX complaint_claims_live_idx ON complaint_claims (complaint_id) WHERE released_at IS NULL;
CREATE INDEX complaint_claims_relay_idx ON complaint_claims (next_attempt_at)
  WHERE assignment = 'pending' OR release = 'pending';
