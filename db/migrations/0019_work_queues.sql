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
  -- The roles the workflow's `assign` (and its release) are taken with, as the API saw them.
  claimed_by_role  text NOT NULL DEFAULT 'agent',
  -- clock_timestamp(), not now(): the relay delivers one complaint's claims in this order.
  claimed_at       timestamptz NOT NULL DEFAULT clock_timestamp(),
  released_at      timestamptz,
  released_by      text,
  released_by_role text,
  -- Why the claim ended: given back (`released`), the workflow refused the assignment
  -- (`refused`), someone else was assigned meanwhile (`reassigned`), the complaint closed.
  end_reason       text CHECK (end_reason IN ('released', 'refused', 'reassigned', 'closed')),
  -- Where the workflow's `assign` for this claim stands, and (once released) its unassignment;
  -- `skipped`: the workflow's assignee was no longer the claimer, so nothing was cleared.
  assignment       text NOT NULL DEFAULT 'pending' CHECK (assignment IN ('pending', 'recorded', 'refused')),
  release          text CHECK (release IN ('pending', 'recorded', 'skipped')),
  -- The relay's lease and fence, as the outbox dispatcher's: each take counts an attempt, and
  -- every write after the Temporal call names it, so a relay whose lease expired writes nothing.
  attempts         integer NOT NULL DEFAULT 0,
  relay_started_at timestamptz,
  last_error       text,
  next_attempt_at  timestamptz NOT NULL DEFAULT now(),
  CHECK ((released_at IS NULL) = (end_reason IS NULL))
);
-- At most one live claim per complaint: the claim transaction relies on it.
CREATE UNIQUE INDEX complaint_claims_live_idx ON complaint_claims (complaint_id) WHERE released_at IS NULL;
CREATE INDEX complaint_claims_relay_idx ON complaint_claims (next_attempt_at)
  WHERE assignment = 'pending' OR release = 'pending';
-- An agent's live claims (the cap on hoarding) and their recent claims (GET …/claims).
CREATE INDEX complaint_claims_holder_idx ON complaint_claims (claimed_by, claimed_at DESC);
-- Every claim of a complaint, oldest first: the relay keeps them in order.
CREATE INDEX complaint_claims_complaint_idx ON complaint_claims (complaint_id, claimed_at);

-- The queue in its fair order, only over the complaints that can be in a queue (open, confirmed
-- by their workflow, nobody has them): one index for a team's own, one for its department's
-- complaints not yet given to a team. The claim reads the first rows of each and stops.
CREATE INDEX complaints_team_queue_idx ON complaints (team, severity_rank, received_at, id)
  WHERE assignee IS NULL AND status <> 'closed' AND recorded_at IS NOT NULL AND team IS NOT NULL;
CREATE INDEX complaints_department_queue_idx ON complaints (department, severity_rank, received_at, id)
  WHERE assignee IS NULL AND status <> 'closed' AND recorded_at IS NOT NULL AND team IS NULL;

-- A delivered claim ends by itself when the complaint moves on without it: someone else is
-- assigned (or the assignee is cleared by a decision), or the complaint closes. Else it would
-- keep the complaint out of the queue and count against its holder's cap for ever.
CREATE FUNCTION end_claims_overtaken() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE complaint_claims
  SET released_at = now(),
      end_reason = CASE WHEN NEW.status = 'closed' THEN 'closed' ELSE 'reassigned' END
  WHERE complaint_id = NEW.id AND released_at IS NULL AND assignment = 'recorded'
    AND (NEW.status = 'closed' OR NEW.assignee IS DISTINCT FROM claimed_by);
  RETURN NULL;
END $$;

CREATE TRIGGER complaints_end_claims_overtaken
  AFTER UPDATE OF assignee, status ON complaints
  FOR EACH ROW WHEN (NEW.assignee IS DISTINCT FROM OLD.assignee OR (NEW.status = 'closed' AND OLD.status <> 'closed'))
  EXECUTE FUNCTION end_claims_overtaken();
