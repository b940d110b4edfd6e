-- The facts the KPI report and trends read (GET /v1/reports/kpis, /trends), kept exact by the
-- transaction that records each transition (read-model/record-transition.ts): no nightly job
-- that can drift. Rows of the tables below are derived from the complaint's lifecycle, so they
-- go with it (ON DELETE CASCADE).
ALTER TABLE complaints
  -- The received_at of the same customer's (keyed hash) latest earlier complaint in the same
  -- category; null when none. The repeat window is the report's to apply.
  ADD COLUMN prior_complaint_at            timestamptz,
  -- Received → closed in working minutes of the complaint's calendar; null while open.
  ADD COLUMN resolution_business_minutes   integer,
  -- Closed by the end of the third business day after receipt (the FCA's figure); null while open.
  ADD COLUMN closed_within_3_business_days boolean,
  -- Breaches of stage deadlines so far (the lifecycle's counters.breaches).
  ADD COLUMN breach_count                  integer NOT NULL DEFAULT 0;

-- One row per proposed resolution (round): what regulators ask (outcome), what it offered, how
-- the customer answered.
CREATE TABLE complaint_proposals (
  complaint_id  uuid NOT NULL REFERENCES complaints (id) ON DELETE CASCADE,
  round         smallint NOT NULL,
  outcome       text CHECK (outcome IN ('upheld', 'partly_upheld', 'not_upheld')),
  remedy        text NOT NULL,
  amount        numeric(14, 2),
  currency      text,
  proposed_at   timestamptz NOT NULL,
  answer        text CHECK (answer IN ('accepted', 'rejected', 'deemed_accepted')),
  answered_at   timestamptz,
  PRIMARY KEY (complaint_id, round)
);

-- One row per stage clock run: per-stage SLA attainment (acknowledgement on time is the
-- `acknowledgement` stage's).
CREATE TABLE complaint_stage_clocks (
  complaint_id  uuid NOT NULL REFERENCES complaints (id) ON DELETE CASCADE,
  stage         text NOT NULL,
  started_at    timestamptz NOT NULL,
  deadline_at   timestamptz,
  ended_at      timestamptz,              -- null while the clock runs or is paused
  breached      boolean NOT NULL DEFAULT false,
  PRIMARY KEY (complaint_id, stage, started_at)
);

-- One row per escalation up a stage's chain, with the level it reached.
CREATE TABLE complaint_escalations (
  complaint_id  uuid NOT NULL REFERENCES complaints (id) ON DELETE CASCADE,
  seq           integer NOT NULL,
  stage         text NOT NULL,
  level         text NOT NULL,
  occurred_at   timestamptz NOT NULL,
  PRIMARY KEY (complaint_id, seq)
);

-- Corrective actions' root causes, for the report's top N.
CREATE TABLE complaint_corrective_actions (
  complaint_id  uuid NOT NULL REFERENCES complaints (id) ON DELETE CASCADE,
  action_id     text NOT NULL,
  root_cause    text NOT NULL,
  recorded_at   timestamptz NOT NULL,
  PRIMARY KEY (complaint_id, action_id)
);


-- Which one-off JS backfills (read-model/report-facts-backfill.ts) have completed.
CREATE TABLE report_fact_backfills (
  step          text PRIMARY KEY,
  completed_at  timestamptz NOT NULL DEFAULT now()
);

-- ---- Backfill: what the recorded lifecycle and timeline of existing complaints tell ---------
-- Business-minute facts need the calendar, and the repeat link needs the customer hashes (filled
-- in JS): read-model/report-facts-backfill.ts does those once the worker's jobs start.

UPDATE complaints SET breach_count = coalesce((lifecycle -> 'state' -> 'counters' ->> 'breaches')::integer, 0)
WHERE lifecycle IS NOT NULL;

INSERT INTO complaint_proposals (complaint_id, round, outcome, remedy, amount, currency, proposed_at, answer, answered_at)
SELECT c.id, (p ->> 'round')::smallint, p ->> 'outcome', p ->> 'remedy', (p ->> 'amount')::numeric, p ->> 'currency',
  (p ->> 'proposedAt')::timestamptz, p -> 'answer' ->> 'outcome', (p -> 'answer' ->> 'at')::timestamptz
FROM complaints c, jsonb_array_elements(coalesce(c.lifecycle -> 'state' -> 'proposals', '[]')) AS p
ON CONFLICT DO NOTHING;

INSERT INTO complaint_corrective_actions (complaint_id, action_id, root_cause, recorded_at)
SELECT c.id, a ->> 'id', a ->> 'rootCause', (a ->> 'recordedAt')::timestamptz
FROM complaints c, jsonb_array_elements(coalesce(c.lifecycle -> 'state' -> 'correctiveActions', '[]')) AS a
ON CONFLICT DO NOTHING;

-- Stage runs that ended: each transition that stopped a clock recorded its `stageOutcome`. A run
-- starts where the lifecycle starts it: the acknowledgement at receipt, the initial review with
-- the transition that ended the acknowledgement, the investigation with the one that ended the
-- initial review, a reinvestigation with the rejection that opened it. Their deadlines were not
-- recorded: deadline_at stays null for them (breached is what SLA attainment reads).
WITH marks AS (
  SELECT e.complaint_id, e.seq, e.occurred_at, e.data -> 'stageOutcome' ->> 'stage' AS stopped,
    (e.data -> 'stageOutcome' ->> 'met')::boolean AS met,
    (e.type = 'customer_rejected' OR (e.type = 'record_customer_answer' AND e.data ->> 'answer' = 'rejected')) AS rejection
  FROM complaint_events e
  WHERE e.data ? 'stageOutcome' OR e.type IN ('customer_rejected', 'record_customer_answer')
), runs AS (
  SELECT m.complaint_id, m.stopped AS stage, m.occurred_at AS ended_at, m.met,
    CASE m.stopped
      WHEN 'acknowledgement' THEN c.received_at
      WHEN 'initialReview' THEN m.acknowledged_at
      WHEN 'investigation' THEN m.reviewed_at
      ELSE m.rejected_at
    END AS started_at
  FROM (
    SELECT marks.*,
      max(occurred_at) FILTER (WHERE stopped = 'acknowledgement') OVER earlier AS acknowledged_at,
      max(occurred_at) FILTER (WHERE stopped = 'initialReview') OVER earlier AS reviewed_at,
      max(occurred_at) FILTER (WHERE rejection) OVER earlier AS rejected_at
    FROM marks
    WINDOW earlier AS (PARTITION BY complaint_id ORDER BY seq ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING)
  ) m JOIN complaints c ON c.id = m.complaint_id
  WHERE m.stopped IS NOT NULL
)
INSERT INTO complaint_stage_clocks (complaint_id, stage, started_at, deadline_at, ended_at, breached)
SELECT r.complaint_id, r.stage, r.started_at, NULL, r.ended_at,
  r.met IS FALSE OR EXISTS (SELECT 1 FROM complaint_events b WHERE b.complaint_id = r.complaint_id
    AND b.type = 'deadline_breached' AND b.data ->> 'stage' = r.stage
    AND b.occurred_at >= r.started_at AND b.occurred_at <= r.ended_at)
FROM runs r WHERE r.started_at IS NOT NULL
ON CONFLICT DO NOTHING;

-- The run going on now, exactly as the last snapshot shows it.
INSERT INTO complaint_stage_clocks (complaint_id, stage, started_at, deadline_at, ended_at, breached)
SELECT c.id, c.lifecycle -> 'state' -> 'stage' ->> 'id', (c.lifecycle -> 'state' -> 'stage' ->> 'startedAt')::timestamptz,
  CASE WHEN c.lifecycle -> 'deadlines' -> 'stage' ->> 'id' = c.lifecycle -> 'state' -> 'stage' ->> 'id'
    THEN (c.lifecycle -> 'deadlines' -> 'stage' ->> 'deadline')::timestamptz END,
  NULL, coalesce((c.lifecycle -> 'state' -> 'stage' ->> 'breachCount')::integer, 0) > 0
FROM complaints c WHERE jsonb_typeof(c.lifecycle -> 'state' -> 'stage') = 'object'
ON CONFLICT DO NOTHING;

-- Escalation steps, with the level each reached as its notification named it: an agent's
-- `escalate` (its complaint_escalated message's level), a breach (its deadline_breached message's
-- owner). Kept only for complaints where that accounts for every step the lifecycle counted; a
-- complaint whose steps the timeline cannot tell apart (a policy that breaches without
-- escalating, breaches collapsed after an outage, no notification) gets none rather than guesses.
CREATE TEMPORARY TABLE derived_escalations ON COMMIT DROP AS
SELECT DISTINCT ON (e.complaint_id, e.seq) e.complaint_id, e.seq,
  CASE WHEN e.type = 'deadline_breached' THEN e.data ->> 'stage' ELSE coalesce((
    SELECT s.stage FROM complaint_stage_clocks s WHERE s.complaint_id = e.complaint_id AND s.started_at <= e.occurred_at
    ORDER BY s.started_at DESC LIMIT 1), 'acknowledgement') END AS stage,
  CASE WHEN e.type = 'escalate' THEN m.params ->> 'level' ELSE m.params ->> 'owner' END AS level,
  e.occurred_at
FROM complaint_events e
JOIN outbox_messages m ON m.complaint_id = e.complaint_id AND m.seq = e.seq
  AND m.template = CASE WHEN e.type = 'escalate' THEN 'complaint_escalated' ELSE 'deadline_breached' END
WHERE e.type IN ('escalate', 'deadline_breached')
ORDER BY e.complaint_id, e.seq, m.ordinal;

INSERT INTO complaint_escalations (complaint_id, seq, stage, level, occurred_at)
SELECT d.complaint_id, d.seq, d.stage, d.level, d.occurred_at
FROM derived_escalations d
JOIN (SELECT complaint_id, count(*) AS steps FROM derived_escalations WHERE level IS NOT NULL GROUP BY complaint_id) n
  ON n.complaint_id = d.complaint_id
JOIN complaints c ON c.id = d.complaint_id
WHERE d.level IS NOT NULL AND n.steps = coalesce((c.lifecycle -> 'state' -> 'counters' ->> 'escalations')::integer, -1)
ON CONFLICT DO NOTHING;
-- KPI report indexes (job A2): each figure's query is one range scan over the date that decides
-- its period, index-only where it can be (read-model/kpi-report.ts).
CREATE INDEX complaints_received_at_idx ON complaints (received_at) INCLUDE (prior_complaint_at);
CREATE INDEX complaints_closed_at_idx ON complaints (closed_at)
  INCLUDE (received_at, closure, resolution_business_minutes, closed_within_3_business_days, calendar_id) WHERE closed_at IS NOT NULL;
CREATE INDEX complaints_open_received_at_idx ON complaints (received_at) INCLUDE (calendar_id) WHERE closed_at IS NULL;
CREATE INDEX complaints_external_idx ON complaints (id, round) WHERE status = 'open_external' OR closure = 'external_decision';
CREATE INDEX complaint_stage_clocks_settled_idx ON complaint_stage_clocks ((CASE WHEN breached THEN deadline_at ELSE ended_at END))
  INCLUDE (stage, breached);
CREATE INDEX complaint_escalations_occurred_at_idx ON complaint_escalations (occurred_at) INCLUDE (level);
CREATE INDEX complaint_proposals_proposed_at_idx ON complaint_proposals (proposed_at) INCLUDE (outcome);
CREATE INDEX complaint_proposals_answered_at_idx ON complaint_proposals (answered_at)
  INCLUDE (round, answer, amount, currency) WHERE answered_at IS NOT NULL;
CREATE INDEX complaint_corrective_actions_recorded_at_idx ON complaint_corrective_actions (recorded_at) INCLUDE (root_cause);
CREATE INDEX survey_answers_answered_at_ratings_idx ON survey_answers (answered_at) INCLUDE (handling, outcome);
